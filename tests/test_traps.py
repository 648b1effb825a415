"""Mistakes of typing and pasting (MC050-MC058), with every rule running as for a user.

The case files (tests/rules/MC05x.yaml) pin each finding's position and message; these tests
pin what only a whole check shows: one mistake is one finding (the schema's consequence of the
character does not appear too), the value is read as if fixed, the fix is exact and mechanical
(applied as ``check --fix`` applies it, the finding goes), and a switched-off rule leaves the
check as it was without it.
"""

from __future__ import annotations

import gc
import sys
import time
import unicodedata

import pytest

from mcvalidate.findings import Finding
from mcvalidate.fixer import Fixer, FixMode
from mcvalidate.format_rules import TRAPS
from mcvalidate.loader import load
from mcvalidate.packs import Registry
from mcvalidate.settings import Settings
from mcvalidate.testing import check_text
from mcvalidate.traps import SPACES, find_traps

TRAP_IDS = {rule.id for rule in TRAPS}
# What the schema says about a value spoilt by a character: never beside the character's finding.
CONSEQUENCES = {"MC010", "MC011", "MC012", "MC013"}
ALL = frozenset({*TRAP_IDS, "MC010", "MC011", "MC012"})


def format_findings(text: str, *rules: str) -> list[Finding]:
    """The course format's findings of ``text`` (the framework packs' are beside the point)."""
    return [f for f in check_text(text, *rules).findings if f.pack == "format"]


def test_the_look_alike_spaces_are_every_space_of_unicode_but_the_plain_one() -> None:
    spaces = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Zs"}
    assert set(SPACES) == spaces - {" "}


# -- one mistake, one finding, with the words and the fix a designer reads ---------------------

ONE_FINDING = [
    pytest.param(
        "title: Mass timber\nstatus: active\u00a0\n",
        "MC051",
        (2, 15),
        "Line 2 contains a non-breaking space (U+00A0) at the end of the value 'active', which "
        "looks like a space but is not: YAML keeps it as part of the value.",
        "Delete it.",
        id="non-breaking space after an enum value: no 'Did you mean active?'",
    ),
    pytest.param(
        "title: Mass timber\nworkload:\n  hours: 60\u00a0\n",
        "MC051",
        (3, 12),
        "at the end of the value '60'",
        "Delete it.",
        id="non-breaking space after a number: read as the number",
    ),
    pytest.param(
        "title: Mass timber\nworkload:\n  hours: 60\n\u00a0 weeks: 8\n",
        "MC051",
        (4, 1),
        "Line 4 is indented with a non-breaking space (U+00A0), which looks like a space but is "
        "not: YAML does not count it as indentation, so the line is not read where it appears "
        "to be.",
        "Replace it with a plain space.",
        id="non-breaking space in the indentation: no unknown key",
    ),
    pytest.param(
        "title: Mass timber\nassessments:\n  - id:\u00a0A1\n",
        "MC051",
        (3, 8),
        "Line 3 has a non-breaking space (U+00A0) after the colon, which looks like a space but "
        "is not: YAML reads a field only where a plain space follows the colon.",
        "Replace it with a plain space.",
        id="non-breaking space after a colon: no 'should be a mapping'",
    ),
    pytest.param(
        "title: Mass timber\nstat\u200bus: active\n",
        "MC050",
        (2, 5),
        "Line 2 contains a zero-width space (U+200B), an invisible character, in the key "
        "'status': the key is not the field it looks like.",
        "Delete it.",
        id="zero-width space in a key: read as the key",
    ),
    pytest.param(
        "title: Mass timber\nstatus: \u201cactive\u201d\n",
        "MC053",
        (2, 9),
        "The value \u201cactive\u201d of 'status' is in curly quotes, which YAML does not read as "
        "quotes: the quote marks are part of the value.",
        'Use straight quotes: "active"',
        id="curly quotes around an enum value",
    ),
    pytest.param(
        "\u201ctitle\u201d: Mass timber\n",
        "MC053",
        (1, 1),
        "The key \u201ctitle\u201d is in curly quotes",
        'Use straight quotes: "title"',
        id="curly quotes around a key: the title is not missing",
    ),
    pytest.param(
        "title: Mass timber\nprerequisites:\n  \u2013 One year of construction experience\n",
        "MC054",
        (3, 3),
        "Line 3 starts with an en dash (\u2013), which YAML does not read as a list bullet: only "
        "a hyphen (-) starts a list item, so the line is read as text.",
        "Replace it with a hyphen (-).",
        id="en dash as a list bullet: no 'should be a list'",
    ),
    pytest.param(
        "title: Mass timber\nneeds:\n  - type: industry\n    evidence: [Regional survey, 2024]\n",
        "MC055",
        (4, 15),
        "The comma before the number 2024 splits one item of 'needs[1].evidence' into two: YAML "
        "reads 'Regional survey' and the number 2024 as separate items.",
        'Put the item in quotes: ["Regional survey, 2024"]',
        id="a year split off a citation: no 'should be text'",
    ),
    pytest.param(
        "title: Mass timber\nprerequisites: [Some farming experience, or permission of the "
        "coordinator]\n",
        "MC055",
        (2, 16),
        "The comma before 'or permission of the coordinator' splits one item of 'prerequisites' "
        "into two",
        'Put the item in quotes: ["Some farming experience, or permission of the coordinator"]',
        id="an 'or' split off a prerequisite",
    ),
    pytest.param(
        "title: Mass timber\nsummary: Small-scale producers #1 problem is soil loss\n",
        "MC056",
        (2, 32),
        "'summary' is read as only 'Small-scale producers': YAML reads ' #1 problem is soil "
        "loss' as a comment, and drops it.",
        'Put the value in quotes: "Small-scale producers #1 problem is soil loss"',
        id="a '#1' in a summary",
    ),
    pytest.param(
        "title: Mass timber\nsummary: Small-scale producers face soil loss\n"
        "Water scarcity: a growing problem\n",
        "MC057",
        (3, 1),
        "Line 3 is read as a new field 'Water scarcity', not as more of the text of 'summary': "
        "the colon after 'Water scarcity' made it a key.",
        'Put the whole text in quotes: summary: "Small-scale producers face soil loss Water '
        "scarcity: a growing problem\", or write it as a block: 'summary: >' with its lines "
        "indented under it",
        id="a continued summary made a key: instead of the unknown key",
    ),
]


