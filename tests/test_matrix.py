"""``mcvalidate matrix`` and ``mcvalidate crosswalk``: files by frameworks, whatever the
scope, the elements met and missed, in every format; and the fields-by-elements table, built
from the packs' own metadata (``docs/crosswalk.md`` kept in sync)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from frameworks_for_tests import NZ, PACKS
from mcvalidate.catalogue import built_in_packs
from mcvalidate.cli import cli
from mcvalidate.crosswalk import by_field, field_name, markdown
from mcvalidate.engine import Checker
from mcvalidate.matrix import Matrix
from mcvalidate.matrix import csv as matrix_csv
from mcvalidate.matrix import json as matrix_json
from mcvalidate.matrix import markdown as matrix_markdown
from mcvalidate.matrix import text as matrix_text
from mcvalidate.packs import Registry
from mcvalidate.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
NAMES = sorted(p.name for p in PACKS)  # the registry's order
NZ_FILE = "title: x\nissuer: {country: NZ}\nworkload: {hours: 40}\nlearning_outcomes: [a]\n"
BC_FILE = "title: x\nissuer: {region: CA-BC}\nsummary: About it.\n"


def matrix_of(*files: tuple[str, str]) -> Matrix:
    selection = Registry(packs=PACKS, installed=False).select()
    checker = Checker(selection, Settings(scoped=False))
    built = Matrix(selection)
    for name, text in files:
        built.add(checker.check_bytes(name, text.encode()))
    return built


def test_each_file_is_checked_under_every_framework_and_told_where_it_is_in_scope() -> None:
    built = matrix_of(("nz.yaml", NZ_FILE), ("bc.yaml", BC_FILE), ("broken.yaml", "title: [\n"))
    assert [p.name for p in built.columns] == NAMES
    nz, bc, broken = built.rows
    cells = {c.pack: c for c in nz.cells}
    assert cells["test-nz"].in_scope and not cells["test-on"].in_scope
    # Hours and outcomes given: the level (a warning) is missed, the standards (an info)
    # are optional and absent.
    assert cells["test-nz"].met == ("Workload", "Learning outcomes")
    assert cells["test-nz"].missed == ("Level",)
    assert cells["test-nz"].optional == ("Standards used",)
    assert (cells["test-nz"].errors, cells["test-nz"].warnings, cells["test-nz"].infos) == (0, 1, 1)
    assert not cells["test-nz"].passed
    assert cells["test-on"].passed and cells["test-on"].met == ("Hours",)
    # The B.C. file, outside New Zealand's scope, is still checked against it.
    bc_cells = {c.pack: c for c in bc.cells}
    assert not bc_cells["test-nz"].in_scope and bc_cells["test-nz"].errors == 2
    assert bc_cells["test-default"].in_scope and bc_cells["test-default"].passed
    assert broken.unchecked.startswith("MC001 at line ") and broken.cells == ()
    assert nz.general is not None and nz.general.passed


def test_the_text_matrix_fits_80_and_120_columns_and_says_what_each_file_misses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = matrix_of(("courses/nz.yaml", NZ_FILE), ("courses/bc.yaml", BC_FILE))
    # At 120 columns the five frameworks fit side by side: a table, the folder written once
    # in its header, then what each file misses.
    monkeypatch.setenv("COLUMNS", "120")
    out = io.StringIO()
    matrix_text.write(built, out, "never")
    text = out.getvalue()
    lines = text.splitlines()
    assert [line for line in lines if len(line) > 120] == []
    assert "\x1b[" not in text
    assert "file in courses/" in lines[0] + lines[1]
    table = text.split("\n\n")[0]
    assert "courses/nz.yaml" not in table and "nz.yaml" in table
    assert "2E" in table and "1W" in table and "°" in table
    assert "test-nz meets 2 of 4 elements; misses: Level" in " ".join(text.split())
    # At 70 they do not: a block per file, a line per framework, no cell folded.
    monkeypatch.setenv("COLUMNS", "70")
    out = io.StringIO()
    matrix_text.write(built, out, "never")
    lines = out.getvalue().splitlines()
    assert [line for line in lines if len(line) > 70] == []
    assert lines[0] == "courses/nz.yaml  (course file: pass)"
    nz = next(line for line in lines if line.startswith("  test-nz "))
    assert nz.split() == [
        "test-nz",
        "1",
        "warn",
        "meets",
        "2",
        "of",
        "4;",
        "1",
        "optional",
        "not",
        "given",
    ]
    assert "  test-on°" in "\n".join(lines)
    assert any(line.strip() == "misses: Level" for line in lines)
    monkeypatch.setenv("COLUMNS", "80")
    coloured = io.StringIO()
    matrix_text.write(built, coloured, "always")
    assert "\x1b[" in coloured.getvalue()


def test_json_markdown_and_csv_carry_the_same_matrix() -> None:
    built = matrix_of(("nz.yaml", NZ_FILE), ("broken.yaml", "- a list\n"))
    out = io.StringIO()
    matrix_json.write(built, out)
    document = json.loads(out.getvalue())
    assert [f["name"] for f in document["frameworks"]] == NAMES
    described = {f["name"]: f["applies_to"] for f in document["frameworks"]}
    assert described["test-nz"] == "New Zealand's providers (issuer.country NZ)"
    nz = document["files"][0]["frameworks"]["test-nz"]
    assert nz == {
        "in_scope": True,
        "passed": False,
        "errors": 0,
        "warnings": 1,
        "info": 1,
        "elements": {
            "met": ["Workload", "Learning outcomes"],
            "missed": ["Level"],
            "optional_absent": ["Standards used"],
        },
    }
    assert document["files"][1] == {
        "path": "broken.yaml",
        "checked": False,
        "why": document["files"][1]["why"],
    }
    assert document["files"][1]["why"].startswith("MC005")
    out = io.StringIO()
    matrix_markdown.write(built, out)
    page = out.getvalue()
    assert page.startswith("| file | course file | " + " | ".join(NAMES) + " |")
    assert "| `nz.yaml` | pass | 1 warn° | 1 err° | 1 warn | pass° | 1 err° |" in page
    assert "- test-nz meets 2 of 4 elements; misses: Level" in page
    out = io.StringIO()
    matrix_csv.write(built, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 2 * len(PACKS)
    first = next(r for r in rows if r["framework"] == "test-nz")
    assert (first["file"], first["framework"], first["in_scope"], first["warnings"]) == (
        "nz.yaml",
        "test-nz",
        "true",
        "1",
    )
    assert first["elements_missed"] == "Level" and first["elements"] == "4"
    assert rows[-1]["checked"] == "false"


PACK_SOURCE = '''
from mcvalidate.rules import Pack, Scope, Source, rule

SOURCE = Source("Trial framework", "Clause 2", "https://example.org/trial", "verbatim")


@rule(id="TRL001", name="trial-hours", severity="error", source=SOURCE,
      element="Notional hours", reads=("/workload/hours",))
def hours(course, ctx):
    """Hours are given.

    Fails::

        title: x

    Passes::

        title: x
        workload: {hours: 3}
    """
    if course.workload is None or course.workload.hours is None:
        ctx.report("/workload/hours", "No hours.", fix="Add them.")


PACK = Pack("trial-nz", "Trial NZ framework", "Trial", "1", "https://example.org/trial",
            (hours,), prefix="TRL", scope=Scope(note="trial providers", countries=("NZ",)))
'''


def run(*args: str, cwd: Path) -> Result:
    import os

    here = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(here)


def test_the_command_builds_the_matrix_of_a_folder_with_a_local_pack(tmp_path: Path) -> None:
    (tmp_path / "trial_pack.py").write_text(PACK_SOURCE, encoding="utf-8")
    config = tmp_path / ".mcvalidate.yaml"
    config.write_text("rule_paths: [trial_pack.py]\n", encoding="utf-8")
    courses = tmp_path / "courses"
    courses.mkdir()
    (courses / "nz.yaml").write_text("title: x\nissuer: {country: NZ}\n", encoding="utf-8")
    (courses / "bc.yaml").write_text(
        "title: x\nissuer: {region: CA-BC}\nworkload: {hours: 30}\n", encoding="utf-8"
    )
    result = run(
        "matrix",
        "--config",
        str(config),
        "--framework",
        "trial-nz",
        "--format",
        "json",
        str(courses),
        cwd=tmp_path,
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    cells = {Path(f["path"]).name: f["frameworks"]["trial-nz"] for f in document["files"]}
    assert cells["nz.yaml"]["in_scope"] and cells["nz.yaml"]["elements"]["missed"] == [
        "Notional hours"
    ]
    assert not cells["bc.yaml"]["in_scope"] and cells["bc.yaml"]["passed"]
    text = run("matrix", "--config", str(config), str(courses), cwd=tmp_path)
    assert text.exit_code == 0 and "trial-nz" in text.stdout
    # The matrix reports and does not fail; a mistake in the command is one line, exit 2.
    missing = run("matrix", "--config", str(config), str(tmp_path / "none"), cwd=tmp_path)
    assert missing.exit_code == 2
    assert missing.stderr.startswith("mcvalidate: error: ") and missing.stderr.count("\n") == 1
    unknown = run(
        "matrix", "--config", str(config), "--framework", "nope", str(courses), cwd=tmp_path
    )
    assert unknown.exit_code == 2 and "nope" in unknown.stderr


def test_the_crosswalk_lists_each_field_with_the_elements_it_satisfies() -> None:
    assert field_name("/workload/hours") == "workload.hours"
    assert field_name("/assessments/*/supervision") == "assessments[].supervision"
    table = by_field(PACKS)
    assert list(table)[:3] == ["summary", "workload.hours", "workload.weeks"]
    hours = {(e.pack, e.element, tuple(r.id for r in e.rules)) for e in table["workload.hours"]}
    assert hours == {("test-nz", "Workload", ("TNZ001",)), ("test-on", "Hours", ("TON001",))}
    page = markdown(PACKS)
    assert "| `workload.hours` | Workload (TNZ001 error) | Hours (TON001 error) |" in page
    assert "### test-nz: Test NZ framework" in page
    assert "| Level | `level.framework`, `level.value` | TNZ002 (warning) |" in page


def test_the_crosswalk_page_is_in_sync_with_the_packs() -> None:
    page = (ROOT / "docs" / "crosswalk.md").read_text(encoding="utf-8")
    assert page == markdown(built_in_packs()) + "\n", (
        "run: python -m mcvalidate.crosswalk > docs/crosswalk.md"
    )


def test_the_crosswalk_command_in_each_format(tmp_path: Path) -> None:
    for fmt in ("text", "markdown", "json", "csv"):
        result = run("crosswalk", "--isolated", "--format", fmt, cwd=tmp_path)
        assert result.exit_code == 0, result.output
    records = json.loads(run("crosswalk", "--isolated", "--format", "json", cwd=tmp_path).stdout)
    frameworks = {r["framework"] for r in records}
    assert frameworks == {  # export profiles are no crosswalk column
        p.name
        for p in built_in_packs()
        if p.scope and not p.scope.profile and any(r.element for r in p.rules)
    }
    assert NZ.name not in frameworks
