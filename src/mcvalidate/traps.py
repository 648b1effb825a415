"""Mistakes of typing and pasting: characters that look like others, and text that YAML reads
otherwise than it looks (rules MC050-MC057).

Course files are written by hand, with text pasted from word processors and web pages. Pasting
brings characters that look like the ones YAML needs and are not: a non-breaking space looks
like a space (YAML keeps it in the value), a zero-width space is invisible, curly quotes look
like quotes (YAML reads them as text), an en dash at the start of a line looks like a list
bullet. And plain YAML has traps that need no odd character: a comma in a list in brackets
splits an item, `` #`` in unquoted text starts a comment, ``: `` on a continued line makes a key.

Each mistake is one finding, at the character, naming it and giving the mechanical fix. Its
consequence is not a second finding: a value the character spoils is read as if the fix were
made (``active`` and a non-breaking space is read as ``active``, a title in curly quotes
without them), as a misspelt key is read as the field it was meant to be; where no such reading
exists (a list written with en dashes is one text), the schema's finding about that value is
dropped, and the character's finding says why.

The characters are found in the text, so they are named also in a file that does not parse
(often because of them): YAML's own error (MC001) then appears too, usually on a later line,
after the character's finding. In a file that parsed, the node tree says where a character
sits (in a key, at the edge of a value, inside a text, in a comment, which is left alone). The
other traps are read from the node tree, so only a file that parsed has them.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Set
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from mcvalidate.document import Document
from mcvalidate.findings import Autofix, Edit, Problem, Span
from mcvalidate.format_rules import (
    COLON_STARTS_KEY,
    COMMA_SPLITS_ITEM,
    CURLY_QUOTES,
    DASH_BULLET,
    HASH_STARTS_COMMENT,
    INVALID_TYPE,
    INVISIBLE_CHARACTER,
    LOOKALIKE_SPACE,
    LOOKALIKE_SPACE_IN_TEXT,
    STRAY_WHITESPACE,
    UNKNOWN_KEY,
)
from mcvalidate.pointer import escape, unescape

if TYPE_CHECKING:
    from mcvalidate.rules import Rule

# Every space separator of Unicode but the plain space (category Zs): each looks like a space,
# and YAML reads none of them as one. U+00A0 is the one word processors and web pages paste.
SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)
# The invisible ones. U+FEFF at the very start of a file is its byte-order mark, and fine.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
# Joiners have a use between two letters of some scripts, and inside emoji.
_JOINERS = "\u200c\u200d"
_BLANKS = " \t" + SPACES + _INVISIBLE
_ODD = re.compile(f"[{SPACES}{_INVISIBLE}]")
_RUN = re.compile(f"[{_BLANKS}]+")
_SOLID = re.compile(f"[^{_BLANKS}]")
_NAMES = {
    "\u00a0": "a non-breaking space",
    "\u202f": "a narrow non-breaking space",
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u2060": "a word joiner",
    "\ufeff": "a byte-order mark",
}
_REPLACE = "Replace it with a plain space."
_DELETE = "Delete it."

# Characters pasted as list bullets, by name.
_BULLETS = {
    "\u2013": "an en dash",
    "\u2014": "an em dash",
    "\u2212": "a minus sign",
    "\u2022": "a bullet",
}
_BULLET_LINE = re.compile(f"[ \t]*([{''.join(_BULLETS)}])[ \t{SPACES}]+[^{_BLANKS}]")
# Curly opening quote -> its closing quote.
_CURLY = {"\u201c": "\u201d", "\u2018": "\u2019"}
# The line breaks YAML counts: a blank before one ends a line with a blank.
_BREAKS = "\r\n\x85\u2028\u2029"


def _loose(text: str) -> bool:
    """Whether ``text`` has a tab, or a blank at the end of a line: what the whitespace check
    looks further at. Substring tests, which run at memory speed, where a pattern's search
    tries every space of the file (a hundred times slower on a course). A search for two
    characters that are not there reads the whole text (a microsecond per 1,000 characters),
    one for a single character is a ``memchr`` (fifty times faster): the rarer breaks are
    looked for only where their character is in the text."""
    if "\t" in text or text.endswith(" ") or " \n" in text:
        return True
    if "\r" in text and " \r" in text:
        return True
    return not text.isascii() and any(" " + b in text for b in _BREAKS[2:])


def _odd(text: str) -> bool:
    """Whether ``text`` holds a look-alike space or an invisible character (as :data:`_ODD`
    would find, twenty times faster)."""
    return not text.isascii() and any(c in text for c in SPACES + _INVISIBLE)


# Where a quote can open a value on a line of a file that did not parse: after these.
_OPENS_VALUE = ":-[{,?"
_CLOSES_VALUE = ("", ",", "]", "}", ":", "#")

# What stands before a colon that ends a key (``status``, ``  - id``), and before a list's dash.
_KEY_BEFORE_COLON = re.compile(r"[ \t]*(?:-[ \t]+)*[A-Za-z_][\w-]*")
_BULLETED = re.compile(r"[ \t]*(?:-[ \t]+)*")
# A comment right after a text that reads like more of it: '#1 problem', '#MassTimber is'; not
# '#draft' (one word) or '#TODO: later' (a label).
_HASH_TEXT = re.compile(r" #(?:\d|[^\W\d_]\S*(?<!:)[ \t]+\S)")
# Words that start the rest of an item rather than an item of its own.
_JOINING_WORDS = frozenset(("or", "and", "nor", "but", "and/or"))
_QUALIFIER = re.compile(
    r"(?:level|part|grade|module|unit|stage|phase|year|volume|edition|section|step|tier|book)"
    r"\s+\S+",
    re.IGNORECASE,
)

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT = _TAG + "str", _TAG + "int", _TAG + "float"
_REREAD = {_TAG + t for t in ("null", "bool", "int", "float", "timestamp")}
_YAML11_NUMBER = re.compile(r"[-+]?0[0-9_]|.*:")  # octal and base 60: read only as written
# YAML's implicit types, by the first character of a plain text: (tag, pattern) pairs.
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
_CONSTRUCT = yaml.constructor.SafeConstructor()
_SHOWN = 60  # characters of a value quoted in a message

Position = tuple[int, int]  # 0-based line and column, as LibYAML marks count them


@dataclass
class Traps:
    """What :func:`find_traps` found: its problems, and what the schema would report as their
    consequences, each mapped to what is reported instead (None: nothing)."""

    problems: list[Problem] = field(default_factory=list)
    instead: dict[tuple[str, str], Problem | None] = field(default_factory=dict)

    def instead_of(self, problems: Iterable[Problem]) -> list[Problem]:
        """``problems`` with each consequence of a trap dropped, or replaced by the trap's
        problem (an unknown key made by a colon in a text is reported as that)."""
        kept = []
        for problem in problems:
            key = (problem.rule.id, problem.pointer)
            if key not in self.instead:
                kept.append(problem)
            elif (better := self.instead[key]) is not None:
                kept.append(better)
        return kept


def find_traps(doc: Document, enabled: Set[str], most: int) -> Traps:
    """The traps of a loaded file, for the rules ``enabled``; at most ``most`` characters are
    reported. Called before the schema stage: the values the characters spoil are read again
    in ``doc.data`` as if the fixes were made."""
    scan = _Scan(doc, enabled, most)
    if doc.text:
        scan.characters()
        scan.curly_quotes()
        scan.dash_bullets()
    if doc.data is not None:
        scan.flow_lists()
        scan.comments()
        scan.colon_keys()
        scan.whitespace()
        scan.read_again()
    return scan.found


class _Scalar(NamedTuple):
    """A scalar of the node tree, at the pointer of its value (a key: of the value it names)."""

    pointer: str
    node: ScalarNode
    is_key: bool

    @property
    def plain(self) -> bool:
        return not self.node.style

    @property
    def block(self) -> bool:
        return self.node.style in ("|", ">")


class _Scan:
    """One file's look for traps; the scalar index is made only when a character asks."""

    def __init__(self, doc: Document, enabled: Set[str], most: int) -> None:
        self.doc = doc
        self.enabled = enabled
        self.most = most
        self.found = Traps()
        self.parsed = doc.data is not None
        self._scalars: list[_Scalar] | None = None
        self._starts: list[Position] = []
        self._solid: dict[int, tuple[Position, Position]] = {}
        self._subjects: dict[int, tuple[str, str]] = {}
        # Values and keys to read as if fixed, by the pointer written (see read_again).
        self._values: dict[str, _Scalar] = {}
        self._keys: dict[str, _Scalar] = {}
        self._texts: dict[str, str] = {}  # a number that is the rest of a text, as written
        self._seen: set[int] = set()

    def on(self, rule: Rule) -> bool:
        return rule.id in self.enabled

    def report(
        self,
        rule: Rule,
        message: str,
        span: Span,
        fix: str,
        pointer: str = "",
        autofix: Autofix | None = None,
    ) -> None:
        self.found.problems.append(
            Problem(rule, message, pointer=pointer, span=span, fix=fix, autofix=autofix)
        )

    def drop(self, rule: Rule, pointer: str) -> None:
        """The schema's ``rule`` finding at ``pointer`` is a consequence: not reported."""
        self.found.instead[(rule.id, pointer)] = None

    # -- pasted and invisible characters ----------------------------------------------------

    def characters(self) -> None:
        rules = (INVISIBLE_CHARACTER, LOOKALIKE_SPACE, LOOKALIKE_SPACE_IN_TEXT)
        text = self.doc.text
        if not any(self.on(r) for r in rules) or not _odd(text):
            return
        reported = 0
        for number, line in enumerate(self.doc.lines):
            if not _odd(line):
                continue
            comment = len(line) if self.parsed else _comment_start(line)
            for run in _RUN.finditer(line, 0, comment):
                place = _place(line, run.start())
                for column in range(run.start(), run.end()):
                    char = line[column]
                    if char in " \t" or (char == "\ufeff" and number == column == 0):
                        continue
                    if char in _JOINERS and _joins(line, column):
                        continue
                    reported += self._character(number, line, column, run, place)
                    if reported >= self.most:
                        return

    def _character(
        self, number: int, line: str, column: int, run: re.Match[str], place: str
    ) -> int:
        """Report the odd character at ``line[column]`` (in ``run``, standing at ``place`` as the
        line shows it); 1 when it is reported."""
        char = line[column]
        scalar = None
        if self.parsed:
            scalar = self._scalar_at((number, column))
            if scalar is None:
                return 0  # in a comment: nothing YAML reads
            where = self._where(scalar, (number, column), place)
        else:
            where = place if place != "inside" else _edge_in_line(line, run) or "text"
        invisible = char in _INVISIBLE
        if invisible:
            rule = INVISIBLE_CHARACTER
        else:
            rule = LOOKALIKE_SPACE_IN_TEXT if where == "text" else LOOKALIKE_SPACE
        if not self.on(rule):
            return 0
        said = _Said(number + 1, _name(char), where, line, column, *self._subject(scalar))
        message, fix = said.invisible() if invisible else said.space()
        pointer = scalar.pointer if scalar is not None else ""
        span = Span(number + 1, column + 1, number + 1, column + 2)
        # Between two words the space may be meant: that fix is unsafe. In a file that did
        # not parse, the character (outside comments) is often why; the fixer keeps such a fix
        # only when the fixed text parses.
        autofix = _replaced(span, _the(said.name), fix, safe=rule is not LOOKALIKE_SPACE_IN_TEXT)
        self.report(rule, message, span, fix, pointer, autofix)
        if scalar is not None and rule is not LOOKALIKE_SPACE_IN_TEXT:
            self._spoils(scalar, where)
        return 1

    def _spoils(self, scalar: _Scalar, where: str) -> None:
        """What a character at ``where`` in ``scalar`` does to the data, undone or explained."""
        if where in ("colon", "dash"):
            # Not the mapping or the list it looks like: one text, which the schema refuses.
            self.drop(INVALID_TYPE, scalar.pointer)
        elif scalar.is_key and where == "indent":
            # Not nested where it looks: an unknown key of the mapping above.
            self.drop(UNKNOWN_KEY, scalar.pointer)
        elif scalar.is_key:
            self._keys[scalar.pointer] = scalar
        else:
            self._values[scalar.pointer] = scalar

    def _where(self, scalar: _Scalar, at: Position, place: str) -> str:
        """Where a character at ``at`` sits in ``scalar``: ``colon`` or ``dash`` (in the place
        of the space YAML needs there), ``indent``, ``start`` or ``end`` (of the value or key),
        ``key`` (inside one) or ``text`` (between words)."""
        if scalar.block:
            return "text"
        if place in ("colon", "dash") and scalar.plain and scalar.node.start_mark.line == at[0]:
            return place
        first, last = self._solid_bounds(scalar)
        if at < first:
            return "indent" if place == "indent" else "start"
        if at > last:
            return "end"
        return "key" if scalar.is_key else "text"

    def _subject(self, scalar: _Scalar | None) -> tuple[str, str]:
        """What a character is in (``key`` or ``value``; ``""`` in a file that did not
        parse), and how a message names it."""
        if scalar is None:
            return "", "a value"
        known = self._subjects.get(id(scalar.node))
        if known is None:  # once a scalar: a text may hold thousands of these characters
            kind = "key" if scalar.is_key else "value"
            known = kind, f"the {kind} '{_shown(_cleaned(scalar.node.value, plain=True))}'"
            self._subjects[id(scalar.node)] = known
        return known

    # -- curly quotes -------------------------------------------------------------------------

    def curly_quotes(self) -> None:
        text = self.doc.text
        if not self.on(CURLY_QUOTES) or not any(q in text for q in _CURLY):
            return
        if not self.parsed:
            self._curly_in_lines()
            return
        for scalar in self._index():
            value = scalar.node.value
            inner = _inside_curly(value)
            if not scalar.plain or inner is None:
                continue
            shown = _shown(value)
            if scalar.is_key:
                message = (
                    f"The key {shown} is in curly quotes, which YAML does not read as quotes: "
                    f"the quote marks are part of the key, which is not the field '{inner}'."
                )
                self._keys[scalar.pointer] = scalar
            else:
                message = (
                    f"The value {shown} of '{self._label(scalar.pointer)}' is in curly quotes, "
                    "which YAML does not read as quotes: the quote marks are part of the value."
                )
                self._values[scalar.pointer] = scalar
            span = self.doc.span(scalar.node)
            straight = _quoted(inner)
            self.report(
                CURLY_QUOTES,
                message,
                span,
                f"Use straight quotes: {straight}",
                scalar.pointer,
                _fix("Use straight quotes", Edit(span, straight)),
            )

    def _curly_in_lines(self) -> None:
        """Curly quotes around a value, in a file that did not parse: often because of what
        is between them (``title: \u201cMass timber: an introduction\u201d``)."""
        for number, line in enumerate(self.doc.lines, start=1):
            for opening, closing in _CURLY.items():
                start = line.find(opening)
                if start < 0 or start >= _comment_start(line):
                    continue
                before = line[:start].rstrip(" \t")
                end = line.rfind(closing)
                after = line[end + 1 :].lstrip(" \t")[:1]
                if (before and before[-1] not in _OPENS_VALUE) or after not in _CLOSES_VALUE:
                    continue
                inner = _inside_curly(line[start : end + 1])
                if inner is None:
                    continue
                span = Span(number, start + 1, number, end + 2)
                self.report(
                    CURLY_QUOTES,
                    f"Line {number} has {_shown(line[start : end + 1])} in curly quotes, which "
                    "YAML does not read as quotes: the text between them is read as if it had "
                    "none, and a ': ' or ' #' in it breaks the line.",
                    span,
                    f"Use straight quotes: {_quoted(inner)}",
                    autofix=_fix("Use straight quotes", Edit(span, _quoted(inner))),
                )

    # -- dashes as list bullets -------------------------------------------------------------

    def dash_bullets(self) -> None:
        text = self.doc.text
        if not self.on(DASH_BULLET) or not any(b in text for b in _BULLETS):
            return
        for number, line in enumerate(self.doc.lines):
            match = _BULLET_LINE.match(line)
            if match is None:
                continue
            column = match.start(1)
            scalar = None
            if self.parsed:
                scalar = self._scalar_at((number, column))
                if scalar is None or not self._list_like(scalar, (number, column)):
                    continue
            char = match.group(1)
            # The blanks after it become plain spaces too (YAML needs one after '-'), as many
            # as there were, so that the item's text stays in its column.
            solid = match.end() - 1
            autofix = _fix(
                f"Replace {_BULLETS[char].partition(' ')[2]} ({char}) with a hyphen (-)",
                Edit(
                    Span(number + 1, column + 1, number + 1, solid + 1),
                    "-" + " " * (solid - column - 1),
                ),
            )
            self.report(
                DASH_BULLET,
                f"Line {number + 1} starts with {_BULLETS[char]} ({char}), which YAML does not "
                "read as a list bullet: only a hyphen (-) starts a list item, so the line is "
                "read as text.",
                Span(number + 1, column + 1, number + 1, column + 2),
                "Replace it with a hyphen (-).",
                scalar.pointer if scalar is not None else "",
                autofix,
            )
            if scalar is not None and scalar.is_key:
                self.drop(UNKNOWN_KEY, scalar.pointer)
                self.drop(INVALID_TYPE, scalar.pointer.rpartition("/")[0])
            elif scalar is not None:
                self.drop(INVALID_TYPE, scalar.pointer)

    def _list_like(self, scalar: _Scalar, at: Position) -> bool:
        """A dash at ``at`` starts an item of what was meant as a list: the plain text it is in
        starts with such a dash (``prerequisites:`` then dashed lines), or is an item of a list
        already. A line of a text that starts with a dash is text."""
        if not scalar.plain:
            return False
        node = scalar.node
        starts = (node.start_mark.line, node.start_mark.column) == at
        if starts or node.value[:1] in _BULLETS:
            return True
        parent = self.doc.nodes.get(scalar.pointer.rpartition("/")[0])
        return not scalar.is_key and parent is not None and isinstance(parent[1], SequenceNode)

    # -- commas in lists in brackets ----------------------------------------------------------

    def flow_lists(self) -> None:
        if not self.on(COMMA_SPLITS_ITEM):
            return
        nodes = self.doc.nodes
        for pointer in self.doc.flow_lists:
            node = nodes[pointer][1]
            if (
                isinstance(node, SequenceNode)
                and len(node.value) > 1
                and self._first_time(node)
                and all(isinstance(item, ScalarNode) and not item.style for item in node.value)
            ):
                self._flow_list(pointer, node)

    def _flow_list(self, pointer: str, node: SequenceNode) -> None:
        items: list[ScalarNode] = node.value
        # Most lists in brackets are of single words (ids, codes, modes), none of which can
        # read as the rest of the item before it: told in one pass, not item by item.
        if all(i.tag == _STR and i.value.isidentifier() for i in items) and not any(
            i.value in _JOINING_WORDS for i in items
        ):
            return
        prose = [i.tag == _STR and len(i.value.split()) > 1 for i in items]
        texts = sum(prose)  # items of several words: a number among them is a split text
        splits = [
            index
            for index in range(1, len(items))
            if _continues(items[index - 1], items[index], texts - prose[index] > 0)
        ]
        if not splits:
            return
        split = set(splits)
        for index in split:
            if items[index].tag != _STR:  # read as the text it is part of, not a number
                self._texts[f"{pointer}/{index}"] = items[index].value
        label = self._label(pointer)
        before, item = items[splits[0] - 1], items[splits[0]]
        shown = f"the number {item.value}" if item.tag != _STR else f"'{_shown(item.value)}'"
        more = f" ({len(splits)} commas of the list look like this.)" if len(splits) > 1 else ""
        parts: list[str] = []
        for index, scalar in enumerate(items):
            if index in split:
                parts[-1] = f"{parts[-1]}, {scalar.value}"
            else:
                parts.append(scalar.value)
        merged = [_quoted(p) if "," in p else p for p in parts]
        self.report(
            COMMA_SPLITS_ITEM,
            f"The comma before {shown} splits one item of '{label}' into two: YAML reads "
            f"'{_shown(before.value)}' and {shown} as separate items.{more}",
            self.doc.span(node),
            f"Put the item in quotes: [{', '.join(merged)}]",
            pointer,
            self._joined(items, split),
        )

    def _joined(self, items: list[ScalarNode], split: Set[int]) -> Autofix | None:
        """The fix of split items: each run of items that reads as one, replaced by it in
        quotes. A run over several lines is left as it is (a comment may sit between its
        items); the rest of the list, its layout and its comments, stays as written."""
        edits = []
        index = 0
        while index < len(items):
            last = index
            while last + 1 in split:
                last += 1
            first_node, last_node = items[index], items[last]
            if last > index and first_node.start_mark.line == last_node.end_mark.line:
                text = ", ".join(item.value for item in items[index : last + 1])
                start, end = self.doc.span(first_node), self.doc.span(last_node)
                span = Span(start.line, start.column, end.end_line, end.end_column)
                edits.append(Edit(span, _quoted(text)))
            index = last + 1
        if not edits:
            return None
        return _fix("Put the item in quotes", *edits, safe=False)

    # -- '#' in unquoted text -----------------------------------------------------------------

    def comments(self) -> None:
        if not self.on(HASH_STARTS_COMMENT) or " #" not in self.doc.text:
            return
        lines = self.doc.lines
        for pointer, (_, node) in self.doc.nodes.items():
            if not (
                isinstance(node, ScalarNode)
                and not node.style
                and node.tag == _STR
                and self._first_time(node)
            ):
                continue
            line, end = lines[node.end_mark.line], node.end_mark.column
            if _HASH_TEXT.match(line, end) is None:
                continue
            comment = line[end + 1 :].rstrip(_BLANKS)
            whole = f"{node.value} {comment}"
            number = node.end_mark.line + 1
            autofix = None
            if not self._in_flow(pointer):  # in brackets the comma after it would be quoted
                start = self.doc.span(node)
                value = Span(start.line, start.column, number, end + 2 + len(comment))
                autofix = _fix("Put the value in quotes", Edit(value, _quoted(whole)), safe=False)
            self.report(
                HASH_STARTS_COMMENT,
                f"'{self._label(pointer)}' is read as only '{_shown(node.value)}': YAML reads "
                f"' {_shown(comment)}' as a comment, and drops it.",
                Span(number, end + 2, number, end + 2 + len(comment)),
                f"Put the value in quotes: {_quoted(whole)}",
                pointer,
                autofix,
            )

    def _in_flow(self, pointer: str) -> bool:
        """True when the value at ``pointer`` is an item of a list or mapping in brackets."""
        parent = self.doc.nodes.get(pointer.rpartition("/")[0])
        return parent is not None and getattr(parent[1], "flow_style", False) is True

    # -- ': ' on a continued line -------------------------------------------------------------

    def colon_keys(self) -> None:
        if not self.on(COLON_STARTS_KEY):
            return
        nodes = self.doc.nodes
        for pointer in self.doc.spaced_keys:
            node = nodes[pointer][1]
            if isinstance(node, MappingNode) and not node.flow_style and self._first_time(node):
                self._colon_keys(pointer, node.value)

    def _colon_keys(self, pointer: str, pairs: list[tuple[Node, Node]]) -> None:
        for index in range(1, len(pairs)):
            if not _continues_text(pairs[index - 1], pairs[index]):
                continue
            key = pairs[index][0]
            assert isinstance(key, ScalarNode)
            written = f"{pointer}/{escape(key.value)}"
            if self.doc.nodes.get(written, (None,))[0] is not key:
                continue  # a duplicate key, reported as such
            first = index - 1
            while first > 0 and _continues_text(pairs[first - 1], pairs[first]):
                first -= 1
            last = index
            while last + 1 < len(pairs) and _continues_text(pairs[last], pairs[last + 1]):
                last += 1
            field_key, field_value = pairs[first]
            assert isinstance(field_key, ScalarNode) and isinstance(field_value, ScalarNode)
            text = " ".join(
                [field_value.value]
                + [f"{k.value}: {v.value}".rstrip() for k, v in pairs[first + 1 : last + 1]]
            )
            label = self._label(f"{pointer}/{escape(field_key.value)}")
            whole = _quoted(text)
            self.found.instead[(UNKNOWN_KEY.id, written)] = Problem(
                COLON_STARTS_KEY,
                f"Line {key.start_mark.line + 1} is read as a new field '{_shown(key.value)}', "
                f"not as more of the text of '{label}': the colon after "
                f"'{_shown(key.value)}' made it a key.",
                pointer=written,
                span=self.doc.span(key),
                fix=f"Put the whole text in quotes: {field_key.value}: {whole}, or "
                f"write it as a block: '{field_key.value}: >' with its lines indented under it",
                autofix=self._text_quoted(pairs[first : last + 1], whole),
            )

    def _text_quoted(self, pairs: list[tuple[Node, Node]], whole: str) -> Autofix | None:
        """The fix of a text cut into keys: from the start of its value to the end of its last
        line, the text in quotes, unless a line holds more than the text (a comment)."""
        lines = self.doc.lines
        number = 0
        for key, value in pairs:
            end = (value if value.value else key).end_mark
            number = end.line
            if lines[number][end.column :].strip(_BLANKS) not in ("", ":"):
                return None
        start = self.doc.span(pairs[0][1])
        span = Span(start.line, start.column, number + 1, len(lines[number].rstrip(_BLANKS)) + 1)
        return _fix("Put the whole text in quotes", Edit(span, whole), safe=False)

    # -- blanks at the end of a line, tabs in the indentation ---------------------------------

    def whitespace(self) -> None:
        """Blanks YAML passes over but a person cannot see: at the end of a line, and a tab in
        the indentation of a line where YAML lets it pass (in brackets, in the rest of a
        text). The lines of a block of text (``|``, ``>``) are left alone: there the blanks
        are the text's own."""
        if not self.on(STRAY_WHITESPACE) or not _loose(self.doc.text):
            return
        text_lines = self._block_lines()
        reported = 0
        for number, line in enumerate(self.doc.lines):
            if number in text_lines or not line:
                continue
            solid = line.rstrip(" \t")
            indent = len(solid) - len(solid.lstrip(" \t"))
            if len(solid) < len(line) and not solid.endswith("\\"):
                reported += self._trailing(number, line, len(solid))
            elif "\t" in solid[:indent]:
                reported += self._tab(number, solid[:indent])
            if reported >= self.most:
                return

    def _trailing(self, number: int, line: str, start: int) -> int:
        """Report the blanks from ``line[start]`` to its end; 1 (reported)."""
        run = line[start:]
        scalar = self._scalar_at((number, start - 1)) if start else None
        what = _blanks(run)
        span = Span(number + 1, start + 1, number + 1, len(line) + 1)
        fix = "Delete them." if len(run) > 1 else "Delete it."
        self.report(
            STRAY_WHITESPACE,
            f"Line {number + 1} ends in {what}, which YAML ignores and nothing shows.",
            span,
            fix,
            scalar.pointer if scalar is not None else "",
            _fix("Delete the blanks at the end of the line", Edit(span, "")),
        )
        return 1

    def _tab(self, number: int, indent: str) -> int:
        """Report the tab in ``indent``, the blanks a line starts with; 1 (reported)."""
        scalar = self._scalar_at((number, len(indent)))
        column = indent.index("\t")
        self.report(
            STRAY_WHITESPACE,
            f"Line {number + 1} is indented with a tab: YAML lets it pass on this line, but "
            "not before a field or a list item, so the line breaks when it is moved or edited.",
            Span(number + 1, column + 1, number + 1, column + 2),
            "Replace the tab with spaces.",
            scalar.pointer if scalar is not None else "",
            _fix(
                "Replace the tab with spaces",
                Edit(Span(number + 1, 1, number + 1, len(indent) + 1), indent.expandtabs(2)),
            ),
        )
        return 1

    def _block_lines(self) -> set[int]:
        """The 0-based numbers of the lines that hold the text of a block scalar."""
        lines: set[int] = set()
        for scalar in self._index():
            if scalar.block:
                start, end = scalar.node.start_mark, scalar.node.end_mark
                lines.update(range(start.line + 1, end.line + (1 if end.column else 0)))
        return lines

    # -- reading the values as if fixed -------------------------------------------------------

    def read_again(self) -> None:
        """Read the values and keys the characters spoil as if the fixes were made, so that the
        schema and the rules see what was meant and report only what is wrong besides."""
        if self._values or self._keys or self._texts:
            self.doc.data = self._read(self.doc.data, "", "")

    def _read(self, data: Any, written: str, meant: str) -> Any:
        if written in self._texts:
            return self._texts[written]
        if written in self._values:
            return self._fixed(self._values[written])
        if isinstance(data, list):
            return [self._read(v, f"{written}/{i}", f"{meant}/{i}") for i, v in enumerate(data)]
        if not isinstance(data, dict):
            return data
        read: dict[str, Any] = {}
        for key, value in data.items():
            child = f"{written}/{escape(key)}"
            new = self._fixed_key(self._keys[child]) if child in self._keys else key
            if new != key and (not new or new in data or new in read):
                new = key  # it would collide with another key: keep the key as written
            meant_child = f"{meant}/{escape(new)}"
            if new != key:
                self.doc.read_as(child, meant_child)
            read[new] = self._read(value, child, meant_child)
        return read

    def _fixed(self, scalar: _Scalar) -> Any:
        text = self._fixed_key(scalar)
        if scalar.plain and _inside_curly(scalar.node.value) is None:
            return _reread(text)
        return text

    def _fixed_key(self, scalar: _Scalar) -> str:
        text = scalar.node.value
        if self.on(INVISIBLE_CHARACTER) or self.on(LOOKALIKE_SPACE):
            text = _cleaned(text, scalar.plain)
        inner = _inside_curly(text) if self.on(CURLY_QUOTES) and scalar.plain else None
        return text if inner is None else inner

    # -- the node tree ------------------------------------------------------------------------

    def _first_time(self, node: Node) -> bool:
        """False for a node met before: an alias repeats a node, not its findings."""
        if id(node) in self._seen:
            return False
        self._seen.add(id(node))
        return True

    def _index(self) -> list[_Scalar]:
        """Every scalar of the tree (keys included), once, sorted by where it starts."""
        if self._scalars is None:
            seen: set[int] = set()
            scalars = []
            for pointer, (key, value) in self.doc.nodes.items():
                for node, is_key in ((key, True), (value, False)):
                    if isinstance(node, ScalarNode) and id(node) not in seen:
                        seen.add(id(node))
                        scalars.append(_Scalar(pointer, node, is_key))
            scalars.sort(key=lambda s: (s.node.start_mark.line, s.node.start_mark.column))
            self._scalars = scalars
            self._starts = [(s.node.start_mark.line, s.node.start_mark.column) for s in scalars]
        return self._scalars

    def _scalar_at(self, at: Position) -> _Scalar | None:
        """The scalar holding the character at ``at``, if one does (else: a comment)."""
        scalars = self._index()
        found = bisect.bisect_right(self._starts, at) - 1
        if found < 0:
            return None
        scalar = scalars[found]
        end = scalar.node.end_mark
        return scalar if at < (end.line, end.column) else None

    def _solid_bounds(self, scalar: _Scalar) -> tuple[Position, Position]:
        """The first and the last character of a scalar's text that is no blank, quotes left
        out: a character before the first or after the last is at the edge of the value."""
        known = self._solid.get(id(scalar.node))
        if known is not None:
            return known
        node, lines = scalar.node, self.doc.lines
        inset = 0 if scalar.plain else 1
        start = (node.start_mark.line, node.start_mark.column + inset)
        end = (node.end_mark.line, node.end_mark.column - inset)
        first, last = end, start
        for number in range(start[0], end[0] + 1):
            line = lines[number]
            begin = start[1] if number == start[0] else 0
            stop = end[1] if number == end[0] else len(line)
            solid = _SOLID.search(line, begin, stop)
            if solid is not None:
                first = (number, solid.start())
                break
        for number in range(end[0], start[0] - 1, -1):
            line = lines[number]
            begin = start[1] if number == start[0] else 0
            stop = end[1] if number == end[0] else len(line)
            kept = len(line[begin:stop].rstrip(_BLANKS))
            if kept:
                last = (number, begin + kept - 1)
                break
        self._solid[id(node)] = (first, last)
        return first, last

    def _label(self, pointer: str) -> str:
        """A readable field path: ``needs[2].evidence`` (list items counted from 1)."""
        out, parent = "", ""
        for token in pointer.split("/")[1:]:
            entry = self.doc.nodes.get(parent)
            parent = f"{parent}/{token}"
            if entry is not None and isinstance(entry[1], SequenceNode):
                out += f"[{int(token) + 1}]"
            else:
                out += f".{unescape(token)}" if out else unescape(token)
        return out


