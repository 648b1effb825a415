"""The registry of rule packs: finding them, loading only those a run applies, and resolving
every rule or pack name a user writes.

Packs are found through entry points in the ``mcvalidate.packs`` group, whoever installed
them: the built-in B.C. packs in ``rules/`` register exactly as a third-party distribution
would, and the engine imports no pack by name. Local packs named by the configuration
(``rule_paths``) join the same registry. The ``format`` pack (the course format's own checks)
is part of the engine and always applied.

A pack is imported only when a run applies it (or ``rules``/``explain`` asks about it), so a
broken pack breaks only the runs that use it. Everything a user writes to name rules (the
command line's ``--select``/``--ignore``/``--framework``, the configuration's ``severity``,
``rule_options`` and ``per_file_ignores``, inline ignores, ``explain``) goes through
:meth:`Selection.resolve` or :meth:`Registry.find`: one case rule (case does not matter), one
set of messages, each listing what exists.
"""

from __future__ import annotations

import contextlib
import importlib.util
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal, NamedTuple, TypeVar

from mcvalidate import __version__
from mcvalidate.errors import PackError, SelectionError, describe
from mcvalidate.format_rules import FORMAT_PACK
from mcvalidate.installed import Found, entry_points
from mcvalidate.rules import LOCAL_MODULE, Pack, Rule, satisfies
from mcvalidate.text import closest
from mcvalidate.trust import check_trusted

# The framework name that stands for every installed pack (``--framework all``).
ALL = "all"

RESERVED_PREFIX = FORMAT_PACK.prefix
_SELECTOR_PREFIX = re.compile(r"^[A-Za-z]{2,5}[0-9]{0,2}$")


class Origin(NamedTuple):
    """Where a pack comes from: a distribution's entry point (``target`` is its value), a local
    ``rule_paths`` file (``target`` is the path), or a pack object handed to the registry."""

    target: str
    distribution: str = ""
    version: str = ""
    kind: Literal["distribution", "rule path", "object"] = "distribution"

    def __str__(self) -> str:
        if self.kind == "rule path":
            return f"rule path {self.target}"
        if self.kind == "object":
            return "a pack object given to the registry (a test)"
        if not self.distribution:
            return f"entry point {self.target}"
        return f"distribution {self.distribution} {self.version}".rstrip()


@dataclass
class _Entry:
    """One pack name of the registry, loaded on first use."""

    name: str
    loaders: list[Callable[[], Pack]]
    origins: list[Callable[[], Origin]]
    pack: Pack | None = None
    error: str = ""

    @cached_property
    def origin(self) -> Origin:
        return self.origins[0]()


def _entry_point_origin(ep: Found) -> Callable[[], Origin]:
    def origin() -> Origin:
        return Origin(ep.value, *ep.distribution())

    return origin


