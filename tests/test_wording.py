"""The outcome wording analysis behind BCT007-BCT009, on its own and as the rules share it."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from importlib import resources
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from mcvalidate.model import validate_course
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
    ("code", "statement", "first", "vague", "nominal"),
    [
        (
            "en",
            "By the end of this course, learners will be able to identify X",
            "identify",
            "",
            "",
        ),
        ("en", "Students should know X", "know", "know", ""),
        ("en", "Students will understand the cycle", "understand", "understand", ""),
        ("en", "Students will learn about X", "learn", "learn about", ""),
        ("en", "Students are aware of X", "are", "are aware of", ""),
        (
            "en",
            "Demonstrate an understanding of X",
            "Demonstrate",
            "Demonstrate an understanding of",
            "",
        ),
        (
            "en",
            "Demonstrates a thorough understanding of X",
            "Demonstrates",
            "Demonstrates a thorough understanding of",
            "",
        ),
        ("en", "Be prepared to move on to Java", "Be", "Be", ""),
        ("en", "Describes the cycle", "Describes", "", ""),
        ("en", "Chemically relax and straighten hair", "relax", "", ""),
        ("en", "Knowledge of welding symbols", "Knowledge", "", "Knowledge of"),
        ("en", "Introduction to mass timber", "Introduction", "", "Introduction to"),
        ("en", "An overview of GST", "An", "", "An overview"),
        ("en", "Understanding of GST", "Understanding", "", "Understanding of"),
        ("en", "Welding safety in the shop", "Welding", "", "Welding"),
        ("en", "Installation and maintenance of pumps", "Installation", "", "Installation and"),
        ("en", "Management of diabetes", "Management", "", "Management of"),
        ("en", "Basic metallurgy", "Basic", "", "Basic"),
        ("en", "Students' rights", "Students", "", "Students"),
        ("en", "To provide transferable courses", "To", "", "To provide"),
        ("en", "Dispose of sharps safely", "Dispose", "", ""),
        ("en", "Commission a heat pump", "Commission", "", ""),
        ("en", "Function in a team", "Function", "", ""),
        ("fr", "L'apprenant sera capable de comprendre X", "comprendre", "comprendre", ""),
        ("fr", "Être conscient des risques", "Être", "Être conscient des", ""),
        ("fr", "Souder un joint", "Souder", "", ""),
        ("fr", "Se servir d'un niveau", "Se", "", ""),
        ("fr", "Connaissance des produits", "Connaissance", "", "Connaissance des"),
        ("fr", "L'importance de la sécurité", "L'importance", "", "L'importance"),
        ("fr", "Lecture de plans", "Lecture", "", "Lecture"),
        ("fr", "Identify mass timber products", "Identify", "", "Identify"),
    ],
)
def test_start_strips_the_lead_ins_and_finds_the_verb_or_the_topic(
    code: str, statement: str, first: str, vague: str, nominal: str
) -> None:
    begin = start(statement, lists(code))
    assert (begin.first, begin.vague, begin.nominal) == (first, vague, nominal)


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_the_vague_entries_grouped_by_letter_match_as_their_whole_alternation(code: str) -> None:
    """Each group compiles only the entries a text's first letter allows: every text matches
    exactly what the one alternation of all of them matches (the entry, and where it ends)."""
    import re

    from mcvalidate_bc.toolkit.wording import _phrase_pattern, _starts

    found = verbs(code, extra_action=("zap",), extra_vague=("Équilibrer", "the gist", "Kennen"))
    assert found is not None
    entries = found.vague._entries
    whole = re.compile(
        rf"^(?:{'|'.join(p for p, _ in entries)})(?:(?<=')|(?![^\W\d_]))", re.IGNORECASE
    )
    record = LANGUAGES[code]
    phrases = [v for v in (*found.vague_words, *found.action, "Équilibrer", "the gist")]
    texts = [
        *(f"{form} the basics of welding" for p in phrases for form in (p, p.upper(), p.title())),
        *(f"{be} aware of the hazards" for be in record.be),
        "Understands the risk",
        "understanding of ladders",
        "KNOW how to",
        "2 welds",
        "Ünderstand",
        "équilibrer les comptes",
        "Être capable de",
        "the gist of it",
        "",
        "\u212aennen",
        "Kennen",
        "s'approprier les outils",
        "zap the weld",
    ]
    for text in texts:
        mine, theirs = found.vague.match(text), whole.match(text)
        assert (mine and (mine.group(0), mine.end())) == (
            theirs and (theirs.group(0), theirs.end())
        ), text
    assert found.vague.match("\u212aennen the risks") is not None  # a Kelvin sign is a K
    for article in record.articles:  # an article first may be left out: any letter
        assert _starts(f"{article} gist", record) is None
    assert _phrase_pattern("zap", record)  # a plain entry has a pattern of its own


def test_the_caution_words_are_listed_verbs() -> None:
    english = lists("en")
    assert english.ambiguous - english.action - english.vague_words == set()
    assert {"use", "plan", "weld", "value"} <= english.ambiguous


@pytest.mark.parametrize(
    ("code", "statement", "joined"),
    [
        ("en", "Identify and describe the statements", ["describe"]),
        ("en", "Prepare a plan, schedule and budget", []),
        ("en", "Inspect the ladder and report the incident", ["report"]),
        ("en", "Explain the design and use of ladders", []),
        # joined verbs in no list: right after the first verb, or before an object
        ("en", "Weld and grind a joint", ["grind"]),
        ("en", "Plan, prepare and serve a three-course meal", ["prepare", "serve"]),
        ("en", "Tack the plates and deburr the edges", ["deburr"]),
        ("en", "Chemically wave and relax hair", ["relax"]),
        ("en", "Advocate for and facilitate change", ["facilitate"]),
        ("en", "Analyze data; write scripts; use tools and work styles", ["write", "use"]),
        ("en", "Set goals. Assess and analyze needs", ["Assess", "analyze"]),
        # one action: lists of nouns, objects of a purpose, clauses, brackets
        ("en", "Identify tools, materials and fasteners", []),
        (
            "en",
            "Describe ways to organize, provide, administer and evaluate person-centred care",
            [],
        ),
        ("en", "Use critical thinking to plan, implement and evaluate the plan of care", []),
        ("en", "Provide care and assistance that recognizes and respects the client", []),
        ("en", "Manage time by setting, organizing and scheduling activities", []),
        ("en", "Communicate clearly, accurately, and sensitively with clients", []),
        ("en", "Explain terms, concepts, and practices relevant to the industry", []),
        ("en", "Apply lifting, hoisting and rigging procedures", []),
        ("en", "Automate workflows (using e.g., Make, Galaxy)", []),
        ("en", "Identify the roles, scope and required skillset of nurses", []),
        (
            "en",
            "Design and write programs to: perform calculations; read and write files",
            ["write"],
        ),
        ("en", "Describe metallurgy; gas metal arc welding; flux core arc welding", []),
        ("en", "Write modular Python and R code", []),
        ("fr", "Identifier et décrire les états financiers", ["décrire"]),
        ("fr", "Souder et meuler un joint", ["meuler"]),
        ("fr", "Décrire des façons d'organiser, de fournir et d'évaluer les soins", []),
        ("fr", "Identifier les outils, les matériaux et les attaches", []),
    ],
)
def test_compound_verbs_are_the_actions_joined_to_the_first(
    code: str, statement: str, joined: list[str]
) -> None:
    verb_lists = lists(code)
    assert compound_verbs(start(statement, verb_lists), verb_lists) == joined


def test_joined_verbs_are_found_by_structure_not_by_list() -> None:
    english = lists("en")
    unlisted = dataclasses.replace(
        english,
        action=english.action - {"weld", "grind"},
        ambiguous=english.ambiguous - {"weld", "grind"},
    )
    assert compound_verbs(start("Weld and grind a joint", unlisted), unlisted) == ["grind"]
    begin = start("Identify tools, materials and fasteners", unlisted)
    assert compound_verbs(begin, unlisted) == []


def test_the_three_rules_analyse_each_statement_once_per_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[str] = []

    def counting(statement: str, verb_lists: Verbs) -> Start:
        seen.append(statement)
        return start(statement, verb_lists)

    monkeypatch.setattr(language, "start", counting)
    course = validate_course(
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


def benchmark() -> Any:
    """benchmarks/wording.py, loaded as a module (benchmarks/ is not a package; its dataclasses
    need it in sys.modules)."""
    name = "wording_benchmark"
    if name not in sys.modules:
        path = Path(__file__).resolve().parents[1] / "benchmarks" / "wording.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


# What the rules did on the 187 published B.C. outcomes of tests/data/outcomes-bc, against the
# labels there (measured with benchmarks/wording.py): false alarms, misses. A change that makes
# a rule note a statement the reviewer would not note, or miss one it would, fails here.
MEASURED = {"BCT007": (0, 0), "BCT008": (0, 1), "BCT009": (0, 1)}


def test_the_rules_raise_no_more_false_alarms_on_published_outcomes_than_measured() -> None:
    measurement = benchmark()
    every, results = measurement.measure()
    assert len(every) >= 150
    assert {s.field for s in every} == set(measurement.FIELDS)
    found = {rule: (len(r.false_alarms), len(r.misses)) for rule, r in results.items()}
    for rule, (false_alarms, misses) in MEASURED.items():
        assert found[rule][0] <= false_alarms, (rule, results[rule].false_alarms)
        assert found[rule][1] <= misses, (rule, results[rule].misses)