# -- the characters' places and words --------------------------------------------------------


def _place(line: str, start: int) -> str:
    """Where a run of blanks starting at ``line[start]`` stands, as the line shows it: the
    ``indent``, in the place of the space after a key's ``colon`` or a list's ``dash``, or
    ``inside`` the line."""
    if start == 0:
        return "indent"
    if line[start] not in " \t":  # the odd character itself touches what is before it
        before = line[start - 1]
        if before == ":" and _KEY_BEFORE_COLON.fullmatch(line, 0, start - 1):
            return "colon"
        if before == "-" and _BULLETED.fullmatch(line, 0, start - 1):
            return "dash"
    return "inside"


def _edge_in_line(line: str, run: re.Match[str]) -> str | None:
    """``start`` or ``end`` when a run of blanks inside a line of a file that did not parse is
    at the edge of a value as the line shows it (after ``key: ``, before a comma), else None."""
    before = line[run.start() - 1]
    after = line[run.end()] if run.end() < len(line) else ""
    if after in ("", ",", "]", "}", '"', "'") or (after == "#" and line[run.end() - 1] in " \t"):
        return "end"
    if before in "[{,\"'" or (before in ":-" and line[run.start()] in " \t"):
        return "start"
    return None


def _comment_start(line: str) -> int:
    """Where a comment starts on a line of a file that did not parse, by the look of the line:
    a '#' at its start or after a blank, with no quote before it (``len(line)``: none)."""
    match = re.search(r"(?:^|[ \t])#", line)
    if match is None or "'" in line[: match.start()] or '"' in line[: match.start()]:
        return len(line)
    return match.end() - 1


