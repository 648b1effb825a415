"""The cause of a YAML syntax error, read from the lines around where the parser gave up.

The parser stops where it can no longer go on, which is often a line after the mistake (a
key without its ':' is only noticed at the next key) and always in its own terms. The people
who write course files are not programmers, so the cause is found again here, in the source
text, the way a person would look for it: the line above that has no ':', the line indented
unlike the lines beside it, the value that holds ': '. Only block structure is read (keys,
list dashes, indentation, block scalars): it is what people get wrong by hand, and when the
text does not look like any of these mistakes the caller keeps its general message.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

# A key at the start of a line's content: a quoted name, or plain text up to ': ' (or a ':'
# that ends the line). Written so that matching stays linear on a line of any length.
_QUOTED_KEY = re.compile(r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*:(?:[ \t]|$)""")
_PLAIN_COLON = re.compile(r":(?:[ \t]|$)")
# A key with brackets in it is a line that lost its ':' before a bracketed value.
_FLOW = frozenset("[]{}")
# What a person would write as a field name: the course format's keys look like this.
_NAME = re.compile(r"[a-z_][a-z0-9_-]*")
# What a word processor puts before list items instead of '-': dashes, a bullet, a minus.
_BULLETS = frozenset("\u2013\u2014\u2022\u2212")
# A field name written without the space after its ':' (``status:active``).
_NO_SPACE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?!//)(\S.*)")
# A block scalar header (``summary: |``, ``- >-``): the more indented lines below are text.
_BLOCK_SCALAR = re.compile(r"(?:^|[:-][ \t])[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?$")
_EDITOR = "(set your editor to insert spaces for Tab)."
# How many lines from the start of the file show its indentation step.
_SAMPLE = 1000
# Longer corrected lines are described in words: a fix is read, not diffed.
_LONGEST_SHOWN = 200


@dataclass(frozen=True, slots=True)
class Cause:
    """Where a syntax mistake is (0-based line, columns end-exclusive) and what to do."""

    line: int
    column: int
    end: int
    message: str
    fix: str


@dataclass(frozen=True, slots=True)
class _Line:
    """A line of block structure: where its content starts, its list dash, its key."""

    index: int
    indent: int
    content: str  # without the indentation, a trailing comment or trailing blanks
    dash: bool
    inner: int  # the column where the content after the dashes starts
    key: str  # the key ending in ':', or "" when the line has none
    value: str  # the text after the key's ':'


def _read(lines: list[str], index: int) -> _Line:
    text = lines[index]
    indent = len(text) - len(text.lstrip(" "))
    content = text[indent:]
    comment = content.find(" #")
    content = (content[:comment] if comment >= 0 else content).rstrip()
    inner, rest = indent, content
    while rest == "-" or rest.startswith("- "):
        step = len(rest) - len(rest[1:].lstrip(" "))
        inner, rest = inner + step, rest[step:]
    key, value = "", ""
    quoted = _QUOTED_KEY.match(rest)
    colon = _PLAIN_COLON.search(rest) if quoted is None and rest[:1] not in "[{" else None
    if quoted is not None:
        key, value = rest[: quoted.end()].rstrip(), rest[quoted.end() :].strip()
    elif colon is not None and colon.start() > 0 and not _FLOW.intersection(rest[: colon.start()]):
        key, value = rest[: colon.start()].rstrip() + ":", rest[colon.end() :].strip()
    return _Line(index, indent, content, inner > indent, inner, key, value)


