"""One mistake, one finding: a misspelt or misplaced key is reported once and read as the
field it was meant to be, a look-alike reference once and read as the id it looks like, and
a file's findings list the causes before their consequences."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from mcvalidate.cli import cli
from mcvalidate.findings import Finding
from mcvalidate.testing import check_text

ROOT = Path(__file__).resolve().parents[1]
MISTAKES = (ROOT / "examples" / "mistakes" / "outcomes-and-assessments.yaml").read_text(
    encoding="utf-8"
)
COMPLETE = (ROOT / "examples" / "mass-timber-construction.yaml").read_text(encoding="utf-8")


def findings(text: str) -> list[Finding]:
    return list(check_text(text, name="c.yaml").findings)


def shape(found: list[Finding]) -> set[tuple[str, str, int, int, int]]:
    """What is reported where (the end column of a misspelt key itself is its own length)."""
    return {(f.rule, f.pointer, f.span.line, f.span.column, f.span.end_line) for f in found}


@pytest.mark.parametrize(
    ("right", "wrong"),
    [
        ("competencies", "competences"),
        ("learning_outcomes", "learning_outcome"),
        ("assessments", "assesments"),
        ("quality_assurance", "quality_assurence"),
    ],
)
def test_a_misspelt_key_is_one_finding_and_is_read_as_the_field(right: str, wrong: str) -> None:
    """The findings of the misspelt file are those of the right one, with pointers under the
    key as written, plus the one unknown key."""
    misspelt = MISTAKES.replace(f"\n{right}:", f"\n{wrong}:", 1)
    assert misspelt != MISTAKES
    before, after = findings(MISTAKES), findings(misspelt)
    added = [f for f in after if f.rule == "MC010"]
    assert [f.pointer for f in added] == [f"/{wrong}"]
    assert f"it is read as '{right}'" in added[0].message
    assert added[0].fix.startswith(f"Did you mean '{right}'?")
    # Every other finding is the same, at the same place, named by the key the file wrote.
    moved = {
        (rule, re.sub(f"^/{right}(?=/|$)", f"/{wrong}", pointer), *span)
        for rule, pointer, *span in shape(before)
    }
    assert shape([f for f in after if f.rule != "MC010"]) == moved


def test_competences_no_longer_makes_six_errors() -> None:
    text = COMPLETE.replace("\ncompetencies:", "\ncompetences:", 1)
    found = findings(text)
    assert [(f.rule, f.severity.value) for f in found] == [("MC010", "error")]


def test_a_misspelt_key_inside_a_read_key_is_read_too_and_positioned_where_written() -> None:
    text = "title: Mass timber\ncompetences:\n  - {id: C1, statment: Install CLT panels}\n"
    found = [f for f in findings(text) if f.rule == "MC010"]
    assert [(f.pointer, f.span.line, f.span.column) for f in found] == [
        ("/competences", 2, 1),
        ("/competences/0/statment", 3, 14),
    ]
    assert "read as 'statement'" in found[1].message


def test_a_key_dedented_out_of_its_parent_belongs_under_it() -> None:
    start = COMPLETE.index("  badge:\n")
    end = COMPLETE.index("\npathways:")
    badge = COMPLETE[start:end]
    dedented = "\n".join(line[2:] for line in badge.splitlines())
    text = COMPLETE[:start] + COMPLETE[end + 1 :] + dedented + "\n"
    found = findings(text)
    assert len(found) == 1, [f.message for f in found]
    (only,) = found
    assert only.rule == "MC010" and only.pointer == "/badge"
    assert only.message.endswith("'badge' belongs under 'recognition:'.")
    assert only.fix.startswith("Indent 'badge:' under 'recognition:'")
    assert "Allowed here" not in only.fix  # not a list of the 28 top-level keys


def test_a_field_read_under_a_parent_the_file_lacks_still_gets_that_parents_findings() -> None:
    text = "title: Mass timber\nstatus: active\napproved_by: Education Council\n"
    found = findings(text)
    rules = {f.rule for f in found}
    assert "BCF009" not in rules  # the approving body is read under quality_assurance
    assert "BCF016" in rules  # ... and its date is still missing, reported at the top
    unknown = [f for f in found if f.rule == "MC010"]
    assert [f.message for f in unknown] == [
        "Unknown field 'approved_by' in the top level: 'approved_by' belongs under "
        "'quality_assurance:'."
    ]


@pytest.mark.parametrize(
    "text",
    [
        # The field it is close to is there: the key is the author's own, or a duplicate.
        "title: Mass timber\nsummary: A.\nsumary: B.\n",
        # Not close enough to any field to be taken for one.
        "title: Mass timber\ncomments: none\n",
        # An author's own key is never read as a field.
        "title: Mass timber\nx-competences: []\n",
        # A field of two child mappings (credit.value, level.value): which one is unclear.
        "title: Mass timber\nvalue: 3\n",
    ],
)
def test_a_key_is_read_as_another_only_when_that_is_clear(text: str) -> None:
    assert all("read as" not in f.message for f in findings(text))
    assert all("belongs under" not in f.message for f in findings(text))


def test_the_value_of_a_read_key_is_checked_where_it_was_meant_to_be() -> None:
    text = "title: Mass timber\nworkload:\n  hour: -3\n"
    found = [f for f in findings(text) if f.rule.startswith("MC")]
    assert [(f.rule, f.pointer, f.span.line, f.span.column) for f in found] == [
        ("MC010", "/workload/hour", 3, 3),
        ("MC012", "/workload/hour", 3, 9),
    ]
    assert "'workload.hours' must be greater than 0" in found[1].message


LOOKALIKE = """\
title: Mass timber
competencies:
  - {id: C1, statement: Install CLT panels}
