"""``mcvalidate lsp``: findings as diagnostics while a course file is edited (stdio).

A Language Server Protocol server on pygls (the optional extra ``mcvalidate[lsp]``). It checks
a course file's text when the editor opens it, at every change and at every save, and
publishes the findings with their exact ranges, rule id, severity and a link to the clause
they come from; hovering over one shows what ``mcvalidate explain`` prints for its rule; its
code actions apply the findings' autofixes, one at a time or all safe ones together. The
configuration file and local packs in force for each file are those ``check`` would use, kept
up to date by :mod:`mcvalidate.live`. Schema completion is yaml-language-server's business:
this server adds what only mcvalidate knows.

Changes that arrive faster than they are checked are coalesced: a document is checked in its
latest version only, once the messages already received are handled.
"""

from __future__ import annotations

import asyncio
import gc
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.io_ import StdoutWriter, run_async
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from mcvalidate import __version__
from mcvalidate.catalogue import explain_lines
from mcvalidate.config import CONFIG_NAMES
from mcvalidate.findings import Autofix, Finding, Severity, Span
from mcvalidate.fixes import choose
from mcvalidate.lines import Encoding, Lines
from mcvalidate.live import Checked, Workspace

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.mcvalidate"
# The longest message read (an editor sends a whole file on opening it): the files checked are
# at most limits.max_bytes (10 MB by default), as JSON perhaps twice that.
_MESSAGE_LIMIT = 64 * 1024 * 1024
# A course the rules run on, so that the first check builds the models' validators.
_WARM_UP = "format: 1\ntitle: Warm-up\n"
# What may change the checker of an open file: configuration files and local packs.
_WATCHED = (*(f"**/{name}" for name in CONFIG_NAMES), "**/pyproject.toml", "**/*.py")


class McvalidateServer(LanguageServer):
    """The server and the state of one editor session: the open files' latest checks."""

    def __init__(self) -> None:
        super().__init__("mcvalidate", __version__)
        self.live = Workspace()
        self.checked: dict[str, Checked] = {}  # the latest check of each open file
        self._pending: set[str] = set()
        self._collector = IdleCollector()

    @property
    def encoding(self) -> Encoding:
        kind = self.workspace.position_encoding
        return "utf-8" if kind == "utf-8" else "utf-32" if kind == "utf-32" else "utf-16"

    def schedule(self, uri: str) -> None:
        """Check ``uri`` once the messages already received are handled (in its then latest
        version: a burst of changes is checked once)."""
        if not self._pending:
            asyncio.get_running_loop().call_soon(self._check_pending)
        self._pending.add(uri)

    def _check_pending(self) -> None:
        pending, self._pending = self._pending, set()
        for uri in pending:
            self.check(uri)
        self._collector.checked()

    def check(self, uri: str) -> None:
        """Check the open document ``uri`` and publish its findings."""
        document = self.workspace.get_text_document(uri)
        path = path_of(uri)
        checked = self.live.check(path, document.source)
        self.checked[uri] = checked
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                version=document.version,
                diagnostics=list(diagnostics(checked, self.encoding)),
            )
        )
        if checked.error:
            self.window_show_message(
                types.ShowMessageParams(types.MessageType.Error, f"mcvalidate: {checked.error}")
            )

    def warm_up(self) -> None:
        """Build the checker of the workspace's folder before the first file is opened, then
        hand the garbage collector to :class:`IdleCollector`."""
        self.live.check(None, _WARM_UP)
        self._collector.start()

    def recheck_all(self) -> None:
        """Check every open document again (the configuration or a pack changed)."""
        self.live.forget()
        for uri in list(self.checked):
            self.check(uri)


class IdleCollector:
    """When the garbage collector runs: while the editor is idle, not during a check.

    A check makes some hundred thousand short-lived objects; collecting as they are made took
    a quarter of a re-check's time (1 ms of 4 measured), and a full collection, walking the
    modules, models and rules loaded at start-up, paused one check in a few dozen by 60 ms.
    So the objects of start-up are set aside for good (none of them is ever garbage), the
    automatic collector is switched off, and a collection runs once no check has been asked
    for in ``IDLE`` seconds, or after ``BURST`` checks in a row with no pause, so that memory
    stays bounded while someone types without stopping."""

    IDLE = 0.05
    BURST = 100

    def __init__(self) -> None:
        self._since = 0
        self._timer: asyncio.TimerHandle | None = None

    def start(self) -> None:
        gc.collect()
        gc.freeze()
        gc.disable()

    def checked(self) -> None:
        """A check was published: collect now after a burst, else once idle."""
        if self._timer is not None:
            self._timer.cancel()
        self._since += 1
        if self._since >= self.BURST:
            self.collect()
        else:
            self._timer = asyncio.get_running_loop().call_later(self.IDLE, self.collect)

    def collect(self) -> None:
        self._since = 0
        self._timer = None
        gc.collect()


