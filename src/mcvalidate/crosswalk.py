"""``mcvalidate crosswalk``: which course field satisfies which element of each framework.

Generated from the packs' own metadata (each rule's ``element`` and ``reads``), so it cannot
drift from what the rules check: a field is listed under a framework when a rule of that
framework's pack reads it to decide whether the element is met. ``docs/crosswalk.md`` is this
module's Markdown for mcvalidate's own packs (``python -m mcvalidate.crosswalk >
docs/crosswalk.md``; a test keeps it in sync).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TextIO

from mcvalidate.rules import Pack, Rule
from mcvalidate.scopes import scope_words


@dataclass(frozen=True)
class Entry:
    """One element of one framework, and the rules that check it through one field."""

    pack: str
    element: str
    rules: tuple[Rule, ...]


def field_name(pointer: str) -> str:
    """A pointer as the docs name the field: ``/workload/hours`` -> ``workload.hours``,
    ``/assessments/*/type`` -> ``assessments[].type``."""
    return ".".join(pointer.strip("/").split("/")).replace(".*", "[]")


def frameworks(packs: Sequence[Pack]) -> list[Pack]:
    """The packs that are frameworks (they declare a scope that is no export profile) and
    declare elements; where the fields go in each export is ``docs/export-mapping.md``."""
    return [
        p
        for p in packs
        if p.scope is not None and not p.scope.profile and any(r.element for r in p.rules)
    ]


def by_field(packs: Sequence[Pack]) -> dict[str, list[Entry]]:
    """Field name -> the framework elements it satisfies, in the course model's field order,
    each framework's elements in its rules' order."""
    from mcvalidate.model import Course, field_names

    found: dict[str, dict[tuple[str, str], list[Rule]]] = {}
    for pack in frameworks(packs):
        for rule in pack.rules:
            for pointer in rule.reads:
                entries = found.setdefault(field_name(pointer), {})
                entries.setdefault((pack.name, rule.element), []).append(rule)
    order = {name: index for index, name in enumerate(field_names(Course))}

    def key(name: str) -> tuple[int, str]:
        top = name.split(".")[0].removesuffix("[]")
        return order.get(top, len(order)), name

    return {
        name: [Entry(p, e, tuple(rules)) for (p, e), rules in found[name].items()]
        for name in sorted(found, key=key)
    }


def _rules(entry: Entry) -> str:
    return ", ".join(f"{r.id} {r.severity.value}" for r in entry.rules)


def markdown(packs: Sequence[Pack]) -> str:
    """The crosswalk page: a table of fields by frameworks, then each framework's elements."""
    chosen = frameworks(packs)
    table = by_field(chosen)
    out = [
        "# Crosswalk: course fields and framework elements",
        "",
        "Generated from the rule packs' metadata by `python -m mcvalidate.crosswalk >",
        "docs/crosswalk.md` (a test keeps it in sync); `mcvalidate crosswalk` prints the same",
        "for the packs installed. A cell names the framework's element that the field",
        "satisfies, and the rules that check it (with their severity): a field missing from a",
        "column is not asked for by that framework.",
        "",
        "## By field",
        "",
        "| field | " + " | ".join(p.name for p in chosen) + " |",
        "|---|" + "---|" * len(chosen),
    ]
    for name, entries in table.items():
        cells = []
        for pack in chosen:
            mine = [e for e in entries if e.pack == pack.name]
            cells.append("<br>".join(f"{e.element} ({_rules(e)})" for e in mine))
        out.append(f"| `{name}` | " + " | ".join(_cell(c) for c in cells) + " |")
    out += ["", "## By framework", ""]
    for pack in chosen:
        out += [
            f"### {pack.name}: {pack.title}",
            "",
            f"{pack.framework}, version {pack.version} ({pack.url}). Applies to "
            f"{scope_words(pack)}.",
            "",
            "| element | fields | rules |",
            "|---|---|---|",
        ]
        for element, rules in pack.elements.items():
            fields = ", ".join(
                f"`{n}`" for n in dict.fromkeys(field_name(p) for r in rules for p in r.reads)
            )
            ids = ", ".join(f"{r.id} ({r.severity.value})" for r in rules)
            out.append(f"| {_cell(element)} | {fields} | {ids} |")
        out.append("")
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def text_lines(packs: Sequence[Pack], width: int) -> Iterator[str]:
    """The crosswalk for a terminal: each field, then under it each framework's element."""
    import textwrap

    table = by_field(packs)
    names = [p.name for p in frameworks(packs)]
    column = max((len(n) for n in names), default=0) + 2
    for name, entries in table.items():
        yield name
        for entry in entries:
            text = f"{entry.element} ({_rules(entry)})"
            yield textwrap.fill(
                text,
                width=max(width, 40),
                initial_indent=f"    {entry.pack:<{column}}",
                subsequent_indent=" " * (4 + column),
                break_long_words=False,
                break_on_hyphens=False,
            )


def write(packs: Sequence[Pack], output_format: str, stream: TextIO, width: int = 80) -> None:
    """The crosswalk of ``packs`` in ``output_format``: text, markdown, json or csv."""
    if output_format == "markdown":
        stream.write(markdown(packs) + "\n")
    elif output_format == "json":
        records = [
            {
                "field": name,
                "framework": e.pack,
                "element": e.element,
                "rules": [
                    {"id": r.id, "severity": r.severity.value, "evidence": r.source.evidence}
                    for r in e.rules
                ],
            }
            for name, entries in by_field(packs).items()
            for e in entries
        ]
        json.dump(records, stream, indent=2, ensure_ascii=False)
        stream.write("\n")
    elif output_format == "csv":
        out = csv.writer(stream, lineterminator="\n")
        out.writerow(["field", "framework", "element", "rule", "severity", "evidence"])
        for name, entries in by_field(packs).items():
            for e in entries:
                for r in e.rules:
                    out.writerow(
                        [name, e.pack, e.element, r.id, r.severity.value, r.source.evidence]
                    )
    else:
        stream.writelines(line + "\n" for line in text_lines(packs, width))


if __name__ == "__main__":
    import sys

    from mcvalidate.catalogue import built_in_packs

    sys.stdout.write(markdown(built_in_packs()) + "\n")
