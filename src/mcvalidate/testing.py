"""A test kit for rule packs: check YAML text in memory, run YAML case files, and run the
``Fails::``/``Passes::`` examples of rule docstrings, the way mcvalidate tests its own packs.

Used from a pack's own repository with pytest (which this module imports only when asked for
test parameters)::

    from pathlib import Path

    import pytest
    from mcvalidate.testing import assert_case, assert_examples, rule_cases, rule_examples

    from my_pack import PACK

    @pytest.mark.parametrize(("rule_id", "case"), rule_cases(Path(__file__).parent / "rules"))
    def test_rule_case(rule_id, case):
        assert_case(rule_id, case, packs=[PACK])

    @pytest.mark.parametrize("rule", rule_examples([PACK]))
    def test_documented_examples(rule):
        assert_examples(rule, packs=[PACK])

A case file (``rules/<RULE>.yaml``) looks like::

    rule: ECC001
    cases:
      - name: no banner code
        yaml: |
          title: Mass timber
        expect:
          - {pointer: /x-banner-code, line: 1}
      - name: a banner code
        yaml: |
          title: Mass timber
          x-banner-code: CARP-101
        expect: []

Each expected finding gives the pointer and line (and optionally ``column``, ``end_line``,
``end_column`` and ``message``, a fragment the message must contain). A case may set ``today``
(the run's date) for rules that compare dates, ``options`` (the rule's options, as
``rule_options`` would set them), ``settings`` (engine settings such as ``require_reason:
true``) and ``also`` (more rules to run, for the rules about suppressions). The findings of the
rule under test must match the expected list exactly, in position order.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from mcvalidate.engine import Checker
from mcvalidate.findings import FileResult
from mcvalidate.packs import Registry
from mcvalidate.rules import Pack, Rule
from mcvalidate.settings import Settings

# The date case files and examples are checked on, unless they say otherwise: fixed, so
# that a test of a date rule gives the same result every day.
TODAY = datetime.date(2026, 6, 1)
# Rules whose examples cannot be YAML text (about bytes, a crashing rule, a baseline file)
# write them in prose, starting with "(".
_PROSE = "("


_REGISTRIES: dict[tuple[int, ...], tuple[tuple[Pack, ...], Registry]] = {}


def _registry(packs: tuple[Pack, ...]) -> Registry:
    """One registry per set of pack objects, made once (the entry points are scanned once
    per test session, not once per case). Packs hold read-only mappings, which cannot be
    hashed: they are told apart by identity, and kept alive with the registry."""
    key = tuple(id(pack) for pack in packs)
    if key not in _REGISTRIES:
        _REGISTRIES[key] = (packs, Registry(packs=packs))
    return _REGISTRIES[key][1]


def check_text(
    text: str,
    *rules: str,
    packs: Iterable[Pack] = (),
    frameworks: Sequence[str] | None = None,
    name: str = "course.yaml",
    today: datetime.date = TODAY,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    **settings: Any,
) -> FileResult:
    """Check YAML ``text`` as ``mcvalidate check`` would, with only ``rules`` selected (ids,
    names, prefixes or pack names; all rules when none are given).

    ``packs`` are pack objects to apply besides the installed ones (a pack under development
    need not be installed; one given here replaces an installed pack of the same name), and
    are applied as packs named with ``--framework`` are (to a file that does not say where its
    issuer is; a file outside the pack's scope gets its scope note);
    ``frameworks`` limits the packs applied; ``options`` maps rule ids to their options;
    ``settings`` are :class:`mcvalidate.settings.Settings` fields (``require_reason=True``).
    """
    packs = tuple(packs)
    registry = _registry(packs)
    selection = registry.select(frameworks, list(rules))
    # A pack handed over is asked for: it applies to a file that does not say where it is
    # from, as a pack named with --framework does.
    selection.named |= {pack.name for pack in packs}
    checked: dict[str, dict[str, Any]] = {}
    for rule_name, values in (options or {}).items():
        for rule_id in selection.resolve(rule_name):
            declared = selection.by_id[rule_id].options
            for key, value in values.items():
                if key not in declared:
                    raise ValueError(f"{rule_id} has no option {key!r}")
                problem = declared[key].problem(value)
                if problem:
                    raise ValueError(f"{rule_id}.{key} {problem}")
                checked.setdefault(rule_id, {})[key] = value
    checker = Checker(selection, Settings(today=today, options=checked, **settings))
    return checker.check_bytes(name, text.encode("utf-8"))


def rule_cases(directory: Path | str) -> list[Any]:
    """One ``pytest.param(rule_id, case)`` per case of every ``*.yaml`` case file in
    ``directory``, with an id naming the file and the case."""
    import pytest
    import yaml

    params = []
    for path in sorted(Path(directory).glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        if spec.get("rule") != path.stem:
            raise ValueError(f"{path.name} declares rule {spec.get('rule')!r}, not {path.stem}")
        for case in spec["cases"]:
            params.append(pytest.param(spec["rule"], case, id=f"{path.stem}: {case['name']}"))
    return params


def assert_case(rule_id: str, case: Mapping[str, Any], packs: Iterable[Pack] = ()) -> None:
    """Check one case of a case file: the findings of ``rule_id`` are exactly those expected."""
    today = case.get("today", TODAY)
    if isinstance(today, str):
        today = datetime.date.fromisoformat(today)
    result = check_text(
        case["yaml"],
        *case.get("also", ()),
        rule_id,
        packs=packs,
        today=today,
        options={rule_id: case["options"]} if "options" in case else None,
        **case.get("settings", {}),
    )
    found = [f for f in result.findings if f.rule == rule_id]
    expected = case.get("expect") or []
    listing = "; ".join(f"{f.pointer} line {f.span.line}: {f.message}" for f in found)
    assert len(found) == len(expected), f"expected {len(expected)} finding(s), got: {listing}"
    for finding, want in zip(found, expected, strict=True):
        assert finding.pointer == want["pointer"], (finding.pointer, want)
        assert finding.span.line == want["line"], finding
        for key in ("column", "end_line", "end_column"):
            if key in want:
                assert getattr(finding.span, key) == want[key], (key, finding)
        if "message" in want:
            assert want["message"] in finding.message, (want["message"], finding.message)


def example(rule: Rule, heading: str) -> str:
    """The YAML of a rule's ``Fails::`` or ``Passes::`` example (its docstring's block)."""
    match = re.search(rf"^{heading}::\n\n((?:    .*\n?|\n)+)", rule.doc, re.MULTILINE)
    if match is None:
        raise AssertionError(f"{rule.id} has no '{heading}::' example")
    lines = match.group(1).rstrip().splitlines()
    return "\n".join(line[4:] for line in lines) + "\n"


def rule_examples(packs: Iterable[Pack]) -> list[Any]:
    """One ``pytest.param(rule)`` per rule of ``packs`` whose examples are YAML."""
    import pytest

    return [
        pytest.param(rule, id=rule.id)
        for pack in packs
        for rule in pack.rules
        if not example(rule, "Fails").startswith(_PROSE)
    ]


def assert_examples(rule: Rule, packs: Iterable[Pack] = ()) -> None:
    """The rule's ``Fails::`` example gets a finding of the rule, its ``Passes::`` example
    none. Every rule runs, as for a user, with reasons for ignores required."""
    packs = tuple(packs)
    failing = check_text(example(rule, "Fails"), packs=packs, require_reason=True)
    assert any(f.rule == rule.id for f in failing.findings), f"{rule.id}: 'Fails' example passes"
    passing = check_text(example(rule, "Passes"), packs=packs, require_reason=True)
    wrong = [f.message for f in passing.findings if f.rule == rule.id]
    assert not wrong, f"{rule.id}: 'Passes' example fails: {wrong}"


__all__ = [
    "TODAY",
    "assert_case",
    "assert_examples",
    "check_text",
    "example",
    "rule_cases",
    "rule_examples",
]
