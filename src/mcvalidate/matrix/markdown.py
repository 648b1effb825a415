"""The matrix as Markdown, for a committee's papers or a pull request comment: the table of
files by frameworks, then what each failing cell misses."""

from __future__ import annotations

from typing import TextIO

from mcvalidate.matrix import GENERAL, Matrix
from mcvalidate.matrix.text import OUTSIDE, cell_text


def _escaped(text: str) -> str:
    return text.replace("|", "\\|")


def write(matrix: Matrix, stream: TextIO, color: str = "auto") -> None:
    head = ["file", GENERAL, *(pack.name for pack in matrix.columns)]
    lines = [
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    for row in matrix.rows:
        cells = (
            ["not checked", *["-"] * len(matrix.columns)]
            if row.unchecked or row.general is None
            else [cell_text(cell) for cell in (row.general, *row.cells)]
        )
        lines.append("| " + " | ".join(_escaped(t) for t in [f"`{row.path}`", *cells]) + " |")
    lines += [
        "",
        f"{OUTSIDE} outside the framework's scope (`mcvalidate check` would not apply it); "
        "err, warn: errors and warnings.",
    ]
    for row in matrix.rows:
        if row.unchecked:
            lines += ["", f"**`{row.path}`**: not checked ({_escaped(row.unchecked)})"]
            continue
        failing = [c for c in row.cells if c.missed]
        if not failing:
            continue
        lines += ["", f"**`{row.path}`**", ""]
        lines += [
            f"- {cell.pack} meets {len(cell.met)} of {cell.total} elements; misses: "
            + "; ".join(cell.missed)
            for cell in failing
        ]
    stream.write("\n".join(lines) + "\n")
