"""Runs the format-1 model on a loaded document and turns pydantic's errors into problems.

Two things make this more than ``Course.model_validate``:

* every error becomes a problem at the JSON pointer of the offending key or value, with a
  message a curriculum designer understands (what was expected, what YAML read, the allowed
  values, the closest known key);
* a file with schema errors still gets a model, so the framework rules can run on the rest of
  it: each offending value is set aside, the pointer is marked so that no rule reports it a
  second time, and the model is validated again.
"""

from __future__ import annotations

import datetime
import functools
import re
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import yaml
from yaml.nodes import ScalarNode

from mcvalidate import codes
from mcvalidate.document import Document
from mcvalidate.findings import Autofix, Edit, Problem, Span
from mcvalidate.format_rules import INVALID_TYPE, INVALID_VALUE, MISSING_REQUIRED, UNKNOWN_KEY
from mcvalidate.model import Course, validate_course
from mcvalidate.model.core import ValidationError
from mcvalidate.model.patterns import (
    CIP,
    CLASSIFICATION_CODES,
    COUNTRY,
    NOC,
    NZSCED,
    PATTERN_NAMES,
    REGISTRY_CODES,
)
from mcvalidate.pointer import join, split
from mcvalidate.text import closest

if typing.TYPE_CHECKING:
    from pydantic import BaseModel

_MAX_PASSES = 5
_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'")
_YAML_BOOL_WORDS = {"yes", "no", "on", "off", "y", "n"}

_EXPECTED = {
    "string_type": "text",
    "float_type": "a number",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of names to values",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "date_type": "a date (YYYY-MM-DD)",
    "is_instance_of": "a mapping of fields",
}


@dataclass
class Validated:
    """The outcome of the schema stage for one model: the instance (None when the errors could
    not be set aside), the problems, and the pointers of the values set aside."""

    model: BaseModel | None
    problems: list[Problem] = field(default_factory=list)
    tainted: set[str] = field(default_factory=set)

    @property
    def course(self) -> Course | None:
        """The instance, when the model validated is the course format's."""
        return self.model if isinstance(self.model, Course) else None


def validate(doc: Document, model: type[BaseModel] | None = None, data: Any = None) -> Validated:
    """Validate ``data`` (default: the whole document) with ``model``, a pack's own fields, or
    by default the course format's (compiled: see :mod:`mcvalidate.model.compiled`); an
    instance is returned whenever the errors could be set aside."""
    result = Validated(model=None)
    data = doc.data if data is None else data
    reported: set[str] = set()
    authored = "x-" in doc.text
    for _ in range(_MAX_PASSES):
        try:
            if model is None:
                result.model = validate_course(data, authored)
            else:
                result.model = model.model_validate(data)
            return result
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
        # What the messages are made of (the fields' types and patterns) is read from the
        # pydantic models, imported only now that a file has an error to describe.
        source = model or _course_model()
        # Every offending value of this pass is set aside in one copy of the data (copying
        # only the paths to them): one copy per value would cost the square of their number.
        edits: dict[tuple[Any, ...], Any] = {}
        for pointer, group in _group_by_pointer(data, errors):
            meant = _meant(source, group[0], data, edits)
            if meant is not None:
                # A key one letter off a missing field, or a field under the wrong parent: its
                # value is moved where it was meant to be, and reported once, here.
                tokens = _resolve(data, group[0]["loc"])
                result.problems.append(_read_as(doc, source, pointer, tokens, meant))
                edits[tuple(tokens)] = _DROP
                edits[tuple(meant)] = _child(_child_path(data, tokens[:-1]), tokens[-1])
                doc.read_as(doc.written(pointer), join(meant))
                reported.add(pointer)
                continue
            if group[0]["type"] == "missing" and pointer in doc.tainted:
                reported.add(pointer)  # written, but refused while loading: already reported
            if pointer not in reported:
                reported.add(pointer)
                result.problems.append(_problem(doc, source, pointer, group))
            tokens, value = _set_aside(data, pointer, group[0], result.tainted)
            edits[tuple(tokens)] = value
        data = _edited(data, edits)
    return result


