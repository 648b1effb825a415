"""The JSON report: one object on stdout, a stable contract documented in the README."""

from __future__ import annotations

import json
from typing import TextIO

from mcvalidate import __version__
from mcvalidate.reporters import Run


def render(run: Run, stream: TextIO) -> None:
    report = {
        "version": __version__,
        "packs": [pack.name for pack in run.packs],
        "summary": {"files": len(run.results), **run.counts()},
        "findings": [f.to_dict() for result in run.results for f in result.findings],
    }
    json.dump(report, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
