"""``mcvalidate matrix``: how each file fares under each framework, whatever its scope.

"Would this also qualify under X?" is a committee's question ``check`` does not answer, since
``check`` applies a framework only to the files in its scope. The matrix runs every framework
pack of the run on every file (once: one checker applies them all), then sorts each file's
findings by pack, and, through the elements the packs' rules declare (``@rule(element=...)``),
says per framework which elements a file meets and which it misses. Nothing here knows a
framework: the columns are the packs that declare a scope (export profiles apart: they are
no framework), the rows the files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from mcvalidate.findings import FileResult, Finding, Severity

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


class Matrix:
    """Files by frameworks: the columns are the run's framework packs (those that declare
    where they apply), in the run's order. What is the same for every file (each column's
    elements, each rule's element) is worked out once, when the matrix is made."""

    def __init__(self, selection: Selection) -> None:
        self.columns: tuple[Pack, ...] = tuple(
            p for p in selection.applied if p.scope and not p.scope.profile
        )
        self.rows: list[Row] = []
        enabled = selection.enabled
        self._elements = {
            pack.name: [
                e for e, rules in pack.elements.items() if any(r.id in enabled for r in rules)
            ]
            for pack in self.columns
        }
        self._element_of = {r.id: r.element for p in self.columns for r in p.rules if r.element}
        self._names = {pack.name for pack in self.columns}
        # What an export target needs is no framework's and not the course file's either: an
        # export profile's findings are in no cell.
        self._profiles = {p.name for p in selection.applied if p.scope and p.scope.profile}

    def add(self, result: FileResult) -> None:
        """Sort one file's findings by pack into its row. A file whose course could not be
        read (no pack applied: it is not YAML, or not a course) gets its first error."""
        if not result.frameworks:
            first = next((f for f in result.findings if f.severity is Severity.ERROR), None)
            why = f"{first.rule} at line {first.span.line}: {first.message}" if first else ""
            self.rows.append(Row(result.path, unchecked=why or "not checked"))
            return
        cells = tuple(self._cell(pack.name, result) for pack in self.columns)
        rest = [
            f for f in result.findings if f.pack not in self._names and f.pack not in self._profiles
        ]
        self.rows.append(Row(result.path, cells, general=_counted(GENERAL, True, rest)))

    def _cell(self, name: str, result: FileResult) -> Cell:
        mine = [f for f in result.findings if f.pack == name]
        worst: dict[str, Severity] = {}
        for finding in mine:
            element = self._element_of.get(finding.rule)
            if element:
                worst[element] = max(worst.get(element, finding.severity), finding.severity)
        met: list[str] = []
        missed: list[str] = []
        optional: list[str] = []
        for element in self._elements[name]:
            level = worst.get(element)
            if level is None:
                met.append(element)
            elif level >= Severity.WARNING:
                missed.append(element)
            else:
                optional.append(element)
        counted = _counted(name, name in result.frameworks, mine)
        return replace(counted, met=tuple(met), missed=tuple(missed), optional=tuple(optional))


def _counted(name: str, in_scope: bool, findings: Sequence[Finding]) -> Cell:
    """A cell with the counts of ``findings`` by severity."""
    return Cell(
        name,
        in_scope,
        errors=sum(f.severity is Severity.ERROR for f in findings),
        warnings=sum(f.severity is Severity.WARNING for f in findings),
        infos=sum(f.severity is Severity.INFO for f in findings),
    )
