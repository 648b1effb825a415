"""SARIF 2.1.0: the format GitHub code scanning, Azure DevOps and most IDE viewers import.

One log, one run. ``tool.driver.rules`` describes only the rules that fired (active or
suppressed), in the order they first fired, so the log stays small and every ``ruleIndex``
points into it. Suppressed findings
are results too, carrying a ``suppressions`` entry: SARIF consumers show them as dismissed
rather than losing them, whatever ``--show-suppressed`` says for the human report.

Positions are our spans as they are: 1-based, columns counting Unicode code points (declared by
``columnKind``), end column exclusive, which is exactly SARIF's region model. The
``partialFingerprints`` hash the file, rule and JSON pointer (not the line), so a result keeps
its identity when unrelated lines are inserted above it.

The JSON is written ASCII-only (non-ASCII as ``\\u`` escapes, which mean the same): the log is
then byte-identical, and valid UTF-8, whatever the encoding of the stream it goes to.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote, urlsplit

from mcvalidate import __version__
from mcvalidate.findings import Autofix, FileResult, Finding, Severity
from mcvalidate.report import PackInfo, Run, Tally
from mcvalidate.reporters._common import Items, fingerprinted, with_fix

if TYPE_CHECKING:
    from mcvalidate.rules import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# Inline and whole-file comments live in the course file; the configuration is outside it.
SUPPRESSION_KIND = {"inline": "inSource", "file": "inSource", "config": "external"}
FINGERPRINT_KEY = "mcvalidate/identity/v1"
# A relative path is relative to the working directory, which SARIF calls the source root.
SRCROOT = "%SRCROOT%"
# Characters a path segment may hold as they are (RFC 3986 pchar, minus ':', which in a
# relative reference's first segment would read as a URI scheme).
_PATH_SAFE = "/!$&'()*+,;=@"


class SarifReporter:
    """The results are spooled as the files' results arrive; the rules that fired, which the
    log lists before them, are known (and written) at the end, in the order they first fired."""

    def __init__(self, run: Run, stream: TextIO) -> None:
        self._run, self._stream = run, stream
        self._results = Items(depth=4, ensure_ascii=True)
        # Each rule that fired: its index in the log's rules, and its first finding.
        self._fired: dict[str, tuple[int, Finding]] = {}

    def add(self, result: FileResult) -> None:
        for finding, fingerprint in fingerprinted(result):
            index, _ = self._fired.setdefault(finding.rule, (len(self._fired), finding))
            self._results.add(_result(finding, fingerprint, index))

    def close(self, tally: Tally) -> None:
        rules = self._run.rules
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "mcvalidate",
                            "version": __version__,
                            # No informationUri: mcvalidate has no published home page yet.
                            "rules": [
                                _descriptor(f, rules.get(rule))
                                for rule, (_, f) in self._fired.items()
                            ],
                        },
                        # The rule packs the run applied, each with the version of its
                        # framework and of the distribution that installed it.
                        "extensions": [_extension(pack) for pack in self._run.packs],
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": Items.hole,
                }
            ],
        }
        self._results.write(log, self._stream)
        self._stream.write("\n")


reporter = SarifReporter


def _descriptor(finding: Finding, rule: Rule | None) -> dict[str, Any]:
    """A rule's ``reportingDescriptor``, from its metadata, or from the finding if the run was
    not given the rule (the finding carries its name, citation, link and severity too)."""
    if rule is None:
        descriptor: dict[str, Any] = {"id": finding.rule, "name": finding.name}
        url, severity = finding.reference, finding.severity
        properties: dict[str, Any] = {"framework": finding.framework, "pack": finding.pack}
    else:
        descriptor = {
            "id": rule.id,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": _first_paragraph(rule.doc) or rule.summary},
        }
        url, severity = rule.source.url, rule.severity
        properties = {
            "framework": rule.source.citation,
            "evidence": rule.source.evidence,
            "pack": finding.pack,
        }
    # SARIF wants an absolute URI here; the format rules link into docs/ relatively.
    if urlsplit(url).scheme in ("http", "https"):
        descriptor["helpUri"] = url
    if rule is not None:
        descriptor["help"] = {"text": rule.doc or rule.summary}
    descriptor["defaultConfiguration"] = {"level": LEVEL[severity]}
    descriptor["properties"] = properties
    return descriptor


def _extension(pack: PackInfo) -> dict[str, Any]:
    component: dict[str, Any] = {
        "name": pack.name,
        "fullName": pack.title,
        "version": pack.distribution_version or pack.version,
        "properties": {"frameworkVersion": pack.version, "distribution": pack.distribution},
    }
    if urlsplit(pack.url).scheme in ("http", "https"):
        component["informationUri"] = pack.url
    return component


def _first_paragraph(doc: str) -> str:
    """The prose that opens a rule's documentation; empty when it opens with an example."""
    paragraph = " ".join(doc.partition("\n\n")[0].split())
    return "" if paragraph.endswith("::") else paragraph


def _result(finding: Finding, fingerprint: str, rule_index: int) -> dict[str, Any]:
    span = finding.span
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": _artifact(finding.path),
            "region": {
                "startLine": span.line,
                "startColumn": span.column,
                "endLine": span.end_line,
                "endColumn": span.end_column,
            },
        }
    }
    if finding.pointer:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.pointer, "kind": "member"}]
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVEL[finding.severity],
        "message": {"text": with_fix(finding)},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.autofix is not None:
        result["fixes"] = [_fix(finding.path, finding.autofix)]
    if finding.suppression is not None:
        result["suppressions"] = [
            {
                "kind": SUPPRESSION_KIND[finding.suppression.kind],
                "justification": finding.suppression.justification,
            }
        ]
    return result


def _fix(path: str, autofix: Autofix) -> dict[str, Any]:
    """A SARIF ``fix``: the edits as replacements of regions of the file (an empty region is
    an insertion), whether it is safe in its properties (SARIF has no word for it)."""
    replacements = [
        {
            "deletedRegion": {
                "startLine": edit.span.line,
                "startColumn": edit.span.column,
                "endLine": edit.span.end_line,
                "endColumn": edit.span.end_column,
            },
            "insertedContent": {"text": edit.text},
        }
        for edit in autofix.edits
    ]
    return {
        "description": {"text": autofix.description},
        "artifactChanges": [{"artifactLocation": _artifact(path), "replacements": replacements}],
        "properties": {"safe": autofix.safe},
    }


def _artifact(path: str) -> dict[str, str]:
    """The file as a URI: relative to the source root, or ``file:`` when it is outside it.

    The path is read with the platform's own rules (so ``C:\\x`` is absolute on Windows), then
    written with forward slashes and percent-encoded (spaces, ``%``, ``#``, non-ASCII...).
    """
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": quote(pure.as_posix(), safe=_PATH_SAFE), "uriBaseId": SRCROOT}
