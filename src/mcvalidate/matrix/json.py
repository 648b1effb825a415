"""The matrix as JSON: the frameworks (name, title, version, where each applies), then per
file, per framework, the counts and the elements met, missed and optional-and-absent."""

from __future__ import annotations

import json
from typing import Any, TextIO

from mcvalidate.matrix import Cell, Matrix
from mcvalidate.scopes import scope_words


def _cell(cell: Cell) -> dict[str, Any]:
    return {
        "in_scope": cell.in_scope,
        "passed": cell.passed,
        "errors": cell.errors,
        "warnings": cell.warnings,
        "info": cell.infos,
        "elements": {
            "met": list(cell.met),
            "missed": list(cell.missed),
            "optional_absent": list(cell.optional),
        },
    }


def write(matrix: Matrix, stream: TextIO, color: str = "auto") -> None:
    document = {
        "frameworks": [
            {
                "name": pack.name,
                "title": pack.title,
                "framework": pack.framework,
                "version": pack.version,
                "url": pack.url,
                "applies_to": scope_words(pack),
            }
            for pack in matrix.columns
        ],
        "files": [
            {"path": row.path, "checked": False, "why": row.unchecked}
            if row.unchecked
            else {
                "path": row.path,
                "checked": True,
                "frameworks": {cell.pack: _cell(cell) for cell in row.cells},
            }
            for row in matrix.rows
        ],
    }
    json.dump(document, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
