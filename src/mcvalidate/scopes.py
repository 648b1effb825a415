"""Which of a run's packs apply to one file: its own ``frameworks:`` list, or the packs'
scopes read against its issuer's country and region and its funding programs.

The engine knows no framework: each pack declares its :class:`~mcvalidate.rules.Scope`, and
this module only compares the declarations with what the file says. A run that asked for a
pack by name (``--framework``, the configuration's ``frameworks``, a selected rule) gets,
for a file outside that pack's scope, one scope note (MC060) instead of the pack's findings;
a pack nobody asked for stays silent on such a file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from mcvalidate.findings import Problem
from mcvalidate.format_rules import OUTSIDE_SCOPE, UNKNOWN_FRAMEWORK
from mcvalidate.packs import ALL
from mcvalidate.text import closest, listing

if TYPE_CHECKING:
    from mcvalidate.model import Course
    from mcvalidate.packs import Selection
    from mcvalidate.rules import Pack


class Decision(NamedTuple):
    """What one file gets: the packs whose scope takes it (or that its ``frameworks:`` list
    names, and those of no scope), the packs whose rules run on it (the same, or every pack
    for ``matrix``), and the findings about the choice."""

    frameworks: frozenset[str]
    run: frozenset[str]
    problems: list[Problem]


class Scopes:
    """The scope decisions of one run, made per file; built once per run. ``scoped=False``
    (``matrix``) runs every pack on every file, with no scope note, and still tells which
    packs ``check`` would have applied."""

    def __init__(self, selection: Selection, *, scoped: bool = True) -> None:
        self._packs = selection.packs
        self._named = selection.named
        self._scoped = scoped
        # ``matrix`` runs every framework, but no export profile it was not asked for: what a
        # document needs is no framework's, nor the course file's.
        self._every_pack = frozenset(
            p.name
            for p in self._packs
            if not (p.scope and p.scope.profile and p.name not in self._named)
        )
        registry = selection.registry
        names = registry.names if registry is not None else [p.name for p in self._packs]
        self._installed = {name.lower(): name for name in names}
        self.programs = frozenset(
            program for pack in self._packs if pack.scope for program in pack.scope.funding
        )

    def decide(self, course: Course) -> Decision:
        """The packs ``course`` gets, and the findings about the choice (an unknown name
        under ``frameworks:``, a scope note)."""
        frameworks, problems = self._applied(course)
        if self._scoped:
            return Decision(frameworks, frameworks, problems)
        kept = [p for p in problems if p.rule is not OUTSIDE_SCOPE]
        return Decision(frameworks, self._every_pack, kept)

    def _applied(self, course: Course) -> tuple[frozenset[str], list[Problem]]:
        if course.frameworks is not None:
            return self._listed(course.frameworks)
        issuer = course.issuer
        country = issuer.country if issuer else None
        region = issuer.region if issuer else None
        programs = tuple(course.funding.programs or ()) if course.funding else ()
        applied: set[str] = set()
        notes: list[Problem] = []
        for pack in self._packs:
            scope = pack.scope
            if scope is None:
                applied.add(pack.name)
                continue
            reach = scope.reach(country, region, programs)
            named = pack.name in self._named
            if reach or (reach is None and (named or scope.default)):
                applied.add(pack.name)
            elif named and reach is False:
                notes.append(_note(pack, country, region, programs))
        return frozenset(applied), notes

    def _listed(self, listed: Sequence[str]) -> tuple[frozenset[str], list[Problem]]:
        """The file's own ``frameworks:`` list decides, besides the packs of no scope and the
        export profiles the run asked for."""
        problems: list[Problem] = []
        wanted: set[str] = set()
        every = False
        for index, name in enumerate(listed):
            low = name.strip().lower()
            if low == ALL:
                every = True
            elif low in self._installed:
                wanted.add(self._installed[low])
            else:
                close = closest(low, list(self._installed))
                problems.append(
                    Problem(
                        UNKNOWN_FRAMEWORK,
                        f"'{name}' is not an installed rule pack, so no framework's rules are "
                        "applied for it.",
                        pointer=f"/frameworks/{index}",
                        fix=f"Did you mean '{self._installed[close[0]]}'?"
                        if close
                        else "'mcvalidate rules' lists the installed packs; write one of "
                        "their names, or 'all'.",
                    )
                )
        applied = {
            p.name
            for p in self._packs
            if p.scope is None or every or p.name in wanted or self._asked_anywhere(p)
        }
        return frozenset(applied), problems

    def _asked_anywhere(self, pack: Pack) -> bool:
        """True for an export profile the run asked for: what a target needs is not a
        framework a file chooses, so its ``frameworks:`` list does not leave it out."""
        return pack.name in self._named and pack.scope is not None and pack.scope.profile


def _note(pack: Pack, country: str | None, region: str | None, programs: Sequence[str]) -> Problem:
    """The scope note of ``pack`` for a file outside its scope, at the field that puts it
    there."""
    scope = pack.scope
    assert scope is not None
    if scope.countries or scope.regions:
        where = region or country
        pointer = "/issuer/region" if region else "/issuer/country"
        said = f"this file's issuer is in {where}"
    else:
        pointer = "/funding/programs" if programs else ""
        names = listing([f"'{p}'" for p in scope.funding], "or")
        said = f"this file's funding.programs does not list {names}"
    return Problem(
        OUTSIDE_SCOPE,
        f"{pack.title} ({pack.name}) applies to {scope.note}, and {said}: its rules were not "
        "run on this file.",
        pointer=pointer,
        fix=f"Nothing to fix if this is right. To check the file against {pack.name} anyway, "
        f"add it to the file's frameworks: list; 'mcvalidate matrix' shows how the file fares "
        "under every framework.",
    )


def scope_words(pack: Pack) -> str:
    """Where a pack applies, in words: "B.C.'s public post-secondary institutions ..., and
    a file that does not say where its issuer is"."""
    scope = pack.scope
    if scope is None:
        return "every file"
    words = scope.note
    if scope.default:
        words += ", and to a file that does not say where its issuer is"
    if scope.profile:
        words += ", to every file when asked for (--framework, or mcvalidate export)"
    elif not (scope.countries or scope.regions or scope.funding):
        words += ", when asked for (a file's frameworks: list, or --framework)"
    return words
