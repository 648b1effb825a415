"""The documents the B.C. packs cite, in one place so every rule names them the same way.

Each source the rules rest on has an id (``F2``, ``F3``...) listed, with the words quoted and
where they were read, in ``docs/sources-bc.md``; a rule's :class:`Source` carries the id, so
that its page (``mcvalidate explain``) and every finding say which text it stands on. The
Framework's own PDF (2021) and its 2024 update could not be read: its words are known from
the documents that quote them, and the pack says the 2024 update is not reviewed.
"""

from __future__ import annotations

from mcvalidate.rules import Evidence, Scope, Source

FRAMEWORK = "B.C. Micro-Credential Framework (2021; 2024 update not reviewed)"
FRAMEWORK_URL = (
    "https://www2.gov.bc.ca/gov/content/education-training/post-secondary-education/"
    "micro-credentials"
)
# The B.C. packs apply to B.C.'s institutions, and to a file that does not say where its issuer
# is (mcvalidate began with the B.C. Framework: a half-written proposal gets its rules).
BC_SCOPE = Scope(
    note="B.C.'s public post-secondary institutions (issuer.region CA-BC)",
    regions=("CA-BC",),
    default=True,
)
TOOLKIT = "Micro-credential Toolkit for B.C. (BCcampus, 2023)"
TOOLKIT_URL = "https://opentextbc.ca/bcmicrocredential/"
UBC_CTLT = "https://ctlt.ubc.ca/2022/06/30/edubytes-micro-credentials-an-update/"
APPLICANT_GUIDE = "https://scribd.com/document/624867443/Mc-Applicant-Guide"
# Documents of the Ministry and of BCcampus that are not the Framework, cited as themselves.
MINISTRY_GUIDE = (
    "B.C. Ministry of Advanced Education and Skills Training: Micro-credential Initiative "
    "Applicant Guide (October 2022)"
)
BCCAMPUS_RESEARCH = "BCcampus: micro-credential research areas of the Framework"

# The elements the rules check (``element=``), named as the sources name them: rules that
# check one element share one of these names, which ``mcvalidate matrix`` and the crosswalk
# group by. The Framework's: the parts of its definition (F2), its quality assurance clause
# (F3), and the components known from summaries (F5, F6).
STAND_ALONE = "Definition: stand-alone"
SHORT_DURATION = "Definition: short-duration"
COMPETENCY_BASED = "Definition: competency-based"
ASSESSED = "Definition: assessed"
CREDIT_STATUS = "Credit status made clear"
APPROVED = "Quality assurance: approved"
REVIEWED = "Quality assurance: periodically reviewed"
# The Toolkit's: its chapter (the title's first part), then the practice.
OUTCOMES = "Design Considerations: learning outcomes"
ASSESSMENTS = "Design Considerations: assessments"

# The Toolkit's chapters the rules cite, by their titles in the Toolkit.
DESIGN = "Design Considerations: Practical Guide"
PARTNERS = "Employers, Indigenous and Community Partners: Practical Guide"
FINANCIAL = "Financial Matters"
QUALITY_ASSURANCE = "Quality Assurance"
GOVERNANCE = "Institutional Governance: Practical Guide"
RECOGNITION = "Recognition of Learning"
PATHWAYS = "Educational Pathways"


def toolkit_chapter_url(chapter: str) -> str:
    """The web address of the Toolkit chapter titled ``chapter``."""
    slug = chapter.lower().replace(":", "").replace(",", "").replace(" ", "-")
    return f"{TOOLKIT_URL}chapter/{slug}/"


# Where each source of docs/sources-bc.md was read.
SOURCES = {
    # The Framework's definition, quoted word for word by UBC CTLT from the PDF.
    "F2": UBC_CTLT,
    # The Ministry's Applicant Guide (2022), re-using the definition.
    "F2a": APPLICANT_GUIDE,
    # The quality assurance component, quoted word for word in the Toolkit.
    "F3": toolkit_chapter_url(QUALITY_ASSURANCE),
    # Assessment "a key characteristic", and pathways "strongly encourages": UBC's summary.
    "F4": UBC_CTLT,
    "F5": UBC_CTLT,
    # Credit status made clear before enrolment: a newspaper's summary.
    "F6": "https://www.straight.com/education/"
    "bc-colleges-institutes-and-universities-embrace-microcredentials-to-create-a-more-skilled",
    # The Ministry's page: the 2024 update, the Framework's purpose and title.
    "F7": FRAMEWORK_URL,
    "F8": FRAMEWORK_URL,
    # "Key to micro-credential development is partnership and collaboration": the same page.
    "F10": FRAMEWORK_URL,
    # The Ministry's funding condition on partners' roles, in the Applicant Guide.
    "F11": APPLICANT_GUIDE,
    # BCcampus's research areas: "Details to include in micro-credential records".
    "F13": "https://bccampus.ca/micro-credential-research/"
    "options-for-transcription-recognition-and-micro-credentials/",
    # The First Nations Micro-Credential Initiative, a different definition.
    "F12": "https://www.fnesc.ca/pspp/first-nations-micro-credential-initiative/",
}


def framework(clause: str, evidence: Evidence, ref: str) -> Source:
    """A clause of the Framework, as read in the source ``ref`` of docs/sources-bc.md."""
    return Source(FRAMEWORK, clause, SOURCES[ref], evidence, ref)


def document(title: str, clause: str, evidence: Evidence, ref: str) -> Source:
    """A clause of a document that is not the Framework (the Ministry's Applicant Guide,
    BCcampus's research pages), as read in the source ``ref`` of docs/sources-bc.md."""
    return Source(title, clause, SOURCES[ref], evidence, ref)


# The Toolkit's chapters, by their ids in docs/sources-bc.md.
CHAPTERS = {
    DESIGN: "T1",
    PARTNERS: "T2",
    FINANCIAL: "T3",
    QUALITY_ASSURANCE: "T4",
    GOVERNANCE: "T5",
    RECOGNITION: "T6",
    PATHWAYS: "T7",
}


def toolkit(chapter: str, clause: str, evidence: Evidence) -> Source:
    """A clause of a chapter of the Toolkit (the source ``T1``... of docs/sources-bc.md)."""
    url = toolkit_chapter_url(chapter)
    return Source(TOOLKIT, f"{chapter}: {clause}", url, evidence, CHAPTERS[chapter])
