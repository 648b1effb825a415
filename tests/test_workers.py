"""Parallel runs whose workers die or are told to stop: no result of another file is lost, and
no worker outlives the run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

# A local pack whose rule kills its own process on the file titled "die" (as a crash in native
# code, os._exit in a library, or the kernel's out-of-memory killer would), and sleeps on the
# file titled "slow".
PACK = '''\
import os, signal, time
from mcvalidate.model import Course
from mcvalidate.rules import Pack, RuleContext, Source, rule

S = Source("Test", "clause", "https://example.org/t", "verbatim")


@rule(id="WRK001", name="worker-killer", severity="warning", source=S)
def worker_killer(course: Course, ctx: RuleContext) -> None:
    """A rule that ends its process.

    Fails::

        title: x

    Passes::

        title: y
    """
    if course.title == "die":
        os._exit(3)
    if course.title == "segfault":
        os.kill(os.getpid(), signal.SIGSEGV)
    if course.title == "slow":
        time.sleep(60)


PACK = Pack("workers", "W", "W", "1", "https://example.org/t", (worker_killer,), prefix="WRK")
'''


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    (tmp_path / "killer.py").write_text(PACK, encoding="utf-8")
    (tmp_path / ".mcvalidate.yaml").write_text("rule_paths: [killer.py]\n", encoding="utf-8")
    courses = tmp_path / "courses"
    courses.mkdir()
    for index in range(12):
        (courses / f"c{index:02}.yaml").write_text("title: x\nstatus: publish\n", encoding="utf-8")
    return tmp_path


def check(cwd: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mcvalidate", "check", "--select", "MC,WRK", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.mark.parametrize("title", ["die", "segfault"])
def test_a_worker_that_dies_loses_no_other_files_results(catalogue: Path, title: str) -> None:
    (catalogue / "courses" / "c05.yaml").write_text(f"title: {title}\n", encoding="utf-8")
    done = check(catalogue, "--jobs", "2", "--format", "json", "courses")
    assert done.returncode == 2, done.stderr
    findings = json.loads(done.stdout)["findings"]
    by_file = {f["path"]: f["rule"] for f in findings}
    assert by_file.pop("courses/c05.yaml") == "MC008"
    assert sorted(by_file) == [f"courses/c{i:02}.yaml" for i in range(12) if i != 5]
    assert set(by_file.values()) == {"MC012"}
    crash = next(f for f in findings if f["rule"] == "MC008")
    assert "ended the process that checked it" in crash["message"]


def test_two_workers_that_die_far_apart_lose_nothing(catalogue: Path) -> None:
    """The second death comes after the pool that the first broke was replaced: the files not
    yet sent when a worker dies go on in a new pool, and it can break (and recover) too."""
    for index, title in ((1, "die"), (11, "segfault")):
        (catalogue / "courses" / f"c{index:02}.yaml").write_text(f"title: {title}\n", "utf-8")
    done = check(catalogue, "--jobs", "2", "--format", "json", "courses")
    assert done.returncode == 2, done.stderr
    findings = json.loads(done.stdout)["findings"]
    assert [f["path"] for f in findings] == [f"courses/c{i:02}.yaml" for i in range(12)]
    crashed = [f["path"] for f in findings if f["rule"] == "MC008"]
    assert crashed == ["courses/c01.yaml", "courses/c11.yaml"]


def _workers_of(marker: Path) -> list[int]:
    """The processes still running with ``marker`` on their command line."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if str(marker).encode() in command and b"mcvalidate" in command:
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_stopped_parallel_run_ends_cleanly_and_leaves_no_worker(
    catalogue: Path, signum: int, code: int
) -> None:
    for index in range(12):
        (catalogue / "courses" / f"c{index:02}.yaml").write_text("title: slow\n", encoding="utf-8")
    marker = catalogue / "courses"
    run = subprocess.Popen(
        [sys.executable, "-m", "mcvalidate", "check", "--jobs", "2", str(marker)],
        cwd=catalogue,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a process group of its own, as a terminal gives
    )
    deadline = time.monotonic() + 30
    while len(_workers_of(marker)) < 3 and time.monotonic() < deadline:  # the run and 2 workers
        time.sleep(0.2)
    if signum == signal.SIGINT:
        os.killpg(run.pid, signum)  # Ctrl-C reaches every process of the terminal's group
    else:
        run.send_signal(signum)  # a CI runner's timeout stops the run itself
    _, stderr = run.communicate(timeout=30)
    assert run.returncode == code, stderr
    assert "Traceback" not in stderr
    deadline = time.monotonic() + 10
    while _workers_of(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _workers_of(marker) == []


# Runs the CLI with a signal sent at the worst moment, deterministically: while the pool starts
# its thread (the parent's side), or to a worker forked but not yet set up (the worker's side).
AT_THE_WORST_MOMENT = """\
import os, signal, sys
from concurrent.futures import process
from mcvalidate.cli import main

moment, signum = sys.argv[1], int(sys.argv[2])
if moment == "pool-starting":
    start = process._ExecutorManagerThread.start

    def interrupted_start(self):
        signal.raise_signal(signum)
        start(self)

    process._ExecutorManagerThread.start = interrupted_start
else:  # the first worker is stopped as it is forked, before it has set its own handlers
    flag = sys.argv[3]

    def stop_first_worker():
        if not os.path.exists(flag):
            open(flag, "w").close()
            os.kill(os.getpid(), signum)

    os.register_at_fork(after_in_child=stop_first_worker)
sys.argv = ["mcvalidate", "check", "--select", "MC,WRK", "--jobs", "2", *sys.argv[4:]]
main()
"""


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_run_stopped_while_its_pool_starts_still_ends_cleanly(
    catalogue: Path, signum: int, code: int
) -> None:
    marker = catalogue / "courses"
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            AT_THE_WORST_MOMENT,
            "pool-starting",
            str(int(signum)),
            "-",
            str(marker),
        ],
        cwd=catalogue,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == code, run.stderr
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr
    deadline = time.monotonic() + 10
    while _workers_of(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _workers_of(marker) == []


def test_a_worker_stopped_before_it_is_set_up_stops_and_loses_nothing(
    catalogue: Path, tmp_path: Path
) -> None:
    serial = check(catalogue, "--jobs", "1", "--format", "json", "courses")
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            AT_THE_WORST_MOMENT,
            "worker-forked",
            str(int(signal.SIGTERM)),
            str(tmp_path / "stopped-once"),
            "--format",
            "json",
            "courses",
        ],
        cwd=catalogue,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (tmp_path / "stopped-once").exists()  # a worker was stopped as it started
    assert "Traceback" not in run.stderr, run.stderr  # it stopped, not raised in fork's hooks
    assert run.returncode == serial.returncode
    assert json.loads(run.stdout)["findings"] == json.loads(serial.stdout)["findings"]
