"""Checking files: load, validate, run the selected rules, attach positions and metadata.

Each stage can add problems; a stage that cannot go on (the file is not YAML, the top level is
not a mapping) ends that file's pipeline, and the other files go on. Positions and rule
metadata are attached in one place, :meth:`Checker._finding`, so no rule computes a line.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mcvalidate.findings import Finding, Problem
from mcvalidate.loader import Document, Limits, load, within
from mcvalidate.packs import Selection
from mcvalidate.rules import Rule, RuleContext
from mcvalidate.schema import validate


@dataclass(frozen=True)
class FileResult:
    """The findings of one file, sorted by position."""

    path: str
    findings: tuple[Finding, ...]
    # The source lines the findings start on, for the text report's code frames.
    source: dict[int, str]


class Checker:
    """Checks files against one selection of rules; built once per run."""

    def __init__(
        self,
        selection: Selection,
        limits: Limits | None = None,
        today: datetime.date | None = None,
    ) -> None:
        self.selection = selection
        self.limits = limits or Limits()
        self.today = today or datetime.date.today()
        self._meta = selection.by_id
        self._enabled = {r.id for r in selection.rules}
        self._checks = [r for r in selection.rules if r.check is not None]

    def check_files(self, paths: Iterable[tuple[Path, str]]) -> Iterator[FileResult]:
        """Check ``(path, display name)`` pairs in order, one at a time."""
        for path, display in paths:
            yield self.check_file(path, display)

    def check_file(self, path: Path, display: str) -> FileResult:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            reason = exc.strerror or exc.__class__.__name__
            problem = Problem(
                "MC002",
                f"The file cannot be read: {reason}.",
                fix="Check that the file exists and that you may read it.",
            )
            return self._result(Document(display, ""), [problem])
        return self.check_bytes(display, raw)

    def check_bytes(self, display: str, raw: bytes) -> FileResult:
        doc = load(display, raw, self.limits)
        problems = list(doc.problems)
        if doc.data is not None:
            validated = validate(doc)
            problems.extend(validated.problems)
            if validated.course is not None:
                refused = frozenset(doc.tainted | validated.tainted)
                for rule in self._checks:
                    problems.extend(
                        p
                        for p in self._run(rule, validated.course, doc, refused)
                        if not within(p.pointer, refused)
                    )
        return self._result(doc, problems)

    def _run(
        self, rule: Rule, course: object, doc: Document, refused: frozenset[str]
    ) -> list[Problem]:
        assert rule.check is not None
        ctx = RuleContext(
            rule.id, doc.path, rule.options, doc.locations.__contains__, self.today, refused
        )
        try:
            rule.check(course, ctx)  # type: ignore[arg-type]
        except Exception as exc:  # a broken rule must not take the file or the run down
            return [
                Problem(
                    "MC008",
                    f"The rule {rule.id} ({rule.name}) failed on this file: "
                    f"{exc.__class__.__name__}: {exc}.",
                    fix="This is a bug in the rule; please report it with this message.",
                )
            ]
        return ctx.problems

    def _result(self, doc: Document, problems: list[Problem]) -> FileResult:
        findings = sorted(
            (self._finding(doc, p) for p in problems if p.rule in self._enabled),
            key=lambda f: f.sort_key,
        )
        lines = doc.lines if doc.text else []
        source = {
            f.span.line: lines[f.span.line - 1] for f in findings if f.span.line <= len(lines)
        }
        return FileResult(doc.path, tuple(findings), source)

    def _finding(self, doc: Document, problem: Problem) -> Finding:
        rule = self._meta[problem.rule]
        span = problem.span or doc.span_of(problem.pointer, at_key=problem.at_key)
        return Finding(
            path=doc.path,
            span=span,
            pointer=problem.pointer,
            rule=rule.id,
            name=rule.name,
            severity=rule.severity,
            message=problem.message,
            framework=rule.source.citation,
            reference=rule.source.url,
            fix=problem.fix,
        )
