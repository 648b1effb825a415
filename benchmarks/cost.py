"""How the cost of hostile inputs grows: each is checked at three sizes (n, 2n, 4n), in one
process, and the ratios between sizes are printed (2.0 is linear, 4.0 quadratic).

Usage: ``python benchmarks/cost.py``. A measurement script, not a test (``tests/test_cost.py``
asserts the same inputs stay under a ratio of 3); the closing notes quote what it printed.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from mcvalidate.discover import glob_match
from mcvalidate.testing import check_text

INPUTS: dict[str, tuple[Callable[[int], str], int]] = {
    "spaces in an ignore comment": (
        lambda n: "title: x  # mcvalidate: ignore[BCF001] a" + " " * n + "b\n",
        40_000,
    ),
    "unknown keys": (lambda n: "title: x\n" + "".join(f"k{i}: 1\n" for i in range(n)), 5_000),
    "a long unknown key": (lambda n: "title: x\n" + "k" * n + ": 1\n", 500_000),
    "unknown references": (
        lambda n: (
            "title: x\nlearning_outcomes:\n"
            + "".join(f"  - {{id: LO{i}, statement: Explain {i}}}\n" for i in range(n))
            + "assessments:\n  - {id: A1, outcomes: ["
            + ",".join(f"X{i}" for i in range(n))
            + "]}\n"
        ),
        2_000,
    ),
    "ignore comments": (
        lambda n: (
            "title: x\n" + "".join(f"k{i}: 1  # mcvalidate: ignore[MC010] mine\n" for i in range(n))
        ),
        2_000,
    ),
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
    for name, make in rows.items():
        n = sizes[name]
        t1, t2, t4 = (best(make(n * k)) for k in (1, 2, 4))
        print(
            f"{name:32} {n:>9,} {t1:>8.3f}s {t2:>8.3f}s {t4:>8.3f}s {t2 / t1:>6.2f} {t4 / t2:>6.2f}"
        )


if __name__ == "__main__":
    main()
