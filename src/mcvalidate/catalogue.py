"""What mcvalidate can tell about its rules and packs: the table, one rule's or pack's
explanation, the catalogue page (``docs/rules.md``) and the course JSON Schema. All of it is
generated from the rule metadata and the models, so none of it can drift from the code.

Every pack of the registry is shown, the local ``rule_paths`` packs of the configuration
included; a pack that cannot be loaded is listed as broken, with why.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from mcvalidate.packs import Registry
from mcvalidate.rules import EVIDENCE, Pack, Rule
from mcvalidate.schemas import COURSE_SCHEMA_ID
from mcvalidate.scopes import scope_words
from mcvalidate.terminal import width_of


def chosen(
    registry: Registry, frameworks: Sequence[str] = ()
) -> list[tuple[str, Pack | None, str]]:
    """``(name, pack, "")`` for the packs named (default: all), ``(name, None, why)`` for a
    broken one; a name that is no pack is an error listing the packs."""
    if not frameworks:
        return registry.loaded()
    # Only the packs named are imported: a broken pack elsewhere is no concern of this listing.
    return registry.loaded(list(dict.fromkeys(registry.canonical(n) for n in frameworks)))


def rule_record(pack: Pack, rule: Rule, registry: Registry | None = None) -> dict[str, Any]:
    """One rule as ``mcvalidate rules --format json`` lists it."""
    origin = registry.origin(pack.name) if registry is not None else None
    return {
        "id": rule.id,
        "name": rule.name,
        "pack": pack.name,
        "pack_version": pack.version,
        "distribution": origin.distribution if origin else "",
        "severity": rule.severity.value,
        "summary": rule.summary,
        "element": rule.element,
        "reads": list(rule.reads),
        "source": {
            "document": rule.source.document,
            "clause": rule.source.clause,
            "url": rule.source.url,
            "evidence": rule.source.evidence,
            "ref": rule.source.ref,
        },
        "options": {
            key: list(o.default) if isinstance(o.default, tuple) else o.default
            for key, o in rule.options.items()
        },
    }


def render_rules(
    registry: Registry, frameworks: Sequence[str], output_format: str, stream: TextIO, err: TextIO
) -> None:
    """The rules (text: a list that fits the window; JSON: records) of the packs named
    (default: every pack)."""
    rows = chosen(registry, frameworks)
    for _, pack, why in rows:
        if pack is None:
            err.write(f"mcvalidate: warning: broken pack: {why}\n")
    packs = [pack for _, pack, _ in rows if pack is not None]
    if output_format == "json":
        records = [rule_record(p, r, registry) for p in packs for r in p.rules]
        json.dump(records, stream, indent=2, ensure_ascii=False)
        stream.write("\n")
        return
    stream.writelines(_listing(packs, rows, registry, width_of(stream)))


def _listing(
    packs: Sequence[Pack],
    rows: Sequence[tuple[str, Pack | None, str]],
    registry: Registry,
    width: int,
) -> Iterator[str]:
    """The rules as a list that fits ``width``: a line naming each rule (id, name, severity,
    pack, evidence: one line, for grep), its summary below it, wrapped; then the packs."""
    import textwrap

    def wrapped(text: str, indent: str = "    ") -> str:
        return (
            textwrap.fill(
                text,
                width=max(width, _NARROWEST),
                initial_indent=indent,
                subsequent_indent="    ",
                break_long_words=False,
                break_on_hyphens=False,
            )
            + "\n"
        )

    for pack in packs:
        origin = registry.origin(pack.name)
        yield wrapped(
            f"pack {pack.name} ({pack.version}, {len(pack.rules)} rules) from {origin}", ""
        )
        yield wrapped(f"{pack.title.rstrip('.')}. Applies to {scope_words(pack)}.")
        yield wrapped("Sources: " + "; ".join(sources_of(pack)) + ".")
        for rule in pack.rules:
            facts = f"{rule.severity.value}; {pack.name}; {rule.source.evidence}"
            yield f"{rule.id} {rule.name} ({facts})\n"
            yield (
                textwrap.fill(
                    plain(rule.summary),
                    width=max(width, _NARROWEST),
                    initial_indent="    ",
                    subsequent_indent="    ",
                    break_long_words=False,
                    break_on_hyphens=False,
                )
                + "\n"
            )
        yield "\n"
    for name, found, why in rows:
        if found is None:
            yield wrapped(f"pack {name} (BROKEN: {why}) from {registry.origin(name)}", "")


def sources_of(pack: Pack) -> list[str]:
    """The documents a pack's rules cite, each with the evidence marks of its citations, then
    the pack's own page of sources: ``mcvalidate rules`` shows what each pack rests on."""
    marks: dict[str, set[str]] = {}
    for rule in pack.rules:
        marks.setdefault(rule.source.document, set()).add(rule.source.evidence)
    order = list(EVIDENCE)
    listed = [
        f"{document} [{', '.join(sorted(found, key=order.index))}]"
        for document, found in marks.items()
    ]
    return listed + ([f"see {pack.docs}"] if pack.docs else [])


# Narrower than this, wrapping would make a column of words.
_NARROWEST = 40


