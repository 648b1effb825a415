"""The one source of the consistency pack: mcvalidate itself."""

from __future__ import annotations

from mcvalidate.rules import Source

DOCUMENT = "mcvalidate consistency checks"


def own(clause: str, anchor: str) -> Source:
    """A consistency check's source: mcvalidate's own reading of what the values mean (no
    framework asks for it), documented on the rule's page of the catalogue."""
    return Source(DOCUMENT, clause, f"docs/rules.md#{anchor}", "inferred", "mcvalidate")
