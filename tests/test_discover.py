"""Finding the files to check: the order, the names they are reported under, each file once
(through paths that overlap and through symbolic links), and no memory kept per file where
the paths given cannot overlap."""

from __future__ import annotations

import gc
import os
import tracemalloc
from pathlib import Path

import pytest

from mcvalidate.discover import discover


def write(path: Path, text: str = "title: x\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """courses/ with files at the top, in two subdirectories and in a hidden one."""
    root = tmp_path / "courses"
    for name in ("b.yaml", "a.yml", "notes.txt", ".hidden.yaml", "Z.YAML"):
        write(root / name)
    for name in ("dept2/x.yaml", "dept1/y.yaml", "dept1/inner/z.yaml", ".drafts/d.yaml"):
        write(root / name)
    monkeypatch.chdir(tmp_path)
    return root


# The course files of the tree, in the order the walk gives them.
WALKED = [
    "courses/Z.YAML",
    "courses/a.yml",
    "courses/b.yaml",
    "courses/dept1/y.yaml",
    "courses/dept1/inner/z.yaml",
    "courses/dept2/x.yaml",
]


def names(*paths: str) -> list[str]:
    return [display for _, display in discover(paths).files]


def test_files_come_by_name_then_each_subdirectory_depth_first(tree: Path) -> None:
    assert names("courses") == WALKED
    assert names("courses/") == WALKED
    assert names("./courses") == WALKED


def test_names_are_relative_to_the_working_directory_where_they_can_be(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tree / "dept1")
    assert names(".") == ["y.yaml", "inner/z.yaml"]
    assert names("..")[:3] == ["../Z.YAML", "../a.yml", "../b.yaml"]
    outside = tree.parent / "elsewhere"
    write(outside / "e.yaml")
    assert names(str(outside)) == [f"{outside.as_posix()}/e.yaml"]
    # The same names as a path's own display name gives, file by file.
    monkeypatch.chdir(tree.parent)
    walked = [(path, display) for path, display in discover(["courses"]).files]
    assert all(display == path.as_posix() for path, display in walked)


@pytest.mark.parametrize(
    "given",
    [
        ("courses", "courses"),
        ("courses", "courses/dept1"),
        ("courses/dept1", "courses"),
        ("courses/dept1/y.yaml", "courses"),
        ("courses", "courses/dept1/y.yaml"),
    ],
    ids=["twice", "then-inside", "inside-first", "file-then-dir", "dir-then-file"],
)
def test_paths_that_overlap_give_each_file_once_where_first_reached(
    tree: Path, given: tuple[str, str]
) -> None:
    found = names(*given)
    assert len(found) == len(set(found))
    assert sorted(found) == sorted(names("courses"))
    assert found[0] == names(given[0])[0]


def test_a_link_to_a_file_of_the_tree_is_passed_over_for_the_file_itself(tree: Path) -> None:
    (tree / "0-first.yaml").symlink_to(tree / "dept2" / "x.yaml")  # sorts before its target
    (tree / "dept1" / "again.yaml").symlink_to(tree / "b.yaml")
    assert names("courses") == WALKED


def test_a_link_to_a_file_the_walk_does_not_reach_is_followed_once(tree: Path) -> None:
    (tree / "draft.yaml").symlink_to(tree / ".drafts" / "d.yaml")
    (tree / "dept1" / "same-draft.yaml").symlink_to(tree / ".drafts" / "d.yaml")
    (tree / "notes.yaml").symlink_to(tree / "notes.txt")
    (tree / "hidden.yaml").symlink_to(tree / ".hidden.yaml")
    found = names("courses")
    assert "courses/draft.yaml" in found and "courses/dept1/same-draft.yaml" not in found
    assert "courses/notes.yaml" in found and "courses/hidden.yaml" in found
    # A link to a file given on the command line is the file given.
    (tree.parent / "given.yaml").write_text("title: x\n", encoding="utf-8")
    (tree / "to-given.yaml").symlink_to(tree.parent / "given.yaml")
    found = names("given.yaml", "courses")
    assert found[0] == "given.yaml" and "courses/to-given.yaml" not in found


def test_a_link_that_leads_nowhere_is_still_given_to_be_reported(tree: Path) -> None:
    (tree / "loop.yaml").symlink_to(tree / "loop.yaml")
    os.symlink(tree / "gone.yaml", tree / "dangling.yaml")
    found = names("courses")
    assert "courses/loop.yaml" in found and "courses/dangling.yaml" in found


def _retained_by_discovery(root: Path) -> int:
    """Bytes still allocated by a walk of ``root`` at its last file (what it remembers)."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        files = discover([str(root)]).files
        held = 0
        for _ in files:
            held = max(held, tracemalloc.get_traced_memory()[0] - before)
        return held
    finally:
        tracemalloc.stop()


def test_a_walk_remembers_nothing_per_file_where_the_paths_cannot_overlap(tmp_path: Path) -> None:
    """Peak memory of the walk at 200 files and at 2,000 (a set of real paths was about 170
    bytes a file): the same, within what one directory's listing takes."""
    sizes = {}
    for count in (200, 2_000):
        root = tmp_path / f"n{count}"
        for index in range(count):
            write(root / f"dept{index // 100:03}" / f"course-{index:05}.yaml")
        sizes[count] = _retained_by_discovery(root)
    assert sizes[2_000] < sizes[200] + 40_000, sizes  # a set of 2,000 paths: over 300,000


def test_a_large_directory_is_held_by_its_course_files_names_alone(tmp_path: Path) -> None:
    """While a directory is walked its listing is held: 3,000 course files' names (about 80
    bytes each), not their ``os.DirEntry`` objects (over 200 bytes each), and nothing for the
    files that are not courses."""
    root = tmp_path / "big"
    for index in range(3_000):
        write(root / f"course-{index:05}.yaml")
        write(root / f"notes-{index:05}.txt")
    held = _retained_by_discovery(root)
    assert held < 3_000 * 130, held
