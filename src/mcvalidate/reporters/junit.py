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
from typing import TextIO

from mcvalidate.findings import FileResult, Finding, Severity
from mcvalidate.report import Run, Tally
from mcvalidate.reporters._common import copy, headline, spool
from mcvalidate.text import visible

NAME = "mcvalidate"
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
# The stand-in for the spooled test cases in the suites written around them.
_HOLE = "mcvalidate-cases"
# Everything outside XML 1.0's Char production (tab, LF and CR are allowed, but a lone CR is
# read back as LF, so CRs are normalised first).
_NOT_XML = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class JunitReporter:
    """The test cases are spooled as the files' results arrive: the suites around them carry
    totals, which are known (and written) at the end."""

    def __init__(self, run: Run, stream: TextIO) -> None:
        self._fail_on, self._stream = run.fail_on, stream
        self._cases = spool()
        self._tests = self._failures = 0

    def add(self, result: FileResult) -> None:
        case = _case(result, self._fail_on)
        self._tests += 1
        self._failures += case.find("failure") is not None
        ET.indent(case, level=2)
        self._cases.write(f"    {ET.tostring(case, encoding='us-ascii').decode('ascii')}\n")

    def close(self, tally: Tally) -> None:
        totals = {"tests": str(self._tests), "failures": str(self._failures), "errors": "0"}
        suites = ET.Element("testsuites", {"name": NAME, **totals})
        suite = ET.SubElement(suites, "testsuite", {"name": NAME, **totals})
        suite.attrib.update(skipped="0", time="0")
        if self._tests:
            ET.SubElement(suite, _HOLE)
        ET.indent(suites)
        text = ET.tostring(suites, encoding="us-ascii").decode("ascii")
        self._stream.write(DECLARATION)
        if self._tests:
            head, _, tail = text.partition(f"    <{_HOLE} />\n")
            self._stream.write(head)
            copy(self._cases, self._stream)
            text = tail
        self._stream.write(text)
        self._stream.write("\n")


reporter = JunitReporter


def _case(result: FileResult, fail_on: Severity) -> ET.Element:
    path = _xml(visible(result.path))
    # The checks across files are a test case of their own for the file they concern.
    name = f"{path} (across the files checked)" if result.across else path
    case = ET.Element("testcase", classname=path, name=name, file=path)
    below: list[str] = []
    for finding in result.findings:
        if finding.severity >= fail_on:
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
