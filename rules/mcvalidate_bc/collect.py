"""How a B.C. pack lists its rules: every rule its modules define, in the order of their ids.

A rule joins its pack by being written in one of the pack's modules; no second list to keep.
"""

from __future__ import annotations

from types import ModuleType

from mcvalidate.rules import Rule


def rules_of(*modules: ModuleType) -> tuple[Rule, ...]:
    """The rules defined in ``modules`` (not those they import), sorted by rule id."""
    found = [
        value
        for module in modules
        for value in vars(module).values()
        if isinstance(value, Rule)
        and value.check is not None
        and value.check.__module__ == module.__name__
    ]
    return tuple(sorted(found, key=lambda r: r.id))
