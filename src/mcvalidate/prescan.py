"""A scan of the raw text before LibYAML sees it: is anything nested too deep to parse safely?

Some LibYAML builds crash the whole process on collections nested tens of thousands deep, so
the nesting is measured on the text first. Only the characters that can open a level are
visited (brackets, dashes at the start of a line, indentation), quoted text and comments are
skipped, and the expensive scans run only when a cheap count says the limit can be reached.
"""

from __future__ import annotations

import functools
import re

from mcvalidate.document import LINE_BREAK, position_at

_FLOW_TOKENS = re.compile("[][{}'\"#]|\r\n|[\r\n\x85\u2028\u2029]")
_BREAKS = frozenset(("\r\n", "\r", "\n", "\x85", "\u2028", "\u2029"))


def first_nesting_beyond(text: str, limit: int) -> tuple[int, int] | None:
    """Where collections first nest deeper than ``limit`` (1-based line and column), if they
    do: brackets, block sequences opened on one line (``- - - x``), or indentation."""
    runs = text.count("- ") + text.count("? ")
    dashes = _dash_run(limit).search(text) if runs > limit else None
    if dashes is not None:
        return position_at(text, dashes.start(1))  # at the first dash too many
    # No run of that many spaces anywhere (a substring test, far faster than the pattern's
    # search line by line): no line is indented that deep.
    if " " * (limit + 1) in text and _deep_indent(limit).search(text):
        deep = _indented_beyond(text, limit)
        if deep is not None:
            return deep
    if text.count("[") + text.count("{") <= limit:
        return None
    return _brackets_beyond(text, limit)


def _brackets_beyond(text: str, limit: int) -> tuple[int, int] | None:
    depth, line, line_start, quote, comment = 0, 1, 0, "", False
    doubled = -1  # where the second quote of a single-quoted '' stands
    for match in _FLOW_TOKENS.finditer(text):
        char, at = match.group(), match.start()
        if char in _BREAKS:
            line, line_start, comment = line + 1, at + len(char), False
        elif comment or at == doubled:
            continue
        elif quote:
            if quote == "'" and char == "'" and text[at + 1 : at + 2] == "'":
                doubled = at + 1  # '' is a quote written inside single quotes
            elif char == quote and not (quote == '"' and _escaped(text, at)):
                quote = ""
        elif char == "#" and (at == 0 or text[at - 1] in " \t\n"):
            comment = True
        elif char in "'\"":
            # A quote opens a quoted scalar only where a scalar can start: at the start of a
            # line or after an indicator. Inside a plain scalar (``a 'b``) it is a character.
            if _starts_scalar(text, at, line_start):
                quote = char
        elif char in "[{":
            depth += 1
            if depth > limit:
                return line, at - line_start + 1
        elif depth:
            depth -= 1
    return None


def _starts_scalar(text: str, at: int, line_start: int) -> bool:
    before = text[line_start:at].rstrip(" \t")
    return not before or before[-1] in "[{,:-?"


def _indented_beyond(text: str, limit: int) -> tuple[int, int] | None:
    """Where block mappings, nested by indentation, first go deeper than ``limit``: each line
    indented further than the one it belongs to opens one more level."""
    stack: list[int] = []
    for number, line in enumerate(LINE_BREAK.split(text), start=1):
        content = line.lstrip(" ")
        if not content or content.startswith("#"):
            continue
        indent = len(line) - len(content)
        while stack and stack[-1] >= indent:
            stack.pop()
        stack.append(indent)
        if len(stack) - 1 > limit:
            return number, indent + 1
    return None


@functools.cache
def _deep_indent(limit: int) -> re.Pattern[str]:
    """A line indented by more than ``limit`` spaces: only then can indentation nest deeper
    than ``limit`` levels, and only then are the lines scanned."""
    return re.compile(rf"^ {{{limit + 1},}}\S", re.MULTILINE)


@functools.cache
def _dash_run(limit: int) -> re.Pattern[str]:
    """More than ``limit`` block collections opened at the start of one line: sequence dashes
    or explicit-key marks (``- ? - ? x``)."""
    return re.compile(rf"^[ \t]*(?:[-?][ \t]+){{{limit}}}([-?])[ \t]", re.MULTILINE)


def _escaped(text: str, at: int) -> bool:
    backslashes = 0
    while at - backslashes - 1 >= 0 and text[at - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1
