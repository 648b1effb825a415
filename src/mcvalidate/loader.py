"""From bytes to a :class:`Document`: data, a JSON-pointer-to-position map, and load problems.

The file is composed once with LibYAML (``CSafeLoader``; the pure-Python loader only where
LibYAML is missing) and the Python data is built by walking that node tree ourselves. Walking
it ourselves is what gives every key and value its position, and it is also where the things
``yaml.safe_load`` hides are caught: duplicate keys, merge keys, tags that are not plain YAML
data, impossible dates and over-long integers. Nothing in a file can make Python run code:
only the plain YAML scalar, sequence and mapping tags are ever constructed.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode

from mcvalidate.findings import Problem, Span
from mcvalidate.syntax import syntax_problem

# LibYAML is the fast path; the pure loader keeps mcvalidate working where PyYAML was built
# without it. Both compose the same node tree with the same marks.
_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = (
    yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
)

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "null", "bool", "int", "float", "timestamp")}
_MERGE_TAG = _TAG + "merge"
# Only the scalar constructors are used, and they keep no state between calls.
_CONSTRUCT = yaml.constructor.SafeConstructor()
# The line breaks YAML 1.1 (and so LibYAML) counts when it numbers lines.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# Python refuses to turn an integer of more than 4,300 digits into text; refuse it first.
_MAX_INT_BITS = 14_000


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep a hostile or broken file from exhausting time or memory."""

    max_bytes: int = 10 * 1024 * 1024
    max_nodes: int = 250_000
    max_depth: int = 64


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
    _lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        """The text split the way YAML counts lines (computed once, only when needed)."""
        if self._lines is None:
            self._lines = _LINE_BREAK.split(self.text)
        return self._lines

    def location(self, pointer: str) -> Location | None:
        """Where the value at ``pointer`` is, if the file wrote one."""
        entry = self.nodes.get(pointer)
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

    def first_line_of(self, span: Span) -> Span:
        """``span`` cut to its first line: where a multi-line value is marked."""
        if span.end_line == span.line:
            return span
        line = self.lines[span.line - 1] if span.line <= len(self.lines) else ""
        return Span(span.line, span.column, span.line, max(span.column, len(line) + 1))


def escape(token: str) -> str:
    """Escape one reference token of an RFC 6901 JSON pointer."""
    return token.replace("~", "~0").replace("/", "~1")


def within(pointer: str, pointers: set[str] | frozenset[str]) -> bool:
    """True when ``pointer`` is one of ``pointers`` or lies inside one of them."""
    if not pointers:
        return False
    probe = pointer
    while True:
        if probe in pointers:
            return True
        if not probe:
            return False
        probe = probe.rpartition("/")[0]


def load(path: str, raw: bytes, limits: Limits | None = None) -> Document:
    """Decode and parse ``raw``; never raises for anything a file can contain."""
    limits = limits or Limits()
    text, problem = _decode(raw, limits)
    doc = Document(path=path, text=text)
    if problem is not None:
        doc.problems.append(problem)
        return doc
    _Builder(doc, limits).build()
    return doc


def too_large(size: int, limits: Limits) -> Problem:
    return Problem(
        "MC007",
        f"The file is {size:,} bytes; the limit is {limits.max_bytes:,} bytes.",
        span=Span(1, 1, 1, 1),
        fix="Split the file, or raise limits.max_bytes in the configuration.",
    )


def _decode(raw: bytes, limits: Limits) -> tuple[str, Problem | None]:
    if len(raw) > limits.max_bytes:
        return "", too_large(len(raw), limits)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError:
            return "", _bad_bytes(b"", 0, "The file is not valid UTF-16 text.")
    # Positions are counted after a byte-order mark, as in the text the parser sees.
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    nul = body.find(b"\x00")
    if nul >= 0:
        return "", _bad_bytes(
            body, nul, "This is a binary file (it contains a NUL byte), not YAML."
        )
    try:
        return body.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return "", _bad_bytes(body, exc.start, "The file is not valid UTF-8 text.")


def _bad_bytes(raw: bytes, offset: int, message: str) -> Problem:
    # Lines as YAML counts them; the column in code points, like every column.
    lines = _LINE_BREAK.split(raw[:offset].decode("utf-8", errors="replace"))
    line, column = len(lines), len(lines[-1]) + 1
    return Problem(
        "MC002",
        message,
        span=Span(line, column, line, column + 1),
        fix="Save the file as UTF-8 text (most editors offer this under 'Save with encoding').",
    )