def _structure(lines: list[str], before: int, start: int | None = None) -> list[_Line]:
    """The lines from ``start`` up to ``before`` that hold structure: not blank, not
    comments, not the text of a block scalar (which may look like anything, keys included).
    From the top-level line above ``before`` when no ``start`` is given: the lines above it
    lie in other top-level fields, and a file of a hundred thousand lines is not read again."""
    if start is None:
        start = next((i for i in range(before - 1, -1, -1) if _top_level(lines[i])), 0)
    found: list[_Line] = []
    text_below: int | None = None  # lines indented more than this are a block scalar's text
    for index in range(start, min(before, len(lines))):
        text = lines[index]
        stripped = text.lstrip(" ")
        indent = len(text) - len(stripped)
        if text_below is not None and (not stripped or indent > text_below):
            continue
        text_below = None
        if not stripped or stripped.startswith("#"):
            continue
        found.append(_read(lines, index))
        if _BLOCK_SCALAR.search(stripped):
            text_below = indent
    return found


def _top_level(text: str) -> bool:
    return text[:1] not in ("", " ", "\t", "#")


@dataclass(frozen=True, slots=True)
class _Level:
    """An indentation still open at a line: a mapping's keys or a list's dashes."""

    indent: int
    dash: bool
    line: _Line


def _open_levels(above: list[_Line]) -> list[_Level]:
    """The indentations a next line could take, innermost first: those of the line above
    and of each line it lies within (each less indented than the ones below it)."""
    levels: list[_Level] = []
    floor: int | None = None
    for line in reversed(above):
        if not line.key and not line.dash:
            continue  # text continuing a value, not structure
        # A list may sit at the indentation of the key that holds it.
        beside = floor is not None and line.indent == floor and levels[-1].dash
        if (floor is not None and line.indent > floor) or (line.indent == floor and not beside):
            continue
        if line.key:
            levels.append(_Level(line.inner, False, line))
        if line.dash:
            levels.append(_Level(line.indent, True, line))
        floor = line.indent
    return levels


def missing_colon(lines: list[str], index: int) -> Cause | None:
    """Line ``index`` holds no ': ': a field name without its colon, or without the space
    after it (``pacing cohort``, ``status:active``), or text that lost its indentation."""
    if index >= len(lines):
        return None
    line = _read(lines, index)
    dash = line.content[: line.inner - line.indent]
    rest = line.content[line.inner - line.indent :]
    if line.key or not rest or rest[:1] in "[{\"'":
        return None
    number, shown = index + 1, _shown(line.content)
    spaced = _NO_SPACE.fullmatch(rest)
    name, _, value = rest.partition(" ")
    if name in _BULLETS and value:
        message = f"line {number} starts with '{name}', which YAML does not read as a list dash."
        fix = _write_as("Replace it with a hyphen (-)", f"{dash}- {value.lstrip()}")
    elif spaced is not None:
        message = (
            f"line {number} ('{shown}') has no space after the ':', so it is not read as the "
            f"field '{spaced[1]}'."
        )
        fix = _write_as("Add a space after the ':'", f"{dash}{spaced[1]}: {spaced[2]}")
    elif _NAME.fullmatch(name):
        message = f"line {number} ('{shown}') has no ':' after the field name '{name}'."
        fix = _write_as(f"Add a ':' after '{name}'", f"{dash}{name}: {value.lstrip()}".rstrip())
    else:
        above = [a for a in _structure(lines, index) if a.indent <= line.indent]
        parent = above[-1] if above else None
        if line.dash or parent is None or parent.indent != line.indent or not _plain(parent.value):
            return None
        message = (
            f"line {number} has no ':', so it is not a field, and it is not indented as part "
            f"of the text of '{parent.key}' on line {parent.index + 1}."
        )
        fix = f"Indent it by {_spaces(parent.inner + 2)} to continue that text."
    return Cause(index, line.indent, line.indent + len(line.content), message, fix)