# How close an unknown key must be to a missing field to be read as it: closer than the
# "did you mean" of a message (0.6), so that an author's own key is not taken for a field.
_READ_CUTOFF = 0.8


def _meant(
    model: type[BaseModel], error: Any, data: Any, edits: dict[tuple[Any, ...], Any]
) -> list[Any] | None:
    """Where the value of an unknown key was meant to be, when that is clear: the one field of
    its mapping it is a misspelling of (``competences`` for the missing ``competencies``), or
    the one child mapping that has a field of its name (``badge`` at the top level belongs
    under ``recognition``) and does not have it yet. None when the key is no such mistake."""
    if error["type"] != "extra_forbidden":
        return None
    tokens = _resolve(data, error["loc"])
    if len(tokens) != len(error["loc"]):
        return None
    key, parent = str(tokens[-1]), tokens[:-1]
    mapping = _child_path(data, parent)
    if not isinstance(mapping, dict) or key.startswith("x-"):
        return None
    allowed = _fields_at(model, tuple(parent))
    close = closest(key, sorted(allowed), cutoff=_READ_CUTOFF)
    if len(close) == 1:
        meant = [*parent, close[0]]
        return None if close[0] in mapping or tuple(meant) in edits else meant
    homes = [name for name, child in _mappings_at(model, tuple(parent)) if key in _keys(child)]
    if len(homes) != 1:
        return None
    home = mapping.get(homes[0], {})
    meant = [*parent, homes[0], key]
    if not isinstance(home, dict) or key in home or tuple(meant) in edits:
        return None
    return meant


def _read_as(
    doc: Document, model: type[BaseModel], pointer: str, tokens: list[Any], meant: list[Any]
) -> Problem:
    """The unknown-key problem of a key read as another: it says what it is read as."""
    key = str(tokens[-1])
    parent = _label(pointer.rpartition("/")[0], doc.data) or "the top level"
    if len(meant) == len(tokens):
        # Renaming is only likely what was meant (an author's own key may look like a field):
        # an unsafe fix, applied when asked for.
        node = doc.nodes.get(doc.written(pointer), (None,))[0]
        rename = _rewritten(node, str(meant[-1]), f"Rename '{key}' to '{meant[-1]}'", safe=False)
        return Problem(
            UNKNOWN_KEY,
            f"Unknown field '{key}' in {parent}; it is read as '{meant[-1]}'.",
            pointer,
            fix=f"Did you mean '{meant[-1]}'? Rename the key (until then the other checks read "
            f"it as '{meant[-1]}').",
            at_key=True,
            autofix=rename,
        )
    home = str(meant[-2])
    return Problem(
        UNKNOWN_KEY,
        f"Unknown field '{key}' in {parent}: '{key}' belongs under '{home}:'.",
        pointer,
        fix=f"Indent '{key}:' under '{home}:' (until then the other checks read it there).",
        at_key=True,
    )


def _child_path(data: Any, tokens: Iterable[Any]) -> Any:
    current = data
    for token in tokens:
        current = _child(current, token)
    return current


def _group_by_pointer(data: Any, errors: Iterable[Any]) -> list[tuple[str, list[Any]]]:
    """Errors of the members of a union land on the same value: report them as one."""
    groups: dict[str, list[Any]] = {}
    for error in errors:
        tokens = _resolve(data, error["loc"])
        if error["type"] == "missing":
            tokens.append(error["loc"][len(tokens)])
        pointer = join(tokens)
        groups.setdefault(pointer, []).append(error)
    return list(groups.items())


def _resolve(data: Any, loc: tuple[Any, ...]) -> list[Any]:
    """The part of ``loc`` that exists in the data (the rest is union-member names)."""
    tokens: list[Any] = []
    current = data
    for part in loc:
        current = _child(current, part)
        if current is _ABSENT:
            break
        tokens.append(part)
    return tokens


_ABSENT = object()


def _child(container: Any, part: Any) -> Any:
    if isinstance(container, dict) and isinstance(part, str):
        return container.get(part, _ABSENT)
    if isinstance(container, list) and isinstance(part, int) and 0 <= part < len(container):
        return container[part]
    return _ABSENT