def _joins(line: str, column: int) -> bool:
    """A joiner between two characters beyond ASCII (letters of a script, parts of an emoji)
    joins them, as meant."""
    before = line[column - 1] if column else " "
    after = line[column + 1] if column + 1 < len(line) else " "
    return (
        not before.isascii()
        and not after.isascii()
        and before not in _BLANKS
        and (after not in _BLANKS)
    )


def _name(char: str) -> str:
    """``a non-breaking space (U+00A0)``, ``a thin space (U+2009)``."""
    name = _NAMES.get(char)
    if name is None:
        words = unicodedata.name(char).lower()
        name = f"{'an' if words[0] in 'aeiou' else 'a'} {words}"
    return f"{name} (U+{ord(char):04X})"


class _Said(NamedTuple):
    """The words of a character's finding: line ``number``, the character's ``name``, ``where``
    it is (see ``_Scan._where``), and what it is in (``kind``: ``key``, ``value``, or ``""``
    in a file that did not parse; ``subject``: how the message names it)."""

    number: int
    name: str
    where: str
    line: str
    column: int
    kind: str
    subject: str

    def space(self) -> tuple[str, str]:
        """The message and fix of a look-alike space."""
        number, name, where = self.number, self.name, self.where
        looks = "which looks like a space but is not"
        if where == "indent":
            return (
                f"Line {number} is indented with {name}, {looks}: YAML does not count it as "
                "indentation, so the line is not read where it appears to be.",
                _REPLACE,
            )
        if where in ("colon", "dash"):
            sign = "the colon" if where == "colon" else "the '-'"
            what = "a field" if where == "colon" else "a list item"
            return (
                f"Line {number} has {name} after {sign}, {looks}: YAML reads {what} only where "
                f"a plain space follows {sign}.",
                _REPLACE,
            )
        if where in ("start", "end"):
            return (
                f"Line {number} contains {name} at the {where} of {self.subject}, {looks}: "
                f"YAML keeps it as part of the {self.kind or 'value'}.",
                _DELETE,
            )
        if where == "key":
            return (
                f"Line {number} contains {name} in {self.subject}, {looks}: the key is not the "
                "field it looks like.",
                _REPLACE,
            )
        return (
            f"Line {number} contains {name} {_between(self.line, self.column)}, {looks}: the "
            "text reads the same, but a search or a comparison finds another character there "
            "(word processors put it in to keep words on one line).",
            _REPLACE,
        )

    def invisible(self) -> tuple[str, str]:
        """The message and fix of an invisible character."""
        places = {
            "indent": "at the start of the line",
            "colon": "after the colon",
            "dash": "after the '-'",
            "start": f"at the start of {self.subject}",
            "end": f"at the end of {self.subject}",
            "key": f"in {self.subject}",
        }
        place = places.get(self.where) or _between(self.line, self.column)
        effect = {
            "": "YAML reads it as part of the text around it",
            "key": "the key is not the field it looks like",
            "value": "YAML keeps it in the value, which is not the text it looks like",
        }[self.kind]
        # Where YAML needs a space (after ':' or '-'), deleting it would join what it parts.
        fix = _REPLACE if self.where in ("colon", "dash") else _DELETE
        return (
            f"Line {self.number} contains {self.name}, an invisible character, {place}: {effect}.",
            fix,
        )


