"""Several reports from one run, standard input, and the automatic GitHub format."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mcvalidate.cli import cli

TYPO = "title: x\nstatus: publish\n"


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, ["check", "--select", "MC012", *args], input=stdin, env=env)


@pytest.fixture
def course(tmp_path: Path) -> Path:
    path = tmp_path / "c.yaml"
    path.write_text(TYPO, encoding="utf-8")
    return path


def test_terminal_summary_and_a_file_in_one_run(course: Path, tmp_path: Path) -> None:
    sarif = tmp_path / "out" / "report.sarif"
    sarif.parent.mkdir()
    result = run("--format", "text", "--format", "sarif", "--output", str(sarif), str(course))
    assert result.exit_code == 1
    assert "MC012 invalid-value" in result.stdout
    data = json.loads(sarif.read_text(encoding="utf-8"))
    assert data["version"] == "2.1.0"
    assert [r["ruleId"] for r in data["runs"][0]["results"]] == ["MC012"]


def test_pairs_of_formats_and_outputs(course: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.xml"
    result = run(
        "--format", "json", "--output", str(a), "--format", "junit", "--output", str(b), str(course)
    )
    assert result.stdout == ""
    assert json.loads(a.read_text(encoding="utf-8"))["summary"]["error"] == 1
    assert b.read_text(encoding="utf-8").startswith("<?xml")


def test_output_without_format_writes_the_text_report(course: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = run("--output", str(out), str(course))
    assert result.stdout == ""
    assert "MC012 invalid-value" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "json", "--format", "text"], "give one --output per --format"),
        (
            ["--format", "json", "--output", "-", "--format", "text", "--output", "-"],
            "only one --format can go to standard output",
        ),
        (["--output", "a", "--output", "b"], "give one --output per --format"),
        (["--format", "json", "--output", "/no/such/dir/x.json"], "cannot write '/no/such/dir"),
    ],
)
def test_pairing_mistakes_exit_2(course: Path, args: list[str], message: str) -> None:
    result = run(*args, str(course))
    assert result.exit_code == 2
    assert message in result.stderr


def test_dash_reads_standard_input_named_by_stdin_filename() -> None:
    result = run("--format", "json", "--stdin-filename", "courses/new.yaml", "-", stdin=TYPO)
    finding = json.loads(result.stdout)["findings"][0]
    assert finding["path"] == "courses/new.yaml"
    assert (finding["line"], finding["column"]) == (2, 9)
    assert result.exit_code == 1


def test_standard_input_without_a_name_is_dash() -> None:
    result = run("--format", "json", "-", stdin=TYPO)
    assert json.loads(result.stdout)["findings"][0]["path"] == "-"


def test_github_format_is_chosen_inside_github_actions(course: Path) -> None:
    result = run(str(course), env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.startswith("::error file=")
    assert "title=MC012 invalid-value::" in result.stdout
    explicit = run("--format", "text", str(course), env={"GITHUB_ACTIONS": "true"})
    assert not explicit.stdout.startswith("::")


# Streaming -------------------------------------------------------------------------------


def test_each_files_findings_are_written_before_the_next_file_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run reports each file as soon as it is checked and keeps no result: the text report
    of the first file is out before the second is read."""
    from mcvalidate.engine import Checker
    from mcvalidate.runner import Options
    from mcvalidate.runner import run as run_check

    for name in ("a.yaml", "b.yaml", "c.yaml"):
        (tmp_path / name).write_text(TYPO, encoding="utf-8")
    events: list[str] = []
    check_file = Checker.check_file

    def checking(self: Checker, path: Path, display: str) -> object:
        events.append(f"check {path.name}")
        return check_file(self, path, display)

    class Terminal(io.StringIO):
        def write(self, text: str) -> int:
            events.extend(f"show {n}" for n in ("a.yaml", "b.yaml", "c.yaml") if n in text)
            return super().write(text)

    monkeypatch.setattr(Checker, "check_file", checking)
    options = Options(paths=[str(tmp_path)], isolated=True, select=["MC012"], quiet=True)
    assert run_check(options, Terminal(), io.StringIO()) == 1
    assert events == [
        "check a.yaml",
        "show a.yaml",
        "check b.yaml",
        "show b.yaml",
        "check c.yaml",
        "show c.yaml",
    ]


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "gitlab"])
def test_a_report_spooled_to_disk_is_the_report_kept_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """The formats that write totals before the findings keep the findings aside until the
    end, in memory up to a megabyte and then in a temporary file: either way, one report."""
    import mcvalidate.reporters._common as common

    for index in range(5):
        (tmp_path / f"c{index}.yaml").write_text(TYPO + f"x{index}: é\n", encoding="utf-8")
    memory = CliRunner().invoke(cli, ["check", "--isolated", "--format", fmt, str(tmp_path)])
    monkeypatch.setattr(common, "SPOOL_MEMORY", 1)  # the first write moves it to disk
    disk = CliRunner().invoke(cli, ["check", "--isolated", "--format", fmt, str(tmp_path)])
    assert memory.exit_code == disk.exit_code == 1
    assert disk.stdout == memory.stdout
    assert disk.stdout.count("c4.yaml") >= 1
