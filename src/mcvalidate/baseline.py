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
from collections.abc import Set
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


class Recorder:
    """Counts the findings to record as the files' results go by; :meth:`write` writes them.

    Only the active findings of the rules in ``recordable`` are recorded: files that cannot be
    read or checked (and crashed rules) are never recordable, they must stay visible."""

    def __init__(self, path: Path, recordable: Set[str]) -> None:
        self._path, self._recordable = path, recordable
        self._base = _base(path)
        self._counts: Counter[Key] = Counter()

    def add(self, result: FileResult) -> None:
        for finding in result.findings:
            if finding.rule in self._recordable:
                self._counts[_key(self._base, finding)] += 1

    def write(self) -> int:
        """Write the baseline file; returns how many findings it records."""
        rows = [
            json.dumps({"path": p, "rule": r, "pointer": q, "count": n}, ensure_ascii=False)
            for (p, r, q), n in sorted(self._counts.items())
        ]
        body = ",\n".join(f"    {row}" for row in rows)
        text = f'{{\n  "version": {VERSION},\n  "entries": [\n{body}\n  ]\n}}\n'
        if not rows:
            text = f'{{\n  "version": {VERSION},\n  "entries": []\n}}\n'
        try:
            with replaced_atomically(self._path) as stream:
                stream.write(text)
        except OSError as exc:
            raise BaselineError(
                f"cannot write the baseline '{self._path}': {exc.strerror or exc}"
            ) from exc
        return sum(self._counts.values())


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


class Filter:
    """Leaves out of each file's result the findings the baseline lists, as the results go by,
    and at the end reports the baseline's entries that matched nothing.

    ``recordable`` holds the ids of the rules that ran and can be baselined: only their
    entries are applied or stale. Only the files the baseline names are remembered (to tell
    a stale entry from one of a file the run did not check), not every file of the run.
    """

    def __init__(self, baseline: Baseline, recordable: Set[str]) -> None:
        self._baseline, self._recordable = baseline, recordable
        self._remaining = Counter(baseline.entries)
        self._named = {path for path, _, _ in baseline.entries}
        self._checked: set[str] = set()
        self._base = _base(baseline.path)
        # How many findings were left out.
        self.left_out = 0

    def apply(self, result: FileResult) -> FileResult:
        relative = _relative(self._base, result.path)
        if relative not in self._named:
            return result
        self._checked.add(relative)
        kept = []
        for finding in result.findings:
            key = _key(self._base, finding)
            if finding.rule in self._recordable and self._remaining[key] > 0:
                self._remaining[key] -= 1
                self.left_out += 1
            else:
                kept.append(finding)
        return replace(result, findings=tuple(kept))

    def stale(self) -> list[Problem]:
        """A problem for each entry that matched no finding (at its line in the baseline)."""
        return [
            _stale(self._baseline, key, count)
            for key, count in sorted(self._remaining.items())
            if count > 0 and key[0] in self._checked and key[1] in self._recordable
        ]


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
