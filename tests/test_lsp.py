"""``mcvalidate lsp`` driven by a real LSP client over stdio (pytest-lsp starts the server as
an editor does, with VS Code's client capabilities): open, edit, save, diagnostics, hover,
code actions, and the configuration and local packs of the workspace, reloaded as they change.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

pytestmark = [pytest.mark.slow_client, pytest.mark.asyncio(loop_scope="module")]

ROOT = Path(__file__).resolve().parents[1]
TRAPS = ROOT / "examples" / "mistakes" / "key-typos-and-yaml-traps.yaml"
# The 0-based lines of the example's mistakes, as an editor numbers them.
TRAP_LINES = TRAPS.read_text(encoding="utf-8").splitlines()
TITLE, STATUS, TYPO = (
    TRAP_LINES.index(line) for line in ("title: No", "status: publish", "learning_outcome:")
)

QUEUES: dict[str, asyncio.Queue[list[types.Diagnostic]]] = {}

VALID = """\
format: 1
id: plain
title: Heat pump servicing
status: active
"""


def keep_publications(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
    """Every publication is kept, in order, per file: waiting for "the next notification"
    would miss one that arrives while the test is not waiting (two files published at once)."""
    client.diagnostics[params.uri] = params.diagnostics
    QUEUES.setdefault(params.uri, asyncio.Queue()).put_nowait(list(params.diagnostics))


def make_client() -> LanguageClient:
    client = LanguageClient(converter_factory=default_converter)
    features = {**DEFAULT_CLIENT_FEATURES}
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = keep_publications
    register_lsp_features(client, features)
    return client


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "mcvalidate", "lsp"],
        client_factory=make_client,
        server_env={**os.environ, "PYDANTIC_DISABLE_PLUGINS": "__all__"},
    ),
)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    registered: list[types.Registration] = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def _register(params: types.RegistrationParams) -> None:
        registered.extend(params.registrations)  # as VS Code does: it watches the files

    params = types.InitializeParams(capabilities=client_capabilities("visual-studio-code"))
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


async def opened(client: LanguageClient, path: Path, text: str | None = None) -> str:
    """Open ``path`` (with ``text``, default: its content) and wait for its diagnostics."""
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri, "yaml", 1, path.read_text() if text is None else text)
        )
    )
    await published(client, uri)
    return uri


async def published(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """The next diagnostics published for ``uri`` (in 20 s, or the test fails)."""
    queue = QUEUES.setdefault(uri, asyncio.Queue())
    return await asyncio.wait_for(queue.get(), timeout=20)


async def changed(client: LanguageClient, uri: str, version: int, text: str) -> list[str]:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version, uri),
            [types.TextDocumentContentChangeWholeDocument(text)],
        )
    )
    return [str(d.code) for d in await published(client, uri)]


async def closed(client: LanguageClient, uri: str) -> None:
    """Close ``uri``; its diagnostics are cleared."""
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    assert await published(client, uri) == []


def codes(client: LanguageClient, uri: str) -> list[str]:
    return [str(d.code) for d in client.diagnostics[uri]]


async def test_the_findings_of_check_are_published_with_their_ranges(
    client: LanguageClient,
) -> None:
    uri = await opened(client, TRAPS)
    diagnostics = client.diagnostics[uri]
    by_code = {(str(d.code), d.range.start.line) for d in diagnostics}
    # The same findings as 'mcvalidate check' (the README's sample), lines 0-based.
    assert {("MC011", TITLE), ("MC012", STATUS), ("MC010", TYPO)} <= by_code
    status = next(d for d in diagnostics if d.code == "MC012")
    assert status.range == types.Range(types.Position(STATUS, 8), types.Position(STATUS, 15))
    assert status.severity == types.DiagnosticSeverity.Error
    assert status.source == "mcvalidate"
    assert "Why: mcvalidate course format" in status.message
    bc = next(d for d in diagnostics if d.code == "BCF020")
    assert bc.severity == types.DiagnosticSeverity.Information
    assert bc.code_description is not None
    assert bc.code_description.href.startswith("https://")
    await closed(client, uri)


async def test_an_edit_is_checked_in_its_new_version(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "heat-pumps.yaml"
    path.write_text(VALID)
    uri = await opened(client, path)
    assert "MC012" not in codes(client, uri)
    assert "MC012" in await changed(client, uri, 2, VALID.replace("active", "publish"))
    assert "MC012" not in await changed(client, uri, 3, VALID)
    await closed(client, uri)


async def test_columns_are_counted_as_the_editor_counts_them(
    client: LanguageClient, tmp_path: Path
) -> None:
    # The emoji is two UTF-16 code units, and the U+2028 in the quoted summary is no line
    # break to an editor (it is to YAML): the ranges are on the editor's lines and columns.
    text = (
        VALID.replace("title: Heat", "title: 🔥 Heat")
        .replace("status: active", 'summary: "One\u2028two"\nstatus: publish')
        .replace("title: 🔥 Heat pump servicing", "title: 🔥 Heat pump servicing\u00a0")
    )
    path = tmp_path / "emoji.yaml"
    uri = await opened(client, path, text)
    found = {str(d.code): d.range for d in client.diagnostics[uri]}
    assert found["MC012"] == types.Range(types.Position(4, 8), types.Position(4, 15)), found
    # 'title: ' is 7, the emoji 2 and ' Heat pump servicing' 20 code units: the space is at 29.
    assert found["MC051"] == types.Range(types.Position(2, 29), types.Position(2, 30)), found
    await closed(client, uri)


async def test_hover_on_a_finding_explains_its_rule(client: LanguageClient) -> None:
    uri = await opened(client, TRAPS)
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(STATUS, 10))
    )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    assert "MC012 invalid-value" in hover.contents.value
    assert "Source:" in hover.contents.value
    nothing = await client.text_document_hover_async(
        types.HoverParams(
            types.TextDocumentIdentifier(uri), types.Position(TRAP_LINES.index("format: 1"), 0)
        )
    )
    assert nothing is None
    await closed(client, uri)


async def test_a_file_that_is_no_course_gets_no_diagnostics(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "ci.yaml"
    uri = await opened(client, path, "jobs:\n  build:\n    runs-on: ubuntu-latest\n")
    assert list(client.diagnostics[uri]) == []
    # A file named with the course convention is checked whatever it holds.
    named = tmp_path / "draft.mc.yaml"
    named_uri = await opened(client, named, "jobs: 1\n")
    assert "MC010" in codes(client, named_uri)
    await closed(client, uri)
    await closed(client, named_uri)


async def test_the_configuration_is_honoured_and_reloaded(
    client: LanguageClient, tmp_path: Path
) -> None:
    (tmp_path / ".git").mkdir()  # the configuration is looked for up to the repository root
    config = tmp_path / ".mcvalidate.yaml"
    config.write_text("ignore: [MC012]\n")
    path = tmp_path / "courses" / "heat.yaml"
    path.parent.mkdir()
    uri = await opened(client, path, VALID.replace("active", "publish"))
    assert "MC012" not in codes(client, uri)
    # The configuration changes; the editor says so: every open file is checked again.
    config.write_text("ignore: []\n")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(config.as_uri(), types.FileChangeType.Changed)]
        )
    )
    assert "MC012" in [str(d.code) for d in await published(client, uri)]
    # Without a word from the editor, the next check still sees the file as it is now.
    config.write_text("ignore: [MC012]  # again\n")
    assert "MC012" not in await changed(client, uri, 2, VALID.replace("active", "publish"))
    # A broken configuration is one diagnostic saying why, not a silent server.
    config.write_text("ignore: [NOPE999]\n")
    diagnostics = await changed(client, uri, 3, VALID)
    assert diagnostics == ["None"]
    assert "cannot check this file" in client.diagnostics[uri][0].message
    assert "NOPE999" in client.diagnostics[uri][0].message
    await closed(client, uri)


PACK = """\
from mcvalidate.rules import Pack, Source, rule

