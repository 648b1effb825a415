"""The documents the ``nzqa`` pack cites, in one place so every rule names them the same way.

Each source has an id (``N1``, ``N2``...) listed, with the words quoted and where they were
read, in ``docs/packs/nzqa.md``; a rule's :class:`Source` carries the id. The Listing and
Operational Rules 2022 were read on NZQA's own pages (rules 3, 6 and 14); the criteria of the
Micro-credential Approval and Accreditation Rules 2022 were not, so what they may add is not
checked.
"""

from __future__ import annotations

from mcvalidate.rules import Evidence, Scope, Source

LISTING_RULES = "NZQA Qualification and Micro-credential Listing and Operational Rules 2022"
NZQA_PAGE = "NZQA: Micro-credential listing, approval, and accreditation (web page)"
NZQA_2018 = "NZQA: Approval of micro-credentials (web page, 2018 system)"
WDC_PAGE = "Toitū te Waiora (workforce development council): Micro-credential submissions"

FRAMEWORK_URL = (
    "https://www2.nzqa.govt.nz/tertiary/approval-accreditation-and-registration/micro-credentials/"
)
_RULES_URL = (
    "https://www.nzqa.govt.nz/about-us/our-role/legislation/nzqa-rules/nzqf-related-rules/"
    "nzqf-qualification-listing-and-operational-rules/"
)
# NZQA's former address of its micro-credentials page; it held the 2018 text, then a later one.
_OLD_PAGE = (
    "https://www.nzqa.govt.nz/providers-partners/approval-accreditation-and-registration/"
    "micro-credentials/"
)

SCOPE = Scope(
    note="micro-credentials listed on the New Zealand Qualifications and Credentials Framework "
    "(issuer.country NZ)",
    countries=("NZ",),
)

# Where each source of docs/packs/nzqa.md was read.
SOURCES = {
    # The current NZQA page: 1 to 40 credits, accredited providers, evidence of need, the
    # review periods (and the 1-year period of those approved before 2023).
    "N1": FRAMEWORK_URL,
    # Rule 3, interpretation: a credit is ten notional learning hours; levels 1 to 10.
    "N2": _RULES_URL + "1/",
    # Rule 6: the details listed for every micro-credential (6.1) and the title (6.2).
    "N3": _RULES_URL + "listing-details-for-qualifications/micro-credential/",
    # Rule 14.4: NZQA lists the details of rule 6.1 and may assign other review periods.
    "N4": _RULES_URL + "applications-to-list-qualifications/12/",
    # An earlier version of NZQA's page: evidence of need from whom.
    "N5": _OLD_PAGE,
    # The 2018 page: 5-40 credits, no duplication, annual review (the system before 2022).
    "N6": _OLD_PAGE,
    # NZQA's roles and responsibilities page: "Include skills standards (where available)".
    "N7": FRAMEWORK_URL + "responsibilities",
    # A workforce development council's summary: NZQA-approved micro-credentials "include an
    # assessment".
    "N8": "https://toitutewaiora.nz/micro-credential-submissions",
}


def listing_rule(clause: str, ref: str = "N3", evidence: Evidence = "verbatim") -> Source:
    """A clause of the Listing and Operational Rules 2022, as read in the source ``ref``."""
    return Source(LISTING_RULES, clause, SOURCES[ref], evidence, ref)


def document(title: str, clause: str, evidence: Evidence, ref: str) -> Source:
    """A clause of a document that is not the Listing Rules (NZQA's pages, a WDC's page), as
    read in the source ``ref`` of docs/packs/nzqa.md."""
    return Source(title, clause, SOURCES[ref], evidence, ref)
