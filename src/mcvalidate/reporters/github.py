"""GitHub Actions workflow commands: each active finding becomes an annotation on the pull
request's diff and the run's summary, with no upload step and no extra action.

One ``::error``/``::warning``/``::notice`` line per finding, then a plain summary line (not a
command) for the log. The runner reads a command up to the end of its line, splits properties
on ``,`` and the properties from the message on the first ``::``, so values are escaped as
the Actions toolkit escapes them: ``%``, CR and LF everywhere, and ``:`` and ``,`` in property
values too. The fix follows the message after an escaped newline, so it shows on its own line.

Columns are given only for a span on one line: the runner drops ``col`` and ``endColumn``
when ``line`` and ``endLine`` differ, and GitHub's annotations cannot carry them either.
"""

from __future__ import annotations

from typing import TextIO

from mcvalidate.findings import Finding, Severity
from mcvalidate.reporters import Run
from mcvalidate.reporters._common import with_fix

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(run: Run, stream: TextIO) -> None:
    for result in run.results:
        for finding in result.findings:
            stream.write(_command(finding) + "\n")
    stream.write(_summary(run) + "\n")


def _command(finding: Finding) -> str:
    span = finding.span
    properties: dict[str, object] = {
        "file": finding.path,
        "line": span.line,
        "col": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
        "title": f"{finding.rule} {finding.name}",
    }
    if span.end_line != span.line:
        del properties["col"], properties["endColumn"]
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    message = escape_data(with_fix(finding, separator="\nFix: "))
    return f"::{COMMAND[finding.severity]} {joined}::{message}"


def escape_data(text: str) -> str:
    """Escape a command's message (``escapeData`` in ``@actions/core``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``escapeProperty`` in ``@actions/core``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _summary(run: Run) -> str:
    """One line like the text report's last, in ASCII: the log may not be read as UTF-8."""
    counts = run.counts()
    files = len(run.results)
    checked = f"mcvalidate: {files} file{_s(files)} checked"
    aside = "".join(
        f"; {counts[key]} {label}"
        for key, label in (("suppressed", "suppressed"), ("baselined", "in the baseline"))
        if counts[key]
    )
    if not any(counts[s.value] for s in Severity):
        return f"{checked}, all pass{aside}."
    parts = ", ".join(
        f"{counts[s.value]} {s.value}{_s(counts[s.value]) if s is not Severity.INFO else ''}"
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    with_findings = sum(1 for r in run.results if r.findings)
    verdict = "fails" if run.failed() else "passes"
    return (
        f"{checked}: {parts} in {with_findings} file{_s(with_findings)}{aside}; "
        f"{verdict} at --fail-on {run.fail_on.value}."
    )


def _s(n: int) -> str:
    return "" if n == 1 else "s"
