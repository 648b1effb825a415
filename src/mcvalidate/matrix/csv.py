"""The matrix as CSV, one line per file and framework (a long table: a spreadsheet's pivot
makes the grid), with the elements met and missed joined by semicolons."""

from __future__ import annotations

import csv
from typing import TextIO

from mcvalidate.matrix import Matrix

HEADER = [
    "file",
    "framework",
    "checked",
    "in_scope",
    "passed",
    "errors",
    "warnings",
    "info",
    "elements",
    "elements_met",
    "elements_missed",
    "elements_optional_absent",
]


def write(matrix: Matrix, stream: TextIO, color: str = "auto") -> None:
    out = csv.writer(stream, lineterminator="\n")
    out.writerow(HEADER)
    for row in matrix.rows:
        if row.unchecked:
            for pack in matrix.columns:
                out.writerow([row.path, pack.name, "false", "", "", "", "", "", "", "", "", ""])
            continue
        for cell in row.cells:
            out.writerow(
                [
                    row.path,
                    cell.pack,
                    "true",
                    str(cell.in_scope).lower(),
                    str(cell.passed).lower(),
                    cell.errors,
                    cell.warnings,
                    cell.infos,
                    cell.total,
                    "; ".join(cell.met),
                    "; ".join(cell.missed),
                    "; ".join(cell.optional),
                ]
            )
