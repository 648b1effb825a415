"""The documents the Ontario packs cite, in one place so every rule names them the same way.

Each source has an id (``E1``... for eCampusOntario's Principles and Framework, ``O1``... for
OSAP for Micro-credentials), listed with the words and where they were read in
``docs/packs/ecampusontario.md`` and ``docs/packs/ontario-osap.md``. The framework's own PDF
(v2, December 2020) could not be read: its words are known from three transcriptions that
agree word for word, one of them on a site of eCampusOntario's. The OSAP guidelines were not
found either: their conditions are known from the pages of institutions that apply them.
"""

from __future__ import annotations

from mcvalidate.rules import Evidence, Source

FRAMEWORK = "eCampusOntario Micro-credential Principles and Framework (v2, December 2020)"
FRAMEWORK_PDF = (
    "https://micro.ecampusontario.ca/wp-content/uploads/2020/12/Micro-credentials-en_v2.pdf"
)
FRAMEWORK_PAGE = "https://ecampusontario.ca/micro-certifications"
MICHENER = (
    "https://michener.ca/continuing-education/micro-credentials/"
    "ecampusontario-micro-credential-principle-framework/"
)
WIKIBADGES = (
    "https://wikibadges.org/doku.php?id=en:badge:"
    "critical_information_summary_-_micro-credential_-_ecampusontario_2020"
)
IPCURRICULUM = "https://ipcurriculum.ecampusontario.ca/home-2/"

OSAP = "OSAP for Micro-credentials (Ontario Ministry of Colleges and Universities)"
OSAP_PAGE = "https://www.ontario.ca/page/micro-credentials-ontarios-postsecondary-schools"
UOFT_REGISTRAR = "https://registrar.utoronto.ca/finances-and-funding/osap/osap-micro-credentials/"
CARLETON_FORM = "https://forms.carleton.ca/future-edge/full-application-for-micro-credential"
# The program name that switches the OSAP profile on, under funding.programs.
PROGRAM = "osap"

# Where each source of the two pack pages was read.
SOURCES = {
    # The four principles: michener.ca's and wikibadges.org's transcriptions agree.
    "E1": MICHENER,  # Relevance
    "E2": MICHENER,  # Verifiability
    "E3": MICHENER,  # Ownership
    "E4": MICHENER,  # Extensibility
    # The six framework elements: eCampusOntario's own project site, and michener.ca.
    "E5": IPCURRICULUM,  # Issuing Body
    "E6": IPCURRICULUM,  # Competency/Skills Targeted
    "E7": IPCURRICULUM,  # Outcomes
    "E8": IPCURRICULUM,  # Summative Assessment
    "E9": IPCURRICULUM,  # compatible with traditional transcripts
    "E10": IPCURRICULUM,  # Partner Endorsement
    # OSAP: "ministry-approved, quality-assured" (U of T's registrar, and Guelph's page).
    "O1": UOFT_REGISTRAR,
    # The 2022-23 guidelines as Carleton's application form repeats them.
    "O2": CARLETON_FORM,  # less than 12 weeks
    "O3": CARLETON_FORM,  # between 5 and 300 hours
    "O4": CARLETON_FORM,  # up to three NOC 2021 codes
    "O5": CARLETON_FORM,  # the CIP code, for ministry analysis only
    "O6": CARLETON_FORM,  # the delivery mode
}


def framework(clause: str, evidence: Evidence, ref: str) -> Source:
    """A principle or element of eCampusOntario's framework, as read in source ``ref``."""
    return Source(FRAMEWORK, clause, SOURCES[ref], evidence, ref)


def osap(clause: str, evidence: Evidence, ref: str) -> Source:
    """A condition of OSAP for Micro-credentials, as read in source ``ref``."""
    return Source(OSAP, clause, SOURCES[ref], evidence, ref)
