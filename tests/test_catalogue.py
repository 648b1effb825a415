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
            if rule.source.evidence == "inferred":
                assert rule.severity is not Severity.ERROR, rule.id
            if pack.name == "bc-toolkit":
                assert rule.severity is not Severity.ERROR, f"{rule.id}: the Toolkit is guidance"
            if rule.severity is Severity.ERROR and pack.name == "bc-framework":
                assert "Framework" in rule.source.document, rule.id


def test_inferred_rules_say_so_in_their_citation() -> None:
    for pack in built_in_packs():
        for rule in pack.rules:
            marked = rule.source.citation.endswith("[inferred]")
            assert marked == (rule.source.evidence == "inferred"), rule.id


def test_published_schemas_are_in_sync() -> None:
    import json

    from mcvalidate.catalogue import course_schema
    from mcvalidate.config import schema as config_schema

    published = ROOT / "docs" / "schemas"
    for name, generated in (("course-1", course_schema()), ("config", config_schema())):
        on_disk = json.loads((published / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert on_disk == generated, f"run: mcvalidate schema > docs/schemas/{name}.schema.json"
