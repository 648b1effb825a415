"""The course schema as a real editor uses it: yaml-language-server (the server behind VS Code's
YAML extension, Neovim's yamlls, Emacs and Helix), started over stdio and spoken to in LSP
JSON-RPC, as an editor does.

It checks what a designer gets while typing: no complaint on the good examples, a misspelt key
and a refused choice underlined at their line, the model's descriptions on hover, the fields
and choices (with their meanings) on completion; the schema found through the modeline and
through the README's VS Code settings.

The server is an npm package, installed once (pinned) into ``~/.cache/mcvalidate-tests``. The
tests are skipped only where Node.js or npm is missing; a failed install fails them.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mcvalidate.catalogue import course_schema
from mcvalidate.model.course import CREDIT_STATUSES, Course, Credit
from mcvalidate.scaffold import SCHEMA

pytestmark = pytest.mark.slow_client

ROOT = Path(__file__).resolve().parents[1]
VERSION = "1.25.0"  # the newest release that runs on Node.js 20 (2.0 needs Node.js 22)
CACHE = Path.home() / ".cache" / "mcvalidate-tests" / f"yaml-language-server-{VERSION}"
SERVER = CACHE / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
GOOD = sorted((ROOT / "examples").glob("*.yaml")) + sorted(
    (ROOT / "examples" / "real").glob("*.yaml")
)
# What the server is told beside the schemas: never fetch SchemaStore's catalog (no network).
SETTINGS: dict[str, Any] = {"validate": True, "hover": True, "completion": True}
OFFLINE: dict[str, Any] = {"schemaStore": {"enable": False}}
WAIT = 15.0


def _installed() -> Path:
    """The server's launcher, installed into the cache first if it is not there."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("Node.js and npm are needed to run yaml-language-server")
    if not SERVER.is_file():
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        # Installed beside the cache and renamed into place: a run stopped halfway leaves
        # no half-installed server for the next run to trust.
        staging = Path(tempfile.mkdtemp(prefix="install-", dir=CACHE.parent))
        done = subprocess.run(
            [
                npm,
                "install",
                "--prefix",
                str(staging),
                "--no-audit",
                "--no-fund",
                "--no-save",
                f"yaml-language-server@{VERSION}",
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, f"npm install failed:\n{done.stderr[-3000:]}"
        try:
            os.replace(staging, CACHE)
        except OSError:  # another run installed it meanwhile
            shutil.rmtree(staging, ignore_errors=True)
    return SERVER


class Client:
    """A minimal LSP client: requests and notifications framed with ``Content-Length``, the
    server's messages read on a thread, and the server's own requests answered."""

    def __init__(self, server: Path, root: Path, settings: dict[str, Any]) -> None:
        self.settings = settings
        self._process = subprocess.Popen(
            ["node", str(server), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._next = 0
        threading.Thread(target=self._read, daemon=True).start()
        capabilities = {
            "textDocument": {
                "hover": {"contentFormat": ["markdown", "plaintext"]},
                "completion": {
                    "completionItem": {
                        "documentationFormat": ["markdown", "plaintext"],
                        "snippetSupport": True,
                    }
                },
                "publishDiagnostics": {},
            },
            "workspace": {"configuration": True, "didChangeConfiguration": {}},
        }
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                "capabilities": capabilities,
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": settings}})

    def _read(self) -> None:
        stream = self._process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self._messages.put(None)
                    return
                if not line.strip():
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            assert length is not None, "a message without Content-Length"
            self._messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        stdin = self._process.stdin
        assert stdin is not None
        stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self._next += 1
        ident = self._next
        self._send({"id": ident, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == ident and "method" not in m)
        assert "error" not in reply, reply
        return reply.get("result")

    def wait(self, wanted: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        """The next message ``wanted`` accepts; the server's requests are answered meanwhile."""
        deadline = time.monotonic() + WAIT
        while True:
            remaining = deadline - time.monotonic()
            assert remaining > 0, "the server did not answer in time"
            try:
                message = self._messages.get(timeout=remaining)
            except queue.Empty:
                continue
            assert message is not None, "the server stopped"
            if "method" in message and "id" in message:
                self._answer(message)
            elif wanted(message):
                return message

    def _answer(self, request: dict[str, Any]) -> None:
        result: Any = None
        if request["method"] == "workspace/configuration":
            sections = {"yaml": self.settings}
            result = [sections.get(item.get("section")) for item in request["params"]["items"]]
        self._send({"id": request["id"], "result": result})

    def open(self, path: Path, text: str) -> list[dict[str, Any]]:
        """Open a document with ``text`` and return the diagnostics the server publishes."""
        uri = path.as_uri()
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
        )
        published = self.wait(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
            )
        )
        return list(published["params"]["diagnostics"])

    def hover(self, path: Path, line: int, character: int) -> str:
        result = self.request(
            "textDocument/hover",
            {
                "textDocument": {"uri": path.as_uri()},
                "position": {"line": line, "character": character},
            },
        )
        return str(result["contents"]["value"]) if result else ""

    def complete(self, path: Path, line: int, character: int) -> list[dict[str, Any]]:
        result = self.request(
            "textDocument/completion",
            {
                "textDocument": {"uri": path.as_uri()},
                "position": {"line": line, "character": character},
            },
        )
        return list(result["items"] if isinstance(result, dict) else result or [])

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self._process.wait(timeout=5)
        finally:
            if self._process.poll() is None:
                self._process.kill()
                self._process.wait()


@pytest.fixture(scope="module")
def server() -> Path:
    return _installed()


@pytest.fixture(scope="module")
def client(server: Path) -> Iterator[Client]:
    """One server for the modeline cases, its workspace the repository."""
    started = Client(server, ROOT, {**SETTINGS, **OFFLINE})
    yield started
    started.close()


def _modelines(path: Path) -> str:
    """The modelines ``init`` writes, with the path to the shipped schema made relative to
    ``path``'s folder, as a repository's files write it."""
    relative = os.path.relpath(SCHEMA, path.parent)
    return f"# yaml-language-server: $schema={relative}\n# $schema: {relative}\n"


def _position(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    """The 0-based line and character of the first ``needle`` in ``text``, plus ``offset``."""
    index = text.index(needle) + offset
    return text.count("\n", 0, index), index - (text.rfind("\n", 0, index) + 1)


def _documentation(item: dict[str, Any]) -> str:
    """A completion item's documentation: plain text, or Markdown content."""
    documentation = item.get("documentation", "")
    return str(documentation if isinstance(documentation, str) else documentation["value"])


def _description(model: Any, key: str) -> str:
    return str(model.model_fields[key].description)


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_a_good_example_gets_no_diagnostic(client: Client, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert client.open(path, text) == []
    # The schema was found through the modeline: hover says what the title is.
    assert _description(Course, "title") in client.hover(path, *_position(text, "\ntitle:", 1))


def test_a_misspelt_key_and_a_refused_choice_are_underlined_at_their_line(
    client: Client, tmp_path: Path
) -> None:
    path = tmp_path / "mass-timber.mc.yaml"
    text = _modelines(path) + (
        "title: Mass timber\n"
        "credit:\n"
        "  status: non-credit\n"
        "learning_outcome:\n"
        "  - Identify mass timber components\n"
        "x-internal-code: CONM-1150\n"
    )
    found = {(d["range"]["start"]["line"], d["message"]) for d in client.open(path, text)}
    status_line = _position(text, "non-credit")[0]
    key_line = _position(text, "learning_outcome:")[0]
    assert {line for line, _ in found} == {status_line, key_line}  # the x- key is the author's
    assert any(line == status_line and '"non_credit"' in message for line, message in found)
    assert any(line == key_line and "learning_outcome" in message for line, message in found)


def test_hover_shows_the_models_description_and_the_meaning_of_a_choice(
    client: Client, tmp_path: Path
) -> None:
    path = tmp_path / "c.mc.yaml"
    text = _modelines(path) + "title: Mass timber\ncredit:\n  status: credit\n"
    assert client.open(path, text) == []
    on_key = client.hover(path, *_position(text, "status:", 2))
    assert _description(Credit, "status") in on_key
    on_value = client.hover(path, *_position(text, "status: credit", 10))
    assert CREDIT_STATUSES.meanings["credit"] in on_value
    assert CREDIT_STATUSES.meanings["non_credit"] in on_value
    # On a section, the section's own description (the model's docstring), in one paragraph.
    section = client.hover(path, *_position(text, "credit:", 2))
    assert " ".join(str(Credit.__doc__).split()) in section


def test_completion_offers_the_fields_of_a_section_and_the_choices_with_their_meanings(
    client: Client, tmp_path: Path
) -> None:
    path = tmp_path / "fields.mc.yaml"
    text = _modelines(path) + "title: Mass timber\ncredit:\n  \n"
    client.open(path, text)
    offered = {item["label"]: item for item in client.complete(path, text.count("\n") - 1, 2)}
    assert {"status", "value", "system", "system_name"} <= set(offered)
    assert "hours" not in offered  # a field of workload:, not of credit:
    assert _description(Credit, "status") in _documentation(offered["status"])
    path = tmp_path / "choices.mc.yaml"
    text = _modelines(path) + "title: Mass timber\ncredit:\n  status: \n"
    client.open(path, text)
    choices = client.complete(path, *_position(text, "status: ", 8))
    meanings = {
        item["label"]: _documentation(item)
        for item in choices
        if item["label"] in CREDIT_STATUSES.meanings
    }
    assert meanings == CREDIT_STATUSES.meanings


def test_the_readme_vs_code_settings_associate_the_schema_without_a_modeline(
    server: Path, tmp_path: Path
) -> None:
    """The README's ``.vscode/settings.json``, sent as an editor sends its configuration, with
    the schema written where the README says (``mcvalidate schema > schemas/...``)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Editor support", 1)[1].split("\n## ", 1)[0]
    vscode = json.loads(re.findall(r"```json\n(.*?)```", section, re.S)[0])
    settings: dict[str, Any] = {key.removeprefix("yaml."): value for key, value in vscode.items()}
    (schema_path,) = settings["schemas"]
    target = tmp_path / schema_path
    target.parent.mkdir(parents=True)
    target.write_text(json.dumps(course_schema(), indent=2), encoding="utf-8")
    started = Client(server, tmp_path, {**SETTINGS, **settings, **OFFLINE})
    try:
        for name in ("mass-timber.mc.yaml", "courses/2027/mass-timber.yaml"):
            path = tmp_path / name
            text = "title: Mass timber\ncredit:\n  status: partial\n"
            diagnostics = started.open(path, text)
            assert [d["range"]["start"]["line"] for d in diagnostics] == [2], name
            assert _description(Credit, "status") in started.hover(path, 2, 3)
        # A file the settings do not map gets no schema at all.
        other = tmp_path / "mkdocs.yml"
        assert started.open(other, "title: Docs\ncredit: {status: partial}\n") == []
    finally:
        started.close()