def _set_aside(data: Any, pointer: str, error: Any, tainted: set[str]) -> tuple[list[Any], Any]:
    """Where the offending value is, and what stands in for it (``_DROP``: nothing)."""
    tokens = _resolve(data, error["loc"])
    if error["type"] == "missing":
        tainted.add(pointer)
        return [*tokens, error["loc"][len(tokens)]], _PLACEHOLDER
    if error["type"] in _NOT_A_MAPPING and tokens and isinstance(tokens[-1], int):
        # A list item that should be a mapping: an empty one keeps the other items' places.
        tainted.add(pointer)
        return tokens, {}
    while tokens and not isinstance(tokens[-1], str):
        tokens.pop()  # a bad list item: set the whole list aside, indexes must not shift
    tainted.add(join(tokens))
    return tokens, _DROP


_DROP = object()
# Stands in for a missing required text (the title) so that the rules can still run.
_PLACEHOLDER = "(missing)"
_NOT_A_MAPPING = ("model_type", "model_attributes_type")


def _edited(data: Any, edits: dict[tuple[Any, ...], Any]) -> Any:
    """A copy of ``data`` with each path of ``edits`` replaced by its value (``_DROP``: the
    key removed), copying only the containers on the way; an edit of a container wins over
    edits inside it."""
    if () in edits:
        return data  # the whole document is never set aside: nothing to validate without it
    below: dict[Any, dict[tuple[Any, ...], Any]] = {}
    for path, value in edits.items():
        below.setdefault(path[0], {})[path[1:]] = value
    copy: Any = dict(data) if isinstance(data, dict) else list(data)
    for head, inner in below.items():
        if () in inner:
            if inner[()] is _DROP:
                copy.pop(head, None)
            else:
                copy[head] = inner[()]
        elif isinstance(copy, dict) and head not in copy:
            copy[head] = _edited({}, inner)  # a field read under a parent the file lacks
        else:
            copy[head] = _edited(copy[head], inner)
    return copy


# -- messages ---------------------------------------------------------------------------------


def _problem(doc: Document, model: type[BaseModel], pointer: str, errors: list[Any]) -> Problem:
    error = errors[0]
    kind = error["type"]
    label = _label(pointer, doc.data)
    if kind == "missing":
        return Problem(
            MISSING_REQUIRED,
            f"The required field '{label}' is missing.",
            pointer,
            fix=f"Add '{label}: ...' to the file.",
        )
    if kind == "extra_forbidden":
        return _unknown_key(model, pointer, error["loc"], doc.data)
    kinds = [e["type"] for e in errors]
    if kind == "literal_error" and isinstance(error["input"], str):
        allowed = _QUOTED.findall(error.get("ctx", {}).get("expected", ""))
        if not allowed and error.get("ctx", {}).get("expected", "").isdigit():
            kinds = ["int_type"]  # format: "1" in quotes is text, not the number 1
    if any(k in _EXPECTED or k.endswith("_type") for k in kinds):
        expected = " or ".join(dict.fromkeys(_EXPECTED.get(k, "another type") for k in kinds))
        found, hint = _describe(doc, pointer, error["input"], set(kinds))
        hint = _space_missing(model, error["loc"], error["input"], kinds) or hint
        code = _code_as_number(doc, model, pointer, error, f"'{label}'", found)
        if code is not None:
            return code
        return Problem(
            INVALID_TYPE,
            f"'{label}' should be {expected}, but YAML read {found}.",
            pointer,
            fix=hint or f"Write {expected} here.",
        )
    problem = _invalid_value(model, pointer, label, error)
    if kind == "string_pattern_mismatch" and isinstance(error["input"], str):
        problem = _code_hinted(doc, pointer, problem, error)
    if kind == "literal_error" and isinstance(error["input"], str):
        choices = _QUOTED.findall(error.get("ctx", {}).get("expected", ""))
        spelt = _spelt_as(error["input"], choices)
        if spelt is not None:
            node = doc.nodes.get(doc.written(pointer), (None, None))[1]
            fix = _rewritten(node, spelt, f"Write '{spelt}'", safe=True, written=error["input"])
            problem = replace(problem, autofix=fix)
    return problem


