"""From the paths on the command line to the ordered list of files to check: directories
searched, ``exclude`` globs applied, each file with the name it is reported under.

Globs (``exclude``, ``per_file_ignores``) match paths relative to the configuration file's
directory: :func:`relative_to` and :func:`mcvalidate.globs.glob_match` are the one way of
doing both.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path, PurePath
from typing import BinaryIO, TextIO

from mcvalidate.errors import MissingPath, UsageError
from mcvalidate.globs import glob_match

SUFFIXES = (".yaml", ".yml")
# The names that say a file is a course file (``mass-timber.mc.yaml``): such a file found in a
# directory is always checked, whatever its content looks like, and editors can match the
# name to the course schema (a SchemaStore ``fileMatch``) without a modeline.
COURSE_SUFFIXES = (".mc.yaml", ".mc.yml")


def has_course_name(path: str) -> bool:
    """True when the file name of ``path`` follows the course-file convention (any case)."""
    return path.lower().endswith(COURSE_SUFFIXES)


def course_stem(path: str) -> str:
    """The file's name less its extension, ``.mc.yaml`` counted as one: the id of a course
    that writes none (``mass-timber.mc.yaml`` and ``mass-timber.yaml`` are ``mass-timber``)."""
    name = PurePath(path).name
    if has_course_name(name):
        return name[: -len(next(s for s in COURSE_SUFFIXES if name.lower().endswith(s)))]
    return PurePath(path).stem


class Found:
    """What a run checks, found as it goes, and what it found but does not check.

    :attr:`files` is an iterator: a file is found when the run is ready to check it, so that
    no list of every file is ever held. The other attributes are complete once it is spent.
    """

    def __init__(self) -> None:
        # (path, display name) of each file to check, in order.
        self.files: Iterator[tuple[Path, str]] = iter(())
        # How many files it has given.
        self.count = 0
        # How many files an ``exclude`` glob left out.
        self.excluded = 0
        # (display name, target) of each symbolic link found in a directory that leads
        # outside the paths given: it is not followed.
        self.skipped_links: list[tuple[str, str]] = []
        # (display name, reason) of each directory that could not be listed.
        self.unreadable: list[tuple[str, str]] = []


def files_to_check(
    paths: Sequence[str], exclude: Sequence[str] = (), root: Path | None = None
) -> Found:
    """The files of ``paths``, less those an ``exclude`` glob (relative to ``root``) matches.
    A path that does not exist is a :class:`MissingPath` error at once, before any file."""
    found = discover(paths) if paths else Found()
    files = found.files
    if exclude:
        files = _kept(files, found, exclude, os.path.abspath(root or Path.cwd()))
    found.files = _counted(found, files)
    return found


def _counted(found: Found, files: Iterator[tuple[Path, str]]) -> Iterator[tuple[Path, str]]:
    for file in files:
        found.count += 1
        yield file


def _kept(
    files: Iterator[tuple[Path, str]], found: Found, exclude: Sequence[str], base: str
) -> Iterator[tuple[Path, str]]:
    for path, display in files:
        relative = relative_to(path, base)
        if relative is None or not any(glob_match(g, relative) for g in exclude):
            yield path, display
        else:
            found.excluded += 1


def discover(paths: Iterable[str]) -> Found:
    """Files to check as ``(path, display name)``, in a stable order, each once.

    A file named explicitly is checked whatever its suffix; a directory is searched for
    ``*.yaml`` and ``*.yml`` files (in any case), skipping hidden files and directories
    (``.git``, ``.venv``, ``.pre-commit-config.yaml``...), which are not course files. A
    symbolic link found in a directory is followed only when it leads inside the paths given:
    a link to ``/etc/passwd`` or a token file is skipped, never read or shown.
    """
    texts = list(paths)
    given = [Path(p) for p in texts]
    for path, text in zip(given, texts, strict=True):
        if not path.exists() and not path.is_symlink():
            raise MissingPath(f"the path '{text}' does not exist")
    found = Found()
    found.files = _each_once(given, found)
    return found


def _each_once(given: Sequence[Path], found: Found) -> Iterator[tuple[Path, str]]:
    roots = [resolved(p) for p in given]
    # A file reached twice (two paths given that overlap, a link to a file of the tree) is
    # checked once. What is remembered of each file is its real path as a string (about a
    # tenth of what a Path object and its parts take): the one thing kept per file.
    seen: set[str] = set()
    for path in given:
        candidates = _walk(path, roots, found) if path.is_dir() else iter([path])
        for candidate in candidates:
            key = str(resolved(candidate))
            if key not in seen:
                seen.add(key)
                yield candidate, display_path(candidate)


def _walk(root: Path, roots: Sequence[Path], found: Found) -> Iterator[Path]:
    def unreadable(exc: OSError) -> None:
        where = display_path(Path(exc.filename)) if exc.filename else display_path(root)
        found.unreadable.append((where, exc.strerror or exc.__class__.__name__))

    for directory, subdirs, names in os.walk(root, onerror=unreadable):
        kept = []
        for name in sorted(subdirs):
            path = Path(directory, name)
            if name.startswith("."):
                continue
            # os.path.islink, unlike Path.is_symlink, says False for a path too long to look at:
            # walking into it then fails, and that failure is a finding.
            if os.path.islink(path):  # never walked into; inside the paths, walked anyway
                _outside(path, roots, found)
                continue
            kept.append(name)
        subdirs[:] = kept
        for name in sorted(names):
            if name.startswith(".") or not name.lower().endswith(SUFFIXES):
                continue
            path = Path(directory, name)
            if os.path.islink(path) and _outside(path, roots, found):
                continue
            yield path


def _outside(link: Path, roots: Sequence[Path], found: Found) -> bool:
    """True (and noted as skipped) when the symbolic link ``link`` leads outside ``roots``. A
    link that leads nowhere (dangling, or a loop) is not outside: reading it is a finding."""
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):
        return False
    if any(target == root or root in target.parents for root in roots):
        return False
    found.skipped_links.append((display_path(link), str(target)))
    return True


def resolved(path: Path) -> Path:
    """The real path, or the absolute one when it cannot be resolved (a symbolic link loop)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def display_path(path: Path) -> str:
    """The path as the user will recognise it: relative to the working directory if inside,
    with bytes that are not UTF-8 written as escapes (``caf\\xe9.yaml``), so that every report
    can hold it. Symbolic links are not followed: a link is reported under its own name."""
    try:
        shown = Path(os.path.abspath(path)).relative_to(os.path.abspath(Path.cwd())).as_posix()
    except ValueError:
        shown = path.as_posix()
    return os.fsencode(shown).decode("utf-8", "backslashreplace")


