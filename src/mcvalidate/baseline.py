"""Baselines: record today's findings so that CI reports only new ones.

Entries are keyed on the file (relative to the baseline file's directory), the rule and the
JSON pointer of the value concerned, never on line numbers, so unrelated edits keep them valid.
An entry counts how many findings share its key. Entries that no longer match a finding of a
file checked in this run, by a rule that ran, are reported (MC033), so the baseline only
shrinks; entries of rules the run left out (another ``--framework``, ``--select``) are neither
applied nor stale.

The file is JSON with one entry per line, so that a reported stale entry has a line number and
a review of a baseline change reads like a list.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from mcvalidate.discover import read_regular, replaced_atomically
from mcvalidate.errors import BaselineError
from mcvalidate.findings import FileResult, Finding, Problem, Span
from mcvalidate.format_rules import STALE_BASELINE

VERSION = 1
Key = tuple[str, str, str]  # (path relative to the baseline file, rule, pointer)


@dataclass
class Baseline:
    path: Path
    entries: Counter[Key]
    lines: dict[Key, int]


def write(path: Path, results: Iterable[FileResult], recordable: Set[str]) -> int:
    """Record the active findings of ``results`` by the rules in ``recordable``; returns how
    many were recorded. Files that cannot be read or checked (and crashed rules) are never
    recordable: they must stay visible."""
    base = _base(path)
    counts: Counter[Key] = Counter(
        _key(base, finding)
        for result in results
        for finding in result.findings
        if finding.rule in recordable
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
        with replaced_atomically(path) as stream:
            stream.write(text)
    except OSError as exc:
        raise BaselineError(f"cannot write the baseline '{path}': {exc.strerror or exc}") from exc
    return sum(counts.values())


def read(path: Path) -> Baseline:
    """The entries of a baseline file, with the line of each; a file that cannot be read is a
    :class:`BaselineError` (exit 2), never a silently empty baseline."""
    try:
        text = read_regular(path).decode("utf-8")
    except OSError as exc:
        raise BaselineError(f"the baseline '{path}' cannot be read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise BaselineError(f"the baseline '{path}' is not UTF-8 text") from exc
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys)
        if data.get("version") != VERSION:
            raise ValueError(
                f"its version is {data.get('version')!r}; this mcvalidate reads version "
                f"{VERSION} (write it again with --write-baseline)"
            )
        entries: Counter[Key] = Counter()
        for entry in data["entries"]:
            key = (str(entry["path"]), str(entry["rule"]), str(entry["pointer"]))
            count = entry.get("count", 1)
            if isinstance(count, bool) or not isinstance(count, int) or count < 1:
                raise ValueError(f"an entry's count must be a whole number from 1, not {count!r}")
            entries[key] += count
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
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


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON object hook: a key written twice is an error, not the last value silently kept."""
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"the key '{key}' appears twice in one object")
        seen[key] = value
    return seen


def apply(
    baseline: Baseline, results: Sequence[FileResult], recordable: Set[str]
) -> tuple[list[FileResult], int, list[Problem]]:
    """Leave out the findings the baseline lists; report its entries that match nothing.

    ``recordable`` holds the ids of the rules that ran and can be baselined: only their
    entries are applied or stale. Returns the filtered results, how many findings were left
    out, and a problem for each stale entry (at its line in the baseline file).
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
            if finding.rule in recordable and remaining[key] > 0:
                remaining[key] -= 1
                left_out += 1
            else:
                kept.append(finding)
        filtered.append(replace(result, findings=tuple(kept)))
    stale = [
        _stale(baseline, key, count)
        for key, count in sorted(remaining.items())
        if count > 0 and key[0] in checked and key[1] in recordable
    ]
    return filtered, left_out, stale


def _stale(baseline: Baseline, key: Key, count: int) -> Problem:
    line = baseline.lines.get(key, 1)
    path, rule, pointer = key
    times = f" ({count} of them)" if count > 1 else ""
    return Problem(
        STALE_BASELINE,
        f"The baseline entry for {rule} at '{pointer or '/'}' in {path} matches no finding any "
        f"more{times}.",
        pointer,
        span=Span(line, 1, line, 1),
        fix="Remove the entry, or write the baseline again with --write-baseline.",
    )


def _base(baseline_path: Path) -> str:
    """The directory that entries' paths are relative to (worked out once per run)."""
    return os.path.dirname(os.path.abspath(baseline_path))


def _key(base: str, finding: Finding) -> Key:
    return (_relative(base, finding.path), finding.rule, finding.pointer)


def _relative(base: str, display: str) -> str:
    # Unlike discover.relative_to, a file outside the baseline's directory is still keyed
    # (with '..'), so that a baseline can sit in a subdirectory of the checked tree.
    return Path(os.path.relpath(os.path.abspath(display), base)).as_posix()
