"""What the assessments say about the award: what passing is, and that passing shows more
than attendance."""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import listing
from mcvalidate_consistency.sources import own


@rule(
    id="CON014",
    name="passing-stated",
    severity="warning",
    source=own("The award depends on passing the assessments", "con014"),
)
def passing_stated(course: Course, ctx: RuleContext) -> None:
    """At least one assessment says what passing is.

    A micro-credential is awarded to the learners who pass its assessments, so some
    assessment must say what passing is: a mark (``passing: 70``) or a standard
    (``passing: Complete on every rubric criterion``). When no assessment gives ``passing``,
    the file does not say what a learner must achieve to earn the micro-credential, which is
    the first question a committee, a learner and an employer ask.

    Fails::

        title: Warehouse inventory control
        assessments:
          - {id: A1, title: Lab practical, type: practical, summative: true}

    Passes::

        title: Warehouse inventory control
        assessments:
          - {id: A1, title: Lab practical, type: practical, summative: true, passing: 70}
    """
    assessments = course.assessments
    if not assessments or ctx.any_refused("assessments", assessments, "passing"):
        return
    if any(stated(a.passing) for a in assessments):
        return
    which = (
        f"None of the {len(assessments)} assessments says"
        if len(assessments) > 1
        else "The assessment does not say"
    )
    ctx.report(
        "/assessments",
        f"{which} what passing is ('passing'), so the file does not say what a learner must "
        "achieve to earn the micro-credential.",
        fix="Add 'passing' to the summative assessments: a mark (passing: 70) or a standard "
        "(passing: Complete on every rubric criterion).",
    )


def stated(passing: str | float | None) -> bool:
    """True when ``passing`` says something: a number, or text other than white space."""
    return passing is not None and (not isinstance(passing, str) or bool(passing.strip()))


@rule(
    id="CON015",
    name="participation-only",
    severity="warning",
    source=own("A summative assessment judges competency", "con015"),
)
def participation_only(course: Course, ctx: RuleContext) -> None:
    """Participation is not the only summative assessment.

    A summative assessment decides the award; participation records that the learner took
    part, not what they can do. When every assessment marked ``summative: true`` is of
    ``type: participation``, the micro-credential is awarded for attendance, and no result
    shows the competencies it certifies. Participation may count toward the award beside an
    assessment of another type (a practical, a project, an observation).

    Fails::

        title: Truth and reconciliation at work
        assessments:
          - {id: A1, title: Circle discussions, type: participation, summative: true}

    Passes::

        title: Truth and reconciliation at work
        assessments:
          - {id: A1, title: Circle discussions, type: participation, summative: true}
          - {id: A2, title: Workplace action plan, type: project, summative: true}
    """
    assessments = course.assessments or []
    if ctx.any_refused("assessments", assessments, "type", "summative"):
        return
    summative = [(i, a) for i, a in enumerate(assessments) if a.summative]
    if not summative or any(a.type != "participation" for _, a in summative):
        return
    names = listing([a.id or f"number {i + 1}" for i, a in summative])
    if len(summative) == 1:
        pointer = f"/assessments/{summative[0][0]}/type"
        which = f"The only summative assessment, {names}, is"
    else:
        pointer, which = "/assessments", f"All the summative assessments ({names}) are"
    ctx.report(
        pointer,
        f"{which} participation, so the micro-credential is awarded for taking part, not for "
        "what a holder can do.",
        fix="Add a summative assessment of what a holder can do: a practical, a project, an "
        "observation.",
    )
