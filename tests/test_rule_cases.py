"""Runs every case in ``tests/rules/<RULE>.yaml`` with only that rule selected.

A case file looks like::

    rule: BCF003
    cases:
      - name: no competencies
        yaml: |
          title: Mass timber
        expect:
          - {pointer: /competencies, line: 1}
      - name: one competency
        yaml: |
          ...
        expect: []

Each expected finding gives the pointer and line (and optionally ``column``, ``end_line``,
``end_column`` and ``message`` — a fragment the message must contain). A case may set
``today`` (the run's date) for rules that compare dates, ``settings`` (engine settings such as
``require_reason: true``) and ``also`` (more rules to run, for the rules about suppressions).
The findings of the rule under test must match the expected list exactly, in position order.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import yaml

from conftest import ROOT, TODAY, check_text

CASE_DIR = ROOT / "tests" / "rules"


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASE_DIR.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert spec["rule"] == path.stem, f"{path.name} declares rule {spec['rule']}"
        for case in spec["cases"]:
            params.append(pytest.param(spec["rule"], case, id=f"{path.stem}: {case['name']}"))
    return params


@pytest.mark.parametrize(("rule_id", "case"), _cases())
def test_rule_case(rule_id: str, case: dict[str, Any]) -> None:
    today = case.get("today", TODAY)
    if isinstance(today, str):
        today = datetime.date.fromisoformat(today)
    result = check_text(
        case["yaml"], *case.get("also", ()), rule_id, today=today, **case.get("settings", {})
    )
    found = [f for f in result.findings if f.rule == rule_id]
    expected = case.get("expect") or []
    assert len(found) == len(expected), f"expected {len(expected)} finding(s), got: " + "; ".join(
        f"{f.pointer} line {f.span.line}: {f.message}" for f in found
    )
    for finding, want in zip(found, expected, strict=True):
        assert finding.pointer == want["pointer"]
        assert finding.span.line == want["line"], finding
        for key in ("column", "end_line", "end_column"):
            if key in want:
                assert getattr(finding.span, key) == want[key], (key, finding)
        if "message" in want:
            assert want["message"] in finding.message


def test_every_check_rule_has_a_case_file() -> None:
    from mcvalidate.catalogue import packs

    # MC008 (a rule that crashes) cannot be caused by a course file: tests/test_engine.py;
    # MC033 is about a baseline file: tests/test_baseline.py.
    rule_ids = {r.id for p in packs() for r in p.rules} - {"MC008", "MC033"}
    files = {p.stem for p in CASE_DIR.glob("*.yaml")}
    assert files <= rule_ids, f"case files for unknown rules: {files - rule_ids}"
    assert rule_ids <= files, f"rules without a case file: {sorted(rule_ids - files)}"


def test_every_case_file_has_pass_and_fail_cases() -> None:
    for path in sorted(CASE_DIR.glob("*.yaml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        assert any(c.get("expect") for c in cases), f"{path.name} has no failing case"
        assert any(not c.get("expect") for c in cases), f"{path.name} has no passing case"
