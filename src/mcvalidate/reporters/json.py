"""The JSON report: one object on stdout, a stable contract documented in the README."""

from __future__ import annotations

import json
from typing import TextIO

from mcvalidate import __version__
from mcvalidate.engine import FileResult
from mcvalidate.findings import Finding
from mcvalidate.reporters import Run


def _shown(run: Run, result: FileResult) -> list[Finding]:
    if not run.show_suppressed:
        return list(result.findings)
    return sorted((*result.findings, *result.suppressed), key=lambda f: f.sort_key)


def _record(finding: Finding) -> dict[str, object]:
    record = finding.to_dict()
    if finding.suppression is not None:
        record["suppression"] = {
            "kind": finding.suppression.kind,
            "justification": finding.suppression.justification,
        }
    return record


def render(run: Run, stream: TextIO) -> None:
    report = {
        "version": __version__,
        "packs": [pack.name for pack in run.packs],
        "summary": {"files": run.checked, **run.counts()},
        "findings": [_record(f) for result in run.results for f in _shown(run, result)],
    }
    json.dump(report, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
