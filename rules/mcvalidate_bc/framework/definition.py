"""Rules from the Framework's definition of a micro-credential.

The definition (quoted word for word by BCcampus, UBC CTLT and the Ministry's 2022 Applicant
Guide) makes a B.C. micro-credential stand-alone, short-duration, competency-based, aligned
with industry, employer, community and/or Indigenous community needs, assessed, and
recognized for employment or learning purposes. Each element is one rule here.
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import filled
from mcvalidate_bc.sources import framework

DEFINITION = "Definition of a micro-credential"
NEED_TYPES = ("industry", "employer", "community", "indigenous_community", "labour_market")


@rule(
    id="BCF001",
    name="standalone",
    severity="error",
    source=framework(f"{DEFINITION}: 'stand-alone'", "verbatim"),
)
def standalone(course: Course, ctx: RuleContext) -> None:
    """The micro-credential is declared stand-alone.

    The Framework defines a micro-credential as a stand-alone learning experience: it is
    awarded on its own, not only as a fragment of a larger program. Say so with
    ``standalone: true``. A course that is only ever part of a program is not a
    micro-credential under the Framework.

    Fails::

        title: Mass timber construction
        standalone: false

    Passes::

        title: Mass timber construction
        standalone: true
    """
    if course.standalone is None:
        ctx.report(
            "/standalone",
            "The file does not say whether the micro-credential is stand-alone.",
            fix="Add 'standalone: true' if it is awarded on its own.",
        )
    elif course.standalone is False:
        ctx.report(
            "/standalone",
            "The Framework defines a micro-credential as stand-alone, but this one is declared "
            "'standalone: false'.",
            fix="Make it awardable on its own, or offer it as part of a program instead.",
        )


@rule(
    id="BCF002",
    name="duration-declared",
    severity="error",
    source=framework(f"{DEFINITION}: 'short-duration'", "verbatim"),
)
def duration_declared(course: Course, ctx: RuleContext) -> None:
    """The notional learning hours are declared, so that the short duration can be judged.

    The Framework defines a micro-credential as short-duration. It gives no number of hours or
    weeks, so this rule asks only that the duration be stated: ``workload.hours`` counts all of
    the learner's effort, assessment included (the schema already refuses zero or negative
    hours).

    Fails::

        title: Mass timber construction
        workload:
          weeks: 8

    Passes::

        title: Mass timber construction
        workload:
          hours: 60
          weeks: 8
    """
    if course.workload is None or course.workload.hours is None:
        ctx.report(
            "/workload/hours",
            "The notional learning hours are not given, so the short duration the Framework "
            "asks for cannot be judged.",
            fix="Add 'hours:' under 'workload:' with all the learner's hours, assessment included.",
        )


@rule(
    id="BCF003",
    name="competency-based",
    severity="error",
    source=framework(f"{DEFINITION}: 'competency-based'", "verbatim"),
)
def competency_based(course: Course, ctx: RuleContext) -> None:
    """At least one competency is stated.

    The Framework defines a micro-credential as competency-based: built around what a holder
    can do, not seat time or content coverage. List those competencies under
    ``competencies``, each with a statement.

    Fails::

        title: Mass timber construction
        competencies: []

    Passes::

        title: Mass timber construction
        competencies:
          - id: C1
            statement: Install mass timber structural components safely
    """
    stated = [c for c in course.competencies or () if filled(c.statement)]
    if stated:
        return
    if course.competencies:
        ctx.report(
            "/competencies",
            "No competency has a statement of what a holder can do.",
            fix="Add a 'statement:' to each competency.",
        )
    else:
        ctx.report(
            "/competencies",
            "No competencies are listed; the Framework defines a micro-credential as "
            "competency-based.",
            fix="Add a 'competencies:' list, each item with an 'id' and a 'statement'.",
        )


@rule(
    id="BCF004",
    name="need-aligned",
    severity="error",
    source=framework(
        f"{DEFINITION}: 'industry, employer, community and/or Indigenous community needs'",
        "verbatim",
    ),
)
def need_aligned(course: Course, ctx: RuleContext) -> None:
    """The micro-credential answers an industry, employer, community or Indigenous community
    need, and describes it.

    The Framework's definition ties a micro-credential to the needs of industry, employers,
    communities or Indigenous communities (an earlier Ministry wording says labour market or
    community needs, so ``labour_market`` counts too). A need of type ``government`` alone is
    not one of these. Each need needs a description.

    Fails::

        title: Mass timber construction
        needs:
          - type: government
            description: Provincial housing targets

    Passes::

        title: Mass timber construction
        needs:
          - type: industry
            description: Contractors report a shortage of trades familiar with mass timber.
    """
    needs = course.needs or []
    if not needs:
        ctx.report(
            "/needs",
            "No need is given: the Framework asks that a micro-credential meet an industry, "
            "employer, community or Indigenous community need.",
            fix="Add a 'needs:' list with the need's 'type' and 'description'.",
        )
        return
    for index, need in enumerate(needs):
        if not filled(need.description):
            ctx.report(
                f"/needs/{index}/description",
                f"Need {index + 1} has no description of the need it answers.",
                fix="Add a 'description:' saying who needs what.",
            )
    types_refused = any(ctx.refused(f"/needs/{i}/type") for i in range(len(needs)))
    if not types_refused and not any(need.type in NEED_TYPES for need in needs):
        ctx.report(
            "/needs",
            "None of the needs is of a type the Framework names (industry, employer, community, "
            "Indigenous community or labour market).",
            fix=f"Give at least one need a 'type:' from: {', '.join(NEED_TYPES)}.",
        )


@rule(
    id="BCF005",
    name="summative-assessment",
    severity="error",
    source=framework(f"{DEFINITION}: 'can be assessed'", "verbatim"),
)
def summative_assessment(course: Course, ctx: RuleContext) -> None:
    """At least one summative assessment is defined.

    The Framework's definition says a micro-credential can be assessed; summaries of the
    Framework call assessment, not credit, its defining characteristic. An offering with no
    summative assessment (one that counts toward the award) only records attendance.

    Fails::

        title: Mass timber construction
        assessments:
          - id: A1
            title: Weekly reflection
            summative: false

    Passes::

        title: Mass timber construction
        assessments:
          - id: A1
            title: Installation plan project
            summative: true
    """
    assessments = course.assessments or []
    if any(a.summative for a in assessments):
        return
    if any(ctx.refused(f"/assessments/{i}/summative") for i in range(len(assessments))):
        return  # a 'summative' value was written but refused: the schema reported it
    if assessments:
        ctx.report(
            "/assessments",
            "None of the assessments is summative, so nothing assesses the learner for the award.",
            fix="Mark the assessment(s) that count toward the award with 'summative: true'.",
        )
    else:
        ctx.report(
            "/assessments",
            "No assessment is defined; the Framework defines a micro-credential as assessed.",
            fix="Add an 'assessments:' list with at least one 'summative: true' assessment.",
        )


@rule(
    id="BCF006",
    name="recognition-purpose",
    severity="error",
    source=framework(f"{DEFINITION}: 'recognized for employment or learning purposes'", "verbatim"),
)
def recognition_purpose(course: Course, ctx: RuleContext) -> None:
    """The micro-credential says what it is recognized for: employment, further learning, or
    both.

    The Framework defines a micro-credential as recognized for employment or learning
    purposes. State which under ``recognition.purposes``.

    Fails::

        title: Mass timber construction
        recognition:
          formats: [digital_badge]

    Passes::

        title: Mass timber construction
        recognition:
          purposes: [employment, further_learning]
    """
    if course.recognition is None or not course.recognition.purposes:
        ctx.report(
            "/recognition/purposes",
            "The file does not say whether the micro-credential is recognized for employment, "
            "further learning, or both.",
            fix="Add 'purposes: [employment, further_learning]' (or one of them) under "
            "'recognition:'.",
        )
