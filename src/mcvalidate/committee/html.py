"""The committee's report as one self-contained HTML file.

One file, so it travels by e-mail or an LMS and opens offline: the CSS is inline, there is no
script, no font, no image and nothing else loaded from anywhere (links in the text are only
links). It prints from any browser: the print rules fit Letter and A4 alike (no page size is
fixed unless ``--paper`` asks), each course starts a page, and a table's header row repeats
on each page it runs over.

Everything the report did not write itself (course values, file names, messages, source
lines) goes through one helper, :func:`_e`, which makes control and bidirectional characters
visible and then escapes the HTML metacharacters, so no value can add an element or an
attribute, or turn a line around; course values are also isolated in ``<bdi>`` with their
course's ``lang``, so right-to-left text stays in its place.

Accessible by construction: headings in order, a ``<caption>`` and ``<th scope>`` on every
table, states and severities by a word and a symbol (never colour alone), colours of WCAG AA
contrast on white.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from mcvalidate.committee import (
    GENERAL,
    SEVERITY_MARK,
    STATE_MARK,
    CourseReport,
    Element,
    Entry,
    Framework,
    Report,
    State,
    shown,
)
from mcvalidate.findings import Finding
from mcvalidate.matrix.text import OUTSIDE, cell_text
from mcvalidate.report import plural


def _e(text: object) -> str:
    """The one way text gets into the page: visible controls, then escaped (quotes too)."""
    return html.escape(shown(str(text)), quote=True)


def _value(text: str, lang: str) -> str:
    """A course value, isolated from the text around it, in the course's language."""
    attribute = f' lang="{_e(lang)}"' if lang else ""
    return f"<bdi{attribute}>{_e(text)}</bdi>"


def _link(url: str, words: str) -> str:
    """A link for a web address (a pack's or a rule's source); other references (a path in
    the project) are text, since the report is read away from the project."""
    if url.startswith(("https://", "http://")):
        return f'<a href="{_e(url)}">{_e(words)}</a>'
    return _e(words)


_CSS = """
:root { color: #1b1b1b; background: #fff; }
body { font: 1rem/1.45 system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  max-width: 62rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.7rem; margin: .2em 0; }
h2 { font-size: 1.4rem; border-bottom: 2px solid #1b1b1b; padding-bottom: .15em; margin-top: 2em; }
h3 { font-size: 1.15rem; margin-top: 1.6em; }
h4 { font-size: 1.02rem; margin: 1.4em 0 .4em; }
h5 { font-size: .95rem; margin: 1em 0 .3em; }
a { color: #0b4f8a; }
code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88em; }
.meta, .path { color: #4a4a4a; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: .9em; }
caption { text-align: left; font-weight: 600; padding: .3em 0; }
th, td { border: 1px solid #8c8c8c; padding: .25em .45em; text-align: left;
  vertical-align: top; overflow-wrap: break-word; }
table.overview { font-size: .8em; }
table.overview tbody th { overflow-wrap: anywhere; min-width: 11em; }
td.state, td.links a { white-space: nowrap; }
ul.cited { margin: 0; padding: 0; list-style: none; }
ul.cited li + li { margin-top: .3em; }
thead th { background: #e8e8e8; }
tbody th { font-weight: 600; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
dl.summary dt { font-weight: 600; }
dl.summary dd { margin: 0; overflow-wrap: anywhere; }
.verdict { font-weight: 600; padding: .4em .6em; border: 2px solid; display: inline-block; }
.pass { color: #1d6b32; } .fail { color: #a4000f; }
.st-met { color: #1d6b32; } .st-missing { color: #a4000f; font-weight: 600; }
.st-optional { color: #4a4a4a; }
.sev-error { color: #a4000f; } .sev-warning { color: #7a4500; } .sev-info { color: #0b4f8a; }
ol.findings { padding-left: 1.4em; }
ol.findings > li { margin: .6em 0; }
.finding p { margin: .15em 0; color: #1b1b1b; }
.sev { font-weight: 700; }
pre.excerpt { background: #f3f3f3; border-left: 3px solid #8c8c8c; padding: .3em .5em;
  white-space: pre-wrap; overflow-wrap: anywhere; margin: .3em 0; }
pre.excerpt mark { background: #ffe08a; color: #1b1b1b; text-decoration: underline; }
.ln { color: #4a4a4a; }
.outside { color: #4a4a4a; font-style: italic; }
.signature { margin-top: 2em; display: grid; grid-template-columns: 1fr 1fr; gap: 1.5em; }
.signature p { border-top: 1px solid #1b1b1b; padding-top: .2em; margin-top: 2.2em; }
@page { margin: 16mm 14mm 18mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; }
  @bottom-left { content: "mcvalidate report"; font-size: 9pt; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  table.overview { font-size: 7.5pt; }
  table.overview thead th { overflow-wrap: anywhere; }
  .course { break-before: page; }
  .course.single { break-before: auto; }
  h2, h3, h4, h5, caption { break-after: avoid; }
  thead { display: table-header-group; }
  tr, li.finding, pre.excerpt, .signature { break-inside: avoid; }
  a { color: inherit; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em; }
  nav a::after { content: none; }
}
"""

