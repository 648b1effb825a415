"""Applying autofixes to a text: the edits of :class:`~mcvalidate.findings.Autofix` objects made
at the positions findings already have, never a re-serialisation of the YAML.

Positions are those of findings: 1-based lines and columns, columns counted in Unicode code
points, the end exclusive. Lines are split where the loader splits them (``\\r\\n``, ``\\r``,
``\\n``, NEL, LS and PS), in the text as the loader decoded it (without a byte-order mark), so
a span means the same characters here as in the finding; a line break is never part of a
column, and an edit that spans lines replaces the breaks it covers.

``check --fix`` and the language server share this module: :class:`Offsets` turns a span into
character offsets (an editor converts those to its own units), :func:`choose` keeps the fixes
that can be applied together, and :func:`apply` applies them. Two fixes whose edits overlap or
touch cannot both be applied in one go (the second would be made at a position the first has
moved): the later one is left out, for the next pass of a caller that checks the text again.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable

from mcvalidate.document import LINE_BREAK
from mcvalidate.findings import Autofix, Edit

Range = tuple[int, int]  # character offsets, end exclusive


class Offsets:
    """Character offsets of the positions of one text."""

    def __init__(self, text: str) -> None:
        self._starts = [0]  # where each line starts
        self._ends = []  # where each line's content ends (before its line break)
        for match in LINE_BREAK.finditer(text):
            self._ends.append(match.start())
            self._starts.append(match.end())
        self._ends.append(len(text))

    def offset(self, line: int, column: int) -> int:
        """The offset of 1-based ``line`` and ``column``; the column may be one past the line's
        last character (its end). A position the text does not have is a ValueError: an edit
        made for another text must not be applied to this one."""
        if not 1 <= line <= len(self._starts):
            raise ValueError(f"line {line} is not in the text ({len(self._starts)} lines)")
        start, end = self._starts[line - 1], self._ends[line - 1]
        if not 1 <= column <= end - start + 1:
            raise ValueError(f"column {column} is not in line {line} ({end - start} characters)")
        return start + column - 1

    def nearest(self, line: int, column: int) -> int:
        """The offset of ``line`` and ``column`` brought into the text: a line past the last
        is the text's end, a column past a line's end is that end."""
        if line > len(self._starts):
            return self._ends[-1]
        start, end = self._starts[max(line, 1) - 1], self._ends[max(line, 1) - 1]
        return min(start + max(column, 1) - 1, end)

    def range(self, edit: Edit) -> Range:
        """The offsets an edit replaces."""
        span = edit.span
        start = self.offset(span.line, span.column)
        end = self.offset(span.end_line, span.end_column)
        if end < start:
            raise ValueError(f"the edit ends before it starts: {span}")
        return start, end


def choose(text: str, autofixes: Iterable[Autofix]) -> list[Autofix]:
    """The fixes of ``autofixes`` that can be applied together, in the order of their first
    edit: a fix is left out when one of its edits overlaps or touches an edit of a fix kept
    before it (or another of its own). Touching non-empty replacements are kept: they cannot
    be ordered two ways. An insertion at the edge of another edit is not: it could be."""
    offsets = Offsets(text)
    ranged = [(sorted(offsets.range(e) for e in fix.edits), fix) for fix in autofixes]
    ranged = [(ranges, fix) for ranges, fix in ranged if ranges]
    ranged.sort(key=lambda pair: pair[0][0])
    kept: list[Range] = []  # sorted, none overlapping
    chosen = []
    for ranges, fix in ranged:
        if _apart(ranges) and all(_free(kept, r) for r in ranges):
            for r in ranges:
                bisect.insort(kept, r)
            chosen.append(fix)
    return chosen


def apply(text: str, autofixes: Iterable[Autofix]) -> str:
    """``text`` with the fixes of ``autofixes`` that :func:`choose` keeps applied; the inserted
    text is written as given (a fix that inserts a line break writes the break it holds)."""
    offsets = Offsets(text)
    edits = sorted(
        (offsets.range(edit), edit.text) for fix in choose(text, autofixes) for edit in fix.edits
    )
    pieces = []
    at = 0
    for (start, end), inserted in edits:
        pieces.append(text[at:start])
        pieces.append(inserted)
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def _apart(ranges: list[Range]) -> bool:
    """True when the sorted ``ranges`` of one fix neither overlap nor touch ambiguously."""
    return all(_compatible(a, b) for a, b in itertools.pairwise(ranges))


def _free(kept: list[Range], candidate: Range) -> bool:
    """True when ``candidate`` can be applied with every range of the sorted ``kept``."""
    at = bisect.bisect_left(kept, candidate)
    before = kept[at - 1] if at else None
    after = kept[at] if at < len(kept) else None
    return (before is None or _compatible(before, candidate)) and (
        after is None or _compatible(candidate, after)
    )


def _compatible(first: Range, second: Range) -> bool:
    """Two ranges, ``first`` starting no later than ``second``, that can be replaced in one
    go: apart, or touching with both non-empty."""
    if first[1] < second[0]:
        return True
    return first[1] == second[0] and first[0] < first[1] and second[0] < second[1]
