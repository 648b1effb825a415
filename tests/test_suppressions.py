"""Inline suppressions through the command line: counted, shown on request, strict gates."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from mcvalidate.cli import cli

COURSE = """\
title: Mass timber
status: publish  # mcvalidate: ignore[invalid-value] the registrar's own word, agreed in 2024
# mcvalidate: ignore[MC012] legacy value kept until the catalogue migrates
tempo: none
"""


def run(path: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["check", "--select", "MC012,MC010", *args, str(path)])


def test_inline_ignores_suppress_and_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(COURSE, encoding="utf-8")
    result = run(path, "--format", "json")
    data = json.loads(result.stdout)
    assert [f["rule"] for f in data["findings"]] == ["MC010"]  # 'tempo' at the top level
    assert data["summary"]["suppressed"] == 1
    assert result.exit_code == 1


def test_show_suppressed_lists_them_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(COURSE, encoding="utf-8")
    data = json.loads(run(path, "--format", "json", "--show-suppressed").stdout)
    suppressed = [f for f in data["findings"] if "suppression" in f]
    assert len(suppressed) == 1
    assert suppressed[0]["line"] == 2
    assert suppressed[0]["suppression"] == {
        "kind": "inline",
        "justification": "the registrar's own word, agreed in 2024",
    }
    text = run(path, "--show-suppressed", "--color", "never").stdout
    assert "(suppressed: the registrar's own word, agreed in 2024)" in " ".join(text.split())
    assert "1 suppressed" in text.splitlines()[-1]


def test_no_inline_ignores_makes_ci_disregard_them(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(COURSE, encoding="utf-8")
    data = json.loads(run(path, "--format", "json", "--no-inline-ignores").stdout)
    assert sorted(f["rule"] for f in data["findings"]) == ["MC010", "MC012"]
    assert data["summary"]["suppressed"] == 0


def test_loading_errors_cannot_be_suppressed(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("# mcvalidate: ignore-file[yaml-syntax] broken on purpose\ntitle: 'x\n")
    data = json.loads(run(path, "--format", "json").stdout)
    assert sorted(f["rule"] for f in data["findings"]) == ["MC001", "MC030"]
    invalid = next(f for f in data["findings"] if f["rule"] == "MC030")
    assert "'yaml-syntax' cannot be suppressed" in invalid["message"]


def test_file_wide_ignore(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "title: x\nstatus: publish\nlevel: {value: high}\n# mcvalidate: "
        "ignore-file[MC012] imported from the old catalogue\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli,
        ["check", "--format", "json", "--select", "MC011,MC012", "--show-suppressed", str(path)],
    )
    data = json.loads(result.stdout)
    kinds = {f["rule"]: f.get("suppression", {}).get("kind") for f in data["findings"]}
    assert kinds == {"MC012": "file", "MC011": None}


def _active_rules(text: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["check", "--isolated", "--select", "BCF013", "--format", "json", str(path)]
    )
    return [f["rule"] for f in json.loads(result.stdout)["findings"]]


def test_ignore_text_inside_a_value_suppresses_nothing(tmp_path: Path) -> None:
    # Text an author (or a pull request) writes in a value is not a comment.
    for text in (
        'title: "Carpentry # mcvalidate: ignore-file[BCF013] not a comment"\n',
        "title: 'Carpentry # mcvalidate: ignore-file[BCF013] not a comment'\n",
        "title: Carpentry\nsummary: |\n  Two lines,\n  # mcvalidate: ignore-file[BCF013] quoted\n",
        "title: Carpentry\nsummary: >\n  # mcvalidate: ignore-file[BCF013] folded\n  text\n",
        '{title: "x # mcvalidate: ignore-file[bc-framework] no"}\n',
    ):
        assert _active_rules(text, tmp_path) == ["BCF013"], text


def test_a_real_comment_after_a_quoted_value_still_counts(tmp_path: Path) -> None:
    text = 'title: "Carpentry # not a comment"  # mcvalidate: ignore-file[BCF013] a program part\n'
    assert _active_rules(text, tmp_path) == []
    text = (
        "title: Carpentry\nsummary: |\n  text\n# mcvalidate: ignore-file[BCF013] after the block\n"
    )
    assert _active_rules(text, tmp_path) == []
