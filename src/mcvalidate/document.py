"""A loaded course file: its text, its data, and where every value sits.

This is the engine's central model. The loader fills it in; the schema stage, the rules'
context and the engine read it; a finding's position is always worked out here, from the JSON
pointer of the value concerned, so no stage computes a line of its own.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from yaml.nodes import CollectionNode, Node, ScalarNode

from mcvalidate.findings import Problem, Span

# The line breaks YAML 1.1 (and so LibYAML) counts when it numbers lines.
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


# The scalar styles whose text may hold a '#' that is not a comment.
_TEXT_STYLES = ("'", '"', "|", ">")
_END = 1 << 62  # sorts after every line and column


def position_at(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in code points) of character ``offset`` of ``text``."""
    lines = LINE_BREAK.split(text[:offset])
    return len(lines), len(lines[-1]) + 1


@dataclass(slots=True)
class Location:
    """Where a value sits in the file: its key (absent for list items and the root) and itself.

    ``block`` marks a block-style list or mapping: findings about it are shown at its key,
    since its value starts on the line of its first child.
    """

    key: Span | None
    value: Span
    block: bool = False


@dataclass
class Document:
    """A loaded file. ``data`` is None when the file could not be read or parsed."""

    path: str
    text: str
    data: Any = None
    # JSON pointer -> (key node, value node). Spans are made from the nodes only when asked
    # for (a finding, a rule's question), not for every value of every file.
    nodes: dict[str, tuple[Node | None, Node]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Pointers whose value was refused while loading; later stages stay silent about them.
    tainted: set[str] = field(default_factory=set)
    # Plain numbers YAML 1.1 reads in base 60 or in octal, by pointer (see loader.yaml11_number).
    yaml11_numbers: dict[str, Node] = field(default_factory=dict)
    # Where a misspelt or misplaced key is read as the key it was meant to be: the pointer the
    # rules see (``/competencies``) -> the pointer written (``/competences``). See ``read_as``.
    readings: dict[str, str] = field(default_factory=dict)
    # Noted by the loader's walk for the traps (see mcvalidate.traps), so that they need not
    # walk every node again: the pointers of the lists in brackets, and of the mappings with
    # a key of several words (text that a colon cut into a key).
    flow_lists: list[str] = field(default_factory=list)
    spaced_keys: list[str] = field(default_factory=list)
    _lines: list[str] | None = None
    # The spans of quoted and block scalars, sorted (made on the first in_comment question).
    _texts: list[tuple[int, int, int, int]] | None = None

    @property
    def lines(self) -> list[str]:
        """The text split the way YAML counts lines (computed once, only when needed)."""
        if self._lines is None:
            self._lines = LINE_BREAK.split(self.text)
        return self._lines

    def read_as(self, written: str, meant: str) -> None:
        """Read the value written at ``written`` as the value of ``meant``: the schema stage
        found a key one letter off a missing field (``competences:``), or a field written
        under the wrong parent (``badge:`` at the top level), and the rules check its value
        where it was meant to be. Pointers the rules use (``meant`` and what lies inside it)
        lead back to where the file wrote them, for positions and for findings."""
        self.readings[meant] = written

    def written(self, pointer: str) -> str:
        """The pointer at which the file wrote what the rules see at ``pointer``: itself,
        unless a key on its path was read as another (``read_as``)."""
        if not self.readings or pointer in self.nodes:
            return pointer
        meant, out = "", ""
        for token in pointer.split("/")[1:]:
            meant += f"/{token}"
            out = self.readings.get(meant, f"{out}/{token}")
        return out

    def has(self, pointer: str) -> bool:
        """True when the file wrote a value at ``pointer`` (as the rules see the file)."""
        return self.written(pointer) in self.nodes

    def location(self, pointer: str) -> Location | None:
        """Where the value at ``pointer`` is, if the file wrote one."""
        entry = self.nodes.get(self.written(pointer))
        if entry is None:
            return None
        key, value = entry
        block = isinstance(value, CollectionNode) and not value.flow_style
        return Location(self.span(key) if key is not None else None, self.span(value), block)

    def span(self, node: Node) -> Span:
        """A node's span. Block scalars and collections end at the start of the next line:
        their end is pulled back to the end of the last line they really occupy."""
        start, end = node.start_mark, node.end_mark
        end_line, end_column = end.line, end.column
        if end_column == 0 and end_line > start.line:
            end_line -= 1
            lines = self.lines
            end_column = len(lines[end_line]) if end_line < len(lines) else 0
        return Span(start.line + 1, start.column + 1, end_line + 1, end_column + 1)

    def span_of(self, pointer: str, *, at_key: bool = False) -> Span:
        """The span of the value (or key) at ``pointer``.

        A pointer to something that does not exist (a missing field) resolves to the key of its
        nearest existing parent, so the user is shown where the value belongs.
        """
        loc = self.location(pointer)
        if loc is not None:
            if (at_key or loc.block) and loc.key is not None:
                return loc.key
            return loc.value if not loc.block else self.first_line_of(loc.value)
        parent = pointer
        while parent:
            parent = parent.rpartition("/")[0]
            loc = self.location(parent)
            if loc is not None and parent:
                return loc.key or self.first_line_of(loc.value)
        # Missing at the top level: the start of the document, marking nothing in particular.
        root = self.location("")
        line, column = (root.value.line, root.value.column) if root else (1, 1)
        return Span(line, column, line, column)

    def in_comment(self, line: int, column: int) -> bool:
        """True when the ``#`` at ``line``/``column`` starts a YAML comment: it is not inside a
        quoted or block scalar (a title in quotes, a block of text). A plain scalar cannot hold
        `` #``. A file that did not parse has no known scalars: every ``#`` counts."""
        if self._texts is None:
            # Scalars never overlap: sorted by start, the one that may hold a position is the
            # last that starts at or before it (one bisection a question, however many).
            spans = {
                (s.line, s.column, s.end_line, s.end_column)
                for key, value in self.nodes.values()
                for node in (key, value)
                if isinstance(node, ScalarNode) and node.style in _TEXT_STYLES
                for s in (self.span(node),)
            }
            self._texts = sorted(spans)
        at = bisect.bisect_right(self._texts, (line, column, _END, _END)) - 1
        if at < 0:
            return True
        _, _, end_line, end_column = self._texts[at]
        return (line, column) >= (end_line, end_column)

    def first_line_of(self, span: Span) -> Span:
        """``span`` cut to its first line: where a multi-line value is marked."""
        if span.end_line == span.line:
            return span
        line = self.lines[span.line - 1] if span.line <= len(self.lines) else ""
        return Span(span.line, span.column, span.line, max(span.column, len(line) + 1))
