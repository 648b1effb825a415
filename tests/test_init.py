"""``mcvalidate init``: a new course file that passes the format and lists what is left."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mcvalidate.catalogue import course_schema
from mcvalidate.cli import cli
from mcvalidate.scaffold import SCHEMA
from mcvalidate.testing import check_text

ROOT = Path(__file__).resolve().parents[1]
# What a new file is told to fill in: the Framework's definition and components first.
TO_FILL = {"BCF003", "BCF004", "BCF005", "BCF006", "BCF010", "BCF011", "BCT001", "BCT002"}


def init(*args: str, given: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["init", *args], input=given, catch_exceptions=False)
    return result.exit_code, result.output


def test_a_new_file_passes_the_format_and_lists_what_is_left(tmp_path: Path) -> None:
    path = tmp_path / "mass-timber.yaml"
    code, said = init("--no-interactive", str(path))
    assert code == 0 and said == f"Wrote {path}. Next: mcvalidate check {path}\n"
    text = path.read_text(encoding="utf-8")
    found = check_text(text, name=path.name).findings
    assert [f for f in found if f.pack == "format"] == []
    assert {f.rule for f in found} >= TO_FILL
    assert all(f.severity.value != "error" or f.rule.startswith("BCF") for f in found)


def test_the_modelines_point_editors_at_the_shipped_schema(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    init("--no-interactive", str(path))
    first, second = path.read_text(encoding="utf-8").splitlines()[:2]
    uri = SCHEMA.as_uri()
    assert first == f"# yaml-language-server: $schema={uri}"
    assert second == f"# $schema: {uri}"
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == course_schema()
    shown = CliRunner().invoke(cli, ["schema", "--path"]).output.strip()
    assert Path(shown) == SCHEMA and SCHEMA.is_file()


def test_the_answers_become_real_values(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    code, _ = init("--interactive", str(path), given="Mass Timber Basics\nEIT\ncredit\n60\nfr-CA\n")
    assert code == 0
    text = path.read_text(encoding="utf-8")
    assert 'title: "Mass Timber Basics"' in text and 'name: "EIT"' in text
    rules = {f.rule for f in check_text(text, name="c.yaml").findings}
    assert not rules & {"BCF002", "BCF007", "BCF014", "MC010", "MC011", "MC012"}
    assert "language: fr-CA" in text


def test_it_never_overwrites_a_file(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("title: Mine\n", encoding="utf-8")
    code, said = init("--no-interactive", str(path))
    assert code == 2
    assert (
        said
        == f"mcvalidate: error: '{path}' already exists: mcvalidate init never overwrites a file\n"
    )
    assert path.read_text(encoding="utf-8") == "title: Mine\n"


def test_a_new_offering_starts_from_an_existing_course(tmp_path: Path) -> None:
    source = ROOT / "examples" / "mass-timber-construction.yaml"
    path = tmp_path / "mass-timber-2027.yaml"
    assert init("--from", str(source), str(path))[0] == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA.as_uri()}\n")
    assert "\nstatus: draft\n" in text and "\nid:" not in text
    # Comments, order and quoting are kept: the rest is the source, line for line (less its
    # two modelines).
    kept = source.read_text(encoding="utf-8").splitlines()[2:]
    kept = [line for line in kept if not line.startswith(("id:", "status:"))]
    assert [line for line in text.splitlines()[2:] if line != "status: draft"] == kept
    found = check_text(text, name=path.name).findings
    assert [f for f in found if f.pack == "format"] == []
