"""One ``mcvalidate check`` run: settings from defaults, the configuration file and the command
line; files; checking; baseline; reports. The CLI parses options into :class:`Options` and
calls :func:`run`; everything that decides what a run does is here, testable without click.
"""

from __future__ import annotations

import copy
import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from mcvalidate import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, baseline
from mcvalidate import config as config_module
from mcvalidate.baseline import BaselineError
from mcvalidate.config import KEYS, ConfigError, Loaded, glob_match
from mcvalidate.discover import MissingPath, discover
from mcvalidate.engine import Checker, FileResult, Settings
from mcvalidate.findings import Severity
from mcvalidate.format_rules import FORMAT_PACK
from mcvalidate.loader import Limits
from mcvalidate.packs import (
    ALWAYS_ON,
    SelectionError,
    available,
    load_local,
    match_rules,
    select,
)
from mcvalidate.reporters import FORMATS, Run, renderer
from mcvalidate.rules import Pack, Rule

STDIN = "-"


class UsageError(ValueError):
    """A mistake in how mcvalidate was called or configured: one line, exit code 2."""


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


@dataclass
class Effective:
    """The settings in force, each with where its value came from."""

    values: dict[str, Any]
    origins: dict[str, str]
    loaded: Loaded


def run(options: Options, stdout: TextIO, stderr: TextIO) -> int:
    try:
        return _run(options, stdout, stderr)
    except (ConfigError, SelectionError, MissingPath, BaselineError, UsageError) as exc:
        stderr.write(f"mcvalidate: error: {exc}\n")
        return EXIT_USAGE


def _run(options: Options, stdout: TextIO, stderr: TextIO) -> int:
    effective = settings_of(options)
    if options.show_config:
        show_config(effective, stdout)
        return EXIT_OK
    targets = _targets(options)
    values = effective.values
    checker = prepare(options, effective)
    selection = checker.selection
    files = _files(options, values["exclude"], effective.loaded.root, stderr)
    results = check_all(checker, files, options)
    if STDIN in options.paths:
        name = options.stdin_filename or STDIN
        results.append(checker.check_bytes(name, sys.stdin.buffer.read()))
    # Decided before any baseline: a crashed rule is never a pass, whatever was recorded.
    crashed = any(f.rule == "MC008" for r in results for f in r.findings)
    checked, baselined = len(results), 0
    if options.write_baseline:
        recorded = baseline.write(Path(options.write_baseline), results)
        stderr.write(f"mcvalidate: wrote {recorded} finding(s) to {options.write_baseline}\n")
    elif options.baseline:
        kept, baselined, stale = baseline.apply(baseline.read(Path(options.baseline)), results)
        results = [*kept, *([checker.adopt(stale)] if stale else [])]
    report = Run(
        results,
        selection.packs,
        Severity(values["fail_on"]),
        rules=selection.by_id,
        color=options.color,
        quiet=options.quiet,
        show_suppressed=options.show_suppressed,
        baselined=baselined,
        files=checked,
        baseline_written=bool(options.write_baseline),
    )
    for name, target in targets:
        _write(report, name, target, stdout)
    if crashed:
        return EXIT_USAGE
    if options.write_baseline:
        return EXIT_OK  # the findings were just accepted as the baseline
    return EXIT_FINDINGS if report.failed() else EXIT_OK


def prepare(options: Options, effective: Effective | None = None) -> Checker:
    """The run's checker: packs, selection and settings, worked out once (in each worker too,
    when files are checked in parallel)."""
    effective = effective or settings_of(options)
    values = effective.values
    root = effective.loaded.root
    installed = {**available(), **load_local([root / p for p in values["rule_paths"]])}
    off = [rule for rule, level in values["severity"].items() if level == "off"]
    try:
        selection = select(
            values["frameworks"], values["select"], [*values["ignore"], *off], installed
        )
    except SelectionError as exc:
        raise _from_file(exc, effective) from None
    packs_of_run = (*selection.packs,)
    # Every rule the run could name (selected or not), for the per-rule keys of the file.
    everything = [r for p in (FORMAT_PACK, *packs_of_run) for r in p.rules]
    try:
        settings = Settings(
            limits=Limits(**values["limits"]),
            severity=_severities(values["severity"], everything, packs_of_run),
            options=_rule_options(values["rule_options"], everything, packs_of_run),
            inline_ignores=options.inline_ignores,
            require_reason=values["require_suppression_reason"],
            config_ignores=_config_ignores(effective, everything, packs_of_run),
        )
    except ConfigError as exc:  # about a key of the file: say which file
        raise ConfigError(f"{effective.loaded.path}: {exc}") from None
    return Checker(selection, settings)


