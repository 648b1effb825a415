"""The README's sample output is what mcvalidate really prints."""

from __future__ import annotations

import re
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
