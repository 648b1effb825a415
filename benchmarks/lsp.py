"""Time the language server's re-check of one open file after an edit, findings published.

Usage: ``python benchmarks/lsp.py [EDITS] [FILE...]`` (default: 200 edits of each example
course: ``examples/``, ``examples/real/`` and ``examples/mistakes/``; needs
``mcvalidate[lsp]``). A measurement script, not a test: the figures depend on the machine. It
prints a line per file and the median over all edits of all files.

Two figures:

* **end to end**: ``mcvalidate lsp`` runs as a subprocess, spoken to over stdio as an editor
  does (a small JSON-RPC client here, so that no client library's own cost is measured); the
  time from writing a ``didChange`` to reading the ``publishDiagnostics`` of that version.
* **in process**: the check of the text and its conversion to diagnostics, without the pipe,
  in wall time and in CPU time (which a busy or throttled machine does not inflate).

Each edit types a word into the title or deletes it again, sent as an editor sends it (the
change alone), so every check is of new text.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent
SERVER = [sys.executable, "-m", "mcvalidate", "lsp"]
EXAMPLES = ROOT / "examples"
DEFAULT = sorted(
    [*EXAMPLES.glob("*.yaml"), *EXAMPLES.glob("real/*.yaml"), *EXAMPLES.glob("mistakes/*.yaml")]
)


class Client:
    """Just enough of an LSP client: framed JSON-RPC over the server's stdin and stdout."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            SERVER,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.out: IO[bytes] = self.process.stdin
        self.inp: IO[bytes] = self.process.stdout
        self.ids = 0

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.out.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.out.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.ids += 1
        self.send({"id": self.ids, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.ids and "method" not in message:
                return message.get("result")

    def receive(self) -> dict[str, Any]:
        """The next message; a request from the server (to register file watchers) is
        answered as an editor would."""
        length = 0
        while (line := self.inp.readline().strip()) != b"":
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        message: dict[str, Any] = json.loads(self.inp.read(length))
        if "method" in message and "id" in message:
            self.send({"id": message["id"], "result": None})
        return message

    def diagnostics(self, version: int) -> list[Any]:
        while True:
            message = self.receive()
            if message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                if params.get("version") == version:
                    return list(params["diagnostics"])

    def close(self) -> None:
        self.request("shutdown", {})
        self.notify("exit", {})
        self.process.wait(timeout=10)


def end_to_end(path: Path, edits: int) -> tuple[list[float], int]:
    client = Client()
    client.request(
        "initialize",
        {"processId": None, "rootUri": ROOT.as_uri(), "capabilities": {}},
    )
    client.notify("initialized", {})
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8")
    item = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
    client.notify("textDocument/didOpen", {"textDocument": item})
    count = len(client.diagnostics(1))
    # As an editor sends a keystroke: the change alone (the server syncs incrementally),
    # a word typed in after 'title: ' and then deleted again.
    line = next(n for n, row in enumerate(text.splitlines()) if row.startswith("title: "))
    word = "Draft "
    times = []
    for version in range(2, edits + 2):
        typed = version % 2 == 0
        end = 7 if typed else 7 + len(word)
        change = {
            "range": {
                "start": {"line": line, "character": 7},
                "end": {"line": line, "character": end},
            },
            "text": word if typed else "",
        }
        start = time.perf_counter()
        client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
        )
        client.diagnostics(version)
        times.append(time.perf_counter() - start)
    client.close()
    return times, count


def in_process(path: Path, edits: int) -> tuple[list[float], list[float]]:
    """Wall and CPU times of each check, with the server's garbage collection policy."""
    from mcvalidate.live import Workspace
    from mcvalidate.lsp import IdleCollector, diagnostics

    workspace = Workspace(ROOT)
    text = path.read_text(encoding="utf-8")
    list(diagnostics(workspace.check(path, text), "utf-16"))  # the checker is built once
    collector = IdleCollector()
    collector.start()
    walls, cpus = [], []
    for version in range(edits):
        edited = text.replace("title: ", f"title: {'Draft ' * (version % 2)}", 1)
        start, cpu = time.perf_counter(), time.process_time()
        list(diagnostics(workspace.check(path, edited), "utf-16"))
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
        if version % IdleCollector.BURST == IdleCollector.BURST - 1:
            collector.collect()  # as the server does after a burst (not timed: no check waits)
    return walls, cpus


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[int(len(ordered) * 0.9)]
    return (
        f"median {statistics.median(times) * 1000:.2f} ms, p90 {p90 * 1000:.2f} ms, "
        f"max {ordered[-1] * 1000:.2f} ms"
    )


def main() -> None:
    edits = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    paths = [Path(p).resolve() for p in sys.argv[2:]] or DEFAULT
    every_e2e: list[float] = []
    every_cpu: list[float] = []
    print(f"{edits} edits of each file; median / p90 in ms")
    print(f"{'file':48} {'bytes':>6} {'found':>5}  {'end to end':>13}  {'in process CPU':>14}")
    for path in paths:
        times, count = end_to_end(path, edits)
        _walls, cpus = in_process(path, edits)
        every_e2e += times
        every_cpu += cpus
        name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
        print(f"{name:48} {path.stat().st_size:6} {count:5}  {short(times):>13}  {short(cpus):>14}")
    print(
        f"all files, end to end (didChange -> publishDiagnostics over stdio): {summary(every_e2e)}"
    )
    print(
        f"all files, in process (check + diagnostics), CPU:                  {summary(every_cpu)}"
    )


def short(times: list[float]) -> str:
    ordered = sorted(times)
    return f"{statistics.median(times) * 1000:.2f} / {ordered[int(len(ordered) * 0.9)] * 1000:.2f}"


if __name__ == "__main__":
    main()
