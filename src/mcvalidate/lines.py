"""Offsets in a text from positions, as mcvalidate counts them and as editors do.

Findings count lines as YAML does (``\\r\\n``, ``\\r``, ``\\n``, and also NEL, LINE SEPARATOR
and PARAGRAPH SEPARATOR) and columns in code points. The Language Server Protocol counts
lines at ``\\r\\n``, ``\\r`` and ``\\n`` only, and characters in UTF-16 code units unless the
client agrees to another encoding. The two meet at the offset into the text: a finding's
position becomes an offset, and the offset an editor's position, so a line holding an emoji or
a U+2028 is still underlined where it should be.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from typing import Literal

from mcvalidate.fixes import Offsets

_EDITOR_BREAK = re.compile("\r\n|[\r\n]")

Encoding = Literal["utf-8", "utf-16", "utf-32"]


class Lines:
    """The line starts of one text, both ways of counting; worked out once per text, when a
    position is first asked for (a file without findings never needs them)."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def _yaml(self) -> Offsets:
        return Offsets(self.text)

    @cached_property
    def _editor(self) -> list[int]:
        return [0, *(m.end() for m in _EDITOR_BREAK.finditer(self.text))]

    def offset(self, line: int, column: int) -> int:
        """The offset of a finding's 1-based ``line`` and code-point ``column``, brought into
        the text (an editor must never be sent a position its document does not have)."""
        return self._yaml.nearest(line, column)

    def to_editor(self, offset: int, encoding: Encoding = "utf-16") -> tuple[int, int]:
        """The 0-based editor line and character of ``offset``, characters in ``encoding``'s
        code units."""
        line = bisect.bisect_right(self._editor, offset) - 1
        return line, _units(self.text[self._editor[line] : offset], encoding)

    def from_editor(self, line: int, character: int, encoding: Encoding = "utf-16") -> int:
        """The offset of a 0-based editor position (a character inside a surrogate pair or
        past the line's end is taken as the next code point's start, or the line's end)."""
        if line >= len(self._editor):
            return len(self.text)
        start = self._editor[line]
        end = self._editor[line + 1] if line + 1 < len(self._editor) else len(self.text)
        units = 0
        for index in range(start, end):
            if units >= character or self.text[index] in "\r\n":
                return index
            units += _units(self.text[index], encoding)
        return end


def _units(text: str, encoding: Encoding) -> int:
    if encoding == "utf-32" or text.isascii():
        return len(text)
    if encoding == "utf-16":
        return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)
    return len(text.encode("utf-8", "surrogatepass"))
