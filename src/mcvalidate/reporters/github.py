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

from mcvalidate.findings import FileResult, Finding, Severity
from mcvalidate.report import Run, Tally
from mcvalidate.reporters._common import with_fix
from mcvalidate.text import visible

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


class GithubReporter:
    def __init__(self, run: Run, stream: TextIO) -> None:
        self._stream = stream

    def add(self, result: FileResult) -> None:
        for finding in result.findings:
            self._stream.write(_command(finding) + "\n")

    def close(self, tally: Tally) -> None:
        # A plain line, not a command: the log shows it as the run's verdict.
        self._stream.write(f"mcvalidate: {tally.summary()}\n")


reporter = GithubReporter


def _command(finding: Finding) -> str:
    span = finding.span
    properties: dict[str, object] = {
        "file": visible(finding.path),
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
