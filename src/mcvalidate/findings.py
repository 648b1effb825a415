"""The one record every stage produces and every reporter reads.

A stage (the loader, the schema, a rule) first emits a :class:`Problem`: the rule object, a
message and a JSON pointer. The engine turns it into a :class:`Finding` by adding the position
and the rule's metadata, in one place, and gathers a file's findings in a :class:`FileResult`.

The reporters (text, JSON, SARIF, ...) only ever format file results: they depend on this
module and nothing else of the engine. Positions are
1-based lines and columns, columns counted in Unicode code points, and the end is exclusive
(the column just after the last character), as editors and SARIF expect.
"""

from __future__ import annotations

import enum
import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from mcvalidate.model import Course
    from mcvalidate.rules import Rule


@functools.total_ordering
class Severity(enum.Enum):
    """How serious a finding is; ordered so that ``ERROR > WARNING > INFO``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return _RANK[self] < _RANK[other]


# The name of the course format's own pack (its rules are the engine's: MC...).
FORMAT = "format"
_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Span:
    """A region of a file: 1-based start line and column, exclusive end column."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one file.

    ``pointer`` is the RFC 6901 JSON pointer of the value concerned (for a missing value: where
    it would be). ``framework`` names the document and clause the rule comes from, ``reference``
    links to it, and ``fix`` tells a non-programmer how to put it right.
    """

    path: str
    span: Span
    pointer: str
    rule: str
    name: str
    severity: Severity
    message: str
    framework: str
    reference: str
    fix: str = ""
    suppression: Suppression | None = None
    # The pack the rule belongs to (``format`` for the course format's own rules).
    pack: str = ""
    # The mechanical correction, when there is one (``check --fix``, editors' code actions).
    autofix: Autofix | None = None

    @property
    def identity(self) -> tuple[str, str, str]:
        """What a finding is about, independent of lines: file, rule and JSON pointer. Baselines
        and fingerprints use it, so that unrelated edits to the file keep them valid."""
        return (self.path, self.rule, self.pointer)

    @property
    def sort_key(self) -> tuple[str, bool, int, int, str, str]:
        """Files in order; in a file, causes before their consequences: the course format's
        findings (a misspelt key, a refused value, an unknown reference), which explain what
        the framework rules then find missing, come first; each group in position order."""
        cause = self.pack == FORMAT
        return (self.path, not cause, self.span.line, self.span.column, self.rule, self.pointer)

    def to_dict(self) -> dict[str, object]:
        """The stable JSON shape of a finding (documented in the README)."""
        return {
            "path": self.path,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "pointer": self.pointer,
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "framework": self.framework,
            "reference": self.reference,
            "fix": self.fix,
            "pack": self.pack,
            "fixes": [self.autofix.to_dict()] if self.autofix is not None else [],
        }

    def fixable(self, unsafe: bool = False) -> bool:
        """True when ``check --fix`` applies this finding's autofix (``--unsafe-fixes`` given:
        ``unsafe``). One test for the fixing, the ``[*]`` marks and the counts alike."""
        return self.autofix is not None and (self.autofix.safe or unsafe)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text of ``span`` with ``text`` (an insertion when the span is empty). Spans
    are those of findings: 1-based, columns in code points, end exclusive."""

    span: Span
    text: str

    def to_dict(self) -> dict[str, object]:
        span = self.span
        return {
            "line": span.line,
            "column": span.column,
            "end_line": span.end_line,
            "end_column": span.end_column,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Autofix:
    """A correction made of text edits at positions the checker already has, never a
    re-serialisation of the YAML, so comments, order and quoting stay as written.

    ``safe`` fixes keep the meaning the author evidently intended (a non-breaking space made
    plain); unsafe ones are a likely reading that a person should confirm (a misspelt key
    renamed), and are applied only when asked for (``--unsafe-fixes``)."""

    description: str
    edits: tuple[Edit, ...]
    safe: bool = True

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of a fix (a finding's ``fixes`` entries, documented in the README)."""
        return {
            "description": self.description,
            "safe": self.safe,
            "edits": [edit.to_dict() for edit in self.edits],
        }


@dataclass(frozen=True, slots=True)
class Suppression:
    """Why a finding is not counted: an inline ``# mcvalidate: ignore[...]`` comment (``inline``),
    a whole-file ``ignore-file`` comment (``file``), or a configuration's ``per_file_ignores``
    (``config``), with the reason the author gave."""

    kind: Literal["inline", "file", "config"]
    justification: str


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """A stable fingerprint per finding: a hash of its identity and of how many findings with
    the same identity came before it in the same list (so two alike findings differ)."""
    import hashlib  # only the formats that fingerprint findings pay for it

    seen: Counter[tuple[str, str, str]] = Counter()
    prints = []
    for finding in findings:
        occurrence = seen[finding.identity]
        seen[finding.identity] += 1
        key = "\0".join((*finding.identity, str(occurrence)))
        prints.append(hashlib.sha256(key.encode("utf-8")).hexdigest()[:32])
    return prints


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem found before any rule runs, or reported by a rule; the engine adds metadata.

    ``rule`` is the rule object itself (the engine's own problems name the declarations of the
    format pack, never a string id). ``span`` is set when the problem knows its own position (a
    syntax error); otherwise the engine looks the pointer up in the document's position map.
    """

    rule: Rule
    message: str
    pointer: str = ""
    span: Span | None = None
    fix: str = ""
    at_key: bool = False
    autofix: Autofix | None = None


@dataclass(frozen=True)
class FileResult:
    """The findings of one file, sorted by position."""

    path: str
    findings: tuple[Finding, ...]
    # The source lines the findings start on, for the text report's code frames.
    source: dict[int, str]
    # Findings silenced by an inline comment or the configuration, each with its suppression.
    suppressed: tuple[Finding, ...] = ()
    # What the file offers the checks across the run's files (its id, its pathways), or None.
    exposed: Exposed | None = None
    # True for the findings of the checks across files, about a file reported before.
    across: bool = False
    # True for a YAML file that is not a course file (see mcvalidate.recognise): not checked,
    # not reported, only counted.
    skipped: bool = False
    # How many findings ``check --fix`` fixed before these were found (the file's text then is
    # the fixed one), and with ``--diff`` the unified diff of those fixes (nothing is written).
    fixed: int = 0
    diff: str = ""
    # The packs whose scope took the file, or that its own ``frameworks:`` list names, and
    # those of no scope (``format``): the packs ``check`` applies to it (``matrix`` marks the
    # others as outside the scope). Empty when no course could be read from the file.
    frameworks: tuple[str, ...] = ()
    # The course read from the file, for the commands that go on from it (``export``,
    # ``report``); kept only when the run's settings ask (``Settings.keep_courses``), so that
    # ``check`` keeps no file's model once it is reported.
    course: Course | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """A pathway entry that may name another course of the catalogue by its id."""

    target: str
    pointer: str
    span: Span


@dataclass(frozen=True, slots=True)
class Exposed:
    """The little a file's check keeps for the checks across files (a few hundred bytes, not
    its findings): its id, whether the file wrote it (else it is the file stem), where, and
    its pathway entries. Made in the process that checked the file, so that ``--jobs`` runs
    gather the same facts."""

    id: str
    stated: bool
    span: Span
    links: tuple[Link, ...] = ()
