"""``mcvalidate report``: what a curriculum committee reads about one course or a catalogue.

``check`` answers a designer ("what do I fix?"); a committee asks other questions: what is
this course, which frameworks bind it, which of their elements it meets, on whose words each
element rests, and what is still wrong. This module works the answers out once, from the
results of one run, into plain records that the format modules (``html``, ``markdown``,
``pdf``) only lay out, so the three formats can never disagree.

The run is the ``matrix``'s (every framework on every file, ``scoped=False``, the courses
kept), so a catalogue's overview and each course's checklists come from one reading of each
file. What a course is held to is what ``check`` holds it to: the frameworks whose scope
takes it. A framework of the run whose scope does not take the course is *not applicable*
to it, as a whole, with the scope in words; the overview still shows how the course would
fare under it.

An element of an applicable framework is in one of three states, from the findings of the
rules that declare it (``@rule(element=...)``), as the matrix counts them:

- **met**: none of its rules reports anything;
- **missing**: one reports an error or a warning;
- **optional, not given**: its rules report only infos (the framework makes it optional, or
  the note is about the issued record); it is no gap, and is shown apart from "met" so that
  nothing reads as written that is not.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mcvalidate.findings import FileResult, Finding, Severity
from mcvalidate.matrix import Cell, Matrix, Row
from mcvalidate.pointer import split
from mcvalidate.report import plural
from mcvalidate.rules import Source
from mcvalidate.scopes import scope_words
from mcvalidate.text import number, visible

if TYPE_CHECKING:
    from mcvalidate.model import Course
    from mcvalidate.packs import Selection
    from mcvalidate.rules import Pack

# What a report calls the checks every course gets, whatever the framework.
GENERAL = "Course file checks"

# The code points no document should carry even escaped by ``visible``: noncharacters and
# lone surrogates (an HTML parser reports them; a PDF font has no glyph for them).
_NONCHARACTERS = re.compile("[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def shown(text: str) -> str:
    """``text`` as a report may show it: controls, bidirectional and invisible format
    characters written as escapes (``visible``), and the code points no document may hold as
    ``<U+FFFE>``. Every course value and file name of a report goes through this first, so a
    value can neither turn a line around nor break the page; the formats escape after it."""
    return _NONCHARACTERS.sub(lambda m: f"<U+{ord(m.group()):04X}>", visible(text))


class State(enum.Enum):
    """An element's state in a course, under a framework that applies to it."""

    MET = "met"
    MISSING = "missing"
    OPTIONAL = "optional, not given"


# The marks beside the words: a state or a severity is never told by colour alone.
STATE_MARK = {State.MET: "✓", State.MISSING: "✗", State.OPTIONAL: "○"}
SEVERITY_MARK = {Severity.ERROR: "✗", Severity.WARNING: "!", Severity.INFO: "i"}


@dataclass(frozen=True)
class Summary:
    """What the course is, in the words a committee uses; each value as written, or "not
    stated"."""

    title: str
    identifier: str
    description: str
    language: str
    issuer: str
    credit: str
    hours: str
    status: str
    outcomes: tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    """One finding as the report shows it: the finding, and the source line it starts on
    (empty when the line is not known, e.g. a file that could not be read)."""

    finding: Finding
    line: str
    anchor: str

    @property
    def absent(self) -> bool:
        """True for a finding about a value the file does not have: its span is empty (the
        place the value would go), so no line of the file shows it."""
        span = self.finding.span
        return (span.line, span.column) == (span.end_line, span.end_column)

    @property
    def where(self) -> str:
        """Where the finding is, in words: ``line 12``, or for a value the file does not
        have, the field it would be (``quality_assurance.review_cycle_months``)."""
        if self.absent and self.finding.pointer:
            return f"{'.'.join(split(self.finding.pointer))}, not in the file"
        return f"line {self.finding.span.line}"

    def excerpt(self) -> tuple[str, str, str] | None:
        """The line cut around the finding's span (before, marked, after), as the text
        report's code frame marks it; None without a line, or for a value not in the file."""
        if not self.line or self.absent:
            return None
        raw = self.line.replace("\t", " ")
        span = self.finding.span
        start = max(span.column - 1, 0)
        end = span.end_column - 1 if span.end_line == span.line else len(raw)
        end = max(end, start + 1)
        return raw[:start], raw[start:end], raw[end:]


