"""From bytes to a :class:`Document`: data, a JSON-pointer-to-position map, and load problems.

The file is composed once with LibYAML (``CSafeLoader``; the pure-Python loader only where
LibYAML is missing) and the Python data is built by walking that node tree ourselves. Walking
it ourselves is what gives every key and value its position, and it is also where the things
``yaml.safe_load`` hides are caught: duplicate keys, merge keys, tags that are not plain YAML
data, impossible dates and over-long integers. Nothing in a file can make Python run code:
only the plain YAML scalar, sequence and mapping tags are ever constructed.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from mcvalidate.document import Document, position_at
from mcvalidate.findings import Problem, Span
from mcvalidate.format_rules import (
    DUPLICATE_KEY,
    INVALID_TYPE,
    INVALID_VALUE,
    MERGE_KEY,
    NOT_A_MAPPING,
    UNREADABLE,
    UNSAFE_TAG,
    YAML_SYNTAX,
)
from mcvalidate.limits import Limits, too_deep, too_large, too_many
from mcvalidate.pointer import escape
from mcvalidate.prescan import first_nesting_beyond
from mcvalidate.syntax import syntax_problem

_TAG = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP, _INT = (_TAG + kind for kind in ("str", "seq", "map", "int"))
# A plain scalar's tag is remembered for texts this short, and for this many distinct texts
# per process (a catalogue's keys and values repeat from file to file, and the first files
# give nearly all that repeat: more would hold the texts of one file alone, the memory of a
# run growing with it until full).
_REMEMBERED_LENGTH = 64
_REMEMBERED = 2048


def _remembering(base: type[Any]) -> type[Any]:
    """``base`` with a faster tag resolver. LibYAML composes in C but asks the Python
    resolver for every node's tag, running the implicit resolvers' regular expressions on each
    plain scalar, and calls the path resolvers' hooks around every node; PyYAML's safe loader
    has no path resolver, so its answer for a plain scalar depends on the text alone, a quoted
    scalar is a string and a collection has its default tag. The answers are the same (a test
    compares every node of the YAML test suite)."""
    if base.yaml_path_resolvers:  # not PyYAML's safe loader as it ships: nothing to assume
        return base
    plain: dict[str, str] = {}
    resolve = base.resolve

    class Loader(base):  # type: ignore[misc]
        def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
            if kind is ScalarNode:
                if not implicit[0]:
                    return _STR
                tag = plain.get(value)
                if tag is None:
                    tag = resolve(self, kind, value, implicit)
                    if len(value) <= _REMEMBERED_LENGTH and len(plain) < _REMEMBERED:
                        plain[value] = tag
                return tag
            return _SEQ if kind is SequenceNode else _MAP

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None

    return Loader


# LibYAML is the fast path; the pure loader keeps mcvalidate working where PyYAML was built
# without it. Both compose the same node tree with the same marks.
_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = _remembering(
    yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
)

_SCALAR_TAGS = {_TAG + t for t in ("str", "null", "bool", "int", "float", "timestamp")}
_MERGE_TAG = _TAG + "merge"
_COLLECTION_TAGS = frozenset({_SEQ, _MAP})
# Only the scalar constructors are used, and they keep no state between calls.
_CONSTRUCT = yaml.constructor.SafeConstructor()
_NUMBER_TAGS = (_TAG + "int", _TAG + "float")
# Plain numbers YAML 1.1 reads in base 60 (1:30, 2:15:00) or in octal (010, -0755).
_YAML11_NUMBER = re.compile(r"^[-+]?(?:[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|0[0-7_]+)$")
# Python refuses to turn an integer of more than 4,300 digits into text; refuse it first.
_MAX_INT_BITS = 14_000


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


def text_of(raw: bytes, limits: Limits) -> str:
    """The text of a file already checked, decoded as the check decoded it ("" when it could
    not be): what a later look at its comments (an ignore of a check across files) reads."""
    return _decode(raw, limits)[0]


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
    """A file that is not text: lines are counted in bytes (``\n``, as an editor or a hex
    viewer shows them; YAML's other line breaks mean nothing in a file that is not text), the
    column in code points of the line decoded with every bad byte replaced."""
    start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[start:offset].decode("utf-8", errors="replace")) + 1
    return Problem(
        UNREADABLE,
        message,
        span=Span(line, column, line, column + 1),
        fix="Save the file as UTF-8 text (most editors offer this under 'Save with encoding').",
    )


class _Builder:
    """Counts the values on the parser's events, composes the node tree once, measures what
    its aliases expand to, then builds data and positions in one walk."""

    def __init__(self, doc: Document, limits: Limits) -> None:
        self.doc = doc
        self.limits = limits
        self.sizes: dict[int, int] = {}

    def build(self) -> None:
        doc = self.doc
        deep = first_nesting_beyond(doc.text, self.limits.max_depth)
        if deep is not None:
            # Checked before LibYAML sees the text: some builds of it crash the process on
            # collections nested tens of thousands deep.
            line, column = deep
            doc.problems.append(
                too_deep(Span(line, column, line, column + 1), self.limits.max_depth)
            )
            return
        many = self._counted_beyond()
        if many is not None:
            doc.problems.append(many)
            return
        loader = _Loader(doc.text)
        try:
            root = loader.get_node() if loader.check_node() else None
            event = loader.peek_event()
            if _is_empty(root) and not isinstance(event, yaml.DocumentStartEvent):
                doc.problems.append(
                    Problem(
                        NOT_A_MAPPING,
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
                        NOT_A_MAPPING,
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
                    NOT_A_MAPPING,
                    f"The top level of a course file must be a mapping of fields; this file "
                    f"holds {kind}.",
                    span=self.doc.span(root),
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

    def _counted_beyond(self) -> Problem | None:
        """The value limit, counted on the parser's events before a node is composed: a file
        of a million values would otherwise be composed whole (seconds and hundreds of
        megabytes) just to be refused. Values are counted as the data walk counts them (a
        list's items, a mapping's pairs, the top level's too), so the two agree; a file no
        longer than the limit is not counted at all, since every value takes a character.
        Aliases count once here: what they expand to is measured on the tree
        (:meth:`_measure`). A syntax error stops the count: composing reports it."""
        limit = self.limits.max_nodes
        if len(self.doc.text) <= limit:
            return None
        parser = _Loader(self.doc.text)
        # Per open collection: is it a mapping, how many nodes it holds so far, where it starts.
        open_: list[tuple[bool, list[int], Any]] = []
        count = 0
        try:
            while parser.check_event():
                event = parser.get_event()
                if isinstance(event, yaml.CollectionEndEvent):
                    open_.pop()
                elif isinstance(event, yaml.DocumentEndEvent):
                    break  # only the first document is composed
                elif isinstance(event, yaml.NodeEvent):
                    if open_:
                        mapping, held, start = open_[-1]
                        held[0] += 1
                        if not mapping or held[0] % 2:  # an item, or a key: one more pair
                            count += 1
                            if count > limit:
                                return self._too_many_from(start)
                    if isinstance(event, yaml.CollectionStartEvent):
                        mapping = isinstance(event, yaml.MappingStartEvent)
                        open_.append((mapping, [0], event.start_mark))
        except yaml.YAMLError:
            return None
        finally:
            parser.dispose()
        return None

    def _too_many_from(self, mark: Any) -> Problem:
        """The value limit, at the first line of the collection that crossed it."""
        line, column = _position(mark)
        text = self.doc.lines[line - 1] if line <= len(self.doc.lines) else ""
        span = Span(line, column, line, max(column, len(text) + 1))
        return too_many(self.limits.max_nodes, self.limits, span, expanded=False)

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
            # A key is one level down too: a key that is an alias of its own mapping
            # (``&a {? *a}``) is then too deep, like a list holding itself, not endless.
            size += sum(
                self._measure(k, depth + 1) + self._measure(v, depth + 1) for k, v in node.value
            )
        self.sizes[id(node)] = size
        return size

    def _too_deep(self, node: Node) -> Problem:
        return too_deep(self.doc.span(node), self.limits.max_depth)

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
        span = self.doc.first_line_of(self.doc.span(node))
        return too_many(self.sizes[id(node)], self.limits, span, expanded=True)

    # -- positions --------------------------------------------------------------------------

    def _reader_problem(self, exc: yaml.YAMLError) -> Problem:
        position = getattr(exc, "position", 0) or 0
        if _Loader is not yaml.SafeLoader:  # LibYAML counts UTF-8 bytes, Python characters
            encoded = self.doc.text.encode("utf-8", errors="surrogatepass")
            position = len(encoded[:position].decode("utf-8", errors="ignore"))
        line, column = position_at(self.doc.text, position)
        return Problem(
            YAML_SYNTAX,
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
        if node.tag not in _COLLECTION_TAGS:
            return self._refuse_tag(node, pointer)
        if isinstance(node, SequenceNode):
            if node.flow_style:
                self.doc.flow_lists.append(pointer)
            items = []
            nodes = self.doc.nodes
            deeper = depth < self.limits.max_depth
            for index, item in enumerate(node.value):
                child = f"{pointer}/{index}"
                nodes[child] = (None, item)
                # A text, the commonest value, without the two calls (see _mapping).
                if item.tag == _STR and type(item) is ScalarNode and deeper:
                    items.append(item.value)
                else:
                    items.append(self._value(item, child, depth + 1))
            return items
        assert isinstance(node, MappingNode)
        return self._mapping(node, pointer, depth)

    def _mapping(self, node: MappingNode, pointer: str, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        nodes, tainted = self.doc.nodes, self.doc.tainted
        deeper = depth < self.limits.max_depth  # a value's depth is allowed (see _value)
        spaced = False
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                self.doc.problems.append(
                    Problem(
                        MERGE_KEY,
                        "Merge keys ('<<') are not part of the course format (YAML 1.2 dropped "
                        "them), so the merged fields were not read.",
                        pointer=pointer,
                        span=self.doc.span(key_node),
                        fix="Write the fields out in full instead of merging them in.",
                    )
                )
                continue
            if not isinstance(key_node, ScalarNode):
                self.doc.problems.append(
                    Problem(
                        INVALID_TYPE,
                        "A key must be a plain name, not a list or a mapping.",
                        pointer=pointer,
                        span=self.doc.span(key_node),
                        fix="Use a plain word such as 'title' as the key.",
                    )
                )
                continue
            key = key_node.value
            spaced = spaced or " " in key
            child = f"{pointer}/{escape(key) if '~' in key or '/' in key else key}"
            if key_node.tag not in _SCALAR_TAGS:
                self._refuse_tag(key_node, child)
                continue
            if key in result or child in tainted:
                first = nodes.get(child, (None, None))[0]
                where = f" (first at line {first.start_mark.line + 1})" if first else ""
                self.doc.problems.append(
                    Problem(
                        DUPLICATE_KEY,
                        f"The key '{key}' appears twice in the same mapping{where}; YAML "
                        "readers silently keep only one of the two values.",
                        pointer=child,
                        span=self.doc.span(key_node),
                        fix=f"Remove one of the '{key}' entries, or merge their contents.",
                    )
                )
                continue
            nodes[child] = (key_node, value_node)
            # A text, the commonest value, is taken as it is, without the calls to _value and
            # _scalar (a tenth of the walk).
            if value_node.tag == _STR and type(value_node) is ScalarNode and deeper:
                value = value_node.value
            else:
                value = self._value(value_node, child, depth + 1)
            if child not in tainted:
                result[key] = value
        if spaced:
            self.doc.spaced_keys.append(pointer)
        return result

    def _scalar(self, node: ScalarNode, pointer: str) -> Any:
        tag = node.tag
        if tag not in _SCALAR_TAGS:
            return self._refuse_tag(node, pointer)
        if tag == _STR:
            return node.value
        if not node.style and tag in _NUMBER_TAGS and _YAML11_NUMBER.match(node.value):
            self.doc.yaml11_numbers[pointer] = node  # judged once the schema has said its word
        try:
            value = _CONSTRUCT.yaml_constructors[tag](_CONSTRUCT, node)
            too_long = tag == _INT and value.bit_length() > _MAX_INT_BITS
        except ValueError:
            # Python refuses to read an integer of more than 4,300 digits.
            too_long, value = tag == _INT and len(node.value) > 4000, None
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
            Problem(INVALID_VALUE, message, pointer=pointer, span=self.doc.span(node), fix=fix)
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
                UNSAFE_TAG,
                f"The tag '{shown}' is not allowed: {why}.",
                pointer=pointer,
                span=self.doc.span(node),
                fix="Remove the tag (the word starting with '!') and write the value plainly.",
            )
        )
        self.doc.tainted.add(pointer)
        return None


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


def yaml11_number(doc: Document, pointer: str, node: ScalarNode) -> Problem:
    """A plain number that YAML 1.1 (and so this reader) reads unlike how it looks: ``1:30``
    is the base-60 number 90, ``010`` the octal number 8. YAML 1.2 and most other tools read
    them differently, so a field that takes a number must not silently take either reading
    (where the field takes text, the schema already says to quote it)."""
    text = node.value
    read = _CONSTRUCT.yaml_constructors[node.tag](_CONSTRUCT, node)
    if ":" in text:
        why = f"YAML 1.1 reads '{text}' as the base-60 number {read}"
        fix = "Write the number you mean (1.5 for an hour and a half), or quote the text."
    else:
        why = f"YAML 1.1 reads '{text}' as the octal number {read}"
        fix = f"Write it without the leading zero ({text.lstrip('0') or '0'}), or quote it."
    return Problem(
        INVALID_VALUE,
        f"{why}, which is probably not what is meant.",
        pointer=pointer,
        span=doc.span(node),
        fix=fix,
    )
