"""Output formats: one module per format, each consuming the same list of file results.

A reporter module has a ``render(run: Run, stream: TextIO) -> None`` function. The registry maps
format names to module paths so that a run imports only the reporter it uses (and the text
one imports rich only when it colours its output).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO, cast

if TYPE_CHECKING:
    from mcvalidate.engine import FileResult
    from mcvalidate.findings import Severity
    from mcvalidate.rules import Pack, Rule

FORMATS = {
    "text": "mcvalidate.reporters.text",
    "json": "mcvalidate.reporters.json",
    "sarif": "mcvalidate.reporters.sarif",
    "junit": "mcvalidate.reporters.junit",
    "github": "mcvalidate.reporters.github",
    "gitlab": "mcvalidate.reporters.gitlab",
}


@dataclass(frozen=True)
class Run:
    """Everything a reporter may show about one run."""

    results: Sequence[FileResult]
    packs: Sequence[Pack]
    fail_on: Severity
    # Every rule of the run by id, for the formats that describe the rules that fired.
    rules: Mapping[str, Rule] = field(default_factory=dict)
    color: str = "auto"
    quiet: bool = False
    show_suppressed: bool = False
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
        verdict = "fails" if self.failed() else "passes"
        where = f"{parts} in {with_findings} file{plural(with_findings)}{aside}"
        if self.baseline_written:
            return f"{checked}: {where}; recorded as the baseline."
        return (
            f"{checked}: {parts} in {with_findings} file{plural(with_findings)}{aside}; "
            f"{verdict} at --fail-on {self.fail_on.value}."
        )


def plural(count: int) -> str:
    return "" if count == 1 else "s"


Render = Callable[[Run, TextIO], None]


def renderer(name: str) -> Render:
    """The render function of the format ``name``."""
    module = importlib.import_module(FORMATS[name])
    return cast(Render, module.render)
