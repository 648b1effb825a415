"""The outcome wording analysis behind BCT007-BCT009, on its own and as the rules share it."""

from __future__ import annotations

from importlib import resources

import pytest

from conftest import check_text
from mcvalidate_bc.toolkit import language
from mcvalidate_bc.toolkit.wording import LANGUAGES, Start, Verbs, compound_verbs, start, verbs


def lists(code: str) -> Verbs:
    found = verbs(code)
    assert found is not None
    return found


def test_every_language_record_has_its_two_verb_lists_and_no_list_lacks_a_record() -> None:
    shipped = {p.name for p in (resources.files("mcvalidate_bc.toolkit") / "verbs").iterdir()}
    expected = {f"{code}-{kind}.txt" for code in LANGUAGES for kind in ("action", "vague")}
    assert {name for name in shipped if name.endswith(".txt")} == expected
    assert all(verbs(code) is not None for code in LANGUAGES)


def test_a_language_without_a_record_is_not_checked() -> None:
    assert verbs("de") is None
    assert verbs("../en") is None


@pytest.mark.parametrize(
    ("code", "statement", "first", "vague", "action"),
    [
        (
            "en",
            "By the end of this course, learners will be able to identify X",
            "identify",
            "",
            True,
        ),
        ("en", "Students should know X", "know", "know", False),
        (
            "en",
            "Demonstrate an understanding of X",
            "Demonstrate",
            "Demonstrate an understanding of",
            True,
        ),
        ("en", "Describes the cycle", "Describes", "", True),
        ("fr", "L'apprenant sera capable de comprendre X", "comprendre", "comprendre", False),
        ("fr", "Être conscient des risques", "Être", "Être conscient des", False),
    ],
)
def test_start_strips_the_lead_ins_and_finds_the_verb(
    code: str, statement: str, first: str, vague: str, action: bool
) -> None:
    begin = start(statement, lists(code))
    assert (begin.first, begin.vague, begin.action) == (first, vague, action)


@pytest.mark.parametrize(
    ("code", "statement", "joined"),
    [
        ("en", "Identify and describe the statements", ["describe"]),
        ("en", "Prepare a plan, schedule and budget", []),
        ("en", "Inspect the ladder and report the incident", ["report"]),
        ("en", "Explain the design and use of ladders", []),
        ("fr", "Identifier et décrire les états financiers", ["décrire"]),
    ],
)
def test_compound_verbs_are_the_actions_joined_to_the_first(
    code: str, statement: str, joined: list[str]
) -> None:
    verb_lists = lists(code)
    assert compound_verbs(start(statement, verb_lists), verb_lists) == joined


def test_the_three_rules_analyse_each_statement_once_per_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[str] = []

    def counting(statement: str, verb_lists: Verbs) -> Start:
        seen.append(statement)
        return start(statement, verb_lists)

    monkeypatch.setattr(language, "start", counting)
    text = "title: x\nlearning_outcomes:\n  - Understand X\n  - Identify and describe Y\n"
    result = check_text(text, "BCT007", "BCT008", "BCT009")
    assert [f.rule for f in result.findings] == ["BCT008", "BCT009"]
    assert seen == ["Understand X", "Identify and describe Y"]
    check_text(text, "BCT007", "BCT008", "BCT009")
    assert len(seen) == 4  # a new file, a new analysis
