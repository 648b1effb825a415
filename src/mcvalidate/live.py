"""Checking text that is being edited: what the language server asks of the engine.

An editor sends the whole text of an open file at every change. Each check must be quick (a
few milliseconds), so the costly part, the checker (configuration, packs, selection, settings),
is built once per configuration file and kept; it is rebuilt only when it would now differ:
the configuration file (found from the edited file's folder, as ``check`` finds it from the
working directory) appears, disappears or changes, a local pack of its ``rule_paths``
changes, or the date does (rules compare dates with today). Looking that up costs a few
``stat`` calls per check, so no change is missed even by an editor that reports no file
events; one that does report them makes :meth:`Workspace.forget` rebuild at once.

This module knows nothing of the protocol: it turns text into a :class:`Checked` (the file
result and what is needed to place and explain it), and :mod:`mcvalidate.lsp` speaks LSP.
"""

from __future__ import annotations

import datetime
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from mcvalidate.config import ISOLATED_ENV, Configuration, find, resolve
from mcvalidate.discover import has_course_name, relative_to
from mcvalidate.engine import Checker
from mcvalidate.errors import McvalidateError
from mcvalidate.findings import FileResult
from mcvalidate.globs import glob_match
from mcvalidate.lines import Lines
from mcvalidate.packs import Selection
from mcvalidate.recognise import is_course_text
from mcvalidate.runner import checker_for
from mcvalidate.text import visible

Stamp = tuple[object, ...]


@dataclass(frozen=True)
class Checked:
    """One check of one text: its result (None when the file is not a course file, or is
    excluded by the configuration), its lines, and the selection that explains its rules.
    ``error`` is why it could not be checked at all (a broken configuration or pack)."""

    result: FileResult | None
    lines: Lines
    selection: Selection | None = None
    config: Path | None = None
    error: str = ""


@dataclass
class _Built:
    stamp: Stamp
    checker: Checker | None
    config: Configuration | None
    error: str


class Workspace:
    """The checkers of one editor session, one per configuration file in use.

    ``root`` is the folder the editor opened (used for files not saved yet); ``isolated``
    reads no configuration file, as ``check --isolated`` (or ``MCVALIDATE_ISOLATED``) does."""

    def __init__(self, root: Path | None = None, *, isolated: bool = False) -> None:
        self.root = root or Path.cwd()
        isolated_env = os.environ.get(ISOLATED_ENV, "").lower() in ("1", "true", "yes")
        self.isolated = isolated or isolated_env
        self._built: dict[Path | None, _Built] = {}

    def check(self, path: Path | None, text: str) -> Checked:
        """Check ``text``, the content of the file at ``path`` (None: not saved yet)."""
        lines = Lines(text)
        folder = path.parent if path is not None else self.root
        config_path = None if self.isolated else find(folder)
        built = self._checker(config_path, folder)
        if built.checker is None or built.config is None:
            return Checked(None, lines, config=config_path, error=built.error)
        checker = built.checker
        raw = text.encode("utf-8", "surrogatepass")
        if path is not None and not self._wanted(path, raw, built.config):
            return Checked(None, lines, checker.selection, config_path)
        display = os.path.abspath(path) if path is not None else "untitled"
        result = checker.check_bytes(display, raw)
        return Checked(result, lines, checker.selection, config_path)

    def forget(self) -> None:
        """Rebuild every checker at its next use (a configuration file or a pack changed)."""
        for built in self._built.values():
            _forget_local_packs(built.config)
        self._built.clear()

    def _checker(self, config_path: Path | None, folder: Path) -> _Built:
        stamp = _stamp(config_path, self._built.get(config_path))
        built = self._built.get(config_path)
        if built is not None and built.stamp == stamp:
            return built
        if built is not None:
            _forget_local_packs(built.config)
        built = _build(config_path, folder, self.isolated)
        # The stamp is taken again: building imports the packs, whose files it then lists.
        built.stamp = _stamp(config_path, built)
        self._built[config_path] = built
        return built

    @staticmethod
    def _wanted(path: Path, raw: bytes, config: Configuration) -> bool:
        relative = relative_to(path, os.path.abspath(config.root))
        if relative is not None and any(glob_match(g, relative) for g in config.values.exclude):
            return False
        # As in a directory: a course file by its name (*.mc.yaml) or by what it holds.
        return has_course_name(path.name) or is_course_text(raw)


def _build(config_path: Path | None, folder: Path, isolated: bool) -> _Built:
    try:
        config = resolve(None, isolated, start=folder)
        checker, _ = checker_for(config)
    except McvalidateError as exc:
        return _Built((), None, None, visible(str(exc)))
    return _Built((), checker, config, "")


def _stamp(config_path: Path | None, built: _Built | None) -> Stamp:
    """What the checker of ``config_path`` depends on that may change while it is kept."""
    files = [config_path] if config_path is not None else []
    if built is not None and built.config is not None:
        files += _local_pack_files(built.config)
    return (datetime.date.today(), *(_file_stamp(f) for f in files))


def _file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size)


def _local_pack_files(config: Configuration) -> list[Path]:
    files: list[Path] = []
    for entry in config.values.rule_paths:
        path = config.root / entry
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


def _forget_local_packs(config: Configuration | None) -> None:
    """Drop the modules of ``config``'s local packs, so that building again imports the files
    as they are now (an installed pack is imported once per session: restart the server)."""
    if config is None or not config.values.rule_paths:
        return
    roots = [os.path.abspath(config.root / p) for p in config.values.rule_paths]
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if file and any(_inside(os.path.abspath(file), root) for root in roots):
            del sys.modules[name]


def _inside(file: str, root: str) -> bool:
    return file == root or file.startswith(root + os.sep)