@pytest.mark.parametrize(("text", "rule", "at", "message", "fix"), ONE_FINDING)
def test_one_mistake_is_one_finding(
    text: str, rule: str, at: tuple[int, int], message: str, fix: str
) -> None:
    found = format_findings(text)
    assert [f.rule for f in found] == [rule], [f"{f.rule}: {f.message}" for f in found]
    (finding,) = found
    assert (finding.span.line, finding.span.column) == at
    assert message in finding.message
    assert finding.fix == fix


def test_a_curly_quoted_title_is_read_without_the_quotes() -> None:
    doc = load("course.yaml", "title: \u201cMass timber\u201d\n".encode())
    find_traps(doc, ALL, 100)
    assert doc.data == {"title": "Mass timber"}


def test_a_key_read_as_fixed_keeps_the_position_of_the_key_as_written() -> None:
    doc = load("course.yaml", "title\u00a0: Mass timber\n".encode())
    find_traps(doc, ALL, 100)
    assert doc.data == {"title": "Mass timber"}
    assert doc.written("/title") == "/title\u00a0"
    assert doc.span_of("/title").line == 1


def test_what_is_wrong_besides_the_character_is_still_reported() -> None:
    found = format_findings("title: Mass timber\nstatus: actve\u00a0\n")
    assert [f.rule for f in found] == ["MC012", "MC051"]
    assert "found 'actve'" in found[0].message
    assert found[0].fix == "Did you mean 'active'?"


# -- a file that does not parse: the character is named beside YAML's own error ----------------


@pytest.mark.parametrize(
    ("text", "rule", "at"),
    [
        pytest.param("title: Mass timber\nstatus:\u00a0active\n", "MC051", (2, 8), id="nbsp"),
        pytest.param("title: x\n\ufeffstatus: active\n", "MC050", (2, 1), id="byte-order mark"),
        pytest.param("title: \u201cMass timber: an intro\u201d\n", "MC053", (1, 8), id="curly"),
        pytest.param(
            "title: x\nprerequisites:\n\u2013 One\n\u2013 Two\n", "MC054", (3, 1), id="dash"
        ),
    ],
)
def test_in_a_file_that_does_not_parse_the_character_is_named_too(
    text: str, rule: str, at: tuple[int, int]
) -> None:
    found = format_findings(text)
    assert "MC001" in {f.rule for f in found}
    ours = [f for f in found if f.rule == rule]
    assert (ours[0].span.line, ours[0].span.column) == at


