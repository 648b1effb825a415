"""The checks across the files of one run, which form a catalogue: duplicate course ids,
pathway entries that name no course of it, and pathways that lead in a circle.

They are decided once every file is checked, from what each file's check kept of it (its
:class:`Exposed`: an id and the pathway entries written as ids), so a run never keeps the
files' findings and a ``--jobs`` run decides them exactly as a serial one. Their findings are
reported after the files', for the files they concern, and go through the same selection,
severities, suppressions and baselines as every other finding.
"""

from __future__ import annotations

import contextlib
from collections import Counter, deque
from collections.abc import Iterator
from typing import IO

from mcvalidate.findings import Exposed, FileResult, Link, Problem, Span
from mcvalidate.format_rules import DUPLICATE_COURSE_ID, PATHWAY_CYCLE, UNKNOWN_PATHWAY_TARGET
from mcvalidate.text import listing

# At most this many other files are named in one message.
_NAMED = 5
# A long circle is shown by this many courses at each end.
_ENDS = 4


class Catalogue:
    """The files of a run, as far as the checks across them need to know them.

    What each file exposes is written into one growing buffer, its path as the part that
    differs from the path before it (a catalogue's paths share long prefixes), so that a
    file costs about fifty bytes however large the run: a Python object per file was several
    hundred, and a run of a hundred thousand files grew by as many megabytes. The checks
    read the buffer again at the end, a few times over; what they hold then is proportional
    to the files concerned (the ids seen more than once, the pathway entries and their
    courses), not to the catalogue. An id is told to be possibly seen before by a bit set of
    fixed size (a Bloom filter): only those ids, most of them true duplicates, are gathered
    exactly. Past :data:`_SPILL` bytes the buffer is written out, block by block, to a
    temporary file (deleted when the run ends), so the catalogue holds at most a block in
    memory whatever the number of files; where no temporary file can be written, it stays
    in memory."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._spilt: IO[bytes] | None = None  # the blocks written out, in order
        self._closing = contextlib.ExitStack()  # the temporary file, once there is one
        self._spill_to = _SPILL  # 0 once a temporary file could not be written
        self._last_path = b""
        self._count = 0
        self._bits = bytearray(_BLOOM_BYTES)
        self._again: set[str] = set()  # ids the bit set has seen before (perhaps wrongly)
        self._targets: set[str] = set()  # the ids pathway entries name
        self.reported: set[str] = set()  # the files with findings among those concerned

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *exc: object) -> None:
        """Delete the temporary file, if the records were written out."""
        self._closing.close()

    def add(self, result: FileResult) -> None:
        """Keep what ``result`` exposes; ``result`` as reported (after any baseline)."""
        exposed = result.exposed
        if exposed is None:
            return
        self._count += 1
        path = result.path.encode("utf-8", "surrogatepass")
        shared = _shared_prefix(self._last_path, path)
        self._last_path = path
        suffix, course_id, span = path[shared:], _encoded(exposed.id), exposed.span
        flags = bool(exposed.stated) | bool(result.findings) << 1
        # The numbers first, then the texts they measure: in one step where every number is
        # below 128 (a byte each), as nearly all are.
        numbers = (shared, len(suffix), len(course_id), flags, *_numbers(span), len(exposed.links))
        out = self._buffer
        _put_ints(out, numbers)
        out += suffix
        out += course_id
        for link in exposed.links:
            target, pointer = _encoded(link.target), _encoded(link.pointer)
            _put_ints(out, (len(target), len(pointer), *_numbers(link.span)))
            out += target
            out += pointer
            self._targets.add(link.target)
        if self._seen_before(exposed.id):
            self._again.add(exposed.id)
        if self._spill_to and len(out) >= self._spill_to:
            self._spill()

    def _spill(self) -> None:
        """Write the buffer out as one block (its size, then its records) and empty it."""
        try:
            if self._spilt is None:
                import tempfile

                with contextlib.ExitStack() as opening:
                    spilt = opening.enter_context(tempfile.TemporaryFile(prefix="mcvalidate-"))
                    self._closing = opening.pop_all()  # open until the run's end
                self._spilt = spilt
        except OSError:
            self._spill_to = 0  # no temporary file: the rest stays in memory
            return
        end = self._spilt.tell()
        try:
            self._spilt.write(len(self._buffer).to_bytes(8, "little"))
            self._spilt.write(self._buffer)
            self._spilt.flush()
        except OSError:  # a full disk: the blocks written stay, the rest stays in memory
            self._spill_to = 0
            with contextlib.suppress(OSError):
                self._spilt.seek(end)
                self._spilt.truncate()
            return
        self._buffer = bytearray()

    def _blocks(self) -> Iterator[bytes | bytearray]:
        """The records written so far, block by block: those written out, then the buffer.
        A block ends with a record: no record is ever split between two."""
        spilt = self._spilt
        if spilt is not None:
            spilt.seek(0)
            while size := int.from_bytes(spilt.read(8), "little"):
                yield spilt.read(size)
        yield self._buffer

    def _seen_before(self, course_id: str) -> bool:
        """Mark ``course_id`` in the bit set; True when all its bits were set already. The
        bits are ``a + i*b`` for the two halves of the id's hash (the process's own: the bit
        set lives and dies in this process)."""
        value = hash(course_id) & 0xFFFF_FFFF_FFFF_FFFF
        first, step = value & 0xFFFF_FFFF, value >> 32 | 1
        bits, already = self._bits, True
        for index in range(_BLOOM_HASHES):
            bit = (first + index * step) % _BLOOM_BITS
            byte, mask = bit >> 3, 1 << (bit & 7)
            if not bits[byte] & mask:
                already = False
                bits[byte] |= mask
        return already

    def _files(self) -> Iterator[tuple[str, Exposed, bool]]:
        """``(path, exposed, has findings)`` of each file, in run order, from the buffer."""
        last = b""
        for block in self._blocks():
            reader = _Reader(block)
            while not reader.done():
                shared, suffix, size, flags, *where, count = reader.ints(9)
                last = last[:shared] + reader.bytes(suffix)
                course_id = reader.text(size)
                links = []
                for _ in range(count):
                    target, pointer, *place = reader.ints(6)
                    links.append(Link(reader.text(target), reader.text(pointer), Span(*place)))
                path = last.decode("utf-8", "surrogatepass")
                exposed = Exposed(course_id, bool(flags & 1), Span(*where), tuple(links))
                yield path, exposed, bool(flags & 2)

    def problems(self) -> Iterator[tuple[str, list[Problem]]]:
        """Each file with problems across the catalogue, and those problems, in run order."""
        if not self._again and not self._targets:
            return  # no id seen twice, no pathway entry naming an id: nothing to read again
        # The holders of the ids that may be held twice, and how many files hold each id a
        # pathway names: the ids that matter, each counted exactly.
        holders: dict[str, list[tuple[str, Exposed]]] = {}
        named: Counter[str] = Counter()
        for path, exposed, _ in self._files():
            if exposed.id in self._again:
                holders.setdefault(exposed.id, []).append((path, exposed))
            if exposed.id in self._targets:
                named[exposed.id] += 1
        twice = {i for i, held in holders.items() if len(held) > 1}
        found: dict[str, list[Problem]] = {}
        for course_id in twice:
            held = holders[course_id]
            for path, exposed in held:
                others = [p for p, _ in held if p != path] or [path]
                found.setdefault(path, []).append(_duplicate(exposed, others))
        # A circle runs through courses that have pathway entries, each held by one file.
        linked: dict[str, tuple[str, Exposed]] = {}
        for path, exposed, _ in self._files() if self._targets else ():
            if not exposed.links:
                continue
            if self._count > 1:
                found.setdefault(path, []).extend(
                    _unknown(link) for link in exposed.links if not named[link.target]
                )
            if exposed.id not in twice:
                linked[exposed.id] = (path, exposed)
        for path, link, circle in _circles(linked):
            found.setdefault(path, []).append(_circle(link, circle))
        if not found:
            return
        for path, _, reported in self._files():
            if found.get(path):
                if reported:
                    self.reported.add(path)
                yield path, found.pop(path)


# The bit set that tells an id seen before: 2^23 bits (1 MiB), four bits an id. A hundred
# thousand ids set 4% of it, and an id seen once is then taken for one seen before about
# once in 300,000 (it is then only gathered, and found to be held once).
_BLOOM_BITS = 1 << 23
_BLOOM_BYTES = _BLOOM_BITS // 8
_BLOOM_HASHES = 4
# The records kept in memory before they are written out (about 20,000 files' worth).
_SPILL = 1 << 20


def _shared_prefix(before: bytes, path: bytes) -> int:
    """How many bytes ``path`` starts with in common with ``before``: found by halving, a
    comparison of slices a step, not byte by byte."""
    low, high = 0, min(len(before), len(path))
    while low < high:
        middle = (low + high + 1) // 2
        if before[:middle] == path[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _numbers(span: Span) -> tuple[int, int, int, int]:
    return span.line, span.column, span.end_line, span.end_column


def _put_ints(out: bytearray, values: tuple[int, ...]) -> None:
    """Non-negative integers, each in seven-bit groups (one byte below 128)."""
    if max(values) < 0x80:
        out += bytes(values)
        return
    for value in values:
        while value >= 0x80:
            out.append(value & 0x7F | 0x80)
            value >>= 7
        out.append(value)


class _Reader:
    """Reads back, in order, what :meth:`Catalogue.add` wrote."""

    def __init__(self, data: bytes | bytearray) -> None:
        self._data = data
        self._at = 0

    def done(self) -> bool:
        return self._at >= len(self._data)

    def ints(self, count: int) -> list[int]:
        data, at, values = self._data, self._at, []
        for _ in range(count):
            value = shift = 0
            while True:
                byte = data[at]
                at += 1
                value |= (byte & 0x7F) << shift
                if byte < 0x80:
                    break
                shift += 7
            values.append(value)
        self._at = at
        return values

    def bytes(self, size: int) -> bytes:
        self._at += size
        return bytes(self._data[self._at - size : self._at])

    def text(self, size: int) -> str:
        return self.bytes(size).decode("utf-8", "surrogatepass")


def _duplicate(exposed: Exposed, others: list[str]) -> Problem:
    named = [f"'{p}'" for p in others[:_NAMED]]
    if len(others) > _NAMED:
        named.append(f"{len(others) - _NAMED:,} more")
    where = listing(named)
    if exposed.stated:
        message = f"The course id '{exposed.id}' is also the id of {where}."
    else:
        message = (
            f"This file gives no id, so its id is its file stem, '{exposed.id}', which is also "
            f"the id of {where}."
        )
    return Problem(
        DUPLICATE_COURSE_ID,
        message,
        "/id" if exposed.stated else "",
        span=exposed.span,
        fix="Give each course of the catalogue its own 'id:'.",
    )


def _unknown(link: Link) -> Problem:
    return Problem(
        UNKNOWN_PATHWAY_TARGET,
        f"No course checked with this one has the id '{link.target}', which this pathway names.",
        link.pointer,
        span=link.span,
        fix="Correct the id, check that course's file with this one, or write the "
        "credential's name (e.g. 'Certificate in ...') if it is kept elsewhere.",
    )


def _circle(link: Link, circle: str) -> Problem:
    return Problem(
        PATHWAY_CYCLE,
        f"This pathway leads back to where it starts ({circle}), so none of these courses "
        "is the larger credential.",
        link.pointer,
        span=link.span,
        fix="Remove the entry that points back to a smaller course.",
    )


def _circles(linked: dict[str, tuple[str, Exposed]]) -> Iterator[tuple[str, Link, str]]:
    """Every pathway entry that lies on a circle of ids, with the circle in words; ``linked``
    holds the courses with pathway entries whose id only one file holds (a course with none
    leads nowhere, so it is on no circle).

    An entry from ``a`` to ``b`` is on a circle when ``b`` leads back to ``a``: both are in
    one strongly connected component (Tarjan's algorithm, without recursion, so that a long
    chain of courses cannot exhaust the stack). In a small component the circle shown is the
    shortest through the entry, found by a walk of the component; a large one (hundreds of
    courses leading back to each other) is named by its size, so that the work stays linear
    in the catalogue."""
    graph = {
        course: [link.target for link in exposed.links if link.target in linked]
        for course, (_, exposed) in linked.items()
    }
    component = _components(graph)
    size = Counter(component.values())
    for course, (path, exposed) in linked.items():
        part = component[course]
        for link in exposed.links:
            target = link.target
            if target not in linked or component[target] != part:
                continue
            if size[part] <= _SMALL:
                tree = _tree(graph, target, part, component)
                circle = [course, *_walk(tree, course)[::-1]]
                shown = circle
                if len(circle) > 2 * _ENDS + 1:
                    more = f"… {len(circle) - 2 * _ENDS:,} more …"
                    shown = [*circle[:_ENDS], more, *circle[-_ENDS:]]
                yield path, link, " → ".join(shown)
            else:
                yield (
                    path,
                    link,
                    (
                        f"{course} → {target} → … → {course}, one of {size[part]:,} courses that "
                        "all lead back to each other"
                    ),
                )


# Components up to this many courses show the shortest circle through each entry.
_SMALL = 50


def _tree(
    graph: dict[str, list[str]], start: str, part: int, component: dict[str, int]
) -> dict[str, str | None]:
    """Breadth-first tree from ``start`` inside one component: each node's predecessor."""
    came: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in graph[node]:
            if nxt not in came and component[nxt] == part:
                came[nxt] = node
                queue.append(nxt)
    return came


def _walk(tree: dict[str, str | None], start: str) -> list[str]:
    """``start`` and its predecessors in ``tree``, up to the root."""
    out = [start]
    while (before := tree[out[-1]]) is not None:
        out.append(before)
    return out


def _components(graph: dict[str, list[str]]) -> dict[str, int]:
    """The strongly connected component of each node (Tarjan's, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    component: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    counter = 0
    for root in graph:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, edge = work.pop()
            if edge == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = graph[node]
            if edge < len(targets):
                work.append((node, edge + 1))
                nxt = targets[edge]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = index[node]
                    if member == node:
                        break
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return component
