"""The user's cache directory (mcvalidate.usercache): where it is, that writing is atomic
and never fails a run, and that an old version's files are removed."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from mcvalidate import usercache


def test_the_directory_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MCVALIDATE_CACHE_DIR", str(tmp_path / "here"))
    assert usercache.cache_dir() == tmp_path / "here"
    monkeypatch.setenv("MCVALIDATE_CACHE_DIR", "")
    assert usercache.cache_dir() is None
    monkeypatch.delenv("MCVALIDATE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if os.name == "posix" and os.uname().sysname == "Linux":
        assert usercache.cache_dir() == tmp_path / "xdg" / "mcvalidate"


def test_a_stamp_changes_with_any_of_its_files(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.write_text("a")
    before = usercache.stamp([one, two])  # a missing file counts too
    two.write_text("b")
    assert usercache.stamp([one, two]) != before
    assert usercache.stamp([one, two]) == usercache.stamp([one, two])


def test_writing_replaces_whole_and_never_raises(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "course-1.pickle"
    usercache.write_atomic(path, b"first")
    usercache.write_atomic(path, b"second")
    assert path.read_bytes() == b"second"
    assert [p.name for p in path.parent.iterdir()] == ["course-1.pickle"]  # no temporary left
    (tmp_path / "file").write_text("")
    usercache.write_atomic(tmp_path / "file" / "x-1", b"")  # a file where the folder should be
    usercache.append_line(tmp_path / "file" / "x-1", "line")


def test_an_old_version_is_removed_when_a_new_one_is_written(tmp_path: Path) -> None:
    old, recent, other = (tmp_path / n for n in ("course-old", "course-recent", "packs-old"))
    for path in (old, recent, other):
        path.write_bytes(b"")
    long_ago = time.time() - usercache.STALE_AFTER - 60
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    usercache.write_atomic(tmp_path / "course-new", b"")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "course-new",
        "course-recent",
        "packs-old",  # another family: left to its own writes
    ]


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="no user ids to compare (Windows)")
def test_a_file_anyone_may_write_is_never_read_nor_written_beside(tmp_path: Path) -> None:
    """A cache file decides what runs (a pickle, modules to import): one in a world-writable
    directory, or writable by everyone itself, is passed over as a planted one would be."""
    mine = tmp_path / "mine"
    path = mine / "course-1.pickle"
    usercache.write_atomic(path, b"payload")
    assert mine.stat().st_mode & 0o777 == 0o700
    assert usercache.read(path) == b"payload"
    path.chmod(0o666)
    assert usercache.read(path) is None
    path.chmod(0o644)
    mine.chmod(0o777)
    assert usercache.read(path) is None
    usercache.write_atomic(mine / "packs-1.json", b"[]")
    usercache.append_line(mine / "codes-1.txt", "language\ten\t")
    assert sorted(p.name for p in mine.iterdir()) == ["course-1.pickle"]
    assert usercache.read(mine / "absent") is None
