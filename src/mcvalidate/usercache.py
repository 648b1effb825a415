"""The user's cache directory: what one run works out once and later runs read back.

Two things are kept there: the compiled course and configuration models
(:mod:`mcvalidate.model.compiled`) and the codes the registries were found to hold
(:mod:`mcvalidate.codes`). Each file's name carries a stamp of what it was made from, so a
changed source or an upgraded library is never read through a stale file; nothing kept there is
needed (a run that cannot read or write it works it out again).

What is read back decides what runs (the compiled model is a pickle; the packs' list names
modules to import), so a file is read, and the directory written, only when they are the
user's own and not writable by every user, as a configuration file is trusted
(:mod:`mcvalidate.trust`); the directory is made for its owner only. A cache in a shared place
(a world-writable ``MCVALIDATE_CACHE_DIR``) is passed over: each run works everything out
again.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import time
from collections.abc import Iterable
from pathlib import Path

# Set to a directory to keep the cache there; set empty to keep none.
CACHE_ENV = "MCVALIDATE_CACHE_DIR"


def cache_dir() -> Path | None:
    """``$MCVALIDATE_CACHE_DIR``, else the platform's user cache directory; None when
    ``MCVALIDATE_CACHE_DIR`` is empty (no cache)."""
    given = os.environ.get(CACHE_ENV)
    if given is not None:
        return Path(given) if given else None
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "mcvalidate"


def stamp(paths: Iterable[Path]) -> str:
    """A short hex digest of the files' modification times and sizes (a missing file counts
    as one of size -1): it changes when any of them does."""
    value = 0
    for path in paths:
        try:
            status = path.stat()
            mark = status.st_mtime_ns * 31 + status.st_size
        except OSError:
            mark = -1
        value = (value * 1_000_003 + mark) % (1 << 64)
    return f"{value:016x}"


# A file of the cache that no run has written for this long is removed when another of its
# family is written (an upgrade leaves the old version's behind; another environment that
# still uses one writes it again, once).
STALE_AFTER = 30 * 24 * 3600


def trusted(path: Path) -> bool:
    """Whether ``path`` (and, for a file, its directory) belongs to the user and is not
    writable by every user; always, on a system without user ids. False for a path that does
    not exist."""
    if not hasattr(os, "geteuid"):
        return path.exists()
    try:
        statuses = [path.stat()]
        if not stat.S_ISDIR(statuses[0].st_mode):
            statuses.append(path.parent.stat())
    except OSError:
        return False
    return all(s.st_uid == os.geteuid() and not s.st_mode & stat.S_IWOTH for s in statuses)


def read(path: Path) -> bytes | None:
    """The bytes of a cache file, or None when it is absent, unreadable or not
    :func:`trusted`."""
    if not trusted(path):
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def write_atomic(path: Path, payload: bytes) -> None:
    """Write ``payload`` so that a parallel run never reads half of it; silently not at all
    where the directory cannot be written. Files of the same family (the name up to its first
    ``-``) left unwritten for :data:`STALE_AFTER` seconds are removed."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not trusted(path.parent):
            return  # a shared directory: what is written there would never be read back
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_bytes(payload)
        os.replace(temporary, path)
    except OSError:
        return
    _prune(path)


def _prune(kept: Path) -> None:
    family = kept.name.split("-", 1)[0] + "-"
    now = time.time()
    try:
        with os.scandir(kept.parent) as listing:
            for entry in listing:
                if entry.name.startswith(family) and entry.name != kept.name:
                    with contextlib.suppress(OSError):
                        if now - entry.stat().st_mtime > STALE_AFTER:
                            os.unlink(entry.path)
    except OSError:
        return


def append_line(path: Path, line: str) -> None:
    """Add one line to ``path`` (a single ``write`` in append mode, which parallel runs do not
    interleave); silently not at all where it cannot be written."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not trusted(path.parent) or (path.exists() and not trusted(path)):
            return
        with path.open("a", encoding="utf-8") as stream:
            stream.write(line + "\n")
    except OSError:
        return
