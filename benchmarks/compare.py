"""Measure mcvalidate against yamllint, check-jsonschema and LibYAML, as the speed goals are
stated: one file end to end, many files, memory as the corpus grows, the editor's re-check.

Usage::

    pip install yamllint check-jsonschema      # the tools compared against (not dependencies)
    python benchmarks/compare.py [--files 2000] [--large 20000] [--runs 5] [--no-valgrind]

It generates a corpus of valid course files (variations of ``examples/*.yaml``, about 5 KB and
140 lines each) in a temporary directory and runs every command as a separate process, start
included, with a warm cache (compiled model, codes, packs: see the README's Speed section) and
Python's bytecode cache allowed, as on a user's machine. It prints:

- **one file**: wall time (median and best) of ``mcvalidate check``, ``yamllint -d relaxed``,
  ``mcvalidate --help`` and ``--version``; with ``valgrind`` installed, their instruction
  counts (``cachegrind``, deterministic where wall times vary with the machine's load), else a
  note that they were skipped;
- **many files**: wall medians of ``mcvalidate check`` (parallel, and ``--jobs 1``), a Python
  loop of ``yaml.load(CSafeLoader)`` and one of LibYAML's ``compose`` alone over the same
  files, check-jsonschema (given mcvalidate's exported schema) and yamllint, and the ratios
  the goals name; the cost of one more file (from a run of the whole corpus minus a run of one
  file) for mcvalidate and for ``compose``, and with ``valgrind`` in instructions;
- **memory**: the peak of the whole run (the main process and its workers: the sum of their
  proportional set sizes, sampled) for ``--files`` and ``--large`` files;
- **the language server**: the re-check of an open file after an edit, end to end over stdio
  (``benchmarks/lsp.py``'s client), when ``mcvalidate[lsp]`` is installed.

A measurement script, not a test: compare ratios within one run, not times across machines.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOAD_LOOP = (
    "import sys, yaml\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, 'rb') as f:\n"
    "        yaml.load(f.read(), Loader=yaml.CSafeLoader)\n"
)
COMPOSE_LOOP = (
    "import sys, yaml\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, 'rb') as f:\n"
    "        yaml.compose(f.read(), Loader=yaml.CSafeLoader)\n"
)
# As on a user's machine: Python may cache compiled modules (this sandbox forbids it by
# default, which would make every run compile mcvalidate afresh). The cache directory is set
# per run of this script (see main).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONHASHSEED"] = "0"  # the same instruction counts run after run


def make_corpus(directory: Path, count: int) -> list[Path]:
    """``count`` valid course files, each a copy of an example with its own id and title."""
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    texts = [p.read_text(encoding="utf-8") for p in examples]
    files = []
    for index in range(count):
        source = examples[index % len(examples)]
        text = texts[index % len(texts)].replace(f"id: {source.stem}", f"id: course-{index:06}")
        path = directory / f"dept{index % 20:02}" / f"course-{index:06}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def walls(command: Sequence[str], runs: int) -> list[float]:
    """Wall times of ``runs`` runs, after one warm-up run (which fills the caches)."""
    subprocess.run(command, capture_output=True, env=ENV)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
        times.append(time.perf_counter() - start)
    return times


def instructions(command: Sequence[str]) -> int | None:
    """Instructions the command executes, children included (valgrind's cachegrind)."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    done = subprocess.run(
        [
            valgrind,
            "--tool=cachegrind",
            "--cache-sim=no",
            "--trace-children=yes",
            "--cachegrind-out-file=/dev/null",
            *command,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    counts = [int(m.replace(",", "")) for m in re.findall(r"I\s+refs:\s+([\d,]+)", done.stderr)]
    return sum(counts) if counts else None


def peak_memory(command: Sequence[str]) -> tuple[float, float]:
    """The peak, in MiB, of the sum of the proportional set sizes of the process and all its
    children (shared pages divided among those sharing them), sampled every 20 ms; and the
    wall time. Where /proc has no ``smaps_rollup`` (not Linux), the peak RSS of the process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV
    )
    peak = 0
    if Path(f"/proc/{process.pid}/smaps_rollup").exists():
        stop = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not stop.is_set():
                peak = max(peak, sum(_pss(pid) for pid in _tree(process.pid)))
                stop.wait(0.02)

        sampler = threading.Thread(target=sample)
        sampler.start()
        process.wait()
        stop.set()
        sampler.join()
    else:
        _, _, usage = os.wait4(process.pid, 0)
        peak = usage.ru_maxrss
    return peak / 1024, time.perf_counter() - start


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo += [int(child) for child in task.read_text().split()]
            except OSError:
                continue
    return found


def _pss(pid: int) -> int:
    """Proportional set size in KiB (0 for a process already gone)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    match = re.search(r"^Pss:\s+(\d+) kB", text, re.MULTILINE)
    return int(match.group(1)) if match else 0


def tool(name: str) -> str | None:
    """The tool next to this Python, else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def millions(count: int | None) -> str:
    return f"{count / 1e6:8.1f} M" if count is not None else "       -"


def one_file(mcvalidate: list[str], yamllint: str | None, one: str, runs: int) -> None:
    commands = {
        "mcvalidate check": [*mcvalidate, "check", "--isolated", one],
        "yamllint -d relaxed": [yamllint, "-d", "relaxed", one] if yamllint else None,
        "mcvalidate --help": [*mcvalidate, "--help"],
        "mcvalidate --version": [*mcvalidate, "--version"],
    }
    print(f"\nONE FILE ({Path(one).stat().st_size:,} bytes), end to end, {runs} runs")
    print(f"  {'':24} {'median':>10} {'best':>10} {'instructions':>12}")
    counts: dict[str, int | None] = {}
    times: dict[str, float] = {}
    for name, command in commands.items():
        if command is None:
            print(f"  {name:24} not installed (pip install yamllint)")
            continue
        measured = walls(command, runs)
        counts[name] = instructions(command)
        times[name] = statistics.median(measured)
        print(f"  {name:24} {ms(times[name])} {ms(min(measured))} {millions(counts[name]):>12}")
    if shutil.which("valgrind") is None:
        print("  (instruction counts skipped: valgrind is not installed)")
    ours, theirs = "mcvalidate check", "yamllint -d relaxed"
    if theirs in times:
        line = f"  mcvalidate / yamllint: {times[ours] / times[theirs]:.2f} x in wall time"
        if counts.get(ours) and counts.get(theirs):
            line += f", {counts[ours] / counts[theirs]:.2f} x in instructions"  # type: ignore[operator]
        print(line + " (goal: at most 1)")


def many_files(
    mcvalidate: list[str], files: list[Path], corpus: Path, schema: Path, runs: int
) -> None:
    names = [str(p) for p in files]
    check = [*mcvalidate, "check", "--isolated", "--quiet"]
    jsonschema, yamllint = tool("check-jsonschema"), tool("yamllint")
    commands: dict[str, list[str] | None] = {
        "mcvalidate": [*check, str(corpus)],
        "mcvalidate --jobs 1": [*check, "--jobs", "1", str(corpus)],
        "yaml.load loop": [sys.executable, "-c", LOAD_LOOP, *names],
        "compose loop": [sys.executable, "-c", COMPOSE_LOOP, *names],
        "check-jsonschema": (
            [jsonschema, "--schemafile", str(schema), *names] if jsonschema else None
        ),
        "yamllint": [yamllint, "-d", "relaxed", str(corpus)] if yamllint else None,
    }
    size = sum(p.stat().st_size for p in files)
    print(f"\nMANY FILES: {len(files):,} files, {size / 1e6:.1f} MB; median of {runs} runs")
    seconds: dict[str, float] = {}
    for name, command in commands.items():
        if command is None:
            print(f"  {name:22} not installed (pip install {name})")
            continue
        seconds[name] = statistics.median(walls(command, runs))
        print(f"  {name:22} {seconds[name]:8.2f} s {len(files) / seconds[name]:8.0f} files/s")
    ours = seconds["mcvalidate"]
    print("  ratios:")
    print(
        f"    mcvalidate / yaml.load loop: {ours / seconds['yaml.load loop']:.2f} x "
        f"(--jobs 1: {seconds['mcvalidate --jobs 1'] / seconds['yaml.load loop']:.2f} x; "
        "goal: at most 0.5)"
    )
    for other in ("check-jsonschema", "yamllint"):
        if other in seconds:
            print(f"    {other} / mcvalidate: {seconds[other] / ours:.1f} x (goal: at least 30)")

    # One more file: a run of the whole corpus minus a run of its first file, in one process.
    first = names[0]
    alone = {
        "mcvalidate --jobs 1": [*check, "--jobs", "1", first],
        "compose loop": [sys.executable, "-c", COMPOSE_LOOP, first],
    }
    per_file = {
        name: (seconds[name] - statistics.median(walls(command, runs))) / (len(files) - 1)
        for name, command in alone.items()
    }
    ratio = per_file["mcvalidate --jobs 1"] / per_file["compose loop"]
    print(
        f"  one more file: mcvalidate {per_file['mcvalidate --jobs 1'] * 1e6:.0f} us, "
        f"compose {per_file['compose loop'] * 1e6:.0f} us: {ratio:.2f} x (goal: at most 1.8)"
    )
    if shutil.which("valgrind"):
        sample = names[:50]
        costs = {}
        for name, loop in (("mcvalidate", None), ("compose", COMPOSE_LOOP)):
            if loop is None:
                few, lone = [*check, "--jobs", "1", *sample], [*check, "--jobs", "1", first]
            else:
                few = [sys.executable, "-c", loop, *sample]
                lone = [sys.executable, "-c", loop, first]
            a, b = instructions(few), instructions(lone)
            costs[name] = (a - b) / (len(sample) - 1) if a and b else None
        if costs["mcvalidate"] and costs["compose"]:
            print(
                f"  one more file, instructions: mcvalidate {costs['mcvalidate'] / 1e6:.2f} M, "
                f"compose {costs['compose'] / 1e6:.2f} M: "
                f"{costs['mcvalidate'] / costs['compose']:.2f} x"
            )


def memory(mcvalidate: list[str], sizes: Sequence[int], tmp: Path) -> None:
    print("\nMEMORY: peak of the whole run (main process and workers, PSS), as the corpus grows")
    peaks = []
    for count in sizes:
        corpus = tmp / f"memory-{count}"
        make_corpus(corpus, count)
        for jobs in ("auto", "1"):
            command = [*mcvalidate, "check", "--isolated", "--quiet", "--format", "sarif"]
            if jobs != "auto":
                command += ["--jobs", jobs]
            peak, wall = peak_memory([*command, str(corpus)])
            peaks.append((jobs, count, peak))
            print(
                f"  {count:7,} files, --jobs {jobs:4}: {peak:6.0f} MiB  ({wall:.1f} s, SARIF "
                "written to standard output)"
            )
        shutil.rmtree(corpus)
    for jobs in ("auto", "1"):
        small, large = (p for j, _, p in peaks if j == jobs)
        print(f"  growth, --jobs {jobs}: {large / small:.2f} x (goal: at most 1.10)")


def language_server() -> None:
    print("\nLANGUAGE SERVER: re-check of an open file after an edit, end to end over stdio")
    try:
        import pygls  # noqa: F401
    except ImportError:
        print("  skipped: pip install 'mcvalidate[lsp]'")
        return
    sys.path.insert(0, str(Path(__file__).parent))
    from lsp import end_to_end  # benchmarks/lsp.py

    path = ROOT / "examples" / "mass-timber-construction.yaml"
    times, _ = end_to_end(path, 200)
    ordered = sorted(times)
    print(
        f"  {path.name}, 200 edits: median {statistics.median(times) * 1000:.2f} ms, "
        f"p90 {ordered[int(len(ordered) * 0.9)] * 1000:.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--large", type=int, default=20000, help="the memory test's large corpus")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-valgrind", action="store_true", help="skip instruction counts")
    args = parser.parse_args()
    if args.no_valgrind:
        os.environ["PATH"] = os.pathsep.join(
            p for p in os.environ["PATH"].split(os.pathsep) if not (Path(p) / "valgrind").exists()
        )
    installed = tool("mcvalidate")
    mcvalidate = [installed] if installed else [sys.executable, "-m", "mcvalidate"]
    print(
        f"mcvalidate benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"{time.strftime('%Y-%m-%d')}"
    )
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        ENV["MCVALIDATE_CACHE_DIR"] = str(tmp / "cache")
        corpus = tmp / "corpus"
        files = make_corpus(corpus, args.files)
        schema = tmp / "course-1.schema.json"
        schema.write_text(
            subprocess.run([*mcvalidate, "schema"], capture_output=True, text=True).stdout
        )
        one_file(mcvalidate, tool("yamllint"), str(files[0]), max(args.runs, 10))
        many_files(mcvalidate, files, corpus, schema, args.runs)
        shutil.rmtree(corpus)
        memory(mcvalidate, (args.files, args.large), tmp)
        language_server()


if __name__ == "__main__":
    main()
