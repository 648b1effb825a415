"""The checks across the files of a run: duplicate course ids, pathway entries that name no
course of the catalogue, pathways in a circle; with --jobs, baselines, ignores and totals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from mcvalidate.across import Catalogue
from mcvalidate.cli import cli
from mcvalidate.findings import Exposed, FileResult, Link, Span


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(
        cli, ["check", "--isolated", "--select", "MC", *args, str(root)], catch_exceptions=False
    )


def report(root: Path, *args: str) -> list[dict[str, Any]]:
    findings: list[dict[str, Any]] = json.loads(run(root, "--format", "json", *args).stdout)[
        "findings"
    ]
    return findings


def where(findings: list[dict[str, Any]]) -> list[tuple[str, str, int, int, str]]:
    return [
        (Path(f["path"]).name, f["rule"], f["line"], f["column"], f["pointer"]) for f in findings
    ]


CIRCLE = {
    "a.yaml": "title: A\nid: a\npathways: {stacks_into: [b, Certificate in Carpentry]}\n",
    "b.yaml": "title: B\nid: b\npathways:\n  stacks_into: [c]\n",
    "c.yaml": "title: C\nid: c\npathways:\n  ladders_into:\n    - {credential: a}\n",
}


def test_a_duplicate_id_is_reported_at_each_file_naming_the_other(tmp_path: Path) -> None:
    write(tmp_path, {"one.yaml": "title: A\nid: mass-timber\n", "mass-timber.yaml": "title: B\n"})
    found = report(tmp_path)
    assert where(found) == [
        ("mass-timber.yaml", "MC040", 1, 1, ""),
        ("one.yaml", "MC040", 2, 5, "/id"),
    ]
    stem, stated = (f["message"] for f in found)
    assert "its id is its file stem, 'mass-timber', which is also the id of" in stem
    assert stem.endswith("one.yaml'.")
    assert stated.startswith("The course id 'mass-timber' is also the id of")
    assert stated.endswith("mass-timber.yaml'.")
    assert found[1]["end_column"] == 16  # the id's value, marked


def test_a_pathway_in_a_circle_is_reported_at_each_entry(tmp_path: Path) -> None:
    write(tmp_path, CIRCLE)
    found = report(tmp_path)
    assert where(found) == [
        ("a.yaml", "MC042", 3, 26, "/pathways/stacks_into/0"),
        ("b.yaml", "MC042", 4, 17, "/pathways/stacks_into/0"),
        ("c.yaml", "MC042", 5, 20, "/pathways/ladders_into/0/credential"),
    ]
    assert "(a → b → c → a)" in found[0]["message"]
    assert "(c → a → b → c)" in found[2]["message"]


def test_a_course_that_stacks_into_itself_is_a_circle(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": "title: A\nid: a\npathways: {stacks_into: [a]}\n"})
    (only,) = report(tmp_path)
    assert only["rule"] == "MC042" and "(a → a)" in only["message"]


def test_an_id_that_names_no_course_is_reported_only_in_a_catalogue(tmp_path: Path) -> None:
    lone = "title: A\nid: a\npathways: {stacks_into: [mass-timber-advanced]}\n"
    write(tmp_path, {"a.yaml": lone})
    assert report(tmp_path) == []  # one file is no catalogue
    write(tmp_path, {"b.yaml": "title: B\nid: b\n"})
    (only,) = report(tmp_path)
    assert (only["rule"], only["pointer"]) == ("MC041", "/pathways/stacks_into/0")
    assert "'mass-timber-advanced'" in only["message"]
    assert only["severity"] == "warning"


def test_names_of_credentials_are_not_looked_up(tmp_path: Path) -> None:
    write(tmp_path, CIRCLE)
    write(tmp_path, {"a.yaml": CIRCLE["a.yaml"].replace("[b, ", "[")})
    assert report(tmp_path) == []  # the circle is broken; "Certificate in ..." is a name


def test_a_parallel_run_reports_exactly_what_a_serial_run_does(tmp_path: Path) -> None:
    files = dict(CIRCLE)
    for n in range(40):
        files[f"copy-{n}.yaml"] = f"title: Copy\nid: copy-{n % 13}\nstatus: bogus\n"
    write(tmp_path, files)
    serial = run(tmp_path, "--format", "json", "--jobs", "1").stdout
    parallel = run(tmp_path, "--format", "json", "--jobs", "2").stdout
    assert serial == parallel
    assert sum(f["rule"] == "MC040" for f in json.loads(serial)["findings"]) == 40


def test_a_file_is_counted_once_though_reported_twice(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": "title: A\nid: x\nstatus: bogus\n", "b.yaml": "title: B\nid: x\n"})
    result = run(tmp_path, "--color", "never")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(line.endswith("a.yaml  (1 finding)") for line in lines)
    assert any(line.endswith("a.yaml  (1 finding across the files checked)") for line in lines)
    assert (
        lines[-1]
        == "✗ 2 files checked: 3 errors, 0 warnings, 0 info in 2 files; fails at --fail-on error."
    )


def test_baselines_record_and_accept_findings_across_files(tmp_path: Path) -> None:
    courses = tmp_path / "courses"
    courses.mkdir()
    write(courses, CIRCLE)
    baseline = tmp_path / "baseline.json"
    assert run(courses, "--write-baseline", str(baseline)).exit_code == 0
    recorded = json.loads(baseline.read_text(encoding="utf-8"))["entries"]
    assert {e["rule"] for e in recorded} == {"MC042"}
    assert run(courses, "--baseline", str(baseline)).exit_code == 0
    write(courses, {"c.yaml": "title: C\nid: c\n"})  # the circle is mended
    stale = report(courses, "--baseline", str(baseline))
    assert {f["rule"] for f in stale} == {"MC033"}


def test_an_ignore_comment_silences_a_finding_across_files_and_is_not_unused(
    tmp_path: Path,
) -> None:
    ignored = "title: A\nid: x  # mcvalidate: ignore[MC040] the 2025 edition replaces it\n"
    write(tmp_path, {"a.yaml": ignored, "b.yaml": "title: B\nid: x\n"})
    found = report(tmp_path, "--show-suppressed")
    assert [(Path(f["path"]).name, f["rule"], "suppression" in f) for f in found] == [
        ("a.yaml", "MC040", True),
        ("b.yaml", "MC040", False),
    ]
    write(tmp_path, {"b.yaml": "title: B\nid: y\n"})
    assert report(tmp_path) == []  # not reported as an unused ignore


def test_junit_names_the_test_case_of_the_checks_across_files(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": "title: A\nid: x\nstatus: bogus\n", "b.yaml": "title: B\nid: x\n"})
    xml = run(tmp_path, "--format", "junit").stdout
    assert xml.count("<testcase ") == 4  # each file, and each file's checks across files
    assert "a.yaml (across the files checked)" in xml


@pytest.mark.parametrize(
    ("length", "shown"),
    [
        (3, "(c0 → c1 → c2 → c0)"),
        (12, "(c0 → c1 → c2 → c3 → … 5 more … → c9 → c10 → c11 → c0)"),
        (20_000, "(c0 → c1 → … → c0, one of 20,000 courses that all lead back to each other)"),
    ],
)
def test_a_long_chain_of_courses_is_followed_without_recursion(length: int, shown: str) -> None:
    """A chain of thousands of courses, closed into one circle, is found without exhausting
    the stack (the components are worked out iteratively) and in time linear in the chain;
    the message shows a long circle by its ends, a huge one by its size."""
    catalogue = Catalogue()
    span = Span(1, 1, 1, 2)
    for n in range(length):
        link = Link(f"c{(n + 1) % length}", "/pathways/stacks_into/0", span)
        exposed = Exposed(f"c{n}", True, span, (link,))
        catalogue.add(FileResult(f"c{n}.yaml", (), {}, exposed=exposed))
    problems = list(catalogue.problems())
    assert len(problems) == length
    assert all(p.rule.id == "MC042" for _, found in problems for p in found)
    assert shown in problems[0][1][0].message


def _catalogue(count: int, links: bool = True) -> Catalogue:
    """A catalogue of ``count`` files in departments of 1,000, in the order a walk finds them,
    ids unique, every tenth course stacking into the next."""
    catalogue = Catalogue()
    span = Span(3, 5, 3, 17)
    for n in range(count):
        entries = ()
        if links and n % 10 == 0:
            entries = (Link(f"course-{n + 1:06}", "/pathways/stacks_into/0", span),)
        exposed = Exposed(f"course-{n:06}", True, span, entries)
        path = f"catalogue/dept{n // 1000:02}/course-{n:06}.yaml"
        catalogue.add(FileResult(path, (), {}, exposed=exposed))
    return catalogue


def test_the_catalogue_keeps_a_few_dozen_bytes_a_file() -> None:
    """What the checks across files keep grows by a few dozen bytes a file (a Python object
    per file was several hundred); deciding them at the end holds, besides, what is
    proportional to the files with pathway entries (a tenth here), not to all files."""
    import tracemalloc

    peaks = {}
    for count in (2_000, 20_000):
        tracemalloc.start()
        try:
            catalogue = _catalogue(count)
            kept = tracemalloc.get_traced_memory()[0]
            tracemalloc.reset_peak()
            problems = list(catalogue.problems())
            peaks[count] = (kept, tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
        assert problems == []  # every entry names a course of the catalogue, none twice
    kept = (peaks[20_000][0] - peaks[2_000][0]) / 18_000
    # Bytes a file: its record (the path's own part, the id, a span) is about 30, a tenth of
    # a pathway entry and its target's name the rest; a Python object per file was 290.
    assert kept < 56, peaks
    linked = 20_000 // 10
    assert peaks[20_000][1] - peaks[20_000][0] < linked * 1_500, peaks


def test_ids_the_bit_set_takes_for_seen_before_are_counted_exactly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With a bit set of 64 bits every id looks seen before: none is a duplicate for that."""
    from mcvalidate import across

    monkeypatch.setattr(across, "_BLOOM_BITS", 64)
    monkeypatch.setattr(across, "_BLOOM_BYTES", 8)
    catalogue = _catalogue(500, links=False)
    span = Span(2, 5, 2, 8)
    catalogue.add(FileResult("again.yaml", (), {}, exposed=Exposed("course-000007", True, span)))
    found = {path: [p.rule.id for p in problems] for path, problems in catalogue.problems()}
    assert found == {"catalogue/dept00/course-000007.yaml": ["MC040"], "again.yaml": ["MC040"]}