def at_line_start(lines: list[str], index: int) -> Cause | None:
    """The parser stopped at the start of line ``index``: a line above lacks its ':' (the
    parser read it and this line as one text), or this line is indented wrongly."""
    if index >= len(lines):
        return None
    above = _structure(lines, index)
    here = _read(lines, index)
    run = []
    for line in reversed(above):
        if line.key or line.dash or line.indent != here.indent:
            break
        run.append(line)
    if run:
        before = above[-len(run) - 1] if len(above) > len(run) else None
        continued = before is not None and _plain(before.value) and before.indent < here.indent
        if not continued:
            return missing_colon(lines, run[-1].index)
    elif above and above[-1].dash and not above[-1].key and above[-1].inner == here.indent:
        return missing_colon(lines, above[-1].index)  # ``- id A3`` above the item's fields
    if not here.key and not here.dash:
        return _short_text(lines, here, above)
    return _misindented(lines, here, above)


def _misindented(lines: list[str], here: _Line, above: list[_Line]) -> Cause | None:
    """Line ``here`` is indented unlike the lines it sits among: say which ones it should
    line up with (or, when the block's first line is the odd one out, that line)."""
    levels = _open_levels(above)
    kind = "list items" if here.dash else "fields"
    number, n = here.index + 1, here.indent
    span = (here.index, here.indent, here.indent + len(here.content))
    at_items = next((lv for lv in levels if lv.indent <= n), None)
    if not here.dash and at_items is not None and at_items.dash and at_items.indent == n:
        item = at_items.line
        message = (
            f"line {number} is a field, indented like the list items beside it "
            f"('{_shown(item.content)}' on line {item.index + 1})."
        )
        if item.key:
            fix = _write_as("Start it with '- ' to make it a new item", f"- {here.content}")
        else:
            outer = next((lv for lv in levels if not lv.dash and lv.indent < n), None)
            if outer is None:
                return None
            fix = _indent(here, outer.indent, outer.line.key, outer.line)
        return Cause(*span, message, fix)
    # A level at this very indentation is text the parser read as part of a value above.
    sibling = next((lv for lv in levels if lv.dash == here.dash and lv.indent != n), None)
    if sibling is None and here.dash and levels and levels[0].line.key:
        near = levels[0].line
        message = (
            f"line {number} is a list item, but the lines beside it are fields "
            f"('{near.key}' on line {near.index + 1})."
        )
        fix = (
            "Write the field the list belongs to on a line of its own above it ('name:'), "
            f"and indent the items by {_spaces(levels[0].indent + 2)}."
        )
        return Cause(*span, message, fix)
    if sibling is None:
        return None
    first = _odd_first(lines, here, above, sibling, levels)
    if first is not None:
        return first
    s, like = sibling.indent, sibling.line
    label = _shown(like.content) if here.dash else like.key
    beside = f"by {s}" if s else "are not indented"
    message = f"line {number} is indented by {_spaces(n)}, but the {kind} beside it {beside}"
    outer = next((lv for lv in levels if lv.indent < n), None)
    if s > n and outer is not None:
        owner = outer.line.key or _shown(outer.line.content)
        message += f", and '{owner}' on line {outer.line.index + 1} by {outer.indent}"
        message += ": it lines up with neither"
    return Cause(*span, message + ".", _indent(here, s, label, like))


