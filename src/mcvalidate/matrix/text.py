"""The matrix for a terminal. When the frameworks fit the window side by side, a table of
files by frameworks, then per file the elements each framework finds missing; when they do
not (a dozen frameworks at 80 columns), a block per file with a line per framework, so that
no cell is ever folded in two."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from mcvalidate.matrix import GENERAL, Cell, Matrix, Row
from mcvalidate.terminal import coloured, width_of

if TYPE_CHECKING:
    from rich.console import Console

# A cell of a framework whose scope the file is outside (check would not apply it).
OUTSIDE = "°"
# The narrowest the file column gets in the table: narrower, the table gives way to blocks.
_FILE_COLUMN = 24


def cell_text(cell: Cell, short: bool = False) -> str:
    """``pass``, or the counts that stop it passing (``2 err, 1 warn``; short: ``2E 1W``);
    ``°`` marks a framework whose scope the file is outside."""
    if cell.passed:
        words = "pass"
    elif short:
        counts = ((cell.errors, "E"), (cell.warnings, "W"))
        words = " ".join(f"{n}{label}" for n, label in counts if n)
    else:
        counts = ((cell.errors, "err"), (cell.warnings, "warn"))
        words = ", ".join(f"{n} {label}" for n, label in counts if n)
    return words + ("" if cell.in_scope else OUTSIDE)


def _style(cell: Cell) -> str:
    style = "green" if cell.passed else ("red" if cell.errors else "yellow")
    return style + ("" if cell.in_scope else " dim")


def write(matrix: Matrix, stream: TextIO, color: str = "auto") -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(
        file=stream,
        width=width_of(stream),
        force_terminal=coloured(color, stream),
        no_color=not coloured(color, stream),
        highlight=False,
        emoji=False,
    )
    if _fits(matrix, console.width):
        _table(matrix, console)
    else:
        _blocks(matrix, console)
    legend = (
        f"E errors, W warnings ('mcvalidate check --framework NAME FILE' lists them); "
        f"{OUTSIDE} outside the framework's scope, where 'mcvalidate check' does not apply it."
    )
    console.print(Text(_wrapped(legend, console.width, "", ""), style="dim"))


def _headers(matrix: Matrix) -> list[str]:
    """The column headers, broken at their hyphens: a column is as wide as its longest part."""
    names = (GENERAL, *(pack.name for pack in matrix.columns))
    return [name.replace("-", "-\n").replace(" ", "\n") for name in names]


def _fits(matrix: Matrix, width: int) -> bool:
    """True when the frameworks fit side by side, with room for the file names."""
    cells = [c for row in matrix.rows for c in (row.general, *row.cells) if c is not None]
    longest = max((len(cell_text(c, short=True)) for c in cells), default=4)
    columns = [
        max(longest, *(len(part) for part in header.split("\n"))) for header in _headers(matrix)
    ]
    return _FILE_COLUMN + sum(w + 3 for w in columns) <= width


def _table(matrix: Matrix, console: Console) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    folder = _common_folder([row.path for row in matrix.rows])
    title = f"file in {folder}" if folder else "file"
    table.add_column(title, overflow="fold", min_width=min(_FILE_COLUMN, len(title)))
    for header in _headers(matrix):
        table.add_column(header, no_wrap=True)
    for row in matrix.rows:
        path = row.path[len(folder) :]
        if row.unchecked or row.general is None:
            unchecked = Text("not checked", style="red")
            table.add_row(path, unchecked, *(Text("-") for _ in matrix.columns))
            continue
        cells = [
            Text(cell_text(cell, short=True), style=_style(cell))
            for cell in (row.general, *row.cells)
        ]
        table.add_row(path, *cells)
    console.print(table)
    width = console.width
    for row in matrix.rows:
        if row.unchecked:
            console.print(Text(_wrapped(f"{row.path}: not checked ({row.unchecked})", width, "")))
            continue
        failing = [c for c in row.cells if c.missed]
        if failing:
            console.print(Text("\n" + row.path, style="bold"))
            for cell in failing:
                console.print(Text(_wrapped(_misses(cell), width)))
    console.print()


def _blocks(matrix: Matrix, console: Console) -> None:
    """A block per file: the checks every file gets, then a line per framework with its
    result and what it misses."""
    from rich.text import Text

    width = console.width
    name = max(len(p.name) for p in matrix.columns) + 2
    cells = [c for row in matrix.rows for c in row.cells]
    result = max((len(cell_text(c).rstrip(OUTSIDE)) for c in cells), default=4) + 2
    for row in matrix.rows:
        if row.unchecked or row.general is None:
            console.print(Text(_wrapped(f"{row.path}: not checked ({row.unchecked})", width, "")))
            console.print()
            continue
        head = Text(row.path, style="bold")
        head.append(f"  ({GENERAL}: {cell_text(row.general)})")
        console.print(head)
        for cell in row.cells:
            line = Text(f"  {cell.pack + ('' if cell.in_scope else OUTSIDE):<{name}}")
            line.append(f"{cell_text(cell).rstrip(OUTSIDE):<{result}}", style=_style(cell))
            line.append(f"meets {len(cell.met)} of {cell.total}")
            if cell.optional:
                line.append(f"; {len(cell.optional)} optional not given")
            console.print(line)
            if cell.missed:
                text = "misses: " + "; ".join(cell.missed)
                indent = " " * (name + 2)
                console.print(Text(_wrapped(text, width, indent, indent + "  ")))
        console.print()


def _misses(cell: Cell) -> str:
    return f"{cell.pack} meets {len(cell.met)} of {cell.total} elements; misses: " + "; ".join(
        cell.missed
    )


def _common_folder(paths: list[str]) -> str:
    """The folder all ``paths`` are in (``examples/``), or ``""``: written once in the header
    instead of on every row, for a narrow terminal."""
    import os.path

    if len(paths) < 2:
        return ""
    folder = os.path.commonpath([p.replace("\\", "/") for p in paths])
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


__all__ = ["OUTSIDE", "Row", "cell_text", "write"]
