"""The pack's tests, through mcvalidate's public test kit only (``mcvalidate.testing``).

The pack object is given to the kit (``packs=[PACK]``), so the tests run the code in this
directory even where an older version of the pack is installed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mcvalidate.testing import assert_case, assert_examples, check_text, rule_cases, rule_examples

from mcvalidate_example_house import PACK
from mcvalidate_example_house.rules import STATUSES

HERE = Path(__file__).parent
CASES = HERE / "rules"
EXAMPLE = HERE.parent / "examples" / "house-course.yaml"


@pytest.mark.parametrize(("rule_id", "case"), rule_cases(CASES))
def test_rule_case(rule_id: str, case: dict[str, Any]) -> None:
    assert_case(rule_id, case, packs=[PACK])


@pytest.mark.parametrize("rule", rule_examples([PACK]))
def test_documented_examples(rule: Any) -> None:
    assert_examples(rule, packs=[PACK])


def test_every_rule_has_a_case_file() -> None:
    assert sorted(p.stem for p in CASES.glob("*.yaml")) == sorted(r.id for r in PACK.rules)


def findings(text: str) -> list[tuple[str, str, int, int, int, int]]:
    """The findings of the format and of this pack on ``text``, with their positions."""
    result = check_text(text, "format", "ecc-house", packs=[PACK])
    return [
        (f.rule, f.pointer, f.span.line, f.span.column, f.span.end_line, f.span.end_column)
        for f in result.findings
    ]


def test_a_banner_code_of_the_wrong_shape_is_refused_at_the_value() -> None:
    found = findings("title: Mass timber\nstatus: draft\nx-ecc-banner-code: carp-101\n")
    assert found == [("MC012", "/x-ecc-banner-code", 3, 20, 3, 28)]


def test_a_quoted_dean_approval_is_a_type_error_at_the_value() -> None:
    found = findings('title: Mass timber\nstatus: draft\nx-ecc-dean-approval: "true"\n')
    assert found == [("MC011", "/x-ecc-dean-approval", 3, 22, 3, 28)]


def test_a_misspelt_key_of_the_namespace_is_unknown_at_the_key() -> None:
    result = check_text(
        "title: Mass timber\nstatus: draft\nx-ecc-dean-aproval: true\n",
        "format",
        packs=[PACK],
        frameworks=["ecc-house"],
    )
    (finding,) = result.findings
    assert (finding.rule, finding.pointer, finding.span.line, finding.span.column) == (
        "MC010",
        "/x-ecc-dean-aproval",
        3,
        1,
    )
    assert "Did you mean 'x-ecc-dean-approval'?" in finding.fix


def test_a_misspelt_approval_on_a_costly_course_is_one_finding() -> None:
    text = "title: Mass timber\nstatus: draft\ncost: {amount: 4500}\nx-ecc-dean-aproval: true\n"
    assert [f[0] for f in findings(text)] == ["MC010"]  # not ECC002 as well
    # A mistake in another of the college's fields does not hide the missing approval.
    text = "title: Mass timber\nstatus: draft\ncost: {amount: 4500}\nx-ecc-banner-code: c\n"
    assert [f[0] for f in findings(text)] == ["MC012", "ECC002"]  # the format's finding first


def test_other_x_keys_stay_the_authors_own() -> None:
    assert findings("title: Mass timber\nstatus: draft\nx-notes: anything\n") == []


@pytest.mark.parametrize("status", STATUSES)
def test_the_option_choices_are_the_formats_status_values(status: str) -> None:
    assert findings(f"title: Mass timber\nstatus: {status}\nx-ecc-banner-code: CARP-101\n") == []


def test_the_readme_example_course_passes() -> None:
    assert findings(EXAMPLE.read_text(encoding="utf-8")) == []