class Registry:
    """Every pack a run can name, found once per run; packs are imported on demand."""

    def __init__(
        self,
        rule_paths: Sequence[Path] = (),
        *,
        packs: Iterable[Pack] = (),
        installed: bool = True,
    ) -> None:
        """``rule_paths``: local packs to import now (the configuration named them; one with
        the name of another pack is an error); ``packs``: pack objects to add as they are,
        replacing an installed pack of the same name (a pack's own tests, before it is
        installed); ``installed=False`` leaves out the entry points."""
        self._entries: dict[str, _Entry] = {}
        format_origin = Origin("mcvalidate.format_rules:FORMAT_PACK", "mcvalidate", __version__)
        self._add(FORMAT_PACK.name, _const(FORMAT_PACK), _const(format_origin))
        if installed:
            for ep in entry_points():
                self._add(ep.name, _entry_point_loader(ep), _entry_point_origin(ep))
        for pack in packs:
            given = Origin(pack.name, kind="object")
            self._entries[pack.name] = _Entry(pack.name, [_const(pack)], [_const(given)], pack)
        for path in rule_paths:
            pack = _import_local(path)
            self._local(pack, Origin(str(path), kind="rule path"))

    def _add(self, name: str, load: Callable[[], Pack], origin: Callable[[], Origin]) -> None:
        entry = self._entries.get(name)
        if entry is None:
            self._entries[name] = _Entry(name, [load], [origin])
        else:
            entry.loaders.append(load)
            entry.origins.append(origin)

    def _local(self, pack: Pack, origin: Origin) -> None:
        if pack.name in self._entries:
            other = self._entries[pack.name].origin
            raise PackError(
                f"the local pack '{pack.name}' ({origin}) has the name of the pack from {other}: "
                "rename one of them"
            )
        self._entries[pack.name] = _Entry(pack.name, [_const(pack)], [_const(origin)], pack)

    # -- packs ----------------------------------------------------------------------------

    @property
    def names(self) -> list[str]:
        """Every pack name: ``format`` first, then the others in alphabetical order."""
        return [FORMAT_PACK.name, *sorted(n for n in self._entries if n != FORMAT_PACK.name)]

    def origin(self, name: str) -> Origin:
        return self._entries[name].origin

    def pack(self, name: str) -> Pack:
        """The pack called ``name``, imported now if it was not yet; a pack that cannot be
        used is a :class:`PackError` naming it and its distribution."""
        entry = self._entries.get(name)
        if entry is None:
            raise self.unknown_pack(name)
        if entry.pack is None and not entry.error:
            entry.error = self._load(entry)
        if entry.pack is None:
            raise PackError(entry.error)
        return entry.pack

    def _load(self, entry: _Entry) -> str:
        """Import the pack; "" on success, else why it cannot be used."""
        if len(entry.loaders) > 1:
            where = " and ".join(str(origin()) for origin in entry.origins)
            return f"two distributions register the rule pack '{entry.name}': {where}"
        try:
            # What a pack prints while it is imported must not land in a JSON or SARIF report.
            with contextlib.redirect_stdout(sys.stderr):
                pack = entry.loaders[0]()
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # an import error, a malformed declaration, sys.exit()
            return f"the rule pack '{entry.name}' ({entry.origin}) failed to load: {describe(exc)}"
        if not isinstance(pack, Pack):
            return (
                f"the entry point '{entry.name}' ({entry.origin}) is a "
                f"{type(pack).__name__}, not a mcvalidate.rules.Pack"
            )
        if pack.name != entry.name:
            return (
                f"the entry point '{entry.name}' ({entry.origin}) names a pack called "
                f"'{pack.name}': the two names must be the same"
            )
        entry.pack = pack
        return ""

    def loaded(self, names: Sequence[str] | None = None) -> list[tuple[str, Pack | None, str]]:
        """Each pack (default: every pack) as ``(name, pack, "")``, or ``(name, None, why)``
        for a broken one."""
        rows: list[tuple[str, Pack | None, str]] = []
        for name in self.names if names is None else names:
            try:
                rows.append((name, self.pack(name), ""))
            except PackError as exc:
                rows.append((name, None, str(exc)))
        return rows

    def unknown_pack(self, name: str) -> SelectionError:
        close = closest(name, self.names)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return SelectionError(
            f"unknown framework '{name}' ({hint}packs: {', '.join(self.names)})", name
        )

    # -- a run's selection ----------------------------------------------------------------

    def select(
        self,
        frameworks: Sequence[str] | None = None,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
    ) -> Selection:
        """Apply packs (default: every pack) and choose their rules.

        ``select`` and ``ignore`` take rule ids (``BCF003``), rule names
        (``competency-based``), id prefixes (``BCT``) or pack names, in any case; an unknown
        one is an error that names it (an ``ignore`` of a rule of an installed pack the run
        does not apply is not). Rules that cannot be switched off always stay; the checks of
        mcvalidate's own mechanisms stay under ``select`` unless ignored.
        """
        every = any(n.strip().lower() == ALL for n in frameworks or ())
        asked = list(frameworks or ()) if not every else []
        wanted = [self.canonical(n) for n in asked] if asked else self.names
        names = list(dict.fromkeys([FORMAT_PACK.name, *wanted]))
        packs = tuple(self.pack(name) for name in names)
        problems = clashes(packs, self)
        if problems:
            raise PackError(problems[0])
        for pack in packs:
            self._requirements(pack, names)
        selection = Selection(packs, self)
        everything = selection.everything
        chosen = {r.id for r in everything}
        selectors = list(select)
        if selectors:
            chosen = set(selection.resolve_all(selectors)) | {r.id for r in everything if r.sticky}
        chosen -= selection.resolve_all(list(ignore), elsewhere=True)
        chosen |= {r.id for r in everything if not r.switchable}
        selection.enabled = frozenset(chosen)
        named = set(wanted) if frameworks else set()
        if selectors:  # a rule asked for by name asks for its pack
            named |= {selection.pack_of(i).name for i in selection.resolve_all(selectors)}
        selection.named = frozenset(named - {FORMAT_PACK.name})
        return selection

    def canonical(self, name: str) -> str:
        """The pack name as registered, for a name written in any case."""
        for known in self._entries:
            if known.lower() == name.strip().lower():
                return known
        raise self.unknown_pack(name)

    def _requirements(self, pack: Pack, applied: Sequence[str]) -> None:
        # The origin names the pack's distribution in the messages: it is read from the
        # installed metadata, which costs a one-file check more than its rules, so only here.
        if pack.requires and not satisfies(__version__, pack.requires):
            raise PackError(
                f"the rule pack '{pack.name}' ({self.origin(pack.name)}) needs mcvalidate "
                f"{pack.requires}; this is mcvalidate {__version__}: upgrade one of them"
            )
        for needed in pack.requires_packs:
            if needed in applied:
                continue
            if needed in self._entries:
                raise SelectionError(
                    f"the rule pack '{pack.name}' needs the pack '{needed}': apply both "
                    f"(--framework {pack.name} --framework {needed})",
                    needed,
                )
            raise PackError(
                f"the rule pack '{pack.name}' ({self.origin(pack.name)}) needs the pack "
                f"'{needed}', which is "
                "not installed"
            )

    # -- explain ----------------------------------------------------------------------------

    def find(self, name: str) -> tuple[Pack, Rule | None]:
        """The rule (by id or name) or the pack called ``name``, in any case, among every
        pack that loads; for a pack, the rule is None."""
        low = name.strip().lower()
        rows = self.loaded()
        for _, pack, _ in rows:
            if pack is None:
                continue
            if pack.name.lower() == low:
                return pack, None
            for item in pack.rules:
                if low in (item.id.lower(), item.name):
                    return pack, item
        broken = [why for _, pack, why in rows if pack is None]
        candidates = [k for _, p, _ in rows if p for r in p.rules for k in (r.id, r.name)]
        close = _closest_name(name, candidates)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        note = f"; not searched: {'; '.join(broken)}" if broken else ""
        raise SelectionError(
            f"no rule or pack is called '{name}'{hint} (see 'mcvalidate rules'){note}", name
        )

    def owner_elsewhere(self, name: str, applied: Iterable[str]) -> str:
        """The pack, among those a run does not apply, that has a rule or prefix ``name``
        ("" when none has): for messages, and for ignore comments about other packs' rules.
        Imports the packs it has to look into; broken ones are passed over."""
        low = name.strip().lower()
        skip = set(applied)
        for entry_name, pack, _ in self.loaded():
            if pack is None or entry_name in skip:
                continue
            if _matches(low, pack.rules) or pack.name.lower() == low:
                return pack.name
        return ""


