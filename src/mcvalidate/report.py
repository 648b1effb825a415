"""What every output format is given about one run: the file results, the verdict, the packs
and rules behind the findings, and how a person asked to see them.

The results and the verdict (:meth:`Report.failed`, behind both the summary line and the exit
code) are the same for every format; :class:`View` holds what only the human-facing formats
read. Nothing here imports an engine module: a reporter depends on findings, not on how they
were found.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

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
    # The distribution that installed it ("" for a local rule path) and its version.
    distribution: str = ""
    distribution_version: str = ""

    def to_dict(self) -> dict[str, str]:
        return {
            "name": self.name,
            "title": self.title,
            "version": self.version,
            "url": self.url,
            "distribution": self.distribution,
            "distribution_version": self.distribution_version,
        }


@dataclass(frozen=True)
class View:
    """How the human-facing reports show the findings."""

    color: str = "auto"
    quiet: bool = False
    show_suppressed: bool = False

    def shown(self, result: FileResult) -> list[Finding]:
        """The findings of ``result`` to list: the active ones, and the suppressed ones too
        when asked for, in position order."""
        if not self.show_suppressed:
            return list(result.findings)
        return sorted((*result.findings, *result.suppressed), key=lambda f: f.sort_key)


@dataclass(frozen=True)
class Report:
    """Everything a reporter may show about one run."""

    results: Sequence[FileResult]
    packs: Sequence[PackInfo]
    fail_on: Severity
    # Every rule of the run by id, for the formats that describe the rules that fired.
    rules: Mapping[str, Rule] = field(default_factory=dict)
    view: View = field(default_factory=View)
    # Findings left out because a baseline lists them.
    baselined: int = 0
    # How many files were checked (a baseline's stale entries are reported as one more result).
    files: int | None = None
    # The findings were just recorded as the baseline (the run passes whatever they are).
    baseline_written: bool = False

    @property
    def checked(self) -> int:
        """How many files the run checked."""
        return len(self.results) if self.files is None else self.files

    def counts(self) -> dict[str, int]:
        """Findings per severity (suppressed ones apart), and the suppressed and baselined."""
        counts = {"error": 0, "warning": 0, "info": 0}
        for result in self.results:
            for finding in result.findings:
                counts[finding.severity.value] += 1
        counts["suppressed"] = sum(len(r.suppressed) for r in self.results)
        counts["baselined"] = self.baselined
        return counts

    def failed(self) -> bool:
        """True when a finding reaches ``fail_on`` (never just after writing the baseline)."""
        if self.baseline_written:
            return False
        return any(f.severity >= self.fail_on for r in self.results for f in r.findings)

    def summary(self) -> str:
        """The last line of the human-readable reports, in plain ASCII words."""
        counts = self.counts()
        files = self.checked
        checked = f"{files} file{plural(files)} checked"
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
        with_findings = sum(1 for r in self.results if r.findings)
        where = f"{parts} in {with_findings} file{plural(with_findings)}{aside}"
        if self.baseline_written:
            return f"{checked}: {where}; recorded as the baseline."
        verdict = "fails" if self.failed() else "passes"
        return f"{checked}: {where}; {verdict} at --fail-on {self.fail_on.value}."


def plural(count: int) -> str:
    return "" if count == 1 else "s"
