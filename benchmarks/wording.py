"""Measure the outcome-wording rules (BCT007 outcome-action-verb, BCT008 outcome-vague-verb,
BCT009 outcome-compound) on real published B.C. outcome statements.

Usage: ``python benchmarks/wording.py [--quiet]``. Each statement of
``tests/data/outcomes-bc/outcomes.yaml`` is checked on its own, as the one outcome of a tiny
course, and the script prints, per rule and per field (trades, health, business, technology,
arts), how many statements the rule notes, and lists them (``--quiet`` leaves the lists out).

``tests/data/outcomes-bc/labels.yaml`` records, statement by statement, what a curriculum
reviewer would say of each rule (``true``: the reviewer would make the note; ``false``: would
not; ``fair``: a note would be fair, but another rule is the one to make it). The script then
prints each rule's false alarms (notes the reviewer would not make), as a share of its notes
and of all statements, and its misses (``true`` labels the rule does not note). A statement and
rule the labels do not name counts as "the reviewer would not note it", so an unlabelled note
is a false alarm: the labels cannot flatter the rules. ``tests/test_wording.py`` runs
:func:`measure` to keep the counts from growing.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from mcvalidate.testing import check_text

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "outcomes-bc"
RULES = ("BCT007", "BCT008", "BCT009")
FIELDS = ("trades", "health", "business", "technology", "arts")


@dataclass(frozen=True)
class Statement:
    """One published outcome statement, named ``<source id>/<its 1-based place>``."""

    id: str
    field: str
    text: str


@dataclass
class Result:
    """What one rule did on the data set, against the labels."""

    rule: str
    statements: int
    notes: dict[str, str] = field(default_factory=dict)
    """Statement id -> the rule's message, for every statement the rule notes."""
    false_alarms: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)


def statements() -> Iterator[Statement]:
    """Every statement of the data set, in file order."""
    data = yaml.safe_load((DATA / "outcomes.yaml").read_text(encoding="utf-8"))
    for source in data["sources"]:
        for place, text in enumerate(source["outcomes"], start=1):
            yield Statement(f"{source['id']}/{place}", source["field"], text)


Label = bool | str
LABELS = (True, False, "fair")


def labels() -> dict[str, dict[str, Label]]:
    """Statement id -> rule -> what a reviewer would say of that rule's note (see above)."""
    data = yaml.safe_load((DATA / "labels.yaml").read_text(encoding="utf-8"))
    found: dict[str, dict[str, Label]] = {}
    for key, value in data["labels"].items():
        for rule, label in value.items():
            if rule not in RULES or label not in LABELS:
                raise ValueError(f"labels.yaml: {key}: {rule}: {label!r} is not a label")
        found[key] = dict(value)
    return found


def notes(statement: Statement) -> dict[str, str]:
    """Rule id -> message, for the wording rules that note ``statement`` as a course's one
    outcome (json.dumps quotes it as YAML flow text, whatever colons or quotes it holds)."""
    course = f"title: x\nlearning_outcomes:\n  - {json.dumps(statement.text)}\n"
    result = check_text(course, *RULES)
    return {finding.rule: finding.message for finding in result.findings}


def measure() -> tuple[list[Statement], dict[str, Result]]:
    """Run the rules on every statement and compare their notes with the labels."""
    every = list(statements())
    truth = labels()
    results = {rule: Result(rule, len(every)) for rule in RULES}
    known = {s.id for s in every}
    stray = sorted(set(truth) - known)
    if stray:
        raise ValueError(f"labels.yaml names statements not in outcomes.yaml: {stray}")
    for statement in every:
        found = notes(statement)
        for rule, result in results.items():
            label = truth.get(statement.id, {}).get(rule, False)
            if rule in found:
                result.notes[statement.id] = found[rule]
                if label is False:
                    result.false_alarms.append(statement.id)
            elif label is True:
                result.misses.append(statement.id)
    return every, results


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else f"{part}/0"


def report(every: list[Statement], results: dict[str, Result], quiet: bool) -> None:
    by_id = {s.id: s for s in every}
    counts = {f: sum(1 for s in every if s.field == f) for f in FIELDS}
    print(f"{len(every)} statements: " + ", ".join(f"{f} {n}" for f, n in counts.items()))
    for rule, result in results.items():
        print(f"\n{rule}: notes {len(result.notes)} of {len(every)} statements")
        for field_ in FIELDS:
            noted = sum(1 for i in result.notes if by_id[i].field == field_)
            print(f"  {field_:<11} {_share(noted, counts[field_])}")
        false = len(result.false_alarms)
        print(f"  false alarms / notes:      {_share(false, len(result.notes))}")
        print(f"  false alarms / statements: {_share(false, len(every))}")
        print(f"  misses (labelled, not noted): {len(result.misses)}")
        if quiet:
            continue
        for statement_id, message in result.notes.items():
            mark = "FALSE" if statement_id in result.false_alarms else "true "
            print(f"    {mark} {statement_id}: {by_id[statement_id].text}")
            print(f"           {message}")
        for statement_id in result.misses:
            print(f"    MISS  {statement_id}: {by_id[statement_id].text}")


def main(arguments: list[str]) -> None:
    every, results = measure()
    report(every, results, quiet="--quiet" in arguments)


if __name__ == "__main__":
    main(sys.argv[1:])
