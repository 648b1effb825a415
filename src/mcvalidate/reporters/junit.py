"""JUnit XML: the test report Jenkins, GitLab (``artifacts:reports:junit``) and the GitHub test
reporter actions all read, so a course catalogue's checks show up next to its other tests.

Each checked file is one test case, clean files included, so the totals say how many files were
checked. A file fails with one ``<failure>`` per finding at or above ``--fail-on``; findings
below it go to the test case's ``<system-out>``, one line each: visible, but not failures.
``failures`` counts the failing test cases (files), as the JUnit schema defines it, not the
``<failure>`` elements. Suppressed findings are not failures and are left out.

Some readers (Jenkins, Azure Pipelines) show only the first ``<failure>`` of a test case, so
each one's text repeats the full finding: the headline, the fix and the clause it rests on.

The XML is written ASCII-only (other characters as character references) after a UTF-8
declaration: that is valid UTF-8 whatever the encoding of the stream it is written to.
Characters XML 1.0 cannot carry at all (most C0 controls) are shown as ``\\xNN``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, TextIO

from mcvalidate.findings import Finding
from mcvalidate.report import Report
from mcvalidate.reporters._common import headline
from mcvalidate.text import visible

if TYPE_CHECKING:
    from mcvalidate.findings import FileResult

NAME = "mcvalidate"
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
# Everything outside XML 1.0's Char production (tab, LF and CR are allowed, but a lone CR is
# read back as LF, so CRs are normalised first).
_NOT_XML = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(report: Report, stream: TextIO) -> None:
    cases = [_case(result, report) for result in report.results]
    tests = str(len(cases))
    failures = str(sum(1 for case in cases if case.find("failure") is not None))
    suites = ET.Element("testsuites", name=NAME, tests=tests, failures=failures, errors="0")
    suite = ET.SubElement(
        suites,
        "testsuite",
        name=NAME,
        tests=tests,
        failures=failures,
        errors="0",
        skipped="0",
        time="0",
    )
    suite.extend(cases)
    ET.indent(suites)
    stream.write(DECLARATION)
    stream.write(ET.tostring(suites, encoding="us-ascii").decode("ascii"))
    stream.write("\n")


def _case(result: FileResult, report: Report) -> ET.Element:
    path = _xml(visible(result.path))
    case = ET.Element("testcase", classname=path, name=path, file=path)
    below: list[str] = []
    for finding in result.findings:
        if finding.severity >= report.fail_on:
            span = finding.span
            where = f"{visible(finding.path)}:{span.line}:{span.column}"
            failure = ET.SubElement(
                case,
                "failure",
                type=f"{finding.rule} {finding.name}",
                message=_xml(f"{where}: {visible(finding.message)}"),
            )
            failure.text = _xml(_details(finding))
        else:
            below.append(headline(finding))
    if below:
        ET.SubElement(case, "system-out").text = _xml("\n".join(below))
    return case


def _details(finding: Finding) -> str:
    lines = [headline(finding)]
    if finding.fix:
        lines.append(f"fix: {visible(finding.fix)}")
    lines.append(f"why: {visible(finding.framework)} ({visible(finding.reference)})")
    return "\n".join(lines)


def _xml(text: str) -> str:
    """``text`` made fit for XML 1.0: CRs as LFs, forbidden characters as ``\\xNN``.

    ElementTree escapes ``&``, ``<`` and quotes but writes these characters as they are,
    which would make the whole report unreadable to a CI server's parser."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_XML.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
