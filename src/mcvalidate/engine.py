"""Checking files: load, validate, run the selected rules, attach positions and metadata.

Each stage can add problems; a stage that cannot go on (the file is not YAML, the top level is
not a mapping) ends that file's pipeline, and the other files go on. Positions and rule
metadata are attached in one place, :meth:`Checker._finding`, so no rule computes a line.

A rule is isolated from the run: whatever it raises (``sys.exit()`` included) and whatever it
writes to standard output or error becomes an MC008 finding naming it, and the other rules and
files go on.
"""

from __future__ import annotations

import datetime
import io
import os
import sys
import traceback
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yaml.nodes import ScalarNode

from mcvalidate import suppress
from mcvalidate.discover import (
    NotRegular,
    has_course_name,
    open_regular,
    read_regular,
    relative_to,
)
from mcvalidate.document import Document
from mcvalidate.errors import describe
from mcvalidate.exposure import exposure
from mcvalidate.findings import FileResult, Finding, Problem, Suppression
from mcvalidate.format_rules import ACROSS_FILES, INTERNAL_ERROR, UNREADABLE
from mcvalidate.globs import glob_match
from mcvalidate.limits import too_large
from mcvalidate.loader import load, text_of, yaml11_number
from mcvalidate.packs import Selection
from mcvalidate.pointer import within
from mcvalidate.recognise import is_course_text
from mcvalidate.references import read_references
from mcvalidate.rules import Check, Rule, RuleContext, frozen_options
from mcvalidate.schema import validate
from mcvalidate.scopes import Scopes
from mcvalidate.settings import Settings
from mcvalidate.traps import find_traps

if TYPE_CHECKING:
    from pydantic import BaseModel

    from mcvalidate.across import Catalogue
    from mcvalidate.model import Course

_ACROSS = frozenset(rule.id for rule in ACROSS_FILES)
# A rule planned for a run: the rule, its check, its options and its pack's name.
Planned = tuple[Rule, Check, Mapping[str, Any], str]
# Plans kept per run, one per distinct set of packs applied (files that list their own
# frameworks can make many): beyond this, a plan is made per file and not kept.
_PLANS = 64


