"""A B.C. pack's rules are the rules its modules define, in the order of their ids."""

from __future__ import annotations

from types import ModuleType

from mcvalidate.rules import rules_of
from mcvalidate_bc.framework import PACK as FRAMEWORK_PACK
from mcvalidate_bc.toolkit import PACK as TOOLKIT_PACK
from mcvalidate_bc.toolkit import design, language
from mcvalidate_consistency import PACK as CONSISTENCY_PACK


def test_the_packs_list_their_rules_by_id() -> None:
    for pack in (FRAMEWORK_PACK, TOOLKIT_PACK, CONSISTENCY_PACK):
        ids = [r.id for r in pack.rules]
        assert ids == sorted(ids)
    assert len(FRAMEWORK_PACK.rules) == 21
    assert len(TOOLKIT_PACK.rules) == 19
    assert [r.id for r in CONSISTENCY_PACK.rules] == [f"CON{n:03}" for n in range(1, 16)]


def test_a_rule_a_module_imports_is_not_collected_again() -> None:
    module = ModuleType("elsewhere")
    vars(module)["outcome_compound"] = language.outcome_compound
    assert rules_of(module) == ()
    ids = [r.id for r in rules_of(language, design, module)]
    assert ids == [f"BCT{n:03}" for n in (2, 3, 4, 5, 6, 7, 8, 9, 20)]
