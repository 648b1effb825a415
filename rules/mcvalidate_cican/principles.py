"""Rules from CICan's seven guiding principles (C2 to C8), as far as a course file can show
them.

CICan calls them "guiding principles": a file that does not show one gets a warning, or an
info where the principle says "may" (pathways). Principle 7 says microcredentials "are to
follow institutional approval processes", the nearest the principles come to a requirement;
it stays a warning, as a principle of a voluntary framework. Not checked: principle 1 (a
complement to other credentials, or stand-alone: every offering is one or the other), that a
record is "secure" and "trackable" (properties of the issuing system), and how "robust and
rigorous" a quality assurance process is.
"""

from __future__ import annotations

import re

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import filled, listing
from mcvalidate_cican.checks import formats
from mcvalidate_cican.sources import cican

QUALITY = "Principle 2: 'subject to a robust and rigorous quality assurance process'"
EMPLOYERS = "Principle 3: 'competencies identified by employers/industry sectors'"
PATHWAYS = "Principle 4: 'clear and seamless pathways across different credentials'"
PROFICIENCY = "Principle 5: 'based on assessed proficiency of a competency, not on time spent'"
RECORD = "Principle 6: 'secure, trackable, portable', documented in 'academic records'"
APPROVAL = "Principle 7: 'follow institutional approval processes'"
EMPLOYER_NEEDS = ("employer", "industry", "labour_market")
EMPLOYER_PARTNERS = ("employer", "industry_association", "professional_body")
PORTABLE = ("digital_badge", "wallet_credential")
# A passing criterion that counts time or presence rather than proficiency.
TIME_SPENT = re.compile(
    r"\battend|\bparticipat|\bpresen(ce|t at)\b|\bhours? (completed|logged|spent)",
    re.IGNORECASE,
)


@rule(
    id="CIC003",
    name="cican-quality-assurance",
    severity="warning",
    source=cican(QUALITY, "verbatim", "C3"),
    element=QUALITY,
    reads=("/quality_assurance",),
)
def quality_assurance(course: Course, ctx: RuleContext) -> None:
    """The file says how the microcredential's quality is assured.

    CICan's second principle: microcredentials "are subject to a robust and rigorous quality
    assurance process" (C3). Whether a process is robust cannot be read from a file; that
    there is one can: its name (``quality_assurance.process``), who reviews it (``type``), a
    review cycle or date, an external approval, or a quality assurance statement. A file with
    none of these says nothing of its quality assurance.

    Fails::

        title: Welding inspection basics
        frameworks: [cican]
        quality_assurance:
          approved_on: 2025-03-01

    Passes::

        title: Welding inspection basics
        frameworks: [cican]
        quality_assurance:
          process: Program Quality Assurance Policy AC-12
          review_cycle_months: 36
    """
    if ctx.refused("/quality_assurance", inside=True):
        return
    qa = course.quality_assurance
    if qa is not None and (
        filled(qa.process)
        or qa.type is not None
        or qa.review_cycle_months is not None
        or qa.next_review is not None
        or qa.last_reviewed is not None
        or qa.external_approvals
        or qa.statement is not None
    ):
        return
    ctx.report(
        "/quality_assurance",
        "The file does not say how the microcredential's quality is assured; CICan's "
        "framework has microcredentials subject to a robust and rigorous quality assurance "
        "process.",
        fix="Add 'process:' (the policy it goes through) and 'review_cycle_months:' under "
        "'quality_assurance:'.",
    )