def path_of(uri: str) -> Path | None:
    """The file a ``file:`` URI names; None for any other (an editor's unsaved buffer)."""
    path = to_fs_path(uri) if uri.startswith("file:") else None
    return Path(path) if path else None


def range_of(span: Span, lines: Lines, encoding: Encoding) -> types.Range:
    """A finding's span as an editor's range."""
    start = lines.to_editor(lines.offset(span.line, span.column), encoding)
    end = lines.to_editor(lines.offset(span.end_line, span.end_column), encoding)
    return types.Range(types.Position(*start), types.Position(*end))


def diagnostics(checked: Checked, encoding: Encoding) -> Iterator[types.Diagnostic]:
    """The findings of a check as diagnostics; a check that could not run is one diagnostic
    at the top of the file saying why."""
    if checked.error:
        yield types.Diagnostic(
            range=types.Range(types.Position(0, 0), types.Position(0, 0)),
            message=f"mcvalidate cannot check this file: {checked.error}",
            severity=types.DiagnosticSeverity.Error,
            source="mcvalidate",
        )
    if checked.result is None:
        return
    for finding in checked.result.findings:
        yield diagnostic(finding, checked.lines, encoding)


def diagnostic(finding: Finding, lines: Lines, encoding: Encoding) -> types.Diagnostic:
    """One finding as a diagnostic: what is wrong, why (the clause) and how to fix it."""
    message = finding.message
    if finding.framework:
        message += f"\nWhy: {finding.framework}"
    if finding.fix:
        message += f"\nFix: {finding.fix}"
    href = finding.reference if finding.reference.startswith(("https:", "http:")) else None
    return types.Diagnostic(
        range=range_of(finding.span, lines, encoding),
        message=message,
        severity=_SEVERITY[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=href) if href else None,
        source="mcvalidate",
        data={"pointer": finding.pointer, "name": finding.name, "pack": finding.pack},
    )


def hover(checked: Checked, offset: int, encoding: Encoding) -> types.Hover | None:
    """The explanation of the rules whose findings cover ``offset`` (one after another)."""
    if checked.result is None or checked.selection is None:
        return None
    selection, lines = checked.selection, checked.lines
    covering = [f for f in checked.result.findings if _covers(f.span, lines, offset)]
    if not covering:
        return None
    pages = []
    for rule_id in dict.fromkeys(f.rule for f in covering):
        rule = selection.by_id[rule_id]
        page = list(explain_lines(selection.pack_of(rule_id), rule))
        pages.append(f"**{rule.id} {rule.name}**\n\n```text\n" + "\n".join(page[2:]) + "\n```")
    first = covering[0].span
    return types.Hover(
        contents=types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(pages)),
        range=range_of(first, lines, encoding),
    )


def _covers(span: Span, lines: Lines, offset: int) -> bool:
    start = lines.offset(span.line, span.column)
    end = lines.offset(span.end_line, span.end_column)
    return start <= offset <= end


def code_actions(
    uri: str, checked: Checked, wanted: types.Range, only: Iterable[str], encoding: Encoding
) -> list[types.CodeAction]:
    """A quick fix for each finding with an autofix that touches ``wanted`` (unsafe ones
    said to be so), and one action applying every safe autofix of the file that does not
    overlap another (``source.fixAll.mcvalidate``, for fix-on-save)."""
    if checked.result is None:
        return []
    lines = checked.lines
    kinds = list(only)
    actions = []
    start = lines.from_editor(wanted.start.line, wanted.start.character, encoding)
    end = lines.from_editor(wanted.end.line, wanted.end.character, encoding)
    fixable = [f for f in checked.result.findings if f.autofix is not None]
    if _wants(kinds, types.CodeActionKind.QuickFix.value):
        for finding in fixable:
            fix = finding.autofix
            assert fix is not None
            span = finding.span
            if lines.offset(span.end_line, span.end_column) < start or end < lines.offset(
                span.line, span.column
            ):
                continue
            title = fix.description if fix.safe else f"{fix.description} (unsafe: check it)"
            actions.append(
                types.CodeAction(
                    title=f"{title} ({finding.rule})",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic(finding, lines, encoding)],
                    is_preferred=fix.safe,
                    edit=_edit(uri, [fix], lines, encoding),
                )
            )
    safe = [f.autofix for f in fixable if f.autofix is not None and f.autofix.safe]
    if safe and _wants(kinds, FIX_ALL):
        chosen = choose(lines.text, safe)
        actions.append(
            types.CodeAction(
                title=f"mcvalidate: apply {len(chosen)} safe fix{'es' * (len(chosen) != 1)}",
                kind=FIX_ALL,
                edit=_edit(uri, chosen, lines, encoding),
            )
        )
    return actions