class _Builder:
    """Composes the node tree once, measures it, then builds data and positions in one walk."""

    def __init__(self, doc: Document, limits: Limits) -> None:
        self.doc = doc
        self.limits = limits
        self.sizes: dict[int, int] = {}
        self.count = 0

    def build(self) -> None:
        doc = self.doc
        deep = _too_deep(doc.text, self.limits.max_depth)
        if deep is not None:
            # Checked before LibYAML sees the text: some builds of it crash the process on
            # collections nested tens of thousands deep.
            doc.problems.append(
                Problem(
                    "MC007",
                    f"Lists or mappings are nested more than {self.limits.max_depth} levels deep.",
                    span=Span(*deep, deep[0], deep[1] + 1),
                    fix="A course file is only a few levels deep: check the brackets and the "
                    "dashes.",
                )
            )
            return
        loader = _Loader(doc.text)
        try:
            root = loader.get_node() if loader.check_node() else None
            event = loader.peek_event()
            if _is_empty(root) and not isinstance(event, yaml.DocumentStartEvent):
                doc.problems.append(
                    Problem(
                        "MC005",
                        "The file is empty: it holds no YAML document.",
                        span=Span(1, 1, 1, 1),
                        fix="Start from one of the examples; a course needs at least a title.",
                    )
                )
                return
            if isinstance(event, yaml.DocumentStartEvent):
                line, column = _position(event.start_mark)
                doc.problems.append(
                    Problem(
                        "MC005",
                        "The file holds more than one YAML document; a course file holds one.",
                        span=Span(line, column, line, column + 3),
                        fix="Put each course in a file of its own, and remove the '---' line.",
                    )
                )
        except yaml.MarkedYAMLError as exc:
            doc.problems.append(syntax_problem(exc, doc.lines))
            return
        except yaml.YAMLError as exc:  # ReaderError: a character YAML does not allow
            doc.problems.append(self._reader_problem(exc))
            return
        finally:
            loader.dispose()
        if root is None or _is_empty(root):
            return  # several documents, the first one empty: reported above
        if not isinstance(root, MappingNode):
            kind = "a list" if isinstance(root, SequenceNode) else "a single value"
            doc.problems.append(
                Problem(
                    "MC005",
                    f"The top level of a course file must be a mapping of fields; this file "
                    f"holds {kind}.",
                    span=self._span(root),
                    fix="Write the course as 'field: value' lines, starting with 'title:'.",
                )
            )
            return
        try:
            if "*" in doc.text:  # aliases are possible: measure what they expand to first
                self._measure(root, 0)
                if self.sizes[id(root)] > self.limits.max_nodes:
                    doc.problems.append(self._too_many(root))
                    return
            doc.data = self._value(root, "", 0)
        except _LimitReached as stop:
            doc.problems.append(stop.problem)
            doc.data = None
            return
        doc.nodes[""] = (None, root)

    # -- limits -----------------------------------------------------------------------------

    def _measure(self, node: Node, depth: int) -> int:
        """How many values ``node`` expands to, aliases included; each node is measured once,
        so an alias bomb is caught in time linear in the file, before anything is expanded."""
        known = self.sizes.get(id(node))
        if known is not None:
            return known
        if depth > self.limits.max_depth:
            raise _LimitReached(self._too_deep(node))
        size = 1
        if isinstance(node, SequenceNode):
            size += sum(self._measure(item, depth + 1) for item in node.value)
        elif isinstance(node, MappingNode):
            size += sum(
                self._measure(k, depth) + self._measure(v, depth + 1) for k, v in node.value
            )
        self.sizes[id(node)] = size
        return size

    def _too_deep(self, node: Node) -> Problem:
        return Problem(
            "MC007",
            f"Values are nested more than {self.limits.max_depth} levels deep.",
            span=self._span(node),
            fix="A course file is only a few levels deep: check the brackets and the indentation.",
        )

    def _too_many_here(self, node: Node) -> Problem:
        return Problem(
            "MC007",
            f"The file holds more than {self.limits.max_nodes:,} values; checking stopped here.",
            span=self.doc.first_line_of(self._span(node)),
            fix="Split the file, or raise limits.max_nodes in the configuration if the file "
            "really is this large.",
        )

    def _too_many(self, root: Node) -> Problem:
        """A finding at the innermost value that alone expands beyond the limit."""
        node, limit = root, self.limits.max_nodes
        while True:
            children: list[Node] = []
            if isinstance(node, SequenceNode):
                children = list(node.value)
            elif isinstance(node, MappingNode):
                children = [v for _, v in node.value]
            bigger = next((c for c in children if self.sizes[id(c)] > limit), None)
            if bigger is None:
                break
            node = bigger
        return Problem(
            "MC007",
            f"This value expands to {self.sizes[id(node)]:,} values (through aliases, or by "
            f"sheer size); the limit is {limit:,}.",
            span=self.doc.first_line_of(self._span(node)),
            fix="Remove the repeated aliases ('*name'), or raise limits.max_nodes in the "
            "configuration if the file really is this large.",
        )

    # -- positions --------------------------------------------------------------------------

    def _span(self, node: Node) -> Span:
        return self.doc.span(node)

    def _reader_problem(self, exc: yaml.YAMLError) -> Problem:
        position = getattr(exc, "position", 0) or 0
        if _Loader is not yaml.SafeLoader:  # LibYAML counts UTF-8 bytes, Python characters
            encoded = self.doc.text.encode("utf-8", errors="surrogatepass")
            position = len(encoded[:position].decode("utf-8", errors="ignore"))
        before = self.doc.text[:position]
        parts = _LINE_BREAK.split(before)
        line, column = len(parts), len(parts[-1]) + 1
        return Problem(
            "MC001",
            f"The file contains a character YAML does not allow ({getattr(exc, 'reason', exc)}).",
            span=Span(line, column, line, column + 1),
            fix="Delete the invisible control character at this position.",
        )

    # -- construction -----------------------------------------------------------------------

    def _value(self, node: Node, pointer: str, depth: int) -> Any:
        if depth > self.limits.max_depth:
            raise _LimitReached(self._too_deep(node))
        if isinstance(node, ScalarNode):
            return self._scalar(node, pointer)
        self.count += len(node.value)
        if self.count > self.limits.max_nodes:
            raise _LimitReached(self._too_many_here(node))
        if node.tag not in (_TAG + "seq", _TAG + "map"):
            return self._refuse_tag(node, pointer)
        if isinstance(node, SequenceNode):
            items = []
            nodes = self.doc.nodes
            for index, item in enumerate(node.value):
                child = f"{pointer}/{index}"
                nodes[child] = (None, item)
                items.append(self._value(item, child, depth + 1))
            return items
        assert isinstance(node, MappingNode)
        return self._mapping(node, pointer, depth)

    def _mapping(self, node: MappingNode, pointer: str, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        nodes = self.doc.nodes
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                self.doc.problems.append(
                    Problem(
                        "MC006",
                        "Merge keys ('<<') are not part of the course format (YAML 1.2 dropped "
                        "them), so the merged fields were not read.",
                        pointer=pointer,
                        span=self._span(key_node),
                        fix="Write the fields out in full instead of merging them in.",
                    )
                )
                continue
            if not isinstance(key_node, ScalarNode):
                self.doc.problems.append(
                    Problem(
                        "MC011",
                        "A key must be a plain name, not a list or a mapping.",
                        pointer=pointer,
                        span=self._span(key_node),
                        fix="Use a plain word such as 'title' as the key.",
                    )
                )
                continue
            key = key_node.value
            child = f"{pointer}/{escape(key)}"
            if key_node.tag not in _SCALAR_TAGS:
                self._refuse_tag(key_node, child)
                continue
            if key in result or child in self.doc.tainted:
                first = nodes.get(child, (None, None))[0]
                where = f" (first at line {first.start_mark.line + 1})" if first else ""
                self.doc.problems.append(
                    Problem(
                        "MC003",
                        f"The key '{key}' appears twice in the same mapping{where}; YAML "
                        "readers silently keep only one of the two values.",
                        pointer=child,
                        span=self._span(key_node),
                        fix=f"Remove one of the '{key}' entries, or merge their contents.",
                    )
                )
                continue
            nodes[child] = (key_node, value_node)
            value = self._value(value_node, child, depth + 1)
            if child not in self.doc.tainted:
                result[key] = value
        return result

    def _scalar(self, node: ScalarNode, pointer: str) -> Any:
        tag = node.tag
        if tag not in _SCALAR_TAGS:
            return self._refuse_tag(node, pointer)
        if tag == _TAG + "str":
            return node.value
        try:
            value = _CONSTRUCT.yaml_constructors[tag](_CONSTRUCT, node)
            too_long = tag == _TAG + "int" and value.bit_length() > _MAX_INT_BITS
        except ValueError:
            # Python refuses to read an integer of more than 4,300 digits.
            too_long, value = tag == _TAG + "int" and len(node.value) > 4000, None
            if not too_long:
                return self._misfit(node, pointer)
        except (KeyError, AttributeError, TypeError, OverflowError):
            return self._misfit(node, pointer)
        if too_long:
            return self._unreadable(
                node,
                pointer,
                f"The number '{node.value[:20]}...' is too long to read "
                f"({len(node.value):,} characters).",
                "Write a realistic number, or quote the value if it is meant as text.",
            )
        return value

    def _misfit(self, node: ScalarNode, pointer: str) -> Any:
        """A scalar whose text does not fit its type ('!!bool maybe', '!!float sixty',
        '2024-13-45', '0b_'); PyYAML's constructors fail on these in several ways."""
        tag = node.tag
        if tag == _TAG + "timestamp":
            # An impossible date: keep the text, and let the schema say that it is not a date
            # where a date is expected.
            return node.value
        kind = {"bool": "true or false", "null": "an empty value"}.get(tag[len(_TAG) :], "a number")
        return self._unreadable(
            node,
            pointer,
            f"'{node.value[:40]}' is not {kind}.",
            "Write the value plainly (without a '!!' tag), or quote it if it is text.",
        )

    def _unreadable(self, node: ScalarNode, pointer: str, message: str, fix: str) -> None:
        self.doc.problems.append(
            Problem("MC012", message, pointer=pointer, span=self._span(node), fix=fix)
        )
        self.doc.tainted.add(pointer)

    def _refuse_tag(self, node: Node, pointer: str) -> None:
        tag = node.tag
        shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
        if tag.startswith(_TAG + "python/"):
            why = "it asks to create a Python object, which mcvalidate never does"
        else:
            why = "only plain text, numbers, dates, true/false, lists and mappings are read"
        self.doc.problems.append(
            Problem(
                "MC004",
                f"The tag '{shown}' is not allowed: {why}.",
                pointer=pointer,
                span=self._span(node),
                fix="Remove the tag (the word starting with '!') and write the value plainly.",
            )
        )
        self.doc.tainted.add(pointer)
        return None


_FLOW_TOKENS = re.compile("[][{}'\"#]|\r\n|[\r\n\x85\u2028\u2029]")


_BREAKS = frozenset(("\r\n", "\r", "\n", "\x85", "\u2028", "\u2029"))


def _too_deep(text: str, limit: int) -> tuple[int, int] | None:
    """Where collections first nest deeper than ``limit`` (1-based line and column), if they
    do: brackets, or block sequences opened on one line (``- - - x``). Nesting by indentation
    cannot reach a dangerous depth within the file-size limit. Quoted text and comments are
    skipped; only the bracket characters are visited."""
    dashes = _dash_run(limit).search(text) if text.count("- ") > limit else None
    if dashes is not None:
        lines = _LINE_BREAK.split(text[: dashes.start(1)])  # up to the first dash too many
        return len(lines), len(lines[-1]) + 1
    if _deep_indent(limit).search(text):
        deep = _indented_too_deep(text, limit)
        if deep is not None:
            return deep
    if text.count("[") + text.count("{") <= limit:
        return None
    depth, line, line_start, quote, comment = 0, 1, 0, "", False
    for match in _FLOW_TOKENS.finditer(text):
        char, at = match.group(), match.start()
        if char in _BREAKS:
            line, line_start, comment = line + 1, at + len(char), False
        elif comment:
            continue
        elif quote:
            if char == quote and not (quote == '"' and _escaped(text, at)):
                quote = ""
        elif char == "#" and (at == 0 or text[at - 1] in " \t\n"):
            comment = True
        elif char in "'\"":
            if at == 0 or text[at - 1] in " \t\n[{,:":
                quote = char
        elif char in "[{":
            depth += 1
            if depth > limit:
                return line, at - line_start + 1
        elif depth:
            depth -= 1
    return None


def _indented_too_deep(text: str, limit: int) -> tuple[int, int] | None:
    """Where block mappings, nested by indentation, first go deeper than ``limit``: each line
    indented further than the one it belongs to opens one more level."""
    stack: list[int] = []
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
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
    """More than ``limit`` block-sequence dashes at the start of one line."""
    return re.compile(rf"^[ \t]*(?:-[ \t]+){{{limit}}}(-)[ \t]", re.MULTILINE)


def _escaped(text: str, at: int) -> bool:
    backslashes = 0
    while at - backslashes - 1 >= 0 and text[at - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _position(mark: Any) -> tuple[int, int]:
    """1-based line and column of a parser mark (the start of the file if there is none)."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _is_empty(root: Node | None) -> bool:
    """No document, or a document holding nothing (a lone '---', or only comments)."""
    return root is None or (
        isinstance(root, ScalarNode) and root.tag == _TAG + "null" and root.value == ""
    )


class _LimitReached(Exception):
    """Stops the walk when a file is larger or deeper than the limits allow."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem
