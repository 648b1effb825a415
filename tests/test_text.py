"""The public text kit rule authors use for their messages (``mcvalidate.text``)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from mcvalidate.text import capitalized, filled, listing, number

ROOT = Path(__file__).resolve().parents[1]


def test_filled_tells_blank_text_from_text() -> None:
    assert [filled(t) for t in (None, "", "  \n", "x", " x ")] == [
        False,
        False,
        False,
        True,
        True,
    ]


def test_capitalized_keeps_the_case_of_the_rest() -> None:
    assert capitalized("learning outcome LO1") == "Learning outcome LO1"
    assert capitalized("") == ""


def test_listing_joins_the_last_two_with_the_conjunction() -> None:
    assert listing([]) == ""
    assert listing(["a"]) == "a"
    assert listing(["a", "b"]) == "a and b"
    assert listing(("a", "b", "c"), "or") == "a, b or c"


def test_number_is_written_as_a_person_writes_it() -> None:
    assert [number(v) for v in (80, 80.0, 7.5, 100 / 3, 0)] == ["80", "80", "7.5", "33.33", "0"]
    assert number(100 / 3, 1) == "33.3"


def test_the_kit_imports_only_the_standard_library() -> None:
    tree = ast.parse((ROOT / "src" / "mcvalidate" / "text.py").read_text(encoding="utf-8"))
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert {name.split(".")[0] for name in imported} <= sys.stdlib_module_names


def test_closest_suggests_the_best_match_and_an_equally_close_second() -> None:
    from mcvalidate.text import closest

    assert closest("assesments", ["assessments", "outcomes"]) == ["assessments"]
    assert closest("online", ["online_sync", "online_async", "hybrid"], cutoff=0.5) == [
        "online_sync",
        "online_async",
    ]
    assert closest("zzz", ["title", "summary"]) == []
