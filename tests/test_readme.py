"""The README's sample output is what mcvalidate really prints."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from mcvalidate.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def test_readme_sample_output_is_real(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the sample shows paths relative to the repository
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```text\n(.*?)```", readme, re.DOTALL)
    good, bad = blocks[0], blocks[1]
    assert good.splitlines()[0] == "$ mcvalidate check examples/*.yaml"
    examples = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "examples").glob("*.yaml"))
    result = CliRunner().invoke(cli, ["check", "--color", "never", *examples])
    assert good.splitlines()[1:] == result.stdout.splitlines()
    mistakes = "examples/mistakes/outcomes-and-assessments.yaml"
    actual = CliRunner().invoke(cli, ["check", "--color", "never", mistakes]).stdout.splitlines()
    shown = [line for line in bad.splitlines() if line != "..."]
    assert shown, "the README shows no sample"
    for line in shown:
        assert line in actual, f"not printed by mcvalidate: {line!r}"


def _quick_start() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", quick, re.DOTALL)[0]


def test_the_quick_start_installs_for_use_and_its_first_output_is_a_pass(
    tmp_path: Path,
) -> None:
    """The first command a newcomer runs, on a clean machine: a fresh copy of the repository,
    a fresh virtual environment, no test extras; it ends with the complete examples passing."""
    command = _quick_start()
    assert "[test]" not in command and "[dev]" not in command
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    clone = tmp_path / "mcvalidate"
    for name in filter(None, files):
        source = ROOT / name.decode()
        if source.is_file():
            target = clone / name.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p
    )
    done = subprocess.run(
        ["bash", "-c", command], cwd=clone, capture_output=True, text=True, env=env, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines()[-1] == "✓ 4 files checked, all pass."


def test_the_readme_init_sample_is_real(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Start a new course file", 1)[1].split("\n## ", 1)[0]
    sample = re.findall(r"```text\n(.*?)```", section, re.DOTALL)[0].splitlines()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "courses").mkdir()
    runner = CliRunner()
    made = runner.invoke(cli, ["init", "courses/mass-timber-basics.mc.yaml"])
    checked = runner.invoke(
        cli,
        ["check", "--isolated", "-q", "courses/mass-timber-basics.mc.yaml"],
        env={"COLUMNS": "80"},
    )
    assert sample == [
        "$ mcvalidate init courses/mass-timber-basics.mc.yaml",
        *made.output.splitlines(),
        "$ mcvalidate check -q courses/mass-timber-basics.mc.yaml",
        *checked.output.splitlines(),
    ]


def test_the_readme_fix_sample_is_real(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The --fix section's file, and what --diff, --fix and --fix --unsafe-fixes print for it
    at 80 columns, run by run on one copy of the file."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Fixing mechanical mistakes: --fix", 1)[1].split("\n## ", 1)[0]
    course = re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)[0]
    sample = re.findall(r"```text\n(.*?)```", section, re.DOTALL)[0].splitlines()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "courses").mkdir()
    path = tmp_path / "courses" / "mass-timber-intro.yaml"
    path.write_text(course, encoding="utf-8")
    shown: list[str] = []
    for line in sample:
        if line.startswith("$ mcvalidate "):
            args = line.removeprefix("$ mcvalidate ").split()
            result = CliRunner().invoke(
                cli, [args[0], "--isolated", *args[1:]], env={"COLUMNS": "80"}
            )
            shown += [line, *result.stdout.splitlines(), *result.stderr.splitlines()]
    assert sample == shown
    fixed = path.read_text(encoding="utf-8")
    assert "competencies:\n" in fixed and "  status: non_credit  # pending the senate's" in fixed
    assert [c for c in ("\u201c", "\u2013", "   \n") if c in fixed] == []


def test_the_readme_matrix_crosswalk_and_scope_samples_are_real(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Several frameworks")[1]
    blocks = re.findall(r"```text\n(.*?)```", section.split("\n## ")[0], re.DOTALL)
    assert len(blocks) == 3
    for block in blocks:
        command, *shown = block.splitlines()
        assert command.startswith("$ mcvalidate ")
        args = command.removeprefix("$ mcvalidate ").split()
        colour = ["--color", "never"] if args[0] in ("check", "matrix") else []
        actual = CliRunner().invoke(cli, [*args, *colour]).stdout.splitlines()
        lines = [line for line in shown if line != "..."]
        assert lines, command
        for line in lines:
            assert line in actual, f"not printed by mcvalidate {args[0]}: {line!r}"
        if args[0] == "matrix":  # the table is printed whole, in order
            table = [line for line in lines if line][:7]
            start = actual.index(table[0])
            assert actual[start : start + len(table)] == table


def test_the_readme_matrix_of_the_examples_is_real(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    marker = "<!-- matrix: mcvalidate matrix examples/ --format markdown -->\n"
    shown = readme.split(marker, 1)[1].split("\n\n", 1)[0].splitlines()
    actual = CliRunner().invoke(cli, ["matrix", "examples/", "--format", "markdown"]).stdout
    table = actual.split("\n\n", 1)[0].splitlines()
    assert shown == table
    assert len(table) > 15


def test_the_readme_export_sample_is_real(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Exporting", 1)[1].split("\n## ", 1)[0]
    sample = re.findall(r"```text\n(.*?)```", section, re.DOTALL)[0].splitlines()
    command = sample[0].removeprefix("$ mcvalidate ").split()
    monkeypatch.setenv("COLUMNS", "100")
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 1
    printed = result.stderr.splitlines()
    for line in sample[1:]:
        assert line in printed, f"not printed by mcvalidate: {line!r}"