# -- the fixes are mechanical ------------------------------------------------------------------

FIXABLE = [
    "title: Mass timber\nstatus: active\u00a0\n",
    "title: Mass timber\nworkload:\n  hours: 60\n\u00a0 weeks: 8\n",
    "\ufefftitle: Mass timber\r\nstatus: active\u200b\r\n",
    "title: Mass timber\nassessments:\n  - id:\u200bA1\n",
    "title: \u2018Mass timber\u2019\nstatus: \u201cactive\u201d\n",
    "title: Mass timber\nprerequisites:\n  \u2013 One year\n  \u2013 A first aid ticket\n",
    "title: Mass timber\nprerequisites:\n  \u2022\u00a0One year\n  \u2022\tA first aid ticket\n",
    "title: Mass timber\nprerequisites: [Some farming experience, or permission of the "
    "coordinator]\n",
    "title: Mass timber\nsummary: Small-scale producers #1 problem is soil loss\n",
    "title: Mass timber\nsummary: Small-scale producers face soil loss\n"
    "Water scarcity: a growing problem\n",
    "title: Mass timber  \nprerequisites: [One year,\n\tA first aid ticket]\n",
]
# Files that do not parse because of a pasted character: its fix is found from the look of the
# lines, and kept only because the fixed file then parses.
NOT_PARSED = [
    "title: Mass timber\nstatus:\u00a0active\n",
    "title: Mass timber\n\ufeffstatus: active\n",
    "title: \u201cMass timber: an introduction\u201d\n",
    "title: Mass timber\nprerequisites:\n\u2022 One year\n\u2022 A first aid ticket\n",
]
FIXER = Fixer(Registry().select(), Settings(), FixMode(unsafe=True))


@pytest.mark.parametrize("text", FIXABLE)
def test_every_trap_of_a_parsed_file_has_a_fix_and_the_fixes_leave_none(text: str) -> None:
    traps = [f for f in format_findings(text) if f.rule in TRAP_IDS]
    assert traps and all(f.autofix is not None for f in traps)
    fixed = FIXER.fix("course.yaml", text.encode("utf-8"))
    left = [f.rule for f in fixed.result.findings if f.rule in TRAP_IDS | {"MC001"}]
    assert left == [], fixed.raw.decode("utf-8")


@pytest.mark.parametrize("text", NOT_PARSED)
def test_the_traps_that_broke_a_file_are_fixed_and_the_fixed_file_parses(text: str) -> None:
    traps = [f for f in format_findings(text) if f.rule in TRAP_IDS]
    assert traps and all(f.autofix is not None for f in traps)
    fixed = FIXER.fix("course.yaml", text.encode("utf-8"))
    assert fixed.count == len(traps)
    left = [f.rule for f in fixed.result.findings if f.rule in TRAP_IDS | {"MC001"}]
    assert left == [], fixed.raw.decode("utf-8")


