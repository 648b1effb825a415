"""The text report fits the reader's window: wrapped to the terminal (80 columns when it is not
one), hanging indents, addresses whole, source lines shown as the window around the marker,
one line a finding with -q, and ASCII marks on a stream that cannot encode the report's own."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from click.testing import CliRunner

from mcvalidate.cli import cli
from mcvalidate.findings import FileResult, Finding, Severity, Span
from mcvalidate.report import Run, Tally, View
from mcvalidate.reporters.text import TextReporter

ROOT = Path(__file__).resolve().parents[1]
MISTAKES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "examples" / "mistakes").glob("*.yaml"))
# A finding's first line up to its message, with ruff's [*] when --fix would fix it.
HEADLINE = re.compile(r"^\S+:\d+:\d+: (error|warning|info) [A-Z]+\d+ [a-z-]+( \[\*\])?:")


def report(*args: str, columns: str | None) -> list[str]:
    env = {"COLUMNS": columns} if columns else {}
    result = CliRunner().invoke(
        cli, ["check", "--color", "never", *args], env=env, catch_exceptions=False
    )
    return result.stdout.splitlines()


def overflowing(lines: list[str], width: int) -> list[str]:
    """The lines wider than ``width`` that are not allowed to be: an address alone on its
    line and a finding's location, severity and rule (never broken) may be."""
    return [
        line
        for line in lines
        if len(line) > width
        and not re.fullmatch(r" +\(https?://\S+\)", line)
        and not (HEADLINE.match(line) and len(HEADLINE.match(line)[0]) >= width - 10)  # type: ignore[index]
        and not line.startswith("✗ ")  # the summary is one line, for scripts
    ]