@rule(
    id="CIC004",
    name="cican-employer-identified",
    severity="warning",
    source=cican(EMPLOYERS, "verbatim", "C4"),
    element=EMPLOYERS,
    reads=("/needs", "/partners"),
)
def employer_identified(course: Course, ctx: RuleContext) -> None:
    """Employers or industry identified the competencies: an employer need, or an employer
    partner who identified the need or shaped the curriculum.

    CICan's third principle: microcredentials "should represent competencies identified by
    employers/industry sectors to meet employer needs" (C4). A file shows it with a need of
    type ``employer``, ``industry`` or ``labour_market``, or a partner of type ``employer``,
    ``industry_association`` or ``professional_body`` with the role ``identify_need`` or
    ``co_design``. "Should": a warning.

    Fails::

        title: Welding inspection basics
        frameworks: [cican]
        needs:
          - {type: community, description: Residents asked for evening courses.}

    Passes::

        title: Welding inspection basics
        frameworks: [cican]
        needs:
          - {type: employer, description: Fabricators need certified weld inspectors.}
    """
    if ctx.refused("/needs", inside=True) or ctx.refused("/partners", inside=True):
        return
    if any(n.type in EMPLOYER_NEEDS for n in course.needs or ()):
        return
    if any(
        p.type in EMPLOYER_PARTNERS and {"identify_need", "co_design"} & set(p.roles or ())
        for p in course.partners or ()
    ):
        return
    ctx.report(
        "/needs",
        "Nothing shows that employers or industry identified the competencies: no employer, "
        "industry or labour market need, and no employer partner who identified the need or "
        "helped design the curriculum.",
        fix="Add the employer need under 'needs:' (type employer, industry or labour_market), "
        "or the employer partner with 'roles: [identify_need]'.",
    )


@rule(
    id="CIC005",
    name="cican-pathways",
    severity="info",
    source=cican(PATHWAYS, "verbatim", "C5"),
    element=PATHWAYS,
    reads=("/pathways",),
)
def pathways(course: Course, ctx: RuleContext) -> None:
    """The pathways the microcredential opens are given: what it stacks into, ladders into
    or transfers to.

    CICan's fourth principle: microcredentials "may provide clear and seamless pathways
    across different credentials (both non-credit and credit) and may be stackable" (C5).
    "May": the principle asks nothing, but a pathway that exists is worth stating, under
    ``pathways`` (``stacks_into``, ``ladders_into``, ``transfer``), hence info. A
    ``none_reason`` says there is none, and why.

    Fails::

        title: Welding inspection basics
        frameworks: [cican]

    Passes::

        title: Welding inspection basics
        frameworks: [cican]
        pathways:
          ladders_into:
            - {credential: Welding Techniques Certificate, credit_value: 3}
    """
    if ctx.refused("/pathways", inside=True):
        return
    found = course.pathways
    if found is not None and (
        found.stacks_into or found.ladders_into or found.transfer or filled(found.none_reason)
    ):
        return
    ctx.report(
        "/pathways",
        "No pathway is given; CICan's framework has microcredentials provide pathways across "
        "credentials, and be stackable, where they can.",
        fix="Add 'stacks_into:', 'ladders_into:' or 'transfer:' under 'pathways:' (or "
        "'none_reason:').",
    )


@rule(
    id="CIC006",
    name="cican-proficiency-not-time",
    severity="warning",
    source=cican(PROFICIENCY, "verbatim", "C6"),
    element=PROFICIENCY,
    reads=("/assessments",),
)
def proficiency_not_time(course: Course, ctx: RuleContext) -> None:
    """The award rests on assessed proficiency, not on attendance or time spent.

    CICan's fifth principle: microcredentials "are based on assessed proficiency of a
    competency, not on time spent learning" (C6). The assessments that count toward the award
    (all but those marked ``summative: false``) must include one that assesses proficiency: a
    file whose every such assessment is of type ``participation``, or passes on attendance or
    hours logged (its ``passing`` criterion), awards for time spent.

    Fails::

        title: Welding inspection basics
        frameworks: [cican]
        assessments:
          - {id: A1, title: Workshop attendance, type: participation, summative: true}

    Passes::

        title: Welding inspection basics
        frameworks: [cican]
        assessments:
          - {id: A1, title: Workshop attendance, type: participation, summative: true}
          - {id: A2, title: Weld inspection practical, type: practical, summative: true}
    """
    if ctx.refused("/assessments", inside=True):
        return
    counted = [a for a in course.assessments or () if a.summative is not False]
    if not counted:
        return  # none at all is CIC001's
    if all(
        a.type == "participation" or (isinstance(a.passing, str) and TIME_SPENT.search(a.passing))
        for a in counted
    ):
        ctx.report(
            "/assessments",
            "Every assessment that counts toward the award is of participation, attendance or "
            "time spent; CICan's framework bases microcredentials on assessed proficiency, not "
            "on time spent learning.",
            fix="Add an assessment of the competency itself (a practical, project, exam...) "
            "that decides the award.",
        )