def test_a_fix_that_leaves_the_file_broken_is_not_kept() -> None:
    text = "title: Mass timber\nstatus:\u00a0active\nsummary: [unclosed\n"
    assert FIXER.fix("course.yaml", text.encode("utf-8")).count == 0


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        pytest.param(
            "title: Mass timber\nstatus: act\u200bive\n",
            "title: Mass timber\nstatus: active\n",
            id="an invisible character is deleted",
        ),
        pytest.param(
            "title: Mass timber\nassessments:\n  - id:\u200bA1\n",
            "title: Mass timber\nassessments:\n  - id: A1\n",
            id="where YAML needs a space, an invisible character becomes one",
        ),
        pytest.param(
            "title: Mass timber\nprerequisites:\n  \u2013   One year\n     of experience\n",
            "title: Mass timber\nprerequisites:\n  -   One year\n     of experience\n",
            id="a dash bullet keeps the item's text in its column",
        ),
        pytest.param(
            "title: Mass timber\nsummary: Small-scale producers face soil loss  # draft\n"
            "Water scarcity: a growing problem\n",
            None,
            id="a text cut into keys with a comment inside is not quoted: the comment would go",
        ),
        pytest.param(
            "title: Mass timber\nprerequisites: [Level #1 first,\n  Level 2]\n",
            None,
            id="a '#' in brackets is not quoted: the comma after it would be quoted too",
        ),
        pytest.param(
            "title: Mass timber\nprerequisites: [A long item of words, Level 1,  # the first\n"
            "  Another long item of words, Level 2]\n",
            'title: Mass timber\nprerequisites: ["A long item of words, Level 1",  # the first\n'
            '  "Another long item of words, Level 2"]\n',
            id="split items are joined where they are, the comment kept",
        ),
    ],
)
def test_a_fix_edits_only_what_it_fixes(text: str, fixed: str | None) -> None:
    result = FIXER.fix("course.yaml", text.encode("utf-8"))
    assert result.raw.decode("utf-8") == (text if fixed is None else fixed)


# -- the rules switched off: the check is what it was without them ----------------------------


def test_without_the_rule_the_character_is_not_undone() -> None:
    found = format_findings("title: Mass timber\nstatus: active\u00a0\n", "MC012")
    assert [f.rule for f in found] == ["MC012"]


def test_without_the_colon_rule_the_unknown_key_is_reported_as_before() -> None:
    text = (
        "title: Mass timber\nsummary: Small-scale producers face soil loss\nWater scarcity: yes\n"
    )
    assert [f.rule for f in format_findings(text, "MC010")] == ["MC010"]
    assert [f.rule for f in format_findings(text, "MC010", "MC057")] == ["MC057"]


def test_an_unknown_key_of_several_words_after_a_number_stays_an_unknown_key() -> None:
    text = "title: Mass timber\nworkload:\n  hours: 60\n  Contact time: 20\n"
    assert [f.rule for f in format_findings(text)] == ["MC010"]


# -- aliases and cost ----------------------------------------------------------------------------


def test_a_list_repeated_by_aliases_is_one_finding() -> None:
    text = (
        "title: Mass timber\nx-a: &a [Some farming experience, or permission of the coordinator]\n"
        "x-b: *a\nx-c: [*a, *a]\n"
    )
    assert [f.rule for f in format_findings(text, "MC055")] == ["MC055"]


def _seconds(text: str) -> float:
    """The best of five runs in CPU time, the garbage collector paused (its full collections
    late in a test session walk every object earlier tests left)."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(5):
            start = time.process_time()
            check_text(text, "MC05")
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda n: "title: x\nsummary: a" + "\u00a0a" * n + "\n", id="one long line"),
        pytest.param(
            lambda n: "title: x\nprerequisites:\n" + "".join(f"  - a{i}\u00a0\n" for i in range(n)),
            id="many lines",
        ),
        pytest.param(lambda n: "title: x\nsummary: 'a" + "\u00a0" * n + "\n", id="not parsed"),
    ],
)
def test_many_characters_cost_linear_time_and_bounded_findings(make: object) -> None:
    assert callable(make)
    small, large = _seconds(make(5_000)), _seconds(make(10_000))
    assert large < 3 * small + 0.05, (small, large)
    result = check_text(make(10_000), "MC05")
    assert len(result.findings) <= 101 * len(TRAP_IDS)  # capped, the rest counted


@pytest.mark.parametrize(
    "end",
    ["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029"],
    ids=["LF", "CRLF", "CR", "NEL", "LS", "PS"],
)
@pytest.mark.parametrize("body", ["plain", "Montréal"], ids=["ascii", "accented"])
def test_a_blank_before_each_line_break_yaml_counts_is_found(end: str, body: str) -> None:
    """The whitespace check is gated by substring tests, some only where the break's own
    character is in the text: each break YAML counts still has its trailing blank found."""
    text = f"title: {body} {end}summary: x{end}"
    found = [f for f in format_findings(text, "MC058") if f.span.line == 1]
    assert len(found) == 1, (end, found)
    assert found[0].span.column == len(f"title: {body}") + 1
