"""What every output format is given about one run, as the run goes: what is the same for the
whole run (:class:`Run`), each file's result as soon as it is known, and the totals at the end
(:class:`Tally`).

A run keeps no file's result once the formats have seen it, so that memory stays flat however
many files are checked; the totals are added up as the results go by. The verdict
(:meth:`Tally.failed`, behind both the summary line and the exit code) is the same for every
format; :class:`View` holds what only the human-facing formats read. Nothing here imports an
engine module: a reporter depends on findings, not on how they were found.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple, Protocol

from mcvalidate.findings import FileResult, Finding, Severity

if TYPE_CHECKING:
    from mcvalidate.rules import Rule


@dataclass(frozen=True)
class PackInfo:
    """A pack applied in the run, as the reports name it."""

    name: str
    title: str
    version: str
    url: str
    # The distribution that installed it ("" for a local rule path) and its version, read
    # only when a report names them: the installed metadata costs more to read than a file
    # to check, and the text report never shows them.
    installed: Callable[[], tuple[str, str]] = field(default=lambda: ("", ""), compare=False)

    @cached_property
    def _installed(self) -> tuple[str, str]:
        return self.installed()

    @property
    def distribution(self) -> str:
        return self._installed[0]

    @property
    def distribution_version(self) -> str:
        return self._installed[1]

    def to_dict(self) -> dict[str, str]:
        return {
            "name": self.name,
            "title": self.title,
            "version": self.version,
            "url": self.url,
            "distribution": self.distribution,
            "distribution_version": self.distribution_version,
        }


class View(NamedTuple):
    """How the human-facing reports show the findings."""

    color: str = "auto"
    quiet: bool = False
    show_suppressed: bool = False
    # --unsafe-fixes: the unsafe fixes count as fixable (and are marked so) too.
    unsafe_fixes: bool = False

    def shown(self, result: FileResult) -> list[Finding]:
        """The findings of ``result`` to list: the active ones, and the suppressed ones too
        when asked for, in position order."""
        if not self.show_suppressed:
            return list(result.findings)
        return sorted((*result.findings, *result.suppressed), key=lambda f: f.sort_key)


@dataclass(frozen=True)
class Run:
    """What a reporter knows about the run before the first result: the same for every file."""

    packs: Sequence[PackInfo]
    fail_on: Severity
    # Every rule of the run by id, for the formats that describe the rules that fired.
    rules: Mapping[str, Rule] = field(default_factory=dict)
    view: View = field(default_factory=View)


class Tally:
    """The run's totals, added up as each file's result goes by (the results are not kept)."""

    def __init__(
        self,
        fail_on: Severity,
        baseline_written: bool = False,
        fixing: bool = False,
        unsafe_fixes: bool = False,
    ) -> None:
        self.fail_on = fail_on
        # The findings were just recorded as the baseline (the run passes whatever they are).
        self.baseline_written = baseline_written
        # --fix (the files were fixed before their findings were counted); --unsafe-fixes.
        self.fixing = fixing
        self.unsafe_fixes = unsafe_fixes
        # Findings fixed, and the files they were in; findings left that --fix would fix,
        # and those it would fix only with --unsafe-fixes.
        self.fixed = 0
        self.fixed_files = 0
        self.fixable = 0
        self.unsafe_fixable = 0
        self.files = 0
        self.with_findings = 0
        # Findings left out because a baseline lists them (set by the run once it is known).
        self.baselined = 0
        self._counts = {"error": 0, "warning": 0, "info": 0, "suppressed": 0}
        self._reached = False

    def add(self, result: FileResult, counted: bool = True, again: bool = False) -> None:
        """Count ``result``'s findings; ``counted=False`` for a result that is not a checked
        file (a baseline's stale entries, the checks across files), ``again`` for a file
        whose findings were counted before (it is one file with findings, not two)."""
        self.files += counted
        self.with_findings += bool(result.findings) and not again
        self.fixed += result.fixed
        self.fixed_files += bool(result.fixed)
        for finding in result.findings:
            self._counts[finding.severity.value] += 1
            self._reached = self._reached or finding.severity >= self.fail_on
            if finding.fixable(self.unsafe_fixes):
                self.fixable += 1
            elif finding.fixable(unsafe=True):
                self.unsafe_fixable += 1
        self._counts["suppressed"] += len(result.suppressed)

    def counts(self) -> dict[str, int]:
        """Findings per severity (suppressed ones apart), and the suppressed and baselined."""
        return {**self._counts, "baselined": self.baselined}

    def failed(self) -> bool:
        """True when a finding reaches ``fail_on`` (never just after writing the baseline)."""
        return self._reached and not self.baseline_written

    def fixes(self) -> str:
        """The line of the human-readable reports on fixes, before the summary: what --fix
        fixed, or what it would fix; "" when there is nothing to say."""
        unsafe = self.unsafe_fixable
        hidden = f"{unsafe} more fixable with --unsafe-fixes" if unsafe else ""
        if self.fixing:
            if not (self.fixed or unsafe or self.fixable):
                return ""
            files = self.fixed_files
            said = f"Fixed {self.fixed} finding{plural(self.fixed)} in {files} file{plural(files)}"
            if not self.fixed:
                said = "Nothing was fixed"
            # Left by a pass whose text would not have parsed, or past the last pass.
            count = self.fixable
            left = (
                f"{count} fix{'es' if count > 1 else ''} could not be applied: the file would "
                "not parse even then"
                if count
                else ""
            )
            more = "; ".join(part for part in (left, hidden) if part)
            return f"{said} ({more})." if more else f"{said}."
        if self.fixable:
            count = self.fixable
            said = f"[*] {count} finding{plural(count)} fixable with --fix"
            return f"{said} ({hidden})." if hidden else f"{said}."
        if unsafe:
            return f"{unsafe} finding{plural(unsafe)} fixable with --fix --unsafe-fixes."
        return ""

    def summary(self) -> str:
        """The last line of the human-readable reports, in plain ASCII words."""
        counts = self.counts()
        checked = f"{self.files} file{plural(self.files)} checked"
        aside = "".join(
            f"; {counts[key]} {label}"
            for key, label in (("suppressed", "suppressed"), ("baselined", "in the baseline"))
            if counts[key]
        )
        if not (counts["error"] or counts["warning"] or counts["info"]):
            return f"{checked}, all pass{aside}."
        parts = ", ".join(
            f"{counts[level]} {level}{plural(counts[level]) if level != 'info' else ''}"
            for level in ("error", "warning", "info")
        )
        files = self.with_findings
        where = f"{parts} in {files} file{plural(files)}{aside}"
        if self.baseline_written:
            return f"{checked}: {where}; recorded as the baseline."
        verdict = "fails" if self.failed() else "passes"
        return f"{checked}: {where}; {verdict} at --fail-on {self.fail_on.value}."


class Reporter(Protocol):
    """One output format writing one run's report to one stream: it is given each file's
    result in order, then the totals; what it cannot write as it goes, it keeps aside in a
    spool (memory, then a temporary file), never as result objects."""

    def add(self, result: FileResult) -> None: ...

    def close(self, tally: Tally) -> None: ...


def plural(count: int) -> str:
    return "" if count == 1 else "s"
