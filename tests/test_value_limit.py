"""The value limit (``limits.max_nodes``) is counted on the parser's events, before a node is
composed: a file of a million values is refused in the time it takes to count to the limit,
not composed whole first. A value is a list's item or a mapping's pair; the finding is at the
first line of the collection in which the count passes the limit."""

from __future__ import annotations

import pytest
import yaml

from mcvalidate import loader
from mcvalidate.limits import Limits
from mcvalidate.loader import load

LIMIT = Limits(max_nodes=100)


def course(items: int, *, flow: bool = False) -> str:
    if flow:
        return "title: Many\nprerequisites: [" + ", ".join(f"p{n}" for n in range(items)) + "]\n"
    return "title: Many\nprerequisites:\n" + "".join(f"  - p{n}\n" for n in range(items))


def test_a_file_at_the_limit_is_read() -> None:
    doc = load("c.yaml", course(98).encode(), LIMIT)  # 2 pairs at the top, 98 items
    assert doc.problems == [] and doc.data is not None
    assert len(doc.data["prerequisites"]) == 98


@pytest.mark.parametrize(("flow", "line", "column"), [(False, 3, 3), (True, 2, 16)])
def test_one_value_more_is_refused_where_its_collection_starts(
    flow: bool, line: int, column: int
) -> None:
    doc = load("c.yaml", course(99, flow=flow).encode(), LIMIT)
    assert doc.data is None
    [problem] = doc.problems
    assert problem.rule.id == "MC007"
    assert "more than 100 values" in problem.message
    assert problem.span is not None
    assert (problem.span.line, problem.span.column) == (line, column)


def test_a_file_beyond_the_limit_is_never_composed(monkeypatch: pytest.MonkeyPatch) -> None:
    def composed(self: object) -> None:
        raise AssertionError("the node tree was composed")

    text = course(10_000).encode()
    assert load("c.yaml", text, Limits()).problems == []  # 10,002 values: under the default
    monkeypatch.setattr(loader._Loader, "get_node", composed)
    doc = load("c.yaml", text, Limits(max_nodes=5_000))
    assert [p.rule.id for p in doc.problems] == ["MC007"]


def test_keys_count_as_pairs_and_nested_collections_count_their_own() -> None:
    text = "title: Nested\nlearning_outcomes:\n" + "".join(
        f"  - {{id: LO{n}, statement: Explain {n}}}\n" for n in range(32)
    )
    # 2 pairs at the top, 32 items, 2 pairs in each: 98 values.
    assert load("c.yaml", text.encode(), LIMIT).problems == []
    more = text + "  - {id: LO32}\n"  # 1 item and 1 pair more: 100
    assert load("c.yaml", more.encode(), LIMIT).problems == []
    beyond = text + "  - {id: LO32, statement: Explain}\n"  # 101
    [problem] = load("c.yaml", beyond.encode(), LIMIT).problems
    assert problem.span is not None and problem.span.line == 35  # the last item's mapping


def test_a_syntax_error_is_left_to_the_parser_and_aliases_to_the_measure() -> None:
    broken = "title: [unclosed\n" + course(200).removeprefix("title: Many\n")
    [problem] = load("c.yaml", broken.encode(), LIMIT).problems
    assert problem.rule.id == "MC001"
    # An alias counts once in the events, and what it expands to is measured on the tree.
    text = "title: x\nx-a: &a [" + ", ".join(["v"] * 60) + "]\nx-b: [*a, *a]\n" + "#" * 200
    [expanded] = load("c.yaml", text.encode(), LIMIT).problems
    assert "expands to" in expanded.message
    assert yaml.__with_libyaml__  # the fast path is what is measured here
