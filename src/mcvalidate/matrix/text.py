"""The matrix for a terminal: a table of files by frameworks that fits the window, then, per
file, the elements each framework finds missing (the reason behind each failing cell)."""

from __future__ import annotations

from typing import TextIO

from mcvalidate.matrix import GENERAL, Cell, Matrix
from mcvalidate.terminal import coloured, width_of

# A cell of a framework whose scope the file is outside (check would not apply it).
OUTSIDE = "°"


def cell_text(cell: Cell, short: bool = False) -> str:
    """``pass``, or the counts that stop it passing (``2 err, 1 warn``; short: ``2E 1W``);
    ``°`` marks a framework whose scope the file is outside."""
    if cell.passed:
        words = "pass"
    elif short:
        words = " ".join(
            f"{n}{label}" for n, label in ((cell.errors, "E"), (cell.warnings, "W")) if n
        )
    else:
        counts = [(cell.errors, "err"), (cell.warnings, "warn")]
        words = ", ".join(f"{n} {label}" for n, label in counts if n)
    return words + ("" if cell.in_scope else OUTSIDE)


def write(matrix: Matrix, stream: TextIO, color: str = "auto") -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(
        file=stream,
        width=width_of(stream),
        force_terminal=coloured(color, stream),
        no_color=not coloured(color, stream),
        highlight=False,
        emoji=False,
    )
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    folder = _common_folder([row.path for row in matrix.rows])
    table.add_column(f"file in {folder}" if folder else "file", overflow="fold", min_width=16)
    # Headers broken at their hyphens: a column is as narrow as its longest part.
    for name in (GENERAL, *(pack.name for pack in matrix.columns)):
        table.add_column(name.replace("-", "-\n").replace(" ", "\n"), overflow="fold")
    for row in matrix.rows:
        path = row.path[len(folder) :]
        if row.unchecked or row.general is None:
            unchecked = Text("not checked", style="red")
            table.add_row(path, unchecked, *(Text("-") for _ in matrix.columns))
            continue
        cells = []
        for cell in (row.general, *row.cells):
            style = "green" if cell.passed else ("red" if cell.errors else "yellow")
            text = cell_text(cell, short=True)
            cells.append(Text(text, style=style + ("" if cell.in_scope else " dim")))
        table.add_row(path, *cells)
    console.print(table)
    legend = (
        f"E errors, W warnings ('mcvalidate check --framework NAME FILE' lists them); "
        f"{OUTSIDE} outside the framework's scope, where 'mcvalidate check' does not apply it."
    )
    console.print(Text(_wrapped(legend, console.width, "", ""), style="dim"))
    width = console.width
    for row in matrix.rows:
        if row.unchecked:
            console.print(Text(_wrapped(f"{row.path}: not checked ({row.unchecked})", width, "")))
            continue
        failing = [c for c in row.cells if c.missed]
        if not failing:
            continue
        console.print(Text("\n" + row.path, style="bold"))
        for cell in failing:
            line = f"{cell.pack} meets {len(cell.met)} of {cell.total} elements; misses: "
            console.print(Text(_wrapped(line + "; ".join(cell.missed), width)))


def _common_folder(paths: list[str]) -> str:
    """The folder all ``paths`` are in (``examples/``), or ``""``: written once in the header
    instead of on every row, for a narrow terminal."""
    import os.path

    if len(paths) < 2:
        return ""
    folder = os.path.commonpath([p.replace("\\", "/") for p in paths]) if paths else ""
    return f"{folder}/" if folder and all(p.startswith(f"{folder}/") for p in paths) else ""


def _wrapped(text: str, width: int, indent: str = "  ", more: str | None = None) -> str:
    import textwrap

    return textwrap.fill(
        text,
        width=max(width, 40),
        initial_indent=indent,
        subsequent_indent=indent + "    " if more is None else more,
        break_long_words=False,
        break_on_hyphens=False,
    )
