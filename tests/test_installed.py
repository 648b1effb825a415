"""The installed packs' entry points, remembered between runs (mcvalidate.installed): read
from the cache without importlib.metadata, read again when anything installed changes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mcvalidate import installed


def test_a_later_run_finds_the_packs_without_reading_the_metadata(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from mcvalidate.installed import entry_points\n"
        "found = entry_points()\n"
        "print('importlib.metadata' in sys.modules, sorted(f.name for f in found))\n"
        "print(found[0].load().name == found[0].name, found[0].distribution()[0])\n"
    )
    env = {**os.environ, "MCVALIDATE_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout.splitlines()
        for _ in range(2)
    ]
    assert runs[0][0].startswith("True") and runs[1][0].startswith("False")
    assert runs[0][0].split(" ", 1)[1] == runs[1][0].split(" ", 1)[1]
    assert "'bc-framework'" in runs[1][0]
    # The distribution is still named, from its metadata, when a report asks.
    assert runs[1][1] == runs[0][1] and runs[1][1].startswith("True ")


def test_installing_or_removing_a_distribution_reads_them_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MCVALIDATE_CACHE_DIR", str(tmp_path / "cache"))
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    before = installed._cache_file()
    names = {f.name for f in installed.entry_points()}
    info = site / "extra_pack-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: extra-pack\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[mcvalidate.packs]\nextra = extra_pack:PACK\n")
    import importlib

    importlib.invalidate_caches()
    assert installed._cache_file() != before
    assert {f.name for f in installed.entry_points()} == names | {"extra"}
    (info / "entry_points.txt").write_text("[mcvalidate.packs]\nextra2 = extra_pack:PACK\n")
    os.utime(info / "entry_points.txt", ns=(1, 1))  # an edit within the same tick, say
    assert {f.name for f in installed.entry_points()} == names | {"extra2"}
    for path in info.iterdir():
        path.unlink()
    info.rmdir()
    importlib.invalidate_caches()
    assert {f.name for f in installed.entry_points()} == names


def test_a_spoilt_cache_is_read_around(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MCVALIDATE_CACHE_DIR", str(tmp_path))
    names = [f.name for f in installed.entry_points()]
    path = installed._cache_file()
    assert path is not None and path.exists()
    path.write_text("{not json")
    assert [f.name for f in installed.entry_points()] == names
