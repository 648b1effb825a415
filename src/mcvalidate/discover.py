"""From the paths on the command line to the ordered list of files to check: directories
searched, ``exclude`` globs applied, each file with the name it is reported under.

Globs (``exclude``, ``per_file_ignores``) match paths relative to the configuration file's
directory: :func:`relative_to` and :func:`glob_match` are the one way of doing both.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from mcvalidate.errors import MissingPath

SUFFIXES = (".yaml", ".yml")


def files_to_check(
    paths: Sequence[str], exclude: Sequence[str] = (), root: Path | None = None
) -> tuple[list[tuple[Path, str]], int]:
    """The files of ``paths`` as ``(path, display name)``, less those an ``exclude`` glob
    (relative to ``root``) matches; and how many were excluded."""
    found = discover(paths) if paths else []
    if not exclude:
        return found, 0
    base = os.path.abspath(root or Path.cwd())
    kept = []
    for path, display in found:
        relative = relative_to(path, base)
        if relative is None or not any(glob_match(g, relative) for g in exclude):
            kept.append((path, display))
    return kept, len(found) - len(kept)


def discover(paths: Iterable[str]) -> list[tuple[Path, str]]:
    """Files to check as ``(path, display name)``, in a stable order, each once.

    A file named explicitly is checked whatever its suffix; a directory is searched for
    ``*.yaml`` and ``*.yml`` files, skipping hidden files and directories (``.git``, ``.venv``,
    ``.pre-commit-config.yaml``...), which are not course files.
    """
    found: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            candidates = _walk(path)
        elif path.exists():
            candidates = [path]
        else:
            raise MissingPath(f"the path '{given}' does not exist")
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append((candidate, display_path(candidate)))
    return found


def _walk(root: Path) -> list[Path]:
    files: list[Path] = []
    for directory, subdirs, names in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        files.extend(
            Path(directory, n)
            for n in sorted(names)
            if n.endswith(SUFFIXES) and not n.startswith(".")
        )
    return files


def display_path(path: Path) -> str:
    """The path as the user will recognise it: relative to the working directory if inside.
    Symbolic links are not followed: a link is reported under its own name."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(Path.cwd())).as_posix()
    except ValueError:
        return path.as_posix()


def relative_to(path: Path | str, base: str) -> str | None:
    """``path`` relative to the absolute directory ``base``, slash-separated, or None when it
    is outside it."""
    absolute = os.path.abspath(path)
    base = base.rstrip(os.sep)
    if not absolute.startswith(base + os.sep):
        return None
    return Path(absolute[len(base) + 1 :]).as_posix()


def glob_match(pattern: str, path: str) -> bool:
    """Match a slash-separated relative ``path`` against a glob: ``*`` and ``?`` stay within a
    directory, ``**`` spans directories, a pattern without a slash matches the file name in
    any directory, and a pattern naming a directory matches everything below it."""
    return _glob_regex(pattern).fullmatch(path) is not None


@functools.cache
def _glob_regex(pattern: str) -> re.Pattern[str]:
    pattern = pattern.rstrip("/")
    if "/" not in pattern:
        pattern = "**/" + pattern
    regex, index = "", 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            regex, index = regex + "(?:.*/)?", index + 3
        elif pattern.startswith("**", index):
            regex, index = regex + ".*", index + 2
        elif pattern[index] in "*?":
            regex, index = regex + ("[^/]*" if pattern[index] == "*" else "[^/]"), index + 1
        else:
            regex, index = regex + re.escape(pattern[index]), index + 1
    return re.compile(regex + "(?:/.*)?")