def relative_to(path: Path | str, base: str) -> str | None:
    """``path`` relative to the absolute directory ``base``, slash-separated, or None when it
    is outside it."""
    absolute = os.path.abspath(path)
    base = base.rstrip(os.sep)
    if not absolute.startswith(base + os.sep):
        return None
    return Path(absolute[len(base) + 1 :]).as_posix()


# Opening a pipe for reading must not wait for a writer: the descriptor is checked first.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


class NotRegular(OSError):
    """The path is not a regular file (a pipe, a device, a directory): it is not read."""


def open_regular(path: Path) -> tuple[BinaryIO, os.stat_result]:
    """``path`` opened for reading, and its status, when it is a regular file. It is opened
    without blocking and checked through the open descriptor, so that a pipe or a device
    (swapped in after the directory was listed, or named by mistake) is refused at once, never
    waited on. Raises :class:`NotRegular`, or the ``OSError`` of opening it."""
    stream = os.fdopen(os.open(path, os.O_RDONLY | _NONBLOCK), "rb")
    status = os.fstat(stream.fileno())
    if not stat.S_ISREG(status.st_mode):
        stream.close()
        raise NotRegular(errno.EINVAL, "not a regular file (a pipe, device or directory)")
    return stream, status


def read_regular(path: Path) -> bytes:
    """The bytes of the regular file ``path`` (see :func:`open_regular`)."""
    stream, _ = open_regular(path)
    with stream:
        return stream.read()


def working_directory() -> Path:
    """The working directory; one that was deleted under the run is a usage error."""
    try:
        return Path.cwd()
    except OSError:
        raise UsageError(
            "the working directory does not exist any more (deleted?): change to another one"
        ) from None


@contextlib.contextmanager
def replaced_atomically(target: Path) -> Iterator[TextIO]:
    """A text stream whose content replaces ``target`` only once it is complete: it is written
    to a temporary file beside it and renamed over it, so that a full disk or a kill leaves
    the old file whole, never a truncated one. A target that is not a regular file (a device
    such as ``/dev/stdout``, a pipe) is written to as it is: it is never replaced; a symbolic
    link keeps pointing where it did, at the file that is replaced."""
    real = resolved(target)
    if real.exists() and not real.is_file():
        with open(real, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
        return
    with _beside(real) as handle, os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
        yield out


def write_atomically(target: Path, raw: bytes) -> None:
    """Replace the file ``target`` (through a symbolic link: the file it leads to) with
    ``raw``, as :func:`replaced_atomically` does: whole, or not at all."""
    with _beside(resolved(target)) as handle, os.fdopen(handle, "wb") as stream:
        stream.write(raw)


@contextlib.contextmanager
def _beside(real: Path) -> Iterator[int]:
    """The descriptor of a temporary file beside ``real``, renamed over it once the block has
    written it (with ``real``'s permissions, or a new file's), removed if the block fails."""
    import tempfile  # only to write: a check that writes nothing does not import it

    handle, temporary = tempfile.mkstemp(prefix=f".{real.name}.", dir=real.parent)
    try:
        yield handle
        mode = stat.S_IMODE(real.stat().st_mode) if real.exists() else 0o666 & ~_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