T = TypeVar("T")


def _const(value: T) -> Callable[[], T]:
    return lambda: value


def _entry_point_loader(ep: Found) -> Callable[[], Pack]:
    def load() -> Pack:
        pack: Pack = ep.load()
        return pack

    return load


def clashes(packs: Sequence[Pack], registry: Registry | None = None) -> list[str]:
    """Everything that keeps ``packs`` from being applied together: a rule id or name
    declared twice, the reserved ``MC`` prefix, a prefix or a field claimed by two packs."""

    def where(pack: Pack) -> str:
        if registry is None or pack.name not in registry.names:
            return f"'{pack.name}'"
        return f"'{pack.name}' ({registry.origin(pack.name)})"

    found: list[str] = []
    ids: dict[str, Pack] = {}
    names: dict[str, Pack] = {}
    prefixes: dict[str, Pack] = {}
    keys: dict[str, Pack] = {}
    if any(p.fields is not None for p in packs):  # only then is the model worth importing
        from mcvalidate.model import Course, field_names

        keys = dict.fromkeys(field_names(Course), FORMAT_PACK)
    for pack in packs:
        engine = pack is FORMAT_PACK
        if not engine and pack.prefix == RESERVED_PREFIX:
            found.append(
                f"the pack {where(pack)} claims the prefix {RESERVED_PREFIX}, which is reserved "
                "for mcvalidate's format rules"
            )
        if pack.prefix:
            if pack.prefix in prefixes:
                found.append(
                    f"the packs {where(prefixes[pack.prefix])} and {where(pack)} both claim the "
                    f"rule prefix {pack.prefix}"
                )
            prefixes[pack.prefix] = pack
        for item in pack.rules:
            if not engine and item.id.startswith(RESERVED_PREFIX):
                found.append(
                    f"the rule {item.id} of the pack {where(pack)}: ids starting "
                    f"{RESERVED_PREFIX} are reserved for mcvalidate's format rules"
                )
            for seen, key, what in ((ids, item.id, "id"), (names, item.name, "name")):
                if key in seen and seen[key] is not pack:
                    found.append(
                        f"the rule {what} '{key}' is declared by both the pack "
                        f"{where(seen[key])} and the pack {where(pack)}"
                    )
                seen.setdefault(key, pack)
        for key in pack.field_keys:
            if key in keys:
                found.append(
                    f"the field '{key}' of the pack {where(pack)} is already a field of the "
                    f"pack {where(keys[key])}"
                )
            keys.setdefault(key, pack)
    return found