def test_what_the_catalogue_keeps_reads_back_exactly() -> None:
    """Paths of any characters and length (non-UTF-8 bytes as a report shows them), spans
    past line 127, entries naming no course: read back as they were given."""
    catalogue = Catalogue()
    long = "d/" + "x" * 300 + ".yaml"
    odd = "cours/caf\udce9 été.yaml"  # a byte that is not UTF-8, as the walk gives it
    far = Span(4_000, 130, 4_000, 200)
    entry = Link("nowhere-course", "/pathways/stacks_into/7", Span(300, 9, 301, 2))
    for path in (long, odd, "a.yaml"):
        catalogue.add(FileResult(path, (), {}, exposed=Exposed("same-id", True, far, (entry,))))
    found = dict(catalogue.problems())
    assert list(found) == [long, odd, "a.yaml"]
    duplicate, unknown = found[odd]
    assert duplicate.span == far and duplicate.pointer == "/id"
    assert f"'{long}'" in duplicate.message and "'a.yaml'" in duplicate.message
    assert unknown.span == entry.span and unknown.pointer == entry.pointer
    assert "'nowhere-course'" in unknown.message


def _with_problems(count: int) -> Catalogue:
    """:func:`_catalogue` and, at its end, a duplicate id, an entry naming no course and a
    circle of two courses."""
    catalogue = _catalogue(count)
    span = Span(2, 5, 2, 8)
    for path, exposed in (
        ("late/again.yaml", Exposed("course-000007", True, span)),
        ("late/lost.yaml", Exposed("lost", True, span, (Link("nowhere", "/pathways/0", span),))),
        ("late/a.yaml", Exposed("ring-a", True, span, (Link("ring-b", "/pathways/0", span),))),
        ("late/b.yaml", Exposed("ring-b", True, span, (Link("ring-a", "/pathways/0", span),))),
    ):
        catalogue.add(FileResult(path, (), {}, exposed=exposed))
    return catalogue


