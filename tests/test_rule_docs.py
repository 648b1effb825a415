"""Every rule is documented, cites a source, and its documented examples behave as documented.

The ``Fails::`` and ``Passes::`` examples in a rule's docstring are what ``mcvalidate explain``
shows a user; running them keeps them honest.
"""

from __future__ import annotations

import re

import pytest

from conftest import check_text
from mcvalidate.catalogue import packs
from mcvalidate.rules import Rule

# Rules whose examples cannot be YAML text: about bytes, a bug in a rule, a baseline file.
PROSE_EXAMPLES = {"MC002", "MC008", "MC033"}
ALL_RULES = [pytest.param(r, id=r.id) for p in packs() for r in p.rules]


def example(rule: Rule, heading: str) -> str:
    match = re.search(rf"^{heading}::\n\n((?:    .*\n?|\n)+)", rule.doc, re.MULTILINE)
    assert match, f"{rule.id} has no '{heading}::' example"
    lines = match.group(1).rstrip().splitlines()
    return "\n".join(line[4:] for line in lines) + "\n"


@pytest.mark.parametrize("rule", ALL_RULES)
def test_rule_is_documented(rule: Rule) -> None:
    assert rule.summary.endswith("."), rule.id
    assert len(rule.doc) > 80, f"{rule.id} needs a paragraph on what it checks and why"
    assert rule.source.document and rule.source.clause
    assert rule.source.url.startswith(("https://", "docs/"))
    assert rule.source.evidence in ("verbatim", "secondary", "inferred")
    example(rule, "Fails")
    example(rule, "Passes")


@pytest.mark.parametrize("rule", [p for p in ALL_RULES if p.values[0].id not in PROSE_EXAMPLES])
def test_documented_examples_behave(rule: Rule) -> None:
    # All rules run, as they would for a user (an unused-ignore example needs the rule it
    # names), with reasons required (for the rule that asks for them).
    failing = check_text(example(rule, "Fails"), require_reason=True)
    assert any(f.rule == rule.id for f in failing.findings), f"{rule.id}: 'Fails' example passes"
    passing = check_text(example(rule, "Passes"), require_reason=True)
    assert not [f for f in passing.findings if f.rule == rule.id], (
        f"{rule.id}: 'Passes' example fails: {[f.message for f in passing.findings]}"
    )


def test_prose_examples_are_only_where_yaml_cannot_show_it() -> None:
    for p in ALL_RULES:
        rule = p.values[0]
        is_prose = example(rule, "Fails").startswith("(")
        assert is_prose == (rule.id in PROSE_EXAMPLES), rule.id
