"""The Open Badges 3.0 files vendored for the export's tests are 1EdTech's, unmodified, and
say what an exported Achievement must be (the constraints the exporter is held to)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft201909Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT201909

VENDOR = Path(__file__).resolve().parent / "data" / "vendor" / "1edtech" / "ob3"
# The strict flavour (arrays, plain strings) and the purl one (adapted for JSON-LD compaction:
# a value or an array, a string or a language map): an export must pass both.
STRICT = json.loads((VENDOR / "achievementcredential.json").read_text(encoding="utf-8"))
PURL = json.loads(
    (VENDOR / "ob_v3p0_achievementcredential_schema.json").read_text(encoding="utf-8")
)
SCHEMAS = [pytest.param(STRICT, id="strict"), pytest.param(PURL, id="purl")]


def test_each_vendored_file_is_the_one_its_provenance_names() -> None:
    provenance = (VENDOR / "PROVENANCE.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \|.*\| ([0-9a-f]{64}) \|$", provenance, re.M)
    assert {name for name, _ in rows} == {
        p.name for p in VENDOR.iterdir() if p.name != "PROVENANCE.md"
    }
    for name, digest in rows:
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name


def achievement_errors(schema: dict[str, Any], achievement: dict[str, Any]) -> list[str]:
    """The schema's errors for ``achievement``, checked against ``$defs/Achievement`` (the
    schema has no stand-alone Achievement: a wrapper refers to its definition)."""
    registry: Registry[Any] = Registry().with_resource(
        schema["$id"], Resource.from_contents(schema, default_specification=DRAFT201909)
    )
    wrapper = {"$schema": schema["$schema"], "$ref": f"{schema['$id']}#/$defs/Achievement"}
    validator = Draft201909Validator(wrapper, registry=registry)
    found: list[str] = []
    pending = list(validator.iter_errors(achievement))
    while pending:  # the purl flavour's alternatives (anyOf) hold the cause in their context
        error = pending.pop()
        found.append(error.message)
        pending.extend(error.context or ())
    return sorted(found)


ACHIEVEMENT = {
    "id": "urn:uuid:6f1c3b8e-2d7a-5a1e-9c4b-0e8f7d6a5b4c",
    "type": ["Achievement"],
    "achievementType": "MicroCredential",
    "name": "Mass Timber Construction Fundamentals",
    "description": "Holder can identify mass timber components and plan their installation.",
    "criteria": {"id": "https://example.org/mass-timber/criteria"},
    "inLanguage": "en",
}


@pytest.mark.parametrize("schema", SCHEMAS)
def test_the_schema_is_a_valid_2019_09_schema_and_takes_a_plain_achievement(
    schema: dict[str, Any],
) -> None:
    Draft201909Validator.check_schema(schema)
    assert achievement_errors(schema, ACHIEVEMENT) == []


def test_only_the_purl_flavour_takes_a_name_in_two_languages() -> None:
    bilingual = {**ACHIEVEMENT, "name": {"en": "Mass timber", "fr": "Bois massif"}}
    assert achievement_errors(PURL, bilingual) == []
    assert achievement_errors(STRICT, bilingual) != []


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"criteria": None}, "'criteria' is a required property"),
        ({"description": None}, "'description' is a required property"),
        ({"inLanguage": "en-ca"}, "does not match"),  # stricter than BCP 47: case matters
        ({"inLanguage": "de-CH-1996"}, "does not match"),  # no variants
        ({"achievementType": "Microcredential"}, "is not valid under any of the given schemas"),
        ({"creditsAvailable": "3"}, "is not of type 'number'"),
        ({"alignment": [{"type": ["Alignment"], "targetName": "ESCO"}]}, "'targetUrl'"),
    ],
)
@pytest.mark.parametrize("schema", SCHEMAS)
def test_what_an_exported_achievement_must_not_be(
    schema: dict[str, Any], change: dict[str, Any], error: str
) -> None:
    achievement = {k: v for k, v in {**ACHIEVEMENT, **change}.items() if v is not None}
    found = achievement_errors(schema, achievement)
    assert any(error in message for message in found), found


def test_the_context_defines_the_achievement_terms_the_export_uses() -> None:
    context = json.loads((VENDOR / "context-3.0.3.json").read_text(encoding="utf-8"))["@context"]
    terms = context["Achievement"]["@context"]
    for term in ("achievementType", "creditsAvailable", "criteria", "inLanguage", "alignment"):
        assert term in terms, term