def _found(catalogue: Catalogue) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each file with findings across the catalogue, and their rules and messages."""
    return [(path, [(p.rule.id, p.message) for p in found]) for path, found in catalogue.problems()]


def test_a_large_catalogue_is_written_out_and_read_back_as_kept_in_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past the spill size the records go to a temporary file, block by block: the findings
    are those of a catalogue kept whole in memory, and memory holds one block at most. Where
    no temporary file can be written, the records stay in memory, with the same findings."""
    import tempfile

    from mcvalidate import across

    whole = _found(_with_problems(3_000))
    assert {rule for _, found in whole for rule, _ in found} == {"MC040", "MC041", "MC042"}
    monkeypatch.setattr(across, "_SPILL", 4_096)
    spilt = _with_problems(3_000)
    assert spilt._spilt is not None and len(spilt._buffer) < 4_096
    assert _found(spilt) == whole

    def unwritable(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "TemporaryFile", unwritable)
    kept = _with_problems(3_000)
    assert kept._spilt is None and len(kept._buffer) > 4_096
    assert _found(kept) == whole


def test_a_disk_that_fills_up_mid_catalogue_loses_no_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The blocks written before the disk filled are read back, then those kept in memory."""
    import io
    import tempfile

    from mcvalidate import across

    whole = _found(_with_problems(3_000))

    class Filling(io.BytesIO):
        def write(self, data: Any) -> int:
            if self.tell() > 8_000:
                super().write(bytes(data)[:100])  # part of a block, then the disk is full
                raise OSError(28, "No space left on device")
            return super().write(data)

    monkeypatch.setattr(across, "_SPILL", 4_096)
    monkeypatch.setattr(tempfile, "TemporaryFile", lambda **kwargs: Filling())
    filled = _with_problems(3_000)
    assert filled._spilt is not None and filled._spill_to == 0 and len(filled._buffer) > 4_096
    assert _found(filled) == whole
