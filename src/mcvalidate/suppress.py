"""Inline suppressions: ``# mcvalidate: ignore[RULE, ...] reason`` comments in a course file.

- At the end of a line, an ignore applies to findings that start on that line; on a line of its
  own it applies to the next line that is not a comment or blank (several ignore lines may
  stand together above it).
- ``# mcvalidate: ignore-file[RULE, ...] reason`` anywhere applies to the whole file.
- The rules are named as everywhere else: by id, name, id prefix or pack name, in any case.
  Naming none ("bare" ignore) or an unknown rule is a finding (MC030), an ignore that
  suppresses nothing is reported (MC032, info) so that stale ignores get cleaned up, and with
  ``require_suppression_reason`` an ignore without a reason is a finding (MC031). A name that
  belongs to an installed pack the run does not apply is neither: that pack did not run.

Comments are found by scanning the text (the YAML parser discards them), and only files that
contain "mcvalidate:" are scanned at all.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mcvalidate.findings import Finding, Problem, Span, Suppression
from mcvalidate.format_rules import IGNORE_WITHOUT_REASON, INVALID_IGNORE, UNUSED_IGNORE

if TYPE_CHECKING:
    from mcvalidate.packs import Selection

MARK = "mcvalidate:"
_COMMENT = re.compile(
    r"(?:^|\s)#\s*mcvalidate:\s*(?P<kind>ignore-file|ignore)(?![\w-])"
    # The reason is the rest of the line, stripped in code: a lazy match followed by '\s*$'
    # would try every split of a long run of spaces (quadratic).
    r"(?:\[(?P<rules>[^\]]*)\])?[ \t]*(?P<reason>.*)$"
)


@dataclass
class Ignore:
    """One ignore comment and what it has suppressed so far."""

    span: Span
    whole_file: bool
    names: dict[str, frozenset[str]]  # each name as the author wrote it -> the rule ids
    reason: str
    used: set[str] = field(default_factory=set)

    def covers(self, rule_id: str) -> bool:
        return any(rule_id in ids for ids in self.names.values())


@dataclass
class Ignores:
    """The ignore comments of one file, indexed by the line they apply to."""

    by_line: dict[int, list[Ignore]] = field(default_factory=dict)
    whole_file: list[Ignore] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def all(self) -> list[Ignore]:
        return [*self.whole_file, *(i for group in self.by_line.values() for i in group)]


def parse(
    lines: Sequence[str],
    selection: Selection,
    require_reason: bool,
    in_comment: Callable[[int, int], bool] = lambda _line, _column: True,
) -> Ignores:
    """Find the ignore comments, resolving their names with the run's ``selection``. Only a
    real comment counts: ``in_comment(line, column)`` says whether a ``#`` there starts one
    (text in quotes or in a block that reads like an ignore comment suppresses nothing)."""
    found = Ignores()
    waiting: list[Ignore] = []  # own-line ignores looking for the line they apply to
    for number, text in enumerate(lines, start=1):
        match = _COMMENT.search(text) if MARK in text else None
        if match is not None and not in_comment(number, _hash_column(match)):
            match = None
        stripped = text.strip()
        if match is None:
            if waiting and stripped and not stripped.startswith("#"):
                found.by_line.setdefault(number, []).extend(waiting)
                waiting = []
            continue
        ignore = _ignore(number, match, selection, require_reason, found.problems)
        if ignore is None:
            continue
        if ignore.whole_file:
            found.whole_file.append(ignore)
        elif stripped.startswith("#"):
            waiting.append(ignore)
        else:
            found.by_line.setdefault(number, []).append(ignore)
    return found


def _hash_column(match: re.Match[str]) -> int:
    """The 1-based column of the comment's ``#``."""
    return match.start() + (2 if match.group(0)[:1].isspace() else 1)


def _ignore(
    number: int,
    match: re.Match[str],
    selection: Selection,
    require_reason: bool,
    problems: list[Problem],
) -> Ignore | None:
    start = match.start() + (1 if match.group(0)[:1].isspace() else 0)
    span = Span(number, start + 1, number, match.end() + 1)
    written = [r.strip() for r in (match.group("rules") or "").split(",") if r.strip()]
    if not written:
        problems.append(
            Problem(
                INVALID_IGNORE,
                "This ignore comment names no rule; a bare ignore would hide every finding.",
                span=span,
                fix="Name the rules in brackets, e.g. '# mcvalidate: ignore[BCT008] reason'.",
            )
        )
        return None
    names: dict[str, frozenset[str]] = {}
    for name in written:
        rule_ids = selection.lookup(name)
        fixed = [r for r in sorted(rule_ids) if not selection.by_id[r].switchable]
        if fixed and len(fixed) == len(rule_ids):
            problems.append(
                Problem(
                    INVALID_IGNORE,
                    f"'{name}' cannot be suppressed: a file that cannot be read or checked is "
                    "always reported.",
                    span=span,
                    fix="Fix the file instead, and remove this ignore comment.",
                )
            )
        elif not rule_ids:
            if not selection.belongs_elsewhere(name):
                problems.append(
                    Problem(
                        INVALID_IGNORE,
                        f"This ignore comment names '{name}', which is not a rule.",
                        span=span,
                        fix="Use a rule id, name, id prefix or pack name from 'mcvalidate rules'.",
                    )
                )
        else:
            names[name] = frozenset(r for r in rule_ids if selection.by_id[r].switchable)
    reason = match.group("reason").strip()
    if require_reason and not reason:
        problems.append(
            Problem(
                IGNORE_WITHOUT_REASON,
                "This ignore comment gives no reason; the configuration requires one.",
                span=span,
                fix="Say after the brackets why the finding does not apply here.",
            )
        )
    if not names:
        return None
    kind = match.group("kind")
    return Ignore(span, kind == "ignore-file", names, reason)


def apply(
    findings: Sequence[Finding], ignores: Ignores, ran: Set[str]
) -> tuple[list[Finding], list[Finding], list[Problem]]:
    """Split findings into kept and suppressed; report ignores that suppressed nothing among
    the rules that ``ran`` (an ignore for a rule left out of the run is not stale)."""
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for finding in findings:
        ignore = _matching(finding, ignores)
        if ignore is None:
            kept.append(finding)
            continue
        ignore.used.add(finding.rule)
        reason = ignore.reason or "(no reason given)"
        suppression = Suppression("file" if ignore.whole_file else "inline", reason)
        suppressed.append(dataclasses.replace(finding, suppression=suppression))
    unused = [
        Problem(
            UNUSED_IGNORE,
            f"This ignore comment suppresses nothing for {written}; remove it (or the rule "
            "from it) if the finding is gone.",
            span=ignore.span,
            fix="Delete the stale ignore comment.",
        )
        for ignore in ignores.all()
        for written, rule_ids in ignore.names.items()
        if not (rule_ids & ignore.used) and rule_ids & ran
    ]
    return kept, suppressed, unused


def _matching(finding: Finding, ignores: Ignores) -> Ignore | None:
    for ignore in ignores.by_line.get(finding.span.line, ()):
        if ignore.covers(finding.rule):
            return ignore
    for ignore in ignores.whole_file:
        if ignore.covers(finding.rule):
            return ignore
    return None
