"""The JSON report: one object on stdout, a stable contract documented in the README."""

from __future__ import annotations

import json
from typing import TextIO

from mcvalidate import __version__
from mcvalidate.findings import Finding
from mcvalidate.report import Report
from mcvalidate.reporters._common import holds_unicode


def _record(finding: Finding) -> dict[str, object]:
    record = finding.to_dict()
    if finding.suppression is not None:
        record["suppression"] = {
            "kind": finding.suppression.kind,
            "justification": finding.suppression.justification,
        }
    return record


def render(report: Report, stream: TextIO) -> None:
    document = {
        "version": __version__,
        "packs": [pack.name for pack in report.packs],
        "pack_details": [pack.to_dict() for pack in report.packs],
        "summary": {"files": report.checked, **report.counts()},
        "findings": [_record(f) for result in report.results for f in report.view.shown(result)],
    }
    # Non-ASCII as \u escapes (the same JSON) on a stream that cannot hold every character.
    json.dump(document, stream, ensure_ascii=not holds_unicode(stream), indent=2)
    stream.write("\n")
