"""``mcvalidate export --to ob3``: every example exports an Open Badges 3.0 Achievement that
1EdTech's JSON Schema accepts (both published flavours), whose JSON-LD expands offline with
no key lost to the context; the credential template passes the full AchievementCredential
schema; each error of the ``ob3-export`` profile guards a real schema failure; the command
writes to standard output, a file or a directory; ids are the same on every run."""

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
import yaml
from click.testing import CliRunner, Result
from jsonschema import Draft201909Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT201909

from mcvalidate.cli import cli
from mcvalidate.export import Job
from mcvalidate.export.ob3 import CONTEXT, VC_CONTEXT, build, language_tag
from mcvalidate.findings import Severity
from mcvalidate.model import validate_course
from mcvalidate.model.course import Course
from mcvalidate.testing import check_text

pyld = pytest.importorskip("pyld")
from pyld import jsonld  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "tests" / "data" / "vendor" / "1edtech"
EXPORTS = ROOT / "examples" / "exports" / "ob3"
EXAMPLES = sorted(ROOT.glob("examples/*.yaml")) + sorted(ROOT.glob("examples/real/*.yaml"))
TODAY = datetime.date(2026, 6, 1)


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


STRICT = _load(VENDOR / "ob3" / "achievementcredential.json")
PURL = _load(VENDOR / "ob3" / "ob_v3p0_achievementcredential_schema.json")
SCHEMAS = [pytest.param(STRICT, id="strict"), pytest.param(PURL, id="purl")]
DOCUMENTS = {
    CONTEXT: _load(VENDOR / "ob3" / "context-3.0.3.json"),
    VC_CONTEXT: _load(VENDOR / "validator" / "credentials-v2.jsonld"),
}


def _messages(validator: Draft201909Validator, document: Any) -> list[str]:
    found: list[str] = []
    pending = list(validator.iter_errors(document))
    while pending:  # the purl flavour's alternatives (anyOf) hold the cause in their context
        error = pending.pop()
        found.append(error.message)
        pending.extend(error.context or ())
    return sorted(found)


def _validator(schema: dict[str, Any], ref: str = "") -> Draft201909Validator:
    registry: Registry[Any] = Registry().with_resource(
        schema["$id"], Resource.from_contents(schema, default_specification=DRAFT201909)
    )
    wrapper = {"$schema": schema["$schema"], "$ref": f"{schema['$id']}{ref}"}
    return Draft201909Validator(wrapper, registry=registry)


def achievement_errors(schema: dict[str, Any], document: dict[str, Any]) -> list[str]:
    """The schema's errors for a stand-alone Achievement (``$defs/Achievement``; the
    schema has no Achievement of its own), its ``@context`` aside."""
    plain = {k: v for k, v in document.items() if k != "@context"}
    return _messages(_validator(schema, "#/$defs/Achievement"), plain)


def credential_errors(schema: dict[str, Any], document: dict[str, Any]) -> list[str]:
    """The full AchievementCredential schema's errors."""
    return _messages(_validator(schema), document)


def _loader(url: str, options: Any = None) -> dict[str, Any]:
    """The two contexts from the vendored files; any other address is refused, so that no
    test ever reaches the network."""
    if url not in DOCUMENTS:
        raise jsonld.JsonLdError(f"no network in the tests: {url}", "loading document failed")
    return {"contextUrl": None, "documentUrl": url, "document": copy.deepcopy(DOCUMENTS[url])}


@pytest.fixture(autouse=True)
def _offline_jsonld() -> Iterator[None]:
    previous = jsonld.get_document_loader()
    jsonld.set_document_loader(_loader)
    yield
    jsonld.set_document_loader(previous)


