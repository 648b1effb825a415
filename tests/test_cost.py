"""Cost grows at most linearly with the input: each hostile input is checked at two sizes, and
the time of the larger (twice the size) must stay under three times the smaller's (a
quadratic cost gives four or more). Ratios of the best of five runs, not absolute times, so
that the tests hold on a slow or busy machine; the memory of the largest stays under a cap."""

from __future__ import annotations

import gc
import io
import shutil
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from mcvalidate.globs import glob_match
from mcvalidate.runner import Options, run
from mcvalidate.testing import check_text

RATIO = 3.0
ROOT = Path(__file__).resolve().parents[1]


def best_time(work: Callable[[], object]) -> float:
    """The best of five runs, in CPU time of this process: what other processes do on a busy
    machine does not count. The garbage collector is paused while they run: late in a long
    test session its full collections walk every object the earlier tests left, a cost that
    grows with the session, not with the input measured."""
    times = []
    gc.collect()
    gc.disable()
    try:
        for _ in range(5):
            start = time.process_time()
            work()
            times.append(time.process_time() - start)
    finally:
        gc.enable()
    return min(times)


def assert_linear(make: Callable[[int], Callable[[], object]], size: int) -> None:
    small, large = best_time(make(size)), best_time(make(2 * size))
    assert large < RATIO * small + 0.01, f"{small:.3f} s at {size}, {large:.3f} s at {2 * size}"


def checking(text_of: Callable[[int], str]) -> Callable[[int], Callable[[], object]]:
    def make(size: int) -> Callable[[], object]:
        text = text_of(size)
        return lambda: check_text(text)

    return make


INPUTS: dict[str, tuple[Callable[[int], str], int]] = {
    "spaces in an ignore comment": (
        lambda n: "title: x  # mcvalidate: ignore[BCF001] a" + " " * n + "b\n",
        40_000,
    ),
    "unknown keys": (lambda n: "title: x\n" + "".join(f"k{i}: 1\n" for i in range(n)), 2_000),
    "a long unknown key": (lambda n: "title: x\n" + "k" * n + ": 1\n", 200_000),
    # Each misspelt key is read as the field it was meant to be: one reading per item.
    "misspelt keys read as fields": (
        lambda n: (
            "title: x\nlearning_outcomes:\n"
            + "".join(f"  - {{id: LO{i}, statment: Explain {i}}}\n" for i in range(n))
        ),
        1_000,
    ),
    "unknown references": (
        lambda n: (
            "title: x\nlearning_outcomes:\n"
            + "".join(f"  - {{id: LO{i}, statement: Explain {i}}}\n" for i in range(n))
            + "assessments:\n  - {id: A1, outcomes: ["
            + ",".join(f"X{i}" for i in range(n))
            + "]}\n"
        ),
        1_000,
    ),
    "ignore comments": (
        lambda n: (
            "title: x\n" + "".join(f"k{i}: 1  # mcvalidate: ignore[MC010] mine\n" for i in range(n))
        ),
        1_000,
    ),
}


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_checking_costs_linear_time(name: str) -> None:
    text_of, size = INPUTS[name]
    assert_linear(checking(text_of), size)


def test_one_rule_reports_a_bounded_number_of_findings_per_file() -> None:
    result = check_text("title: x\n" + "".join(f"k{i}: 1\n" for i in range(5_000)))
    unknown = [f for f in result.findings if f.rule == "MC010"]
    assert len(unknown) == 101
    assert unknown[-1].message.startswith("... and 4,900 more findings of MC010 in this file")
    assert unknown[-1].pointer == "/k100"


def test_a_message_lists_a_few_ids_not_thousands() -> None:
    text = INPUTS["unknown references"][0](3_000)
    (first, *_) = [f for f in check_text(text).findings if f.rule == "MC022"]
    assert first.message.endswith("LO1004, LO1005 and 2,990 more).")
    assert len(first.message) < 300


def test_the_memory_of_a_hostile_file_stays_bounded() -> None:
    text = INPUTS["unknown references"][0](5_000)  # 8,000 made a 450 MB report
    tracemalloc.start()
    check_text(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 60 * 1024 * 1024, f"{peak / 2**20:.0f} MiB"


def test_an_exclude_glob_of_repeated_doublestars_costs_linear_time() -> None:
    def make(size: int) -> Callable[[], object]:
        pattern = "**/" * 12 + "x.yaml"
        path = "a/" * size + "b.yaml"
        return lambda: glob_match(pattern, path)

    assert_linear(make, 200)


def test_a_glob_of_many_stars_costs_linear_time_in_a_long_file_name() -> None:
    """Six stars and a 200-character name took 147 s as a regular expression."""

    def make(size: int) -> Callable[[], object]:
        return lambda: glob_match("*a*a*a*a*a*b", "courses/" + "a" * size)

    assert_linear(make, 2_000)


def test_standard_input_is_read_no_further_than_a_file_may_hold(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("limits: {max_bytes: 1000}\n", encoding="utf-8")
    endless = io.BytesIO(b"title: x\n" + b"#" * 5_000_000)
    out, err = io.StringIO(), io.StringIO()
    code = run(Options(paths=["-"], config=str(config), formats=["json"]), out, err, endless)
    assert code == 1
    assert '"rule": "MC007"' in out.getvalue()
    assert endless.tell() == 1001  # the limit and one byte to know it is over


def make_catalogue(courses: Path, size: int) -> None:
    """``size`` copies of the example courses (good ones and ones with many findings), in ten
    directories."""
    sources = sorted((ROOT / "examples").rglob("*.yaml"))
    for index in range(size):
        target = courses / f"dept{index % 10}" / f"course-{index:05}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(sources[index % len(sources)], target)


# Run inside the measured process: at exit, it says the peak of its own memory (VmHWM, which
# starts afresh at exec) and of its workers (forked from it). The kernel's figure for a child
# of the test process would include the test process's own memory, copied at fork.
_MEASURED = """\
import resource, sys

def peak():
    with open("/proc/self/status") as status:
        own = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    sys.stderr.write(f"peak {max(own, workers)}\\n")

# The click group, not the console script's main (which leaves with os._exit, before any
# atexit handler could run).
from mcvalidate.cli import cli
try:
    cli.main(sys.argv[1:], prog_name="mcvalidate")
finally:
    peak()
"""


def peak_memory(courses: Path, reports: Path) -> float:
    """The peak resident memory, in MiB, of a run writing every report format at once (the
    text one to the terminal), the largest of its process and its workers."""
    if not Path("/proc/self/status").exists():
        pytest.skip("needs /proc to read a process's peak memory")
    command = [sys.executable, "-c", _MEASURED, "check", "--isolated", "--format", "text"]
    for name in ("json", "sarif", "junit", "gitlab"):
        command += ["--format", name, "--output", str(reports / f"report.{name}")]
    done = subprocess.run([*command, str(courses)], capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr
    return int(done.stderr.rsplit("peak ", 1)[1]) / 1024


def test_memory_stays_flat_in_the_number_of_files(tmp_path: Path) -> None:
    """Ten times the files (each with findings) cost no more than a few MiB more: results are
    reported as they come and never kept (they used to be, 7 KB a file)."""
    peaks = []
    for size in (200, 2_000):
        make_catalogue(tmp_path / str(size), size)
        peaks.append(peak_memory(tmp_path / str(size), tmp_path))
    small, large = peaks
    assert large < small + 5, f"{small:.0f} MiB at 200 files, {large:.0f} MiB at 2,000"
    assert large < 150
