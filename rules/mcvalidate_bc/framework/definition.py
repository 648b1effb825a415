"""Rules from the Framework's definition of a micro-credential.

The definition (F2: quoted word for word by UBC CTLT and BCcampus, and re-used in the
Ministry's 2022 Applicant Guide, F2a) makes a B.C. micro-credential stand-alone,
short-duration, competency-based, aligned with industry, employer, community and/or
Indigenous community needs, and able to be assessed and recognized for employment or learning
purposes. An error is reported only where a file contradicts a word of it (``standalone:
false``, no duration at all, no assessment, no need); where a file is merely silent, the
finding is a warning, since silence is not evidence that the offering falls short.
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import filled
from mcvalidate_bc.sources import ASSESSED, COMPETENCY_BASED, SHORT_DURATION, STAND_ALONE, framework

DEFINITION = "Definition of a micro-credential"
NEED_TYPES = ("industry", "employer", "community", "indigenous_community", "labour_market")


@rule(
    id="BCF001",
    name="standalone",
    severity="error",
    source=framework(f"{DEFINITION}: 'stand-alone'", "verbatim", "F2"),
    element=STAND_ALONE,
    reads=("/standalone",),
)
def standalone(course: Course, ctx: RuleContext) -> None:
    """The micro-credential is not declared part of something else only.

    The Framework defines micro-credentials as recognizing "stand-alone" learning
    experiences: one is awarded on its own, not only as a fragment of a larger program. A file
    that says ``standalone: false`` says the offering is not a micro-credential under the
    Framework. Stand-alone does not exclude stacking: a micro-credential may also count
    toward a larger credential. (A file that does not say is BCF013's concern.)

    Fails::

        title: Mass timber construction
        standalone: false

    Passes::

        title: Mass timber construction
        standalone: true
    """
    if course.standalone is False:
        ctx.report(
            "/standalone",
            "The Framework defines a micro-credential as stand-alone, but this one is declared "
            "'standalone: false'.",
            fix="Make it awardable on its own, or offer it as part of a program instead.",
        )


@rule(
    id="BCF013",
    name="standalone-declared",
    severity="warning",
    source=framework(f"{DEFINITION}: 'stand-alone'", "inferred", "F2"),
    element=STAND_ALONE,
    reads=("/standalone",),
)
def standalone_declared(course: Course, ctx: RuleContext) -> None:
    """The file says whether the micro-credential is stand-alone.

    The Framework's definition makes a micro-credential stand-alone (F2). A file that does
    not say so is not evidence of the contrary, so this is mcvalidate's presence check, a
    warning: say ``standalone: true`` so that a reader need not guess.

    Fails::

        title: Mass timber construction

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


@rule(
    id="BCF002",
    name="duration-declared",
    severity="error",
    source=framework(f"{DEFINITION}: 'short-duration'", "verbatim", "F2"),
    element=SHORT_DURATION,
    reads=("/workload/hours", "/workload/contact_hours", "/workload/weeks"),
)
def duration_declared(course: Course, ctx: RuleContext) -> None:
    """The duration is stated in some measure, so that the short duration can be judged.

    The Framework defines micro-credentials as "short-duration" learning experiences and
    gives no number of hours, weeks or credits (none appears in any quotation of it). Any
    measure will do: ``workload.hours`` (all of the learner's effort), ``contact_hours`` or
    ``weeks``. Only a file that gives none is an error; BCF014 asks for the hours.

    Fails::

        title: Mass timber construction
        workload:
          max_completion_months: 6

    Passes::

        title: Mass timber construction
        workload:
          weeks: 8
    """
    workload = course.workload
    measures = ("hours", "contact_hours", "weeks")
    if workload is not None and any(getattr(workload, m) is not None for m in measures):
        return
    if any(ctx.refused(f"/workload/{m}") for m in measures):
        return  # a duration was written but refused: the schema reported it
    ctx.report(
        "/workload",
        "No duration is given (hours, contact hours or weeks), so the short duration the "
        "Framework's definition asks for cannot be judged.",
        fix="Add 'hours:' under 'workload:' with all the learner's hours, assessment "
        "included (or at least 'weeks:').",
    )


@rule(
    id="BCF014",
    name="hours-declared",
    severity="warning",
    source=framework(f"{DEFINITION}: 'short-duration'", "inferred", "F2"),
    element=SHORT_DURATION,
    reads=("/workload/hours",),
)
def hours_declared(course: Course, ctx: RuleContext) -> None:
    """The notional learning hours are given, not only weeks or contact hours.

    Weeks or contact hours alone say little about a learner's effort: eight weeks can be ten
    hours or two hundred. This is mcvalidate's reading of "short-duration", hence a warning;
    ``workload.hours`` counts all of the learner's effort, assessment included. Nothing is
    reported when no duration at all is given: BCF002 reports that.

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
    workload = course.workload
    if workload is None or workload.hours is not None or ctx.refused("/workload/hours"):
        return
    if workload.contact_hours is None and workload.weeks is None:
        return  # no duration at all: BCF002
    ctx.report(
        "/workload/hours",
        "The notional learning hours are not given: weeks or contact hours alone do not say "
        "how much effort the micro-credential asks of a learner.",
        fix="Add 'hours:' under 'workload:' with all the learner's hours, assessment included.",
    )


@rule(
    id="BCF003",
    name="competency-based",
    severity="warning",
    source=framework(f"{DEFINITION}: 'competency-based'", "verbatim", "F2"),
    element=COMPETENCY_BASED,
    reads=(
        "/competencies/*/statement",
        "/learning_outcomes/*/competencies",
        "/recognition/badge/alignment",
    ),
)
def competency_based(course: Course, ctx: RuleContext) -> None:
    """The competencies are named: listed, or named by the outcomes or the badge's alignments.

    The Framework defines micro-credentials as "competency-based": built around what a holder
    can do, not seat time or content coverage. It does not ask for a list, so competencies
    expressed in other ways count: a ``competencies:`` list with statements, learning outcomes
    that name the competencies they serve, or badge alignments to a competency framework
    (``recognition.badge.alignment``). A file with none of these gives no sign of being
    competency-based, which is a warning, not proof that it is not.

    Fails::

        title: Mass timber construction
        competencies: []

    Passes::

        title: Mass timber construction
        competencies:
          - id: C1
            statement: Install mass timber structural components safely
    """
    if any(filled(c.statement) for c in course.competencies or ()):
        return
    if any(o.competencies for o in course.learning_outcomes or ()):
        return
    badge = course.recognition.badge if course.recognition else None
    if badge is not None and badge.alignment:
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
            "No competencies are named; the Framework defines a micro-credential as "
            "competency-based.",
            fix="Add a 'competencies:' list, each item with an 'id' and a 'statement' (or "
            "align the badge to a competency framework).",
        )


@rule(
    id="BCF004",
    name="need-aligned",
    severity="error",
    source=framework(
        f"{DEFINITION}: 'industry, employer, community and/or Indigenous community needs'",
        "verbatim",
        "F2",
    ),
    element="Definition: aligned with needs",
    reads=("/needs/*/type", "/needs/*/description"),
)
def need_aligned(course: Course, ctx: RuleContext) -> None:
    """The micro-credential answers an industry, employer, community or Indigenous community
    need, and describes it.

    The Framework's definition ties a micro-credential to the needs of industry, employers,
    communities or Indigenous communities (the Ministry's web page paraphrases this as labour
    market or community needs, so ``labour_market`` counts too; the First Nations
    Micro-Credential Initiative, F12, words it as First Nations, employer and/or industry
    needs). A need of type ``government`` alone is
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
    name="assessed",
    severity="error",
    source=framework(f"{DEFINITION}: 'can be assessed'", "verbatim", "F2"),
    element=ASSESSED,
    reads=("/assessments",),
)
def assessed(course: Course, ctx: RuleContext) -> None:
    """At least one assessment is defined.

    The Framework's definition says micro-credentials "can be assessed and recognized", and
    UBC's summary of it calls assessment (not credit status) "a key characteristic" of a
    micro-credential (F4). An offering with no assessment at all only records attendance.
    Whether an assessment counts toward the award is BCF015's concern.

    Fails::

        title: Mass timber construction
        assessments: []

    Passes::

        title: Mass timber construction
        assessments:
          - id: A1
            title: Installation plan project
    """
    if not course.assessments and not ctx.refused("/assessments"):
        ctx.report(
            "/assessments",
            "No assessment is defined; the Framework's definition has micro-credentials "
            "assessed, and assessment is a key characteristic of one.",
            fix="Add an 'assessments:' list with at least one assessment, marked "
            "'summative: true' if it counts toward the award.",
        )


