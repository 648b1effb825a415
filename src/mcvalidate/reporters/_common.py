"""What the reporters share (a finding's first line, fingerprints, the message with its fix),
kept in one place so that the text report and the CI formats (SARIF, JUnit, GitHub, GitLab)
agree.

Not a format: the registry in ``mcvalidate.reporters`` never names this module. It imports
nothing heavy, so a format still loads no more than it needs.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING, TextIO

from mcvalidate.findings import Finding, fingerprints
from mcvalidate.text import visible

if TYPE_CHECKING:
    from mcvalidate.findings import FileResult


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
