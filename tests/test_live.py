"""The language server's checks of edited text (mcvalidate.live): one checker per
configuration, kept while nothing it depends on changes, rebuilt as soon as something does."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest

from mcvalidate import live
from mcvalidate.live import Workspace

COURSE = "format: 1\ntitle: Heat pumps\nstatus: publish\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    return tmp_path


def rules_of(checked: live.Checked) -> set[str]:
    assert checked.result is not None
    return {f.rule for f in checked.result.findings}


def test_the_checker_is_kept_while_nothing_changes(repo: Path) -> None:
    workspace = Workspace(repo)
    first = workspace.check(repo / "a.yaml", COURSE)
    again = workspace.check(repo / "b.yaml", COURSE.replace("pumps", "pump"))
    assert first.selection is again.selection
    assert "MC012" in rules_of(again)


def test_a_changed_configuration_rebuilds_it(repo: Path) -> None:
    workspace = Workspace(repo)
    config = repo / ".mcvalidate.yaml"
    config.write_text("ignore: [MC012]\n")
    first = workspace.check(repo / "a.yaml", COURSE)
    assert "MC012" not in rules_of(first)
    config.write_text("ignore: [MC011]\n")
    second = workspace.check(repo / "a.yaml", COURSE)
    assert "MC012" in rules_of(second)
    assert second.selection is not first.selection
    config.unlink()  # no configuration now: the defaults
    assert workspace.check(repo / "a.yaml", COURSE).config is None


def test_a_new_day_rebuilds_it(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = Workspace(repo)
    first = workspace.check(repo / "a.yaml", COURSE)

    class Tomorrow(datetime.date):
        @classmethod
        def today(cls) -> Tomorrow:
            return cls(2999, 1, 1)

    monkeypatch.setattr(live.datetime, "date", Tomorrow)
    assert workspace.check(repo / "a.yaml", COURSE).selection is not first.selection


def test_excluded_and_foreign_files_are_not_checked(repo: Path) -> None:
    (repo / ".mcvalidate.yaml").write_text("exclude: [archive/**]\n")
    workspace = Workspace(repo)
    assert workspace.check(repo / "archive" / "old.yaml", COURSE).result is None
    assert workspace.check(repo / "ci.yaml", "on: push\njobs: {}\n").result is None
    assert workspace.check(repo / "ci.mc.yaml", "on: push\n").result is not None
    assert workspace.check(repo / "courses" / "a.yaml", COURSE).result is not None


def test_a_broken_configuration_is_said_not_raised(repo: Path) -> None:
    (repo / ".mcvalidate.yaml").write_text("fail_on: sometimes\n")
    checked = Workspace(repo).check(repo / "a.yaml", COURSE)
    assert checked.result is None
    assert ".mcvalidate.yaml" in checked.error and "fail_on" in checked.error


def test_a_local_pack_is_imported_again_after_a_change(repo: Path) -> None:
    (repo / ".mcvalidate.yaml").write_text("rule_paths: [house]\n")
    package = repo / "house"
    package.mkdir()
    init = package / "__init__.py"
    source = (
        "from mcvalidate.rules import Pack, Source, rule\n"
        "S = Source('House style', 'rule 1', 'https://house.example.ca', 'inferred')\n"
        "@rule(id='HSE001', name='house-title', severity='warning', source=S)\n"
        "def house_title(course, ctx):\n"
        "    '''The house's title.'''\n"
        "    ctx.report('/title', {message!r})\n"
        "PACK = Pack('house', 'House', 'House style', '1', 'https://house.example.ca',\n"
        "            (house_title,))\n"
    )
    init.write_text(source.format(message="one"))
    workspace = Workspace(repo)

    def messages() -> list[str]:
        result = workspace.check(repo / "a.yaml", COURSE).result
        assert result is not None
        return [f.message for f in result.findings if f.rule == "HSE001"]

    assert messages() == ["one"]
    init.write_text(source.format(message="two, longer"))
    assert messages() == ["two, longer"]
    # An editor's word that files changed rebuilds at once, the date and size apart.
    stat = init.stat()
    init.write_text(source.format(message="six, longer"))
    os.utime(init, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    workspace.forget()
    assert messages() == ["six, longer"]


def test_isolated_reads_no_configuration(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / ".mcvalidate.yaml").write_text("ignore: [MC012]\n")
    assert "MC012" not in rules_of(Workspace(repo).check(repo / "a.yaml", COURSE))
    assert "MC012" in rules_of(Workspace(repo, isolated=True).check(repo / "a.yaml", COURSE))
    monkeypatch.setenv("MCVALIDATE_ISOLATED", "1")
    assert "MC012" in rules_of(Workspace(repo).check(repo / "a.yaml", COURSE))
