"""One ``mcvalidate check`` run, stage by stage:

    configuration -> registry and selection -> checker -> files -> results -> baseline
    -> reports -> exit code

The CLI parses options into :class:`Options` and calls :func:`run`; each stage lives in the
module its name says (``config``, ``packs``, ``settings``, ``discover``, ``parallel``,
``baseline``, ``reporters``), and this module only strings them together, testable without
click.
"""

from __future__ import annotations

import datetime
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TextIO

from mcvalidate import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, baseline
from mcvalidate.config import Configuration, resolve
from mcvalidate.discover import (
    Found,
    display_path,
    files_to_check,
    resolved,
    working_directory,
)
from mcvalidate.engine import Checker
from mcvalidate.errors import McvalidateError, PackError, SelectionError, UsageError
from mcvalidate.findings import FileResult, Severity
from mcvalidate.format_rules import INTERNAL_ERROR
from mcvalidate.packs import Registry, Selection
from mcvalidate.parallel import check_all, jobs_for
from mcvalidate.report import PackInfo, Report, View
from mcvalidate.reporters import targets, write
from mcvalidate.settings import settings_for
from mcvalidate.text import visible

STDIN = "-"


@dataclass
class Options:
    """What the command line said; None (or empty) means it said nothing about it."""

    paths: Sequence[str] = ()
    formats: Sequence[str] = ()
    outputs: Sequence[str] = ()
    fail_on: str | None = None
    frameworks: Sequence[str] = ()
    select: Sequence[str] | None = None
    ignore: Sequence[str] | None = None
    today: datetime.date | None = None
    quiet: bool = False
    color: str = "auto"
    config: str | None = None
    isolated: bool = False
    show_config: bool = False
    inline_ignores: bool = True
    show_suppressed: bool = False
    baseline: str | None = None
    write_baseline: str | None = None
    stdin_filename: str | None = None
    jobs: int | None = None
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))


def run(options: Options, stdout: TextIO, stderr: TextIO, stdin: BinaryIO | None = None) -> int:
    """Run ``mcvalidate check``; returns the exit code. ``stdin`` is read for the path ``-``
    (default: the process's standard input)."""
    try:
        return _run(options, stdout, stderr, stdin)
    except McvalidateError as exc:
        stderr.write(f"mcvalidate: error: {visible(str(exc))}\n")
        return EXIT_USAGE


def _run(options: Options, stdout: TextIO, stderr: TextIO, stdin: BinaryIO | None) -> int:
    working_directory()  # every path is shown relative to it: it must exist
    config = configuration(options)
    if options.show_config:
        config.show(stdout)
        return EXIT_OK
    pairs = targets(options.formats, options.outputs, options.environ)
    checker, registry = _prepare(options, config)
    selection = checker.selection
    found = _files(options, config, stderr)
    files = found.files
    _refuse_to_overwrite(files, [o for _, o in pairs if o] + [options.write_baseline or ""])
    results = check_all(checker, files, jobs_for(options.jobs, len(files)), prepare, options)
    results.extend(checker.unreadable_directory(*entry) for entry in found.unreadable)
    if STDIN in options.paths:
        if stdin is None and sys.stdin is None:
            raise UsageError("standard input is closed: there is nothing to read for '-'")
        source = stdin or sys.stdin.buffer
        # Read no more than a file may hold: the limit applies to standard input too.
        raw = source.read(checker.limits.max_bytes + 1)
        results.append(checker.check_bytes(options.stdin_filename or STDIN, raw))
    # Decided before any baseline: a crashed rule is never a pass, whatever was recorded.
    crashed = any(f.rule == INTERNAL_ERROR.id for r in results for f in r.findings)
    checked, baselined = len(results), 0
    recordable = {r.id for r in selection.rules if r.switchable}
    if options.write_baseline:
        recorded = baseline.write(Path(options.write_baseline), results, recordable)
        stderr.write(f"mcvalidate: wrote {recorded} finding(s) to {options.write_baseline}\n")
    elif options.baseline:
        entries = baseline.read(Path(options.baseline))
        results, baselined, stale = baseline.apply(entries, results, recordable)
        if stale:
            results.append(checker.result_of(display_path(Path(options.baseline)), stale))
    report = Report(
        results,
        _pack_info(selection, registry),
        Severity(config.values.fail_on),
        rules=selection.by_id,
        view=View(options.color, options.quiet, options.show_suppressed),
        baselined=baselined,
        files=checked,
        baseline_written=bool(options.write_baseline),
    )
    for name, target in pairs:
        write(report, name, target, stdout)
    if crashed:
        return EXIT_USAGE
    if options.write_baseline:
        return EXIT_OK  # the findings were just accepted as the baseline
    return EXIT_FINDINGS if report.failed() else EXIT_OK