@rule(
    id="BCF015",
    name="summative-assessment",
    severity="warning",
    source=framework("Assessment: 'a key characteristic'", "secondary", "F4"),
    element=ASSESSED,
    reads=("/assessments/*/summative",),
)
def summative_assessment(course: Course, ctx: RuleContext) -> None:
    """At least one assessment is marked summative: it counts toward the award.

    Assessment is "a key characteristic" of a micro-credential (F4): some assessment must
    decide whether the learner earns it. A file whose assessments are all unmarked does not
    say which one that is (an unset ``summative`` is unknown, not false), and one whose
    assessments are all ``summative: false`` awards without assessing: a warning either way,
    since the Framework's words do not name summative assessment.

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
    if not assessments or any(a.summative for a in assessments):
        return  # none at all is BCF005's
    if any(ctx.refused(f"/assessments/{i}/summative") for i in range(len(assessments))):
        return  # a 'summative' value was written but refused: the schema reported it
    message = (
        "Every assessment is marked 'summative: false': none counts toward the award."
        if all(a.summative is False for a in assessments)
        else "No assessment is marked 'summative: true', so none is said to count toward the award."
    )
    ctx.report(
        "/assessments",
        message,
        fix="Mark the assessment(s) that count toward the award with 'summative: true'.",
    )


@rule(
    id="BCF006",
    name="recognition-purpose",
    severity="warning",
    source=framework(
        f"{DEFINITION}: 'recognized for employment or learning purposes'", "verbatim", "F2"
    ),
    element="Definition: recognized for employment or learning",
    reads=("/recognition/purposes",),
)
def recognition_purpose(course: Course, ctx: RuleContext) -> None:
    """The micro-credential says what it is recognized for: employment, further learning, or
    both.

    The Framework defines micro-credentials as able to be "recognized for employment or
    learning purposes". State which under ``recognition.purposes``. A file that does not say
    is not evidence that the micro-credential is not recognized, hence a warning.

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