def _code_as_number(
    doc: Document, model: type[BaseModel], pointer: str, error: Any, label: str, found: str
) -> Problem | None:
    """A classification code written without quotes (``cip: 46.0201``), which YAML read as a
    number: the finding says to quote it as written (a safe fix when what is written is a
    code of the right form)."""
    value = error["input"]
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    pattern = _pattern_at(model, error["loc"])
    written = _source_text(doc, pointer)
    if pattern not in CLASSIFICATION_CODES or not written:
        return None
    wanted = PATTERN_NAMES[str(pattern)]
    autofix = None
    if re.fullmatch(str(pattern), written):
        fix = (
            f'Put the code in quotes, as written: "{written}". Unquoted, YAML reads a number, '
            "which loses the zeros a code may start or end with."
        )
        node = doc.nodes.get(doc.written(pointer), (None, None))[1]
        autofix = _rewritten(node, f'"{written}"', f'Write "{written}" in quotes', safe=True)
    else:
        hint = _classification_hint(str(pattern), written) or f"Write {wanted}."
        fix = f"Write the code in quotes, so that YAML reads text. {hint}"
    return Problem(
        INVALID_TYPE,
        f"{label} should be {wanted.partition(':')[0]}, written as text in quotes, but YAML "
        f"read {found}.",
        pointer,
        fix=fix,
        autofix=autofix,
    )


def _pattern_at(model: type[BaseModel], loc: tuple[Any, ...]) -> str | None:
    """The pattern of the text field (or list of texts) at ``loc``, if it has one."""
    names = [part for part in loc if not isinstance(part, int)]
    parent = _model_at(model, tuple(names[:-1])) if names else None
    info = _keys(parent).get(str(names[-1])) if parent is not None else None
    return _pattern_in(info.annotation) if info is not None else None


def _pattern_in(annotation: Any) -> str | None:
    for meta in getattr(annotation, "__metadata__", ()):
        for item in getattr(meta, "metadata", None) or [meta]:
            pattern = getattr(item, "pattern", None)
            if isinstance(pattern, str):
                return pattern
    for arg in typing.get_args(annotation):
        found = _pattern_in(arg)
        if found is not None:
            return found
    return None


def _classification_hint(pattern: str, value: str) -> str:
    """The fix for a classification code of the wrong form, when what it probably is can be
    told ("" otherwise: the pattern's description says what to write)."""
    digits = value.replace(".", "")
    if pattern == NOC and re.fullmatch(r"[0-9]{4}", value):
        return (
            f"'{value}' has the four digits of a NOC 2016 code: write the occupation's NOC 2021 "
            "code, of five digits (Statistics Canada's concordance gives the 2021 codes of each "
            "2016 one)."
        )
    if pattern == CIP and digits.isdigit() and len(digits) in (4, 6):
        meant = f"{digits[:2]}.{digits[2:]}"
        if meant != value:
            return f"Did you mean '{meant}'? A CIP code has a dot after its first two digits."
    if pattern == NZSCED and re.fullmatch(r"[0-9]{5}", value):
        return (
            "Write the six digits of the NZSCED code: one that starts with 0 (such as "
            "'040301') keeps it."
        )
    return ""


def _code_hinted(doc: Document, pointer: str, problem: Problem, error: Any) -> Problem:
    """A code refused for its shape, with the code it names or writes in another form
    (``english`` is 'en', ``ca`` is 'CA', ``BC`` in Canada is 'CA-BC'), looked up in the
    registries only now that a value is wrong; a fix of the case alone is safe."""
    value, pattern = error["input"], (error.get("ctx") or {}).get("pattern", "")
    if pattern in CLASSIFICATION_CODES:
        hint = _classification_hint(pattern, value)
        return replace(problem, fix=hint) if hint else problem
    kind = REGISTRY_CODES.get(pattern)
    if kind is None or len(value) > _NAME_LIMIT:
        return problem
    found: tuple[str, str] | None
    if kind == "country":
        found = codes.country_hint(value)
    elif kind == "region":
        found = codes.region_hint(value, _issuer_country(doc))
    elif kind == "currency":
        found = codes.currency_hint(value)
    else:
        found = codes.language_hint(value)
    if found is None:
        return problem
    code, name = found
    node = doc.nodes.get(doc.written(pointer), (None, None))[1]
    same = value.strip().casefold() == code.casefold()
    autofix = _rewritten(node, code, f"Write '{code}'", safe=same, written=value)
    return replace(problem, fix=f"Did you mean '{code}' ({name})? {problem.fix}", autofix=autofix)


