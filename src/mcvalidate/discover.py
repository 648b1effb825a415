"""From the paths on the command line to the ordered list of files to check."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

SUFFIXES = (".yaml", ".yml")


class MissingPath(ValueError):
    """A path given on the command line does not exist (a usage error: exit 2)."""


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