def _closest_name(name: str, candidates: Sequence[str]) -> list[str]:
    """The closest rule ids and names, case aside (``bcf01`` is close to ``BCF001``)."""
    by_low = {c.lower(): c for c in candidates}
    return [by_low[c] for c in closest(name.strip().lower(), list(by_low))]


def _matches(low: str, rules: Iterable[Rule]) -> set[str]:
    prefix = bool(_SELECTOR_PREFIX.match(low))
    return {
        r.id
        for r in rules
        if low in (r.id.lower(), r.name) or (prefix and r.id.lower().startswith(low))
    }


@dataclass
class Selection:
    """The packs of one run (``format`` first) and the rules it runs, worked out once."""

    packs: tuple[Pack, ...]
    registry: Registry | None = None
    # The ids of the rules the run runs or reports (set by Registry.select).
    enabled: frozenset[str] = frozenset()
    # The packs the run asked for by name (``--framework``, ``frameworks:``, a selected
    # rule): they apply to a file that does not say where it is from, and a file outside
    # their scope gets their scope note.
    named: frozenset[str] = frozenset()
    _pack_of: dict[str, Pack] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._pack_of = {r.id: p for p in self.packs for r in p.rules}

    @property
    def applied(self) -> tuple[Pack, ...]:
        """The framework packs applied (``format`` aside, as the JSON report lists them)."""
        return tuple(p for p in self.packs if p is not FORMAT_PACK)

    @cached_property
    def everything(self) -> tuple[Rule, ...]:
        """Every rule of the applied packs, enabled or not (what the run's settings may name)."""
        return tuple(r for p in self.packs for r in p.rules)

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The rules the run runs or reports."""
        return tuple(r for r in self.everything if r.id in self.enabled)

    @cached_property
    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.everything}

    def pack_of(self, rule_id: str) -> Pack:
        return self._pack_of[rule_id]

    def resolve(self, selector: str, *, elsewhere: bool = False) -> frozenset[str]:
        """The ids of the rules ``selector`` names: an id, a name, an id prefix or a pack
        name, in any case. An unknown name is a :class:`SelectionError` saying what exists.

        With ``elsewhere``, a name of an installed pack the run does not apply names no rule
        of the run, and is no error: a configuration's ``ignore``, ``severity`` or
        ``rule_options`` serves runs with different ``--framework`` alike.
        """
        found = self.lookup(selector)
        if found:
            return found
        owner = ""
        if self.registry is not None:
            owner = self.registry.owner_elsewhere(selector, [p.name for p in self.packs])
        if owner and elsewhere:
            return frozenset()
        if owner:
            raise SelectionError(
                f"'{selector}' belongs to the pack '{owner}', which this run does not apply "
                f"(add --framework {owner})",
                selector,
            )
        candidates = [k for r in self.everything for k in (r.id, r.name)]
        close = _closest_name(selector, candidates)
        hint = f"did you mean '{close[0]}'? " if close else ""
        packs = ", ".join(p.name for p in self.packs)
        raise SelectionError(
            f"no rule or pack matches '{selector}' ({hint}packs: {packs}; rules: see "
            "'mcvalidate rules')",
            selector,
        )

    def lookup(self, selector: str) -> frozenset[str]:
        """Like :meth:`resolve`, but an unknown name gives no rule instead of an error."""
        low = selector.strip().lower()
        hits = _matches(low, self.everything)
        for pack in self.packs:
            if pack.name.lower() == low:
                hits.update(r.id for r in pack.rules)
        return frozenset(hits)

    def resolve_all(self, selectors: Sequence[str], *, elsewhere: bool = False) -> frozenset[str]:
        return frozenset().union(*(self.resolve(s, elsewhere=elsewhere) for s in selectors))

    def belongs_elsewhere(self, name: str) -> bool:
        """True when ``name`` is a rule or pack of an installed pack this run does not apply."""
        if self.registry is None:
            return False
        return bool(self.registry.owner_elsewhere(name, [p.name for p in self.packs]))


def _import_local(path: Path) -> Pack:
    """The ``PACK`` of a local Python file or package directory (``rule_paths``). Only paths
    the configuration names are imported: mcvalidate never runs code it merely finds in the
    files it checks. A package is imported under its own name, so it can import itself."""
    target = path / "__init__.py" if path.is_dir() else path
    if not target.is_file():
        raise PackError(f"the rule path '{path}' is not a Python file or package")
    # The code runs as the user: it must be the user's own, and a package's every module too.
    for module in (target, *(sorted(path.rglob("*.py")) if path.is_dir() else ())):
        check_trusted(module, "rule pack module")
    if path.is_dir():
        name = path.name
        if not name.isidentifier():
            raise PackError(
                f"the rule path '{path}': a package's folder name must be a Python name"
            )
    else:
        name = f"{LOCAL_MODULE}{abs(hash(str(path.resolve())))}"
    existing = sys.modules.get(name)
    if existing is not None:
        if Path(getattr(existing, "__file__", "") or "").resolve() != target.resolve():
            raise PackError(
                f"the rule path '{path}' is a package named '{name}', which is already imported "
                "from elsewhere (an installed package?): rename its folder"
            )
        module = existing
    else:
        spec = importlib.util.spec_from_file_location(
            name, target, submodule_search_locations=[str(path)] if path.is_dir() else None
        )
        if spec is None or spec.loader is None:
            raise PackError(f"the rule path '{path}' cannot be imported")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            with contextlib.redirect_stdout(sys.stderr):
                spec.loader.exec_module(module)
        except KeyboardInterrupt:
            raise
        except BaseException as exc:
            del sys.modules[name]
            raise PackError(f"the rule path '{path}' failed to load: {describe(exc)}") from None
    pack = getattr(module, "PACK", None)
    if not isinstance(pack, Pack):
        raise PackError(f"the rule path '{path}' defines no PACK (a mcvalidate.rules.Pack)")
    return pack
