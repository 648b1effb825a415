"""The rule packs installed as distributions: the entry points of the ``mcvalidate.packs``
group, remembered between runs.

Finding them with ``importlib.metadata`` costs a one-file check about a tenth of its time
(importing it, and reading every installed distribution's metadata), while they change only
when something is installed or removed. So the list found is kept in the user's cache
directory (:mod:`mcvalidate.usercache`) under a stamp of what it was read from: the import
path, each of its directories, and the ``entry_points.txt`` of every distribution in them. An
install, an uninstall, an edited editable install or another virtual environment changes
the stamp, and the entry points are read again. Nothing else is taken from the cache: a pack
is still imported from its module, as its entry point names it.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from mcvalidate import __version__
from mcvalidate.usercache import cache_dir, read, stamp, write_atomic

GROUP = "mcvalidate.packs"
_METADATA_DIRS = (".dist-info", ".egg-info")


class Found(NamedTuple):
    """One entry point of the group: the pack's name, ``module:attribute``, and the folder
    of its distribution's metadata ("" when unknown)."""

    name: str
    value: str
    metadata: str = ""

    def load(self) -> Any:
        """The object the entry point names (``module:attr.sub``), as ``EntryPoint.load``."""
        module, _, attribute = self.value.partition(":")
        found: Any = importlib.import_module(module.strip())
        for part in attribute.strip().split(".") if attribute.strip() else ():
            found = getattr(found, part)
        return found

    def distribution(self) -> tuple[str, str]:
        """The distribution's name and version, read from its metadata now."""
        from importlib.metadata import PathDistribution

        if not self.metadata:
            return "", ""
        dist = PathDistribution(Path(self.metadata))
        return dist.metadata["Name"] or "", dist.version or ""


def entry_points() -> list[Found]:
    """The group's entry points, sorted by name and value; from the cache when nothing
    installed has changed since they were read."""
    path = _cache_file()
    cached = read(path) if path is not None else None
    if cached is not None:
        try:
            return [Found(*row) for row in json.loads(cached)]
        except (ValueError, TypeError):
            pass  # spoilt: read afresh
    found = _read()
    if path is not None:
        rows = [[f.name, f.value, f.metadata] for f in found]
        write_atomic(path, json.dumps(rows).encode("utf-8"))
    return found


def _read() -> list[Found]:
    from importlib.metadata import entry_points as installed

    found = []
    for ep in installed(group=GROUP):
        # PathDistribution keeps its metadata folder in ``_path``; another kind of
        # distribution (a zip, a custom finder's) is named on demand without one.
        where = getattr(ep.dist, "_path", None)
        found.append(Found(ep.name, ep.value, str(where) if where is not None else ""))
    return sorted(found, key=lambda f: (f.name, f.value))


def _cache_file() -> Path | None:
    import zlib

    directory = cache_dir()
    if directory is None:
        return None
    # The import path itself too: two environments may share the cache directory.
    path = zlib.crc32("\0".join(sys.path).encode("utf-8", "surrogatepass"))
    return directory / f"packs-{__version__}-{stamp(_sources())}-{path:08x}.json"


def _sources() -> Iterator[Path]:
    """The files whose change may change the entry points: each directory of the import
    path, and each distribution's ``entry_points.txt`` in it."""
    for entry in sys.path:
        directory = Path(entry or ".")
        yield directory
        try:
            with os.scandir(directory) as listing:
                names = sorted(e.name for e in listing if e.name.endswith(_METADATA_DIRS))
        except OSError:
            continue
        for name in names:
            yield directory / name / "entry_points.txt"
