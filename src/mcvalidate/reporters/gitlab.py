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

import json
from typing import Any, TextIO

from mcvalidate.findings import Finding, Severity
from mcvalidate.report import Report
from mcvalidate.reporters._common import fingerprinted, with_fix
from mcvalidate.text import visible

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(report: Report, stream: TextIO) -> None:
    issues = [
        _issue(finding, fingerprint)
        for result in report.results
        for finding, fingerprint in fingerprinted(result)
        if finding.suppression is None
    ]
    json.dump(issues, stream, ensure_ascii=True, indent=2)
    stream.write("\n")


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