# Longer than any country, region, currency or language name: not looked up.
_NAME_LIMIT = 80


def _issuer_country(doc: Document) -> str | None:
    issuer = doc.data.get("issuer") if isinstance(doc.data, dict) else None
    country = issuer.get("country") if isinstance(issuer, dict) else None
    if not isinstance(country, str) or not re.fullmatch(COUNTRY, country.strip().upper()):
        return None
    return country.strip().upper()


def _spelt_as(value: str, choices: list[str]) -> str | None:
    """The one choice that ``value`` is written differently from only in its case, or with a
    hyphen or a space for an underscore (``Non-Credit`` for ``non_credit``), else None."""
    same = [c for c in choices if _folded(c) == _folded(value)]
    return same[0] if len(same) == 1 and same[0] != value else None


def _folded(text: str) -> str:
    return re.sub(r"[-\s]+", "_", text.strip()).casefold()


def _rewritten(
    node: Any, text: str, description: str, *, safe: bool, written: str | None = None
) -> Autofix | None:
    """The fix that writes ``text`` in place of a scalar's text (inside its quotes if it has
    them), when the scalar is on one line and is written as read (``written``: its value; a
    value the traps read again is left to their fixes first). A plain text that YAML would
    read as something else (``yes``, ``null``) is quoted."""
    if not isinstance(node, ScalarNode) or node.style not in (None, "", "'", '"'):
        return None
    start, end = node.start_mark, node.end_mark
    if start.line != end.line or (written is not None and node.value != written):
        return None
    inset = 1 if node.style else 0
    if not node.style and any(p.match(text) for _, p in _IMPLICIT.get(text[:1], ())):
        text = f'"{text}"'
    span = Span(start.line + 1, start.column + 1 + inset, end.line + 1, end.column + 1 - inset)
    return Autofix(description, (Edit(span, text),), safe)


# YAML's implicit types (null, booleans, numbers, dates), by the first character of a text.
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers


# A field and its value written without the space after the colon (``pacing:cohort``): YAML
# reads it as one text where a mapping of fields was expected.
_NO_SPACE = re.compile(r"([A-Za-z_][\w-]*):(\S.*)")
# A field whose ':' is missing before a flow value (``credit {status: credit}``): YAML reads
# ``credit {status`` as the key.
_NO_COLON = re.compile(r"([A-Za-z_][\w-]*)\s+[\[{]")


def _space_missing(
    model: type[BaseModel], loc: tuple[Any, ...], value: Any, kinds: list[str]
) -> str:
    """The fix for a mapping written as ``field:value``, without the space after the colon."""
    if not isinstance(value, str) or not any(k in _NOT_A_MAPPING for k in kinds):
        return ""
    written = _NO_SPACE.fullmatch(value.strip())
    if written is None or written[1] not in _fields_at(model, loc):
        return ""
    return (
        f"Add a space after the ':', so that the line reads: {written[1]}: {written[2]} "
        "(without it, YAML reads one text, not a field and its value)."
    )