def plain(text: str) -> str:
    """Docstring markup (````code````) as plain text, for tables and SARIF."""
    return re.sub(r"``([^`]+)``", r"'\1'", text)


def explain_lines(pack: Pack, rule: Rule) -> Iterator[str]:
    """A rule's page, as ``mcvalidate explain`` prints it and ``docs/rules.md`` holds it."""
    yield f"{rule.id} {rule.name} ({rule.severity.value}, pack {pack.name})"
    yield ""
    yield rule.summary
    yield ""
    yield f"Source:   {rule.source.document}"
    yield f"Clause:   {rule.source.clause}"
    yield f"Link:     {rule.source.url}"
    yield f"Evidence: {rule.source.evidence} ({EVIDENCE[rule.source.evidence]})"
    if rule.source.ref:
        yield f"Source id: {rule.source.ref}"
    for key, option in rule.options.items():
        default = list(option.default) if isinstance(option.default, tuple) else option.default
        yield f"Option:   {key} = {default!r} {option.describe()}"
    yield f"Code:     {rule.origin}"
    yield ""
    yield rule.doc


def pack_lines(pack: Pack, registry: Registry) -> Iterator[str]:
    """A pack's page: what it is, where it comes from, what it needs, and its rules."""
    yield f"{pack.name}: {pack.title}"
    yield ""
    yield f"Framework: {pack.framework}"
    yield f"Version:   {pack.version}"
    yield f"Link:      {pack.url}"
    yield f"From:      {registry.origin(pack.name)}"
    yield f"Applies:   to {scope_words(pack)}"
    if pack.docs:
        yield f"Sources:   {pack.docs}"
    if pack.requires:
        yield f"Needs:     mcvalidate {pack.requires}"
    if pack.requires_packs:
        yield f"Needs:     the packs {', '.join(pack.requires_packs)}"
    if pack.field_keys or pack.namespace:
        keys = ", ".join(pack.field_keys) + (
            f" (and {pack.namespace}...)" if pack.namespace else ""
        )
        yield f"Fields:    {keys}"
    yield ""
    for rule in pack.rules:
        yield f"  {rule.id} {rule.name} ({rule.severity.value}): {rule.summary}"


def explain(registry: Registry, name: str, stream: TextIO) -> None:
    """``mcvalidate explain NAME``: a rule's page (by id or name), or a pack's."""
    pack, rule = registry.find(name)
    lines = pack_lines(pack, registry) if rule is None else explain_lines(pack, rule)
    stream.write("\n".join(lines) + "\n")


def course_schema(packs: Sequence[Pack] = ()) -> dict[str, Any]:
    """The JSON Schema of the course format, with the fields ``packs`` declare."""
    from mcvalidate.model.course import Course

    schema = Course.model_json_schema()
    for pack in packs:
        if pack.fields is None:
            continue
        extra = pack.fields.model_json_schema(ref_template="#/$defs/{model}")
        schema.setdefault("$defs", {}).update(extra.pop("$defs", {}))
        for key, prop in extra.get("properties", {}).items():
            described = prop.get("description") or f"A field of the pack '{pack.name}'."
            schema["properties"][key] = {**prop, "description": described}
        if pack.namespace:
            # Every key of the namespace is the pack's: a misspelt one is refused, as the
            # checker refuses it (the '^x-' pattern would otherwise let it through).
            rules = schema.setdefault("allOf", [])
            rules.append(
                {
                    "propertyNames": {
                        "if": {"pattern": f"^{re.escape(pack.namespace)}"},
                        "then": {"enum": list(pack.field_keys)},
                    }
                }
            )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": COURSE_SCHEMA_ID,
        **schema,
    }


def markdown(packs: Sequence[Pack]) -> str:
    """The rule catalogue page, ``docs/rules.md``, for ``packs`` (format first)."""
    out = [
        "# Rule catalogue",
        "",
        "Generated from the rule metadata by `python -m mcvalidate.catalogue > docs/rules.md`;",
        "a test keeps it in sync. `mcvalidate explain RULE` prints the same text.",
        "",
    ]
    for pack in packs:
        out += [
            f"## {pack.name}: {pack.title}",
            "",
            f"Framework: {pack.framework} ({pack.url})",
            "",
        ]
        out += ["| id | name | severity | evidence | summary |", "|---|---|---|---|---|"]
        for r in pack.rules:
            out.append(
                f"| [{r.id}](#{r.id.lower()}) | {r.name} | {r.severity.value} | "
                f"{r.source.evidence} | {r.summary} |"
            )
        out.append("")
        for r in pack.rules:
            out += [f"### {r.id}", "", "```text", *explain_lines(pack, r), "```", ""]
    return "\n".join(out)


def built_in_packs() -> list[Pack]:
    """The packs ``docs/rules.md`` documents: those mcvalidate's own distribution installs,
    whatever else is installed beside them."""
    registry = Registry()
    return [
        registry.pack(name)
        for name in registry.names
        if registry.origin(name).distribution == "mcvalidate"
    ]


if __name__ == "__main__":
    print(markdown(built_in_packs()), end="")
