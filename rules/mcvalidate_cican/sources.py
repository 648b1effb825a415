"""The text the ``cican`` pack cites: CICan's page of its National Framework for
Microcredentials, which gives the definition (C1) and the seven guiding principles (C2 to C8)
in full. The ids are those of ``docs/packs/cican.md``."""

from __future__ import annotations

from mcvalidate.rules import Evidence, Source

FRAMEWORK = "Colleges and Institutes Canada: National Framework for Microcredentials (2021)"
PAGE = (
    "https://www.collegesinstitutes.ca/colleges-and-institutes-in-your-community/"
    "benefit-college-institute-credential/national-framework-for-microcredentials/"
)
IDS = ("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8")


def cican(clause: str, evidence: Evidence, ref: str) -> Source:
    """The definition (``C1``) or a principle (``C2``... ``C8``, principles 1 to 7)."""
    if ref not in IDS:
        raise ValueError(f"unknown CICan source {ref!r}")
    return Source(FRAMEWORK, clause, PAGE, evidence, ref)