def _fix(description: str, *edits: Edit, safe: bool = True) -> Autofix:
    return Autofix(description, edits, safe)


def _replaced(span: Span, name: str, fix: str, safe: bool) -> Autofix:
    """The autofix of one character: deleted, or replaced with a plain space, as the
    finding's fix (``fix``) says."""
    if fix == _DELETE:
        return _fix(f"Delete {name}", Edit(span, ""), safe=safe)
    return _fix(f"Replace {name} with a plain space", Edit(span, " "), safe=safe)


def _the(name: str) -> str:
    """``a non-breaking space (U+00A0)`` -> ``the non-breaking space (U+00A0)``."""
    return "the " + name.partition(" ")[2]


def _blanks(run: str) -> str:
    """``a space``, ``3 spaces``, ``a tab``, ``2 tabs``, ``4 spaces and tabs``."""
    kinds = set(run)
    if len(kinds) > 1:
        return f"{len(run)} spaces and tabs"
    word = "space" if kinds == {" "} else "tab"
    return f"a {word}" if len(run) == 1 else f"{len(run)} {word}s"


def _between(line: str, column: int) -> str:
    """``between 'Mass' and 'timber'``: the words either side of a character (without the
    quotes of a quoted value)."""
    found = re.search(f"[^{_BLANKS}]{{1,30}}$", line[max(0, column - 30) : column])
    before = found.group().strip("'\"") if found else ""
    found = re.match(f"[^{_BLANKS}]{{1,30}}", line[column + 1 : column + 31])
    after = found.group().strip("'\"") if found else ""
    if before and after:
        return f"between '{before}' and '{after}'"
    if before:
        return f"after '{before}'"
    return f"before '{after}'" if after else "here"


