"""The course-file name convention, ``*.mc.yaml`` (and ``*.mc.yml``): such a file found in a
directory is always checked, ``init`` suggests the name and writes it, and the editor docs
give SchemaStore the same pattern."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from mcvalidate.cli import cli
from mcvalidate.discover import COURSE_SUFFIXES, course_stem, has_course_name

ROOT = Path(__file__).resolve().parents[1]
# Top-level keys that are all strangers to the course format: content recognition alone
# would take the file for some other tool's YAML and skip it.
STRANGER = "site_name: Mass timber notes\nnav:\n  - index.md\n"


def check(*args: str) -> tuple[int, dict[str, object], str]:
    result = CliRunner().invoke(cli, ["check", "--isolated", "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout or "{}"), result.stderr


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("mass-timber.mc.yaml", True),
        ("courses/mass-timber.mc.yml", True),
        ("MASS-TIMBER.MC.YAML", True),
        ("mass-timber.yaml", False),
        ("mass-timber.mcyaml", False),
        ("docs.mc.json", False),
    ],
)
def test_the_name_says_it_is_a_course_file(name: str, expected: bool) -> None:
    assert has_course_name(name) is expected


def test_a_course_named_so_is_checked_in_a_directory_whatever_it_holds(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(STRANGER, encoding="utf-8")
    (tmp_path / "draft.mc.yaml").write_text(STRANGER, encoding="utf-8")
    (tmp_path / "other.MC.YML").write_text(STRANGER, encoding="utf-8")
    code, report, stderr = check(str(tmp_path))
    assert code == 1
    files = {Path(str(f["path"])).name for f in report["findings"]}  # type: ignore[attr-defined]
    assert files == {"draft.mc.yaml", "other.MC.YML"}
    rules = {f["rule"] for f in report["findings"]}  # type: ignore[attr-defined]
    assert {"MC010", "MC013"} <= rules  # strangers' keys are unknown, the title is missing
    # The other tool's file is still skipped, and said to be.
    assert "skipped a YAML file that is not a course file" in stderr
    assert f"{tmp_path}/mkdocs.yml" in stderr


def test_init_writes_a_file_named_so_and_a_directory_check_takes_it(tmp_path: Path) -> None:
    path = tmp_path / "courses" / "mass-timber.mc.yaml"
    path.parent.mkdir()
    made = CliRunner().invoke(cli, ["init", "--no-interactive", str(path)])
    assert made.exit_code == 0 and path.is_file()
    code, report, _ = check(str(tmp_path))
    assert code == 1  # what is left to fill in
    assert report["summary"]["files"] == 1  # type: ignore[index]
    assert "NAME.mc.yaml" in CliRunner().invoke(cli, ["init", "--help"]).output


def test_init_without_a_path_says_what_it_needs() -> None:
    result = CliRunner().invoke(cli, ["init"])
    assert result.exit_code == 2
    assert "Missing argument 'PATH'" in result.output


def test_the_schemastore_entry_matches_the_convention() -> None:
    editors = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(\{\n  \"name\": \"mcvalidate course\".*?)```", editors, re.S)
    assert block, "docs/editors.md has no SchemaStore catalog entry"
    entry = json.loads(block.group(1))
    assert entry["fileMatch"] == [f"*{suffix}" for suffix in COURSE_SUFFIXES]
    assert set(entry) >= {"name", "description", "fileMatch", "url"}


def test_a_course_named_so_has_the_name_before_mc_yaml_for_its_id(tmp_path: Path) -> None:
    """``.mc.yaml`` is one extension: a course that writes no id is ``mass-timber``, so a
    pathway naming that id finds it, and a ``mass-timber.yaml`` beside it clashes."""
    base = "title: Mass timber\n"
    (tmp_path / "intro.mc.yml").write_text(
        base + "pathways:\n  stacks_into: [mass-timber]\n", encoding="utf-8"
    )
    (tmp_path / "mass-timber.mc.yaml").write_text(base, encoding="utf-8")
    _, report, _ = check("--select", "MC040,MC041", str(tmp_path))
    assert report["findings"] == []
    (tmp_path / "mass-timber.yaml").write_text(base, encoding="utf-8")
    _, report, _ = check("--select", "MC040,MC041", str(tmp_path))
    assert {f["rule"] for f in report["findings"]} == {"MC040"}  # type: ignore[attr-defined]
    assert course_stem("courses/Mass-Timber.MC.YAML") == "Mass-Timber"
    assert course_stem("courses/mass-timber.yaml") == "mass-timber"