S = Source("House style", "rule 1", "https://house.example.ca/style", "inferred")


@rule(id="HSE001", name="house-title", severity="warning", source=S)
def house_title(course, ctx):
    '''The title is the house's.'''
    ctx.report("/title", "{word}")


PACK = Pack("house", "House", "House style", "1", "https://house.example.ca", (house_title,))
"""


async def test_a_local_pack_is_reloaded_when_its_file_changes(
    client: LanguageClient, tmp_path: Path
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".mcvalidate.yaml").write_text("rule_paths: [house.py]\n")
    pack = tmp_path / "house.py"
    pack.write_text(PACK.format(word="first"))
    path = tmp_path / "heat.yaml"
    uri = await opened(client, path, VALID)
    house = [d for d in client.diagnostics[uri] if d.code == "HSE001"]
    assert [d.message.splitlines()[0] for d in house] == ["first"]
    pack.write_text(PACK.format(word="second, a longer message"))
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(pack.as_uri()))
    )
    house = [d for d in await published(client, uri) if d.code == "HSE001"]
    assert [d.message.splitlines()[0] for d in house] == ["second, a longer message"]
    await closed(client, uri)


FIXABLE = "format: 1\nid: plain\ntitle: 🔥 Heat pump servicing\u00a0\nstatus: Active\n"


def applied(text: str, edits: list[types.TextEdit]) -> str:
    """``text`` with ``edits`` (UTF-16 positions, all made on ``text``) applied, as an editor
    applies a workspace edit."""
    lines = text.splitlines(keepends=True)

    def offset(position: types.Position) -> int:
        line = lines[position.line]
        units, index = 0, 0
        while units < position.character:
            units += 2 if ord(line[index]) > 0xFFFF else 1
            index += 1
        return sum(len(earlier) for earlier in lines[: position.line]) + index

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


async def test_code_actions_apply_the_findings_autofixes(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "fixable.yaml"
    uri = await opened(client, path, FIXABLE)
    space = next(d for d in client.diagnostics[uri] if d.code == "MC051")
    # After 'title: ', the emoji (two UTF-16 units) and ' Heat pump servicing'.
    assert space.range == types.Range(types.Position(2, 29), types.Position(2, 30))
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            space.range,
            types.CodeActionContext(diagnostics=[space]),
        )
    )
    assert actions is not None
    quick = [a for a in actions if isinstance(a, types.CodeAction) and a.kind == "quickfix"]
    assert [a.title for a in quick] == ["Delete the non-breaking space (U+00A0) (MC051)"]
    assert quick[0].is_preferred
    assert quick[0].edit is not None and quick[0].edit.changes is not None
    [edit] = quick[0].edit.changes[uri]
    assert (edit.range, edit.new_text) == (space.range, "")
    # Fix all: every safe fix of the file, in one edit the editor applies; then nothing is
    # left to fix.
    everything = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            types.Range(types.Position(0, 0), types.Position(0, 0)),
            types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll]),
        )
    )
    assert everything is not None
    [fix_all] = [a for a in everything if isinstance(a, types.CodeAction)]
    assert fix_all.kind == "source.fixAll.mcvalidate"
    assert fix_all.title == "mcvalidate: apply 2 safe fixes"
    assert fix_all.edit is not None and fix_all.edit.changes is not None
    fixed = applied(FIXABLE, list(fix_all.edit.changes[uri]))
    assert fixed == FIXABLE.replace("\u00a0", "").replace("Active", "active")
    remaining = await changed(client, uri, 2, fixed)
    assert "MC051" not in remaining and "MC012" not in remaining
    await closed(client, uri)


async def test_an_unsafe_fix_is_offered_as_such(client: LanguageClient) -> None:
    uri = await opened(client, TRAPS)
    typo = next(d for d in client.diagnostics[uri] if d.code == "MC010")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri), typo.range, types.CodeActionContext([typo])
        )
    )
    assert actions is not None
    [rename] = [a for a in actions if isinstance(a, types.CodeAction) and a.kind == "quickfix"]
    assert rename.title.endswith("(unsafe: check it) (MC010)")
    assert not rename.is_preferred
    assert rename.edit is not None and rename.edit.changes is not None
    assert [e.new_text for e in rename.edit.changes[uri]] == ["learning_outcomes"]
    await closed(client, uri)
