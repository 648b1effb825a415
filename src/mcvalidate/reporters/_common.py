"""What the CI reporters (SARIF, JUnit, GitHub, GitLab) share, kept in one place so they agree.

Not a format: the registry in ``mcvalidate.reporters`` never names this module. It imports
nothing heavy, so a CI format still loads no more than it needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mcvalidate.findings import Finding, fingerprints

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
    """The message followed by how to fix it: a CI annotation is often all a reader sees."""
    return f"{finding.message}{separator}{finding.fix}" if finding.fix else finding.message


def headline(finding: Finding) -> str:
    """``path:line:column: severity RULE name: message``, the text report's first line."""
    span = finding.span
    return (
        f"{finding.path}:{span.line}:{span.column}: {finding.severity.value} "
        f"{finding.rule} {finding.name}: {finding.message}"
    )
