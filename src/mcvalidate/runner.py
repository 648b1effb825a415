"""One ``mcvalidate check`` run, stage by stage:

    configuration -> registry and selection -> checker -> files -> results -> baseline
    -> reports -> exit code

Files are found, checked, filtered by the baseline and reported one at a time, as a stream:
the run keeps totals, never the list of files or of results, so that its memory does not
grow with the number of files.

The CLI parses options into :class:`Options` and calls :func:`run`; each stage lives in the
module its name says (``config``, ``packs``, ``settings``, ``discover``, ``parallel``,
``baseline``, ``reporters``), and this module only strings them together, testable without
click.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import os
import sys
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, TextIO

from mcvalidate import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, baseline
from mcvalidate.across import Catalogue
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
from mcvalidate.parallel import check_all
from mcvalidate.report import PackInfo, Run, Tally, View, plural
from mcvalidate.reporters import reports, targets
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
    # --fix writes the fixed files; --unsafe-fixes applies (or counts) the unsafe fixes too;
    # --diff prints what --fix would change, instead of a report, and writes nothing.
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
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
    if options.diff and (options.formats or options.outputs or options.write_baseline):
        raise UsageError(
            "--diff prints the changes instead of a report: give no --format, "
            "--output or --write-baseline"
        )
    pairs = [] if options.diff else targets(options.formats, options.outputs, options.environ)
    checker, registry = checker_for(config, options)
    selection = checker.selection
    if STDIN in options.paths and stdin is None and sys.stdin is None:
        raise UsageError("standard input is closed: there is nothing to read for '-'")
    if options.diff:
        return _diff(options, checker, config, stdout, stderr, stdin)
    # The fixed text of standard input goes to standard output, and so the report elsewhere.
    report_to = stderr if options.fix and STDIN in options.paths else stdout
    recordable = {r.id for r in selection.rules if r.switchable}
    recorder = filter_ = None
    if options.write_baseline:
        recorder = baseline.Recorder(Path(options.write_baseline), recordable)
    elif options.baseline:
        accepted = Path(options.baseline)
        filter_ = baseline.Filter(baseline.read(accepted), recordable)
    found = files_of(options, config)
    tally = Tally(
        Severity(config.values.fail_on),
        baseline_written=recorder is not None,
        fixing=options.fix,
        unsafe_fixes=options.unsafe_fixes,
    )
    run = Run(
        _pack_info(selection, registry),
        tally.fail_on,
        rules=selection.by_id,
        view=View(options.color, options.quiet, options.show_suppressed, options.unsafe_fixes),
    )
    crashed = False
    others = NotCourses()
    with (
        Catalogue() as catalogue,
        reports(pairs, run, report_to) as out,
        contextlib.closing(_results(options, checker, found, pairs, stdin, stdout)) as results,
    ):
        for result in results:
            if result.skipped:
                others.add(result.path)
                continue
            # Decided before any baseline: a crashed rule is never a pass, whatever was recorded.
            crashed = crashed or any(f.rule == INTERNAL_ERROR.id for f in result.findings)
            if recorder is not None:
                recorder.add(result)
            if filter_ is not None:
                result = filter_.apply(result)
            catalogue.add(result)
            tally.add(result)
            out.add(result)
        # The checks across files, once every file is known: their findings, about files
        # already reported, come after them (and are not counted as more files).
        for result in checker.across(catalogue):
            if recorder is not None:
                recorder.add(result)
            if filter_ is not None:
                result = filter_.apply(result)
            tally.add(result, counted=False, again=result.path in catalogue.reported)
            out.add(result)
        if filter_ is not None:
            tally.baselined = filter_.left_out
            if stale := filter_.stale():
                result = checker.result_of(display_path(accepted), stale)
                tally.add(result, counted=False)
                out.add(result)
        if recorder is not None:
            recorded = recorder.write()
            stderr.write(f"mcvalidate: wrote {recorded} finding(s) to {options.write_baseline}\n")
        _tell(found, others, options, stderr)
        if not tally.files and STDIN not in options.paths:
            # A CI job pointed at the wrong folder must not pass on nothing.
            raise UsageError(f"no course file to check in {visible(', '.join(_given(options)))}")
        out.close(tally)
    if crashed:
        return EXIT_USAGE
    if recorder is not None:
        return EXIT_OK  # the findings were just accepted as the baseline
    return EXIT_FINDINGS if tally.failed() else EXIT_OK


def _results(
    options: Options,
    checker: Checker,
    found: Found,
    pairs: list[tuple[str, str | None]],
    stdin: BinaryIO | None,
    stdout: TextIO,
) -> Generator[FileResult, None, None]:
    """Every result of the run, in order, each as soon as it is known: the files found, the
    directories that could not be listed, then standard input (fixed, with ``--fix``, onto
    standard output, as a filter in an editor expects)."""
    outputs = [o for _, o in pairs if o] + [options.write_baseline or ""]
    files = _not_written(found.files, outputs)
    if not gc.isenabled():
        # Started from the console script (see ``mcvalidate.cli.main``): what start-up made
        # lives as long as the run, so it is frozen out of every collection (and forked
        # workers share its pages instead of copying them as the collector touches them).
        # A file's check makes a few thousand short-lived containers, freed by their counts:
        # at the default threshold (700) the young generation was collected several times a
        # file to find no cycle (2.6% of a file's instructions); at 10,000 it is once in a
        # few files, and what a collection can leave waiting is a megabyte at most.
        gc.freeze()
        gc.set_threshold(10_000, *gc.get_threshold()[1:])
        gc.enable()
    yield from check_all(checker, files, options.jobs, prepare, options)
    yield from (checker.unreadable_directory(*entry) for entry in found.unreadable)
    if STDIN in options.paths:
        from mcvalidate.fixer import Fixer

        source = stdin or sys.stdin.buffer
        # Read no more than a file may hold: the limit applies to standard input too.
        raw = source.read(checker.limits.max_bytes + 1)
        display = options.stdin_filename or STDIN
        if not isinstance(checker, Fixer):
            yield checker.check_bytes(display, raw)
            return
        fixed = checker.fix(display, raw)
        if checker.mode.write:
            _write_bytes(stdout, fixed.raw)
        yield fixed.result


def _write_bytes(stdout: TextIO, raw: bytes) -> None:
    """Write a file's bytes, as they are, to standard output (decoded where the stream takes
    only text)."""
    stdout.flush()
    buffer = getattr(stdout, "buffer", None)
    if buffer is not None:
        buffer.write(raw)
        buffer.flush()
    else:
        stdout.write(raw.decode("utf-8", errors="replace"))


def _diff(
    options: Options,
    checker: Checker,
    config: Configuration,
    stdout: TextIO,
    stderr: TextIO,
    stdin: BinaryIO | None,
) -> int:
    """``--diff``: the unified diff of what ``--fix`` would change in each file, in order, then
    one line on stderr with the count; exit code 1 when a file would change, as ruff does, so
    that a CI job can ask "is anything left to fix?"."""
    found = files_of(options, config)
    fixed = files = 0
    crashed = False
    checked = False
    with contextlib.closing(_results(options, checker, found, [], stdin, stdout)) as results:
        for result in results:
            if result.skipped:
                continue
            checked = True
            crashed = crashed or any(f.rule == INTERNAL_ERROR.id for f in result.findings)
            if result.diff:
                stdout.write(result.diff)
                fixed += result.fixed
                files += 1
    if not checked and STDIN not in options.paths:
        raise UsageError(f"no course file to check in {visible(', '.join(_given(options)))}")
    if fixed:
        stderr.write(
            f"mcvalidate: would fix {fixed} finding{plural(fixed)} in {files} file{plural(files)}\n"
        )
    else:
        stderr.write("mcvalidate: nothing to fix\n")
    if crashed:
        return EXIT_USAGE
    return EXIT_FINDINGS if fixed else EXIT_OK


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
    return checker_for(configuration(options), options)[0]


def checker_for(
    config: Configuration,
    options: Options | None = None,
    *,
    scoped: bool = True,
    keep_courses: bool = False,
) -> tuple[Checker, Registry]:
    """The checker of ``config`` (and the registry its packs came from): what :func:`prepare`
    builds, for a configuration found elsewhere than from the working directory (the
    language server finds one per open file). ``scoped=False`` applies every pack of the
    run to every file, whatever its scope (``matrix``); ``keep_courses`` keeps each file's
    course in its result (``export``, ``report``)."""
    options = options or Options()
    values = config.values
    registry = local_registry(config)
    off = [rule for rule, level in values.severity.items() if level == "off"]
    try:
        selection = registry.select(values.frameworks, values.select, [*values.ignore, *off])
    except SelectionError as exc:
        raise config.named_in_file(exc) from None
    settings = settings_for(config, selection, inline_ignores=options.inline_ignores)
    named = frozenset(
        display_path(Path(p)) for p in options.paths if p != STDIN and not Path(p).is_dir()
    )
    settings = replace(settings, named=named, scoped=scoped, keep_courses=keep_courses)
    if options.fix or options.diff:
        from mcvalidate.fixer import Fixer, FixMode  # difflib and the fixer: only to fix

        mode = FixMode(unsafe=options.unsafe_fixes, write=not options.diff, diff=options.diff)
        return Fixer(selection, settings, mode), registry
    return Checker(selection, settings), registry


def _not_written(
    files: Iterable[tuple[Path, str]], outputs: list[str]
) -> Iterator[tuple[Path, str]]:
    """``files``, stopping the run at one that a report or the baseline is written to: it
    would be destroyed. (Reports replace their file only at the end: it is still whole.)"""
    written = {resolved(Path(output)) for output in outputs if output}
    for path, display in files:
        if written and resolved(path) in written:
            raise UsageError(
                f"'{display}' is one of the files checked: refusing to write a report over it"
            )
        yield path, display


def local_registry(config: Configuration) -> Registry:
    """The registry of installed packs and of the configuration's local ``rule_paths``; a
    local pack that cannot be used is an error naming the configuration file and key."""
    try:
        return Registry([config.root / p for p in config.values.rule_paths])
    except PackError as exc:
        raise PackError(f"{config.where('rule_paths')}'rule_paths': {exc}") from None


def _given(options: Options) -> list[str]:
    """The paths to search: those on the command line (standard input apart), else ``.``."""
    return [p for p in options.paths if p != STDIN] if options.paths else ["."]


def files_of(options: Options, config: Configuration) -> Found:
    """The files the paths of ``options`` name, as ``check`` finds them."""
    return files_to_check(_given(options), config.values.exclude, config.root)


class NotCourses:
    """The YAML files a run skipped as not course files: how many, and the first few."""

    SHOWN = 5

    def __init__(self) -> None:
        self.count = 0
        self.names: list[str] = []

    def add(self, path: str) -> None:
        self.count += 1
        if len(self.names) < self.SHOWN:
            self.names.append(path)

    def line(self) -> str:
        names = ", ".join(visible(n) for n in self.names)
        more = f" and {self.count - len(self.names):,} more" if self.count > len(self.names) else ""
        what = (
            "a YAML file that is not a course file"
            if self.count == 1
            else (f"{self.count:,} YAML files that are not course files")
        )
        return (
            f"mcvalidate: skipped {what} (no top-level key is a field of the course format): "
            f"{names}{more}\n"
        )


def _tell(found: Found, others: NotCourses, options: Options, stderr: TextIO) -> None:
    """What the run found but did not check, said once the files have all been found."""
    given = _given(options)
    if others.count:
        stderr.write(others.line())
    if found.skipped_links:
        links = visible(", ".join(f"{a} -> {b}" for a, b in sorted(found.skipped_links)))
        stderr.write(
            f"mcvalidate: skipped {len(found.skipped_links)} symbolic link(s) that lead outside "
            f"the paths checked: {links}\n"
        )
    if found.excluded:
        stderr.write(f"mcvalidate: {found.excluded} file(s) excluded by 'exclude'\n")
    elif given and not found.count and not found.unreadable:
        stderr.write(f"mcvalidate: no YAML files found in {visible(', '.join(given))}\n")


def _pack_info(selection: Selection, registry: Registry) -> list[PackInfo]:
    def installed(name: str) -> Callable[[], tuple[str, str]]:
        def read() -> tuple[str, str]:
            origin = registry.origin(name)
            return origin.distribution, origin.version

        return read

    return [
        PackInfo(pack.name, pack.title, pack.version, pack.url, installed(pack.name))
        for pack in selection.applied
    ]


__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "FileResult", "Options", "run"]
