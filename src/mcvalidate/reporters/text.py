"""The human report: findings grouped by file, each with its source line and a marker.

Every finding starts with ``path:line:column:`` so that terminals and editors can jump to it.
Below it come the offending source line with a marker under the exact span, how to fix it,
and which framework clause asks for it. Lines are never wrapped, so the output stays
greppable.

Each file's findings are written as soon as its result arrives; only the summary line waits for
the end. They are built as lines of styled segments. With colour (``--color always``, or
``auto`` on a terminal without ``NO_COLOR``) rich prints them; without colour they are written
as plain text, and rich is not even imported: a CI log or a pipe does not pay for it.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from mcvalidate.findings import FileResult, Finding, Severity
from mcvalidate.report import Run, Tally, plural
from mcvalidate.reporters._common import headline_parts
from mcvalidate.text import visible

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
Segment = tuple[str, str]  # (text, rich style; "" for none)
Line = list[Segment]


class TextReporter:
    def __init__(self, run: Run, stream: TextIO) -> None:
        self._view = run.view
        self._stream = stream
        self._console: Any = None
        if _coloured(run.view.color, stream):
            from rich.console import Console

            self._console = Console(file=stream, force_terminal=True, highlight=False)

    def add(self, result: FileResult) -> None:
        shown = self._view.shown(result)
        if shown:
            self._write(_file(result, shown, self._view.quiet))

    def close(self, tally: Tally) -> None:
        if not self._view.quiet:
            failed = tally.failed()
            mark = ("✗ " if failed else "✓ ", "red" if failed else "green")
            self._write([[mark, (tally.summary(), "")]])

    def _write(self, lines: Iterable[Line]) -> None:
        if self._console is None:
            self._stream.writelines("".join(text for text, _ in line) + "\n" for line in lines)
            return
        from rich.text import Text

        for line in lines:
            self._console.print(Text.assemble(*line), soft_wrap=True)


reporter = TextReporter


def _coloured(color: str, stream: TextIO) -> bool:
    if color != "auto":
        return color == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty()


def _file(result: FileResult, shown: list[Finding], quiet: bool) -> Iterator[Line]:
    if not quiet:
        count = len(result.findings)
        across = " across the files checked" if result.across else ""
        yield [
            (visible(result.path), "bold underline"),
            (f"  ({count} finding{plural(count)}{across})", ""),
        ]
    for finding in shown:
        yield _headline(finding)
        if quiet:
            continue
        line = result.source.get(finding.span.line)
        if line is not None:
            yield from _frame(finding, line)
        gutter = " " * (len(str(finding.span.line)) + 3)
        if finding.fix:
            yield [(gutter, ""), ("= fix: ", "green"), (visible(finding.fix), "")]
        why = visible(f"{finding.framework} ({finding.reference})")
        yield [(gutter, ""), ("= why: ", "dim"), (why, "dim")]
    if not quiet:
        yield []


def _headline(f: Finding) -> Line:
    styles = {
        "location": "bold",
        "severity": "dim" if f.suppression else STYLE[f.severity],
        "rule": "magenta",
        "": "",
    }
    line: Line = [(text, styles[role]) for text, role in headline_parts(f)]
    if f.suppression:
        line.append((f" (suppressed: {visible(f.suppression.justification)})", "dim"))
    return line


def _frame(f: Finding, line: str) -> tuple[Line, Line]:
    """The source line and a marker under the span (to the end of the line if it goes on)."""
    raw = line.replace("\t", " ")
    start = max(f.span.column - 1, 0)
    end = f.span.end_column - 1 if f.span.end_line == f.span.line else len(raw)
    end = max(end, start + 1)
    # What the line holds is shown, never acted on; the marker is measured on what is shown.
    before, marked = visible(raw[:start]), visible(raw[start:end])
    shown = before + marked + visible(raw[end:])
    offset = _cells(before)
    width = max(_cells(marked), 1)
    number = str(f.span.line)
    pad = " " * len(number)
    return (
        [(f" {number} | ", "blue"), (shown, "")],
        [(f" {pad} | ", "blue"), (" " * offset, ""), ("^" * width, STYLE[f.severity])],
    )


def _cells(text: str) -> int:
    """How many terminal columns ``text`` takes: wide (CJK, emoji) characters take two,
    combining marks none."""
    if text.isascii():
        return len(text)
    return sum(
        0
        if unicodedata.combining(char)
        else 2
        if unicodedata.east_asian_width(char) in ("W", "F")
        else 1
        for char in text
    )
