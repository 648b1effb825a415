"""The texts the ``eu-2022`` rules cite, in one place so every rule names them the same way.

Each source has an id (``A1``, ``D1``...) listed, with the words and where they were read, in
``docs/packs/eu-2022.md``; a rule's :class:`Source` carries the id. The Recommendation's own
page on EUR-Lex could be read only as far as its preamble: the words of Annex I and of the
definition are known from documents that quote them word for word (an EU agency's glossary, the
Commission's staff working document, the ETF's guide), and the wording of the Annex II principles
is known only in part.
"""

from __future__ import annotations

from mcvalidate.rules import Evidence, Scope, Source

RECOMMENDATION = (
    "Council Recommendation of 16 June 2022 on a European approach to micro-credentials for "
    "lifelong learning and employability (2022/C 243/02)"
)
RECOMMENDATION_URL = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32022H0627(02)"

# The 27 member states of the European Union, as ISO 3166-1 alpha-2 codes (Greece is GR in
# ISO 3166, EL in the EU's own protocol order).
MEMBER_STATES = (
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
)  # fmt: skip
EU_SCOPE = Scope(
    note="providers in the European Union's member states (issuer.country)",
    countries=MEMBER_STATES,
)

# The Recommendation's parts, in its own terms, as the rules' elements name them.
ANNEX_I = "Annex I"
ANNEX_II = "Annex II"

# Where each source of docs/packs/eu-2022.md was read.
SOURCES = {
    # The Recommendation itself: title, date, Official Journal reference (preamble only).
    "R1": RECOMMENDATION_URL,
    # Annex I's mandatory elements, listed word for word by Cedefop's VET glossary.
    "A1": "https://www.cedefop.europa.eu/da/tools/vet-glossary/glossary/microcredential",
    # Annex I's optional elements, as the Commission's staff working document lists them.
    "A2": "https://brejner.online/fa-et-certificeret-certifikat/",
    # The definition (paragraph 5(a)), quoted word for word ("EU 2022, p 13").
    "D1": "https://teacamp.vdu.lt/mod/glossary/showentry.php?eid=383&displayformat=dictionary",
    # The Transparency principle, quoted by the ETF's guide.
    "P1": "https://openspace.etf.europa.eu/content/transparency",
    # The Quality principle: internal and external quality assurance (a summary).
    "P2": "https://teacamp.vdu.lt/mod/page/view.php?id=4867",
    # The assessment criteria of the definition, quoted by the ETF's guide.
    "P3": "https://openspace.etf.europa.eu/pages/valid-assessment",
    # The Recommendation's definition of portability ("EU 2022, p 14"), quoted word for word.
    "P4": "https://teacamp.vdu.lt/mod/glossary/showentry.php?displayformat=dictionary&eid=168",
    # The names of the Annex II principles: the project's research note (from memory of the
    # text), matching the chapters of the ETF's guide.
    "P5": "https://openspace.etf.europa.eu/content/micro-credential-design-checklist",
    # The EQF's eight levels: the EQF Recommendation, as the Commission explains it.
    "E1": "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32017H0615(01)",
}


def recommendation(clause: str, evidence: Evidence, ref: str) -> Source:
    """A clause of the Recommendation, as read in the source ``ref`` of docs/packs/eu-2022.md."""
    return Source(RECOMMENDATION, clause, SOURCES[ref], evidence, ref)


EQF = (
    "Council Recommendation of 22 May 2017 on the European Qualifications Framework for "
    "lifelong learning (2017/C 189/03)"
)


def document(title: str, clause: str, evidence: Evidence, ref: str) -> Source:
    """A clause of a document that is not the Recommendation (the EQF Recommendation), as
    read in the source ``ref`` of docs/packs/eu-2022.md."""
    return Source(title, clause, SOURCES[ref], evidence, ref)
