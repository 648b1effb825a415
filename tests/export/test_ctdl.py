"""``mcvalidate export --to ctdl``: every example that passes the ``ctdl-export`` profile
exports a graph that the vendored CTDL schema accepts (each property in its class's domain,
each value in the property's range, each class and concept one the schema defines, CTIDs in
their grammar, references resolved in the graph), that expands offline with PyLD against the
vendored context without losing a key; each error of the profile is needed (a document written
without it misses the Registry's minimum data or leaves the schema); CTX001's fix stores a CTID
once; and the command line works end to end."""

from __future__ import annotations

import copy
import datetime
import hashlib
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from pyld import jsonld

from mcvalidate.cli import cli
from mcvalidate.export import Job
from mcvalidate.export.ctdl import CONTEXT, CREDENTIAL_CLASSES, REGISTRY, build, program_ctid
from mcvalidate.model import validate_course
from mcvalidate.model.course import Course

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "tests" / "data" / "vendor" / "credentialengine" / "ctdl"
SCHEMA = json.loads((VENDOR / "schema.json").read_text(encoding="utf-8"))
CONTEXT_DOC = json.loads((VENDOR / "context.json").read_text(encoding="utf-8"))
TERMS: dict[str, dict[str, Any]] = {node["@id"]: node for node in SCHEMA["@graph"]}
CTID = re.compile(r"^ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
DURATION = re.compile(r"^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?"
                      r"(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$")  # fmt: skip
LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml")) + sorted(
    (ROOT / "examples" / "real").glob("*.yaml")
)
EXPORTS = ROOT / "examples" / "exports" / "ctdl"
GOOD = """\
format: 1
id: welding-basics
title: Welding Basics
summary: A short course on safe welding.
language: en
status: active
issuer: {name: Example College, url: "https://college.example.ca", country: CA, region: CA-BC}
workload: {hours: 30, weeks: 5}
delivery: {modes: [in_person, hybrid], partner_institutions: [Other College]}
credit: {status: credit, value: 1.5, system: institutional, system_name: EC credits, ects: 2}
cost: {amount: 450, currency: CAD, breakdown: {tuition: 400, materials: 30, lab kit: 20}}
classification: {cip: "48.0508", noc: ["72106"], isced_f: "0715"}
level: {framework: eqf, value: 4, equivalents: [{framework: nzqcf, value: 4}]}
prerequisites: [Grade 12 or equivalent]
competencies:
  - {id: C1, statement: Weld safely, alignment: {framework: ESCO, code: S1.2, url: "https://esco.example.org/s1"}}
learning_outcomes: [Set up a welding station]
assessments: [{id: A1, title: Practical test, type: practical, weight: 100}]
recognition:
  badge: {name: Welder I, image: "https://college.example.ca/w.png", criteria: Pass the test., criteria_url: "https://college.example.ca/w/criteria"}
  expires_after_months: 36
quality_assurance: {approved_by: Education Council, approved_on: 2026-05-01, process: Annual review., review_cycle_months: 12, external_approvals: [{body: DQAB}]}
publication: {url: "https://college.example.ca/welding"}
credential_registry: {ctid: ce-5b8f3a2e-1c4d-4e6f-8a9b-0c1d2e3f4a5b}
"""  # noqa: E501


def course_of(text: str) -> Course:
    import yaml

    return validate_course(yaml.safe_load(text))


# --- the vendored files ------------------------------------------------------------------


def test_each_vendored_file_is_the_one_its_provenance_names() -> None:
    provenance = (VENDOR / "PROVENANCE.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \|.*\| ([0-9a-f]{64}) \|$", provenance, re.M)
    assert {name for name, _ in rows} == {
        p.name for p in VENDOR.iterdir() if p.name != "PROVENANCE.md"
    }
    for name, digest in rows:
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name
    assert "unconfirmed" in provenance  # the licence of the CTDL files is not known


def _ancestors(term: str) -> set[str]:
    found, todo = {term}, [term]
    while todo:
        for parent in TERMS.get(todo.pop(), {}).get("rdfs:subClassOf") or ():
            if parent not in found:
                found.add(parent)
                todo.append(parent)
    return found


def test_the_credential_classes_are_the_schemas_subclasses_of_credential() -> None:
    schema_classes = {
        term.removeprefix("ceterms:")
        for term, node in TERMS.items()
        if node["@type"] == "rdfs:Class" and term != "ceterms:Credential"
        if "ceterms:Credential" in _ancestors(term)
    }
    assert schema_classes == CREDENTIAL_CLASSES


