"""Finding rule packs and choosing the rules a run uses.

Packs are found through entry points in the ``mcvalidate.packs`` group, whoever installed
them: the built-in B.C. packs in ``rules/`` register exactly as a third-party distribution
would. The engine imports no pack by name. The ``format`` pack (the course format's own checks)
is part of the engine and always on.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path

from mcvalidate.format_rules import FORMAT_PACK
from mcvalidate.rules import Pack, Rule

GROUP = "mcvalidate.packs"
# Loading and parsing cannot be switched off: without them there is nothing to check.
ALWAYS_ON = frozenset({"MC001", "MC002", "MC005", "MC007", "MC008"})
# The checks of mcvalidate's own mechanisms (ignore comments, baselines) stay on when --select
# names other rules; only --ignore turns them off.
ON_UNLESS_IGNORED = frozenset({"MC030", "MC031", "MC033"})


class SelectionError(ValueError):
    """A pack or rule named on the command line or in configuration does not exist.
    ``name`` is the unknown name, so the caller can say where it was written."""

    def __init__(self, message: str, name: str = "") -> None:
        super().__init__(message)
        self.name = name


def available() -> dict[str, Pack]:
    """Every installed pack by name, loaded from its entry point."""
    packs: dict[str, Pack] = {}
    for ep in sorted(entry_points(group=GROUP), key=lambda e: e.name):
        try:
            pack = ep.load()
        except Exception as exc:  # a pack that cannot load is a configuration error (exit 2)
            raise SelectionError(
                f"the rule pack '{ep.name}' ({ep.value}) failed to load: {exc}"
            ) from exc
        if not isinstance(pack, Pack):
            raise SelectionError(f"the entry point '{ep.name}' ({ep.value}) is not a Pack")
        if pack.name != ep.name:
            raise SelectionError(f"the entry point '{ep.name}' names a pack called '{pack.name}'")
        packs[pack.name] = pack
    return packs


def load_local(paths: Sequence[Path]) -> dict[str, Pack]:
    """Packs from local Python files or package directories (``rule_paths``), each defining
    ``PACK``. Only paths the configuration names are imported: mcvalidate never runs code it
    merely finds in the files it checks."""
    packs: dict[str, Pack] = {}
    for path in paths:
        target = path / "__init__.py" if path.is_dir() else path
        if not target.is_file():
            raise SelectionError(f"the rule path '{path}' is not a Python file or package")
        name = f"mcvalidate_local_{abs(hash(str(path.resolve())))}"
        spec = importlib.util.spec_from_file_location(
            name, target, submodule_search_locations=[str(path)] if path.is_dir() else None
        )
        if spec is None or spec.loader is None:
            raise SelectionError(f"the rule path '{path}' cannot be imported")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except Exception as exc:
            raise SelectionError(f"the rule path '{path}' failed to load: {exc}") from exc
        pack = getattr(module, "PACK", None)
        if not isinstance(pack, Pack):
            raise SelectionError(f"the rule path '{path}' defines no PACK")
        packs[pack.name] = pack
    return packs


@dataclass(frozen=True)
class Selection:
    """The packs and rules of one run, worked out once."""

    packs: tuple[Pack, ...]
    rules: tuple[Rule, ...]

    @property
    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for p in (FORMAT_PACK, *self.packs) for r in p.rules}


def select(
    frameworks: Sequence[str] | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    installed: dict[str, Pack] | None = None,
) -> Selection:
    """Choose packs (default: every installed pack) and filter their rules.

    ``select`` and ``ignore`` take rule ids (``BCF003``), rule names (``competency-based``),
    id prefixes (``BCT``) or pack names; an unknown one is an error that names it.
    """
    installed = available() if installed is None else installed
    names = list(frameworks) if frameworks else sorted(installed)
    unknown = [n for n in names if n not in installed]
    if unknown:
        known = ", ".join(sorted(installed)) or "none installed"
        raise SelectionError(
            f"unknown framework '{unknown[0]}' (installed packs: {known})", unknown[0]
        )
    packs = tuple(installed[n] for n in names)
    candidates = [r for p in (FORMAT_PACK, *packs) for r in p.rules]
    chosen = {r.id for r in candidates}
    selected = list(select)
    if selected:
        chosen = match_rules(selected, candidates, (FORMAT_PACK, *packs)) | ON_UNLESS_IGNORED
    chosen -= match_rules(list(ignore), candidates, (FORMAT_PACK, *packs))
    chosen |= ALWAYS_ON
    return Selection(packs, tuple(r for r in candidates if r.id in chosen))


def match_rules(selectors: Sequence[str], rules: Sequence[Rule], packs: Sequence[Pack]) -> set[str]:
    """The ids of the rules that ``selectors`` name: ids, names, id prefixes or pack names."""
    matched: set[str] = set()
    for selector in selectors:
        hits = {
            r.id
            for r in rules
            if selector in (r.id, r.name) or (selector.isupper() and r.id.startswith(selector))
        }
        named = [pack for pack in packs if pack.name == selector]
        hits.update(r.id for pack in named for r in pack.rules)
        if not hits and not named:
            raise SelectionError(
                f"no rule or pack matches '{selector}' (see 'mcvalidate rules')", selector
            )
        matched |= hits
    return matched
