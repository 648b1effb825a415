"""The built wheel carries the engine, the built-in packs, their data files and the entry points
that register the packs, so a wheel install finds them exactly as an editable install does."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_holds_engine_packs_data_and_entry_points(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("mcvalidate-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        registered = archive.read(entry_points).decode()
    for module in (
        "mcvalidate/cli.py",
        "mcvalidate/model/course.py",
        "mcvalidate/py.typed",  # pack authors' type checkers read mcvalidate's hints
        "mcvalidate/testing.py",
        "mcvalidate/schemas/course-1.schema.json",  # the schema init's modelines point at
        "mcvalidate_bc/framework/__init__.py",
        "mcvalidate_bc/toolkit/__init__.py",
        "mcvalidate_bc/toolkit/verbs/en-action.txt",
        "mcvalidate_bc/toolkit/verbs/fr-vague.txt",
    ):
        assert module in names, module
    assert "[mcvalidate.packs]" in registered
    assert "bc-framework = mcvalidate_bc.framework:PACK" in registered
    assert "bc-toolkit = mcvalidate_bc.toolkit:PACK" in registered
    assert "mcvalidate = mcvalidate.cli:main" in registered
