"""The committee's report as Markdown (CommonMark with GitHub's tables), for a wiki, a pull
request or a committee's papers: the same parts as the HTML report, checklists as tables.

Every value the report did not write goes through :func:`_m`, which makes control and
bidirectional characters visible and backslash-escapes what Markdown or HTML would act on,
so no value adds an element, a link, an emphasis or a table cell. A source line is shown in
a fenced block, whose fence is longer than any run of backticks in it: its content is
literal for every renderer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from mcvalidate.committee import (
    GENERAL,
    SEVERITY_MARK,
    STATE_MARK,
    CourseReport,
    Entry,
    Framework,
    Report,
    shown,
)
from mcvalidate.matrix.text import OUTSIDE, cell_text
from mcvalidate.report import plural

# What Markdown (or the HTML it may carry) acts on anywhere in a line.
_ACTIVE = re.compile(r"([\\`*_{}\[\]<>!|~&$])")
# What it acts on at the start of a block: a bullet, a heading, a number starting a list.
_LEADING = re.compile(r"^([-+#])")
_NUMBERED = re.compile(r"^(\d+)([.)])")


def _m(text: object) -> str:
    """A value as Markdown text: visible controls, one line, every active character escaped."""
    flat = " ".join(shown(str(text)).split())
    escaped = _ACTIVE.sub(r"\\\1", flat)
    return _NUMBERED.sub(r"\1\\\2", _LEADING.sub(r"\\\1", escaped))


def _link(url: str, words: str) -> str:
    """A link for a web address that needs no escaping in a link; else the words alone."""
    if url.startswith(("https://", "http://")) and not re.search(r"[\s<>()\\]", url):
        return f"[{_m(words)}]({url})"
    return _m(words)


def render(report: Report) -> str:
    """The whole document."""
    lines = [
        f"# {_m(report.title)}",
        "",
        f"Made by mcvalidate {report.version} on {report.date.isoformat()}. A course "
        f"passes when no finding is at {report.fail_on.value} level or above under the "
        "frameworks that apply to it.",
    ]
    if report.overview is not None:
        lines += _overview(report)
    for course in report.courses:
        lines += _course(course)
    lines += [
        "",
        "---",
        "",
        "Element states: ✓ met (nothing reported against it), ✗ missing (an error or a "
        "warning), ○ optional, not given (only a note). Evidence: verbatim (the source's own "
        "words), secondary (a source quoting it), inferred (mcvalidate's reading: good "
        "practice, not the source's requirement).",
    ]
    return "\n".join(lines) + "\n"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _overview(report: Report) -> Iterator[str]:
    matrix = report.overview
    assert matrix is not None
    names = [pack.name for pack in matrix.columns]
    yield from ("", "## Catalogue overview", "")
    yield (
        "How each course fares under each framework of the run, whether or not the framework "
        f"applies to it: {OUTSIDE} marks a framework whose scope does not take the course. "
        "err, warn: errors and warnings."
    )
    yield ""
    yield _row(["File", GENERAL, *names])
    yield _row(["---"] * (len(names) + 2))
    for row in matrix.rows:
        if row.unchecked or row.general is None:
            cells = [f"not read: {_m(row.unchecked)}", *["-"] * len(names)]
        else:
            cells = [
                ("✓ " if cell.passed else "✗ ") + _m(cell_text(cell))
                for cell in (row.general, *row.cells)
            ]
        yield _row([_m(row.path), *cells])


def _verdict(course: CourseReport) -> str:
    if course.summary is None:
        return f"✗ Could not be read as a course: {_m(course.problem)}"
    counts = (
        f"{course.errors} error{plural(course.errors)}, {course.warnings} "
        f"warning{plural(course.warnings)}, {course.infos} note{plural(course.infos)}"
    )
    return ("✓ Passes: " if course.passes else "✗ Does not pass: ") + counts


def _course(course: CourseReport) -> Iterator[str]:
    title = course.summary.title if course.summary is not None else course.path
    yield from (
        "",
        f"## {_m(title)}",
        "",
        f"File: {_m(course.path)}",
        "",
        f"**{_verdict(course)}**",
    )
    summary = course.summary
    if summary is not None:
        yield from ("", "### Summary", "", _row(["Field", "Value"]), _row(["---", "---"]))
        for label, value in (
            ("Title", summary.title),
            ("Identifier", summary.identifier),
            ("Issuer", summary.issuer),
            ("Credit", summary.credit),
            ("Hours", summary.hours),
            ("Status", summary.status),
            ("Language", summary.language),
            ("Description", summary.description),
        ):
            yield _row([label, _m(value)])
        if summary.outcomes:
            yield from ("", "#### Learning outcomes", "")
            yield from (f"{n}. {_m(o)}" for n, o in enumerate(summary.outcomes, start=1))
        yield from ("", "### Frameworks that apply")
        if not course.frameworks:
            yield from ("", "No framework of this run applies to this course.")
        for framework in course.frameworks:
            yield from _framework(framework)
        if course.outside:
            yield from ("", "### Frameworks that do not apply", "")
            yield "Their scope does not take this course, so they are not applied to it."
            yield ""
            for outside in course.outside:
                where = _m(outside.scope)
                yield f"- **{_m(outside.title)}** (`{outside.name}`): applies to {where}."
    if course.general:
        yield from ("", f"### {GENERAL}: the course format and the checks every course gets")
        yield from _findings(course.general)
    if course.suppressed:
        yield from ("", "### Suppressed findings", "")
        for finding in course.suppressed:
            reason = finding.suppression.justification if finding.suppression else ""
            yield (
                f"- `{finding.rule}` line {finding.span.line}: {_m(finding.message)} "
                f"*Reason given: {_m(reason or 'none')}*"
            )


def _framework(framework: Framework) -> Iterator[str]:
    words = framework.tally()
    title = _link(framework.url, framework.title)
    yield from ("", f"#### {title} (`{framework.name}`, version {_m(framework.version)})", "")
    yield words + "."
    if framework.elements:
        yield ""
        yield _row(["Element", "State", "Source clause", "Evidence", "Findings"])
        yield _row(["---"] * 5)
        for element in framework.elements:
            clauses = "; ".join(_m(c.clause) for c in element.citations)
            evidence = "; ".join(", ".join(c.evidence) for c in element.citations)
            rules = ", ".join(e.finding.rule for e in element.findings) or "none"
            state = f"{STATE_MARK[element.state]} {element.state.value}"
            yield _row([_m(element.name), state, clauses, evidence, rules])
    if framework.findings:
        yield from ("", f"##### Findings under {framework.name}")
        yield from _findings(framework.findings)


def _findings(entries: tuple[Entry, ...]) -> Iterator[str]:
    yield ""
    for number, entry in enumerate(entries, start=1):
        finding = entry.finding
        label = {"error": "Error", "warning": "Warning", "info": "Note"}[finding.severity.value]
        yield (
            f"{number}. **{SEVERITY_MARK[finding.severity]} {label}** `{finding.rule}` "
            f"{_m(finding.name)}, {_m(entry.where)}: {_m(finding.message)}"
        )
        excerpt = entry.excerpt()
        if excerpt is not None:
            yield from _frame(finding.span.line, *excerpt)
        if finding.fix:
            yield f"   Fix: {_m(finding.fix)}"
            yield ""
        yield f"   Source: {_link(finding.reference, finding.framework)}"
        yield ""


def _frame(line: int, before: str, marked: str, after: str) -> Iterator[str]:
    """The source line in a fenced block, with carets under the finding's span."""
    before, marked, after = shown(before), shown(marked), shown(after)
    text = before + marked + after
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    gutter = f"{line} | "
    yield ""
    yield f"   {fence}"
    yield f"   {gutter}{text}"
    yield f"   {' ' * (len(gutter) - 2)}| {' ' * _cells(before)}{'^' * max(_cells(marked), 1)}"
    yield f"   {fence}"
    yield ""


def _cells(text: str) -> int:
    """How many columns ``text`` takes in a monospaced font (wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
