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
    """The files of ``given``, each once.

    A file can be reached twice only through paths given that overlap (a directory and a file
    or directory inside it, a path given twice) or through a symbolic link found in a
    directory. Where the paths given overlap, the real path of every file is remembered, as a
    string. Where they do not (nearly every run), nothing is remembered per file, so that a
    run of a hundred thousand files takes no more memory than a run of a thousand: a link to
    a file that the walk reaches under its own name is passed over (the file is checked under
    that name), and only the targets of the other links are remembered."""
    roots = [resolved(p) for p in given]
    overlap = _overlapping(roots)
    seen: set[str] = set()
    for path, root in zip(given, roots, strict=True):
        if not path.is_dir():
            if not overlap or _first(str(root), seen):
                yield path, display_path(path)
            continue
        for candidate, display, link in _walk(path, roots, found):
            if overlap:
                fresh = _first(str(resolved(candidate)), seen)
            elif link:
                target = resolved(candidate)
                fresh = not _reached(target, roots) and _first(str(target), seen)
            else:
                fresh = True
            if fresh:
                yield candidate, display


def _first(key: str, seen: set[str]) -> bool:
    """True the first time ``key`` is met (it is then remembered in ``seen``)."""
    if key in seen:
        return False
    seen.add(key)
    return True


def _overlapping(roots: Sequence[Path]) -> bool:
    """True when one of the real paths ``roots`` is another, or lies inside another."""
    names = {str(root) for root in roots}
    if len(names) < len(roots):
        return True
    return any(str(parent) in names for root in roots for parent in root.parents)


def _reached(target: Path, roots: Sequence[Path]) -> bool:
    """True when the walk of ``roots`` reaches the real path ``target`` under its own name: a
    file given, or a course file inside a directory given, with no hidden part on the way. A
    link that leads nowhere (dangling, or a loop) reaches no file."""
    if not os.path.exists(target) or os.path.islink(target) or os.path.isdir(target):
        return False
    for root in roots:
        if target == root:
            return True
        if root in target.parents:
            parts = target.relative_to(root).parts
            return target.name.lower().endswith(SUFFIXES) and not any(
                part.startswith(".") for part in parts
            )
    return False


def _walk(top: Path, roots: Sequence[Path], found: Found) -> Iterator[tuple[Path, str, bool]]:
    """The course files under the directory ``top`` as ``(path, display name, is a link)``,
    in a stable order (each directory's files by name, then its subdirectories by name,
    depth first), hidden ones left out.

    The directory is read with ``os.scandir``, whose entries say whether they are links
    without a system call each, and a file's display name is its directory's and its own,
    worked out once per directory rather than from the whole path for each file."""
    pending = [(os.fspath(top), display_path(top))]
    while pending:
        directory, shown = pending.pop()
        try:
            names, links, subdirectories = _listing(directory)
        except OSError as exc:
            where = display_path(Path(exc.filename)) if exc.filename else shown
            found.unreadable.append((where, exc.strerror or exc.__class__.__name__))
            continue
        prefix = shown if shown.endswith("/") else "" if shown == "." else f"{shown}/"
        for name in names:
            link = links.get(name)
            if link == "directory":  # never walked into; inside the paths, walked anyway
                _outside(Path(directory, name), roots, found)
                continue
            path = Path(directory, name)
            if not (link and _outside(path, roots, found)):
                yield path, prefix + _named(name), link is not None
        pending.extend(
            (os.path.join(directory, name), prefix + _named(name))
            for name in reversed(subdirectories)
        )


def _listing(directory: str) -> tuple[list[str], dict[str, str], list[str]]:
    """What the walk needs of a directory, by name: the course files and the links to
    directories, in order; which of them are links (``"file"`` or ``"directory"``); the
    subdirectories walked into, in order. Names only: a directory of 5,000 files held as
    ``os.DirEntry`` objects costs a megabyte while it is walked, its names a third of that."""
    names: list[str] = []
    links: dict[str, str] = {}
    subdirectories: list[str] = []
    with os.scandir(directory) as listing:
        for entry in listing:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_directory = entry.is_dir()
            except OSError:
                is_directory = False
            if is_directory:
                if entry.is_symlink():
                    links[name] = "directory"
                    names.append(name)
                else:
                    subdirectories.append(name)
            elif name.lower().endswith(SUFFIXES):
                if entry.is_symlink():
                    links[name] = "file"
                names.append(name)
    names.sort()
    subdirectories.sort()
    return names, links, subdirectories


def _named(name: str) -> str:
    """A file name as a report can hold it (see :func:`display_path`)."""
    return name if name.isascii() else os.fsencode(name).decode("utf-8", "backslashreplace")


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
