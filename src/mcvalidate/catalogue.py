"""What mcvalidate can tell about its rules: the table, one rule's explanation, the catalogue
page (``docs/rules.md``) and the course JSON Schema. All of it is generated from the rule
metadata and the models, so none of it can drift from the code.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from mcvalidate.format_rules import FORMAT_PACK
from mcvalidate.packs import SelectionError, available
from mcvalidate.rules import EVIDENCE, Pack, Rule

SCHEMA_ID = "https://example.org/mcvalidate/course-1.schema.json"


def packs(frameworks: Sequence[str] = ()) -> list[Pack]:
    """The format pack and the installed packs (or only those named)."""
    installed = available()
    for name in frameworks:
        if name not in installed and name != FORMAT_PACK.name:
            raise SelectionError(f"unknown framework '{name}'")
    chosen = [FORMAT_PACK, *installed.values()]
    return [p for p in chosen if not frameworks or p.name in frameworks]


def find(name: str) -> tuple[Pack, Rule]:
    for pack in packs():
        for rule in pack.rules:
            if name in (rule.id, rule.name) or name.upper() == rule.id:
                return pack, rule
    raise SelectionError(f"no rule is called '{name}' (see 'mcvalidate rules')")


def rule_record(pack: Pack, rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "pack": pack.name,
        "severity": rule.severity.value,
        "summary": rule.summary,
        "source": {
            "document": rule.source.document,
            "clause": rule.source.clause,
            "url": rule.source.url,
            "evidence": rule.source.evidence,
        },
        "options": dict(rule.options),
    }


def render_rules(frameworks: Sequence[str], output_format: str, stream: TextIO) -> None:
    chosen = packs(frameworks)
    if output_format == "json":
        records = [rule_record(p, r) for p in chosen for r in p.rules]
        json.dump(records, stream, indent=2, ensure_ascii=False)
        stream.write("\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="mcvalidate rules", show_lines=False)
    for column in ("id", "name", "severity", "pack", "evidence", "summary"):
        table.add_column(column, overflow="fold")
    for pack in chosen:
        for rule in pack.rules:
            table.add_row(
                rule.id,
                rule.name,
                rule.severity.value,
                pack.name,
                rule.source.evidence,
                rule.summary,
            )
    console = Console(file=stream, highlight=False)
    if not console.is_terminal:
        console.width = 200  # a pipe or a file: do not fold the table to 80 columns
    console.print(table)


def explain_lines(pack: Pack, rule: Rule) -> Iterator[str]:
    yield f"{rule.id} {rule.name} ({rule.severity.value}, pack {pack.name})"
    yield ""
    yield rule.summary
    yield ""
    yield f"Source:   {rule.source.document}"
    yield f"Clause:   {rule.source.clause}"
    yield f"Link:     {rule.source.url}"
    yield f"Evidence: {rule.source.evidence} ({EVIDENCE[rule.source.evidence]})"
    for key, value in rule.options.items():
        yield f"Option:   {key} = {value!r}"
    yield ""
    yield rule.doc


def explain_rule(name: str, stream: TextIO) -> None:
    pack, rule = find(name)
    stream.write("\n".join(explain_lines(pack, rule)) + "\n")


def course_schema() -> dict[str, Any]:
    from mcvalidate.model import Course

    schema = Course.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def markdown() -> str:
    """The rule catalogue page, ``docs/rules.md``."""
    out = [
        "# Rule catalogue",
        "",
        "Generated from the rule metadata by `python -m mcvalidate.catalogue > docs/rules.md`;",
        "a test keeps it in sync. `mcvalidate explain RULE` prints the same text.",
        "",
    ]
    for pack in packs():
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


if __name__ == "__main__":
    print(markdown(), end="")
