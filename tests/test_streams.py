"""The streams a run is given: a terminal or CI log that cannot hold every character, closed or
full outputs, a closed input. Each is one line and exit 2, or a report, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

COURSE = "title: Café 🎉\nstatus: publiée\n"


def mcvalidate(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, **kwargs.pop("env", {})}  # type: ignore[dict-item]
    return subprocess.run(
        [sys.executable, "-m", "mcvalidate", *args],
        capture_output=True,
        timeout=60,
        env=env,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture
def course(tmp_path: Path) -> Path:
    path = tmp_path / "c.yaml"
    path.write_text(COURSE, encoding="utf-8")
    return path


@pytest.mark.parametrize("encoding", ["ascii", "cp1252", "latin-1"])
@pytest.mark.parametrize("output", ["text", "json", "github"])
def test_an_output_that_cannot_hold_every_character_gets_escapes(
    course: Path, encoding: str, output: str
) -> None:
    done = mcvalidate(
        "check", "--isolated", "--format", output, str(course), env={"PYTHONIOENCODING": encoding}
    )
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr and b"internal error" not in done.stderr
    text = done.stdout.decode(encoding)
    if output == "json":
        messages = [f["message"] for f in json.loads(text)["findings"]]
        assert any("found 'publiée'" in m for m in messages)  # the same text, as \u escapes
    else:
        assert "publi" in text


def test_a_closed_standard_output_is_one_line(course: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mcvalidate", "check", "--isolated", str(course)],
        stderr=subprocess.PIPE,
        timeout=60,
        preexec_fn=lambda: os.close(1),  # as a shell's '>&-' starts it
    )
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "mcvalidate: error: standard output is closed: nothing can be shown\n"
    )


def test_a_full_standard_output_is_one_line(course: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "mcvalidate", "check", "--isolated", str(course)],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "mcvalidate: error: cannot write the report to standard output: No space left on device\n"
    )


def test_a_closed_standard_input_is_one_line(course: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mcvalidate", "check", "--isolated", "-"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        preexec_fn=lambda: os.close(0),
    )
    assert done.returncode == 2
    assert b"standard input is closed" in done.stderr


def test_a_deleted_working_directory_is_one_line(tmp_path: Path, course: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import os, runpy, sys; os.chdir({str(gone)!r}); "
            f"os.rmdir({str(gone)!r}); sys.argv = ['mcvalidate', 'check', {str(course)!r}]; "
            "runpy.run_module('mcvalidate', run_name='__main__')",
        ],
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert b"the working directory does not exist any more" in done.stderr


@pytest.mark.parametrize("option", ["--config", "--baseline"])
def test_a_pipe_given_as_a_file_is_refused_not_waited_on(
    tmp_path: Path, course: Path, option: str
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    done = mcvalidate("check", option, str(fifo), str(course))  # times out if it waits
    assert done.returncode == 2
    assert b"not a regular file" in done.stderr


def test_a_report_is_never_written_over_a_course_file(course: Path) -> None:
    before = course.read_bytes()
    for args in (
        ["--format", "json", "--output", str(course)],
        ["--write-baseline", str(course)],
    ):
        done = mcvalidate("check", "--isolated", *args, str(course))
        assert done.returncode == 2
        assert b"is one of the files checked: refusing to write a report over it" in done.stderr
    assert course.read_bytes() == before


def test_two_reports_cannot_share_a_file(tmp_path: Path, course: Path) -> None:
    out = tmp_path / "report"
    done = mcvalidate(
        "check",
        "--isolated",
        "--format",
        "json",
        "--format",
        "sarif",
        "--output",
        str(out),
        "--output",
        str(tmp_path / "." / "report"),
        str(course),
    )
    assert done.returncode == 2
    assert b"two --format reports cannot go to the same --output file" in done.stderr


@pytest.mark.parametrize("when", ["add", "close"])
def test_a_report_that_fails_half_way_leaves_the_old_file_whole(
    tmp_path: Path, course: Path, monkeypatch: pytest.MonkeyPatch, when: str
) -> None:
    from click.testing import CliRunner

    import mcvalidate.reporters as reporters
    from mcvalidate.cli import cli

    out = tmp_path / "report.json"
    out.write_text("the previous report\n", encoding="utf-8")

    class Failing:
        """Fails as a full disk does: while a file's result is written, or the totals."""

        def __init__(self, run: object, stream: Any) -> None:
            self.stream = stream

        def add(self, result: object) -> None:
            self.stream.write("half a rep")
            if when == "add":
                raise OSError(28, "No space left on device")

        def close(self, tally: object) -> None:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(reporters, "reporter", lambda name: Failing)
    result = CliRunner().invoke(
        cli, ["check", "--isolated", "--format", "json", "--output", str(out), str(course)]
    )
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr
    assert out.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.yaml", "report.json"]  # no temp left


def test_a_device_given_as_output_is_written_not_replaced(course: Path) -> None:
    done = mcvalidate(
        "check", "--isolated", "--format", "json", "--output", "/dev/null", str(course)
    )
    assert done.returncode == 1
    assert Path("/dev/null").is_char_device()
