"""Output formats: one module per format, each consuming the same list of file results.

A reporter module has a ``render(run: Run, stream: TextIO) -> None`` function. The registry maps
format names to module paths so that a run imports only the reporter it uses (the text one
pulls in rich; the JSON one does not).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO, cast

if TYPE_CHECKING:
    from mcvalidate.engine import FileResult
    from mcvalidate.findings import Severity
    from mcvalidate.rules import Pack

FORMATS = {
    "text": "mcvalidate.reporters.text",
    "json": "mcvalidate.reporters.json",
}


@dataclass(frozen=True)
class Run:
    """Everything a reporter may show about one run."""

    results: Sequence[FileResult]
    packs: Sequence[Pack]
    fail_on: Severity
    color: str = "auto"
    quiet: bool = False

    def counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for result in self.results:
            for finding in result.findings:
                counts[finding.severity.value] += 1
        return counts


Render = Callable[[Run, TextIO], None]


def renderer(name: str) -> Render:
    """The render function of the format ``name``."""
    module = importlib.import_module(FORMATS[name])
    return cast(Render, module.render)
