"""Positions between mcvalidate's counting (YAML lines, code points) and editors' (LSP lines,
UTF-16 or UTF-8 code units)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mcvalidate.lines import Lines


def test_a_yaml_line_break_that_is_no_editor_line_break() -> None:
    # U+2028 and NEL end a line for YAML, not for an editor.
    lines = Lines("a: x\u2028y\nb: \x85z\n")
    assert lines.offset(2, 1) == 5  # YAML's line 2 starts after the U+2028
    assert lines.to_editor(5) == (0, 5)
    assert lines.offset(3, 1) == 7
    assert lines.to_editor(lines.offset(4, 1)) == (1, 4)  # the z, after the NEL


def test_crlf_and_lone_cr_are_one_break_each() -> None:
    lines = Lines("a\r\nb\rc\n")
    assert [lines.offset(n, 1) for n in (1, 2, 3)] == [0, 3, 5]
    assert [lines.to_editor(o) for o in (0, 3, 5)] == [(0, 0), (1, 0), (2, 0)]
    # A position at the end of a line stops before its break, whatever the column says.
    assert lines.offset(1, 9) == 1


def test_characters_are_counted_in_the_editors_code_units() -> None:
    lines = Lines("t: 😀é x\n")
    offset = lines.offset(1, 7)  # the 'x' (code points: t : space emoji é space)
    assert lines.to_editor(offset, "utf-32") == (0, 6)
    assert lines.to_editor(offset, "utf-16") == (0, 7)
    assert lines.to_editor(offset, "utf-8") == (0, 10)
    assert lines.from_editor(0, 7, "utf-16") == offset
    assert lines.from_editor(0, 10, "utf-8") == offset
    # Inside the emoji's surrogate pair: the next code point.
    assert lines.from_editor(0, 4, "utf-16") == 4


def test_positions_past_the_end_are_clamped() -> None:
    lines = Lines("a: 1\n")
    assert lines.offset(9, 1) == 5
    assert lines.from_editor(0, 99) == 4
    assert lines.from_editor(9, 0) == 5
    assert lines.to_editor(5) == (1, 0)


@given(
    st.text(alphabet=st.sampled_from("ab é😀\n\r\u2028\x85"), max_size=40),
    st.sampled_from(["utf-8", "utf-16", "utf-32"]),
)
def test_an_editor_position_leads_back_to_its_offset(text: str, encoding: str) -> None:
    lines = Lines(text)
    for offset in range(len(text) + 1):
        if 0 < offset < len(text) and text[offset - 1 : offset + 1] == "\r\n":
            continue  # between the two characters of one break: no editor position
        line, character = lines.to_editor(offset, encoding)  # type: ignore[arg-type]
        assert lines.from_editor(line, character, encoding) == offset  # type: ignore[arg-type]