@dataclass(frozen=True)
class Citation:
    """A clause an element's rules rest on (document, clause and the source's id in the
    pack's list), with the evidence marks of the rules citing it: two rules may cite one
    clause, one as its words (verbatim), one as mcvalidate's reading of it (inferred)."""

    clause: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Element:
    """One element of a framework in one course: its state, the clauses its rules rest on
    and the findings against it."""

    name: str
    state: State
    citations: tuple[Citation, ...]
    findings: tuple[Entry, ...]


@dataclass(frozen=True)
class Framework:
    """A framework that applies to the course: its checklist and its findings."""

    name: str
    title: str
    version: str
    url: str
    cell: Cell
    elements: tuple[Element, ...]
    findings: tuple[Entry, ...]

    def count(self, state: State) -> int:
        return sum(e.state is state for e in self.elements)

    def tally(self) -> str:
        """The checklist in a sentence: "Meets 12 of 15 elements; 2 missing; 1 optional, not
        given" (every format says it the same way)."""
        total = len(self.elements)
        missing, optional = self.count(State.MISSING), self.count(State.OPTIONAL)
        words = f"Meets {self.count(State.MET)} of {total} element{plural(total)}"
        words += f"; {missing} missing" if missing else ""
        words += f"; {optional} optional, not given" if optional else ""
        return words


@dataclass(frozen=True)
class Outside:
    """A framework of the run that does not apply to the course (its scope does not take
    it), with where it does apply."""

    name: str
    title: str
    scope: str


@dataclass(frozen=True)
class CourseReport:
    """One file: its summary (None when no course could be read from it, then ``problem``
    says why), the frameworks that apply and those that do not, and the findings of the
    course format and of the checks every course gets."""

    path: str
    anchor: str
    summary: Summary | None
    problem: str
    frameworks: tuple[Framework, ...]
    outside: tuple[Outside, ...]
    general: tuple[Entry, ...]
    suppressed: tuple[Finding, ...]
    errors: int
    warnings: int
    infos: int
    passes: bool
    # The course's language (a BCP 47 tag), for the ``lang`` of its values; "" when unknown.
    language: str


@dataclass(frozen=True)
class Report:
    """The whole report: its courses in the run's order, and, for several files, the
    catalogue overview (the matrix of the same run)."""

    courses: tuple[CourseReport, ...]
    overview: Matrix | None
    date: datetime.date
    version: str
    fail_on: Severity

    @property
    def title(self) -> str:
        """The report's title: the course's for one course, else the catalogue's."""
        if len(self.courses) == 1 and self.courses[0].summary is not None:
            return f"Course report: {self.courses[0].summary.title}"
        return f"Catalogue report: {len(self.courses)} course files"


NOT_STATED = "not stated"


def build(
    results: Sequence[FileResult],
    selection: Selection,
    *,
    date: datetime.date,
    version: str,
    fail_on: Severity,
) -> Report:
    """The report of ``results`` (from a ``scoped=False`` run that kept the courses)."""
    matrix = Matrix(selection)
    for result in results:
        matrix.add(result)
    packs = {pack.name: pack for pack in matrix.columns}
    enabled = selection.enabled
    courses = tuple(
        _course(index, result, row, packs, enabled, fail_on)
        for index, (result, row) in enumerate(zip(results, matrix.rows, strict=True), start=1)
    )
    return Report(courses, matrix if len(results) > 1 else None, date, version, fail_on)


