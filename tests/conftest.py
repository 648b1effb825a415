"""Shared helpers for the test suite."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from mcvalidate.engine import Checker, FileResult, Settings
from mcvalidate.packs import select

ROOT = Path(__file__).resolve().parent.parent
TODAY = datetime.date(2026, 6, 1)


def check_text(
    text: str,
    *rules: str,
    name: str = "course.yaml",
    today: datetime.date = TODAY,
    **settings: Any,
) -> FileResult:
    """Check YAML text with only ``rules`` selected (all rules when none are given);
    ``settings`` are :class:`Settings` fields (``require_reason=True``...)."""
    checker = Checker(select(select=list(rules)), Settings(today=today, **settings))
    return checker.check_bytes(name, text.encode("utf-8"))


@pytest.fixture
def root() -> Path:
    return ROOT