@rule(
    id="CIC007",
    name="cican-academic-record",
    severity="warning",
    source=cican(RECORD, "verbatim", "C7"),
    element=RECORD,
    reads=("/recognition/formats",),
)
def academic_record(course: Course, ctx: RuleContext) -> None:
    """The competency is documented in the student's academic record: a transcript entry.

    CICan's sixth principle: the "competency is documented in students' academic records"
    (C7). List ``transcript`` under ``recognition.formats`` (and say what the entry shows in
    ``transcript_fields``).

    Fails::

        title: Welding inspection basics
        frameworks: [cican]
        recognition:
          formats: [digital_badge]

    Passes::

        title: Welding inspection basics
        frameworks: [cican]
        recognition:
          formats: [digital_badge, transcript]
    """
    listed = formats(course)
    if (listed and "transcript" in listed) or ctx.refused("/recognition/formats", inside=True):
        return
    ctx.report(
        "/recognition/formats",
        "The file does not say the microcredential is recorded on the student's academic "
        "record; CICan's framework has the competency documented there.",
        fix="Add 'transcript' to 'formats:' under 'recognition:' if the institution records "
        "it on the transcript.",
    )


@rule(
    id="CIC008",
    name="cican-portable-record",
    severity="info",
    source=cican(RECORD, "inferred", "C7"),
    element=RECORD,
    reads=("/recognition/formats",),
)
def portable_record(course: Course, ctx: RuleContext) -> None:
    """The learner receives a portable record: a digital badge or a wallet credential.

    The same principle has microcredentials "secure, trackable, portable" (C7). A record the
    learner carries from one employer or institution to the next is, in a course file, a
    ``digital_badge`` or a ``wallet_credential`` under ``recognition.formats``: mcvalidate's
    reading of "portable", hence info. Reported only when the formats are listed (CIC007
    reports a file that lists none).

    Fails::

        title: Welding inspection basics
        frameworks: [cican]
        recognition:
          formats: [transcript, certificate]

    Passes::

        title: Welding inspection basics
        frameworks: [cican]
        recognition:
          formats: [transcript, digital_badge]
    """
    listed = formats(course)
    if listed is None or any(f in PORTABLE for f in listed):
        return
    if ctx.refused("/recognition/formats", inside=True):
        return
    ctx.report(
        "/recognition/formats",
        f"The achievement is recorded as {listing(listed)}: no record the learner carries "
        "with them, as CICan's framework has microcredentials portable.",
        fix="If the learner receives a digital badge or wallet credential, add it to 'formats:'.",
    )


@rule(
    id="CIC009",
    name="cican-institutional-approval",
    severity="warning",
    source=cican(APPROVAL, "verbatim", "C8"),
    element=APPROVAL,
    reads=("/quality_assurance/approved_by", "/quality_assurance/process"),
)
def institutional_approval(course: Course, ctx: RuleContext) -> None:
    """The institutional approval is named: the body that approves the microcredential, or
    the process it follows.

    CICan's seventh principle: microcredentials "are to follow institutional approval
    processes" (C8). Name the approving body (``quality_assurance.approved_by``, the body
    that approved it or will approve it) or the approval process (``process``). A guiding
    principle of a voluntary framework, hence a warning.

    Fails::

        title: Welding inspection basics
        frameworks: [cican]
        quality_assurance:
          review_cycle_months: 36

    Passes::

        title: Welding inspection basics
        frameworks: [cican]
        quality_assurance:
          approved_by: Academic Council
    """
    qa = course.quality_assurance
    if qa is not None and (filled(qa.approved_by) or filled(qa.process)):
        return
    if ctx.refused("/quality_assurance", inside=True):
        return
    ctx.report(
        "/quality_assurance/approved_by",
        "The file names no institutional approval; CICan's framework has microcredentials "
        "follow institutional approval processes.",
        fix="Add 'approved_by:' (the body that approves it) or 'process:' (the approval "
        "process) under 'quality_assurance:'.",
    )