def _course(
    index: int,
    result: FileResult,
    row: Row,
    packs: dict[str, Pack],
    enabled: frozenset[str],
    fail_on: Severity,
) -> CourseReport:
    anchor = f"course-{index}"
    numbered = _Numbered(anchor, result)
    columns = {cell.pack: cell for cell in row.cells}
    applied = [name for name in packs if name in result.frameworks and name in columns]
    frameworks = tuple(
        _framework(packs[name], columns[name], result, numbered, enabled) for name in applied
    )
    outside = tuple(
        Outside(pack.name, pack.title, scope_words(pack))
        for name, pack in packs.items()
        if name not in applied
    )
    general = numbered.entries(f for f in result.findings if f.pack not in packs)
    counted = [e.finding for e in general] + [e.finding for fw in frameworks for e in fw.findings]
    course = result.course
    return CourseReport(
        path=result.path,
        anchor=anchor,
        summary=_summary(course) if course is not None else None,
        problem=row.unchecked,
        frameworks=frameworks,
        outside=outside if course is not None else (),
        general=general,
        suppressed=result.suppressed,
        errors=sum(f.severity is Severity.ERROR for f in counted),
        warnings=sum(f.severity is Severity.WARNING for f in counted),
        infos=sum(f.severity is Severity.INFO for f in counted),
        passes=course is not None and not any(f.severity >= fail_on for f in counted),
        language=(course.language or "") if course is not None else "",
    )


class _Numbered:
    """The findings of one course, each given its anchor once (``course-1-f3``), so the
    checklist can point at the findings an element has."""

    def __init__(self, anchor: str, result: FileResult) -> None:
        self._anchor = anchor
        self._source = result.source
        self._count = 0

    def entries(self, findings: Iterable[Finding]) -> tuple[Entry, ...]:
        made = []
        for finding in findings:
            self._count += 1
            line = self._source.get(finding.span.line, "")
            made.append(Entry(finding, line, f"{self._anchor}-f{self._count}"))
        return tuple(made)


def _framework(
    pack: Pack, cell: Cell, result: FileResult, numbered: _Numbered, enabled: frozenset[str]
) -> Framework:
    findings = numbered.entries(f for f in result.findings if f.pack == pack.name)
    states = {
        **{e: State.MET for e in cell.met},
        **{e: State.MISSING for e in cell.missed},
        **{e: State.OPTIONAL for e in cell.optional},
    }
    elements = []
    for name, rules in pack.elements.items():
        if name not in states:  # none of its rules is enabled in this run
            continue
        mine = [r for r in rules if r.id in enabled]
        ids = {r.id for r in mine}
        against = tuple(e for e in findings if e.finding.rule in ids)
        citations = _citations(r.source for r in mine)
        elements.append(Element(name, states[name], citations, against))
    return Framework(pack.name, pack.title, pack.version, pack.url, cell, tuple(elements), findings)


def _citations(sources: Iterable[Source]) -> tuple[Citation, ...]:
    """Each clause once, in the rules' order, with every evidence mark it is cited with."""
    marks: dict[str, list[str]] = {}
    for source in sources:
        clause = f"{source.document}: {source.clause}" + (
            f" (source {source.ref})" if source.ref else ""
        )
        found = marks.setdefault(clause, [])
        if source.evidence not in found:
            found.append(source.evidence)
    return tuple(Citation(clause, tuple(evidence)) for clause, evidence in marks.items())


def _summary(course: Course) -> Summary:
    issuer = course.issuer
    return Summary(
        title=course.title,
        identifier=course.id or NOT_STATED,
        description=" ".join((course.summary or "").split()) or NOT_STATED,
        language=course.language or NOT_STATED,
        issuer=(issuer.name if issuer and issuer.name else NOT_STATED),
        credit=_credit(course),
        hours=_hours(course),
        status=course.status or NOT_STATED,
        outcomes=tuple(
            " ".join(o.statement.split()) if o.statement else NOT_STATED
            for o in course.learning_outcomes or ()
        ),
    )


# How the credits of each system are called (an institutional one names its own).
_UNITS = {"ects": "ECTS credits", "nzqcf": "NZQCF credits", "uk": "UK credits", "us": "US credits"}


def _credit(course: Course) -> str:
    credit = course.credit
    if credit is None or credit.status is None:
        return NOT_STATED
    if credit.status == "non_credit":
        return "non-credit"
    if credit.value is None:
        return "credit-bearing (value not stated)"
    unit = credit.system_name or _UNITS.get(credit.system or "", "credits")
    return f"credit-bearing: {number(credit.value)} {unit}"


def _hours(course: Course) -> str:
    workload = course.workload
    if workload is None or workload.hours is None:
        return NOT_STATED
    hours = f"{number(workload.hours)} learning hours"
    if workload.weeks is not None:
        hours += f" over {number(workload.weeks)} weeks"
    return hours
