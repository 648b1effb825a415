"""The documents the B.C. packs cite, in one place so every rule names them the same way."""

from __future__ import annotations

from mcvalidate.rules import Evidence, Source

FRAMEWORK = "B.C. Micro-Credential Framework (2021, updated 2024)"
FRAMEWORK_URL = (
    "https://www2.gov.bc.ca/gov/content/education-training/post-secondary-education/"
    "micro-credentials"
)
TOOLKIT = "Micro-credential Toolkit for B.C. (BCcampus, 2023)"
TOOLKIT_URL = "https://opentextbc.ca/bcmicrocredential/"

# The Toolkit's chapters the rules cite, by their titles in the Toolkit.
DESIGN = "Design Considerations: Practical Guide"
PARTNERS = "Employers, Indigenous and Community Partners: Practical Guide"
FINANCIAL = "Financial Matters"
QUALITY_ASSURANCE = "Quality Assurance"
GOVERNANCE = "Institutional Governance: Practical Guide"
RECOGNITION = "Recognition of Learning"
PATHWAYS = "Educational Pathways"


def framework(clause: str, evidence: Evidence, url: str = FRAMEWORK_URL) -> Source:
    return Source(FRAMEWORK, clause, url, evidence)


def toolkit_chapter_url(chapter: str) -> str:
    """The web address of the Toolkit chapter titled ``chapter``."""
    slug = chapter.lower().replace(":", "").replace(",", "").replace(" ", "-")
    return f"{TOOLKIT_URL}chapter/{slug}/"


def toolkit(chapter: str, clause: str, evidence: Evidence) -> Source:
    return Source(TOOLKIT, f"{chapter}: {clause}", toolkit_chapter_url(chapter), evidence)
