"""The JSON report: one object on stdout, a stable contract documented in the README.

The findings are spooled as the files' results arrive (the summary, which comes before them,
is only known at the end), so a report of any size is written without being held in memory.
"""

from __future__ import annotations

from typing import TextIO

from mcvalidate import __version__
from mcvalidate.findings import FileResult, Finding
from mcvalidate.report import Run, Tally
from mcvalidate.reporters._common import Items, holds_unicode


def _record(finding: Finding) -> dict[str, object]:
    record = finding.to_dict()
    if finding.suppression is not None:
        record["suppression"] = {
            "kind": finding.suppression.kind,
            "justification": finding.suppression.justification,
        }
    return record


class JsonReporter:
    def __init__(self, run: Run, stream: TextIO) -> None:
        self._run, self._stream = run, stream
        # Non-ASCII as \u escapes (the same JSON) on a stream that cannot hold every character.
        self._findings = Items(depth=2, ensure_ascii=not holds_unicode(stream))

    def add(self, result: FileResult) -> None:
        for finding in self._run.view.shown(result):
            self._findings.add(_record(finding))

    def close(self, tally: Tally) -> None:
        document = {
            "version": __version__,
            "packs": [pack.name for pack in self._run.packs],
            "pack_details": [pack.to_dict() for pack in self._run.packs],
            "summary": {
                "files": tally.files,
                **tally.counts(),
                "fixed": tally.fixed,
                "fixable": tally.fixable,
                "unsafe_fixable": tally.unsafe_fixable,
            },
            "findings": Items.hole,
        }
        self._findings.write(document, self._stream)
        self._stream.write("\n")


reporter = JsonReporter
