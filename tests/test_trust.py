"""The trust model: a configuration can run code and switch rules off, so mcvalidate acts only
on configuration it may assume the user wrote (issue: a gate that cannot be turned against its
user). Each test plants what a hostile neighbour could plant."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mcvalidate.cli import cli

TYPO = "title: x\nstatus: publish\n"
# Selecting only MC012 shows that a configuration was read: without it, BCF013 is reported too.
SELECT_ONLY_MC012 = "select: [MC012]\n"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env)


def rules(result: Result) -> set[str]:
    assert result.exit_code in (0, 1), result.output
    return {f["rule"] for f in json.loads(result.stdout)["findings"]}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home directory inside a shared folder (``tmp_path`` plays the shared parent)."""
    home = tmp_path / "shared" / "home"
    home.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("MCVALIDATE_ISOLATED", raising=False)
    return home


def test_discovery_stops_at_the_repository_root(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planted = write(home / "work" / ".mcvalidate.yaml", SELECT_ONLY_MC012)
    repo = home / "work" / "repo"
    (repo / ".git").mkdir(parents=True)
    write(repo / "courses" / "a.yaml", TYPO)
    monkeypatch.chdir(repo / "courses")
    assert "BCF013" in rules(run("check", "--format", "json", "a.yaml"))
    # Inside the repository, its own configuration is found from any subdirectory.
    write(repo / ".mcvalidate.yaml", SELECT_ONLY_MC012)
    assert rules(run("check", "--format", "json", "a.yaml")) == {"MC012"}
    assert planted.exists()


def test_discovery_stops_at_the_users_home(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(home.parent / ".mcvalidate.yaml", SELECT_ONLY_MC012)  # above home, in the shared folder
    write(home / "courses" / "a.yaml", TYPO)
    monkeypatch.chdir(home / "courses")
    assert "BCF013" in rules(run("check", "--format", "json", "a.yaml"))


def test_a_configuration_anyone_may_write_is_refused(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = write(home / "courses" / ".mcvalidate.yaml", "ignore: [bc-framework, bc-toolkit]\n")
    write(home / "courses" / "a.yaml", TYPO)
    config.chmod(0o666)
    monkeypatch.chdir(home / "courses")
    result = run("check", "a.yaml")
    assert result.exit_code == 2
    assert result.stderr == (
        f"mcvalidate: error: {config}: the configuration file is writable by every user, so it "
        "is not trusted; remove that permission (chmod o-w), or run with --isolated\n"
    )
    assert run("check", "--isolated", "a.yaml").exit_code == 1
    assert run("check", "a.yaml", env={"MCVALIDATE_ISOLATED": "1"}).exit_code == 1


def _give_away(path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user (CI runs as root)")
    os.chown(path, 4242, 4242)


def test_a_configuration_another_user_owns_is_refused(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = write(home / "courses" / "pyproject.toml", '[tool.mcvalidate]\nignore = ["BCF"]\n')
    write(home / "courses" / "a.yaml", TYPO)
    _give_away(config)
    monkeypatch.chdir(home / "courses")
    result = run("check", "a.yaml")
    assert result.exit_code == 2
    assert "the configuration file belongs to another user (uid 4242)" in result.stderr


def test_code_a_configuration_names_must_be_the_users_own(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = home / "courses" / "checks"
    write(package / "__init__.py", "from checks.more import PACK\n")
    module = write(package / "more.py", "raise SystemExit('this must never run')\n")
    write(home / "courses" / ".mcvalidate.yaml", "rule_paths: [checks]\n")
    write(home / "courses" / "a.yaml", TYPO)
    module.chmod(0o666)
    monkeypatch.chdir(home / "courses")
    for args in (["check", "a.yaml"], ["rules"], ["explain", "BCF001"]):
        result = run(*args)
        assert result.exit_code == 2, args
        assert f"{module}: the rule pack module is writable by every user" in result.stderr


def test_an_invalid_pyproject_is_a_configuration_error_with_its_line(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pyproject = write(home / "courses" / "pyproject.toml", '[project]\nname = "x\n')
    write(home / "courses" / "a.yaml", TYPO)
    monkeypatch.chdir(home / "courses")
    result = run("check", "a.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"mcvalidate: error: {pyproject}:2: not valid TOML: ")
    assert len(result.stderr.splitlines()) == 1