# --- the checks: domain, range, classes, concepts, CTIDs, references ----------------------


def _allowed(kind: str) -> set[str]:
    """The properties a node of class ``kind`` may have: those its class or a superclass is
    ``meta:domainFor``, and those whose ``schema:domainIncludes`` names one of them."""
    classes = _ancestors(kind)
    allowed = {p for c in classes for p in TERMS.get(c, {}).get("meta:domainFor") or ()}
    allowed |= {
        term
        for term, node in TERMS.items()
        if set(node.get("schema:domainIncludes") or ()) & classes
    }
    return allowed


def _values(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def problems(document: dict[str, Any]) -> list[str]:
    """What the vendored CTDL schema says is wrong with an exported document."""
    found: list[str] = []
    if document.get("@context") != CONTEXT:
        found.append(f"@context is {document.get('@context')!r}")
    graph = document["@graph"]
    nodes = {node["@id"]: node for node in graph}
    if len(nodes) != len(graph):
        found.append("two nodes of the graph share an @id")
    for node in graph:
        _node(node, nodes, found, str(node["@id"]))
    return found


def _node(node: dict[str, Any], nodes: dict[str, Any], found: list[str], at: str) -> None:
    kind = node.get("@type")
    if not isinstance(kind, str) or TERMS.get(kind, {}).get("@type") != "rdfs:Class":
        found.append(f"{at}: @type {kind!r} is not a CTDL class")
        return
    allowed = _allowed(kind)
    for key, value in node.items():
        if key.startswith("@"):
            continue
        term = TERMS.get(key)
        if term is None or term["@type"] != "rdf:Property":
            found.append(f"{at}: {key} is not a CTDL property")
            continue
        if key not in allowed:
            found.append(f"{at}: {key} is not in the domain of {kind}")
        ranges = set(term.get("schema:rangeIncludes") or ())
        for item in _values(value):
            _value(key, item, ranges, nodes, found, f"{at} {key}")
    if "ceterms:ctid" in node and not CTID.match(node["ceterms:ctid"]):
        found.append(f"{at}: ceterms:ctid {node['ceterms:ctid']!r} is not a CTID")
    if kind == "ceterms:CredentialAlignmentObject" and "ceterms:framework" in node:
        _concept(node, found, at)


def _value(
    key: str, item: Any, ranges: set[str], nodes: dict[str, Any], found: list[str], at: str
) -> None:
    is_reference = CONTEXT_DOC["@context"].get(key, {}).get("@type") == "@id"
    if isinstance(item, dict) and "@type" in item:
        if not _ancestors(item["@type"]) & ranges:
            found.append(f"{at}: a {item['@type']} is not in the range {sorted(ranges)}")
        _node(item, nodes, found, at)
    elif isinstance(item, dict):
        if "rdf:langString" not in ranges:
            found.append(f"{at}: a language map where the range is {sorted(ranges)}")
        for lang, text in item.items():
            texts = _values(text)
            if not LANGUAGE.match(lang) or not all(isinstance(t, str) and t for t in texts):
                found.append(f"{at}: {lang!r}: {text!r} is not text in a language")
    elif isinstance(item, bool):
        if "xsd:boolean" not in ranges:
            found.append(f"{at}: a boolean where the range is {sorted(ranges)}")
    elif isinstance(item, (int, float)):
        if not ranges & {"xsd:decimal", "xsd:float", "xsd:integer"}:
            found.append(f"{at}: a number where the range is {sorted(ranges)}")
    elif isinstance(item, str) and is_reference and "xsd:anyURI" not in ranges:
        if "skos:Concept" in ranges:
            if TERMS.get(item, {}).get("@type") != "skos:Concept":
                found.append(f"{at}: {item!r} is not a CTDL concept")
        elif item in nodes:
            if not _ancestors(nodes[item]["@type"]) & ranges:
                found.append(f"{at}: {item} is a {nodes[item]['@type']}, not {sorted(ranges)}")
        elif not (item.startswith(REGISTRY) and CTID.match(item.removeprefix(REGISTRY))):
            found.append(f"{at}: {item!r} resolves neither in the graph nor in the Registry")
    elif isinstance(item, str):
        _literal(item, ranges, found, at)
    else:
        found.append(f"{at}: {item!r} is no CTDL value")


def _literal(item: str, ranges: set[str], found: list[str], at: str) -> None:
    if "xsd:anyURI" in ranges:
        concept = TERMS.get(item, {}).get("@type") == "skos:Concept"
        if not (concept or re.match(r"^https?://\S+$", item)):
            found.append(f"{at}: {item!r} is not a URI")
    elif "schema:Duration" in ranges:
        if not DURATION.match(item):
            found.append(f"{at}: {item!r} is not an ISO 8601 duration")
    elif "xsd:date" in ranges:
        try:
            datetime.date.fromisoformat(item)
        except ValueError:
            found.append(f"{at}: {item!r} is not a date")
    elif "xsd:language" in ranges:
        if not LANGUAGE.match(item):
            found.append(f"{at}: {item!r} is not a language tag")
    elif "xsd:string" not in ranges:
        found.append(f"{at}: text where the range is {sorted(ranges)}")


def _concept(node: dict[str, Any], found: list[str], at: str) -> None:
    """A concept of a CTDL vocabulary names the scheme it is in."""
    target = node.get("ceterms:targetNode", "")
    concept = TERMS.get(target)
    if concept is None or concept["@type"] != "skos:Concept":
        return  # an alignment to another framework (a competency's, ESCO's)
    scheme = node["ceterms:framework"].rsplit("/", 1)[-1]
    if f"ceterms:{scheme}" not in concept.get("skos:inScheme", ()):
        found.append(f"{at}: {target} is not in the scheme {scheme}")
    label = concept["skos:prefLabel"]["en-US"]
    if node.get("ceterms:targetNodeName") != {"en-US": label}:
        found.append(f"{at}: {target}'s name is not CTDL's label {label!r}")


# The Registry's minimum data for a credential: Credential Engine's validation schema's
# required properties (with one of ownedBy/offeredBy), and the language.
MINIMUM = (
    "ceterms:ctid",
    "ceterms:name",
    "ceterms:description",
    "ceterms:subjectWebpage",
    "ceterms:credentialStatusType",
    "ceterms:inLanguage",
)


def minimum_data(document: dict[str, Any]) -> list[str]:
    credential = document["@graph"][0]
    missing = [key for key in MINIMUM if not credential.get(key)]
    if not (credential.get("ceterms:ownedBy") or credential.get("ceterms:offeredBy")):
        missing.append("ceterms:ownedBy or ceterms:offeredBy")
    if credential.get("@type") == "ceterms:Credential":
        missing.append("a credential class more specific than ceterms:Credential")
    return missing


# --- JSON-LD, offline ----------------------------------------------------------------------


def _loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    if url != CONTEXT:
        raise AssertionError(f"the test asked the network for {url}")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": CONTEXT_DOC}  # fmt: skip


def _keys(data: Any) -> Iterator[str]:
    if isinstance(data, list):
        for item in data:
            yield from _keys(item)
    elif isinstance(data, dict):
        for key, value in data.items():
            yield key
            if not key.startswith("@"):
                yield from _keys(value)


def _lowered(data: Any) -> set[str]:
    return {key.lower() for key in _keys(data)}


def expand_round_trip(document: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    options = {"documentLoader": _loader}
    expanded = jsonld.expand(copy.deepcopy(document), options)
    compacted = jsonld.compact(expanded, CONTEXT, options)
    return expanded, compacted


def _exported(path: Path) -> dict[str, Any] | None:
    """The CTDL document of an example, or None when the profile refuses it."""
    result = run("export", "--to", "ctdl", str(path), cwd=ROOT)
    if result.exit_code != 0:
        return None
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def run(*args: str, cwd: Path) -> Result:
    here = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(here)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_exports_a_graph_the_ctdl_schema_accepts(path: Path) -> None:
    document = _exported(path)
    assert document is not None, f"{path.name} is refused"  # every example has a CTID
    assert problems(document) == []
    assert minimum_data(document) == []
    expanded, compacted = expand_round_trip(document)
    assert expanded and all(
        key.startswith(("@", "https://purl.org/ctdl/", "https://schema.org/"))
        for key in _keys(expanded)
    )
    # Nothing is dropped on the way (a key the context did not know would be); language tags
    # come back in lowercase (they are case-insensitive, and PyLD writes them so).
    assert _lowered(compacted["@graph"]) == _lowered(document["@graph"])


def test_a_full_course_exports_every_mapped_term_and_passes_the_checks() -> None:
    document = build(course_of(GOOD), Job("welding-basics"))
    assert problems(document) == []
    credential, program, *others = document["@graph"]
    assert credential["@id"] == REGISTRY + "ce-5b8f3a2e-1c4d-4e6f-8a9b-0c1d2e3f4a5b"
    assert credential["@type"] == "ceterms:MicroCredential"
    assert program["@type"] == "ceterms:LearningProgram"
    assert program["ceterms:ctid"] == program_ctid(credential["ceterms:ctid"])
    assert credential["ceterms:requires"][0]["ceterms:targetLearningOpportunity"] == [
        program["@id"]
    ]
    assert credential["ceterms:estimatedDuration"] == [
        {"@type": "ceterms:DurationProfile", "ceterms:exactDuration": "P5W",
         "ceterms:timeRequired": "PT30H"}
    ]  # fmt: skip
    costs = {c["ceterms:directCostType"][0]["ceterms:targetNode"]: c["ceterms:price"]
             for c in credential["ceterms:estimatedCost"]}  # fmt: skip
    assert costs == {"costType:Tuition": 400, "costType:LearningResource": 30,
                     "costType:MixedFees": 20}  # fmt: skip
    assert [v["schema:value"] for v in program["ceterms:creditValue"]] == [1.5, 2]
    assert credential["ceterms:isNonCredit"] is False
    assert credential["ceterms:renewalFrequency"] == "P36M"
    assert credential["ceterms:dateEffective"] == "2026-05-01"
    assert [o["ceterms:codedNotation"] for o in credential["ceterms:atLevel"]] == ["4", "4"]
    assert program["ceterms:teaches"][0]["ceterms:codedNotation"] == "S1.2"
    assert program["ceterms:entryCondition"][0]["ceterms:condition"] == {
        "en": ["Grade 12 or equivalent"]
    }
    assert {o["@id"] for o in others} == {"_:issuer", "_:partner-1", "_:approver-1",
                                          "_:approver-2"}  # fmt: skip
    _, compacted = expand_round_trip(document)
    assert _lowered(compacted["@graph"]) == _lowered(document["@graph"])


def test_an_achievement_type_naming_a_ctdl_class_is_the_credentials_class() -> None:
    text = GOOD.replace("badge: {name: Welder I,", "badge: {achievement_type: Certificate,")
    document = build(course_of(text), Job("welding-basics"))
    assert document["@graph"][0]["@type"] == "ceterms:Certificate"
    assert problems(document) == []
    award = build(course_of(GOOD.replace("{name: Welder I,", "{achievement_type: Award,")),
                  Job("x"))  # fmt: skip
    assert award["@graph"][0]["@type"] == "ceterms:MicroCredential"


def test_the_issuers_ctid_names_its_registry_record() -> None:
    text = GOOD.replace(
        "country: CA,", "ctid: ce-1f0c2b8e-7a4d-4c3e-9b6a-2d5e8f1a0c37, country: CA,"
    )
    document = build(course_of(text), Job("welding-basics"))
    credential = document["@graph"][0]
    assert credential["ceterms:ownedBy"] == [REGISTRY + "ce-1f0c2b8e-7a4d-4c3e-9b6a-2d5e8f1a0c37"]
    assert "_:issuer" not in {n["@id"] for n in document["@graph"]}
    assert problems(document) == []


def test_the_checks_catch_what_the_schema_forbids() -> None:
    """The checks above are not vacuous: each kind of mistake is found."""
    good = build(course_of(GOOD), Job("welding-basics"))
    cases = {
        "not in the domain": ("ceterms:creditValue", [{"@type": "ceterms:ValueProfile"}]),
        "is not a CTDL property": ("ceterms:noSuchTerm", "x"),
        "is not in the range": ("ceterms:estimatedDuration", [{"@type": "ceterms:CostProfile"}]),
        "not text in a language": ("ceterms:name", {"en": ""}),
        "a language map where": ("ceterms:subjectWebpage", {"en": "x"}),
        "resolves neither": ("ceterms:ownedBy", ["_:nobody"]),
        "is not a URI": ("ceterms:image", "picture.png"),
        "is not a CTID": ("ceterms:ctid", "ce-5B8F"),
        "not an ISO 8601 duration": ("ceterms:renewalFrequency", "36 months"),
        "text where the range": ("ceterms:name", "Welding Basics"),
    }
    for expected, (key, value) in cases.items():
        document = copy.deepcopy(good)
        document["@graph"][0][key] = value
        assert any(expected in p for p in problems(document)), expected


# --- each error of the profile is needed -----------------------------------------------------

REFUSED = {
    "CTX001": ("credential_registry: {ctid: ce-5b8f3a2e-1c4d-4e6f-8a9b-0c1d2e3f4a5b}\n", ""),
    "CTX002": ("summary: A short course on safe welding.\n", ""),
    "CTX003": ('publication: {url: "https://college.example.ca/welding"}\n', ""),
    "CTX004": ("status: active\n", "status: draft\n"),
    "CTX005": ("language: en\n", ""),
    "CTX006": (
        'issuer: {name: Example College, url: "https://college.example.ca", country: CA, '
        "region: CA-BC}\n",
        "issuer: {name: Example College, country: CA, region: CA-BC}\n",
    ),
}


@pytest.mark.parametrize("rule_id", sorted(REFUSED))
def test_a_course_lacking_what_the_registry_needs_is_refused(rule_id: str, tmp_path: Path) -> None:
    written, instead = REFUSED[rule_id]
    assert written in GOOD
    (tmp_path / "welding.yaml").write_text(GOOD.replace(written, instead), encoding="utf-8")
    result = run("export", "--to", "ctdl", "welding.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    assert rule_id in result.stderr and result.stdout == ""


def _without(document: dict[str, Any], *keys: str) -> dict[str, Any]:
    document = copy.deepcopy(document)
    for node in document["@graph"][:2]:
        for key in keys:
            node.pop(key, None)
    return document


def test_a_document_written_without_the_profiles_guards_would_be_invalid() -> None:
    """What each error rule guards: the document an exporter would write without the value."""
    good = build(course_of(GOOD), Job("welding-basics"))
    assert minimum_data(good) == [] and problems(good) == []
    # CTX001, CTX002, CTX003, CTX006: a required property of the Registry would be missing.
    for key in ("ceterms:ctid", "ceterms:description", "ceterms:subjectWebpage"):
        assert key in minimum_data(_without(good, key))
    assert minimum_data(_without(good, "ceterms:ownedBy", "ceterms:offeredBy")) == [
        "ceterms:ownedBy or ceterms:offeredBy"
    ]
    # CTX004: a draft has no Credential Status concept to be.
    draft = copy.deepcopy(good)
    draft["@graph"][0]["ceterms:credentialStatusType"]["ceterms:targetNode"] = (
        "credentialStat:Draft"
    )
    assert "credentialStat:Draft" not in TERMS
    assert any("resolves" in p or "not a URI" in p for p in problems(draft))
    # CTX005: without a language, a name is plain text, which is not a CTDL langString.
    untagged = copy.deepcopy(good)
    untagged["@graph"][0]["ceterms:name"] = "Welding Basics"
    untagged["@graph"][0].pop("ceterms:inLanguage")
    assert any("text where the range is ['rdf:langString']" in p for p in problems(untagged))
    assert "ceterms:inLanguage" in minimum_data(untagged)


# --- CTX001's fix: the CTID is stored once ------------------------------------------------


def test_the_fix_stores_a_ctid_once_and_the_export_uses_it(tmp_path: Path) -> None:
    without = GOOD.replace(REFUSED["CTX001"][0], "")
    path = tmp_path / "welding.yaml"
    path.write_text(without, encoding="utf-8")
    args = ("check", "--fix", "--framework", "ctdl-export", "welding.yaml")
    safe_only = run(*args, cwd=tmp_path)
    assert safe_only.exit_code == 1 and path.read_text(encoding="utf-8") == without  # unsafe
    fixed = run(*args, "--unsafe-fixes", cwd=tmp_path)
    assert fixed.exit_code == 0, fixed.output
    text = path.read_text(encoding="utf-8")
    added = text.removeprefix(without)
    match = re.fullmatch(r"credential_registry: \{ctid: (ce-[0-9a-f-]{36})\}\n", added)
    assert match and CTID.match(match.group(1))
    again = run(*args, "--unsafe-fixes", cwd=tmp_path)
    assert again.exit_code == 0 and path.read_text(encoding="utf-8") == text  # nothing to do
    exported = run("export", "--to", "ctdl", "welding.yaml", cwd=tmp_path)
    assert exported.exit_code == 0
    credential = json.loads(exported.stdout)["@graph"][0]
    assert credential["ceterms:ctid"] == match.group(1)
    assert credential["@id"] == REGISTRY + match.group(1)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("title: W\r\nsummary: S\r\n",
         "title: W\r\nsummary: S\r\ncredential_registry: {ctid: *}\r\n"),
        ("title: W\nsummary: S", "title: W\nsummary: S\ncredential_registry: {ctid: *}"),
        ("title: W\ncredential_registry: {}\n", "title: W\ncredential_registry: {ctid: *}\n"),
        ("# mcvalidate\ntitle: W\n# end\n",
         "# mcvalidate\ntitle: W\n# end\ncredential_registry: {ctid: *}\n"),
    ],
    ids=["crlf", "no final line break", "empty section", "comments"],
)  # fmt: skip
def test_the_fix_keeps_the_files_line_ends_and_fills_an_empty_section(
    before: str, after: str, tmp_path: Path
) -> None:
    path = tmp_path / "w.yaml"
    path.write_bytes(before.encode())
    run("check", "--fix", "--unsafe-fixes", "--select", "CTX001", "--framework",
        "ctdl-export", "w.yaml", cwd=tmp_path)  # fmt: skip
    text = path.read_bytes().decode()
    assert re.fullmatch(re.escape(after).replace(r"\*", "ce-[0-9a-f-]{36}"), text), text


def test_no_fix_is_offered_where_a_line_cannot_simply_be_added(tmp_path: Path) -> None:
    for text in ("{title: W, summary: S}\n", "title: W\ncredential_registry:\n  x-n: 1\n"):
        path = tmp_path / "w.yaml"
        path.write_text(text, encoding="utf-8")
        result = run("check", "--fix", "--unsafe-fixes", "--select", "CTX001", "--framework",
                     "ctdl-export", "w.yaml", cwd=tmp_path)  # fmt: skip
        assert result.exit_code == 1 and path.read_text(encoding="utf-8") == text


# --- the command line ----------------------------------------------------------------------


@pytest.fixture
def courses(tmp_path: Path) -> Path:
    (tmp_path / "welding.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "second.yaml").write_text(
        GOOD.replace("welding-basics", "welding-two").replace(
            "ce-5b8f3a2e-1c4d-4e6f-8a9b-0c1d2e3f4a5b", "ce-0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6"
        ),
        encoding="utf-8",
    )
    return tmp_path


def test_one_file_goes_to_standard_output_and_to_a_file(courses: Path) -> None:
    result = run("export", "--to", "ctdl", "welding.yaml", cwd=courses)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert problems(document) == []
    result = run("export", "--to", "ctdl", "welding.yaml", "-o", "out.json", cwd=courses)
    assert result.exit_code == 0
    assert json.loads((courses / "out.json").read_text(encoding="utf-8")) == document


def test_several_files_go_to_a_directory_one_per_course(courses: Path) -> None:
    result = run("export", "--to", "ctdl", "welding.yaml", "second.yaml", "-o", "out",
                 cwd=courses)  # fmt: skip
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (courses / "out").iterdir())
    assert names == ["welding-basics.ctdl.json", "welding-two.ctdl.json"]
    ctids = {
        json.loads((courses / "out" / n).read_text(encoding="utf-8"))["@graph"][0]["ceterms:ctid"]
        for n in names
    }
    assert len(ctids) == 2