def _paths(node: Any, at: str = "") -> set[str]:
    """Every key of the document, by its path (list positions left out)."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            found.add(f"{at}/{key}")
            found |= _paths(value, f"{at}/{key}")
    elif isinstance(node, list):
        for value in node:
            found |= _paths(value, at)
    return found


def lost_keys(document: dict[str, Any]) -> set[str]:
    """The keys a JSON-LD round trip (expand, then compact with the document's own context)
    drops: those the context does not define. Safe mode raises nothing for an undefined
    term inside a scoped context, it drops it (interop report, 1.1.5 point 4)."""
    expanded = jsonld.expand(document, {"safeMode": True})
    compacted = jsonld.compact(expanded, document["@context"])
    return _paths(document) - _paths(compacted)


def course(text: str) -> Course:
    return validate_course(yaml.safe_load(text))


def run(*args: str, cwd: Path = ROOT) -> Result:
    here = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(here)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Every example, exported by the real command into a directory."""
    out = tmp_path_factory.mktemp("ob3")
    paths = [str(p.relative_to(ROOT)) for p in EXAMPLES]
    result = run("export", "--to", "ob3", *paths, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return {p.name.removesuffix(".ob3.json"): _load(p) for p in sorted(out.iterdir())}


# -- the vendored files -------------------------------------------------------------------


def test_the_vc_context_is_the_file_its_provenance_names() -> None:
    folder = VENDOR / "validator"
    provenance = (folder / "PROVENANCE.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \|.*\| ([0-9a-f]{64}) \|$", provenance, re.M)
    assert {name for name, _ in rows} == {
        p.name for p in folder.iterdir() if p.name != "PROVENANCE.md"
    }
    for name, digest in rows:
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name


def test_no_network_the_loader_refuses_any_other_address() -> None:
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand({"@context": "https://example.org/context.json", "name": "x"})


def test_the_round_trip_check_finds_a_key_the_context_does_not_define() -> None:
    document = {"@context": CONTEXT, "id": "urn:uuid:1", "type": ["Achievement"], "name": "x"}
    assert lost_keys(document) == set()
    assert lost_keys({**document, "learningOutcomes": ["LO1"]}) == {"/learningOutcomes"}


# -- every example ------------------------------------------------------------------------


def test_every_example_is_exported(exported: dict[str, dict[str, Any]]) -> None:
    ids = {yaml.safe_load(p.read_text(encoding="utf-8")).get("id") or p.stem for p in EXAMPLES}
    assert set(exported) == ids


@pytest.mark.parametrize("schema", SCHEMAS)
def test_every_export_is_an_achievement_the_schema_accepts(
    exported: dict[str, dict[str, Any]], schema: dict[str, Any]
) -> None:
    for name, document in exported.items():
        assert document["@context"] == CONTEXT
        assert achievement_errors(schema, document) == [], name


def test_no_exported_key_is_lost_to_the_json_ld_context(
    exported: dict[str, dict[str, Any]],
) -> None:
    for name, document in exported.items():
        assert lost_keys(document) == set(), name


@pytest.mark.parametrize("schema", SCHEMAS)
def test_every_credential_template_passes_the_full_credential_schema(
    schema: dict[str, Any],
) -> None:
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        job = Job(course_id=path.stem, credential_template=True, today=TODAY)
        document = build(course(text), job)
        assert document["@context"] == [VC_CONTEXT, CONTEXT]
        assert credential_errors(schema, document) == [], path.name
        assert lost_keys(document) == set(), path.name


def test_the_checked_in_exports_are_those_the_command_writes(
    exported: dict[str, dict[str, Any]],
) -> None:
    checked_in = {p.name.removesuffix(".ob3.json"): _load(p) for p in EXPORTS.glob("*.json")}
    assert checked_in == exported, (
        "run: .venv/bin/mcvalidate export --to ob3 examples/*.yaml examples/real/*.yaml "
        "-o examples/exports/ob3"
    )


def test_what_the_mass_timber_export_says(exported: dict[str, dict[str, Any]]) -> None:
    document = exported["mass-timber-construction"]
    assert document["achievementType"] == "MicroCredential"
    assert document["creator"] == {
        "id": "https://eit.example.ca",
        "type": ["Profile"],
        "name": "Example Institute of Technology",
        "url": "https://eit.example.ca",
    }
    assert document["creditsAvailable"] == 4.0
    assert document["criteria"]["id"].endswith("/mass-timber-construction/criteria")
    assert (
        "Online module quizzes (20% of the final result; passing mark 70)"
        in (document["criteria"]["narrative"])
    )
    assert document["image"]["type"] == "Image"
    quizzes, _, practical, _ = document["resultDescription"]
    assert quizzes["id"] == f"{document['id']}#A1"
    assert (quizzes["resultType"], quizzes["requiredValue"]) == ("Percent", "70")
    assert practical["resultType"] == "Status"
    assert {a["targetCode"] for a in document["alignment"]} == {"72310"}
    assert document["humanCode"] == "mass-timber-construction"
    assert "NOC 72310" in document["tag"]


# -- what the profile guards --------------------------------------------------------------

GOOD = """\
id: drone-scouting
title: Drone Crop Scouting
summary: Fly a small drone legally and map crop stress.
language: en
issuer: {name: Example College, url: "https://college.example.ca"}
credit: {status: credit, value: 1.5}
competencies:
  - id: C1
    statement: Map crop stress from drone imagery
    alignment: {framework: NOC 2021, code: "84120", url: "https://noc.example.ca/84120"}
assessments:
  - {id: A1, title: Field flight practical, type: practical, summative: true, passing: 70}
recognition:
  badge:
    name: Drone Crop Scouting
    image: https://college.example.ca/drone.png
    alignment:
      - {name: Drone pilot, framework: ESCO, url: "https://esco.example.org/pilot"}
"""


def _good_document(**job: Any) -> dict[str, Any]:
    return build(course(GOOD), Job(course_id="drone-scouting", **job))


def _without(document: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != key}


def _alignment_without(document: dict[str, Any], key: str) -> dict[str, Any]:
    aligned = [{k: v for k, v in a.items() if k != key} for a in document["alignment"]]
    return {**document, "alignment": aligned}


def _result_without_name(document: dict[str, Any]) -> dict[str, Any]:
    results = [_without(r, "name") for r in document["resultDescription"]]
    return {**document, "resultDescription": results}


# Each error rule: the change to GOOD that it refuses, and the document an exporter without
# the guard would write (the raw value, or the key left out), with the schema's complaint.
GUARDS = [
    pytest.param(
        "OBX001",
        ("summary: Fly a small drone legally and map crop stress.\n", ""),
        lambda d: _without(d, "description"),
        "'description' is a required property",
        id="OBX001 description",
    ),
    pytest.param(
        "OBX003",
        (', url: "https://noc.example.ca/84120"', ""),
        lambda d: _alignment_without(d, "targetUrl"),
        "'targetUrl' is a required property",
        id="OBX003 alignment url",
    ),
    pytest.param(
        "OBX004",
        ("{name: Drone pilot, framework: ESCO, ", "{"),
        lambda d: _alignment_without(d, "targetName"),
        "'targetName' is a required property",
        id="OBX004 alignment name",
    ),
    pytest.param(
        "OBX005",
        ("language: en\n", "language: de-CH-1996\n"),
        lambda d: {**d, "inLanguage": "de-CH-1996"},
        "does not match",
        id="OBX005 language",
    ),
    pytest.param(
        "OBX006",
        ("    name: Drone Crop Scouting\n", "    achievement_type: Microcredential\n"),
        lambda d: {**d, "achievementType": "Microcredential"},
        "is not valid under any of the given schemas",
        id="OBX006 achievement type",
    ),
    pytest.param(
        "OBX007",
        ("title: Field flight practical, ", ""),
        _result_without_name,
        "'name' is a required property",
        id="OBX007 result name",
    ),
]


@pytest.mark.parametrize(("rule_id", "change", "unguarded", "error"), GUARDS)
@pytest.mark.parametrize("schema", SCHEMAS)
def test_each_error_guards_a_real_schema_failure(
    tmp_path: Path,
    schema: dict[str, Any],
    rule_id: str,
    change: tuple[str, str],
    unguarded: Any,
    error: str,
) -> None:
    good = _good_document()
    assert achievement_errors(schema, good) == []
    found = achievement_errors(schema, unguarded(good))
    assert any(error in message for message in found), found
    old, new = change
    assert old in GOOD
    (tmp_path / "course.yaml").write_text(GOOD.replace(old, new, 1), encoding="utf-8")
    result = run("export", "--to", "ob3", "course.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    assert f" {rule_id} " in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("schema", SCHEMAS)
def test_the_issuer_url_guards_the_creator_and_the_credentials_issuer(
    tmp_path: Path, schema: dict[str, Any]
) -> None:
    good = _good_document()
    anonymous = {**good, "creator": _without(good["creator"], "id")}
    assert "'id' is a required property" in achievement_errors(schema, anonymous)
    template = _good_document(credential_template=True, today=TODAY)
    assert credential_errors(schema, template) == []
    assert "'issuer' is a required property" in credential_errors(
        schema, _without(template, "issuer")
    )
    text = GOOD.replace(', url: "https://college.example.ca"', "")
    (tmp_path / "course.yaml").write_text(text, encoding="utf-8")
    result = run("export", "--to", "ob3", "course.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    assert " OBX002 " in result.stderr


def test_a_course_with_only_warnings_and_info_is_exported(tmp_path: Path) -> None:
    text = "id: bare\ntitle: Bare\nsummary: A course.\nissuer: {url: 'https://x.example.ca'}\n"
    (tmp_path / "bare.yaml").write_text(text, encoding="utf-8")
    result = run("export", "--to", "ob3", "bare.yaml", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["criteria"] == {}  # OBX008 warns of it: the schema allows it
    for schema in (STRICT, PURL):
        assert achievement_errors(schema, document) == []
    checked = run("check", "--framework", "ob3-export", "bare.yaml", cwd=tmp_path)
    assert "OBX008" in checked.stdout and "OBX009" in checked.stdout


def _cases() -> Iterator[tuple[str, dict[str, Any]]]:
    """The rule case files' courses (every pack's; the format's own cases, of malformed and
    hostile files, aside), each given the summary and the issuer's
    web address an export needs when it has none, so that most pass the profile."""
    for path in sorted((ROOT / "tests" / "rules").glob("*.yaml")):
        if path.stem.startswith("MC"):
            continue
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            try:
                data = yaml.safe_load(case["yaml"])
            except (yaml.YAMLError, ValueError):  # a case of a date that is no date
                continue
            if not isinstance(data, dict):
                continue
            data.setdefault("summary", "A course.")
            if data.get("issuer") is None:
                data["issuer"] = {}
            if isinstance(data["issuer"], dict):
                data["issuer"].setdefault("url", "https://issuer.example.ca")
            yield f"{path.stem}: {case['name']}", data


def test_every_rule_case_the_profile_passes_exports_a_valid_achievement() -> None:
    """Build never fails, nor writes an invalid document, for a file the profile passes:
    hundreds of varied files, the rule case files of every pack."""
    validators = [_validator(s, "#/$defs/Achievement") for s in (STRICT, PURL)]
    exported = 0
    for name, data in _cases():
        text = yaml.safe_dump(data, allow_unicode=True)
        result = check_text(text, "ob3-export", "format")
        if any(f.severity is Severity.ERROR for f in result.findings):
            continue
        document = build(validate_course(data), Job(course_id="case"))
        plain = _without(document, "@context")
        for validator in validators:
            assert _messages(validator, plain) == [], (name, document)
        exported += 1
    assert exported > 300, exported


# -- language tags ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "written"),
    [
        ("en", "en"),
        ("EN", "en"),
        ("fr-ca", "fr-CA"),
        ("es-419", "es-419"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("iu-Cans-CA", "iu-Cans-CA"),
        ("crg", "crg"),
        ("de-CH-1996", None),
        ("sgn-CH-de", None),
        ("zh-yue-HK", None),
        ("en-x-private", None),
    ],
)
def test_language_tags_are_written_as_open_badges_takes_them(tag: str, written: str | None) -> None:
    assert language_tag(tag) == written
    if written is not None:
        assert re.match(
            STRICT["$defs"]["Achievement"]["properties"]["inLanguage"]["pattern"], written
        )


# -- the command --------------------------------------------------------------------------


def test_one_file_to_standard_output_and_to_a_file(tmp_path: Path) -> None:
    (tmp_path / "drone.yaml").write_text(GOOD, encoding="utf-8")
    shown = run("export", "--to", "ob3", "drone.yaml", cwd=tmp_path)
    assert shown.exit_code == 0, shown.stderr
    assert json.loads(shown.stdout) == _good_document()
    written = run("export", "--to", "ob3", "drone.yaml", "-o", "drone.json", cwd=tmp_path)
    assert written.exit_code == 0
    assert _load(tmp_path / "drone.json") == json.loads(shown.stdout)


def test_several_files_to_a_directory_each_named_by_its_id(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD.replace("drone-scouting", "drone-two"), "utf-8")
    result = run("export", "--to", "ob3", ".", "-o", "out", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["drone-scouting.ob3.json", "drone-two.ob3.json"]
    one, two = (_load(tmp_path / "out" / n) for n in names)
    assert one["id"] != two["id"]


def test_the_credential_template_from_the_command(tmp_path: Path) -> None:
    (tmp_path / "drone.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / ".mcvalidate.yaml").write_text("today: 2026-06-01\n", encoding="utf-8")
    result = run("export", "--to", "ob3", "--credential-template", "drone.yaml", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["validFrom"] == "2026-06-01T00:00:00Z"
    assert document["issuer"]["id"] == "https://college.example.ca"
    assert document["credentialSubject"]["achievement"] == _without(_good_document(), "@context")
    for schema in (STRICT, PURL):
        assert credential_errors(schema, document) == []


def test_a_template_of_an_expiring_badge_has_its_end_of_validity() -> None:
    text = GOOD.replace("recognition:\n", "recognition:\n  expires_after_months: 13\n")
    job = Job(course_id="x", credential_template=True, today=datetime.date(2026, 1, 31))
    document = build(course(text), job)
    assert document["validUntil"] == "2027-02-28T00:00:00Z"


def test_ids_are_the_same_every_run_and_a_base_url_gives_the_institutions_own(
    tmp_path: Path,
) -> None:
    (tmp_path / "drone.yaml").write_text(GOOD, encoding="utf-8")
    first = json.loads(run("export", "--to", "ob3", "drone.yaml", cwd=tmp_path).stdout)
    again = json.loads(run("export", "--to", "ob3", "drone.yaml", cwd=tmp_path).stdout)
    assert first == again
    assert first["id"].startswith("urn:uuid:")
    based = run(
        "export",
        "--to",
        "ob3",
        "--base-url",
        "https://badges.example.ca/b/",
        "drone.yaml",
        cwd=tmp_path,
    )
    document = json.loads(based.stdout)
    assert document["id"] == "https://badges.example.ca/b/drone-scouting"
    assert document["resultDescription"][0]["id"] == "https://badges.example.ca/b/drone-scouting#A1"
    (tmp_path / ".mcvalidate.yaml").write_text(
        "export: {base_url: 'https://c.example.ca/courses'}\n", encoding="utf-8"
    )
    configured = json.loads(run("export", "--to", "ob3", "drone.yaml", cwd=tmp_path).stdout)
    assert configured["id"] == "https://c.example.ca/courses/drone-scouting"


def test_the_matrix_leaves_the_profile_out_unless_asked_for(tmp_path: Path) -> None:
    """A profile applies only when asked for, even in the matrix (which runs every
    framework on every file): its findings would count under "course file"."""
    (tmp_path / "bare.yaml").write_text("id: bare\ntitle: Bare\n", encoding="utf-8")
    matrix = run("matrix", "--isolated", "--format", "markdown", "bare.yaml", cwd=tmp_path)
    row = next(line for line in matrix.stdout.splitlines() if "bare.yaml" in line)
    assert row.split(" | ")[1] == "pass"  # the course file's own checks
    checked = run("check", "--isolated", "bare.yaml", cwd=tmp_path)
    assert "OBX" not in checked.stdout
