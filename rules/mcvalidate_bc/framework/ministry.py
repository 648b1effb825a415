"""Rules from the texts around the Framework: the Ministry's Applicant Guide and BCcampus's
research areas.

These documents are not the Framework, and the rules cite them as what they are: the
Ministry's funding condition on how partners are engaged (F11), its statement that
micro-credentials "complement current offerings and pathways" (F2a), and BCcampus's research
area on the details a micro-credential record should carry (F13). None of them is a
requirement of the Framework's text, so none is an error.
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import filled, listing
from mcvalidate_bc.sources import BCCAMPUS_RESEARCH, MINISTRY_GUIDE, document

# The partner roles the Applicant Guide asks proponents to show, as the format names them.
NEED_AND_DESIGN = {"identify_need": "identifying the need", "co_design": "curriculum input"}
AFTER_COMPLETION = ("assessment", "recognition")


@rule(
    id="BCF019",
    name="partner-engagement",
    severity="info",
    source=document(
        MINISTRY_GUIDE,
        "Partners engaged in 'the identification of the need', 'curriculum development' and "
        "'assessment and recognition'",
        "verbatim",
        "F11",
    ),
    element="Applicant Guide: partner engagement",
    reads=("/partners/*/type", "/partners/*/roles"),
)
def partner_engagement(course: Course, ctx: RuleContext) -> None:
    """External partners' roles cover the need, the curriculum, and assessment or recognition.

    The Ministry's Applicant Guide (F11) has proponents "clearly demonstrate how
    employers/industry/communities have been engaged in the identification of the need for the
    micro-credential - including their level of input into curriculum development and their role
    in assessment and recognition of the micro-credential once complete"; the Ministry's page
    calls partnership with employers and industry "key to micro-credential development" (F10).
    It is a funder's condition, not the Framework's text: what it asks of an offering funded
    under the Initiative is good practice for any other, hence info (a public page rarely says
    what role a partner plays after completion). The rule looks at the ``roles`` of the external
    partners (every type but ``post_secondary``) together: ``identify_need``, ``co_design``, and
    ``assessment`` or ``recognition``. When no external partner has a role, bc-toolkit BCT001
    reports that instead.

    Fails::

        title: Mass timber construction
        partners:
          - {name: Example Builders, type: employer, roles: [hiring]}

    Passes::

        title: Mass timber construction
        partners:
          - {name: Example Builders, type: employer, roles: [identify_need, co_design]}
          - {name: Example Trades Council, type: industry_association, roles: [recognition]}
    """
    partners = course.partners or []
    if ctx.any_refused("partners", partners, "type", "roles"):
        return
    roles = {
        role for p in partners if p.type not in (None, "post_secondary") for role in p.roles or ()
    }
    if not roles:
        return  # BCT001: no external partner with a role
    missing = [words for role, words in NEED_AND_DESIGN.items() if role not in roles]
    if not roles.intersection(AFTER_COMPLETION):
        missing.append("assessment or recognition")
    if missing:
        ctx.report(
            "/partners",
            f"The external partners' roles leave out {listing(missing)}, which the "
            "Ministry's Applicant Guide asks proponents to show.",
            fix="Add the roles the partners play to their 'roles:' lists (identify_need, "
            "co_design, assessment, recognition), or list the partner who plays them.",
        )


@rule(
    id="BCF020",
    name="complements-offerings",
    severity="info",
    source=document(
        MINISTRY_GUIDE,
        "Micro-credentials 'complement current offerings and pathways'",
        "verbatim",
        "F2a",
    ),
    element="Applicant Guide: complements current offerings and pathways",
    reads=("/pathways/complements",),
)
def complements_offerings(course: Course, ctx: RuleContext) -> None:
    """The file says how the micro-credential relates to the institution's existing programs.

    The Ministry's Applicant Guide follows the Framework's definition with "They complement
    current offerings and pathways in B.C.'s post-secondary system" (F2a). A sentence in
    ``pathways.complements`` on how this offering sits beside the programs already offered
    (what it adds, whom it serves that they do not) answers the question a committee asks
    first. Good practice drawn from a description, hence info.

    Fails::

        title: Mass timber construction

    Passes::

        title: Mass timber construction
        pathways:
          complements: Adds mass timber methods to the carpentry apprenticeship's Level 3.
    """
    if ctx.refused("/pathways/complements"):
        return
    if course.pathways is None or not filled(course.pathways.complements):
        ctx.report(
            "/pathways/complements",
            "The file does not say how this micro-credential complements the programs and "
            "pathways already offered.",
            fix="Add 'complements:' under 'pathways:' with a sentence on what it adds to "
            "existing programs.",
        )


@rule(
    id="BCF021",
    name="record-details",
    severity="info",
    source=document(
        BCCAMPUS_RESEARCH,
        "'Details to include in micro-credential records'",
        "verbatim",
        "F13",
    ),
    element="BCcampus research: details in micro-credential records",
    reads=("/recognition/transcript_fields",),
)
def record_details(course: Course, ctx: RuleContext) -> None:
    """An offering recorded on a transcript says what the record shows.

    BCcampus lists "Details to include in micro-credential records" among the Framework's
    research areas on transcription and recognition (F13): what a learner's record carries
    decides whether an employer or another institution can read it. When ``recognition.
    formats`` includes ``transcript``, list in ``recognition.transcript_fields`` what the
    transcript entry shows (title, hours, outcomes, assessment result...). Good practice,
    hence info.

    Fails::

        title: Mass timber construction
        recognition:
          formats: [transcript]

    Passes::

        title: Mass timber construction
        recognition:
          formats: [transcript]
          transcript_fields: [title, hours, completion date, result]
    """
    recognition = course.recognition
    if recognition is None or "transcript" not in (recognition.formats or ()):
        return
    if ctx.refused("/recognition/transcript_fields") or recognition.transcript_fields:
        return
    ctx.report(
        "/recognition/transcript_fields",
        "The micro-credential is recorded on a transcript, but the file does not say what the "
        "transcript entry shows.",
        fix="Add 'transcript_fields:' under 'recognition:', e.g. [title, hours, result].",
    )
