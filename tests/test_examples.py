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
# Written from real public B.C. offerings (their pages are named in each file's header): what
# the page does not say is filled in plausibly, and an info may remain, as it would for a
# real course.
REAL = sorted((ROOT / "examples" / "real").glob("*.yaml"))
MISTAKES = sorted((ROOT / "examples" / "mistakes").glob("*.yaml"))
RULE_ID = re.compile(r"\b(?:MC|BCF|BCT|CON)\d{3}\b")


@pytest.mark.parametrize("path", COMPLETE + REAL, ids=lambda p: p.name)
def test_a_complete_example_has_no_error_and_no_warning(path: Path) -> None:
    result = check_text(path.read_text(encoding="utf-8"), name=path.name)
    assert [f for f in result.findings if f.severity >= Severity.WARNING] == []


def test_there_are_real_offerings_of_each_kind_with_their_pages() -> None:
    kinds = {"trades": "heat-pump", "health": "dementia", "indigenous": "reconciliation"}
    names = " ".join(p.name for p in REAL)
    assert all(word in names for word in kinds.values()), names
    for path in REAL:
        header = path.read_text(encoding="utf-8").split("\nformat:")[0]
        pages = re.findall(r"^#.*?(https://\S+)", header, re.M)
        assert [p for p in pages if "example.org" not in p], f"{path.name} names no public page"


@pytest.mark.parametrize("path", MISTAKES, ids=lambda p: p.name)
def test_a_mistakes_file_announces_exactly_the_rules_that_report_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    # The MISTAKE comments, each with the comment lines that continue it.
    announced = set()
    for block in re.findall(r"# MISTAKE:.*?(?=\n\s*[^#\s]|\n\s*# MISTAKE:|\Z)", text, re.S):
        announced |= set(RULE_ID.findall(block))
    reported = {f.rule for f in check_text(text, name=path.name).findings}
    assert reported == announced


def test_the_format_documents_whole_file_passes_and_uses_block_lists_for_prose() -> None:
    """docs/course-format.md's whole file is what designers copy: it must teach no trap."""
    doc = (ROOT / "docs" / "course-format.md").read_text(encoding="utf-8")
    whole = doc.split("## A whole file", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    assert check_text(whole, name="mass-timber-intro.yaml").findings == ()
    assert "prerequisites:\n  - " in whole and "evidence:\n      - " in whole


def test_every_framework_pack_has_an_example_that_passes_under_it() -> None:
    """Each framework's pack is applied (by its scope, or by the file's frameworks: list) to
    at least one complete example, which has no error and no warning from it."""
    from mcvalidate.catalogue import built_in_packs

    # An export profile is no framework: its own tests cover it (tests/export/).
    frameworks = {p.name for p in built_in_packs() if p.scope is not None and not p.scope.profile}
    passing: set[str] = set()
    for path in COMPLETE + REAL:
        result = check_text(path.read_text(encoding="utf-8"), name=path.name)
        passing |= set(result.frameworks) & frameworks
        assert [f for f in result.findings if f.severity >= Severity.WARNING] == []
    assert sorted(frameworks - passing) == []
