"""Numbers that must agree with each other: assessment weights, hours against weeks and
against contact hours, and the hours of a short-duration offering."""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import Option, RuleContext, rule
from mcvalidate.text import number
from mcvalidate_consistency.sources import own

WEIGHT_TOLERANCE = 0.01


@rule(
    id="CON001",
    name="assessment-weights",
    severity="warning",
    source=own("Assessment weights are percentages of the final result", "con001"),
)
def assessment_weights(course: Course, ctx: RuleContext) -> None:
    """When every assessment has a weight, the weights add up to 100.

    Weights are percentages of the final result. When all of them are given, they must add up
    to 100 (to within 0.01, for thirds written as 33.33); a formative assessment that does not
    count is given ``weight: 0``. Nothing is checked when any assessment has no weight (a
    complete / not yet complete rubric needs none).

    Fails::

        title: Cloud bookkeeping
        assessments:
          - {id: A1, title: Exercises, summative: true, weight: 30}
          - {id: A2, title: Case study, summative: true, weight: 60}

    Passes::

        title: Cloud bookkeeping
        assessments:
          - {id: A1, title: Exercises, summative: true, weight: 40}
          - {id: A2, title: Case study, summative: true, weight: 60}
    """
    assessments = course.assessments or []
    weights = [a.weight for a in assessments]
    if not weights or any(w is None for w in weights):
        return
    total = sum(w for w in weights if w is not None)
    if abs(total - 100) <= WEIGHT_TOLERANCE + 1e-9:
        return
    ctx.report(
        "/assessments",
        f"The assessment weights add up to {number(total)}, not 100.",
        fix="Change the weights so that they add up to 100 (give formative assessments "
        "'weight: 0').",
    )


@rule(
    id="CON002",
    name="weekly-workload",
    severity="warning",
    source=own("Hours and weeks describe one offering", "con002"),
    options={
        "max_hours_per_week": Option(
            60,
            kind="number",
            minimum=1,
            maximum=168,
            help="the most hours a week a learner can put in",
        )
    },
)
def weekly_workload(course: Course, ctx: RuleContext) -> None:
    """The learning hours per week are plausible: no more than 60 hours a week.

    ``workload.hours`` counts all the learner's effort and ``workload.weeks`` the calendar
    length of one offering; dividing one by the other gives the hours a learner must put in
    each week. More than the option ``max_hours_per_week`` (60 by default: a full-time job and
    a half) is almost always a typo in one of the two numbers.

    Fails::

        title: Cultural tourism guiding
        workload: {hours: 80, weeks: 1}

    Passes::

        title: Cultural tourism guiding
        workload: {hours: 80, weeks: 8}
    """
    workload = course.workload
    if workload is None or workload.hours is None or workload.weeks is None:
        return
    limit = float(ctx.options["max_hours_per_week"])
    per_week = workload.hours / workload.weeks
    if per_week <= limit:
        return
    weeks = f"{number(workload.weeks)} week" + ("" if workload.weeks == 1 else "s")
    ctx.report(
        "/workload/hours",
        f"{number(workload.hours)} hours over {weeks} is {number(per_week, 1)} hours a "
        f"week, more than the {number(limit)} hours a week a learner can plausibly put in.",
        fix="Check 'hours' (all the learner's hours, assessment included) and 'weeks' (the "
        "length of one offering); one of them is probably wrong.",
    )


@rule(
    id="CON007",
    name="contact-hours",
    severity="warning",
    source=own("Contact hours are part of the learning hours", "con007"),
)
def contact_hours(course: Course, ctx: RuleContext) -> None:
    """The contact hours are not more than the notional learning hours.

    ``workload.hours`` counts all the learner's effort, the instructor-led hours included, so
    ``workload.contact_hours`` is a part of it and cannot be larger. 120 contact hours out of
    45 hours usually means that ``hours`` was written as the hours of study outside class, or
    that one of the numbers is a typo.

    Fails::

        title: Dementia care
        workload: {hours: 45, contact_hours: 120}

    Passes::

        title: Dementia care
        workload: {hours: 45, contact_hours: 30}
    """
    workload = course.workload
    if workload is None or workload.hours is None or workload.contact_hours is None:
        return
    if workload.contact_hours <= workload.hours:
        return
    ctx.report(
        "/workload/contact_hours",
        f"The {number(workload.contact_hours)} contact hours are more than the "
        f"{number(workload.hours)} learning hours ('hours'), which include them.",
        fix="Make 'hours' count all the learner's effort, contact hours included, or correct "
        "'contact_hours'.",
    )


@rule(
    id="CON008",
    name="long-duration",
    severity="info",
    source=own("A micro-credential is short-duration", "con008"),
    options={
        "max_hours": Option(
            600,
            kind="number",
            minimum=1,
            maximum=10000,
            help="the most notional learning hours a short-duration micro-credential has",
        )
    },
)
def long_duration(course: Course, ctx: RuleContext) -> None:
    """The learning hours are those of a short-duration offering: at most 600 hours.

    The B.C. Framework calls a micro-credential "short-duration" and gives no number (source
    F14 of ``docs/sources-bc.md``), so this is mcvalidate's reading, and an info. The option
    ``max_hours`` (600 by default) is about a third of a year of full-time study (a year of 60
    ECTS credits is 1,500 to 1,800 hours), and one and a half times New Zealand's largest
    micro-credential (40 credits of 10 hours). Far above it (2,400 hours over 104 weeks) the
    offering is a program, or the hours were written in another unit (minutes, or the whole
    cohort's hours). An institution whose practice differs sets the option.

    Fails::

        title: Heavy equipment operator
        workload: {hours: 2400, weeks: 104}

    Passes::

        title: Heavy equipment operator
        workload: {hours: 240, weeks: 12}
    """
    workload = course.workload
    if workload is None or workload.hours is None:
        return
    limit = float(ctx.options["max_hours"])
    if workload.hours <= limit:
        return
    weeks = workload.weeks
    spread = "" if weeks is None else f" over {grouped(weeks)} week" + ("" if weeks == 1 else "s")
    ctx.report(
        "/workload/hours",
        f"{grouped(workload.hours)} hours{spread} is long for a short-duration "
        f"micro-credential: more than {grouped(limit)} notional learning hours.",
        fix="Check that 'hours' counts one learner's hours; if it does, consider splitting the "
        "offering into several micro-credentials, or set this rule's option 'max_hours' to "
        "your institution's limit.",
    )


def grouped(value: float) -> str:
    """``value`` as :func:`mcvalidate.text.number` writes it, with thousands grouped by
    commas: a number of hours in the thousands reads "2,400"."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")
