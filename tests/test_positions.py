"""The pointer-to-position map on tricky YAML: the product is the position, so test it exactly.

Lines and columns are 1-based; columns count Unicode code points; the end column is exclusive.
"""

from __future__ import annotations

import datetime

from mcvalidate.findings import Span
from mcvalidate.loader import Document, load


def doc(text: str) -> Document:
    d = load("t.yaml", text.encode("utf-8"))
    assert not d.problems, d.problems
    return d


def value(d: Document, pointer: str) -> tuple[int, int, int, int]:
    loc = d.location(pointer)
    assert loc is not None
    s = loc.value
    return (s.line, s.column, s.end_line, s.end_column)


def key(d: Document, pointer: str) -> tuple[int, int, int, int]:
    loc = d.location(pointer)
    assert loc is not None
    s = loc.key
    assert s is not None
    return (s.line, s.column, s.end_line, s.end_column)


def test_block_mapping_keys_and_values() -> None:
    d = doc("title: Mass timber\nworkload:\n  hours: 60\n")
    assert key(d, "/title") == (1, 1, 1, 6)
    assert value(d, "/title") == (1, 8, 1, 19)
    assert key(d, "/workload/hours") == (3, 3, 3, 8)
    assert value(d, "/workload/hours") == (3, 10, 3, 12)
    assert d.data == {"title": "Mass timber", "workload": {"hours": 60}}


def test_flow_collections() -> None:
    d = doc("delivery: {modes: [online_async, in_person], pacing: cohort}\n")
    assert value(d, "/delivery/modes/0") == (1, 20, 1, 32)
    assert value(d, "/delivery/modes/1") == (1, 34, 1, 43)
    assert key(d, "/delivery/pacing") == (1, 46, 1, 52)
    assert value(d, "/delivery/pacing") == (1, 54, 1, 60)
    # A flow collection is one value on one line: findings about it mark the value itself.
    assert d.span_of("/delivery/modes") == Span(1, 19, 1, 44)


def test_block_sequence_items() -> None:
    d = doc("learning_outcomes:\n  - Identify components\n  - id: LO2\n    statement: Describe\n")
    assert value(d, "/learning_outcomes/0") == (2, 5, 2, 24)
    assert key(d, "/learning_outcomes/1/statement") == (4, 5, 4, 14)
    # A block collection's findings are shown at its key, not at its first child's line.
    assert d.span_of("/learning_outcomes") == Span(1, 1, 1, 18)


def test_literal_and_folded_scalars_end_on_their_last_line() -> None:
    text = "summary: |\n  line one\n  line two\nnext: >\n  folded\n  text\n\nlast: 1\n"
    d = doc(text)
    assert value(d, "/summary") == (1, 10, 3, 11)
    assert d.data["summary"] == "line one\nline two\n"
    assert value(d, "/next")[:2] == (4, 7)
    assert value(d, "/last") == (8, 7, 8, 8)


def test_multi_line_plain_and_quoted_scalars() -> None:
    d = doc('a: first\n  second\nb: "x\n  y"\n')
    assert value(d, "/a") == (1, 4, 2, 9)
    assert d.data["a"] == "first second"
    assert value(d, "/b") == (3, 4, 4, 5)


def test_unicode_columns_count_code_points() -> None:
    d = doc("title: Été 🌲 木材\nstatus: active\né🌲: v\n")
    assert value(d, "/title") == (1, 8, 1, 16)
    assert key(d, "/é🌲") == (3, 1, 3, 3)
    assert value(d, "/é🌲") == (3, 5, 3, 6)


def test_crlf_and_bom_give_the_same_positions_as_the_plain_twin() -> None:
    plain = "title: Mass timber\nworkload:\n  hours: 60\nsummary: |\n  a\n  b\n"
    twin = "\ufeff" + plain.replace("\n", "\r\n")
    a = load("a.yaml", plain.encode("utf-8"))
    b = load("b.yaml", twin.encode("utf-8"))
    assert a.data == b.data
    spans = [{p: d.location(p) for p in d.nodes} for d in (a, b)]
    assert spans[0] == spans[1]


def test_utf16_with_bom_is_read() -> None:
    d = load("u.yaml", "title: Été\n".encode("utf-16"))
    assert d.data == {"title": "Été"}
    assert value(d, "/title") == (1, 8, 1, 11)


def test_anchors_and_aliases_give_the_alias_the_anchor_position() -> None:
    d = doc("a: &x [1, 2]\nb: *x\n")
    assert d.data == {"a": [1, 2], "b": [1, 2]}
    assert value(d, "/b/0") == value(d, "/a/0")


def test_pointer_escaping_of_slash_and_tilde() -> None:
    d = doc("cost:\n  breakdown:\n    a/b: 1\n    c~d: 2\n")
    assert value(d, "/cost/breakdown/a~1b") == (3, 10, 3, 11)
    assert value(d, "/cost/breakdown/c~0d") == (4, 10, 4, 11)


def test_missing_value_points_at_nearest_existing_parent_key() -> None:
    d = doc("title: x\nquality_assurance:\n  type: internal\n")
    assert d.span_of("/quality_assurance/approved_on") == Span(2, 1, 2, 18)
    # Two levels missing: still the nearest parent that exists.
    assert d.span_of("/quality_assurance/x/y") == Span(2, 1, 2, 18)


def test_missing_top_level_value_points_at_document_start() -> None:
    d = doc("# a comment\n\ntitle: x\n")
    assert d.span_of("/standalone") == Span(3, 1, 3, 1)


def test_key_span_is_used_on_request() -> None:
    d = doc("title: x\nlearning_outcome: [a]\n")
    assert d.span_of("/learning_outcome", at_key=True) == Span(2, 1, 2, 17)
    assert d.span_of("/learning_outcome") == Span(2, 19, 2, 22)


def test_yaml_types_are_read_as_yaml_1_1_does() -> None:
    d = doc("a: 2024-05-01\nb: '2024-05-01'\nc: yes\nd: 0x10\ne: ~\nf: 1.5\n")
    assert d.data == {
        "a": datetime.date(2024, 5, 1),
        "b": "2024-05-01",
        "c": True,
        "d": 16,
        "e": None,
        "f": 1.5,
    }
