"""Shared fixtures for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def root() -> Path:
    return ROOT


def pytest_configure(config: pytest.Config) -> None:
    """Every run of the suite (and every CLI it starts) keeps the compiled course model in a
    fresh cache directory of its own, never the user's: a test sees the cache built from the
    models as they are in this checkout."""
    import os
    import tempfile

    os.environ["MCVALIDATE_CACHE_DIR"] = tempfile.mkdtemp(prefix="mcvalidate-cache-")
