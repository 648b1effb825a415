"""The example courses say what they are: the complete ones pass, and each mistakes file
announces, in its MISTAKE comments, exactly the rules that report it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mcvalidate.findings import Severity
from mcvalidate.testing import check_text

ROOT = Path(__file__).resolve().parents[1]
COMPLETE = sorted((ROOT / "examples").glob("*.yaml"))
MISTAKES = sorted((ROOT / "examples" / "mistakes").glob("*.yaml"))
RULE_ID = re.compile(r"\b(?:MC|BCF|BCT|CON)\d{3}\b")


@pytest.mark.parametrize("path", COMPLETE, ids=lambda p: p.name)
def test_a_complete_example_has_no_error_and_no_warning(path: Path) -> None:
    result = check_text(path.read_text(encoding="utf-8"), name=path.name)
    assert [f for f in result.findings if f.severity >= Severity.WARNING] == []


@pytest.mark.parametrize("path", MISTAKES, ids=lambda p: p.name)
def test_a_mistakes_file_announces_exactly_the_rules_that_report_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    # The MISTAKE comments, each with the comment lines that continue it.
    announced = set()
    for block in re.findall(r"# MISTAKE:.*?(?=\n\s*[^#\s]|\n\s*# MISTAKE:|\Z)", text, re.S):
        announced |= set(RULE_ID.findall(block))
    reported = {f.rule for f in check_text(text, name=path.name).findings}
    assert reported == announced
