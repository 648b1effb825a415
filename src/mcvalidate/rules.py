"""The public rule API: how a rule and a pack are declared, what a rule sees, how it reports.

A rule is a function decorated with :func:`rule`. It receives the validated course model and a
:class:`RuleContext`, and calls :meth:`RuleContext.report` with the JSON pointer of the value
concerned (for a missing value: where it would be). It never computes a line or a column: the
engine attaches positions from the pointer. The function's docstring is the rule's
documentation, printed by ``mcvalidate explain``; it has a one-line summary, then prose on what
and why, then a ``Fails::`` and a ``Passes::`` YAML example (both are run as tests).

A pack groups rules for one framework document. It is exposed to mcvalidate through an entry
point in the ``mcvalidate.packs`` group, exactly the same for the built-in packs and for a
third-party distribution::

    [project.entry-points."mcvalidate.packs"]
    my-framework = "my_package:PACK"
"""

from __future__ import annotations

import datetime
import inspect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from mcvalidate.findings import Problem, Severity
from mcvalidate.loader import within

if TYPE_CHECKING:
    from mcvalidate.model import Course

Evidence = Literal["verbatim", "secondary", "inferred"]
EVIDENCE: dict[str, str] = {
    "verbatim": "the source's own words",
    "secondary": "a secondary source quoting or summarising it",
    "inferred": "mcvalidate's reading: good practice, not the source's requirement",
}
_ID = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Source:
    """The document and clause a rule comes from, a link to it, and how strong the evidence is."""

    document: str
    clause: str
    url: str
    evidence: Evidence

    @property
    def citation(self) -> str:
        """Document and clause, saying so when the rule is not the source's own words."""
        note = {"verbatim": "", "secondary": " [secondary source]", "inferred": " [inferred]"}
        return f"{self.document}: {self.clause}{note[self.evidence]}"


class RuleContext:
    """What a running rule can see besides the course, and how it reports a finding."""

    __slots__ = ("_problems", "_refused", "_rule", "options", "path", "present", "shared", "today")

    def __init__(
        self,
        rule_id: str,
        path: str,
        options: Mapping[str, Any],
        present: Callable[[str], bool],
        today: datetime.date,
        refused: frozenset[str] = frozenset(),
        shared: dict[str, Any] | None = None,
    ) -> None:
        self._rule = rule_id
        self._problems: list[Problem] = []
        self.path = path
        self.options = options
        self.present = present
        """``present(pointer)`` tells whether the file itself wrote a value there."""
        self.today = today
        """The run's date (fixed once per run, so that tests can set it)."""
        self._refused = refused
        self.shared: dict[str, Any] = {} if shared is None else shared
        """A dictionary shared by all the rules run on one file, new for each file: an
        analysis several rules need (the verbs of every outcome) is made once and kept here,
        under a key that starts with the pack's name (``"bc-toolkit/starts"``)."""

    def refused(self, pointer: str) -> bool:
        """True when the file wrote a value at ``pointer`` (or around it) that the schema
        refused: the model holds nothing there, yet the author did write something.

        The engine already drops a rule's findings at or inside refused values; a rule that
        reasons across values (an outcome and the assessments that name it) asks this so as
        not to report a consequence of a mistake that is already reported.
        """
        return within(pointer, self._refused)

    def any_refused(self, key: str, items: Sequence[object] | None, *fields: str) -> bool:
        """True when a field of any item of the top-level list ``key`` was written but
        refused by the schema (its own finding is already reported, and the model holds
        nothing there): ``ctx.any_refused("assessments", course.assessments, "weight")``."""
        return any(
            self.refused(f"/{key}/{index}/{name}")
            for index in range(len(items or ()))
            for name in fields
        )

    def report(self, pointer: str, message: str, *, fix: str = "", at_key: bool = False) -> None:
        """Report a finding about the value at ``pointer`` (or where it would be)."""
        self._problems.append(Problem(self._rule, message, pointer, None, fix, at_key))

    @property
    def problems(self) -> list[Problem]:
        return self._problems


Check = Callable[["Course", RuleContext], None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity, metadata and check. ``check`` is None for engine-emitted rules."""

    id: str
    name: str
    severity: Severity
    source: Source
    summary: str
    doc: str
    check: Check | None = None
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        if not _ID.match(self.id):
            raise ValueError(f"rule id {self.id!r} must be 2-5 capitals and 3 digits (BCF001)")
        if not _NAME.match(self.name):
            raise ValueError(f"rule name {self.name!r} must be kebab-case")


def rule(
    *,
    id: str,
    name: str,
    severity: Severity | str,
    source: Source,
    options: Mapping[str, Any] | None = None,
) -> Callable[[Check], Rule]:
    """Declare a rule; the decorated function's docstring is its documentation."""

    def decorate(function: Check) -> Rule:
        summary, doc = split_doc(function.__doc__ or "")
        return Rule(
            id=id,
            name=name,
            severity=Severity(severity),
            source=source,
            summary=summary,
            doc=doc,
            check=function,
            options=MappingProxyType(dict(options or {})),
        )

    return decorate


def split_doc(docstring: str) -> tuple[str, str]:
    """Split a docstring into its summary (the first paragraph) and the (dedented) rest."""
    text = inspect.cleandoc(docstring)
    summary, _, rest = text.partition("\n\n")
    return " ".join(summary.split()), rest.strip()


@dataclass(frozen=True, slots=True)
class Pack:
    """A named set of rules for one framework document."""

    name: str
    title: str
    framework: str
    version: str
    url: str
    rules: tuple[Rule, ...]

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for r in self.rules:
            for key in (r.id, r.name):
                if key in seen:
                    raise ValueError(f"pack {self.name!r} declares {key!r} twice")
                seen.add(key)
