"""Shared helpers for the test suite."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from mcvalidate.engine import Checker, FileResult
from mcvalidate.packs import select

ROOT = Path(__file__).resolve().parent.parent
TODAY = datetime.date(2026, 6, 1)


def check_text(
    text: str, *rules: str, name: str = "course.yaml", today: datetime.date = TODAY
) -> FileResult:
    """Check YAML text with only ``rules`` selected (all rules when none are given)."""
    checker = Checker(select(select=list(rules)), today=today)
    return checker.check_bytes(name, text.encode("utf-8"))


@pytest.fixture
def root() -> Path:
    return ROOT
