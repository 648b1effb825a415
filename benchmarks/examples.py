"""Time ``mcvalidate check`` on the example courses (``examples/*.yaml`` and
``examples/mistakes/``): whole runs (process start included) and per file.

Usage: ``python benchmarks/examples.py [RUNS]``. A measurement script, not a test: the figures
depend on the machine. The README records what it printed on the project's 2-core machine.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# The course files: examples/pack/ holds an example rule pack, whose YAML files are not courses.
COURSES = [*map(str, sorted(EXAMPLES.glob("*.yaml"))), str(EXAMPLES / "mistakes")]


def whole_runs(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mcvalidate", "check", "--quiet", *COURSES],
            capture_output=True,
            check=False,
        )
        times.append(time.perf_counter() - start)
    return times


def in_process(runs: int) -> tuple[int, float]:
    from mcvalidate.discover import discover
    from mcvalidate.engine import Checker
    from mcvalidate.packs import Registry

    checker = Checker(Registry().select())
    files = list(discover(COURSES).files)
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for _result in checker.check_files(files):
            pass
        best = min(best, time.perf_counter() - start)
    return len(files), best


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    times = whole_runs(runs)
    count, best = in_process(runs)
    print(f"mcvalidate check on the example courses ({count} files), {runs} runs, start included:")
    print(f"  median {statistics.median(times) * 1000:.0f} ms, best {min(times) * 1000:.0f} ms")
    print(f"in-process check of the same files (rules loaded once), best of {runs}:")
    print(f"  {best * 1000:.1f} ms in all, {best / count * 1000:.2f} ms per file")


if __name__ == "__main__":
    main()