_PAPER = {"a4": "A4", "letter": "letter"}


def render(report: Report, paper: str | None = None) -> str:
    """The whole page. ``paper`` (``a4`` or ``letter``) fixes the printed page's size;
    without it the printer's own paper is used."""
    css = _CSS
    if paper is not None:
        css += f"@page {{ size: {_PAPER[paper]}; }}\n"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="mcvalidate {_e(report.version)}">',
        f"<title>{_e(report.title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(report.title)}</h1>",
        f'<p class="meta">Made by mcvalidate {_e(report.version)} on '
        f"{_e(report.date.isoformat())}. A course passes when no finding is at "
        f"{_e(report.fail_on.value)} level or above under the frameworks that apply to it.</p>",
        "</header>",
        "<main>",
    ]
    if report.overview is not None:
        parts += _contents(report)
        parts += _overview(report)
    for course in report.courses:
        parts += _course(course, single=len(report.courses) == 1)
    parts += [
        "</main>",
        '<footer><p class="meta">Element states: ✓ met (nothing reported against it), '
        "✗ missing (an error or a warning), ○ optional, not given (only a note). Evidence: "
        "verbatim (the source's own words), secondary source (a source quoting it), inferred "
        "(mcvalidate's reading: good practice, not the source's requirement).</p></footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _title(course: CourseReport) -> str:
    return course.summary.title if course.summary is not None else course.path


def _contents(report: Report) -> Iterator[str]:
    yield '<nav aria-labelledby="contents">'
    yield '<h2 id="contents">Contents</h2>'
    yield "<ol>"
    yield '<li><a href="#overview">Catalogue overview</a></li>'
    for course in report.courses:
        lang = course.language if course.summary is not None else ""
        yield (
            f'<li><a href="#{_e(course.anchor)}">{_value(_title(course), lang)}</a> '
            f"<code>{_e(course.path)}</code> ({_verdict_words(course)})</li>"
        )
    yield "</ol>"
    yield "</nav>"


def _overview(report: Report) -> Iterator[str]:
    matrix = report.overview
    assert matrix is not None
    names = [pack.name for pack in matrix.columns]
    yield '<section aria-labelledby="overview">'
    yield '<h2 id="overview">Catalogue overview</h2>'
    yield (
        "<p>How each course fares under each framework of the run, whether or not the "
        f"framework applies to it: {OUTSIDE} marks a framework whose scope does not take the "
        "course (the course's own section leaves it out). err, warn: errors and warnings.</p>"
    )
    yield '<table class="overview">'
    yield (
        f"<caption>{len(matrix.rows)} course files by {len(names)} "
        f"framework{plural(len(names))}</caption>"
    )
    yield "<thead><tr>"
    yield '<th scope="col">File</th>'
    yield f'<th scope="col">{_e(GENERAL)}</th>'
    for name in names:  # a pack's name breaks at its hyphens only
        yield f'<th scope="col">{"-<wbr>".join(_e(part) for part in name.split("-"))}</th>'
    yield "</tr></thead>"
    yield "<tbody>"
    for course, row in zip(report.courses, matrix.rows, strict=True):
        yield "<tr>"
        path = "/<wbr>".join(_e(part) for part in row.path.split("/"))
        yield f'<th scope="row"><a href="#{_e(course.anchor)}"><code>{path}</code></a></th>'
        if row.unchecked or row.general is None:
            yield f'<td colspan="{len(names) + 1}">not read: {_e(row.unchecked)}</td>'
        else:
            for cell in (row.general, *row.cells):
                css = "pass" if cell.passed else "fail"
                css += "" if cell.in_scope else " outside"
                mark = "✓" if cell.passed else "✗"
                yield f'<td class="{css}">{mark} {_e(cell_text(cell))}</td>'
        yield "</tr>"
    yield "</tbody></table>"
    yield "</section>"


def _verdict_words(course: CourseReport) -> str:
    if course.summary is None:
        return "could not be read"
    counts = f"{course.errors} error{plural(course.errors)}, {course.warnings} warning" + (
        f"{plural(course.warnings)}, {course.infos} note{plural(course.infos)}"
    )
    return ("passes: " if course.passes else "does not pass: ") + counts


def _course(course: CourseReport, single: bool) -> Iterator[str]:
    heading = f"{course.anchor}-h"
    css = "course" if not single else "course single"
    yield f'<section class="{css}" id="{_e(course.anchor)}" aria-labelledby="{heading}">'
    lang = course.language
    yield f'<h2 id="{heading}">{_value(_title(course), lang)}</h2>'
    yield f'<p class="path">File: <code>{_e(course.path)}</code></p>'
    if course.summary is None:
        yield (f'<p class="verdict fail">✗ Could not be read as a course: {_e(course.problem)}</p>')
    else:
        verdict = "pass" if course.passes else "fail"
        mark = "✓" if course.passes else "✗"
        yield f'<p class="verdict {verdict}">{mark} {_e(_verdict_words(course).capitalize())}</p>'
        yield from _summary(course)
        yield from _frameworks(course)
    if course.general:
        yield f"<h3>{_e(GENERAL)}: the course format and the checks every course gets</h3>"
        yield from _findings(course.general)
    if course.suppressed:
        yield "<h3>Suppressed findings</h3>"
        yield (
            "<p>The file silences these findings (an inline comment or the configuration), "
            "with the reason given; they are not counted above.</p>"
        )
        yield "<ul>"
        for finding in course.suppressed:
            reason = finding.suppression.justification if finding.suppression else ""
            yield (
                f"<li><code>{_e(finding.rule)}</code> line {finding.span.line}: "
                f"{_e(finding.message)} <em>Reason given: {_e(reason or 'none')}</em></li>"
            )
        yield "</ul>"
    if course.summary is not None:
        yield '<div class="signature">'
        yield "<p>Reviewed by (name, role)</p><p>Date and decision</p>"
        yield "</div>"
    yield "</section>"


def _summary(course: CourseReport) -> Iterator[str]:
    summary = course.summary
    assert summary is not None
    lang = course.language
    yield "<h3>Summary</h3>"
    yield '<dl class="summary">'
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
        yield f"<dt>{_e(label)}</dt><dd>{_value(value, lang)}</dd>"
    yield "</dl>"
    if summary.outcomes:
        yield "<h4>Learning outcomes</h4>"
        yield "<ol>"
        for outcome in summary.outcomes:
            yield f"<li>{_value(outcome, lang)}</li>"
        yield "</ol>"


def _frameworks(course: CourseReport) -> Iterator[str]:
    yield "<h3>Frameworks that apply</h3>"
    if not course.frameworks:
        yield "<p>No framework of this run applies to this course.</p>"
    for framework in course.frameworks:
        yield from _framework(framework)
    if course.outside:
        yield "<h3>Frameworks that do not apply</h3>"
        yield (
            "<p>Their scope does not take this course, so they are not applied to it (the "
            "catalogue overview, or <code>mcvalidate matrix</code>, shows how it would fare).</p>"
        )
        yield "<ul>"
        for outside in course.outside:
            yield (
                f"<li><strong>{_e(outside.title)}</strong> (<code>{_e(outside.name)}</code>): "
                f"applies to {_e(outside.scope)}.</li>"
            )
        yield "</ul>"


def _framework(framework: Framework) -> Iterator[str]:
    yield "<section>"
    yield (
        f"<h4>{_link(framework.url, framework.title)} (<code>{_e(framework.name)}</code>, "
        f"version {_e(framework.version)})</h4>"
    )
    words = framework.tally()
    yield f"<p>{_e(words)}.</p>"
    if framework.elements:
        yield "<table>"
        yield f"<caption>Checklist: {_e(framework.title)}</caption>"
        yield (
            '<thead><tr><th scope="col">Element</th><th scope="col">State</th>'
            '<th scope="col">Source clause</th><th scope="col">Evidence</th>'
            '<th scope="col">Findings</th></tr></thead>'
        )
        yield "<tbody>"
        for element in framework.elements:
            yield _element_row(element)
        yield "</tbody></table>"
    if framework.findings:
        yield f"<h5>Findings under {_e(framework.name)}</h5>"
        yield from _findings(framework.findings)
    yield "</section>"


def _element_row(element: Element) -> str:
    state = element.state
    css = {State.MET: "st-met", State.MISSING: "st-missing", State.OPTIONAL: "st-optional"}
    clauses = "".join(f"<li>{_e(c.clause)}</li>" for c in element.citations)
    evidence = "".join(f"<li>{_e(', '.join(c.evidence))}</li>" for c in element.citations)
    links = ", ".join(
        f'<a href="#{_e(e.anchor)}">{_e(e.finding.rule)}</a>' for e in element.findings
    )
    return (
        f'<tr><th scope="row">{_e(element.name)}</th>'
        f'<td class="state {css[state]}">{STATE_MARK[state]} {_e(state.value)}</td>'
        f'<td><ul class="cited">{clauses}</ul></td><td><ul class="cited">{evidence}</ul></td>'
        f'<td class="links">{links or "none"}</td></tr>'
    )


def _findings(entries: tuple[Entry, ...]) -> Iterator[str]:
    yield '<ol class="findings">'
    for entry in entries:
        yield from _finding(entry)
    yield "</ol>"


def _finding(entry: Entry) -> Iterator[str]:
    finding: Finding = entry.finding
    severity = finding.severity
    label = {"error": "Error", "warning": "Warning", "info": "Note"}[severity.value]
    yield f'<li class="finding" id="{_e(entry.anchor)}">'
    yield (
        f'<p><span class="sev sev-{severity.value}">{SEVERITY_MARK[severity]} {label}</span> '
        f"<code>{_e(finding.rule)}</code> {_e(finding.name)}, {_e(entry.where)}: "
        f"{_e(finding.message)}</p>"
    )
    excerpt = entry.excerpt()
    if excerpt is not None:
        before, marked, after = excerpt
        yield (
            f'<pre class="excerpt"><span class="ln">{finding.span.line} |</span> '
            f"{_e(before)}<mark>{_e(marked)}</mark>{_e(after)}</pre>"
        )
    if finding.fix:
        yield f"<p><strong>Fix:</strong> {_e(finding.fix)}</p>"
    yield f"<p><strong>Source:</strong> {_link(finding.reference, finding.framework)}</p>"
    yield "</li>"
