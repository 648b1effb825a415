"""The text edits of autofixes (mcvalidate.fixes): positions in code points on lines split as the
loader splits them, overlapping fixes left for a later pass, a fix applied whole or not at all."""

from __future__ import annotations

import pytest

from mcvalidate.findings import Autofix, Edit, Span
from mcvalidate.fixes import Offsets, apply, choose


def fix(*edits: tuple[int, int, int, int, str], name: str = "fix") -> Autofix:
    return Autofix(name, tuple(Edit(Span(*edit[:4]), edit[4]) for edit in edits))


@pytest.mark.parametrize(
    ("text", "edit", "fixed"),
    [
        pytest.param("été: a\u00a0b\n", (1, 7, 1, 8, " "), "été: a b\n", id="after non-ASCII"),
        pytest.param(
            "a: 1\r\nb: 🌲\u00a0x\r\n", (2, 5, 2, 6, " "), "a: 1\r\nb: 🌲 x\r\n", id="CRLF"
        ),
        pytest.param("a: 1\rb: x \r", (2, 5, 2, 6, ""), "a: 1\rb: x\r", id="CR"),
        pytest.param(
            "a: 1\u2028b: x \x85c: 2", (2, 5, 2, 6, ""), "a: 1\u2028b: x\x85c: 2", id="LS"
        ),
        pytest.param("a: x", (1, 5, 1, 5, "y"), "a: xy", id="insert at the end of a line"),
        pytest.param("a: x\nb: y\n", (1, 4, 2, 5, '"x y"'), 'a: "x y"\n', id="over a line break"),
        pytest.param("a: x\n", (2, 1, 2, 1, "b: y\n"), "a: x\nb: y\n", id="on the empty last line"),
    ],
)
def test_an_edit_replaces_exactly_its_span(
    text: str, edit: tuple[int, int, int, int, str], fixed: str
) -> None:
    assert apply(text, [fix(edit)]) == fixed


def test_the_edits_of_several_fixes_are_made_together() -> None:
    text = "title: “Mass\u00a0timber”\nstatus: Credit  \n"
    fixes = [
        fix((2, 9, 2, 15, "credit")),
        fix((1, 8, 1, 9, '"'), (1, 20, 1, 21, '"'), name="quotes"),
        fix((2, 15, 2, 17, "")),  # touches the edit before it: both replace text
        fix((1, 13, 1, 14, " ")),
    ]
    assert apply(text, fixes) == 'title: "Mass timber"\nstatus: credit\n'


def test_of_two_overlapping_fixes_the_later_is_left_out_whole() -> None:
    text = "status: “active”\u00a0\n"
    first = fix((1, 9, 1, 17, '"active"'), name="first")
    later = fix((1, 16, 1, 17, '"'), (1, 17, 1, 18, ""), name="later")  # one edit overlaps
    assert choose(text, [later, first]) == [first]
    assert apply(text, [later, first]) == 'status: "active"\u00a0\n'  # none of 'later' applied


def test_an_insertion_at_the_edge_of_another_edit_waits() -> None:
    text = "a: x\n"
    replace_x = fix((1, 4, 1, 5, "y"), name="replace")
    insert = fix((1, 5, 1, 5, "z"), name="insert")
    assert choose(text, [replace_x, insert]) == [replace_x]
    assert choose(text, [fix((1, 4, 1, 4, "1")), fix((1, 4, 1, 4, "2"))])[0].edits[0].text == "1"


def test_a_fix_whose_own_edits_overlap_is_never_applied() -> None:
    assert apply("a: x\n", [fix((1, 1, 1, 3, "b"), (1, 2, 1, 4, "c"))]) == "a: x\n"


@pytest.mark.parametrize(
    "span",
    [(3, 1, 3, 1), (1, 6, 1, 6), (1, 0, 1, 1), (1, 3, 1, 2)],
    ids=["no such line", "past the end of the line", "column 0", "ends before it starts"],
)
def test_a_position_the_text_does_not_have_is_refused(span: tuple[int, int, int, int]) -> None:
    with pytest.raises(ValueError):
        apply("a: x\n", [fix((*span, ""))])


def test_offsets_count_code_points_and_skip_line_breaks() -> None:
    offsets = Offsets("é🌲\r\nb\n")
    assert offsets.offset(1, 3) == 2  # the end of the first line, before its CRLF
    assert offsets.offset(2, 1) == 4
    assert offsets.offset(3, 1) == 6
