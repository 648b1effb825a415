"""The field table of ``docs/course-format.md``, generated from the course model.

The table is what a designer reads to learn the format, and the model's descriptions are what
an editor shows on hover: writing both by hand would let them drift apart, so the table is made
from the model's JSON Schema (the same one editors read) and only the prose around it is
written by hand. ``python -m mcvalidate.fields docs/course-format.md`` rewrites the table
between its markers; a test fails while the file is out of date.

A section (``issuer``, ``credit``...) gets a row, then one row per field inside it
(``credit.status``). The things listed in their own paragraphs below the table (a need, a
partner, an assessment...) are named by their term instead (``list of need``), so that the
table stays one screen of fields.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from mcvalidate.model.course import Assessment, Badge, Competency, Course, Need, Outcome, Partner
from mcvalidate.model.patterns import (
    CIP,
    COUNTRY,
    CTID,
    CURRENCY,
    ISCED_F,
    LANGUAGE,
    NOC,
    NOT_BLANK,
    NZSCED,
    REGION,
    SLUG,
    URL,
)

# The things described in their own paragraph of the document (``**need**: ...``), by the
# term the table and the paragraph use.
BELOW = {
    Need.__name__: "need",
    Partner.__name__: "partner",
    Competency.__name__: "competency",
    Outcome.__name__: "outcome",
    Assessment.__name__: "assessment",
    Badge.__name__: "badge",
}
# The constrained texts, as the table names them.
_PATTERNS = {
    SLUG: "slug `[a-z0-9][a-z0-9-]*`",
    LANGUAGE: "BCP 47 tag",
    COUNTRY: "ISO 3166-1 alpha-2",
    REGION: "ISO 3166-2 code",
    CURRENCY: "ISO 4217",
    URL: "URL",
    NOT_BLANK: "str",
    CIP: "CIP code `NN.NNNN`",
    NOC: "NOC 2021 code `NNNNN`",
    NZSCED: "NZSCED code `NNNNNN`",
    ISCED_F: "ISCED-F code `NN` to `NNNN`",
    CTID: "CTID `ce-` + lowercase UUID",
}
# An example longer than this (written as YAML) is left to the schema: a table cell holds a
# value, not a paragraph.
_SHORT = 40

START = "<!-- fields: start (generated; do not edit by hand) -->"
END = "<!-- fields: end -->"


def table() -> str:
    """The field table, with the line that says how it is made."""
    lines = [
        "Generated from the model (`src/mcvalidate/model/course.py`) by",
        "`python -m mcvalidate.fields docs/course-format.md`; a test keeps it in sync.",
        "",
        "| field | type | meaning |",
        "|---|---|---|",
    ]
    lines += [f"| `{name}` | {kind} | {meaning} |" for name, kind, meaning in rows()]
    return "\n".join(lines) + "\n"


def rows() -> Iterator[tuple[str, str, str]]:
    """``(field, type, meaning)`` for every field of the course, sections opened."""
    schema = Course.model_json_schema()
    for key, prop in schema["properties"].items():
        yield from _rows(key, prop, schema["$defs"])


def _rows(
    name: str, prop: Mapping[str, Any], defs: Mapping[str, Any]
) -> Iterator[tuple[str, str, str]]:
    shape = _without_null(prop)
    section = _ref(shape)
    meaning = _cell(prop["description"])
    if section is not None and section not in BELOW:
        yield name, "section", meaning
        for key, inner in defs[section]["properties"].items():
            yield from _rows(f"{name}.{key}", inner, defs)
        return
    terms = [BELOW[ref] for ref in _refs(shape) if ref in BELOW]
    if terms:
        meaning += f" See **{terms[0]}** below."
    elif "enum" not in shape and shape.get("items", {}).get("enum") is None:
        meaning += _examples(prop)
    yield name, _kind(shape, defs) + _default(prop), meaning


def _without_null(prop: Mapping[str, Any]) -> Mapping[str, Any]:
    """The schema of the value, less the ``null`` every optional field also accepts."""
    options: list[Mapping[str, Any]] = [o for o in prop.get("anyOf", ()) if o.get("type") != "null"]
    if len(options) == 1:
        return options[0]
    return {"anyOf": options} if options else prop


def _ref(schema: Mapping[str, Any]) -> str | None:
    ref = schema.get("$ref")
    return str(ref).rsplit("/", 1)[-1] if ref else None


def _refs(schema: Any) -> Iterator[str]:
    """The names of the models ``schema`` refers to, anywhere inside it."""
    if isinstance(schema, Mapping):
        ref = _ref(schema)
        if ref:
            yield ref
        for value in schema.values():
            yield from _refs(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _refs(value)


def _kind(schema: Mapping[str, Any], defs: Mapping[str, Any]) -> str:
    """The type of a value in words: ``number ≥ 0``, ``list of need``, ``date``..."""
    if "anyOf" in schema:
        return " or ".join(_kind(option, defs) for option in schema["anyOf"])
    ref = _ref(schema)
    if ref is not None:
        if ref in BELOW:
            return BELOW[ref]
        return "`{" + ", ".join(defs[ref]["properties"]) + "}`"
    if "enum" in schema:
        return ", ".join(f"`{value}`" for value in schema["enum"])
    kind = schema.get("type")
    if kind == "array":
        return "list of " + _kind(schema["items"], defs)
    if kind == "object":
        return "map of str to " + _kind(schema["additionalProperties"], defs)
    if kind == "string":
        if schema.get("format") == "date":
            return "date"
        return _PATTERNS[schema["pattern"]] if "pattern" in schema else "str"
    if kind == "boolean":
        return "bool"
    if kind in ("integer", "number"):
        return ("int" if kind == "integer" else "number") + _range(schema)
    raise ValueError(f"no words for the schema {schema}")


def _range(schema: Mapping[str, Any]) -> str:
    if "minimum" in schema and "maximum" in schema:
        return f" from {schema['minimum']:g} to {schema['maximum']:g}"
    if "minimum" in schema:
        return f" ≥ {schema['minimum']:g}"
    if "exclusiveMinimum" in schema:
        return f" > {schema['exclusiveMinimum']:g}"
    return ""


def _default(prop: Mapping[str, Any]) -> str:
    default = prop.get("default")
    return "" if default is None else f", default `{_yaml(default)}`"


def _examples(prop: Mapping[str, Any]) -> str:
    """The field's short examples, as the sentence ending its meaning."""
    # A true or false says nothing the type column does not.
    shown = [_yaml(e) for e in prop.get("examples", ()) if not isinstance(e, bool)]
    shown = [e for e in shown if len(e) <= _SHORT]
    return " E.g. " + ", ".join(f"`{e}`" for e in shown) + "." if shown else ""


def _yaml(value: Any) -> str:
    """``value`` as it is written in a course file's flow style (``{tuition: 900}``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, str) and (_DATE.fullmatch(value) or _plain(value)):
        return value
    return json.dumps(value, ensure_ascii=False)


# A date reads the same quoted or not: the format accepts both.
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _plain(text: str) -> bool:
    """True when ``text`` reads back as itself unquoted, also inside a flow list."""
    if any(c in text for c in ",[]{}") or ": " in text or " #" in text:
        return False
    try:
        return bool(yaml.safe_load(text) == text)
    except yaml.YAMLError:
        return False


def _cell(text: str) -> str:
    """``text`` made safe for a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def updated(document: str) -> str:
    """``document`` with the text between the table's markers replaced by :func:`table`."""
    start, end = document.index(START) + len(START), document.index(END)
    return document[:start] + "\n" + table() + document[end:]


if __name__ == "__main__":
    for name in sys.argv[1:]:
        path = Path(name)
        path.write_text(updated(path.read_text(encoding="utf-8")), encoding="utf-8")
