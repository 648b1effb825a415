"""Baselines: record today's findings so that CI reports only new ones.

Entries are keyed on the file (relative to the baseline file's directory), the rule and the
JSON pointer of the value concerned, never on line numbers, so unrelated edits keep them valid.
An entry counts how many findings share its key. Entries that no longer match a finding of a
file checked in this run are reported (MC033), so the baseline only shrinks.

The file is JSON with one entry per line, so that a reported stale entry has a line number and
a review of a baseline change reads like a list.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from mcvalidate.discover import display_path
from mcvalidate.engine import FileResult
from mcvalidate.findings import Finding, Span
from mcvalidate.format_rules import STALE_BASELINE
from mcvalidate.packs import ALWAYS_ON

VERSION = 1
Key = tuple[str, str, str]  # (path relative to the baseline file, rule, pointer)


class BaselineError(ValueError):
    """The baseline file cannot be read (a usage error: exit 2)."""


@dataclass
class Baseline:
    path: Path
    entries: Counter[Key]
    lines: dict[Key, int]


def write(path: Path, results: Iterable[FileResult]) -> int:
    """Record the active findings of ``results``; returns how many were recorded. Files that
    cannot be read or checked (and crashed rules) are never recorded: they must stay visible."""
    base = _base(path)
    counts: Counter[Key] = Counter(
        _key(base, finding)
        for result in results
        for finding in result.findings
        if finding.rule not in ALWAYS_ON
    )
    rows = [
        json.dumps({"path": p, "rule": r, "pointer": q, "count": n}, ensure_ascii=False)
        for (p, r, q), n in sorted(counts.items())
    ]
    body = ",\n".join(f"    {row}" for row in rows)
    text = f'{{\n  "version": {VERSION},\n  "entries": [\n{body}\n  ]\n}}\n'
    if not rows:
        text = f'{{\n  "version": {VERSION},\n  "entries": []\n}}\n'
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"cannot write the baseline '{path}': {exc.strerror or exc}") from exc
    return sum(counts.values())


def read(path: Path) -> Baseline:
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
        entries: Counter[Key] = Counter()
        for entry in data["entries"]:
            key = (str(entry["path"]), str(entry["rule"]), str(entry["pointer"]))
            entries[key] += int(entry.get("count", 1))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise BaselineError(f"the baseline '{path}' cannot be read: {exc}") from exc
    # The line of each entry, where the file has one entry a line (as written); a baseline
    # edited by hand into another layout is still read, its stale entries shown at line 1.
    lines: dict[Key, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            entry = json.loads(line.strip().rstrip(","))
            lines.setdefault((entry["path"], entry["rule"], entry["pointer"]), number)
        except (ValueError, KeyError, TypeError):
            continue
    return Baseline(path, entries, lines)


def apply(
    baseline: Baseline, results: Sequence[FileResult]
) -> tuple[list[FileResult], int, FileResult | None]:
    """Leave out the findings the baseline lists; report its entries that match nothing.

    Returns the filtered results, how many findings were left out, and a result for the
    baseline file holding its stale entries (None when there are none).
    """
    remaining = Counter(baseline.entries)
    filtered = []
    left_out = 0
    checked: set[str] = set()
    base = _base(baseline.path)
    for result in results:
        kept = []
        checked.add(_relative(base, result.path))
        for finding in result.findings:
            key = _key(base, finding)
            if finding.rule not in ALWAYS_ON and remaining[key] > 0:
                remaining[key] -= 1
                left_out += 1
            else:
                kept.append(finding)
        filtered.append(replace(result, findings=tuple(kept)))
    stale = [
        _stale(baseline, key, count)
        for key, count in sorted(remaining.items())
        if count > 0 and key[0] in checked
    ]
    report = FileResult(display_path(baseline.path), tuple(stale), {}) if stale else None
    return filtered, left_out, report


def _stale(baseline: Baseline, key: Key, count: int) -> Finding:
    line = baseline.lines.get(key, 1)
    path, rule, pointer = key
    times = f" ({count} of them)" if count > 1 else ""
    return Finding(
        path=display_path(baseline.path),
        span=Span(line, 1, line, 1),
        pointer=pointer,
        rule=STALE_BASELINE.id,
        name=STALE_BASELINE.name,
        severity=STALE_BASELINE.severity,
        message=f"The baseline entry for {rule} at '{pointer or '/'}' in {path} matches no "
        f"finding any more{times}.",
        framework=STALE_BASELINE.source.citation,
        reference=STALE_BASELINE.source.url,
        fix="Remove the entry, or write the baseline again with --write-baseline.",
    )


def _base(baseline_path: Path) -> str:
    """The directory that entries' paths are relative to (worked out once per run)."""
    return os.path.dirname(os.path.abspath(baseline_path))


def _key(base: str, finding: Finding) -> Key:
    return (_relative(base, finding.path), finding.rule, finding.pointer)


def _relative(base: str, display: str) -> str:
    return Path(os.path.relpath(os.path.abspath(display), base)).as_posix()
