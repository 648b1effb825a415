"""Time and memory of refusing a file far beyond the value limit (MC007), end to end.

Writes a 10 MB course file of about 510,000 values (170,000 learning outcomes in flow
mappings) to a temporary directory and runs ``mcvalidate check --isolated`` on it under
``/usr/bin/time`` (wall seconds and peak memory), ``--runs`` times; prints the best run.
Usage: ``python benchmarks/value_limit.py [--runs 3]``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def write(path: Path, size: int = 10_000_000) -> None:
    lines = ["format: 1", "title: Big", "learning_outcomes:"]
    total, n = 0, 0
    while total < size:
        line = f"  - {{id: LO{n}, statement: Explain thing {n} clearly}}"
        lines.append(line)
        total += len(line) + 1
        n += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    timer = shutil.which("time") or "/usr/bin/time"
    mcvalidate = shutil.which("mcvalidate") or str(Path(sys.executable).with_name("mcvalidate"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.yaml"
        write(path)
        best: tuple[float, int] | None = None
        for _ in range(runs):
            done = subprocess.run(
                [timer, "-f", "%e %M", mcvalidate, "check", "--isolated", "-q", str(path)],
                capture_output=True,
                text=True,
                check=False,
            )
            seconds, kilobytes = re.findall(r"^([\d.]+) (\d+)$", done.stderr, re.M)[-1]
            run = (float(seconds), int(kilobytes))
            best = run if best is None or run < best else best
        assert best is not None
        size = path.stat().st_size / 1e6
        seconds, peak = best[0], best[1] / 1024
        print(f"{size:.1f} MB file: {seconds:.2f} s, {peak:.0f} MiB peak (best of {runs})")


if __name__ == "__main__":
    main()
