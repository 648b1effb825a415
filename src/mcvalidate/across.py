"""The checks across the files of one run, which form a catalogue: duplicate course ids,
pathway entries that name no course of it, and pathways that lead in a circle.

They are decided once every file is checked, from what each file's check kept of it (its
:class:`Exposed`: an id and the pathway entries written as ids), so a run never keeps the
files' findings and a ``--jobs`` run decides them exactly as a serial one. Their findings are
reported after the files', for the files they concern, and go through the same selection,
severities, suppressions and baselines as every other finding.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterator

from mcvalidate.findings import Exposed, FileResult, Link, Problem
from mcvalidate.format_rules import DUPLICATE_COURSE_ID, PATHWAY_CYCLE, UNKNOWN_PATHWAY_TARGET
from mcvalidate.text import listing

# At most this many other files are named in one message.
_NAMED = 5
# A long circle is shown by this many courses at each end.
_ENDS = 4


class Catalogue:
    """The files of a run, as far as the checks across them need to know them."""

    def __init__(self) -> None:
        self._files: list[tuple[str, Exposed]] = []
        # The files whose own findings were reported (the totals count a file with findings
        # once, though its findings across files come in a second result).
        self.reported: set[str] = set()

    def add(self, result: FileResult) -> None:
        """Keep what ``result`` exposes; ``result`` as reported (after any baseline)."""
        if result.exposed is not None:
            self._files.append((result.path, result.exposed))
            if result.findings:
                self.reported.add(result.path)

    def problems(self) -> Iterator[tuple[str, list[Problem]]]:
        """Each file with problems across the catalogue, and those problems, in run order."""
        by_id: dict[str, list[tuple[str, Exposed]]] = {}
        for path, exposed in self._files:
            by_id.setdefault(exposed.id, []).append((path, exposed))
        found: dict[str, list[Problem]] = {}
        for holders in by_id.values():
            if len(holders) > 1:
                for path, exposed in holders:
                    others = [p for p, _ in holders if p != path] or [path]
                    found.setdefault(path, []).append(_duplicate(exposed, others))
        if len(self._files) > 1:
            for path, exposed in self._files:
                found.setdefault(path, []).extend(
                    _unknown(link) for link in exposed.links if link.target not in by_id
                )
        unique = {i: holders[0] for i, holders in by_id.items() if len(holders) == 1}
        for path, link, circle in _circles(unique):
            found.setdefault(path, []).append(_circle(link, circle))
        for path, _ in self._files:
            if found.get(path):
                yield path, found.pop(path)


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


def _circles(unique: dict[str, tuple[str, Exposed]]) -> Iterator[tuple[str, Link, str]]:
    """Every pathway entry that lies on a circle of ids, with the circle in words.

    An entry from ``a`` to ``b`` is on a circle when ``b`` leads back to ``a``: both are in
    one strongly connected component (Tarjan's algorithm, without recursion, so that a long
    chain of courses cannot exhaust the stack). In a small component the circle shown is the
    shortest through the entry, found by a walk of the component; a large one (hundreds of
    courses leading back to each other) is named by its size, so that the work stays linear
    in the catalogue."""
    graph = {
        course: [link.target for link in exposed.links if link.target in unique]
        for course, (_, exposed) in unique.items()
    }
    component = _components(graph)
    size = Counter(component.values())
    for course, (path, exposed) in unique.items():
        part = component[course]
        for link in exposed.links:
            target = link.target
            if target not in unique or component[target] != part:
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
