"""Every rule of a framework's pack says which element of the framework it checks and which
course fields satisfy it: ``mcvalidate matrix`` and the crosswalk are built from these, so a
rule without them, or naming a field the format does not have, would leave a hole in both.

The framework packs are the built-in packs with a ``scope`` (a pack without one, such as
``consistency``, holds mcvalidate's own checks, which belong to no framework). A ``reads``
pointer names a field of the course model (or of the pack's own fields), with ``*`` standing
for every item of a list (``/assessments/*/summative``) or every key of a free mapping; a
list's own pointer (``/assessments``) names its items as a whole.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from mcvalidate.catalogue import built_in_packs
from mcvalidate.model.course import Course
from mcvalidate.pointer import escape
from mcvalidate.rules import Pack, Rule

PACKS = built_in_packs()
FRAMEWORK_PACKS = [pack for pack in PACKS if pack.scope is not None]
RULES = [(pack, rule) for pack in FRAMEWORK_PACKS for rule in pack.rules]


def _inner(annotation: object) -> Iterator[tuple[str, object]]:
    """The types a field's value can be, each with the pointer token that reaches inside it:
    ``""`` for the value itself, ``"*"`` for a list's items or a mapping's values."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        yield from _inner(args[0])
    elif origin is typing.Union or origin is types.UnionType:
        for arg in args:
            yield from _inner(arg)
    elif origin in (list, tuple, set, frozenset):
        for arg in args:
            if arg is not Ellipsis:
                yield "*", arg
    elif origin is dict:
        yield "*", args[1]
    else:
        yield "", annotation


def field_pointers(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every pointer a ``reads`` may give for ``model``'s fields (by their YAML names)."""
    pointers: set[str] = set()
    for name, info in model.model_fields.items():
        here = f"{prefix}/{escape(info.alias or name)}"
        pointers.add(here)
        pending = [(here, info.annotation)]
        while pending:
            pointer, annotation = pending.pop()
            for token, inner in _inner(annotation):
                target = f"{pointer}/{token}" if token else pointer
                pointers.add(target)
                if token:
                    pending.append((target, inner))
                elif isinstance(inner, type) and issubclass(inner, BaseModel):
                    pointers |= field_pointers(inner, target)
    return pointers


COURSE_FIELDS = field_pointers(Course)


def test_the_framework_packs_are_found() -> None:
    names = {pack.name for pack in FRAMEWORK_PACKS}
    assert {"bc-framework", "bc-toolkit", "bc-funding"} <= names
    assert "consistency" not in names  # mcvalidate's own checks: no framework, no elements


def test_the_field_walk_knows_nested_and_list_fields() -> None:
    assert {"/workload/hours", "/assessments", "/assessments/*/summative"} <= COURSE_FIELDS
    assert "/recognition/badge/alignment/*/name" in COURSE_FIELDS
    assert "/assessments/summative" not in COURSE_FIELDS
    assert "/assessments/0/summative" not in COURSE_FIELDS


@pytest.mark.parametrize(
    ("pack", "rule"), RULES, ids=[f"{pack.name}-{rule.id}" for pack, rule in RULES]
)
def test_every_framework_rule_declares_its_element_and_the_fields_it_reads(
    pack: Pack, rule: Rule
) -> None:
    assert rule.element.strip(), f"{rule.id} ({pack.name}) declares no element="
    assert rule.reads, f"{rule.id} ({pack.name}) declares no reads="
    known = COURSE_FIELDS | (field_pointers(pack.fields) if pack.fields else set())
    unknown = [pointer for pointer in rule.reads if pointer not in known]
    assert not unknown, (
        f"{rule.id} ({pack.name}) reads {unknown}, which name no field of the course model "
        "(use '*' for a list's items: /assessments/*/summative)"
    )
    assert len(set(rule.reads)) == len(rule.reads), f"{rule.id} lists a field twice"


@pytest.mark.parametrize("pack", FRAMEWORK_PACKS, ids=[pack.name for pack in FRAMEWORK_PACKS])
def test_one_element_has_one_spelling_in_a_pack(pack: Pack) -> None:
    """Rules that check one element share its name exactly: two names that differ only in
    case, spaces or punctuation ("short duration", "Short-duration") would split one element
    in two rows of the matrix."""
    spellings: dict[str, set[str]] = {}
    for rule in pack.rules:
        key = re.sub(r"[\W_]+", "", rule.element.casefold())
        spellings.setdefault(key, set()).add(rule.element)
    assert not [names for names in spellings.values() if len(names) > 1]
