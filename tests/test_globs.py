"""Glob matching (``exclude``, ``per_file_ignores``): what a pattern means, and that the
automaton means exactly what the regular expression it replaced meant, in linear time."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from mcvalidate.globs import glob_match

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "mcvalidate-hypothesis")


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("drafts/", "drafts/a.yaml", True),
        ("drafts", "courses/drafts/a.yaml", True),
        ("drafts", "courses/drafts", True),
        ("drafts", "courses/drafts2/a.yaml", False),
        ("*.yml", "a/b/c.yml", True),
        ("*.yml", "a/b/c.yaml", False),
        ("a/*.yaml", "a/b/c.yaml", False),
        ("a/*.yaml", "a/c.yaml", True),
        ("a/**/*.yaml", "a/b/c.yaml", True),
        ("a/**/*.yaml", "a/c.yaml", True),
        ("a/**/*.yaml", "ab/c.yaml", False),
        ("**/x.yaml", "x.yaml", True),
        ("**/x.yaml", "ax.yaml", False),
        ("a/**/**/**/b", "a/b", True),
        ("mistakes", "examples/mistakes2/x.yaml", False),
        ("courses/archive/**", "courses/archive/2020/x.yaml", True),
        ("courses/archive/**", "courses/archive", False),
        ("courses/**x", "courses/a/bx", True),  # '**' not a whole segment still spans
        ("c?.yaml", "c1.yaml", True),
        ("c?.yaml", "c/.yaml", False),
        ("c?.yaml", "c12.yaml", False),
        ("*-draft-*.yaml", "x/a-draft-b.yaml", True),
        ("*-draft-*.yaml", "x/a-draft.yaml", False),
        ("", "a.yaml", False),  # an empty pattern matches no file
    ],
)
def test_glob_matching(pattern: str, path: str, matches: bool) -> None:
    assert glob_match(pattern, path) is matches


def _as_regex(pattern: str) -> re.Pattern[str]:
    """The translation to a regular expression that mcvalidate used before (right, but
    exponential on some inputs): the reference the automaton is held to."""
    pattern = re.sub(r"(?:\*\*/)+", "**/", pattern.rstrip("/"))
    pattern = re.sub(r"\*{3,}", "**", pattern)
    if "/" not in pattern:
        pattern = "**/" + pattern
    regex, index = "", 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            regex, index = regex + "(?:.*/)?", index + 3
        elif pattern.startswith("**", index):
            regex, index = regex + ".*", index + 2
        elif pattern[index] in "*?":
            regex, index = regex + ("[^/]*" if pattern[index] == "*" else "[^/]"), index + 1
        else:
            regex, index = regex + re.escape(pattern[index]), index + 1
    return re.compile(regex + "(?:/.*)?")


@settings(max_examples=3000, deadline=None, derandomize=True, database=None)
@given(
    pattern=st.text(alphabet="ab/*?.", max_size=9),
    path=st.text(alphabet="ab/.", max_size=12),
)
def test_the_automaton_matches_what_the_regular_expression_matched(pattern: str, path: str) -> None:
    assert glob_match(pattern, path) is (_as_regex(pattern).fullmatch(path) is not None)
