"""The OSAP for Micro-credentials profile (sources O1 to O6 of docs/packs/ontario-osap.md).

OSAP for Micro-credentials is Ontario's grant and loan assistance for learners in approved
micro-credentials. The ministry's guidelines were not found; their conditions are known from
the institutions that apply them: the University of Toronto's registrar ("ministry-approved,
quality-assured", O1, word for word on the University of Guelph's page too) and Carleton
University's application form, which repeats the 2022-23 guidelines as reminders in its own
words (O2 to O6). None of them quotes the guidelines, so every rule is a warning, or an info
for the CIP code, which the form says is for the ministry's analysis only.
"""

from __future__ import annotations

import re

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import filled, number
from mcvalidate_ontario.checks import NOT_YET_APPROVED
from mcvalidate_ontario.sources import osap

APPROVED = "OSAP for Micro-credentials: 'ministry-approved, quality-assured' micro-credentials"
LENGTH = "OSAP for Micro-credentials: a duration 'less than 12 weeks'"
HOURS = "OSAP for Micro-credentials: 'between five (5) and 300 hours'"
NOC = "OSAP for Micro-credentials submission: 'up to three NOC 2021 codes'"
CIP = "OSAP for Micro-credentials submission: the 2021 CIP code"
DELIVERY = "OSAP for Micro-credentials submission: the delivery mode"
WEEKS = 12
FEWEST_HOURS, MOST_HOURS = 5, 300
MOST_NOC = 3
# An approving body that is Ontario's ministry responsible for colleges and universities.
MINISTRY = re.compile(r"\bminist(ry|ère)\b|\bMCU\b|colleges and universities", re.IGNORECASE)


@rule(
    id="OSP001",
    name="osap-ministry-approved",
    severity="warning",
    source=osap(APPROVED, "secondary", "O1"),
    element=APPROVED,
    reads=("/quality_assurance/external_approvals", "/quality_assurance"),
)
def ministry_approved(course: Course, ctx: RuleContext) -> None:
    """An offering funded through OSAP is quality-assured, and approved by the ministry.

    OSAP for Micro-credentials funds "ministry-approved, quality-assured micro-credential
    programs" (O1). The file shows the quality assurance with the body or process that
    approved it (``quality_assurance.approved_by`` or ``process``), and the ministry's
    approval under ``quality_assurance.external_approvals``, as an approval whose ``body`` is
    the ministry (Ontario's Ministry of Colleges and Universities). A course in ``draft`` or
    ``proposed`` status cannot have the ministry's approval yet, and is asked only for its
    quality assurance. The condition is known from institutions' pages, not the guidelines,
    hence a warning.

    Fails::

        title: Cloud security operations
        status: active
        funding: {programs: [osap]}
        quality_assurance:
          approved_by: Academic Council

    Passes::

        title: Cloud security operations
        status: active
        funding: {programs: [osap]}
        quality_assurance:
          approved_by: Academic Council
          external_approvals:
            - {body: Ontario Ministry of Colleges and Universities, date: 2025-03-01}
    """
    qa = course.quality_assurance
    if ctx.refused("/quality_assurance", inside=True):
        return
    if qa is None or not (filled(qa.approved_by) or filled(qa.process)):
        ctx.report(
            "/quality_assurance",
            "The file does not say how the micro-credential is quality-assured; OSAP for "
            "Micro-credentials funds quality-assured micro-credentials only.",
            fix="Add 'approved_by:' (the body that approved it) or 'process:' (the quality "
            "assurance process it went through) under 'quality_assurance:'.",
        )
    if course.status in NOT_YET_APPROVED:
        return
    approvals = (qa.external_approvals if qa else None) or []
    if any(a.body and MINISTRY.search(a.body) for a in approvals):
        return
    ctx.report(
        "/quality_assurance/external_approvals",
        "No approval by the ministry is listed"
        + (" among the external approvals" if approvals else "")
        + "; OSAP for Micro-credentials funds ministry-approved micro-credentials only.",
        fix="Add the ministry's approval under 'quality_assurance.external_approvals:' "
        "(body: Ontario Ministry of Colleges and Universities, with its date), or remove "
        "'osap' from 'funding.programs' until it is approved.",
    )


@rule(
    id="OSP002",
    name="osap-under-12-weeks",
    severity="warning",
    source=osap(LENGTH, "secondary", "O2"),
    element=LENGTH,
    reads=("/workload/weeks",),
)
def under_12_weeks(course: Course, ctx: RuleContext) -> None:
    """An offering funded through OSAP lasts less than 12 weeks.

    To be eligible for OSAP, the duration of a micro-credential "must be less than 12 weeks":
    Carleton University's application form, reminding its authors of the ministry's 2022-23
    guidelines (O2); the University of Toronto's registrar says the same (O1). Compared with
    ``workload.weeks``; a file that does not give it is told so, since the ministry's
    submission asks for the number. A secondary source, hence a warning.

    Fails::

        title: Cloud security operations
        funding: {programs: [osap]}
        workload: {hours: 60, weeks: 12}

    Passes::

        title: Cloud security operations
        funding: {programs: [osap]}
        workload: {hours: 60, weeks: 8}
    """
    workload = course.workload
    if ctx.refused("/workload/weeks", inside=True):
        return
    if workload is None or workload.weeks is None:
        ctx.report(
            "/workload/weeks",
            "The length in weeks is not given, so OSAP's condition of less than 12 weeks "
            "cannot be checked.",
            fix="Add 'weeks:' under 'workload:' with the length of one offering.",
        )
    elif workload.weeks >= WEEKS:
        ctx.report(
            "/workload/weeks",
            f"The offering lasts {number(workload.weeks)} weeks; OSAP for Micro-credentials "
            "funds micro-credentials of less than 12 weeks.",
            fix="Shorten it to less than 12 weeks, or remove 'osap' from 'funding.programs'.",
        )


