"""The outcome wording analysis behind BCT007-BCT009, on its own and as the rules share it."""

from __future__ import annotations

from importlib import resources
from types import SimpleNamespace
from typing import Any

import pytest

from mcvalidate.model import Course
from mcvalidate_bc.toolkit import language
from mcvalidate_bc.toolkit.wording import LANGUAGES, Start, Verbs, compound_verbs, start, verbs


def context(options: dict[str, Any], shared: dict[str, Any]) -> Any:
    """What outcome_starts reads of a file's rule context: the options and ctx.shared."""
    return SimpleNamespace(options=options, shared=shared)


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
    course = Course.model_validate(
        {"title": "x", "learning_outcomes": ["Understand X", "Identify and describe Y"]}
    )
    ctx = context({}, {})
    first = language.outcome_starts(course, ctx)
    assert [begin.first for _, begin, _ in first] == ["Understand", "Identify"]
    assert language.outcome_starts(course, ctx) is first
    assert seen == ["Understand X", "Identify and describe Y"]
    other = context({"action_verbs": ["triage"]}, ctx.shared)
    language.outcome_starts(course, other)
    assert len(seen) == 4  # other options, other verb lists: analysed for them
    language.outcome_starts(course, context({}, {}))
    assert len(seen) == 6  # a new file, a new analysis
