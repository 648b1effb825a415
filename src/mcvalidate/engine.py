"""Checking files: load, validate, run the selected rules, attach positions and metadata.

Each stage can add problems; a stage that cannot go on (the file is not YAML, the top level is
not a mapping) ends that file's pipeline, and the other files go on. Positions and rule
metadata are attached in one place, :meth:`Checker._finding`, so no rule computes a line.
"""

from __future__ import annotations

import datetime
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mcvalidate import suppress
from mcvalidate.findings import Finding, Problem, Severity, Suppression
from mcvalidate.loader import Document, Limits, load, too_large, within
from mcvalidate.model import Course
from mcvalidate.packs import ALWAYS_ON, Selection
from mcvalidate.rules import Rule, RuleContext
from mcvalidate.schema import validate


@dataclass(frozen=True)
class FileResult:
    """The findings of one file, sorted by position."""

    path: str
    findings: tuple[Finding, ...]
    # The source lines the findings start on, for the text report's code frames.
    source: dict[int, str]
    # Findings silenced by an inline comment or the configuration, each with its suppression.
    suppressed: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Settings:
    """What a run's configuration changes in how files are checked (all optional)."""

    limits: Limits = field(default_factory=Limits)
    today: datetime.date | None = None
    # Severity overrides by rule id.
    severity: Mapping[str, Severity] = field(default_factory=dict)
    # Rule options by rule id, merged over each rule's defaults.
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    inline_ignores: bool = True
    require_reason: bool = False
    # For a file's display path: rule id -> why the configuration ignores it there.
    config_ignores: Callable[[str], Mapping[str, str]] = lambda _path: {}


class Checker:
    """Checks files against one selection of rules; built once per run."""

    def __init__(self, selection: Selection, settings: Settings | None = None) -> None:
        self.selection = selection
        self.settings = settings or Settings()
        self.limits = self.settings.limits
        self.today = self.settings.today or datetime.date.today()
        self._meta = selection.by_id
        self._enabled = {r.id for r in selection.rules}
        self._checks = [r for r in selection.rules if r.check is not None]
        self._options = {
            r.id: {**r.options, **self.settings.options.get(r.id, {})} for r in self._checks
        }
        # Every way of naming a rule in an ignore comment, resolved once per run.
        self._names = {key: r.id for r in self._meta.values() for key in (r.id, r.name)}

    def check_files(self, paths: Iterable[tuple[Path, str]]) -> Iterator[FileResult]:
        """Check ``(path, display name)`` pairs in order, one at a time."""
        for path, display in paths:
            yield self.check_file(path, display)

    def check_file(self, path: Path, display: str) -> FileResult:
        try:
            status = path.stat()
            if not stat.S_ISREG(status.st_mode):
                # A pipe or a device would block the run, or never end (/dev/zero).
                problem = Problem(
                    "MC002",
                    "This is not a regular file (a pipe, socket or device), so it is not read.",
                    fix="Check a regular file; to check text from a pipe, use '-' (stdin).",
                )
                return self._result(Document(display, ""), [problem])
            if status.st_size > self.limits.max_bytes:  # refuse before reading it into memory
                return self._result(Document(display, ""), [too_large(status.st_size, self.limits)])
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
        ran = False
        if doc.data is not None:
            validated = validate(doc)
            problems.extend(validated.problems)
            if validated.course is not None:
                ran = True
                refused = frozenset(doc.tainted | validated.tainted)
                shared: dict[str, Any] = {}
                for rule in self._checks:
                    problems.extend(
                        p
                        for p in self._run(rule, validated.course, doc, refused, shared)
                        if not within(p.pointer, refused)
                    )
        return self._result(doc, problems, ran)

    def _run(
        self,
        rule: Rule,
        course: Course,
        doc: Document,
        refused: frozenset[str],
        shared: dict[str, Any],
    ) -> list[Problem]:
        assert rule.check is not None
        ctx = RuleContext(
            rule.id,
            doc.path,
            self._options[rule.id],
            doc.nodes.__contains__,
            self.today,
            refused,
            shared,
        )
        try:
            rule.check(course, ctx)
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

    def _result(self, doc: Document, problems: list[Problem], ran: bool = False) -> FileResult:
        findings = [self._finding(doc, p) for p in problems if p.rule in self._enabled]
        findings, suppressed = self._suppress(doc, findings, ran)
        findings.sort(key=lambda f: f.sort_key)
        suppressed.sort(key=lambda f: f.sort_key)
        lines = doc.lines if doc.text and (findings or suppressed) else []
        source = {
            f.span.line: lines[f.span.line - 1]
            for f in (*findings, *suppressed)
            if f.span.line <= len(lines)
        }
        return FileResult(doc.path, tuple(findings), source, tuple(suppressed))

    def _suppress(
        self, doc: Document, findings: list[Finding], ran: bool
    ) -> tuple[list[Finding], list[Finding]]:
        """Set aside the findings that the configuration or an ignore comment silences.
        Unused ignores are reported only when the rules ran on the file: in a file that could
        not be read, no ignore had a chance to be used."""
        suppressed: list[Finding] = []
        by_config = self.settings.config_ignores(doc.path)
        if by_config:
            kept = []
            for f in findings:
                if f.rule in by_config and f.rule not in ALWAYS_ON:
                    suppressed.append(
                        replace(f, suppression=Suppression("config", by_config[f.rule]))
                    )
                else:
                    kept.append(f)
            findings = kept
        if not self.settings.inline_ignores or suppress.MARK not in doc.text:
            return findings, suppressed
        ignores = suppress.parse(doc.lines, self._names, self.settings.require_reason)
        silenceable = [f for f in findings if f.rule not in ALWAYS_ON]
        kept, inline, unused = suppress.apply(silenceable, ignores, self._enabled if ran else set())
        kept.extend(f for f in findings if f.rule in ALWAYS_ON)
        meta = [self._finding(doc, p) for p in (*ignores.problems, *unused)]
        return kept + [f for f in meta if f.rule in self._enabled], suppressed + inline

    def adopt(self, result: FileResult) -> FileResult:
        """A result made outside the checker (a baseline's stale entries) under this run's
        selection and severities, like every other finding."""
        findings = tuple(
            replace(f, severity=self.settings.severity.get(f.rule, f.severity))
            for f in result.findings
            if f.rule in self._enabled
        )
        return replace(result, findings=findings)

    def _finding(self, doc: Document, problem: Problem) -> Finding:
        rule = self._meta[problem.rule]
        span = problem.span or doc.span_of(problem.pointer, at_key=problem.at_key)
        return Finding(
            path=doc.path,
            span=span,
            pointer=problem.pointer,
            rule=rule.id,
            name=rule.name,
            severity=self.settings.severity.get(rule.id, rule.severity),
            message=problem.message,
            framework=rule.source.citation,
            reference=rule.source.url,
            fix=problem.fix,
        )