# -- checking, serially or in parallel ---------------------------------------------------------

# Below this many files a second process costs more (its start-up) than it saves.
PARALLEL_FROM = 64
_WORKER: Checker | None = None


def jobs_for(options: Options, files: int) -> int:
    """How many processes to check ``files`` files with: ``--jobs``, else one per core from
    64 files on, at most one per 32 files, so that each worker's start-up pays for itself."""
    if options.jobs is not None:
        return max(1, min(options.jobs, files))
    if files < PARALLEL_FROM:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, files // (PARALLEL_FROM // 2)))


def check_all(
    checker: Checker, files: Sequence[tuple[Path, str]], options: Options
) -> list[FileResult]:
    """Check ``files`` in order. In parallel, each worker builds its own checker from the same
    options, and results come back in the files' order, so the report is identical to a
    serial run's."""
    jobs = jobs_for(options, len(files))
    if jobs == 1:
        return list(checker.check_files(files))
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    chunk = max(1, min(64, len(files) // (jobs * 4)))
    with ProcessPoolExecutor(jobs, context, initializer=_start_worker, initargs=(options,)) as pool:
        return list(pool.map(_check_in_worker, files, chunksize=chunk))


def _start_worker(options: Options) -> None:
    global _WORKER
    _WORKER = prepare(options)


def _check_in_worker(file: tuple[Path, str]) -> FileResult:
    assert _WORKER is not None
    return _WORKER.check_file(*file)


# -- settings ---------------------------------------------------------------------------------


def settings_of(options: Options) -> Effective:
    """Defaults, then the configuration file, then the command line."""
    if options.config and options.isolated:
        raise UsageError("--config and --isolated cannot be used together")
    if options.config:
        loaded = config_module.load(Path(options.config))
    elif options.isolated:
        loaded = Loaded()
    else:
        found = config_module.find(Path.cwd())
        loaded = config_module.load(found) if found else Loaded()
    values = copy.deepcopy(loaded.values)
    origins = {key: loaded.origin(key) for key in KEYS}
    given = {
        "frameworks": list(options.frameworks) or None,
        "select": options.select,
        "ignore": options.ignore,
        "fail_on": options.fail_on,
    }
    for key, value in given.items():
        if value is not None:
            values[key], origins[key] = list(value) if key != "fail_on" else value, "command line"
    return Effective(values, origins, loaded)


def show_config(effective: Effective, stream: TextIO) -> None:
    source = effective.loaded.path or "none (defaults only)"
    stream.write(f"# configuration file: {source}\n")
    width = max(len(key) for key in KEYS)
    for key in KEYS:
        value = json.dumps(effective.values[key], ensure_ascii=False)
        stream.write(f"{key.ljust(width)} = {value}  # {effective.origins[key]}\n")


def _from_file(exc: SelectionError, effective: Effective) -> Exception:
    """A selection error names the configuration file and key when the name was written
    there (the command line's own mistakes need no file)."""
    source = effective.loaded.path
    for key in ("frameworks", "select", "ignore", "severity"):
        if effective.origins[key] == str(source) and exc.name in (effective.values[key] or ()):
            return ConfigError(f"{source}: '{key}': {exc}")
    return exc


def _resolve(name: str, key: str, rules: Sequence[Rule], packs: Sequence[Pack]) -> set[str]:
    try:
        return match_rules([name], rules, (FORMAT_PACK, *packs))
    except SelectionError:
        raise ConfigError(f"'{key}' names '{name}', which is no rule or pack") from None


def _severities(
    levels: Mapping[str, str], rules: Sequence[Rule], packs: Sequence[Pack]
) -> dict[str, Severity]:
    overrides: dict[str, Severity] = {}
    for name, level in levels.items():
        rule_ids = _resolve(name, "severity", rules, packs)
        fixed = sorted(rule_ids & ALWAYS_ON)
        if fixed and len(rule_ids) == len(fixed):
            raise ConfigError(
                f"'severity' names {fixed[0]}: a file that cannot be read or checked is always "
                "an error"
            )
        if level != "off":
            for rule_id in rule_ids - ALWAYS_ON:
                overrides[rule_id] = Severity(level)
    return overrides


def _rule_options(
    given: Mapping[str, Mapping[str, Any]], rules: Sequence[Rule], packs: Sequence[Pack]
) -> dict[str, dict[str, Any]]:
    """Options by rule id, checked against each rule's declared options and their types."""
    by_id = {r.id: r for r in rules}
    options: dict[str, dict[str, Any]] = {}
    for name, values in given.items():
        # A pack or a prefix names several rules: each option goes to those that have it.
        rule_ids = sorted(_resolve(name, "rule_options", rules, packs))
        for option, value in values.items():
            having = [r for r in rule_ids if option in by_id[r].options]
            if not having:
                known = ", ".join(o for r in rule_ids for o in by_id[r].options) or "none"
                raise ConfigError(
                    f"rule_options: {name} has no option '{option}' (options: {known})"
                )
            for rule_id in having:
                declared = by_id[rule_id].options[option]
                if not _same_kind(declared, value):
                    raise ConfigError(
                        f"rule_options: {rule_id}.{option} should be like {declared!r}, "
                        f"not {value!r}"
                    )
                options.setdefault(rule_id, {})[option] = value
    return options


def _same_kind(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float))
    if isinstance(default, (list, tuple)):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, type(default))


