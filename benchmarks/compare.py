"""Compare mcvalidate's speed with check-jsonschema, yamllint and LibYAML's bare parse.

Usage::

    pip install yamllint check-jsonschema      # the tools compared against (not dependencies)
    python benchmarks/compare.py [--files 2000] [--runs 3]

It generates a corpus of valid course files (variations of ``examples/*.yaml``) in a temporary
directory, then times, as separate processes and process start included:

- ``mcvalidate check`` on the corpus (parallel by default, and with ``--jobs 1``);
- ``check-jsonschema`` with mcvalidate's own exported course schema;
- ``yamllint -d relaxed``;
- LibYAML's bare parse: a Python process that reads every file and loads it with
  ``yaml.CSafeLoader``, nothing else.

It prints files per second, the ratios the project's goals are stated in, one file checked end
to end by mcvalidate and by yamllint, and mcvalidate's peak memory for a small and a large
corpus (it should not grow with the number of files). A measurement script, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE_PARSE = (
    "import sys, yaml\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, 'rb') as f:\n"
    "        yaml.load(f.read(), Loader=yaml.CSafeLoader)\n"
)


def make_corpus(directory: Path, count: int) -> list[Path]:
    """``count`` valid course files, each a copy of an example with its own id and title."""
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    texts = [p.read_text(encoding="utf-8") for p in examples]
    files = []
    for index in range(count):
        source = examples[index % len(examples)]
        text = texts[index % len(texts)].replace(f"id: {source.stem}", f"id: course-{index:05}")
        path = directory / f"dept{index % 20:02}" / f"course-{index:05}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


# As on a user's machine: Python may cache compiled modules (this sandbox forbids it by
# default, which would make every run compile mcvalidate afresh).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: Sequence[str], runs: int) -> tuple[float, int, int]:
    """Best wall time over ``runs`` (after one warm-up run), the exit code, and the peak RSS
    in KiB."""
    subprocess.run(command, capture_output=True, env=ENV)
    best, code, peak = float("inf"), 0, 0
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        best, code = min(best, elapsed), os.waitstatus_to_exitcode(status)
        peak = max(peak, usage.ru_maxrss)
    return best, code, peak


def tool(name: str) -> str | None:
    """The tool next to this Python, else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    mcvalidate = [sys.executable, "-m", "mcvalidate", "check", "--isolated", "--quiet"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        files = make_corpus(corpus, args.files)
        names = [str(p) for p in files]
        schema = Path(tmp) / "course-1.schema.json"
        schema.write_text(
            subprocess.run(
                [sys.executable, "-m", "mcvalidate", "schema"], capture_output=True, text=True
            ).stdout
        )
        candidates: dict[str, list[str] | None] = {
            "mcvalidate": [*mcvalidate, str(corpus)],
            "mcvalidate --jobs 1": [*mcvalidate, "--jobs", "1", str(corpus)],
            "LibYAML bare parse": [sys.executable, "-c", BARE_PARSE, *names],
            "check-jsonschema": (
                [tool("check-jsonschema"), "--schemafile", str(schema), *names]  # type: ignore[list-item]
                if tool("check-jsonschema")
                else None
            ),
            "yamllint": (
                [tool("yamllint"), "-d", "relaxed", str(corpus)]  # type: ignore[list-item]
                if tool("yamllint")
                else None
            ),
        }
        print(
            f"{args.files} course files, {sum(p.stat().st_size for p in files):,} bytes; "
            f"best of {args.runs}; {os.cpu_count()} cores; Python {sys.version.split()[0]}"
        )
        seconds: dict[str, float] = {}
        for name, command in candidates.items():
            if command is None:
                print(f"  {name:22s} not installed (pip install {name})")
                continue
            best, code, peak = timed(command, args.runs)
            seconds[name] = best
            print(
                f"  {name:22s} {best:7.2f} s  {args.files / best:8.0f} files/s  "
                f"exit {code}  peak {peak / 1024:5.0f} MiB"
            )
        ours = seconds["mcvalidate"]
        print("ratios (higher is faster for mcvalidate):")
        for other in ("check-jsonschema", "yamllint"):
            if other in seconds:
                print(f"  {other:22s} {seconds[other] / ours:6.1f} x slower than mcvalidate")
        bare = seconds["LibYAML bare parse"]
        print(
            f"  mcvalidate takes {ours / bare:.2f} x LibYAML's bare parse "
            f"({seconds['mcvalidate --jobs 1'] / bare:.2f} x with --jobs 1)"
        )

        one = str(files[0])
        single = {"mcvalidate": [*mcvalidate, one]}
        if tool("yamllint"):
            single["yamllint"] = [tool("yamllint"), "-d", "relaxed", one]  # type: ignore[list-item]
        print("one file, end to end (process start included), best of 10:")
        for name, command in single.items():
            ms = [timed(command, 1)[0] for _ in range(10)]
            median = statistics.median(ms) * 1000
            print(f"  {name:22s} {min(ms) * 1000:6.0f} ms  (median {median:.0f})")

        print("mcvalidate peak memory as the corpus grows (--jobs 1):")
        for count in (100, args.files):
            part = Path(tmp) / f"part{count}"
            part.mkdir()
            for path in files[:count]:
                shutil.copy(path, part / path.name)
            _, _, peak = timed([*mcvalidate, "--jobs", "1", str(part)], 1)
            print(f"  {count:6d} files: {peak / 1024:5.0f} MiB")
        print(json.dumps({k: round(v, 3) for k, v in seconds.items()}))


if __name__ == "__main__":
    main()