def _cleaned(text: str, plain: bool) -> str:
    """``text`` with its invisible characters deleted (joiners that join kept) and the
    look-alike spaces at its edges deleted (for plain text, plain spaces too, as YAML would
    have)."""
    text = _ODD.sub(lambda m: _kept(m, text), text)
    if plain:
        return text.strip(" \t" + SPACES)
    lead = len(text) - len(text.lstrip(_BLANKS))
    tail = len(text.rstrip(_BLANKS))
    drop = str.maketrans("", "", SPACES)
    return text[:lead].translate(drop) + text[lead:tail] + text[tail:].translate(drop)


def _kept(match: re.Match[str], text: str) -> str:
    char = match.group()
    if char in _INVISIBLE and not (char in _JOINERS and _joins(text, match.start())):
        return ""
    return char


def _reread(text: str) -> Any:
    """A plain scalar's text read as YAML reads it: ``60`` is the number 60, ``true`` true."""
    tag = next((t for t, pattern in _IMPLICIT.get(text[:1], ()) if pattern.match(text)), _STR)
    if tag not in _REREAD or (tag in (_INT, _FLOAT) and _YAML11_NUMBER.match(text)):
        return text
    try:
        return _CONSTRUCT.yaml_constructors[tag](_CONSTRUCT, ScalarNode(tag, text))
    except (ValueError, TypeError, OverflowError):  # an impossible date, say: the text
        return text


