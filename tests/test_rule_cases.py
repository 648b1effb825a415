"""Runs every case in ``tests/rules/<RULE>.yaml`` with only that rule selected, through the
public test kit (:mod:`mcvalidate.testing`) that third-party packs use too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from mcvalidate.catalogue import built_in_packs
from mcvalidate.testing import assert_case, rule_cases

CASE_DIR = Path(__file__).resolve().parent / "rules"


@pytest.mark.parametrize(("rule_id", "case"), rule_cases(CASE_DIR))
def test_rule_case(rule_id: str, case: dict[str, Any]) -> None:
    assert_case(rule_id, case)


def test_every_check_rule_has_a_case_file() -> None:
    # MC008 (a rule that crashes) cannot be caused by a course file: tests/test_engine.py;
    # MC033 is about a baseline file: tests/test_baseline.py; MC040-MC042 are about several
    # files checked together: tests/test_across.py.
    beyond_one_file = {"MC008", "MC033", "MC040", "MC041", "MC042"}
    rule_ids = {r.id for p in built_in_packs() for r in p.rules} - beyond_one_file
    files = {p.stem for p in CASE_DIR.glob("*.yaml")}
    assert files <= rule_ids, f"case files for unknown rules: {files - rule_ids}"
    assert rule_ids <= files, f"rules without a case file: {sorted(rule_ids - files)}"


def test_every_case_file_has_pass_and_fail_cases() -> None:
    for path in sorted(CASE_DIR.glob("*.yaml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        assert any(c.get("expect") for c in cases), f"{path.name} has no failing case"
        assert any(not c.get("expect") for c in cases), f"{path.name} has no passing case"