def _unknown_key(model: type[BaseModel], pointer: str, loc: tuple[Any, ...], data: Any) -> Problem:
    key = str(loc[-1])
    allowed = sorted(_fields_at(model, loc[:-1]))
    parent = _label(pointer.rpartition("/")[0], data) or "the top level"
    unbracketed = _NO_COLON.match(key)
    if unbracketed and unbracketed[1] in allowed:
        field = unbracketed[1]
        value = _child_path(data, split(pointer))
        line = f"{field}: {key[len(field) :].strip()}"
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            line += f": {value}"  # the rest of the line, which YAML read as the value
        return Problem(
            UNKNOWN_KEY,
            f"Unknown field '{key}' in {parent}: the ':' after '{field}' is missing, so YAML "
            "read the field and part of its value as one name.",
            pointer,
            fix=f"Add ':' after '{field}', so that the line reads: {line}",
            at_key=True,
        )
    close = closest(key, allowed)
    # A key already starting 'x-' is only checked when it is in a pack's namespace.
    own = key.startswith("x-")
    if close:
        other = "." if own else ", or start it with 'x-' if it is your own."
        fix = f"Did you mean '{close[0]}'? Rename the key{other}"
    else:
        other = "" if own else " Start the key with 'x-' if it is your own."
        fix = f"Allowed here: {', '.join(allowed)}.{other}"
    return Problem(
        UNKNOWN_KEY, f"Unknown field '{key}' in {parent}.", pointer, fix=fix, at_key=True
    )


def _invalid_value(model: type[BaseModel], pointer: str, label: str, error: Any) -> Problem:
    kind, ctx, value = error["type"], error.get("ctx") or {}, error["input"]
    shown = _show(value)
    fix = ""
    if kind == "literal_error":
        allowed = _QUOTED.findall(ctx.get("expected", "")) or [ctx.get("expected", "")]
        message = f"'{label}' must be one of: {', '.join(allowed)}; found {shown}."
        close = closest(str(value), allowed, cutoff=0.5)
        fix = (
            f"Did you mean {' or '.join(repr(c) for c in close)}?"
            if close
            else "Use one of the listed values."
        )
    elif kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        words = {
            "greater_than": "greater than",
            "greater_than_equal": "at least",
            "less_than": "less than",
            "less_than_equal": "at most",
        }[kind]
        bound = next(iter(ctx.values()), "")
        message = f"'{label}' must be {words} {_show(bound, quote=False)}; found {shown}."
        fix = f"Write a value {words} {_show(bound, quote=False)}."
    elif kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        wanted = PATTERN_NAMES.get(pattern) or _pattern_in_words(model, error["loc"], pattern)
        message = f"'{label}' must be {wanted}; found {shown}."
        fix = f"Write {wanted}."
    elif kind == "finite_number":
        message = f"'{label}' must be a finite number; found {shown}."
        fix = "Replace .nan or .inf with a real number."
    elif kind.startswith("date"):
        message = f"'{label}' must be a real date written YYYY-MM-DD; found {shown}."
        if kind == "date_from_datetime_inexact":
            fix = "Give the date alone, without a time of day, e.g. 2025-05-01."
        elif re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", str(value)):
            fix = "Check the month (1-12) and the day (this month's days), e.g. 2025-05-01."
        else:
            fix = "Write the date as year-month-day, e.g. 2025-05-01."
    else:
        message = f"'{label}' has a value that is not allowed ({error['msg']}); found {shown}."
    return Problem(INVALID_VALUE, message, pointer, fix=fix)


def _pattern_in_words(model: type[BaseModel], loc: tuple[Any, ...], pattern: str) -> str:
    """A pattern of a pack's field, said with the field's own example when it gives one
    (``Field(pattern=..., examples=["CARP-101"])``): a designer reads an example, not a regex."""
    info = _keys(model).get(str(loc[-1])) if loc else None
    if len(loc) == 1 and info is not None and info.examples:
        return f"text like '{info.examples[0]}' (matching {pattern})"
    return f"text matching {pattern}"


