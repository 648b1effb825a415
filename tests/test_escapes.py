"""What a course file or a file name holds is shown, never acted on: terminal escapes, bidi
overrides and line breaks reach no human or annotation report, and cannot forge a line."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mcvalidate.cli import cli

# ESC sequences (clear the screen, an OSC 8 link), BEL, backspace, NUL is refused by the
# loader, a right-to-left override, a zero-width space; and a key holding a line break that
# tries to forge a finding of its own.
HOSTILE = (
    "title: Mass timber\n"
    'status: "pub\\e[2J\\e]8;;https://evil.example\\a\\b rtl\\u202Eevil\\u200bz"\n'
    '"x\\nforged.yaml:1:1: error MC999 fake: all is well": 1\n'
)
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b]")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["check", "--isolated", "--select", "MC", *args])


@pytest.mark.parametrize("output", ["text", "github", "junit"])
def test_values_are_shown_not_acted_on(tmp_path: Path, output: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    result = run("--format", output, "--color", "always", str(path))
    assert result.exit_code == 1, result.output
    text = result.stdout
    if output == "text":  # colour is mcvalidate's own ESC sequences: take them out first
        text = re.sub("\x1b\\[[0-9;]*m", "", text)
    if output == "junit":
        text = html.unescape(text)
    assert not RAW.findall(text), sorted(set(RAW.findall(text)))
    assert "\\x1b[2J" in text or "\\\\x1b[2J" in text
    assert "<U+202E>" in text
    # The key's line break is shown as \n: no line of the report starts with the forged name.
    assert not [line for line in text.splitlines() if line.startswith("forged.yaml")]


def test_a_file_name_with_a_line_break_cannot_forge_a_finding(tmp_path: Path) -> None:
    name = "ok\nforged.yaml"
    try:
        (tmp_path / name).write_text("title: x\nstatus: publish\n", encoding="utf-8")
    except OSError:
        pytest.skip("this file system refuses line breaks in names")
    for output in ("text", "github"):
        result = run("--format", output, "-q", str(tmp_path))
        lines = result.stdout.splitlines()
        assert lines
        assert not [
            line for line in lines if line.startswith(("forged.yaml", "::error file=forged"))
        ]
        assert "ok\\nforged.yaml" in result.stdout


def test_error_lines_on_stderr_show_what_they_quote(tmp_path: Path) -> None:
    result = run(str(tmp_path / "missing\x1b[2J.yaml"))
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert "missing\\x1b[2J.yaml" in result.stderr