@pytest.mark.parametrize("width", [80, 120])
def test_every_line_fits_the_width(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    lines = report(*MISTAKES, columns=str(width))
    assert len(lines) > 300
    assert overflowing(lines, width) == []
    # Continuation lines hang under their first line.
    fix = next(i for i, line in enumerate(lines) if "= fix: Start with an observable verb" in line)
    assert lines[fix + 1].startswith(" " * 12) and not lines[fix + 1].startswith(" " * 13)


def test_a_report_to_a_file_or_pipe_is_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("COLUMNS", raising=False)
    lines = report(*MISTAKES, columns=None)
    assert overflowing(lines, 80) == []
    assert max(len(line) for line in lines if not line.lstrip().startswith("(http")) > 70


def test_an_address_is_never_split(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    text = "\n".join(report(*MISTAKES, columns="60"))
    url = "https://opentextbc.ca/bcmicrocredential/chapter/design-considerations-practical-guide/"
    assert f"({url})" in text


def test_quiet_keeps_one_line_per_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    lines = report("-q", *MISTAKES, columns="80")
    assert lines and all(HEADLINE.match(line) for line in lines)
    assert max(len(line) for line in lines) > 120  # not wrapped: one finding, one line


def test_a_long_source_line_is_shown_around_its_marker(tmp_path: Path) -> None:
    course = tmp_path / "c.yaml"
    items = ", ".join(f"item {n}" for n in range(40))
    course.write_text(f"title: x\nprerequisites: [{items}, 42, last item]\n", encoding="utf-8")
    lines = report("--select", "MC011", str(course), columns="80")
    frame = next(i for i, line in enumerate(lines) if line.startswith(" 2 | "))
    shown, marker = lines[frame], lines[frame + 1]
    assert len(shown) <= 80 and shown.startswith(" 2 | …") and shown.endswith("]")
    start = marker.index("^")
    assert shown[start : start + 2] == "42" and marker.count("^") == 2


def _windowed(before: str, marked: str, after: str, width: int) -> tuple[str, str]:
    """The frame and marker lines the text report prints for one finding."""
    line = before + marked + after
    finding = Finding(
        "c.yaml",
        Span(1, len(before) + 1, 1, len(before) + len(marked) + 1),
        "/x",
        "MC012",
        "invalid-value",
        Severity.ERROR,
        "message",
        "framework",
        "https://example.ca",
    )
    stream = io.StringIO()
    os.environ["COLUMNS"] = str(width)
    try:
        reporter = TextReporter(Run([], Severity.ERROR, {}, View("never", False, False)), stream)
        reporter.add(FileResult("c.yaml", (finding,), {1: line}))
    finally:
        del os.environ["COLUMNS"]
    lines = stream.getvalue().splitlines()
    frame = next(i for i, text in enumerate(lines) if text.startswith(" 1 | "))
    return lines[frame][5:], lines[frame + 1][5:]


@pytest.mark.parametrize(
    ("before", "marked", "after"),
    [
        ("x" * 100, "TARGET", "y" * 100),  # in the middle of a long line
        ("", "TARGET", "y" * 200),  # at its start
        ("x" * 200, "TARGET", ""),  # at its end
        ("é" * 90, "日本語", "ü" * 90),  # wide characters take two columns
    ],
)
def test_the_marker_stays_under_its_text_in_a_window(before: str, marked: str, after: str) -> None:
    shown, marker = _windowed(before, marked, after, 80)
    assert len(shown) <= 75
    start = marker.index("^")
    width = marker.count("^")
    cells = 0
    for index, char in enumerate(shown):
        if cells == start:
            assert shown[index:].startswith(marked), (shown, marker)
            break
        cells += 2 if char in "日本語" else 1
    else:
        pytest.fail(f"no text under the marker: {shown!r} / {marker!r}")
    assert width == 6  # six columns: TARGET, or three wide characters


def test_a_cp1252_stream_gets_ascii_marks(tmp_path: Path) -> None:
    course = tmp_path / "c.yaml"
    course.write_text("title: Café\nstatus: publish\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mcvalidate", "check", "--isolated", str(course)],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "cp1252", "COLUMNS": "100"},
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    text = done.stdout.decode("cp1252")
    assert text.splitlines()[-1].startswith("FAIL 1 file checked: ")
    assert "\\u27" not in text  # no escaped mark
    assert "Café" in text or "title" in text


def test_a_strict_cp1252_stream_never_fails_on_a_mark() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252", errors="strict")
    reporter = TextReporter(Run([], Severity.ERROR, {}, View("never", False, False)), stream)
    reporter.close(Tally(Severity.ERROR))
    stream.flush()
    assert raw.getvalue().decode("cp1252") == "OK 0 files checked, all pass.\n"


def test_a_utf8_stream_keeps_the_marks() -> None:
    stream = io.StringIO()
    reporter = TextReporter(Run([], Severity.ERROR, {}, View("never", False, False)), stream)
    reporter.close(Tally(Severity.ERROR))
    assert stream.getvalue() == "✓ 0 files checked, all pass.\n"


def test_a_real_terminal_is_wrapped_to_its_own_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["NO_COLOR"] = "1"
    process = subprocess.Popen(
        [sys.executable, "-m", "mcvalidate", "check", "--isolated", *MISTAKES],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the run is over
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    lines = b"".join(chunks).decode("utf-8").replace("\r\n", "\n").splitlines()
    assert len(lines) > 300
    assert overflowing(lines, 100) == []
    assert max(len(line) for line in lines if not line.lstrip().startswith("(http")) > 90


@pytest.mark.parametrize("width", [80, 120])
def test_the_rules_list_fits_the_width(width: int) -> None:
    result = CliRunner().invoke(cli, ["rules", "--isolated"], env={"COLUMNS": str(width)})
    lines = result.stdout.splitlines()
    assert len(lines) > 150
    assert [line for line in lines if len(line) > width] == []
    # One line a rule, for grep: id, name, severity, pack and evidence together.
    assert "BCT007 outcome-action-verb (info; bc-toolkit; inferred)" in lines
