"""What the reporters share (a finding's first line, fingerprints, the message with its fix,
the spool that JSON arrays and XML elements wait in), kept in one place so that the text report
and the CI formats (SARIF, JUnit, GitHub, GitLab) agree.

Not a format: the registry in ``mcvalidate.reporters`` never names this module. It imports
nothing heavy, so a format still loads no more than it needs.
"""

from __future__ import annotations

import codecs
import json
from typing import IO, TYPE_CHECKING, Any, TextIO

from mcvalidate.findings import Finding, fingerprints
from mcvalidate.text import visible

if TYPE_CHECKING:
    from mcvalidate.findings import FileResult

# What a spool holds in memory before it moves to a temporary file: a small run never touches
# the disk, a large one never holds its report in memory.
SPOOL_MEMORY = 1 << 20
# The stand-in for a spooled array in the document around it (a NUL cannot come from a finding
# unescaped, and it is looked for from the end, where the array is).
_HOLE = "\x00mcvalidate:items"


def fingerprinted(result: FileResult) -> list[tuple[Finding, str]]:
    """Every finding of a file, active and suppressed, in position order, with its fingerprint.

    The fingerprints are computed over active and suppressed findings together, so that
    silencing one of two alike findings (same rule, same pointer) does not change the other's
    fingerprint, and so that SARIF and GitLab give the same finding the same fingerprint.
    They hash the file, rule and pointer, not the line: an unrelated edit above keeps them.
    """
    findings = sorted((*result.findings, *result.suppressed), key=lambda f: f.sort_key)
    return list(zip(findings, fingerprints(findings), strict=True))


def with_fix(finding: Finding, separator: str = " Fix: ") -> str:
    """The message followed by how to fix it: a CI annotation is often all a reader sees.
    Both are made visible (:func:`mcvalidate.text.visible`): what a file holds is shown."""
    message = visible(finding.message)
    return f"{message}{separator}{visible(finding.fix)}" if finding.fix else message


def headline_parts(finding: Finding) -> list[tuple[str, str]]:
    """The parts of a finding's first line, ``path:line:column: severity RULE name: message``,
    each with what it is (``location``, ``severity``, ``rule``; "" for the rest), so that the
    text report can style them and the plain formats join them."""
    span = finding.span
    return [
        (f"{visible(finding.path)}:{span.line}:{span.column}:", "location"),
        (" ", ""),
        (finding.severity.value, "severity"),
        (" ", ""),
        (f"{finding.rule} {finding.name}", "rule"),
        (": ", ""),
        (visible(finding.message), ""),
    ]


def headline(finding: Finding) -> str:
    """``path:line:column: severity RULE name: message``, a finding's first line."""
    return "".join(text for text, _ in headline_parts(finding))


def holds_unicode(stream: TextIO) -> bool:
    """True when ``stream`` can hold every character (a UTF encoding, or no encoding at all:
    a string buffer)."""
    encoding = getattr(stream, "encoding", None)
    return encoding is None or codecs.lookup(encoding).name.startswith("utf")


def spool() -> IO[str]:
    """A text stream to keep a report's body in until its head can be written (the head holds
    totals only known at the end): in memory up to :data:`SPOOL_MEMORY`, then on disk."""
    import tempfile  # for the reports that spool: the text report does not

    return tempfile.SpooledTemporaryFile(
        max_size=SPOOL_MEMORY, mode="w+", encoding="utf-8", newline="\n"
    )


def copy(source: IO[str], stream: TextIO) -> None:
    """Write what ``source`` (a spool) holds to ``stream``, and discard it."""
    source.seek(0)
    while chunk := source.read(1 << 16):
        stream.write(chunk)
    source.close()


class Items:
    """The array a JSON report ends with (its findings, its results), written one item at a
    time to a spool as the files' results arrive, then put in its place in the document by
    :meth:`write`, without the whole document ever being in memory.

    The document around the array is indented as ``json.dump(indent=2)`` writes it; each item
    is one line, indented at ``depth`` (1 for a top-level array's items): a finding per line
    reads and diffs well, and is written by the JSON encoder's C code, which indentation
    inside an item would replace by its pure-Python one (most of a SARIF report's cost on a
    large catalogue).
    """

    # The document holds this where the array goes (JSON writes it as a list); it must be the
    # last value written.
    hole = (_HOLE,)

    def __init__(self, depth: int, ensure_ascii: bool) -> None:
        self._indent = "\n" + "  " * depth
        self._ascii = ensure_ascii
        self._spool = spool()
        self.count = 0

    def add(self, item: Any) -> None:
        text = json.dumps(item, ensure_ascii=self._ascii)
        self._spool.write(("," if self.count else "") + self._indent + text)
        self.count += 1

    def write(self, document: Any, stream: TextIO) -> None:
        """Write ``document``, whose last value is :attr:`hole`, with the items in its place."""
        text = json.dumps(document, indent=2, ensure_ascii=self._ascii)
        head, hole, tail = text.rpartition(json.dumps(_HOLE, ensure_ascii=self._ascii))
        assert hole and head.endswith("[" + self._indent), "the array is not at its depth"
        stream.write(head[: -len(self._indent)])
        if self.count:
            copy(self._spool, stream)
            stream.write(tail)
        else:  # an empty array is written ``[]``, on one line
            self._spool.close()
            stream.write(tail.lstrip())