learning_outcomes:
  - {id: LO1, statement: Install CLT panels to the sequence, competencies: [c1]}
  - {id: LO3, statement: Seal panel joints against moisture, competencies: [C1]}
assessments:
  - {id: A1, type: practical, summative: true, outcomes: [LO1, L03], passing: pass}
"""


def test_a_look_alike_reference_is_one_finding_and_read_as_the_id() -> None:
    found = findings(LOOKALIKE)
    refs = [f for f in found if f.rule == "MC022"]
    lines = LOOKALIKE.splitlines()
    assert [(f.pointer, f.span.line, f.span.column, f.span.end_column) for f in refs] == [
        ("/learning_outcomes/0/competencies/0", 5, lines[4].index("c1]") + 1, 79),
        ("/assessments/0/outcomes/1", 8, lines[7].index("L03") + 1, 67),
    ]
    assert refs[1].message == (
        "There is no learning outcome with the id 'L03'; it is read as 'LO3', which it looks like."
    )
    # Nothing follows from the slip: LO3 counts as assessed and C1 as served.
    assert not [f for f in found if f.rule in ("BCT003", "BCT005")]


def test_a_reference_off_by_a_digit_is_not_read_as_another_id() -> None:
    text = LOOKALIKE.replace("[LO1, L03]", "[LO1, LO4]")
    found = findings(text)
    (ref,) = [f for f in found if f.rule == "MC022" and "LO4" in f.message]
    assert "read as" not in ref.message
    assert [f.rule for f in found if f.rule == "BCT003"] == ["BCT003"]  # LO3 is not assessed


def test_two_ids_of_one_look_make_no_reading() -> None:
    text = LOOKALIKE.replace("{id: LO3,", "{id: L01,").replace("[LO1, L03]", "[lo1]")
    (ref,) = [f for f in findings(text) if f.rule == "MC022" and "'lo1'" in f.message]
    assert "read as" not in ref.message


def test_causes_come_before_their_consequences_in_the_report(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(MISTAKES.replace("\nassessments:", "\nassesments:", 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(path)])
    rules = [f["rule"] for f in json.loads(result.stdout)["findings"]]
    format_first = sorted(rules, key=lambda r: not r.startswith("MC"))
    assert rules == format_first
    assert "MC010" in rules and not rules[-1].startswith("MC")
    text = CliRunner().invoke(cli, ["check", "-q", "--color", "never", str(path)]).stdout
    assert " MC0" in text.splitlines()[0]
