"""The help a designer's editor shows comes from the model, and the documents agree with it:
every field of the course schema is described, every choice explained, the field table of
docs/course-format.md generated, and every field shown in at least one example."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from mcvalidate.catalogue import course_schema
from mcvalidate.config import schema as config_schema
from mcvalidate.fields import BELOW, END, START, rows, updated
from mcvalidate.model.course import Course
from mcvalidate.model.types import Choices
from mcvalidate.schema import _model_in

ROOT = Path(__file__).resolve().parents[1]
FORMAT_DOC = ROOT / "docs" / "course-format.md"
# The good examples: the complete courses and those written from real offerings. The
# mistakes files are left out: a field misused there does not show how to use it.
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml")) + sorted(
    (ROOT / "examples" / "real").glob("*.yaml")
)
# The fields docs/course-format.md listed when the format was fixed: the format may add
# fields, but never renames or drops one of these.
FORMAT_1 = [
    "format",
    "id",
    "title",
    "summary",
    "language",
    "status",
    "standalone",
    "issuer.name",
    "issuer.url",
    "issuer.country",
    "issuer.region",
    "issuer.type",
    "issuer.regulator",
    "developer",
    "credit.status",
    "credit.value",
    "credit.system",
    "credit.system_name",
    "workload.hours",
    "workload.contact_hours",
    "workload.weeks",
    "workload.max_completion_months",
    "level.framework",
    "level.value",
    "delivery.modes",
    "delivery.pacing",
    "delivery.schedule",
    "delivery.partner_institutions",
    "cost.amount",
    "cost.currency",
    "cost.breakdown",
    "prerequisites",
    "target_learners",
    "needs",
    "partners",
    "competencies",
    "learning_outcomes",
    "assessments",
    "recognition.purposes",
    "recognition.formats",
    "recognition.badge",
    "recognition.transcript_fields",
    "recognition.expires_after_months",
    "pathways.stacks_into",
    "pathways.ladders_into",
    "pathways.transfer",
    "pathways.prior_learning_recognition",
    "pathways.none_reason",
    "pathways.complements",
    "quality_assurance.type",
    "quality_assurance.approved_by",
    "quality_assurance.approved_on",
    "quality_assurance.process",
    "quality_assurance.review_cycle_months",
    "quality_assurance.last_reviewed",
    "quality_assurance.next_review",
    "quality_assurance.retirement",
    "classification",
    "publication.url",
    "funding.programs",
    "business_case",
]


def _walk(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema object inside ``node``, with where it is."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from _walk(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{where}/{index}")


def test_every_field_and_object_of_the_course_schema_is_described() -> None:
    schema = course_schema()
    undescribed = [
        f"{where}/properties/{key}"
        for where, node in _walk(schema, "#")
        if isinstance(node.get("properties"), dict)
        for key, prop in node["properties"].items()
        if not prop.get("description")
    ]
    assert undescribed == []
    assert schema["description"]
    assert [name for name, model in schema["$defs"].items() if not model.get("description")] == []


def test_every_choice_of_the_course_schema_says_what_each_value_means() -> None:
    enums = [(w, n) for w, n in _walk(course_schema(), "#") if "enum" in n]
    assert len(enums) >= 15  # the lists of choices of format 1, those of list items included
    for where, node in enums:
        for key in ("enumDescriptions", "markdownEnumDescriptions"):
            meanings = node.get(key, [])
            assert len(meanings) == len(node["enum"]), f"{where}: {key}"
            assert all(isinstance(m, str) and m.strip() for m in meanings), where
        assert not any("`" in m for m in node["enumDescriptions"]), "plain text has no markup"


def test_every_field_has_an_example_that_the_schema_accepts() -> None:
    schema = course_schema()
    for where, node in _walk(schema, "#"):
        for key, prop in (node.get("properties") or {}).items():
            assert prop.get("examples"), f"{where}/properties/{key} has no example"
            # Each example is a valid value of its own field.
            field = {"$defs": schema["$defs"], **prop}
            for example in prop["examples"]:
                jsonschema.Draft202012Validator(field).validate(example)


def test_a_meanings_table_that_does_not_match_its_choices_is_refused() -> None:
    with pytest.raises(TypeError, match="do not match"):
        Choices(Literal["credit", "non_credit"], {"credit": "Credit-bearing."})
    with pytest.raises(TypeError, match="do not match"):  # the order is the Literal's
        Choices(Literal["a", "b"], {"b": "B", "a": "A"})


def test_the_schemas_have_stable_versioned_ids() -> None:
    assert course_schema()["$id"] == "urn:mcvalidate:schema:course:1"
    assert config_schema()["$id"] == "urn:mcvalidate:schema:config:1"
    # With a URN for an id, a reference must stay inside the document: nothing is fetched.
    refs = [n["$ref"] for _, n in _walk(course_schema(), "#") if "$ref" in n]
    assert refs and all(ref.startswith("#/$defs/") for ref in refs)


def test_the_field_table_of_course_format_md_is_generated_from_the_model() -> None:
    text = FORMAT_DOC.read_text(encoding="utf-8")
    assert text == updated(text), "run: python -m mcvalidate.fields docs/course-format.md"
    # Only the table is generated: the prose on both sides is the document's own.
    assert text.index("## Fields") < text.index(START) < text.index(END)
    assert text.index(END) < text.index("**need**:")


def test_the_field_table_keeps_every_field_of_format_1() -> None:
    listed = [name for name, _, _ in rows()]
    assert len(listed) == len(set(listed))
    assert [name for name in FORMAT_1 if name not in listed] == []


def test_each_thing_described_below_the_table_names_all_its_fields() -> None:
    """The paragraphs on a need, a partner, an assessment... are written by hand: each must
    name every field the model gives that thing."""
    text = FORMAT_DOC.read_text(encoding="utf-8")
    models = {m.__name__: m for m in _models(Course)}
    for name, term in BELOW.items():
        paragraph = re.search(rf"^\*\*{term}\*\*: (.*?)(?:\n\n|\Z)", text, re.M | re.S)
        assert paragraph, f"no paragraph on **{term}**"
        named = set(re.findall(r"[`{ ]([a-z_]+)[`},]", paragraph.group(1)))
        missing = [key for key in models[name].model_fields if key not in named]
        assert missing == [], f"**{term}** does not name {missing}"


def _models(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    yield model
    for info in model.model_fields.values():
        inner = _model_in(info.annotation)
        if inner is not None:
            yield from _models(inner)


def _fields(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    """Every field of ``model``, inside lists and sections too: ``needs.type``."""
    for key, info in model.model_fields.items():
        yield prefix + key
        inner = _model_in(info.annotation)
        if inner is not None:
            yield from _fields(inner, f"{prefix}{key}.")


def _written(data: Any, prefix: str = "") -> Iterator[str]:
    """Every key written in a loaded course file, in the same notation."""
    if isinstance(data, list):
        for item in data:
            yield from _written(item, prefix)
    elif isinstance(data, dict):
        for key, value in data.items():
            yield prefix + str(key)
            yield from _written(value, f"{prefix}{key}.")


def test_every_field_of_the_model_is_shown_in_an_example() -> None:
    assert len(EXAMPLES) >= 7
    written: set[str] = set()
    for path in EXAMPLES:
        written |= set(_written(yaml.safe_load(path.read_text(encoding="utf-8"))))
    fields = list(_fields(Course))
    assert len(fields) > 100
    assert [field for field in fields if field not in written] == []