def _odd_first(
    lines: list[str], here: _Line, above: list[_Line], sibling: _Level, levels: list[_Level]
) -> Cause | None:
    """The parser takes a block's indentation from its first line, so when that line is the
    one indented wrongly it stops at the second. The first line is the odd one out when it
    alone has its indentation and more lines of the block line up with ``here``, or only
    ``here`` follows the indentation step the file uses elsewhere."""
    s, n, dash = sibling.indent, here.indent, here.dash
    outer = next((lv for lv in levels if lv.indent < s), None)
    if outer is None:
        return None  # the top level: its fields are never indented

    def at(line: _Line, column: int) -> bool:
        return (
            line.dash and line.indent == column if dash else bool(line.key) and line.inner == column
        )

    block = [line for line in above if line.index >= outer.line.index]
    firsts = [line for line in block if at(line, s)]
    if len(firsts) != 1:
        return None
    first = firsts[0]
    below = next((i for i in range(here.index + 1, len(lines)) if _top_level(lines[i])), None)
    after = _structure(lines, len(lines) if below is None else below, here.index + 1)
    end = next((line.index for line in after if line.indent < min(n, s)), len(lines))
    same = [line for line in block if at(line, n) and line.index > first.index] + [here]
    same += [line for line in after if line.index < end and at(line, n)]
    shifted = first.indent + n - s
    parent = next((lv.indent for lv in levels if lv.indent < first.indent), None)
    # The step is learnt from this top-level field and the start of the file (a sample: a
    # file follows one habit, and a long one is not read again for it).
    section = [line for line in (*above, here, *after) if line.index >= _SAMPLE]
    sample = _structure(lines, _SAMPLE, 0) + section
    steps = Counter(
        b.indent - a.inner
        for a, b in itertools.pairwise(sample)
        if a.key and not a.value and b.indent > a.inner and b.index != first.index
    )
    step = steps.most_common(1)[0][0] if steps else None  # no other block to learn it from
    even = parent is not None and shifted - parent == step != first.indent - parent
    if shifted < 0 or not (len(same) > 1 or even):
        return None
    like, number = same[0], first.index + 1
    if first.dash and not dash:
        message = (
            f"line {number} is indented by {_spaces(first.indent)}, so its field "
            f"'{first.key}' does not line up with '{like.key}' on line {like.index + 1}."
        )
        fix = f"Indent line {number} by {_spaces(shifted)}, so that they line up."
    else:
        kind = "list items" if dash else "fields"
        message = f"line {number} is indented by {_spaces(first.indent)}, but the {kind} "
        message += f"after it by {n}."
        fix = _indent(first, shifted, _shown(like.content) if dash else like.key, like)
    return Cause(first.index, first.indent, first.indent + len(first.content), message, fix)


def _short_text(lines: list[str], here: _Line, above: list[_Line]) -> Cause | None:
    """A line of a block scalar's text indented less than its first line, which ends the
    text there and leaves this line where a field should be."""
    header = above[-1] if above else None
    first = header.index + 1 if header is not None else len(lines)
    while first < here.index and not lines[first].strip():
        first += 1
    if header is None or first >= here.index or not _BLOCK_SCALAR.search(header.content):
        return None
    width = _read(lines, first).indent
    if width <= here.indent:
        return None
    message = (
        f"line {here.index + 1} is part of the text of '{header.key or header.content}' but "
        f"indented by {_spaces(here.indent)}, less than its first line ({width})."
    )
    fix = f"Indent line {here.index + 1} by {_spaces(width)}, like line {first + 1}."
    return Cause(here.index, here.indent, here.indent + len(here.content), message, fix)


def colon_at(lines: list[str], index: int, column: int) -> Cause | None:
    """The parser met a ':' at ``column`` where no field can start: after a key on the same
    line, the value holds ': ' without quotes; after only a key, the cause is above it or in
    its indentation (see :func:`at_line_start`)."""
    line = _read(lines, index) if index < len(lines) else None
    if line is not None and not line.key and lines[index][:column].strip():
        return missing_colon(lines, index)  # ``credit {status: credit}``: the ':' is inside
    if line is None or not line.key or line.inner + len(line.key) > column:
        return at_line_start(lines, index)
    if line.key[0] in "&*!?":
        return None  # an anchor, alias, tag or complex key: not a designer's field
    return _colon_in_value(lines, line, column)