class Checker:
    """Checks files against one selection of rules; built once per run."""

    def __init__(self, selection: Selection, settings: Settings | None = None) -> None:
        self.selection = selection
        self.settings = settings or Settings()
        self.limits = self.settings.limits
        self.today = self.settings.today or datetime.date.today()
        self._enabled = selection.enabled
        self._checks = [(r, selection.pack_of(r.id)) for r in selection.rules if r.check]
        self._options = {
            r.id: frozen_options({**r.defaults, **self.settings.options.get(r.id, {})})
            for r, _ in self._checks
        }
        self._plans: dict[frozenset[str], list[Planned]] = {}
        self._with_fields = [p for p in selection.packs if p.fields is not None]
        self._scopes = Scopes(selection, scoped=self.settings.scoped)
        self._output = io.StringIO()  # what rules write, caught

    def check_files(self, paths: Iterable[tuple[Path, str]]) -> Iterator[FileResult]:
        """Check ``(path, display name)`` pairs in order, one at a time."""
        for path, display in paths:
            yield self.check_file(path, display)

    def check_file(self, path: Path, display: str) -> FileResult:
        """Check one file on disk; a file that cannot be read is a finding, never an error.

        The file is opened without blocking and checked to be a regular file through the open
        descriptor, so that nothing but a regular file is ever read: a pipe or a device
        swapped in after the directory was listed cannot block the run (or never end:
        ``/dev/zero``)."""
        try:
            stream, status = open_regular(path)
            with stream:
                if status.st_size > self.limits.max_bytes:  # refused before it is read
                    problem = too_large(status.st_size, self.limits)
                    return self._result(Document(display, ""), [problem])
                raw = stream.read(self.limits.max_bytes + 1)
        except NotRegular:
            problem = Problem(
                UNREADABLE,
                "This is not a regular file (a pipe, socket or device), so it is not read.",
                fix="Check a regular file; to check text from a pipe, use '-' (stdin).",
            )
            return self._result(Document(display, ""), [problem])
        except OSError as exc:
            reason = exc.strerror or exc.__class__.__name__
            problem = Problem(
                UNREADABLE,
                f"The file cannot be read: {reason}.",
                fix="Check that the file exists and that you may read it.",
            )
            return self._result(Document(display, ""), [problem])
        if not self._always_checked(display) and not is_course_text(raw):
            return FileResult(display, (), {}, skipped=True)  # found in a directory, not a course
        return self.check_read(path, display, raw)

    def check_read(self, path: Path, display: str, raw: bytes) -> FileResult:
        """Check the bytes ``raw`` just read from ``path``: what a checker that also acts on
        the file (``check --fix``) overrides, with the file's path at hand."""
        return self.check_bytes(display, raw)

    def _always_checked(self, display: str) -> bool:
        """True for a file checked whatever it holds: named on the command line, or named as
        a course file (``draft.mc.yaml``: a designer who names a half-written file so has
        said what it is)."""
        return display in self.settings.named or has_course_name(display)

    def check_bytes(self, display: str, raw: bytes) -> FileResult:
        """Check the bytes of one file, reported under the name ``display``."""
        doc = load(display, raw, self.limits)
        # Before the schema: a value spoilt by a pasted character is read as if it were fixed.
        traps = find_traps(doc, self._enabled, self.limits.max_nodes)
        problems = [*doc.problems, *traps.problems]
        ran = False
        exposed = None
        course = None
        frameworks: frozenset[str] = frozenset()
        if doc.data is not None:
            course, fields, refused = self._validate(doc, problems)
            problems = traps.instead_of(problems)
            if course is not None:
                ran = True
                decision = self._scopes.decide(course)
                frameworks = decision.frameworks
                problems.extend(decision.problems)
                problems.extend(
                    p
                    for p in self._run_rules(course, fields, doc, refused, decision.run)
                    if not within(p.pointer, refused)
                )
                exposed = exposure(course, doc)
        result = self._result(doc, problems, ran)
        kept = course if ran and self.settings.keep_courses else None
        return replace(result, exposed=exposed, frameworks=tuple(sorted(frameworks)), course=kept)

    def _validate(
        self, doc: Document, problems: list[Problem]
    ) -> tuple[Course | None, dict[str, BaseModel | None], frozenset[str]]:
        """The course model, the models of the packs' own fields, and the refused pointers."""
        data = doc.data
        tainted = set(doc.tainted)
        fields: dict[str, BaseModel | None] = {}
        for pack in self._with_fields:
            assert pack.fields is not None
            own = {k: v for k, v in data.items() if pack.owns(k)}
            data = {k: v for k, v in data.items() if not pack.owns(k)}
            checked = validate(doc, pack.fields, own)
            problems.extend(checked.problems)
            tainted |= checked.tainted
            fields[pack.name] = checked.model
        validated = validate(doc, data=data)
        problems.extend(validated.problems)
        tainted |= validated.tainted
        for pointer, node in doc.yaml11_numbers.items():
            if not within(pointer, tainted) and isinstance(node, ScalarNode):
                problems.append(yaml11_number(doc, pointer, node))
                tainted.add(pointer)
        course = validated.course
        if course is not None:
            course, read = read_references(course, tainted)
            problems.extend(read)
        return course, fields, frozenset(tainted)

    def _run_rules(
        self,
        course: Course,
        fields: Mapping[str, BaseModel | None],
        doc: Document,
        refused: frozenset[str],
        applied: frozenset[str],
    ) -> list[Problem]:
        """Run the rules of the ``applied`` packs on one file, each isolated: what a rule
        raises or writes becomes an MC008 problem naming it, ahead of what it reported.

        Standard output and error are caught around the whole loop rather than swapped and
        restored around each rule (which cost a few thousand instructions a rule): a rule
        that wrote is told apart by the catch buffer's position after it."""
        found: list[Problem] = []
        ctx = RuleContext(doc, self.today, refused, self._scopes.programs)
        output = self._output
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = output
        try:
            for rule, check, options, pack in self._plan(applied):
                reported = ctx.start(rule, options, fields.get(pack))
                try:
                    check(course, ctx)
                except KeyboardInterrupt:
                    raise
                except BaseException as exc:  # a broken rule must not take the run down
                    if output.tell():  # raised after writing: the exception is the failure
                        self._written()
                    found.append(self._failed(rule, describe(exc), exc, saved[1]))
                else:
                    if output.tell():
                        found.append(self._failed(rule, self._written(), None, saved[1]))
                found.extend(reported)
                # A rule that rebound the streams itself does not take the next one's along.
                sys.stdout = sys.stderr = output
        finally:
            sys.stdout, sys.stderr = saved
        return found

    def _plan(self, applied: frozenset[str]) -> list[Planned]:
        """The rules to run on a file that gets the packs ``applied``, in the selection's
        order, with their options: worked out once per distinct set of packs (a catalogue
        has a handful), not once per file."""
        plan = self._plans.get(applied)
        if plan is None:
            plan = [
                (rule, rule.check, self._options[rule.id], pack.name)
                for rule, pack in self._checks
                if pack.name in applied and rule.check is not None
            ]
            if len(self._plans) < _PLANS:
                self._plans[applied] = plan
        return plan

    def _written(self) -> str:
        """What the rule just run wrote, as the failure named in its MC008 problem; the
        catch buffer is emptied for the next rule."""
        output = self._output
        written = output.getvalue().strip().splitlines() or [""]
        output.seek(0)
        output.truncate()
        return f"it wrote to the terminal ({written[0][:80]!r})"

    def _failed(self, rule: Rule, failure: str, exc: BaseException | None, stderr: Any) -> Problem:
        """The MC008 problem of a rule that raised or wrote; with ``MCVALIDATE_DEBUG`` set,
        the traceback goes to the real standard error."""
        if exc is not None and os.environ.get("MCVALIDATE_DEBUG"):
            traceback.print_exception(exc, file=stderr)
        return Problem(
            INTERNAL_ERROR,
            f"The rule {rule.id} ({rule.name}) failed on this file: {failure}.",
            fix="This is a bug in the rule; please report it with this message (set "
            "MCVALIDATE_DEBUG=1 to see the traceback).",
        )

    def crashed(self, display: str) -> FileResult:
        """The finding for a file whose checking ended the process checking it (a crash in
        native code, a rule calling ``os._exit``, a kill for memory): the other files' results
        are kept, and this one is an internal error (exit 2)."""
        problem = Problem(
            INTERNAL_ERROR,
            "Checking this file ended the process that checked it (a crash, or it was killed, "
            "perhaps for using too much memory), so it was not checked.",
            fix="Check it alone (mcvalidate check --jobs 1 FILE) to see the cause; if a rule "
            "is at fault, report it with this file.",
        )
        return self.result_of(display, [problem])

    def unreadable_directory(self, display: str, reason: str) -> FileResult:
        """The finding for a directory that could not be listed: its files were not checked,
        and a run that says "all pass" must not hide that."""
        problem = Problem(
            UNREADABLE,
            f"This directory cannot be read ({reason}), so the files in it were not checked.",
            fix="Check that you may list the directory (and that its path is not too long).",
        )
        return self.result_of(display, [problem])

    def across(self, catalogue: Catalogue) -> Iterator[FileResult]:
        """The findings of the checks across the run's files, one result per file concerned.
        The file is read again (only such a file, and only its text) so that its ignore
        comments apply to these findings as to the others."""
        for path, problems in catalogue.problems():
            try:
                text = text_of(read_regular(Path(path)), self.limits)
            except OSError:
                text = ""  # gone since it was checked: the findings stand, unsuppressed
            yield replace(self._result(Document(path, text), problems), across=True)

    def result_of(self, path: str, problems: list[Problem]) -> FileResult:
        """The findings of problems about a file that is not a course (a baseline's stale
        entries), under this run's selection and severities like every other finding."""
        return self._result(Document(path, ""), problems)

    def _result(self, doc: Document, problems: list[Problem], ran: bool = False) -> FileResult:
        findings = [self._finding(doc, p) for p in problems if p.rule.id in self._enabled]
        findings, suppressed = self._suppress(doc, findings, ran)
        findings.sort(key=lambda f: f.sort_key)
        findings = self._capped(findings)
        suppressed.sort(key=lambda f: f.sort_key)
        lines = doc.lines if doc.text and (findings or suppressed) else []
        source = {
            f.span.line: lines[f.span.line - 1]
            for f in (*findings, *suppressed)
            if f.span.line <= len(lines)
        }
        return FileResult(doc.path, tuple(findings), source, tuple(suppressed))

    def _capped(self, findings: list[Finding]) -> list[Finding]:
        """At most ``limits.max_findings`` findings of one rule in one file (in position
        order); the rest are counted in one more finding of the rule, where the first of them
        is, so that ten thousand unknown keys cost a line, not a report of megabytes."""
        cap = self.limits.max_findings
        if len(findings) <= cap:  # nearly every file: no rule can be over the cap
            return findings
        counts: dict[str, int] = {}
        kept: list[Finding] = []
        beyond: dict[str, tuple[Finding, int]] = {}
        for f in findings:
            counts[f.rule] = counts.get(f.rule, 0) + 1
            if counts[f.rule] <= cap:
                kept.append(f)
            else:
                first, more = beyond.get(f.rule, (f, 0))
                beyond[f.rule] = (first, more + 1)
        if not beyond:
            return findings
        for first, more in beyond.values():
            kept.append(
                replace(
                    first,
                    message=f"... and {more:,} more finding{'s' if more > 1 else ''} of "
                    f"{first.rule} in this file, from here on, not shown one by one "
                    f"(limits.max_findings is {cap}).",
                    fix="Fix the findings shown first: the rest are often the same mistake.",
                    autofix=None,  # it stands for many: fixing one of them is no fix of it
                )
            )
        kept.sort(key=lambda f: f.sort_key)
        return kept

    def _suppress(
        self, doc: Document, findings: list[Finding], ran: bool
    ) -> tuple[list[Finding], list[Finding]]:
        """Set aside the findings that the configuration or an ignore comment silences.
        Unused ignores are reported only when the rules ran on the file: in a file that could
        not be read, no ignore had a chance to be used."""
        suppressed: list[Finding] = []
        rules = self.selection.by_id
        by_config = self._config_ignores(doc.path)
        if by_config:
            kept = []
            for f in findings:
                if f.rule in by_config and rules[f.rule].switchable:
                    suppressed.append(
                        replace(f, suppression=Suppression("config", by_config[f.rule]))
                    )
                else:
                    kept.append(f)
            findings = kept
        if not self.settings.inline_ignores or suppress.MARK not in doc.text:
            return findings, suppressed
        ignores = suppress.parse(
            doc.lines, self.selection, self.settings.require_reason, doc.in_comment
        )
        fixed = [f for f in findings if not rules[f.rule].switchable]
        silenceable = [f for f in findings if rules[f.rule].switchable]
        # An ignore of a check across files is used, if at all, once every file is checked.
        decided = self._enabled - _ACROSS if ran else set()
        kept, inline, unused = suppress.apply(silenceable, ignores, decided)
        kept.extend(fixed)
        meta = [self._finding(doc, p) for p in (*ignores.problems, *unused)]
        return kept + [f for f in meta if f.rule in self._enabled], suppressed + inline

    def _config_ignores(self, display: str) -> dict[str, str]:
        """Rule id -> why the configuration's ``per_file_ignores`` silence it in this file."""
        settings = self.settings
        if not settings.per_file_ignores:
            return {}
        relative = relative_to(display, settings.root)
        why: dict[str, str] = {}
        if relative is None:
            return why
        for glob, rule_ids in settings.per_file_ignores:
            if glob_match(glob, relative):
                for rule_id in rule_ids:
                    why.setdefault(rule_id, f"per_file_ignores '{glob}' in {settings.source}")
        return why

    def _finding(self, doc: Document, problem: Problem) -> Finding:
        rule = problem.rule
        span = problem.span or doc.span_of(problem.pointer, at_key=problem.at_key)
        return Finding(
            path=doc.path,
            span=span,
            pointer=doc.written(problem.pointer),
            rule=rule.id,
            name=rule.name,
            severity=self.settings.severity.get(rule.id, rule.severity),
            message=problem.message,
            framework=rule.source.citation,
            reference=rule.source.url,
            fix=problem.fix,
            pack=self.selection.pack_of(rule.id).name,
            autofix=problem.autofix,
        )


__all__ = ["Checker", "FileResult", "Settings"]