def configuration(options: Options) -> Configuration:
    """The configuration file's settings with the command line's over them."""
    config = resolve(options.config, options.isolated)
    return config.over(
        {
            "frameworks": list(options.frameworks) or None,
            "select": options.select,
            "ignore": options.ignore,
            "fail_on": options.fail_on,
            "today": options.today,
        }
    )


def prepare(options: Options) -> Checker:
    """The run's checker: packs, selection and settings, worked out once (in each worker too,
    when files are checked in parallel)."""
    return _prepare(options, configuration(options))[0]


def _prepare(options: Options, config: Configuration) -> tuple[Checker, Registry]:
    values = config.values
    registry = local_registry(config)
    off = [rule for rule, level in values.severity.items() if level == "off"]
    try:
        selection = registry.select(values.frameworks, values.select, [*values.ignore, *off])
    except SelectionError as exc:
        raise config.named_in_file(exc) from None
    settings = settings_for(config, selection, inline_ignores=options.inline_ignores)
    return Checker(selection, settings), registry


def _refuse_to_overwrite(files: list[tuple[Path, str]], outputs: list[str]) -> None:
    """A report or a baseline written over a course file of the run would destroy it."""
    checked = {resolved(path) for path, _ in files}
    for output in outputs:
        if output and resolved(Path(output)) in checked:
            raise UsageError(
                f"'{output}' is one of the files checked: refusing to write a report over it"
            )


def local_registry(config: Configuration) -> Registry:
    """The registry of installed packs and of the configuration's local ``rule_paths``; a
    local pack that cannot be used is an error naming the configuration file and key."""
    try:
        return Registry([config.root / p for p in config.values.rule_paths])
    except PackError as exc:
        raise PackError(f"{config.where('rule_paths')}'rule_paths': {exc}") from None


def _files(options: Options, config: Configuration, stderr: TextIO) -> Found:
    given = [p for p in options.paths if p != STDIN] if options.paths else ["."]
    found = files_to_check(given, config.values.exclude, config.root)
    if found.skipped_links:
        links = visible(", ".join(f"{a} -> {b}" for a, b in sorted(found.skipped_links)))
        stderr.write(
            f"mcvalidate: skipped {len(found.skipped_links)} symbolic link(s) that lead outside "
            f"the paths checked: {links}\n"
        )
    if found.excluded:
        stderr.write(f"mcvalidate: {found.excluded} file(s) excluded by 'exclude'\n")
        if not found.files:
            return found
    if given and not found.files and not found.unreadable:
        stderr.write(f"mcvalidate: no YAML files found in {visible(', '.join(given))}\n")
    return found


def _pack_info(selection: Selection, registry: Registry) -> list[PackInfo]:
    info = []
    for pack in selection.applied:
        origin = registry.origin(pack.name)
        info.append(
            PackInfo(
                pack.name, pack.title, pack.version, pack.url, origin.distribution, origin.version
            )
        )
    return info


__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "FileResult", "Options", "run"]
