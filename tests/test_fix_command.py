"""``mcvalidate check --fix``, ``--unsafe-fixes`` and ``--diff``, as a user runs them: what is
written (only text edits: comments, order, quoting, line endings, byte-order mark and file mode
kept), what is reported after, the exit codes, standard input, workers, and the bounds."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mcvalidate.cli import cli
from mcvalidate.findings import Autofix, Edit, FileResult, Span
from mcvalidate.fixer import MOST_PASSES, Fixer, FixMode
from mcvalidate.format_rules import STRAY_WHITESPACE
from mcvalidate.packs import Registry
from mcvalidate.settings import Settings

# A safe fix (the curly quotes, the trailing blanks, the enum's spelling), an unsafe one (the
# misspelt key), and a finding with no fix (the unknown status) — with comments and a flow
# mapping that must stay as written.
COURSE = (
    "# Mass timber, draft\n"
    "title: \u201cMass timber\u201d   # the working title\n"
    "credit: {status: Non-Credit}  \n"
    "competences:\n"
    "  - {id: C1, statement: Explain mass timber}\n"
    "status: publish\n"
)
SAFE = (
    "# Mass timber, draft\n"
    'title: "Mass timber"   # the working title\n'
    "credit: {status: non_credit}\n"
    "competences:\n"
    "  - {id: C1, statement: Explain mass timber}\n"
    "status: publish\n"
)
UNSAFE = SAFE.replace("competences:", "competencies:")


def check(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(
        cli, ["check", "--isolated", "--select", "MC", *args], input=stdin, env={"COLUMNS": "80"}
    )


@pytest.fixture
def course(tmp_path: Path) -> Path:
    path = tmp_path / "course.yaml"
    path.write_bytes(COURSE.encode("utf-8"))
    return path


def test_fix_applies_the_safe_fixes_and_reports_what_is_left(course: Path) -> None:
    result = check("--fix", str(course))
    assert course.read_text(encoding="utf-8") == SAFE
    lines = result.stdout.splitlines()
    assert "Fixed 3 findings in 1 file (1 more fixable with --unsafe-fixes)." in lines
    assert lines[-1].startswith("✗ 1 file checked: 2 errors, 0 warnings, 0 info in 1 file")
    assert "'status' must be one of" in result.stdout  # no fix: still there
    assert "MC053" not in result.stdout
    assert result.exit_code == 1


def test_unsafe_fixes_also_renames_the_misspelt_key(course: Path) -> None:
    result = check("--fix", "--unsafe-fixes", str(course))
    assert course.read_text(encoding="utf-8") == UNSAFE
    assert "Fixed 4 findings in 1 file." in result.stdout.splitlines()


def test_without_fix_the_fixable_findings_are_marked_and_counted(course: Path) -> None:
    result = check(str(course))
    assert course.read_text(encoding="utf-8") == COURSE
    assert "[*] 3 findings fixable with --fix (1 more fixable with --unsafe-fixes)." in (
        result.stdout.splitlines()
    )
    quiet = check("-q", str(course)).stdout
    assert ":2:8: error MC053 curly-quotes [*]: " in quiet
    assert ":4:1: error MC010 unknown-key: " in quiet  # unsafe: not marked
    assert ":6:9: error MC012 invalid-value: " in quiet  # no fix
    marked = check("--unsafe-fixes", str(course))
    assert "[*] 4 findings fixable with --fix." in marked.stdout.splitlines()
    assert (
        ":4:1: error MC010 unknown-key [*]: " in check("-q", "--unsafe-fixes", str(course)).stdout
    )


def test_a_run_left_clean_by_its_fixes_passes(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("title: Mass timber  \nstatus: Draft\n", encoding="utf-8")
    result = check("--fix", str(path))
    assert path.read_text(encoding="utf-8") == "title: Mass timber\nstatus: draft\n"
    assert result.stdout.splitlines() == [
        "Fixed 2 findings in 1 file.",
        "✓ 1 file checked, all pass.",
    ]
    assert result.exit_code == 0


def test_diff_shows_the_changes_writes_nothing_and_exits_1(course: Path) -> None:
    result = check("--diff", str(course))
    assert course.read_text(encoding="utf-8") == COURSE
    name = str(course)
    assert result.stdout.splitlines()[:3] == [f"--- {name}", f"+++ {name}", "@@ -1,6 +1,6 @@"]
    assert "-credit: {status: Non-Credit}  " in result.stdout.splitlines()
    assert "+credit: {status: non_credit}" in result.stdout.splitlines()
    assert "competencies" not in result.stdout
    assert result.stderr == "mcvalidate: would fix 3 findings in 1 file\n"
    assert result.exit_code == 1
    unsafe = check("--diff", "--unsafe-fixes", str(course))
    assert "+competencies:" in unsafe.stdout.splitlines()


def test_diff_of_a_file_with_nothing_to_fix_is_empty_and_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("title: Mass timber\nstatus: publish\n", encoding="utf-8")
    result = check("--diff", str(path))
    assert (result.stdout, result.stderr, result.exit_code) == (
        "",
        "mcvalidate: nothing to fix\n",
        0,
    )


def test_diff_takes_no_report_options(course: Path) -> None:
    result = check("--diff", "--format", "json", str(course))
    assert result.exit_code == 2
    assert "--diff prints the changes instead of a report" in result.stderr


def test_line_endings_byte_order_mark_and_mode_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    text = "title: Été\u00a0\r\nprerequisites:\r\n  \u2013 One year  \r\n  - Two\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    path.chmod(0o640)
    check("--fix", str(path))
    assert path.read_bytes() == (
        b"\xef\xbb\xbf" + "title: Été\r\nprerequisites:\r\n  - One year\r\n  - Two\r\n".encode()
    )
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["c.yaml"]  # no temporary file left


def test_a_utf16_file_is_written_back_in_utf16(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_bytes("title: Mass timber \n".encode("utf-16"))
    check("--fix", str(path))
    assert path.read_bytes() == "title: Mass timber\n".encode("utf-16")


def test_a_symbolic_link_keeps_leading_to_the_fixed_file(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("title: Mass timber \n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    check("--fix", str(link))
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "title: Mass timber\n"


def test_a_file_that_does_not_parse_is_never_written(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    text = "title: Mass timber  \nstatus:\u00a0active\nsummary: [unclosed\n"
    path.write_text(text, encoding="utf-8")
    result = check("--fix", str(path))
    assert path.read_text(encoding="utf-8") == text
    assert "MC001 yaml-syntax" in result.stdout
    # The pasted space has its fix, but the file would still not parse: nothing is written.
    assert "Nothing was fixed (1 fix could not be applied: the file would not parse" in (
        " ".join(result.stdout.split())
    )


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # A non-breaking space after a top-level key's colon: not a key, a syntax error.
        ("title:\u00a0Mass timber\nstatus: draft\n", "title: Mass timber\nstatus: draft\n"),
        # Curly quotes around a text holding ': ': the colon broke the line.
        (
            "title: \u201cMass timber: an introduction\u201d\nstatus: draft\n",
            'title: "Mass timber: an introduction"\nstatus: draft\n',
        ),
        # Bullets pasted from a word processor, at the margin of a list.
        (
            "title: Mass timber\nlearning_outcomes:\n\u2022 Weld a joint\n",
            "title: Mass timber\nlearning_outcomes:\n- Weld a joint\n",
        ),
    ],
)
def test_a_pasted_character_that_broke_the_file_is_fixed(
    tmp_path: Path, text: str, fixed: str
) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    before = check("--isolated", str(path))
    assert "MC001" in before.stdout  # it does not parse
    result = check("--isolated", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == fixed
    assert "MC001" not in result.stdout
    assert "Fixed 1 finding in 1 file" in result.stdout


def test_standard_input_is_fixed_onto_standard_output_and_reported_on_stderr() -> None:
    result = check("--fix", "--stdin-filename", "new.yaml", "-", stdin=COURSE.encode("utf-8"))
    assert result.stdout == SAFE
    assert "new.yaml:6:9: error MC012 invalid-value" in result.stderr
    assert "Fixed 3 findings in 1 file" in result.stderr
    assert result.exit_code == 1
    diff = check("--diff", "-", stdin=COURSE.encode("utf-8"))
    assert diff.stdout.startswith("--- -\n+++ -\n")


def test_workers_fix_as_one_process_does(tmp_path: Path) -> None:
    for index in range(6):
        (tmp_path / f"c{index}.yaml").write_text(COURSE, encoding="utf-8")
    result = check("--fix", "--jobs", "3", "--format", "json", str(tmp_path))
    assert {p.read_text(encoding="utf-8") for p in tmp_path.glob("*.yaml")} == {SAFE}
    report = json.loads(result.stdout)
    assert report["summary"]["fixed"] == 18
    assert report["summary"]["unsafe_fixable"] == 6
    assert report["summary"]["fixable"] == 0


def test_json_gives_each_finding_its_fixes(course: Path) -> None:
    report = json.loads(check("--format", "json", str(course)).stdout)
    by_pointer = {(f["rule"], f["pointer"]): f["fixes"] for f in report["findings"]}
    assert by_pointer["MC012", "/status"] == []
    (enum,) = by_pointer["MC012", "/credit/status"]
    assert enum["edits"] == [
        {"line": 3, "column": 18, "end_line": 3, "end_column": 28, "text": "non_credit"}
    ]
    assert by_pointer["MC053", "/title"] == [
        {
            "description": "Use straight quotes",
            "safe": True,
            "edits": [
                {"line": 2, "column": 8, "end_line": 2, "end_column": 21, "text": '"Mass timber"'}
            ],
        }
    ]
    assert report["summary"]["fixable"] == 3 and report["summary"]["fixed"] == 0


def test_many_findings_of_one_rule_are_all_fixed_beyond_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    lines = "".join(f"  - Item {i}  \n" for i in range(250))  # 250 > max_findings (100)
    path.write_text(f"title: Mass timber\nprerequisites:\n{lines}", encoding="utf-8")
    result = check("--fix", str(path))
    assert "  \n" not in path.read_text(encoding="utf-8")
    assert "Fixed 250 findings in 1 file." in result.stdout


def test_a_file_that_cannot_be_written_is_a_usage_error_and_stays_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("title: Mass timber \n", encoding="utf-8")

    def refused(source: str, target: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refused)
    result = check("--fix", str(path))
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"mcvalidate: error: cannot write the fixes to '{path}': Permission denied\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["c.yaml"]
    assert path.read_text(encoding="utf-8") == "title: Mass timber \n"


# -- termination ---------------------------------------------------------------------------------


class _Looping(Fixer):
    """A fixer whose every check offers one more fix: ``flip`` toggles a character (a cycle),
    otherwise each fix adds one (a text that never stops changing)."""

    def __init__(self, flip: bool) -> None:
        super().__init__(Registry().select(), Settings(), FixMode())
        self.flip = flip
        self.checks = 0

    def check_bytes(self, display: str, raw: bytes) -> FileResult:
        self.checks += 1
        result = super().check_bytes(display, raw)
        text = raw.decode("utf-8")
        last = text.rstrip("\n")[-1]
        new = ("b" if last == "a" else "a") if self.flip else last + "a"
        column = len(text.rstrip("\n"))
        edit = Edit(Span(1, column, 1, column + 1), new)
        base = super().check_bytes(display, b"title: x  \n").findings[0]
        assert base.rule == STRAY_WHITESPACE.id
        finding = replace(base, autofix=Autofix("loop", (edit,)))
        return replace(result, findings=(finding,))


def test_fixes_that_undo_each_other_stop_when_a_text_comes_round_again() -> None:
    fixer = _Looping(flip=True)
    fixed = fixer.fix("c.yaml", b"title: a\n")
    assert fixed.raw == b"title: b\n" and fixed.count == 1


def test_fixes_that_never_end_stop_after_the_last_pass() -> None:
    fixer = _Looping(flip=False)
    fixed = fixer.fix("c.yaml", b"title: a\n")
    assert fixed.count == MOST_PASSES
    assert fixed.raw == b"title: " + b"a" * (MOST_PASSES + 1) + b"\n"
