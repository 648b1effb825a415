"""Checking in parallel gives exactly the serial run's report, in the same order."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mcvalidate.cli import cli
from mcvalidate.parallel import PARALLEL_FROM, jobs_for

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalogue of good and bad courses, and one broken file, in nested directories."""
    root = tmp_path_factory.mktemp("catalogue")
    sources = sorted((ROOT / "examples").rglob("*.yaml"))
    for index in range(90):
        source = sources[index % len(sources)]
        target = root / f"dept{index % 7}" / f"course-{index:03}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
    (root / "dept3" / "broken.yaml").write_text("title: 'unclosed\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("fmt", ["json", "sarif", "text", "junit"])
def test_parallel_output_is_identical_to_serial(catalogue: Path, fmt: str) -> None:
    serial = CliRunner().invoke(cli, ["check", "--format", fmt, "-j", "1", str(catalogue)])
    parallel = CliRunner().invoke(cli, ["check", "--format", fmt, "-j", "2", str(catalogue)])
    assert serial.exit_code == parallel.exit_code == 1
    assert parallel.stdout == serial.stdout
    assert serial.stdout.count("broken.yaml") >= 1


def test_automatic_jobs_use_one_process_for_few_files() -> None:
    assert jobs_for(None, 1) == 1
    assert jobs_for(None, PARALLEL_FROM - 1) == 1
    assert jobs_for(None, 10_000) >= 1
    assert jobs_for(4, 2) == 2  # never more processes than files
    assert jobs_for(3, 100) == 3
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert jobs_for(99_999, 100_000) == 4 * (cores or 1)  # not one process per file
