"""The human report: findings grouped by file, each with its source line and a marker.

Every finding starts with ``path:line:column:`` so that terminals and editors can jump to it.
Below it come the offending source line with a marker under the exact span, how to fix it,
and which framework clause asks for it. Colour follows ``--color`` (``auto`` colours only a
terminal and honours ``NO_COLOR``); lines are never wrapped, so the output stays greppable.
"""

from __future__ import annotations

from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from mcvalidate.engine import FileResult
from mcvalidate.findings import Finding, Severity
from mcvalidate.reporters import Run

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render(run: Run, stream: TextIO) -> None:
    console = _console(run.color, stream)
    for result in run.results:
        shown = [*result.findings, *(result.suppressed if run.show_suppressed else ())]
        if shown:
            _file(console, result, sorted(shown, key=lambda f: f.sort_key), run.quiet)
    if not run.quiet:
        console.print(_summary(run), soft_wrap=True)


def _console(color: str, stream: TextIO) -> Console:
    if color == "always":
        return Console(file=stream, force_terminal=True, highlight=False, no_color=False)
    if color == "never":
        return Console(file=stream, color_system=None, highlight=False, force_terminal=False)
    return Console(file=stream, highlight=False)


def _file(console: Console, result: FileResult, shown: list[Finding], quiet: bool) -> None:
    if not quiet:
        count = len(result.findings)
        console.print(
            Text.assemble((result.path, "bold underline"), f"  ({count} finding{_s(count)})"),
            soft_wrap=True,
        )
    for finding in shown:
        console.print(_headline(finding), soft_wrap=True)
        if quiet:
            continue
        line = result.source.get(finding.span.line)
        if line is not None:
            for row in _frame(finding, line):
                console.print(row, soft_wrap=True)
        gutter = " " * (len(str(finding.span.line)) + 3)
        if finding.fix:
            console.print(Text.assemble(gutter, ("= fix: ", "green"), finding.fix), soft_wrap=True)
        why = f"{finding.framework} ({finding.reference})"
        console.print(Text.assemble(gutter, ("= why: ", "dim"), (why, "dim")), soft_wrap=True)
    if not quiet:
        console.print()


def _headline(f: Finding) -> Text:
    suppressed = (f" (suppressed: {f.suppression.justification})", "dim") if f.suppression else ""
    return Text.assemble(
        (f"{f.path}:{f.span.line}:{f.span.column}:", "bold"),
        " ",
        (f.severity.value, "dim" if f.suppression else STYLE[f.severity]),
        " ",
        (f"{f.rule} {f.name}", "magenta"),
        ": ",
        f.message,
        suppressed,
    )


def _frame(f: Finding, line: str) -> tuple[Text, Text]:
    """The source line and a marker under the span (to the end of the line if it goes on)."""
    shown = line.replace("\t", " ")
    start = max(f.span.column - 1, 0)
    end = f.span.end_column - 1 if f.span.end_line == f.span.line else len(shown)
    end = max(end, start + 1)
    offset = cell_len(shown[:start])
    width = max(cell_len(shown[start:end]), 1)
    number = str(f.span.line)
    pad = " " * len(number)
    return (
        Text.assemble((f" {number} | ", "blue"), shown),
        Text.assemble((f" {pad} | ", "blue"), " " * offset, ("^" * width, STYLE[f.severity])),
    )


def _summary(run: Run) -> Text:
    failed = run.failed()
    return Text.assemble(("✗ " if failed else "✓ ", "red" if failed else "green"), run.summary())


def _s(n: int) -> str:
    return "" if n == 1 else "s"
