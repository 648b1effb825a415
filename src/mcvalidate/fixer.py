"""``mcvalidate check --fix`` and ``--diff``: a checker that applies its findings' autofixes to
the file it checks, checks the fixed text again, and reports what is left.

Fixes are text edits (:mod:`mcvalidate.fixes`), so comments, order, quoting, line endings and a
byte-order mark stay as they were. Only a text that parses is ever written. A file that parses
is fixed at the positions of its node tree; one that does not is fixed only where a pasted
character (a non-breaking or zero-width space, curly quotes, a dash as a bullet) is found in
its lines, often what broke it, and the result is kept only if it then parses. Fixing goes in
passes: each applies the fixes that do not overlap, and checks the text again, which finds the
fixes left out (with their positions in the new text) and any a fix made possible. Passes stop
when no fix is left, when a text comes round again, or after :data:`MOST_PASSES`, so a run
always ends; a pass whose text would not parse is dropped, and the file stays as the last pass
that parsed left it.

The file is written as a temporary file beside it renamed over it, keeping its permissions, so
that a full disk or a kill leaves the old file whole. Workers (``--jobs``) fix the files they
check, each file in one process; the results are reported in order as in any run.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from mcvalidate import fixes
from mcvalidate.discover import write_atomically
from mcvalidate.document import LINE_BREAK
from mcvalidate.engine import Checker
from mcvalidate.errors import UsageError
from mcvalidate.findings import Autofix, FileResult
from mcvalidate.format_rules import LIMIT, NOT_A_MAPPING, UNREADABLE, YAML_SYNTAX
from mcvalidate.packs import Selection
from mcvalidate.settings import Settings

# As ruff does: enough for fixes that wait for others, bounded whatever a file holds.
MOST_PASSES = 100
# The findings of a text that did not load as a course: nothing to fix, and never written.
_NOT_LOADED = frozenset(rule.id for rule in (YAML_SYNTAX, UNREADABLE, NOT_A_MAPPING, LIMIT))
_UNFIXABLE = frozenset(rule.id for rule in (UNREADABLE, LIMIT))
_LINE = re.compile(f"[^\r\n\x85\u2028\u2029]*(?:{LINE_BREAK.pattern})|[^\r\n\x85\u2028\u2029]+")


@dataclass(frozen=True)
class FixMode:
    """What to do with fixes: apply the unsafe ones too (``--unsafe-fixes``), write the files
    (``--fix``; not with ``--diff``), and make the unified diff of each (``--diff``)."""

    unsafe: bool = False
    write: bool = True
    diff: bool = False


@dataclass(frozen=True)
class Fixed:
    """A file's fixing: its bytes after the fixes, the result of checking them, and how many
    findings were fixed."""

    raw: bytes
    result: FileResult
    count: int


class Fixer(Checker):
    """A checker that fixes each file it checks (see the module's docstring)."""

    def __init__(self, selection: Selection, settings: Settings, mode: FixMode) -> None:
        super().__init__(selection, settings)
        self.mode = mode

    def check_read(self, path: Path, display: str, raw: bytes) -> FileResult:
        fixed = self.fix(display, raw)
        if fixed.count and self.mode.write:
            try:
                write_atomically(path, fixed.raw)
            except OSError as exc:
                raise UsageError(
                    f"cannot write the fixes to '{display}': {exc.strerror or exc}"
                ) from None
        return fixed.result

    def fix(self, display: str, raw: bytes) -> Fixed:
        """Check ``raw`` and fix it, pass after pass; nothing is written here."""
        result = first = self.check_bytes(display, raw)
        if not self._fixes(result) or (_not_loaded(result) and not _read(result)):
            return Fixed(raw, result, 0)
        encoding = _Encoding.of(raw)
        original = text = encoding.decode(raw)
        # The last text that parsed, with its check and how many fixes led to it: the one
        # written. A file that did not parse gets one only if its fixes make it parse.
        parsed = None if _not_loaded(result) else (text, result, 0)
        count = 0
        seen = {hash(text)}
        for _ in range(MOST_PASSES):
            todo = self._fixes(result)
            if not todo:
                break
            chosen = fixes.choose(text, todo)
            new = fixes.apply(text, chosen)
            if hash(new) in seen:  # no change, or back to a text already fixed: a cycle
                break
            checked = self.check_bytes(display, encoding.encode(new))
            seen.add(hash(new))
            text, result, count = new, checked, count + len(chosen)
            if not _not_loaded(checked):
                parsed = (text, result, count)
            elif parsed is not None:  # never write what does not parse
                break
        if parsed is None or not parsed[2]:
            return Fixed(raw, first, 0)
        text, result, count = parsed
        diff = unified_diff(display, original, text) if self.mode.diff else ""
        return Fixed(encoding.encode(text), replace(result, fixed=count, diff=diff), count)

    def _fixes(self, result: FileResult) -> list[Autofix]:
        unsafe = self.mode.unsafe
        return [f.autofix for f in result.findings if f.autofix and f.fixable(unsafe)]


def _not_loaded(result: FileResult) -> bool:
    return any(f.rule in _NOT_LOADED for f in result.findings)


def _read(result: FileResult) -> bool:
    """True when a file that did not parse was at least read as text: a syntax error (which a
    fix of a pasted character may cure), not bytes that are no text or a limit reached."""
    return not any(f.rule in _UNFIXABLE for f in result.findings)


@dataclass(frozen=True)
class _Encoding:
    """How a file's text was stored, so that the fixed text is stored the same way: UTF-8 or
    UTF-16 (by its byte-order mark), and the byte-order mark it started with, if any (the
    loader's positions are counted after it)."""

    codec: str
    mark: bytes

    @classmethod
    def of(cls, raw: bytes) -> _Encoding:
        if raw.startswith(b"\xef\xbb\xbf"):
            return cls("utf-8", raw[:3])
        if raw.startswith(b"\xff\xfe"):
            return cls("utf-16-le", raw[:2])
        if raw.startswith(b"\xfe\xff"):
            return cls("utf-16-be", raw[:2])
        return cls("utf-8", b"")

    def decode(self, raw: bytes) -> str:
        return raw[len(self.mark) :].decode(self.codec)

    def encode(self, text: str) -> bytes:
        return self.mark + text.encode(self.codec)


def unified_diff(display: str, before: str, after: str) -> str:
    """The unified diff of a file's text before and after its fixes, lines split as YAML splits
    them and kept with their own line breaks (a CRLF file's diff shows CRLF lines)."""
    lines = difflib.unified_diff(
        _LINE.findall(before), _LINE.findall(after), fromfile=display, tofile=display
    )
    out = []
    for line in lines:
        out.append(line)
        if not LINE_BREAK.search(line[-2:]):  # the last line of a file without a final break
            out.append(_NO_NEWLINE)
    return "".join(out)


_NO_NEWLINE = "\n\\ No newline at end of file\n"
