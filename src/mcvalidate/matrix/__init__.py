"""``mcvalidate matrix``: how each file fares under each framework, whatever its scope.

"Would this also qualify under X?" is a committee's question ``check`` does not answer, since
``check`` applies a framework only to the files in its scope. The matrix runs every framework
pack of the run on every file (once: one checker applies them all), then sorts each file's
findings by pack, and, through the elements the packs' rules declare (``@rule(element=...)``),
says per framework which elements a file meets and which it misses. Nothing here knows a
framework: the columns are the packs that declare a scope, the rows the files.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mcvalidate.findings import FileResult, Severity

if TYPE_CHECKING:
    from mcvalidate.packs import Selection
    from mcvalidate.rules import Pack


# The column of the checks every file gets, whatever the framework.
GENERAL = "course file"


@dataclass(frozen=True)
class Cell:
    """One file under one framework: its counts, and its elements by state. An element is
    missed when a rule checking it reports an error or a warning, optional-and-absent when
    only an info, and met when nothing is reported against it."""

    pack: str
    in_scope: bool
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    met: tuple[str, ...] = ()
    missed: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        return not (self.errors or self.warnings)

    @property
    def total(self) -> int:
        return len(self.met) + len(self.missed) + len(self.optional)


@dataclass(frozen=True)
class Row:
    """One file: its cells, in the columns' order, or why it could not be checked (it is not
    YAML, not a course: the format's errors)."""

    path: str
    cells: tuple[Cell, ...] = ()
    unchecked: str = ""
    # The findings of the packs that are no framework (the course format, the consistency
    # checks): a file that fails them fails whatever the framework.
    general: Cell | None = None


@dataclass
class Matrix:
    """Files by frameworks; ``columns`` are the framework packs, in the run's order."""

    columns: tuple[Pack, ...]
    rows: list[Row] = field(default_factory=list)

    def add(self, result: FileResult, selection: Selection) -> None:
        """Sort one file's findings by pack into its row. A file whose course could not be
        read (no pack applied: it is not YAML, or not a course) gets its first error."""
        if not result.frameworks:
            first = next((f for f in result.findings if f.severity is Severity.ERROR), None)
            why = f"{first.rule} at line {first.span.line}: {first.message}" if first else ""
            self.rows.append(Row(result.path, unchecked=why or "not checked"))
            return
        cells = tuple(self._cell(pack, result, selection) for pack in self.columns)
        names = {pack.name for pack in self.columns}
        rest = [f for f in result.findings if f.pack not in names]
        general = Cell(
            GENERAL,
            True,
            errors=sum(f.severity is Severity.ERROR for f in rest),
            warnings=sum(f.severity is Severity.WARNING for f in rest),
            infos=sum(f.severity is Severity.INFO for f in rest),
        )
        self.rows.append(Row(result.path, cells, general=general))

    def _cell(self, pack: Pack, result: FileResult, selection: Selection) -> Cell:
        mine = [f for f in result.findings if f.pack == pack.name]
        worst: dict[str, Severity] = {}
        for finding in mine:
            element = selection.by_id[finding.rule].element
            if element:
                worst[element] = max(worst.get(element, finding.severity), finding.severity)
        met: list[str] = []
        missed: list[str] = []
        optional: list[str] = []
        for element in elements_of(pack, selection.enabled):
            level = worst.get(element)
            if level is None:
                met.append(element)
            elif level >= Severity.WARNING:
                missed.append(element)
            else:
                optional.append(element)
        return Cell(
            pack.name,
            pack.name in result.frameworks,
            errors=sum(f.severity is Severity.ERROR for f in mine),
            warnings=sum(f.severity is Severity.WARNING for f in mine),
            infos=sum(f.severity is Severity.INFO for f in mine),
            met=tuple(met),
            missed=tuple(missed),
            optional=tuple(optional),
        )


def elements_of(pack: Pack, enabled: Iterable[str] | None = None) -> list[str]:
    """The elements the pack's rules check, in the order of their first rule (the rules the
    run enables only, when ``enabled`` is given)."""
    chosen = None if enabled is None else set(enabled)
    return list(
        dict.fromkeys(
            r.element for r in pack.rules if r.element and (chosen is None or r.id in chosen)
        )
    )


def framework_packs(selection: Selection) -> tuple[Pack, ...]:
    """The packs of the run that are frameworks: those that declare where they apply."""
    return tuple(p for p in selection.applied if p.scope is not None)
