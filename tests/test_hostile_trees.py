"""Hostile trees: what a checked directory can hold besides course files (symbolic links out of
it, loops, devices, names that are not UTF-8, directories that cannot be listed). Nothing is
read outside the paths given, nothing hangs, and nothing is lost without a finding."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mcvalidate.cli import cli

GOOD = "title: x\nstatus: publish\n"  # one MC012 finding, so a checked file shows


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["check", "--isolated", *args])


def findings(result: Result) -> list[tuple[str, str]]:
    return [(f["path"], f["rule"]) for f in json.loads(result.stdout)["findings"]]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "courses"
    root.mkdir()
    (root / "a.yaml").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return root


def test_links_that_leave_the_checked_paths_are_skipped_and_never_read(tree: Path) -> None:
    secret = tree.parent / "token.yaml"
    secret.write_text("title: 'the secret token 12345\n", encoding="utf-8")
    (tree / "leak.yaml").symlink_to(secret)
    (tree / "zero.yaml").symlink_to("/dev/zero")
    (tree / "outside").symlink_to(tree.parent, target_is_directory=True)
    result = run("--select", "MC", "courses")
    assert result.exit_code == 1
    assert "12345" not in result.stdout
    assert [line for line in result.stderr.splitlines() if "skipped" in line] == [
        "mcvalidate: skipped 3 symbolic link(s) that lead outside the paths checked: "
        f"courses/leak.yaml -> {secret}, courses/outside -> {tree.parent}, "
        "courses/zero.yaml -> /dev/zero"
    ]
    assert "courses/a.yaml" in result.stdout


def test_links_inside_the_checked_paths_are_followed_once(tree: Path) -> None:
    (tree / "again.yaml").symlink_to(tree / "a.yaml")
    (tree / "sub").mkdir()
    (tree / "sub" / "b.yaml").write_text(GOOD, encoding="utf-8")
    (tree / "alias").symlink_to(tree / "sub", target_is_directory=True)
    result = run("--format", "json", "--select", "MC012", "courses")
    assert sorted(findings(result)) == [
        ("courses/a.yaml", "MC012"),
        ("courses/sub/b.yaml", "MC012"),
    ]
    assert "skipped" not in result.stderr


def test_a_symbolic_link_loop_is_a_finding_not_an_internal_error(tree: Path) -> None:
    (tree / "loop.yaml").symlink_to(tree / "loop.yaml")
    result = run("--format", "json", "--select", "MC002,MC012", "courses")
    assert result.exit_code == 1, result.output
    assert sorted(findings(result)) == [("courses/a.yaml", "MC012"), ("courses/loop.yaml", "MC002")]
    loop = next(f for f in json.loads(result.stdout)["findings"] if f["rule"] == "MC002")
    assert "symbolic links" in loop["message"]


def test_a_pipe_named_like_a_course_is_never_opened_for_long(tree: Path) -> None:
    os.mkfifo(tree / "pipe.yaml")
    result = run("--format", "json", "--select", "MC002,MC012", "courses")
    assert ("courses/pipe.yaml", "MC002") in findings(result)


def test_a_directory_that_cannot_be_listed_is_a_finding(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tree / "locked").mkdir()
    (tree / "locked" / "b.yaml").write_text(GOOD, encoding="utf-8")
    real = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> os.ScandirIterator[str]:
        if Path(path).name == "locked":  # what a directory without read permission gives
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    result = run("--format", "json", "courses")
    assert result.exit_code == 1
    locked = [f for f in json.loads(result.stdout)["findings"] if f["path"] == "courses/locked"]
    assert [(f["rule"], f["line"]) for f in locked] == [("MC002", 1)]
    assert "This directory cannot be read (Permission denied)" in locked[0]["message"]


def test_a_path_longer_than_the_system_allows_is_a_finding(tree: Path) -> None:
    deep = os.open(tree, os.O_RDONLY)
    try:
        for _ in range(45):  # 45 levels of 100 characters: past PATH_MAX (4,096) on Linux
            os.mkdir("d" * 100, dir_fd=deep)
            inner = os.open("d" * 100, os.O_RDONLY, dir_fd=deep)
            os.close(deep)
            deep = inner
        fd = os.open("c.yaml", os.O_WRONLY | os.O_CREAT, dir_fd=deep)
        os.write(fd, GOOD.encode())
        os.close(fd)
    finally:
        os.close(deep)
    result = run("--format", "json", "courses")
    rules = {rule for _, rule in findings(result)}
    assert "MC002" in rules, result.output  # the part it could not reach is said, not hidden
    assert result.exit_code == 1


def test_upper_case_suffixes_are_course_files(tree: Path) -> None:
    (tree / "B.YAML").write_text(GOOD, encoding="utf-8")
    (tree / "c.Yml").write_text(GOOD, encoding="utf-8")
    result = run("--format", "json", "--select", "MC012", "courses")
    assert sorted(p for p, _ in findings(result)) == [
        "courses/B.YAML",
        "courses/a.yaml",
        "courses/c.Yml",
    ]


@pytest.mark.parametrize("output", ["text", "json", "sarif", "github", "gitlab", "junit"])
def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(tree: Path, output: str) -> None:
    name = os.fsdecode(b"caf\xe9.yaml")
    try:
        (tree / name).write_text(GOOD, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    result = run("--format", output, "--select", "MC012", "courses")
    assert result.exit_code == 1, result.output
    # As written in each format: an escape in text, escaped again inside JSON strings.
    shown = {"sarif": "caf%5Cxe9.yaml", "json": "caf\\\\xe9.yaml", "gitlab": "caf\\\\xe9.yaml"}
    shown = shown.get(output, "caf\\xe9.yaml")
    assert shown in result.stdout
