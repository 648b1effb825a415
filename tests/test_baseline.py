"""Baselines: keyed on file, rule and pointer, so unrelated edits keep them; they only shrink."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mcvalidate.cli import cli

COURSE = "title: x\nstatus: publish\ndelivery: {modes: [online]}\n"


def check(*args: str) -> Result:
    return CliRunner().invoke(cli, ["check", "--select", "MC012", *args])


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "courses").mkdir()
    (tmp_path / "courses" / "a.yaml").write_text(COURSE, encoding="utf-8")
    (tmp_path / "courses" / "b.yaml").write_text(COURSE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    written = check("--write-baseline", "baseline.json", "courses")
    assert written.exit_code == 0, written.output
    assert "wrote 4 finding(s) to baseline.json" in written.stderr
    return tmp_path


def test_written_baseline_lists_entries_one_per_line(repo: Path) -> None:
    text = (repo / "baseline.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["version"] == 1
    assert {(e["path"], e["rule"], e["pointer"]) for e in data["entries"]} == {
        ("courses/a.yaml", "MC012", "/status"),
        ("courses/a.yaml", "MC012", "/delivery/modes/0"),
        ("courses/b.yaml", "MC012", "/status"),
        ("courses/b.yaml", "MC012", "/delivery/modes/0"),
    }
    assert sum(1 for line in text.splitlines() if line.strip().startswith('{"path"')) == 4


def test_baseline_hides_known_findings(repo: Path) -> None:
    result = check("--baseline", "baseline.json", "--format", "json", "courses")
    data = json.loads(result.stdout)
    assert result.exit_code == 0
    assert data["findings"] == []
    assert data["summary"]["baselined"] == 4


def test_unrelated_edits_keep_the_baseline_valid(repo: Path) -> None:
    moved = "# a comment\n\nsummary: a new summary\n" + COURSE
    (repo / "courses" / "a.yaml").write_text(moved, encoding="utf-8")
    result = check("--baseline", "baseline.json", "--format", "json", "courses")
    assert json.loads(result.stdout)["findings"] == []
    assert result.exit_code == 0


def test_only_new_findings_are_reported(repo: Path) -> None:
    (repo / "courses" / "a.yaml").write_text(COURSE + "credit: {status: maybe}\n", "utf-8")
    result = check("--baseline", "baseline.json", "--format", "json", "courses")
    data = json.loads(result.stdout)
    assert [(f["path"], f["pointer"]) for f in data["findings"]] == [
        ("courses/a.yaml", "/credit/status")
    ]
    assert result.exit_code == 1


def test_fixed_findings_leave_stale_entries_that_are_reported(repo: Path) -> None:
    (repo / "courses" / "a.yaml").write_text(
        "title: x\nstatus: active\ndelivery: {modes: [online]}\n", "utf-8"
    )
    result = check("--baseline", "baseline.json", "--format", "json", "courses")
    data = json.loads(result.stdout)
    stale = [f for f in data["findings"] if f["rule"] == "MC033"]
    assert len(stale) == 1
    assert stale[0]["path"] == "baseline.json"
    assert stale[0]["severity"] == "info"
    assert stale[0]["pointer"] == "/status"
    lines = (repo / "baseline.json").read_text(encoding="utf-8").splitlines()
    assert '"pointer": "/status"' in lines[stale[0]["line"] - 1]
    assert '"courses/a.yaml"' in lines[stale[0]["line"] - 1]
    assert result.exit_code == 0  # info does not fail the run at the default --fail-on


def test_checking_a_subset_does_not_make_other_entries_stale(repo: Path) -> None:
    result = check("--baseline", "baseline.json", "--format", "json", "courses/a.yaml")
    assert json.loads(result.stdout)["findings"] == []


def test_baseline_works_from_another_directory(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo / "courses")
    result = check("--baseline", "../baseline.json", "--format", "json", ".")
    assert json.loads(result.stdout)["findings"] == []


def test_unreadable_baseline_is_a_usage_error(repo: Path) -> None:
    (repo / "bad.json").write_text("{not json", encoding="utf-8")
    result = check("--baseline", "bad.json", "courses")
    assert result.exit_code == 2
    assert "the baseline 'bad.json' cannot be read" in result.stderr


def test_write_baseline_summary_says_recorded_not_fails(repo: Path) -> None:
    result = check("--write-baseline", "again.json", "--color", "never", "courses")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1].endswith("recorded as the baseline.")


def test_stale_entries_are_not_counted_as_a_checked_file(repo: Path) -> None:
    (repo / "courses" / "a.yaml").write_text(
        "title: x\nstatus: active\ndelivery: {modes: [online]}\n", "utf-8"
    )
    data = json.loads(check("--baseline", "baseline.json", "--format", "json", "courses").stdout)
    assert data["summary"]["files"] == 2
    assert [f["rule"] for f in data["findings"]] == ["MC033"]


def test_files_that_cannot_be_read_are_never_baselined(repo: Path) -> None:
    (repo / "courses" / "broken.yaml").write_text("title: 'unclosed\n", encoding="utf-8")
    check("--write-baseline", "with-broken.json", "courses")
    text = (repo / "with-broken.json").read_text(encoding="utf-8")
    assert "MC001" not in text
    result = check("--baseline", "with-broken.json", "--format", "json", "courses")
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["MC001"]
    assert result.exit_code == 1


def test_a_baseline_edited_into_another_layout_is_still_read(repo: Path) -> None:
    (repo / "hand.json").write_text(
        '{"version": 1, "entries": [\n{"path": "courses/a.yaml", "rule": "MC012",\n'
        ' "pointer": "/status"}]}\n',
        encoding="utf-8",
    )
    result = check("--baseline", "hand.json", "--format", "json", "courses/a.yaml")
    data = json.loads(result.stdout)
    assert [f["pointer"] for f in data["findings"]] == ["/delivery/modes/0"]


def test_writing_a_baseline_where_it_cannot_be_written_is_a_usage_error(repo: Path) -> None:
    result = check("--write-baseline", "no/such/dir/b.json", "courses")
    assert result.exit_code == 2
    assert "cannot write the baseline 'no/such/dir/b.json'" in result.stderr