def _describe(doc: Document, pointer: str, value: Any, kinds: set[str]) -> tuple[str, str]:
    """What YAML made of a value (as written), and a hint fitted to what was expected."""
    source = _source_text(doc, pointer)
    wants_number = bool(kinds & {"float_type", "int_type"})
    if value is None:
        return "an empty value", "Write a value after the colon, or remove the line."
    if isinstance(value, bool):
        if source.lower() in _YAML_BOOL_WORDS:
            return (
                f"'{source}' as the boolean {str(value).lower()}",
                f"YAML reads yes/no/on/off as true/false: write '{source}' in quotes.",
            )
        return f"the boolean {str(value).lower()}", ""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"the date {value.isoformat()}", "Put the value in quotes to keep it as text."
    if isinstance(value, (int, float)):
        shown = _show(value, quote=False)
        found = f"the number {shown}"
        if source and source != shown:
            found = f"'{source}' as the number {shown}"
        if "int_type" in kinds and isinstance(value, float):
            return found, "Write a whole number, without decimals."
        if "date_type" in kinds:
            return found, "Write the full date as year-month-day, e.g. 2027-01-31."
        return found, "Put the value in quotes if it is text."
    if isinstance(value, str):
        quoted = source[:1] in ("'", '"')
        if wants_number:
            plain = value.strip().replace(".", "", 1).lstrip("-").isdigit()
            if quoted and plain:
                return f"the text {_show(value)}", "Remove the quotes."
            return (
                f"the text {_show(value)}",
                "Write just the number, without quotes, units or separators (for example 40).",
            )
        if "bool_type" in kinds:
            hint = "Remove the quotes." if value.lower() in ("true", "false") else ""
            return f"the text {_show(value)}", hint or "Write true or false."
        return f"the text {_show(value)}", "Remove the quotes." if quoted else ""
    if isinstance(value, list):
        if kinds & set(_NOT_A_MAPPING):
            return "a list", "Write the fields as 'name: value' lines under the key, not as a list."
        return "a list", "Write a single value here, not a list."
    if "list_type" in kinds:
        return "a mapping", "Write a list: one '- item' line per item, or [a, b]."
    return "a mapping", "Write a single value here, not fields."


def _source_text(doc: Document, pointer: str) -> str:
    loc = doc.location(pointer)
    if loc is None or loc.value.line != loc.value.end_line:
        return ""
    line = doc.lines[loc.value.line - 1]
    return line[loc.value.column - 1 : loc.value.end_column - 1]


def _show(value: Any, *, quote: bool = True) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())  # one line, even for a block scalar
    if len(text) > 60:
        text = text[:57] + "..."
    return f"'{text}'" if quote and isinstance(value, str) else text


def _label(pointer: str, data: Any) -> str:
    """A readable field path: ``learning_outcomes[2].statement`` (list items counted from 1).
    The data tells list items from keys that happen to be digits (``breakdown: {"2": ...}``)."""
    out = ""
    current = data
    for token in split(pointer):
        if isinstance(current, list) and token.isdecimal() and int(token) < len(current):
            out += f"[{int(token) + 1}]"
            current = current[int(token)]
        else:
            out += f".{token}" if out else token
            current = current.get(token) if isinstance(current, dict) else None
    return out


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> set[str]:
    """The keys (aliases where a field has one) of the model that validates the mapping at
    ``loc``, starting from ``model``."""
    found = _model_at(model, loc)
    return set(_keys(found)) if found is not None else set()


def _mappings_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[tuple[str, Any]]:
    """The fields of the mapping at ``loc`` whose value is itself one mapping (not a list of
    them): where a key written one level too high may belong."""
    found = _model_at(model, loc)
    if found is None:
        return []
    return [
        (name, child)
        for name, info in _keys(found).items()
        if not _is_list(info.annotation) and (child := _model_in(info.annotation)) is not None
    ]


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model that validates the mapping at ``loc`` (list indexes passed over)."""
    for part in loc:
        if isinstance(part, int):
            continue
        info = _keys(model).get(str(part))
        found = _model_in(info.annotation) if info else None
        if found is None:
            return None
        model = found
    return model


def _is_list(annotation: Any) -> bool:
    if typing.get_origin(annotation) is list:
        return True
    return any(_is_list(arg) for arg in typing.get_args(annotation))


@functools.cache
def _keys(model: type[BaseModel]) -> dict[str, Any]:
    """The model's fields by key (worked out once per model: a file of thousands of unknown
    keys asks for them thousands of times)."""
    return {info.alias or name: info for name, info in model.model_fields.items()}


def _course_model() -> type[BaseModel]:
    from mcvalidate.model.course import Course as model

    return model


def _model_in(annotation: Any) -> type[BaseModel] | None:
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
