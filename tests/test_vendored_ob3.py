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
SCHEMA = json.loads((VENDOR / "achievementcredential.json").read_text(encoding="utf-8"))


def test_each_vendored_file_is_the_one_its_provenance_names() -> None:
    provenance = (VENDOR / "PROVENANCE.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \|.*\| ([0-9a-f]{64}) \|$", provenance, re.M)
    assert {name for name, _ in rows} == {
        p.name for p in VENDOR.iterdir() if p.name != "PROVENANCE.md"
    }
    for name, digest in rows:
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name


def achievement_errors(achievement: dict[str, Any]) -> list[str]:
    """The schema's errors for ``achievement``, checked against ``$defs/Achievement`` (the
    schema has no stand-alone Achievement: a wrapper refers to its definition)."""
    registry: Registry[Any] = Registry().with_resource(
        SCHEMA["$id"], Resource.from_contents(SCHEMA, default_specification=DRAFT201909)
    )
    wrapper = {"$schema": SCHEMA["$schema"], "$ref": f"{SCHEMA['$id']}#/$defs/Achievement"}
    validator = Draft201909Validator(wrapper, registry=registry)
    return sorted(error.message for error in validator.iter_errors(achievement))


ACHIEVEMENT = {
    "id": "urn:uuid:6f1c3b8e-2d7a-5a1e-9c4b-0e8f7d6a5b4c",
    "type": ["Achievement"],
    "achievementType": "MicroCredential",
    "name": "Mass Timber Construction Fundamentals",
    "description": "Holder can identify mass timber components and plan their installation.",
    "criteria": {"id": "https://example.org/mass-timber/criteria"},
    "inLanguage": "en",
}


def test_the_schema_is_a_valid_2019_09_schema_and_takes_a_plain_achievement() -> None:
    Draft201909Validator.check_schema(SCHEMA)
    assert achievement_errors(ACHIEVEMENT) == []


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
def test_what_an_exported_achievement_must_not_be(change: dict[str, Any], error: str) -> None:
    achievement = {k: v for k, v in {**ACHIEVEMENT, **change}.items() if v is not None}
    found = achievement_errors(achievement)
    assert any(error in message for message in found), found


def test_the_context_defines_the_achievement_terms_the_export_uses() -> None:
    context = json.loads((VENDOR / "context-3.0.3.json").read_text(encoding="utf-8"))["@context"]
    terms = context["Achievement"]["@context"]
    for term in ("achievementType", "creditsAvailable", "criteria", "inLanguage", "alignment"):
        assert term in terms, term
