"""How the cost of hostile inputs grows: each is checked at three sizes (n, 2n, 4n), in one
process, and the ratios between sizes are printed (2.0 is linear, 4.0 quadratic); then the
peak memory of whole runs over 1,000, 4,000 and 16,000 files.

Usage: ``python benchmarks/cost.py``. A measurement script, not a test: it takes the inputs of
``tests/test_cost.py`` (which asserts they stay under a ratio of 3) at twice the test's sizes;
the closing notes quote what it printed.
"""

from __future__ import annotations

import importlib.util
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mcvalidate.globs import glob_match
from mcvalidate.testing import check_text


def _suite() -> Any:
    """The cost suite's own inputs (``tests/test_cost.py``): the benchmark measures what the
    tests assert, with larger sizes and a third one."""
    path = Path(__file__).resolve().parent.parent / "tests" / "test_cost.py"
    spec = importlib.util.spec_from_file_location("cost_suite", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


INPUTS: dict[str, tuple[Callable[[int], str], int]] = {
    name: (text_of, size * 2) for name, (text_of, size) in _suite().INPUTS.items()
}


def _checking(text_of: Callable[[int], str]) -> Callable[[int], Callable[[], object]]:
    def make(size: int) -> Callable[[], object]:
        text = text_of(size)
        return lambda: check_text(text)

    return make


def best(work: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    print(f"{'input':32} {'n':>9} {'time n':>9} {'2n':>9} {'4n':>9} {'2n/n':>6} {'4n/2n':>6}")
    rows = {name: _checking(text_of) for name, (text_of, _) in INPUTS.items()}
    sizes = {name: size for name, (_, size) in INPUTS.items()}
    rows["exclude glob, 12 x '**/'"] = lambda size: (
        lambda: glob_match("**/" * 12 + "x", "a/" * size)
    )
    sizes["exclude glob, 12 x '**/'"] = 400
    rows["exclude glob, 6 x '*', long name"] = lambda size: (
        lambda: glob_match("*a*a*a*a*a*b", "courses/" + "a" * size)
    )
    sizes["exclude glob, 6 x '*', long name"] = 4_000
    for name, make in rows.items():
        n = sizes[name]
        t1, t2, t4 = (best(make(n * k)) for k in (1, 2, 4))
        print(
            f"{name:32} {n:>9,} {t1:>8.3f}s {t2:>8.3f}s {t4:>8.3f}s {t2 / t1:>6.2f} {t4 / t2:>6.2f}"
        )
    print()
    print("peak memory of a run writing every format, by number of files (example courses):")
    suite = _suite()
    for size in (1_000, 4_000, 16_000):
        with tempfile.TemporaryDirectory() as scratch:
            courses = Path(scratch) / "courses"
            suite.make_catalogue(courses, size)
            print(f"{size:>9,} files {suite.peak_memory(courses, Path(scratch)):>8.1f} MiB")


if __name__ == "__main__":
    main()