def _inside_curly(text: str) -> str | None:
    """The text between the curly quotes that open and close ``text`` (with none of its kind
    between them: ``\u201ca\u201d and \u201cb\u201d`` is not one quotation), else None."""
    if len(text) < 2 or text[0] not in _CURLY or text[-1] != _CURLY[text[0]]:
        return None
    inner = text[1:-1]
    if text[0] in inner or (text[0] == "\u201c" and "\u201d" in inner):
        return None
    return inner


def _continues(before: ScalarNode, item: ScalarNode, prose: bool) -> bool:
    """True when the flow-list ``item`` reads as the rest of the item ``before`` it: it starts
    with ``or``/``and``, is a number in a list of text (``prose``: another item has several
    words), or is a short ``Level 1`` after an item of three words or more."""
    words = item.value.split()
    if item.tag == _STR and words and words[0] in _JOINING_WORDS:
        return True
    if item.tag in (_INT, _FLOAT):
        return prose
    return bool(_QUALIFIER.fullmatch(item.value)) and len(before.value.split()) > 2


def _continues_text(before: tuple[Node, Node], pair: tuple[Node, Node]) -> bool:
    """True when the key of ``pair`` reads as text continued from the value ``before`` it: a
    key of several words, on the line after a value of several words, with a plain value."""
    _, previous = before
    key, value = pair
    return (
        isinstance(key, ScalarNode)
        and not key.style
        and key.tag == _STR
        and " " in key.value.strip()
        and not key.value.startswith("x-")
        and isinstance(value, ScalarNode)
        and not value.style
        and isinstance(previous, ScalarNode)
        and not previous.style
        and previous.tag == _STR
        and len(previous.value.split()) > 1
        and previous.end_mark.line + 1 == key.start_mark.line
    )


def _quoted(text: str) -> str:
    """``text`` as a YAML quoted value: in double quotes, or in single quotes when it holds a
    double quote or a backslash."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def _shown(text: str) -> str:
    """A value as a message quotes it: on one line, at most ``_SHOWN`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."
