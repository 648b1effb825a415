"""Every input of the public YAML test suite, through the real command line in one run.

The corpus (``tests/data/yaml-test-suite/``, MIT, see its LICENSE and README) holds the
``in.yaml`` of each case: ``NAME.yaml`` for the cases the suite calls valid YAML 1.2 and
``NAME.error.yaml`` for those it calls invalid. mcvalidate must never crash on any of them:
each file gets its findings, at positions inside the file, and no internal error. A file the
suite calls invalid must be refused as YAML, unless PyYAML (LibYAML) knowingly accepts it; those
files are listed in :data:`ACCEPTED_BY_PYYAML`, each with the YAML 1.2 rule it breaks.

All files go through one ``mcvalidate check`` process (one start-up instead of 402); the
per-file tests read that run's report.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


SUITE = ROOT / "tests" / "data" / "yaml-test-suite"
FILES = sorted(SUITE.glob("*.yaml"))
ERROR_FILES = [path for path in FILES if path.name.endswith(".error.yaml")]

# The line breaks YAML counts (and so mcvalidate's line numbers).
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")

# Files the suite calls invalid that LibYAML (PyYAML's C parser, which mcvalidate uses) reads
# without complaint, so mcvalidate has no syntax finding for them. Each entry says which YAML
# 1.2 rule (section of the 1.2.2 specification) the file breaks and what LibYAML does instead.
# Keep it as small as the truth allows: a file that gets a syntax finding must not be listed
# (test_invalid_file_is_refused says so when LibYAML is in use).
ACCEPTED_BY_PYYAML = {
    "9C9N.error.yaml": "the flow sequence 'flow: [a,' continues on lines 'b,' and 'c]' at "
    "column 1; in block context the continuation lines of a flow collection must be indented "
    "at least as deep as the value they belong to (one space here; 6.3, s-flow-line-prefix). "
    "LibYAML does not track indentation inside flow collections.",
    "9JBA.error.yaml": "'[ a, b, c, ]#invalid': a comment must be separated from the token "
    "before it by white space (6.6). LibYAML starts a comment at any '#' where a token could "
    "start.",
    "CVW2.error.yaml": "'[ a, b, c,#invalid': a comment must be separated from the token "
    "before it by white space (6.6). LibYAML starts a comment at any '#' where a token could "
    "start.",
    "DK95-01.error.yaml": "the continuation line of the double-quoted value is indented by a "
    "tab only: tabs never count as indentation (6.1) and the line needs at least one space of "
    "indentation (6.3, s-flow-line-prefix). LibYAML folds the tab as ordinary white space and "
    "does not check the indentation of quoted continuation lines.",
    "G5U8.error.yaml": "'- [-, -]': in flow context a plain scalar may start with '-' only when "
    "the next character is plain-safe (7.3.3, ns-plain-first), and ',' is a flow indicator, so "
    "'-,' is neither a scalar nor an entry. LibYAML only checks that the '-' is not followed by "
    "a blank and reads it as the string '-'.",
    "MUS6-00.error.yaml": "'%YAML 1.1#...': the '#' of a comment must be separated from the "
    "directive by white space (6.6, 6.8). LibYAML ends the version number at the '#' and takes "
    "the rest as a comment (the pure-Python PyYAML parser refuses it).",
    "QB6E.error.yaml": "the continuation lines 'b' and 'c\"' of the double-quoted value start "
    "at column 1, less indented than the value they continue (6.3, s-flow-line-prefix; 7.3.1). "
    "LibYAML does not check the indentation of quoted continuation lines.",
    "S98Z.error.yaml": "the block scalar '>' has leading empty lines of 1, 2 and 3 spaces before "
    "its first non-empty line ' # comment' at 1 space; with auto-detected indentation, a "
    "leading empty line with more spaces than the first non-empty line is an error (8.1.1.1). "
    "LibYAML reads an empty scalar and takes the last line as a comment.",
    "SU5Z.error.yaml": "'key: \"value\"# invalid comment': a comment must be separated from the "
    "token before it by white space (6.6). LibYAML starts a comment at any '#' where a token "
    "could start.",
    "X4QW.error.yaml": "'block: ># comment': the comment after a block scalar header must be "
    "separated from the indicator by white space (8.1.1, c-b-block-header; 6.6). LibYAML "
    "accepts the '#' right after the indicator (the pure-Python PyYAML parser refuses it).",
    "Y79Y-003.error.yaml": "the continuation line '\\tfoo,' of a flow sequence in a block "
    "sequence is indented by a tab only: tabs never count as indentation (6.1) and the line "
    "needs space indentation (6.3, s-flow-line-prefix). LibYAML skips tabs as separation "
    "inside flow collections (the pure-Python PyYAML parser refuses the tab).",
    "YJV2.error.yaml": "'[-]': in flow context a plain scalar may start with '-' only when the "
    "next character is plain-safe (7.3.3, ns-plain-first), and ']' is a flow indicator. "
    "LibYAML only checks that the '-' is not followed by a blank and reads it as the string "
    "'-'.",
}


def refuses_yaml(finding: dict[str, Any]) -> bool:
    """Whether a finding refuses the file as YAML: the suite's "invalid", in mcvalidate's words.

    Decided per rule:

    - MC001 yaml-syntax: the parser's own refusal. Always counts.
    - MC007 limits: the file is refused (or, for LibYAML's own nesting limit, the parse fails)
      before anything in it is read, as an error; nothing after that point can pass silently.
    - MC003 duplicate-key: YAML 1.2 (3.2.1.1) makes a repeated key an error, which LibYAML does
      not enforce; mcvalidate does, so this is the honest finding for such a file.
    - MC005 not-a-course: only its "more than one YAML document" form. A course file is one
      document; the loader stops where the second one starts and refuses the rest of the file
      with an error at that line. The suite's errors in or at the start of a later document (a
      directive after a document not ended by '...', an undefined tag handle in the second
      document) lie in what it refused, and its line is theirs (9HCY, EB22, QLJ7, RHX7). The
      "empty file" and "the top level is a list / a single value" forms do not count: they
      describe the shape of a document LibYAML read completely, whatever its errors.
    - MC004 tag: does not count. It refuses well-formed tags the course format does not read
      (QLJ7's first '!prefix!A' is valid YAML), so it says nothing about whether the YAML is.
    """
    rule = finding["rule"]
    if rule in ("MC001", "MC003", "MC007"):
        return True
    return rule == "MC005" and "more than one YAML document" in finding["message"]


@dataclass(frozen=True)
class SuiteRun:
    returncode: int
    stderr: str
    report: dict[str, Any]
    # File name (``NAME.yaml``) -> the findings reported for it.
    findings: dict[str, list[dict[str, Any]]]


@pytest.fixture(scope="module")
def run() -> SuiteRun:
    env = {**os.environ, "PYTHONUTF8": "1"}
    env.pop("MCVALIDATE_DEBUG", None)
    proc = subprocess.run(
        # Named one by one: most are not course files, and a directory's would be skipped.
        [
            sys.executable,
            "-m",
            "mcvalidate",
            "check",
            "--format",
            "json",
            "--isolated",
            *(str(path.relative_to(ROOT)) for path in FILES),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert proc.stdout.startswith("{"), f"no JSON report (exit {proc.returncode}): {proc.stderr}"
    report = json.loads(proc.stdout)
    findings: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for finding in report["findings"]:
        path = (ROOT / finding["path"]).resolve()
        assert path.parent == SUITE, f"a finding outside the suite: {finding['path']}"
        findings[path.name].append(finding)
    return SuiteRun(proc.returncode, proc.stderr, report, dict(findings))


def test_the_corpus_is_complete() -> None:
    # 402 inputs (the shared corpus README counts them), 94 of them invalid, and the licence.
    assert len(FILES) == 402
    assert len(ERROR_FILES) == 94
    assert (SUITE / "LICENSE").is_file()


def test_the_run_ends_cleanly(run: SuiteRun) -> None:
    assert run.returncode in (0, 1), run.stderr
    assert "Traceback" not in run.stderr, run.stderr
    assert "internal error" not in run.stderr.lower(), run.stderr


def test_every_file_is_checked(run: SuiteRun) -> None:
    assert run.report["summary"]["files"] == len(FILES)
    assert set(run.findings) <= {path.name for path in FILES}


def test_no_internal_error_finding(run: SuiteRun) -> None:
    crashed = [
        f"{name}: {f['message']}"
        for name, findings in sorted(run.findings.items())
        for f in findings
        if f["rule"] == "MC008"
    ]
    assert not crashed


def test_every_finding_starts_inside_its_file(run: SuiteRun) -> None:
    outside = _outside(run, "line", "column")
    assert not outside, "\n".join(outside)


def test_every_finding_ends_inside_its_file(run: SuiteRun) -> None:
    # The end is exclusive: at most one column past the last character of its line.
    outside = _outside(run, "end_line", "end_column")
    assert not outside, "\n".join(outside)


def test_every_finding_starts_before_it_ends(run: SuiteRun) -> None:
    backwards = [
        f"{name}: {f['rule']} {f['line']}:{f['column']}-{f['end_line']}:{f['end_column']}"
        for name, findings in sorted(run.findings.items())
        for f in findings
        if (f["line"], f["column"]) > (f["end_line"], f["end_column"])
    ]
    assert not backwards


@pytest.mark.parametrize("path", ERROR_FILES, ids=lambda path: path.name)
def test_invalid_file_is_refused(run: SuiteRun, path: Path) -> None:
    findings = run.findings.get(path.name, [])
    refusals = [f for f in findings if refuses_yaml(f)]
    if path.name in ACCEPTED_BY_PYYAML:
        if yaml.__with_libyaml__:
            # The reasons are LibYAML's: without it, the pure-Python parser refuses some.
            assert not refusals, (
                f"{path.name} is refused now ({refusals[0]['rule']}: "
                f"{refusals[0]['message']}): remove it from ACCEPTED_BY_PYYAML"
            )
        return
    shown = [f"{f['line']}:{f['column']} {f['rule']} {f['message']}" for f in findings]
    assert refusals, (
        f"{path.name} is invalid YAML but has no syntax-type finding; its findings: {shown}"
    )


def test_accepted_files_exist_and_say_why() -> None:
    names = {path.name for path in ERROR_FILES}
    for name, reason in ACCEPTED_BY_PYYAML.items():
        assert name in names, name
        assert len(reason) > 40, name


def _outside(run: SuiteRun, line_key: str, column_key: str) -> list[str]:
    """The findings whose (line, column) under these keys lies outside the file: the line at
    most one past the last (YAML's line breaks), the column at most one past the end of that
    line, in code points of the file decoded as UTF-8."""
    outside = []
    for name, findings in sorted(run.findings.items()):
        lines = LINE_BREAK.split((SUITE / name).read_bytes().decode("utf-8-sig"))
        for f in findings:
            line, column = f[line_key], f[column_key]
            text = lines[line - 1] if 1 <= line <= len(lines) else ""
            if not (1 <= line <= len(lines) + 1 and 1 <= column <= len(text) + 1):
                outside.append(
                    f"{name}: {f['rule']} {line_key}={line} {column_key}={column}, but the "
                    f"file has {len(lines)} lines and line {line} is {text!r}"
                )
    return outside


def _tags(node: Any) -> list[tuple[str, str]]:
    """Every node's kind and tag, depth first."""
    found = [(type(node).__name__, node.tag)]
    if isinstance(node.value, list):
        for item in node.value:
            for part in item if isinstance(item, tuple) else (item,):
                found += _tags(part)
    return found


def test_the_loaders_fast_resolver_tags_every_node_as_pyyaml_does() -> None:
    """mcvalidate's loader remembers plain scalars' tags and skips the path resolvers'
    hooks; every node of every document of the suite (and of the examples, twice over, so
    that the remembered answers are used) gets the tag PyYAML's own loader gives it."""
    from mcvalidate.loader import _Loader

    base = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
    texts = [p.read_bytes() for p in FILES]
    texts += [p.read_bytes() for p in sorted((ROOT / "examples").rglob("*.yaml"))] * 2
    compared = 0
    for text in texts:
        try:
            expected = [_tags(n) for n in yaml.compose_all(text, Loader=base)]
        except yaml.YAMLError:
            continue
        assert [_tags(n) for n in yaml.compose_all(text, Loader=_Loader)] == expected
        compared += len(expected)
    assert compared > 300