def _config_ignores(effective: Effective, rules: Sequence[Rule], packs: Sequence[Pack]) -> Any:
    patterns = {
        glob: set().union(*(_resolve(n, "per_file_ignores", rules, packs) for n in names))
        for glob, names in effective.values["per_file_ignores"].items()
    }
    if not patterns:
        return lambda _path: {}
    root, source = effective.loaded.root, effective.loaded.path

    base = os.path.abspath(root)

    def ignores(display: str) -> dict[str, str]:
        relative = _relative_to(display, base)
        why: dict[str, str] = {}
        for glob, rule_ids in patterns.items():
            if relative is not None and glob_match(glob, relative):
                for rule_id in rule_ids:
                    why.setdefault(rule_id, f"per_file_ignores '{glob}' in {source}")
        return why

    return ignores


def _relative_to(path: Path | str, base: str) -> str | None:
    """``path`` relative to the absolute directory ``base``, or None when outside it."""
    absolute = os.path.abspath(path)
    if not absolute.startswith(base.rstrip(os.sep) + os.sep):
        return None
    return Path(absolute[len(base.rstrip(os.sep)) + 1 :]).as_posix()


# -- files and reports ------------------------------------------------------------------------


def _files(
    options: Options, exclude: Sequence[str], root: Path, stderr: TextIO
) -> list[tuple[Path, str]]:
    given = [p for p in options.paths if p != STDIN]
    if not options.paths:
        given = ["."]
    found = discover(given) if given else []
    if exclude:
        kept = []
        base = os.path.abspath(root)
        for path, display in found:
            relative = _relative_to(path, base)
            if relative is None or not any(glob_match(g, relative) for g in exclude):
                kept.append((path, display))
        if len(kept) < len(found):
            stderr.write(f"mcvalidate: {len(found) - len(kept)} file(s) excluded by 'exclude'\n")
            if not kept:
                return kept
        found = kept
    if given and not found:
        stderr.write(f"mcvalidate: no YAML files found in {', '.join(given)}\n")
    return found


def _targets(options: Options) -> list[tuple[str, str | None]]:
    """Pair each format with where it goes (None: standard output).

    Formats and outputs pair in order; when there is one format more than outputs, the first
    format goes to standard output. Without --format: ``github`` inside GitHub Actions, else
    ``text``.
    """
    formats = list(options.formats)
    if not formats:
        formats = ["github" if options.environ.get("GITHUB_ACTIONS") == "true" else "text"]
    for name in formats:
        if name not in FORMATS:
            raise UsageError(f"unknown format '{name}' (formats: {', '.join(FORMATS)})")
    outputs: list[str | None] = list(options.outputs)
    if len(outputs) == len(formats) - 1:
        outputs.insert(0, None)
    if len(outputs) != len(formats):
        raise UsageError(
            "give one --output per --format (only the first --format may go to the terminal)"
        )
    targets = [(f, None if o in (None, "-") else o) for f, o in zip(formats, outputs, strict=True)]
    if sum(1 for _, o in targets if o is None) > 1:
        raise UsageError("only one --format can go to standard output; give the others --output")
    return targets


def _write(report: Run, name: str, target: str | None, stdout: TextIO) -> None:
    render = renderer(name)
    if target is None:
        render(report, stdout)
        return
    try:
        with open(target, "w", encoding="utf-8", newline="\n") as stream:
            render(report, stream)
    except OSError as exc:
        raise UsageError(f"cannot write '{target}': {exc.strerror or exc}") from exc


__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "FileResult", "Options", "run"]