def test_ids_are_reproducible_and_the_base_url_names_the_document(courses: Path) -> None:
    first = run("export", "--to", "ctdl", "welding.yaml", cwd=courses).stdout
    assert run("export", "--to", "ctdl", "welding.yaml", cwd=courses).stdout == first
    assert json.loads(first)["@id"].startswith("urn:uuid:")
    based = run("export", "--to", "ctdl", "--base-url", "https://college.example.ca/mc",
                "welding.yaml", cwd=courses)  # fmt: skip
    document = json.loads(based.stdout)
    assert document["@id"] == "https://college.example.ca/mc/welding-basics"
    # The Registry's URIs do not depend on it.
    assert document["@graph"][:2] == json.loads(first)["@graph"][:2]


# --- the checked-in exports ----------------------------------------------------------------


def test_the_checked_in_exports_are_up_to_date(tmp_path: Path) -> None:
    paths = [str(p.relative_to(ROOT)) for p in EXAMPLES]
    out = tmp_path / "ctdl"
    result = run("export", "--to", "ctdl", *paths, "-o", str(out), cwd=ROOT)
    assert result.exit_code == 0, result.output
    fresh = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}
    kept = {p.name: p.read_text(encoding="utf-8") for p in EXPORTS.iterdir()}
    assert fresh == kept, (
        "run: .venv/bin/mcvalidate export --to ctdl examples/*.yaml examples/real/*.yaml "
        "-o examples/exports/ctdl"
    )
