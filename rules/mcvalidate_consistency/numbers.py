"""Numbers that must agree with each other: assessment weights, hours against weeks."""

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
