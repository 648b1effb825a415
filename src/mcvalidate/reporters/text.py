"""The human report: findings grouped by file, each with its source line and a marker.

Every finding starts with ``path:line:column:`` so that terminals and editors can jump to it.
Below it come the offending source line with a marker under the exact span, how to fix it,
and which framework clause asks for it. Prose is wrapped to the terminal's width (80 columns
when the report is not going to a terminal, ``COLUMNS`` when set), with hanging indents, at
spaces only, so that an address is never split; a source line too long for the width is shown
as the window around its marker. ``-q`` keeps one line per finding, for grep.

A report going to a stream that cannot encode the report's marks (a Windows console or file in
cp1252) gets ASCII ones instead (``OK``/``FAIL``, ``->``, ``...``); any other character it
cannot hold is escaped by the stream, never a crash.

Each file's findings are written as soon as its result arrives; only the summary line waits for
the end. They are built as lines of styled segments. With colour (``--color always``, or
``auto`` on a terminal without ``NO_COLOR``) rich prints them; without colour they are written
as plain text, and rich is not even imported: a CI log or a pipe does not pay for it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from mcvalidate.findings import FileResult, Finding, Severity
from mcvalidate.report import Run, Tally, View, plural
from mcvalidate.reporters._common import headline_parts
from mcvalidate.terminal import coloured, encodes, width_of
from mcvalidate.text import visible

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
Segment = tuple[str, str]  # (text, rich style; "" for none)
Line = list[Segment]


class TextReporter:
    def __init__(self, run: Run, stream: TextIO) -> None:
        self._view = run.view
        self._stream = stream
        self._width = width_of(stream)
        self._ascii = not encodes(stream, _MARKS)
        self._console: Any = None
        if coloured(run.view.color, stream):
            from rich.console import Console

            self._console = Console(file=stream, force_terminal=True, highlight=False)

    def add(self, result: FileResult) -> None:
        shown = self._view.shown(result)
        if shown:
            quiet = self._view.quiet
            self._write(_file(result, shown, self._view, None if quiet else self._width))

    def close(self, tally: Tally) -> None:
        if not self._view.quiet:
            failed = tally.failed()
            mark = ("✗ " if failed else "✓ ", "red" if failed else "green")
            fixes = tally.fixes()
            if fixes:
                self._write(wrapped([(fixes, "")], self._width, "    "))
            # The last line is the summary, whole: CI logs and scripts read it as a line.
            self._write([[mark, (tally.summary(), "")]])

    def _write(self, lines: Iterable[Line]) -> None:
        if self._ascii:
            lines = ([(_in_ascii(text), style) for text, style in line] for line in lines)
        if self._console is None:
            self._stream.writelines("".join(text for text, _ in line) + "\n" for line in lines)
            return
        from rich.text import Text

        for line in lines:
            self._console.print(Text.assemble(*line), soft_wrap=True)


reporter = TextReporter


# The report's own marks, and what stands for each on a stream that cannot encode it.
_ASCII = {
    "✓": "OK",
    "✗": "FAIL",
    "→": "->",
    "…": "...",
    "\u2018": "'",  # curly quotes, as a course's text may hold them
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",  # en and em dashes
    "\u2014": "-",
}
_MARKS = "".join(_ASCII)
_TO_ASCII = str.maketrans(_ASCII)
# Narrower than this, wrapping would make a column of words: lines are left as they are.
_NARROWEST = 40


def _in_ascii(text: str) -> str:
    return text.translate(_TO_ASCII) if not text.isascii() else text


def wrapped(line: Line, width: int | None, indent: str, keep: int = 0) -> list[Line]:
    """``line`` broken at spaces into lines of at most ``width`` columns, each after the
    first starting with ``indent``; its first ``keep`` segments are never broken (a finding's
    location, severity and rule stay on its first line). A word longer than the room (an
    address) is never split: it overflows its line. ``width`` None: the line as it is."""
    if width is None or width < _NARROWEST or _cells("".join(t for t, _ in line)) <= width:
        return [line]
    out: list[Line] = [[]]
    used = 0
    pending: Segment | None = None  # the space before the next word, kept until it fits
    for index, (text, style) in enumerate(line):
        for piece in [text] if index < keep else re.split(r"( +)", text):
            if not piece:
                continue
            if piece.startswith(" ") and piece.strip() == "":
                pending = (piece, style)
                continue
            room = width - used - (len(pending[0]) if pending else 0)
            if index >= keep and _cells(piece) > room and used > len(indent) and out[-1]:
                last, last_style = out[-1][-1]
                out[-1][-1] = (last.rstrip(" "), last_style)
                out.append([(indent, "")])
                used = len(indent)
                pending = None
            if pending is not None:
                out[-1].append(pending)
                used += len(pending[0])
                pending = None
            out[-1].append((piece, style))
            used += _cells(piece)
    return out


def _file(
    result: FileResult, shown: list[Finding], view: View, width: int | None
) -> Iterator[Line]:
    quiet = view.quiet
    if not quiet:
        count = len(result.findings)
        across = " across the files checked" if result.across else ""
        yield [
            (visible(result.path), "bold underline"),
            (f"  ({count} finding{plural(count)}{across})", ""),
        ]
    for finding in shown:
        headline, keep = _headline(finding, view)
        yield from wrapped(headline, width, "    ", keep=keep)
        if quiet:
            continue
        line = result.source.get(finding.span.line)
        if line is not None:
            yield from _frame(finding, line, width)
        gutter = " " * (len(str(finding.span.line)) + 3)
        hanging = gutter + " " * len("= fix: ")
        if finding.fix:
            fix = [(gutter, ""), ("= fix: ", "green"), (visible(finding.fix), "")]
            yield from wrapped(fix, width, hanging)
        why = visible(f"{finding.framework} ({finding.reference})")
        yield from wrapped([(gutter, ""), ("= why: ", "dim"), (why, "dim")], width, hanging)
    if not quiet:
        yield []


def _headline(f: Finding, view: View) -> tuple[Line, int]:
    """A finding's first line, and how many of its segments are never broken (all up to the
    message); ``[*]`` after its rule when ``check --fix`` (with the run's ``--unsafe-fixes``)
    would fix it, as ruff marks them."""
    styles = {
        "location": "bold",
        "severity": "dim" if f.suppression else STYLE[f.severity],
        "rule": "magenta",
        "": "",
    }
    line: Line = [(text, styles[role]) for text, role in headline_parts(f)]
    keep = len(line) - 1
    if f.fixable(view.unsafe_fixes) and not f.suppression:
        line.insert(keep - 1, (" [*]", "green"))
        keep += 1
    if f.suppression:
        line.append((f" (suppressed: {visible(f.suppression.justification)})", "dim"))
    return line, keep


def _frame(f: Finding, line: str, width: int | None) -> tuple[Line, Line]:
    """The source line and a marker under the span (to the end of the line if it goes on).
    A line too long for ``width`` is shown as the window around the marker, cut with '…'."""
    raw = line.replace("\t", " ")
    start = max(f.span.column - 1, 0)
    end = f.span.end_column - 1 if f.span.end_line == f.span.line else len(raw)
    end = max(end, start + 1)
    # What the line holds is shown, never acted on; the marker is measured on what is shown.
    before, marked, after = visible(raw[:start]), visible(raw[start:end]), visible(raw[end:])
    number = str(f.span.line)
    if width is not None and width >= _NARROWEST:
        before, marked, after = _window(before, marked, after, width - len(number) - 4)
    shown = before + marked + after
    offset = _cells(before)
    carets = max(_cells(marked), 1)
    pad = " " * len(number)
    return (
        [(f" {number} | ", "blue"), (shown, "")],
        [(f" {pad} | ", "blue"), (" " * offset, ""), ("^" * carets, STYLE[f.severity])],
    )


def _window(before: str, marked: str, after: str, room: int) -> tuple[str, str, str]:
    """The parts of a source line cut to ``room`` columns around the marked part: some of
    what comes before it, all of it (up to the room), then what follows, each cut marked."""
    if _cells(before + marked + after) <= room:
        return before, marked, after
    if _cells(marked) > room - 2:
        marked = _fit(marked, room - 2)
        return ("…" if before else ""), marked, "…"
    lead = min(_cells(before), max((room - _cells(marked)) // 3, 0))
    if lead < _cells(before):
        before = "…" + _tail(before, lead - 1)
    rest = room - _cells(before) - _cells(marked)
    if _cells(after) > rest:
        after = _fit(after, rest - 1) + "…"
    return before, marked, after


def _fit(text: str, cells: int) -> str:
    """The start of ``text`` that takes at most ``cells`` columns."""
    out = ""
    for char in text:
        if _cells(out + char) > cells:
            break
        out += char
    return out


def _tail(text: str, cells: int) -> str:
    """The end of ``text`` that takes at most ``cells`` columns."""
    return _fit(text[::-1], max(cells, 0))[::-1]


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
