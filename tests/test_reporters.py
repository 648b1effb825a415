"""The CI reporters (SARIF, JUnit, GitHub, GitLab), each read back the way its consumer reads it.

Every run here comes from real checks of YAML text, so the reporters see the findings, spans and
rule metadata the engine really produces: Unicode, multi-line spans, empty pointers, and
findings that quote markup characters.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import pytest
from jsonschema import Draft4Validator
from jsonschema.validators import validator_for

from mcvalidate import __version__
from mcvalidate.findings import FileResult, Finding, Severity, Suppression
from mcvalidate.packs import Registry
from mcvalidate.report import PackInfo, Run, Tally
from mcvalidate.reporters import FORMATS, reporter
from mcvalidate.testing import check_text
from mcvalidate.text import visible

ROOT = Path(__file__).resolve().parents[1]


SELECTION = Registry().select()
SARIF_SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)
SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}

# Unicode in a key, a value and the file name; a key quoting markup characters; an outcome
# whose statement is a plain scalar over two lines (a multi-line span).
COURSE = """\
title: Café construction
résumé: {clé: 1}
'x<&"y': 1
learning_outcomes:
  - id: LO1
    statement: Understand the
      double-entry cycle
"""
# The top level is a list: a finding with the empty pointer, spanning two lines.
NOT_A_COURSE = "- a\n- b\n"
COMPLETE = (ROOT / "examples" / "mass-timber-construction.yaml").read_text(encoding="utf-8")


@dataclasses.dataclass(frozen=True)
class Made:
    """The results of a run, the run as the reporters see it, and how many findings a
    baseline left out."""

    results: list[FileResult]
    run: Run
    baselined: int = 0


def make_run(
    *results: FileResult, fail_on: Severity = Severity.ERROR, with_rules: bool = True
) -> Made:
    rules = SELECTION.by_id if with_rules else {}
    packs = [
        PackInfo(p.name, p.title, p.version, p.url, lambda: ("mcvalidate", "0.1.0"))
        for p in SELECTION.applied
    ]
    return Made(list(results), Run(packs, fail_on, rules=rules))


def render(name: str, made: Made) -> str:
    """The report ``name``, given the results one by one and then the totals, as a run does."""
    stream = io.StringIO()
    each = reporter(name)(made.run, stream)
    tally = Tally(made.run.fail_on)
    for result in made.results:
        tally.add(result)
        each.add(result)
    tally.baselined = made.baselined
    each.close(tally)
    return stream.getvalue()


def suppress(
    result: FileResult, rule: str, kind: Literal["inline", "file", "config"] = "inline"
) -> FileResult:
    """The result with the first finding of ``rule`` moved to the suppressed findings."""
    finding = next(f for f in result.findings if f.rule == rule)
    silenced = dataclasses.replace(finding, suppression=Suppression(kind, f"reason for {rule}"))
    rest = tuple(f for f in result.findings if f is not finding)
    return dataclasses.replace(result, findings=rest, suppressed=(*result.suppressed, silenced))


def everything(results: Iterable[FileResult]) -> list[Finding]:
    """Active and suppressed findings of each file, in the order the reporters use."""
    return [
        f for r in results for f in sorted((*r.findings, *r.suppressed), key=lambda f: f.sort_key)
    ]


@pytest.fixture
def results() -> list[FileResult]:
    course = check_text(COURSE, name="courses/cours é.yaml")
    course = suppress(suppress(course, "BCT001"), "BCT020", kind="config")
    return [course, check_text(NOT_A_COURSE, name="list.yaml"), check_text(COMPLETE)]


def test_the_fixture_has_what_the_tests_rely_on(results: list[FileResult]) -> None:
    course, listed, clean = results
    assert any(f.span.end_line > f.span.line for f in course.findings)
    assert any(not f.message.isascii() for f in course.findings)
    assert any('<&"' in f.message for f in course.findings)
    assert [f.pointer for f in listed.findings] == [""]
    assert len(course.suppressed) == 2
    assert not clean.findings
    assert {f.severity for f in course.findings} == set(Severity)


def test_the_formats_are_registered() -> None:
    for name in ("sarif", "junit", "github", "gitlab"):
        assert FORMATS[name] == f"mcvalidate.reporters.{name}"
        assert callable(reporter(name))


# SARIF ------------------------------------------------------------------------------------


def sarif(run: Made) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(render("sarif", run))
    validator = validator_for(SARIF_SCHEMA)
    assert validator is Draft4Validator  # what the schema's "$schema" declares
    validator(SARIF_SCHEMA).validate(log)
    return log


def test_sarif_is_valid_with_findings_and_when_clean(results: list[FileResult]) -> None:
    log = sarif(make_run(*results))
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("mcvalidate", __version__)
    assert "informationUri" not in driver

    clean = sarif(make_run(check_text(COMPLETE)))
    assert clean["runs"][0]["results"] == []
    assert clean["runs"][0]["tool"]["driver"]["rules"] == []


def test_sarif_carries_each_fix_as_replacements_and_stays_valid() -> None:
    # A replacement on a line of non-ASCII text, a deletion, and an unsafe rename of a key in a
    # flow mapping; the log validates against the official schema with them.
    text = "title: \u201cCaf\u00e9 \u00e0 bois\u201d\nstatus: draft  \nworkload: {hour: 60}\n"
    result = check_text(text, "MC", name="cours é.yaml")
    log = sarif(make_run(result))
    fixes = {r["ruleId"]: r["fixes"] for r in log["runs"][0]["results"] if "fixes" in r}
    assert fixes["MC053"] == [
        {
            "description": {"text": "Use straight quotes"},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": "cours%20%C3%A9.yaml", "uriBaseId": "%SRCROOT%"},
                    "replacements": [
                        {
                            "deletedRegion": {
                                "startLine": 1,
                                "startColumn": 8,
                                "endLine": 1,
                                "endColumn": 21,  # 13 code points, 14 bytes
                            },
                            "insertedContent": {"text": '"Caf\u00e9 \u00e0 bois"'},
                        }
                    ],
                }
            ],
            "properties": {"safe": True},
        }
    ]
    (deletion,) = fixes["MC058"][0]["artifactChanges"][0]["replacements"]
    assert deletion["insertedContent"] == {"text": ""}
    assert fixes["MC010"][0]["properties"] == {"safe": False}
    replacement = fixes["MC010"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"] == {"text": "hours"}
    assert replacement["deletedRegion"]["startColumn"] == 12
    json_report = json.loads(render("json", make_run(result)))
    assert [f["rule"] for f in json_report["findings"] if f["fixes"]] == ["MC053", "MC058", "MC010"]


def test_sarif_describes_exactly_the_rules_that_fired(results: list[FileResult]) -> None:
    run = sarif(make_run(*results))["runs"][0]
    descriptors = run["tool"]["driver"]["rules"]
    # In the order they first fired: the results are written before the rules are all known.
    fired = dict.fromkeys(f.rule for f in everything(results))
    assert [d["id"] for d in descriptors] == list(fired)
    for descriptor in descriptors:
        rule = SELECTION.by_id[descriptor["id"]]
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"]
        assert descriptor["help"]["text"] == rule.doc
        assert descriptor["defaultConfiguration"]["level"] == SARIF_LEVEL[rule.severity]
        assert descriptor["properties"] == {
            "framework": rule.source.citation,
            "evidence": rule.source.evidence,
            "pack": SELECTION.pack_of(rule.id).name,
        }
        if rule.source.url.startswith("https://"):
            assert descriptor["helpUri"] == rule.source.url
        else:  # the format rules link into docs/ relatively; SARIF wants an absolute URI
            assert "helpUri" not in descriptor
    bct001 = next(d for d in descriptors if d["id"] == "BCT001")
    first = SELECTION.by_id["BCT001"].doc.split("\n\n")[0]
    assert bct001["fullDescription"]["text"] == " ".join(first.split())


def test_sarif_results_match_the_findings(results: list[FileResult]) -> None:
    run = sarif(make_run(*results))["runs"][0]
    findings = everything(results)
    assert len(run["results"]) == len(findings)
    for finding, result in zip(findings, run["results"], strict=True):
        assert result["ruleId"] == finding.rule
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == finding.rule
        assert result["level"] == SARIF_LEVEL[finding.severity]
        expected = f"{finding.message} Fix: {finding.fix}" if finding.fix else finding.message
        assert result["message"]["text"] == expected
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["region"] == {
            "startLine": finding.span.line,
            "startColumn": finding.span.column,
            "endLine": finding.span.end_line,
            "endColumn": finding.span.end_column,
        }
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        if finding.pointer:
            assert location["logicalLocations"] == [
                {"fullyQualifiedName": finding.pointer, "kind": "member"}
            ]
        else:
            assert "logicalLocations" not in location
        if finding.suppression is None:
            assert "suppressions" not in result
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert uris == {"courses/cours%20%C3%A9.yaml", "list.yaml"}
    multiline = [r for r in run["results"] if r["ruleId"] == "BCT008"]
    region = multiline[0]["locations"][0]["physicalLocation"]["region"]
    assert region["endLine"] > region["startLine"]
    assert any(r["locations"][0].get("logicalLocations") is None for r in run["results"])


def test_sarif_keeps_suppressed_findings_as_suppressed_results(
    results: list[FileResult],
) -> None:
    run = sarif(make_run(*results))["runs"][0]  # show_suppressed is False
    suppressed = {r["ruleId"]: r["suppressions"] for r in run["results"] if "suppressions" in r}
    assert suppressed == {
        "BCT001": [{"kind": "inSource", "justification": "reason for BCT001"}],
        "BCT020": [{"kind": "external", "justification": "reason for BCT020"}],
    }


def test_sarif_fingerprints_survive_an_unrelated_edit_above() -> None:
    before = check_text(COURSE)
    after = check_text("# A note from the committee.\nx-owner: Dana\n" + COURSE)
    assert [f.identity for f in before.findings] == [f.identity for f in after.findings]
    assert [f.span for f in before.findings] != [f.span for f in after.findings]

    def prints(result: FileResult) -> list[str]:
        results = sarif(make_run(result))["runs"][0]["results"]
        return [r["partialFingerprints"]["mcvalidate/identity/v1"] for r in results]

    assert prints(before) == prints(after)
    assert len(set(prints(before))) == len(before.findings)


def test_sarif_without_rule_metadata_still_names_every_rule(results: list[FileResult]) -> None:
    run = sarif(make_run(*results, with_rules=False))["runs"][0]
    for descriptor in run["tool"]["driver"]["rules"]:
        rule = SELECTION.by_id[descriptor["id"]]
        assert descriptor["name"] == rule.name
        assert descriptor["properties"]["framework"] == rule.source.citation


def test_sarif_gives_a_file_uri_for_a_path_outside_the_source_root() -> None:
    outside = check_text(NOT_A_COURSE, name="/srv/course catalogue/c#1.yaml")
    location = sarif(make_run(outside))["runs"][0]["results"][0]["locations"][0]
    artifact = location["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "file:///srv/course%20catalogue/c%231.yaml"}


# JUnit ------------------------------------------------------------------------------------


def junit(run: Made) -> ET.Element:
    text = render("junit", run)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    assert text.isascii()  # valid UTF-8 whatever the stream's encoding
    return ET.fromstring(text.encode("utf-8"))


@pytest.mark.parametrize("fail_on", list(Severity))
def test_junit_has_one_case_per_file_and_fails_at_the_threshold(
    results: list[FileResult], fail_on: Severity
) -> None:
    root = junit(make_run(*results, fail_on=fail_on))
    assert root.tag == "testsuites"
    (suite,) = root
    assert suite.tag == "testsuite"
    cases = suite.findall("testcase")
    assert len(cases) == len(results)
    failing = sum(1 for case in cases if case.find("failure") is not None)
    assert root.attrib == {
        "name": "mcvalidate",
        "tests": str(len(results)),
        "failures": str(failing),
        "errors": "0",
    }
    assert suite.attrib == {
        "name": "mcvalidate",
        "tests": str(len(results)),
        "failures": str(failing),
        "errors": "0",
        "skipped": "0",
        "time": "0",
    }
    for case, result in zip(cases, results, strict=True):
        assert case.attrib == {"classname": result.path, "name": result.path, "file": result.path}
        above = [f for f in result.findings if f.severity >= fail_on]
        below = [f for f in result.findings if f.severity < fail_on]
        failures = case.findall("failure")
        assert len(failures) == len(above)
        for failure, finding in zip(failures, above, strict=True):
            span = finding.span
            assert failure.attrib == {
                "type": f"{finding.rule} {finding.name}",
                "message": f"{finding.path}:{span.line}:{span.column}: {finding.message}",
            }
            assert failure.text is not None and finding.fix in failure.text
        out = case.find("system-out")
        if below:
            assert out is not None and out.text is not None
            lines = out.text.split("\n")
            assert len(lines) == len(below)
            for finding, line in zip(below, lines, strict=True):
                assert line.endswith(f"{finding.rule} {finding.name}: {finding.message}")
        else:
            assert out is None
    assert failing == 2  # both files with findings have errors; the clean file never fails


def test_junit_escapes_what_xml_cannot_carry_as_is(results: list[FileResult]) -> None:
    course = results[0]
    odd = dataclasses.replace(course.findings[0], message="Bell \x07 and CR\r\nhere é")
    root = junit(make_run(dataclasses.replace(course, findings=(odd, *course.findings[1:]))))
    messages = [f.attrib["message"] for f in root.iter("failure")]
    # A control character is shown, not carried: a line break in a value cannot forge a line.
    assert messages[0].endswith("Bell \\x07 and CR\\r\\nhere é")
    quoted = next(f for f in course.findings if '<&"' in f.message)
    assert any(m.endswith(quoted.message) for m in messages)
    assert root.find("testsuite/testcase").attrib["name"] == "courses/cours é.yaml"  # type: ignore[union-attr]


# GitHub -----------------------------------------------------------------------------------

# The workflow-command grammar as the runner parses it (ActionCommand.TryParseV2): "::", the
# command, a space and comma-separated key=value properties, then "::" and the message.
COMMAND = re.compile(r"^::(?P<command>[a-z]+)(?: (?P<properties>[^:]*))?::(?P<data>.*)$")
DATA_ESCAPES = [("\r", "%0D"), ("\n", "%0A"), ("%", "%25")]
PROPERTY_ESCAPES = [("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C"), ("%", "%25")]


def unescape(text: str, escapes: list[tuple[str, str]]) -> str:
    for token, replacement in escapes:  # in the runner's order: "%25" last
        text = text.replace(replacement, token)
    return text


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, line
    properties = {}
    for pair in (match["properties"] or "").split(","):
        key, _, value = pair.partition("=")
        properties[key] = unescape(value, PROPERTY_ESCAPES)
    return match["command"], properties, unescape(match["data"], DATA_ESCAPES)


def check_github(run: Made) -> list[str]:
    lines = render("github", run).splitlines()
    findings = [f for r in run.results for f in r.findings]
    assert len(lines) == len(findings) + 1
    for line, finding in zip(lines[:-1], findings, strict=True):
        command, properties, data = parse_command(line)
        assert command == GITHUB_COMMAND[finding.severity]
        span = finding.span
        file = visible(finding.path)
        expected = {"file": file, "line": str(span.line), "endLine": str(span.end_line)}
        if span.end_line == span.line:
            expected |= {"col": str(span.column), "endColumn": str(span.end_column)}
        expected["title"] = f"{finding.rule} {finding.name}"
        assert properties == expected
        fix = f"\nFix: {visible(finding.fix)}" if finding.fix else ""
        assert data == visible(finding.message) + fix
    assert not lines[-1].startswith("::")
    return lines


def test_github_annotates_every_active_finding(results: list[FileResult]) -> None:
    lines = check_github(make_run(*results))
    active = sum(len(r.findings) for r in results)
    assert lines[-1].startswith("mcvalidate: 3 files checked: ")
    assert lines[-1].endswith("; 2 suppressed; fails at --fail-on error.")
    assert len(lines) == active + 1
    multiline = next(line for line in lines if "BCT008" in line)
    assert ",col=" not in multiline  # the runner drops columns across lines


def test_github_escapes_messages_and_properties(results: list[FileResult]) -> None:
    finding = dataclasses.replace(
        results[1].findings[0],
        path="in, odd: places/c.yaml",
        message="100% sure: a, b\nthen\r more",
        fix="Use 50%: x, y.",
    )
    result = FileResult(finding.path, (finding,), {})
    (line, _) = check_github(make_run(result))
    assert "\n" not in line and "\r" not in line
    assert "file=in%2C odd%3A places/c.yaml," in line
    # Line breaks in the message are shown (\\n), never passed on: only the fix's own line
    # break, which mcvalidate puts there, is one.
    assert line.endswith("::100%25 sure: a, b\\nthen\\r more%0AFix: Use 50%25: x, y.")


def test_github_says_all_pass_for_a_clean_run() -> None:
    output = render("github", make_run(check_text(COMPLETE)))
    assert output == "mcvalidate: 1 file checked, all pass.\n"
    baselined = dataclasses.replace(make_run(check_text(COMPLETE)), baselined=3)
    assert (
        render("github", baselined) == "mcvalidate: 1 file checked, all pass; 3 in the baseline.\n"
    )


# GitLab -----------------------------------------------------------------------------------


def test_gitlab_code_quality_issues(results: list[FileResult]) -> None:
    issues = json.loads(render("gitlab", make_run(*results)))
    active = [f for f in everything(results) if f.suppression is None]
    assert isinstance(issues, list) and len(issues) == len(active)
    for issue, finding in zip(issues, active, strict=True):
        assert isinstance(issue["description"], str) and issue["description"]
        assert issue["description"].startswith(finding.message)
        assert issue["check_name"] == finding.rule
        assert isinstance(issue["fingerprint"], str) and issue["fingerprint"]
        assert issue["severity"] in GITLAB_SEVERITIES
        assert issue["severity"] == GITLAB_SEVERITY[finding.severity]
        assert issue["location"]["path"] == finding.path
        lines = issue["location"]["lines"]
        assert isinstance(lines["begin"], int) and lines["begin"] == finding.span.line
        assert lines["end"] == finding.span.end_line
        assert (issue["type"], issue["engine_name"]) == ("issue", "mcvalidate")
    prints = [issue["fingerprint"] for issue in issues]
    assert len(set(prints)) == len(prints)


def test_gitlab_and_sarif_fingerprints_agree(results: list[FileResult]) -> None:
    issues = json.loads(render("gitlab", make_run(*results)))
    sarif_results = sarif(make_run(*results))["runs"][0]["results"]
    from_sarif = {
        r["partialFingerprints"]["mcvalidate/identity/v1"]
        for r in sarif_results
        if "suppressions" not in r
    }
    assert {issue["fingerprint"] for issue in issues} == from_sarif


def test_gitlab_report_is_empty_for_a_clean_run() -> None:
    assert json.loads(render("gitlab", make_run(check_text(COMPLETE)))) == []


# The spooled JSON arrays ------------------------------------------------------------------

ITEMS = [
    {"a": 1, "b": [1, {"c": []}], "d": {}},
    "Café \u202e ﬁ 🎉",
    'with a\nnewline, a "quote" and the stand-in \u0000mcvalidate:items',
    [],
    None,
]


@pytest.mark.parametrize("ascii_only", [True, False])
@pytest.mark.parametrize("count", [0, 1, len(ITEMS)])
@pytest.mark.parametrize(
    ("depth", "around"),
    [
        (1, lambda items: items),
        (2, lambda items: {"head": {"n": 1}, "é": [], "findings": items}),
        (4, lambda items: {"runs": [{"tool": {"rules": [1]}, "results": items}]}),
    ],
)
def test_spooled_items_are_written_in_place_one_line_each(
    ascii_only: bool, count: int, depth: int, around: Any
) -> None:
    """The document reads back as the one the items belong in; around the array it is what
    ``json.dump(indent=2)`` writes, and each item is one line at its depth."""
    from mcvalidate.reporters._common import Items

    items = Items(depth, ensure_ascii=ascii_only)
    for item in ITEMS[:count]:
        items.add(item)
    stream = io.StringIO()
    items.write(around(Items.hole), stream)
    text = stream.getvalue()
    assert json.loads(text) == around(ITEMS[:count])
    # json.dump(indent=2)'s layout, with each item in the place of a one-line stand-in.
    skeleton = json.dumps(around([0] * count), indent=2, ensure_ascii=ascii_only).splitlines()
    dumped = iter([json.dumps(item, ensure_ascii=ascii_only) for item in ITEMS[:count]])
    expected = [
        line.replace("0", next(dumped), 1) if line.strip(" ,") == "0" else line for line in skeleton
    ]
    assert text.splitlines() == expected
