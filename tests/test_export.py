"""``mcvalidate export``: what every target shares, tried through the command line with the
``listing`` target (a row per course): a file with an error is refused with its findings and
exit 1 while the others are written; one file goes to standard output or a file, several to a
directory; ids are the same on every run; and every target says where each course field goes
(``docs/export-mapping.md`` kept in sync)."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mcvalidate.cli import cli
from mcvalidate.export import TARGETS, Job
from mcvalidate.export.ids import course_uri, part_uri
from mcvalidate.export.listing import COLUMNS
from mcvalidate.export.mapping import NO_HOME, course_fields, declared, table
from mcvalidate.model import validate_course
from mcvalidate.model.course import Course

ROOT = Path(__file__).resolve().parents[1]
GOOD = """\
format: 1
id: welding-basics
title: Welding Basics
summary: A short course on safe welding.
language: en
status: active
issuer: {name: Example College, url: "https://college.example.ca", region: CA-BC}
workload: {hours: 30, weeks: 5}
delivery: {modes: [in_person, hybrid]}
credit: {status: credit, value: 1.5, system: institutional, system_name: EC credits}
cost: {amount: 450, currency: CAD}
classification: {cip: "48.0508", noc: ["72106"]}
publication: {url: "https://college.example.ca/welding"}
"""
BROKEN = "format: 1\ntitle: Broken\nworkload: {hours: -3}\n"


def run(*args: str, cwd: Path) -> Result:
    here = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(here)


@pytest.fixture
def courses(tmp_path: Path) -> Path:
    (tmp_path / "welding.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "second.yaml").write_text(
        GOOD.replace("welding-basics", "welding-two").replace("Welding Basics", "Welding Two"),
        encoding="utf-8",
    )
    return tmp_path


def test_one_file_is_written_to_standard_output_as_a_csv_row_under_every_column(
    courses: Path,
) -> None:
    result = run("export", "--to", "listing", "welding.yaml", cwd=courses)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == COLUMNS
    row = rows[0]
    assert row["id"] == "welding-basics"
    assert row["hours"] == "30" and row["weeks"] == "5"  # not 30.0
    assert row["credit_value"] == "1.5" and row["credit_system"] == "EC credits"
    assert row["delivery"] == "in_person; hybrid"
    assert row["noc"] == "72106" and row["cip"] == "48.0508"
    assert row["url"] == "https://college.example.ca/welding"


def test_rows_are_json_for_a_json_output_or_when_asked(courses: Path) -> None:
    result = run("export", "--to", "listing", ".", "-o", "catalogue.json", cwd=courses)
    assert result.exit_code == 0, result.output
    rows = json.loads((courses / "catalogue.json").read_text(encoding="utf-8"))
    assert sorted(r["id"] for r in rows) == ["welding-basics", "welding-two"]
    asked = run("export", "--to", "listing", "welding.yaml", "--rows", "json", cwd=courses)
    assert json.loads(asked.stdout)[0]["title"] == "Welding Basics"


def test_a_file_with_an_error_is_refused_with_its_findings_and_the_others_are_written(
    courses: Path,
) -> None:
    (courses / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    result = run("export", "--to", "listing", ".", "-o", "out.csv", cwd=courses)
    assert result.exit_code == 1
    assert "broken.yaml:3:" in result.stderr  # the finding, where it is
    assert "1 file not exported" in result.stderr
    written = list(csv.DictReader((courses / "out.csv").open(encoding="utf-8")))
    assert sorted(r["id"] for r in written) == ["welding-basics", "welding-two"]


def test_a_file_that_is_not_yaml_is_a_finding_not_a_traceback(courses: Path) -> None:
    (courses / "bad.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    result = run("export", "--to", "listing", "bad.yaml", cwd=courses)
    assert result.exit_code == 1
    assert "bad.yaml" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout.strip() == ",".join(COLUMNS)  # the header, and no row


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "nothing", "welding.yaml"], "Invalid value for '--to'"),
        (["--to", "listing", "missing.yaml"], "does not exist"),
        (["--to", "listing", "welding.yaml", "--base-url", "ftp://x"], "--base-url must be"),
        (["--to", "listing", "--framework", "nope", "welding.yaml"], "nope"),
    ],
)
def test_usage_mistakes_exit_2_with_one_line(courses: Path, args: list[str], message: str) -> None:
    result = run("export", *args, cwd=courses)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_base_url_in_the_configuration_names_the_key(courses: Path) -> None:
    (courses / ".mcvalidate.yaml").write_text("export: {base_url: not-a-url}\n")
    result = run("export", "--to", "listing", "welding.yaml", cwd=courses)
    assert result.exit_code == 2
    assert "export" in result.stderr and "base_url" in result.stderr


def course(text: str = GOOD) -> Course:
    import yaml

    return validate_course(yaml.safe_load(text))


def test_ids_are_the_same_every_run_and_differ_by_issuer_and_course() -> None:
    job = Job(course_id="welding-basics")
    first = course_uri(course(), job)
    assert first == course_uri(course(), job)
    assert first.startswith("urn:uuid:")
    other_issuer = course(GOOD.replace("college.example.ca", "other.example.ca"))
    assert course_uri(other_issuer, job) != first
    assert course_uri(course(), Job(course_id="welding-two")) != first
    # A trailing slash on the issuer's URL does not change the course's id.
    slashed = course(GOOD.replace('"https://college.example.ca"', '"https://college.example.ca/"'))
    assert course_uri(slashed, job) == first


def test_a_base_url_gives_the_institutions_own_ids() -> None:
    job = Job(course_id="welding basics", base_url="https://badges.example.ca/courses")
    uri = course_uri(course(), job)
    assert uri == "https://badges.example.ca/courses/welding%20basics"
    assert part_uri(uri, "A 1") == "https://badges.example.ca/courses/welding%20basics#A%201"


def test_every_target_says_where_every_course_field_goes() -> None:
    fields = course_fields()
    assert "competencies[].alignment.url" in fields and "issuer.url" in fields
    for name in TARGETS:
        mapped = declared(name)
        assert set(mapped) == set(fields), name
        assert all(v.strip() for v in mapped.values()), name


def test_the_listing_maps_each_of_its_columns_from_a_field() -> None:
    mapped = declared("listing")
    homes = {v.split(" ")[0] for v in mapped.values() if not v.startswith(NO_HOME)}
    assert homes == set(COLUMNS)


def test_the_mapping_page_is_up_to_date() -> None:
    page = (ROOT / "docs" / "export-mapping.md").read_text(encoding="utf-8")
    assert page == table(), "run: python -m mcvalidate.export.mapping > docs/export-mapping.md"


def test_only_what_the_document_needs_is_checked_unless_a_framework_is_named(
    courses: Path,
) -> None:
    # The file is far from meeting the B.C. framework, which export does not ask by default.
    assert run("export", "--to", "listing", "welding.yaml", cwd=courses).exit_code == 0
    strict = run(
        "export", "--to", "listing", "--framework", "bc-framework", "welding.yaml", cwd=courses
    )
    assert strict.exit_code == 1
    assert " BCF" in strict.stderr
    assert "mcvalidate check --framework bc-framework --framework format" in strict.stderr


def test_several_documents_need_a_directory_and_two_courses_cannot_share_a_name(
    courses: Path,
) -> None:
    several = run("export", "--to", "ob3", ".", cwd=courses)
    assert several.exit_code == 2
    assert "several files export to a directory: give --output DIR" in several.stderr
    assert several.stdout == ""
    (courses / "copy.yaml").write_text(GOOD, encoding="utf-8")  # the id of welding.yaml
    clash = run("export", "--to", "ob3", ".", "-o", "out", cwd=courses)
    assert clash.exit_code == 2
    assert "have the same id 'welding-basics'" in clash.stderr
    assert not (courses / "out").exists()  # nothing written
    written = run("export", "--to", "ob3", "welding.yaml", "second.yaml", "-o", "out", cwd=courses)
    assert written.exit_code == 0, written.output
    assert sorted(p.name for p in (courses / "out").iterdir()) == [
        "welding-basics.ob3.json",
        "welding-two.ob3.json",
    ]
    assert "wrote 2 files to out" in written.stderr


def test_a_target_that_leaves_a_field_undeclared_cannot_be_imported() -> None:
    from mcvalidate.export.mapping import every_field

    homes = dict.fromkeys(course_fields(), "somewhere")
    assert list(every_field(homes)) == course_fields()
    del homes["credential_registry.ctid"]
    with pytest.raises(KeyError, match=r"credential_registry\.ctid"):
        every_field(homes)
    with pytest.raises(KeyError, match="no_such"):
        every_field({**dict.fromkeys(course_fields(), "x"), "no_such.field": "y"})
