"""``mcvalidate lsp`` over its standard input and output, as a process: the protocol's start
and end, whatever standard input is."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow_client

VALID = "format: 1\nid: plain\ntitle: Heat pump servicing\nstatus: active\n"


def framed(*messages: dict[str, object]) -> bytes:
    out = b""
    for message in messages:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        out += b"Content-Length: %d\r\n\r\n" % len(body) + body
    return out


@pytest.mark.parametrize("through", ["pipe", "file"])
def test_the_server_answers_and_exits_when_told_whatever_its_input_is(
    tmp_path: Path, through: str
) -> None:
    # A pipe is read by the event loop itself; a file (which no event loop can watch) by
    # pygls's reader. Both answer and exit with the protocol's exit code; a check still
    # pending when the editor shuts the server down is dropped, not written to a closed pipe.
    uri = (tmp_path / "c.yaml").as_uri()
    script = framed(
        {"id": 1, "method": "initialize", "params": {"processId": None, "capabilities": {}}},
        {"method": "initialized", "params": {}},
        {
            "method": "textDocument/didOpen",
            "params": {
                "textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": VALID}
            },
        },
        {"id": 2, "method": "shutdown"},
        {"method": "exit"},
    )
    command = [sys.executable, "-m", "mcvalidate", "lsp"]
    if through == "pipe":
        done = subprocess.run(command, input=script, capture_output=True, timeout=60)
    else:
        (tmp_path / "in").write_bytes(script)
        with (tmp_path / "in").open("rb") as stdin:
            done = subprocess.run(command, stdin=stdin, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert b'"id": 1' in done.stdout and b'"capabilities"' in done.stdout
    assert b'"id": 2' in done.stdout
    assert b"Error" not in done.stderr and b"Traceback" not in done.stderr, done.stderr