def _wants(kinds: list[str], kind: str) -> bool:
    """True when the client asked for ``kind`` (or for nothing in particular): a kind is
    wanted when it is, or is below, one of the kinds asked for (``source`` wants
    ``source.fixAll.mcvalidate``)."""
    return not kinds or any(kind == k or kind.startswith(f"{k}.") for k in kinds)


def _edit(
    uri: str, fixes: Iterable[Autofix], lines: Lines, encoding: Encoding
) -> types.WorkspaceEdit:
    edits = [
        types.TextEdit(range=range_of(e.span, lines, encoding), new_text=e.text)
        for fix in fixes
        for e in fix.edits
    ]
    return types.WorkspaceEdit(changes={uri: edits})


server = McvalidateServer()


@server.feature(types.INITIALIZE)
def _initialize(ls: McvalidateServer, params: types.InitializeParams) -> None:
    options: Any = params.initialization_options or {}
    folders = params.workspace_folders or []
    root = folders[0].uri if folders else params.root_uri
    ls.live = Workspace(
        path_of(root) if root else None,
        isolated=bool(isinstance(options, dict) and options.get("isolated")),
    )


@server.feature(types.INITIALIZED)
async def _initialized(ls: McvalidateServer, params: types.InitializedParams) -> None:
    ls.warm_up()
    watching = ls.client_capabilities.workspace
    changes = watching.did_change_watched_files if watching else None
    if changes is None or not changes.dynamic_registration:
        return  # the checks look at the files' dates themselves
    watchers = [types.FileSystemWatcher(glob_pattern=pattern) for pattern in _WATCHED]
    await ls.client_register_capability_async(
        types.RegistrationParams(
            registrations=[
                types.Registration(
                    id="mcvalidate-watched-files",
                    method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers),
                )
            ]
        )
    )


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def _opened(ls: McvalidateServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def _changed(ls: McvalidateServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def _saved(ls: McvalidateServer, params: types.DidSaveTextDocumentParams) -> None:
    name = (path_of(params.text_document.uri) or Path()).name
    if name in CONFIG_NAMES or name == "pyproject.toml" or name.endswith(".py"):
        ls.recheck_all()
    else:
        ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def _closed(ls: McvalidateServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.checked.pop(uri, None)
    ls._pending.discard(uri)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.SHUTDOWN)
def _shutdown(ls: McvalidateServer, params: None) -> None:
    ls._pending.clear()  # no check is published after the editor said it is leaving


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def _files_changed(ls: McvalidateServer, params: types.DidChangeWatchedFilesParams) -> None:
    ls.recheck_all()


@server.feature(types.TEXT_DOCUMENT_HOVER)
def _hover(ls: McvalidateServer, params: types.HoverParams) -> types.Hover | None:
    checked = ls.checked.get(params.text_document.uri)
    if checked is None:
        return None
    where = params.position
    offset = checked.lines.from_editor(where.line, where.character, ls.encoding)
    return hover(checked, offset, ls.encoding)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
)
def _code_action(ls: McvalidateServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    checked = ls.checked.get(uri)
    if checked is None:
        return []
    only = params.context.only or []
    return code_actions(uri, checked, params.range, [str(k) for k in only], ls.encoding)


def serve() -> None:
    """Serve one editor over standard input and output until it exits.

    Messages are read by the event loop itself, from the pipe: pygls's own reader hands each
    read to a thread (three per message), which cost a re-check a millisecond on a busy
    machine. Where standard input cannot be watched by the loop (not a pipe or a socket, or
    an event loop without pipes), pygls's reader is used."""
    try:
        asyncio.run(_serve_pipe())
    except _NotAPipe:
        server.start_io()
    except (KeyboardInterrupt, SystemExit):  # the editor said exit, or stopped the server
        pass


class _NotAPipe(Exception):
    """Standard input cannot be read by the event loop."""


async def _serve_pipe() -> None:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=_MESSAGE_LIMIT)
    try:
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    except (NotImplementedError, ValueError, OSError) as exc:
        raise _NotAPipe from exc
    server.protocol.set_writer(StdoutWriter(sys.stdout.buffer))
    server._stop_event = threading.Event()
    await run_async(
        stop_event=server._stop_event,
        reader=reader,
        protocol=server.protocol,
        error_handler=server.report_server_error,
    )
