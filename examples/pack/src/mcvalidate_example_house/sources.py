"""The document the pack's rules cite, in one place so that every rule names it the same way."""

from __future__ import annotations

from mcvalidate.rules import Source

POLICY = "Example Coast College Curriculum Policy (2025)"
POLICY_URL = "https://example.org/ecc/curriculum-policy"


def policy(clause: str, anchor: str) -> Source:
    """A clause of the policy, quoted word for word, with a link to its section."""
    return Source(POLICY, clause, f"{POLICY_URL}#{anchor}", "verbatim")