@rule(
    id="OSP003",
    name="osap-hours",
    severity="warning",
    source=osap(HOURS, "secondary", "O3"),
    element=HOURS,
    reads=("/workload/hours",),
)
def hours_in_range(course: Course, ctx: RuleContext) -> None:
    """An offering funded through OSAP is between 5 and 300 hours long.

    Carleton University's application form repeats the 2022-23 guidelines: the hours of a
    micro-credential "must be between five (5) and 300 hours long" to be eligible (O3).
    Compared with ``workload.hours``; a file that does not give them is told so. The form
    does not say which hours it counts (a college's page calls them instructional hours): if
    yours differ from the learning hours in ``workload.hours``, check against the
    guidelines. A secondary source, hence a warning.

    Fails::

        title: Cloud security operations
        funding: {programs: [osap]}
        workload: {hours: 320, weeks: 10}

    Passes::

        title: Cloud security operations
        funding: {programs: [osap]}
        workload: {hours: 36, weeks: 6}
    """
    workload = course.workload
    if ctx.refused("/workload/hours", inside=True):
        return
    if workload is None or workload.hours is None:
        ctx.report(
            "/workload/hours",
            "The hours are not given, so OSAP's condition of 5 to 300 hours cannot be checked.",
            fix="Add 'hours:' under 'workload:' with the micro-credential's hours.",
        )
    elif not FEWEST_HOURS <= workload.hours <= MOST_HOURS:
        ctx.report(
            "/workload/hours",
            f"The micro-credential is {number(workload.hours)} hours long; OSAP for "
            "Micro-credentials funds micro-credentials of 5 to 300 hours.",
            fix="Check the hours, or remove 'osap' from 'funding.programs'.",
        )


@rule(
    id="OSP004",
    name="osap-noc-codes",
    severity="warning",
    source=osap(NOC, "secondary", "O4"),
    element=NOC,
    reads=("/classification/noc",),
)
def noc_codes(course: Course, ctx: RuleContext) -> None:
    """At most three NOC codes are given, as the ministry's submission takes.

    The submission asks for "up to three NOC 2021 codes associated with the
    micro-credential" (O4, Carleton's form): the occupations it prepares for, in Canada's
    National Occupational Classification. None is required; a fourth cannot be submitted.
    Give the closest three under ``classification.noc``.

    Fails::

        title: Cloud security operations
        funding: {programs: [osap]}
        classification:
          noc: ["21220", "21222", "21231", "22220"]

    Passes::

        title: Cloud security operations
        funding: {programs: [osap]}
        classification:
          noc: ["21220", "21222"]
    """
    classification = course.classification
    codes = (classification.noc if classification else None) or []
    if len(codes) <= MOST_NOC or ctx.refused("/classification/noc", inside=True):
        return
    ctx.report(
        "/classification/noc",
        f"{len(codes)} NOC codes are given; the OSAP for Micro-credentials submission takes up "
        "to three.",
        fix="Keep the three occupations the micro-credential prepares for most directly.",
    )


@rule(
    id="OSP005",
    name="osap-cip-code",
    severity="info",
    source=osap(CIP, "secondary", "O5"),
    element=CIP,
    reads=("/classification/cip",),
)
def cip_code(course: Course, ctx: RuleContext) -> None:
    """The 2021 CIP code of the micro-credential's field is given, for the ministry's
    submission.

    The submission asks for the 2021 Classification of Instructional Programs code, and says
    its assignment "is for the purposes of ministry analysis of labour market relevance only"
    (O5, Carleton's form): not an eligibility condition. Giving it under
    ``classification.cip`` saves a step when the micro-credential is submitted, hence info.

    Fails::

        title: Cloud security operations
        funding: {programs: [osap]}

    Passes::

        title: Cloud security operations
        funding: {programs: [osap]}
        classification: {cip: "11.1003"}
    """
    classification = course.classification
    if (classification and classification.cip) or ctx.refused("/classification/cip", inside=True):
        return
    ctx.report(
        "/classification/cip",
        "No CIP code is given; the OSAP for Micro-credentials submission asks for one, for "
        "the ministry's analysis of labour market relevance (not as a condition).",
        fix="Add 'cip:' under 'classification:' with the 2021 CIP code, in quotes (\"11.1003\").",
    )


@rule(
    id="OSP006",
    name="osap-delivery-mode",
    severity="warning",
    source=osap(DELIVERY, "secondary", "O6"),
    element=DELIVERY,
    reads=("/delivery/modes",),
)
def delivery_mode(course: Course, ctx: RuleContext) -> None:
    """The delivery mode is stated, as the ministry's submission asks.

    "Please include the delivery mode of the course/program" (O6, Carleton's form for the
    ministry's submission). List it under ``delivery.modes``: online (at the learner's own
    time, or live), in person, hybrid or at work.

    Fails::

        title: Cloud security operations
        funding: {programs: [osap]}
        delivery: {pacing: cohort}

    Passes::

        title: Cloud security operations
        funding: {programs: [osap]}
        delivery: {modes: [online_sync], pacing: cohort}
    """
    delivery = course.delivery
    if (delivery and delivery.modes) or ctx.refused("/delivery/modes", inside=True):
        return
    ctx.report(
        "/delivery/modes",
        "The delivery mode is not stated; the OSAP for Micro-credentials submission asks for it.",
        fix="Add 'modes:' under 'delivery:' (online_async, online_sync, in_person, hybrid or "
        "work_integrated).",
    )