def _colon_in_value(lines: list[str], line: _Line, column: int) -> Cause | None:
    """``title: Soils: Management``: the second ': ' would start a field inside the value,
    which quotes make plain text again."""
    index = line.index
    dash = line.content[: line.inner - line.indent]
    rest = line.content[line.inner - line.indent :]
    if "[" in rest[: column - line.inner] or "{" in rest[: column - line.inner]:
        return None  # inside brackets ': ' is allowed: something else is wrong
    tail = lines[index][line.indent + len(line.content) :].strip()  # a comment, kept
    if _NAME.fullmatch(line.key[:-1]) or not line.dash:
        fixed, text = f"{line.key} {_quoted(line.value)}", line.key[:-1]
        message = f"the value of '{text}' contains ': ', which starts a new field in YAML."
    else:
        fixed = _quoted(rest)
        message = "this list item contains ': ', which starts a new field in YAML."
    fixed = (dash + fixed + (" " + tail if tail else "")).rstrip()
    return Cause(index, column, column + 1, message, _write_as("Put the text in quotes", fixed))


def after_value(lines: list[str], index: int, column: int) -> Cause | None:
    """The parser met more text at ``column`` after a whole field: text after a closing
    quotation mark (``title: "Mass" timber``), which the quotes end, or a line that is no
    field at all (``delivery {modes: [a], pacing: cohort}``, its ':' missing)."""
    if index >= len(lines):
        return None
    before = lines[index][:column].rstrip()
    line = _read(lines, index)
    if not line.key:
        return missing_colon(lines, index)
    if not before or before[-1] not in "\"'" or not line.value or line.value[:1] not in "\"'":
        return None
    head = line.content[: line.inner - line.indent] + line.key
    quoted = "'" + line.value.replace("'", "''") + "'"
    message = "the text after the closing quotation mark is outside the quotes."
    fix = _write_as("Put all of the text inside the quotation marks", f"{head} {quoted}")
    return Cause(index, column, line.indent + len(line.content), message, fix)


def tab(lines: list[str], index: int, column: int) -> Cause:
    """A tab at ``column`` of line ``index``, or in its indentation: YAML indents with
    spaces only, and refuses a tab wherever it could be read as indentation."""
    text = lines[index] if index < len(lines) else ""
    content = text.lstrip(" \t")
    lead = text[: len(text) - len(content)]
    if "\t" not in lead:
        message = f"line {index + 1} has a tab character where YAML allows only spaces."
        return Cause(index, column, column + 1, message, "Replace the tab with a space.")
    at = lead.find("\t")
    message = f"line {index + 1} is indented with a tab; YAML allows only spaces."
    fix = f"Replace the tab with spaces {_EDITOR}"
    levels = _open_levels(_structure(lines, index))
    if levels and content:
        inner = levels[0].line
        dash = content == "-" or content.startswith("- ")
        width = next((lv.indent for lv in levels if lv.dash == dash), levels[0].indent)
        if inner.key and (not inner.value or _BLOCK_SCALAR.search(inner.content)):
            width = inner.inner + 2  # the first line under a key: its value or its text
        shown = _shown(content.rstrip())
        fix = f"Replace the tab with {_spaces(width)}: '{' ' * width}{shown}' {_EDITOR}"
    return Cause(index, at, at + 1, message, fix)


def _plain(value: str) -> bool:
    """A value written as plain text, which a more indented line below would continue."""
    return bool(value) and value[:1] not in "\"'[{|>&*!"


def _quoted(text: str) -> str:
    """``text`` in double quotes; curly quotes around it (pasted from a word processor, and
    only text to YAML) give way to them."""
    if len(text) > 1 and text[0] in "\u201c\u2018" and text[-1] in "\u201d\u2019":
        text = text[1:-1]
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _write_as(action: str, line: str) -> str:
    """A fix with the corrected line (without its indentation), unless it is too long to be
    read in a message."""
    if len(line) > _LONGEST_SHOWN:
        return action + "."
    return f"{action}, so that the line reads: {line}"


def _indent(here: _Line, width: int, label: str, like: _Line) -> str:
    where = f"like '{label}' on line {like.index + 1}"
    if width == 0:
        return f"Remove the spaces before line {here.index + 1}, to start it {where}."
    return f"Indent line {here.index + 1} by {_spaces(width)}, {where}."


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"
