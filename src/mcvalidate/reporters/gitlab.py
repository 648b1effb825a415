"""GitLab Code Quality: the JSON array ``artifacts:reports:codequality`` takes, shown in the merge
request widget and on the changed lines of its diff.

One issue per active finding (suppressed ones are settled, not quality issues). GitLab compares
the issues of the source and target branches by ``fingerprint``, and keeps only one issue per
fingerprint; ours hash the file, rule and JSON pointer (and count alike findings), so they are
unique in a report and stay the same when unrelated lines move, and a finding shows as new or
resolved only when it is. They are the same as the SARIF report's.

GitLab has five severities; errors map to ``major`` and warnings to ``minor``, keeping
``critical`` and ``blocker`` free for what is worse than a framework requirement not met.
Written ASCII-only, like the SARIF report, so that the stream's encoding does not matter.
"""

from __future__ import annotations

from typing import Any, TextIO

from mcvalidate.findings import FileResult, Finding, Severity
from mcvalidate.report import Run, Tally
from mcvalidate.reporters._common import Items, fingerprinted, with_fix
from mcvalidate.text import visible

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


class GitlabReporter:
    def __init__(self, run: Run, stream: TextIO) -> None:
        self._stream = stream
        self._issues = Items(depth=1, ensure_ascii=True)

    def add(self, result: FileResult) -> None:
        for finding, fingerprint in fingerprinted(result):
            if finding.suppression is None:
                self._issues.add(_issue(finding, fingerprint))

    def close(self, tally: Tally) -> None:
        self._issues.write(Items.hole, self._stream)
        self._stream.write("\n")


reporter = GitlabReporter


def _issue(finding: Finding, fingerprint: str) -> dict[str, Any]:
    return {
        "type": "issue",
        "engine_name": "mcvalidate",
        "check_name": finding.rule,
        "description": with_fix(finding),
        "fingerprint": fingerprint,
        "severity": SEVERITY[finding.severity],
        "location": {
            "path": visible(finding.path),
            "lines": {"begin": finding.span.line, "end": finding.span.end_line},
        },
    }
