"""The generated rule catalogue and the rule metadata agree, and the metadata is sound."""

from __future__ import annotations

import re
from pathlib import Path

from mcvalidate.catalogue import built_in_packs, markdown
from mcvalidate.findings import Severity

ROOT = Path(__file__).resolve().parents[1]


def test_docs_rules_md_is_in_sync_with_the_rule_metadata() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == markdown(built_in_packs()), "run: python -m mcvalidate.catalogue > docs/rules.md"


def test_ids_and_names_are_unique_across_packs() -> None:
    rules = [r for p in built_in_packs() for r in p.rules]
    assert len({r.id for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)


def test_each_pack_uses_its_own_id_prefix() -> None:
    packs = built_in_packs()
    assert all(pack.prefix for pack in packs)
    assert len({pack.prefix for pack in packs}) == len(packs)
    for pack in packs:
        for rule in pack.rules:
            assert re.fullmatch(pack.prefix + r"\d{3}", rule.id), rule.id


def test_severity_follows_the_evidence() -> None:
    """Errors rest on the framework's text; inferred rules are never errors."""
    for pack in built_in_packs():
        for rule in pack.rules:
            if rule.severity is Severity.ERROR:  # only the text's own words make an error
                assert rule.source.evidence == "verbatim", rule.id
            if pack.name == "bc-toolkit":
                assert rule.severity is not Severity.ERROR, f"{rule.id}: the Toolkit is guidance"
            if rule.severity is Severity.ERROR and pack.name == "bc-framework":
                assert "Framework" in rule.source.document, rule.id


def test_every_citation_names_its_evidence_mark() -> None:
    """A finding's "why" says how strong its ground is, and which source it stands on."""
    marks = {"verbatim": "verbatim", "secondary": "secondary source", "inferred": "inferred"}
    for pack in built_in_packs():
        for rule in pack.rules:
            source = rule.source
            ref = f"; source {source.ref}" if source.ref else ""
            assert source.citation.endswith(f" [{marks[source.evidence]}{ref}]"), rule.id


def test_every_rule_names_its_source_id() -> None:
    """Every rule's page and finding say which source it stands on, by id."""
    for pack in built_in_packs():
        for rule in pack.rules:
            assert rule.source.ref, rule.id


def test_every_bc_rule_names_a_listed_source() -> None:
    """Each rule of a B.C. pack carries the id of a source of docs/sources-bc.md, and its link
    is where that source was read (the gov.bc.ca page carries no definition words)."""
    listed = (ROOT / "docs" / "sources-bc.md").read_text(encoding="utf-8")
    for pack in built_in_packs():
        if not pack.name.startswith("bc-"):
            continue
        for rule in pack.rules:
            if rule.source.ref == "mcvalidate":
                continue  # the tool's own reading (which funding programs it knows)
            assert f"| {rule.source.ref} |" in listed, rule.id
            assert rule.source.url in listed, rule.id


def test_the_tools_own_checks_cite_the_tool() -> None:
    """The consistency checks are mcvalidate's, not a framework's, and say so; being the
    tool's reading, none is an error (none fails a run at the default ``--fail-on error``)."""
    (pack,) = [p for p in built_in_packs() if p.name == "consistency"]
    assert pack.rules
    for rule in pack.rules:
        assert rule.source.document == "mcvalidate consistency checks", rule.id
        assert rule.source.evidence == "inferred", rule.id
        assert rule.severity in (Severity.WARNING, Severity.INFO), rule.id


def test_published_schemas_are_in_sync() -> None:
    import json

    from mcvalidate.catalogue import course_schema
    from mcvalidate.config import schema as config_schema

    published = ROOT / "docs" / "schemas"
    for name, generated in (("course-1", course_schema()), ("config", config_schema())):
        on_disk = json.loads((published / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert on_disk == generated, f"run: mcvalidate schema > docs/schemas/{name}.schema.json"
    # The copy shipped in the package, which 'mcvalidate schema --path' names for editors.
    from mcvalidate.scaffold import SCHEMA

    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == course_schema()
