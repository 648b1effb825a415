"""Every rule is documented, cites a source, and its documented examples behave as documented.

The ``Fails::`` and ``Passes::`` examples in a rule's docstring are what ``mcvalidate explain``
shows a user; running them (through the public test kit) keeps them honest.
"""

from __future__ import annotations

import pytest

from mcvalidate.catalogue import built_in_packs
from mcvalidate.rules import Rule
from mcvalidate.testing import assert_examples, example, rule_examples

# Rules whose examples cannot be YAML text: about bytes, a bug in a rule, a baseline file,
# several files checked together (tests/test_across.py runs those).
PROSE_EXAMPLES = {"MC002", "MC008", "MC033", "MC040", "MC041", "MC042", "MC060"}
PACKS = built_in_packs()
ALL_RULES = [pytest.param(r, id=r.id) for p in PACKS for r in p.rules]


@pytest.mark.parametrize("rule", ALL_RULES)
def test_rule_is_documented(rule: Rule) -> None:
    assert rule.summary.endswith("."), rule.id
    assert len(rule.doc) > 80, f"{rule.id} needs a paragraph on what it checks and why"
    assert rule.source.document and rule.source.clause
    assert rule.source.url.startswith(("https://", "docs/"))
    assert rule.source.evidence in ("verbatim", "secondary", "inferred")
    example(rule, "Fails")
    example(rule, "Passes")


@pytest.mark.parametrize("rule", rule_examples(PACKS))
def test_documented_examples_behave(rule: Rule) -> None:
    assert_examples(rule)


def test_prose_examples_are_only_where_yaml_cannot_show_it() -> None:
    prose = {r.id for p in PACKS for r in p.rules} - {p.values[0].id for p in rule_examples(PACKS)}
    assert prose == PROSE_EXAMPLES
