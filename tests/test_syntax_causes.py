"""Syntax errors reported at their cause, in the words a curriculum designer reads.

The parser gives up where it can no longer go on, often a line after the mistake, and says
why in its own terms. Each case here is a mistake people make by hand (or by pasting from a
word processor): the finding must sit on the line that is wrong, from the column where the
mistake starts, with one fix that applies (the corrected line when one can be written), and
never with the parser's vocabulary. CRLF line ends and a byte-order mark must not move it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from mcvalidate.document import LINE_BREAK
from mcvalidate.findings import Finding
from mcvalidate.loader import load
from mcvalidate.syntax import syntax_problem
from mcvalidate.testing import check_text

SUITE = Path(__file__).parent / "data" / "yaml-test-suite"
# What the parser says and a designer must never read.
PARSER_TERMS = re.compile(
    r"block mapping|block collection|block end|simple key|flow sequence|flow mapping|scalar|"
    r"mapping values|indicator|token|\(YAML:",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Case:
    text: str
    at: tuple[int, int, int]  # line, column, end column (exclusive) of the cause
    message: str  # a fragment of the message
    fix: str  # a fragment of the fix: the corrected line, or the change in words


CASES = {
    # -- a missing ':' or a missing space after it: reported on its own line, not the next
    "missing colon in a nested mapping": Case(
        "delivery:\n  modes: [online_sync]\n  pacing cohort\n  schedule: evenings\n",
        (3, 3, 16),
        "line 3 ('pacing cohort') has no ':' after the field name 'pacing'",
        "so that the line reads: pacing: cohort",
    ),
    "missing colon on the last key of a section, before another section": Case(
        "cost:\n  amount: 900\n  currency CAD\nneeds:\n  - type: industry\n",
        (3, 3, 15),
        "has no ':' after the field name 'currency'",
        "so that the line reads: currency: CAD",
    ),
    "missing colon before a comment and a blank line": Case(
        "delivery:\n  pacing cohort\n  # the schedule\n\n  schedule: evenings\n",
        (2, 3, 16),
        "'pacing cohort'",
        "pacing: cohort",
    ),
    "missing colon in the first field of a list item": Case(
        "assessments:\n  - id A1\n    title: Field practical\n",
        (2, 3, 10),
        "has no ':' after the field name 'id'",
        "so that the line reads: - id: A1",
    ),
    "missing colon before a bracketed value": Case(
        "title: Mass timber\ndelivery {modes: [online_sync], pacing: cohort}\n",
        (2, 1, 48),
        "has no ':' after the field name 'delivery'",
        "delivery: {modes: [online_sync], pacing: cohort}",
    ),
    "missing space after the colon at the top level": Case(
        "title: Mass timber\nstatus:active\nlanguage: en\n",
        (2, 1, 14),
        "line 2 ('status:active') has no space after the ':'",
        "so that the line reads: status: active",
    ),
    "missing space after the colon in a nested mapping": Case(
        "delivery:\n  pacing:cohort\n  modes: [online_sync]\n",
        (2, 3, 16),
        "no space after the ':', so it is not read as the field 'pacing'",
        "pacing: cohort",
    ),
    "missing space after the colon on the last line": Case(
        "title: Mass timber\nlanguage: en\nstatus:active\n",
        (3, 1, 14),
        "no space after the ':'",
        "status: active",
    ),
    "a list bullet pasted from a word processor": Case(
        "title: Mass timber\nprerequisites:\n\u2013 Fall protection\n\u2013 WHMIS\n",
        (3, 1, 18),
        "line 3 starts with '\u2013', which YAML does not read as a list dash",
        "so that the line reads: - Fall protection",
    ),
    # -- indentation
    "a key dedented by one space": Case(
        "title: Mass timber\ndelivery:\n  modes: [online_sync]\n pacing: cohort\n",
        (4, 2, 16),
        "line 4 is indented by 1 space, but the fields beside it by 2, and 'delivery:' on "
        "line 2 by 0: it lines up with neither",
        "Indent line 4 by 2 spaces, like 'modes:' on line 3.",
    ),
    "a key indented more than its siblings": Case(
        "title: Mass timber\ndelivery:\n  modes: [online_sync]\n   pacing: cohort\n",
        (4, 4, 18),
        "line 4 is indented by 3 spaces, but the fields beside it by 2.",
        "Indent line 4 by 2 spaces, like 'modes:' on line 3.",
    ),
    "a top-level key indented": Case(
        "title: Mass timber\n  summary: An introduction\n",
        (2, 3, 27),
        "line 2 is indented by 2 spaces, but the fields beside it are not indented",
        "Remove the spaces before line 2, to start it like 'title:' on line 1.",
    ),
    "a key at an indentation that matches no parent": Case(
        "title: x\ndelivery:\n    modes: [online_sync]\n    pacing: cohort\n  schedule: evenings\n",
        (5, 3, 21),
        "line 5 is indented by 2 spaces, but the fields beside it by 4, and 'delivery:' on "
        "line 2 by 0: it lines up with neither",
        "Indent line 5 by 4 spaces, like 'pacing:' on line 4.",
    ),
    "the first key of a block is the one indented wrongly": Case(
        "title: x\ncost:\n amount: 900\n  currency: CAD\nworkload:\n  hours: 60\n",
        (3, 2, 13),
        "line 3 is indented by 1 space, but the fields after it by 2",
        "Indent line 3 by 2 spaces, like 'currency:' on line 4.",
    ),
    "the first list item is the one indented wrongly": Case(
        "learning_outcomes:\n - id: LO1\n    statement: Describe it\n    competencies: [C1]\n",
        (2, 2, 11),
        "line 2 is indented by 1 space, so its field 'id:' does not line up with "
        "'statement:' on line 3",
        "Indent line 2 by 2 spaces",
    ),
    "a list item dedented by one space": Case(
        "title: x\nneeds:\n  - type: industry\n    evidence: survey\n - type: community\n",
        (5, 2, 19),
        "line 5 is indented by 1 space, but the list items beside it by 2",
        "Indent line 5 by 2 spaces, like '- type: industry' on line 3.",
    ),
    "a list item indented more than the items beside it": Case(
        "needs:\n  - type: industry\n   - type: community\n",
        (3, 4, 21),
        "line 3 is indented by 3 spaces, but the list items beside it by 2",
        "Indent line 3 by 2 spaces",
    ),
    "a list item among fields": Case(
        "title: Mass timber\n- Fall protection\n",
        (2, 1, 18),
        "line 2 is a list item, but the lines beside it are fields ('title:' on line 1)",
        "Write the field the list belongs to on a line of its own above it",
    ),
    "a field at the indentation of plain list items": Case(
        "prerequisites:\n  - Fall protection\n  language: en\n",
        (3, 3, 15),
        "line 3 is a field, indented like the list items beside it",
        "Remove the spaces before line 3, to start it like 'prerequisites:' on line 1.",
    ),
    "a list item without its dash": Case(
        "learning_outcomes:\n  - id: LO1\n    statement: Describe it\n  id: LO2\n",
        (4, 3, 10),
        "line 4 is a field, indented like the list items beside it",
        "so that the line reads: - id: LO2",
    ),
    "a tab used for indentation": Case(
        "title: x\nworkload:\n  hours: 60\n\tweeks: 8\n",
        (4, 1, 2),
        "line 4 is indented with a tab; YAML allows only spaces",
        "Replace the tab with 2 spaces: '  weeks: 8'",
    ),
    "a tab as the first indentation under a key": Case(
        "title: x\nworkload:\n\thours: 60\n",
        (3, 1, 2),
        "indented with a tab",
        "Replace the tab with 2 spaces: '  hours: 60'",
    ),
    "a line of a block of text indented less than its first line": Case(
        "summary: |\n  Line one of the summary\n line two\n",
        (3, 2, 10),
        "line 3 is part of the text of 'summary:' but indented by 1 space, less than its "
        "first line (2)",
        "Indent line 3 by 2 spaces, like line 2.",
    ),
    # -- ': ' inside a value: at the ': ' that starts a field, fixed by quoting
    "a value containing ': '": Case(
        "title: Sustainable Soils: Management for Small Farms\n",
        (1, 25, 26),
        "the value of 'title' contains ': ', which starts a new field in YAML",
        'so that the line reads: title: "Sustainable Soils: Management for Small Farms"',
    ),
    "a value containing ': ' and double quotes": Case(
        'title: Soils "101": Management\n',
        (1, 19, 20),
        "the value of 'title' contains ': '",
        r'title: "Soils \"101\": Management"',
    ),
    "a value containing ': ' and a comment": Case(
        "title: Soils: Management  # working title\n",
        (1, 13, 14),
        "the value of 'title' contains ': '",
        'so that the line reads: title: "Soils: Management" # working title',
    ),
    "a list item containing ': ' twice": Case(
        "learning_outcomes:\n  - Note this: soils: matter\n",
        (2, 21, 22),
        "this list item contains ': '",
        'so that the line reads: - "Note this: soils: matter"',
    ),
    "a value in curly quotes containing ': '": Case(
        "title: \u201cMass timber: an introduction\u201d\n",
        (1, 20, 21),
        "the value of 'title' contains ': '",
        'so that the line reads: title: "Mass timber: an introduction"',
    ),
    "text after a closing quotation mark": Case(
        'title: "Mass timber" for builders\n',
        (1, 22, 34),
        "the text after the closing quotation mark is outside the quotes",
        "so that the line reads: title: '\"Mass timber\" for builders'",
    ),
    # -- opened and never closed: where it was opened
    "an unclosed quotation mark": Case(
        "title: 'Mass timber\nsummary: An introduction\n",
        (1, 8, 9),
        "this quotation mark is never closed",
        "Add the closing quotation mark",
    ),
    "an unclosed bracket": Case(
        "title: Mass timber\ndelivery:\n  modes: [online_async, in_person\n  pacing: cohort\n",
        (3, 10, 11),
        "this list in brackets is not closed properly",
        "Close the list with ']'",
    ),
}

# Windows line ends and a byte-order mark (Word, Notepad) must not move any position.
WINDOWS = [
    "missing colon in a nested mapping",
    "missing colon on the last key of a section, before another section",
    "missing space after the colon at the top level",
    "a key dedented by one space",
    "a list item dedented by one space",
    "a tab used for indentation",
    "a value containing ': '",
    "an unclosed quotation mark",
]


def mc001(text: str) -> Finding:
    found = [f for f in check_text(text).findings if f.rule == "MC001"]
    assert len(found) == 1, [f.message for f in check_text(text).findings]
    return found[0]


def assert_case(finding: Finding, case: Case) -> None:
    span = finding.span
    assert (span.line, span.column, span.end_column) == case.at, finding.message
    assert span.end_line == span.line
    assert case.message in finding.message, finding.message
    assert case.fix in finding.fix, finding.fix
    assert not PARSER_TERMS.search(finding.message + finding.fix), finding


@pytest.mark.parametrize("name", list(CASES))
def test_a_syntax_error_is_reported_at_its_cause(name: str) -> None:
    assert_case(mc001(CASES[name].text), CASES[name])


@pytest.mark.parametrize("name", WINDOWS)
def test_crlf_line_ends_do_not_move_the_cause(name: str) -> None:
    case = CASES[name]
    assert_case(mc001(case.text.replace("\n", "\r\n")), case)


@pytest.mark.parametrize("name", WINDOWS)
def test_a_byte_order_mark_does_not_move_the_cause(name: str) -> None:
    case = CASES[name]
    assert_case(mc001("\ufeff" + case.text.replace("\n", "\r\n")), case)


@pytest.mark.parametrize("name", list(CASES))
def test_the_pure_python_parser_gives_the_same_finding(name: str) -> None:
    """Where PyYAML was built without LibYAML the loader uses the pure-Python parser, whose
    words differ ("expected <block end>" for "did not find expected key"): same finding."""
    text = CASES[name].text
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yaml.load(text, Loader=yaml.SafeLoader)
    problem = syntax_problem(raised.value, LINE_BREAK.split(text))
    finding = mc001(text)
    assert (problem.span, problem.message, problem.fix) == (
        finding.span,
        finding.message,
        finding.fix,
    )


def test_a_long_line_is_fixed_in_words() -> None:
    title = "Soils: " + "management " * 30
    finding = mc001(f"title: {title}\n")
    assert finding.fix == "Put the text in quotes."


def test_no_parser_words_on_any_file_of_the_yaml_test_suite() -> None:
    """Every way the public YAML test suite breaks YAML, worded without the parser's terms,
    and never a crash while looking for the cause."""
    worded = []
    for path in sorted(SUITE.glob("*.yaml")):
        for problem in load(path.name, path.read_bytes()).problems:
            if PARSER_TERMS.search(problem.message + problem.fix):
                worded.append(f"{path.name}: {problem.message} {problem.fix}")
    assert not worded, worded


def test_a_nested_field_without_the_space_after_its_colon_says_so() -> None:
    """``pacing:cohort`` parses (as one text), so it is the schema that tells the cause."""
    text = "title: x\ndelivery:\n  pacing:cohort\n"
    (finding,) = [f for f in check_text(text).findings if f.rule.startswith("MC")]
    assert (finding.rule, finding.span.line, finding.span.column) == ("MC011", 3, 3)
    assert finding.fix.startswith(
        "Add a space after the ':', so that the line reads: pacing: cohort"
    )


def test_a_field_without_its_colon_before_a_flow_value_says_so() -> None:
    """``credit {status: credit}`` parses, with ``credit {status`` as a key."""
    text = "title: x\ncredit {status: credit}\n"
    (finding,) = [f for f in check_text(text).findings if f.rule.startswith("MC")]
    assert (finding.rule, finding.span.line, finding.span.column) == ("MC010", 2, 1)
    assert "the ':' after 'credit' is missing" in finding.message
    assert finding.fix == "Add ':' after 'credit', so that the line reads: credit: {status: credit}"
