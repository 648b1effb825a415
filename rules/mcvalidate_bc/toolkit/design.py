"""Rules from the Toolkit's Design Considerations chapter: outcomes, assessments, competencies.

The chapter has the ADDIE Design step define the learning outcomes, the assessments, the
structure, the format and the activities: in effect the syllabus. That outcomes must exist
is the chapter's own word; that they, the assessments and the competencies must refer to one
another, that weights add up and that the workload is plausible is mcvalidate's reading of
competency-based design, and each rule says so.
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import capitalized, filled, listing
from mcvalidate_bc.naming import assessment_name, outcome_name
from mcvalidate_bc.sources import (
    ASSESSMENTS,
    COMPETENCY_BASED,
    DESIGN,
    OUTCOMES,
    framework,
    toolkit,
)

DESIGN_STEP = "ADDIE Design step: learning outcomes and assessments"


@rule(
    id="BCT002",
    name="outcomes-defined",
    severity="warning",
    source=toolkit(DESIGN, "ADDIE Design step: define the learning outcomes", "verbatim"),
    element=OUTCOMES,
    reads=("/learning_outcomes/*/statement",),
)
def outcomes_defined(course: Course, ctx: RuleContext) -> None:
    """At least one learning outcome is stated.

    The Toolkit's Design chapter has the ADDIE Design step define the learning outcomes,
    together with the assessments, structure, format and activities. Learning outcomes say what
    a learner will be able to do at the end; list them under ``learning_outcomes``, each with a
    ``statement`` (a bare string is accepted as the statement).

    Fails::

        title: Mass timber construction
        learning_outcomes: []

    Passes::

        title: Mass timber construction
        learning_outcomes:
          - Identify mass timber structural components and connection types
    """
    outcomes = course.learning_outcomes or []
    if any(filled(o.statement) for o in outcomes):
        return
    if outcomes:
        ctx.report(
            "/learning_outcomes",
            "No learning outcome has a statement of what a learner will be able to do.",
            fix="Add a 'statement:' to each learning outcome, e.g. 'Identify mass timber "
            "connection types'.",
        )
    else:
        ctx.report(
            "/learning_outcomes",
            "No learning outcomes are listed; the Toolkit has them defined when the "
            "micro-credential is designed.",
            fix="Add a 'learning_outcomes:' list, each item saying what a learner will be able "
            "to do, e.g. '- Identify mass timber connection types'.",
        )


@rule(
    id="BCT003",
    name="outcome-assessed",
    severity="warning",
    source=toolkit(DESIGN, DESIGN_STEP, "inferred"),
    element=ASSESSMENTS,
    reads=("/assessments/*/outcomes", "/assessments/*/summative"),
)
def outcome_assessed(course: Course, ctx: RuleContext) -> None:
    """Every learning outcome is assessed by at least one summative assessment.

    The Toolkit's Design chapter designs the learning outcomes and the assessments together.
    mcvalidate reads this as: each outcome is named in the ``outcomes`` of at least one
    assessment marked ``summative: true`` (one that counts toward the award); an outcome that
    only formative (practice) assessments name is not assessed for the award, and the message
    says so. The check is mcvalidate's reading, not the Toolkit's words. A course with no
    assessments at all is left to BCF005.

    Fails::

        title: Cloud bookkeeping
        learning_outcomes:
          - {id: LO1, statement: Reconcile a bank account with the bank statement}
          - {id: LO2, statement: Produce an accounts receivable aging report}
        assessments:
          - {id: A1, title: Reconciliation exercise, summative: true, outcomes: [LO1]}
          - {id: A2, title: Receivables practice set, summative: false, outcomes: [LO2]}

    Passes::

        title: Cloud bookkeeping
        learning_outcomes:
          - {id: LO1, statement: Reconcile a bank account with the bank statement}
          - {id: LO2, statement: Produce an accounts receivable aging report}
        assessments:
          - {id: A1, title: Final project, summative: true, outcomes: [LO1, LO2]}
    """
    assessments = course.assessments or []
    if not assessments or ctx.any_refused("assessments", assessments, "outcomes"):
        return
    # Which assessments name each outcome, worked out once: asking every assessment about
    # every outcome would cost their product.
    naming_of: dict[str, list[int]] = {}
    for i, assessment in enumerate(assessments):
        for named in dict.fromkeys(assessment.outcomes or ()):
            naming_of.setdefault(named, []).append(i)
    for index, outcome in enumerate(course.learning_outcomes or ()):
        if not filled(outcome.id):
            continue
        indexes = naming_of.get(outcome.id, [])
        if any(ctx.refused(f"/assessments/{i}/summative") for i in indexes):
            continue  # whether it is summative is unknown: the schema reported the value
        naming = [assessments[i] for i in indexes]
        if any(a.summative for a in naming):
            continue
        name = capitalized(outcome_name(course, ctx, index))
        if naming:
            labels = listing([a.id or a.title or "untitled" for a in naming])
            kind = (
                "formative assessments"
                if all(a.summative is False for a in naming)
                else "assessments not marked summative"
            )
            message = f"{name} is named only by {kind} ({labels}), so it is not assessed for "
            message += "the award."
            fix = (
                f"Add {outcome.id} to the 'outcomes' of a summative assessment, or set "
                "'summative: true' on an assessment that counts toward the award."
            )
        else:
            message = f"{name} is not named by any assessment, so nothing shows a learner "
            message += "achieved it."
            fix = f"Add {outcome.id} to the 'outcomes:' of the summative assessment that tests it."
        ctx.report(f"/learning_outcomes/{index}", message, fix=fix)


@rule(
    id="BCT004",
    name="assessment-outcomes",
    severity="warning",
    source=toolkit(DESIGN, DESIGN_STEP, "inferred"),
    element=ASSESSMENTS,
    reads=("/assessments/*/outcomes",),
)
def assessment_outcomes(course: Course, ctx: RuleContext) -> None:
    """Every assessment names the learning outcomes it assesses.

    The Toolkit's Design chapter designs the learning outcomes and the assessments together.
    mcvalidate reads this as: each assessment lists, under ``outcomes``, the ids of the
    outcomes it assesses; an assessment that names none cannot be traced to what it tests.
    This is mcvalidate's reading, not the Toolkit's words. An id that does not exist is
    reported by MC022.

    Fails::

        title: Cloud bookkeeping
        learning_outcomes:
          - {id: LO1, statement: Reconcile a bank account with the bank statement}
        assessments:
          - {id: A1, title: Final exam, summative: true}

    Passes::

        title: Cloud bookkeeping
        learning_outcomes:
          - {id: LO1, statement: Reconcile a bank account with the bank statement}
        assessments:
          - {id: A1, title: Final exam, summative: true, outcomes: [LO1]}
    """
    for index, assessment in enumerate(course.assessments or ()):
        if any(filled(o) for o in assessment.outcomes or ()):
            continue
        name = capitalized(assessment_name(course, index))
        ctx.report(
            f"/assessments/{index}/outcomes",
            f"{name} does not name the learning outcomes it assesses.",
            fix="Add 'outcomes:' with the ids of the learning outcomes it assesses, e.g. "
            "'outcomes: [LO1, LO2]'.",
        )


@rule(
    id="BCT005",
    name="competency-covered",
    severity="warning",
    source=framework("Definition of a micro-credential: 'competency-based'", "inferred", "F2"),
    element=COMPETENCY_BASED,
    reads=("/learning_outcomes/*/competencies",),
)
def competency_covered(course: Course, ctx: RuleContext) -> None:
    """Every competency is served by at least one learning outcome.

    A micro-credential is competency-based (the Framework's definition), and the Toolkit's
    Design chapter defines the learning outcomes in the Design step. mcvalidate reads the two
    together: each competency's id appears in the ``competencies`` of at least one learning
    outcome; a competency no outcome serves is neither taught nor assessed. This is
    mcvalidate's reading, not the Toolkit's words. Nothing is reported when there are no
    learning outcomes at all (BCT002 reports that).

    Fails::

        title: Cloud bookkeeping
        competencies:
          - {id: C1, statement: Record business transactions in cloud accounting software}
          - {id: C2, statement: Advise an owner on record retention requirements}
        learning_outcomes:
          - {id: LO1, statement: Reconcile a bank account, competencies: [C1]}

    Passes::

        title: Cloud bookkeeping
        competencies:
          - {id: C1, statement: Record business transactions in cloud accounting software}
        learning_outcomes:
          - {id: LO1, statement: Reconcile a bank account, competencies: [C1]}
    """
    outcomes = course.learning_outcomes or []
    if not outcomes or ctx.any_refused("learning_outcomes", outcomes, "competencies"):
        return
    served = {c for o in outcomes for c in o.competencies or ()}
    for index, competency in enumerate(course.competencies or ()):
        if not filled(competency.id) or competency.id in served:
            continue
        ctx.report(
            f"/competencies/{index}",
            f"Competency {competency.id} is not served by any learning outcome, so it is "
            "neither taught nor assessed.",
            fix=f"Add {competency.id} to the 'competencies:' of the learning outcome(s) that "
            "develop it, or remove the competency.",
        )


@rule(
    id="BCT006",
    name="outcome-competency",
    severity="info",
    source=framework("Definition of a micro-credential: 'competency-based'", "inferred", "F2"),
    element=COMPETENCY_BASED,
    reads=("/learning_outcomes/*/competencies",),
)
def outcome_competency(course: Course, ctx: RuleContext) -> None:
    """Each learning outcome names the competencies it serves, when competencies are listed.

    Linking each outcome to its competencies (``competencies: [C1]`` on the outcome) shows how
    the outcomes add up to what a holder can do, and lets BCT005 check that every competency is
    served. This is good practice in mcvalidate's reading, hence info. Outcomes written as bare
    strings cannot carry the link: write them as ``{id, statement, competencies}``.

    Fails::

        title: Cloud bookkeeping
        competencies:
          - {id: C1, statement: Record business transactions in cloud accounting software}
        learning_outcomes:
          - Reconcile a bank account with the bank statement

    Passes::

        title: Cloud bookkeeping
        competencies:
          - {id: C1, statement: Record business transactions in cloud accounting software}
        learning_outcomes:
          - id: LO1
            statement: Reconcile a bank account with the bank statement
            competencies: [C1]
    """
    if not course.competencies:
        return
    for index, outcome in enumerate(course.learning_outcomes or ()):
        if any(filled(c) for c in outcome.competencies or ()):
            continue
        name = capitalized(outcome_name(course, ctx, index))
        bare = not ctx.present(f"/learning_outcomes/{index}/statement")
        how = (
            "write it as '{id: ..., statement: ..., competencies: [C1]}'"
            if bare
            else "add 'competencies: [C1]' (the ids it serves)"
        )
        ctx.report(
            f"/learning_outcomes/{index}/competencies",
            f"{name} does not name the competencies it serves.",
            fix=f"To link it to its competencies, {how}.",
        )


@rule(
    id="BCT020",
    name="delivery-described",
    severity="info",
    source=toolkit(DESIGN, "ADDIE Design step: format", "inferred"),
    element="Design Considerations: format",
    reads=("/delivery/modes",),
)
def delivery_described(course: Course, ctx: RuleContext) -> None:
    """The form of delivery is stated: online, in person, hybrid or work-integrated.

    The Toolkit's Design step settles the format of the micro-credential, and learners choose
    an offering by how it is delivered. List the modes under ``delivery.modes`` (online_async,
    online_sync, in_person, hybrid, work_integrated). Good practice in mcvalidate's reading,
    hence info.

    Fails::

        title: Mass timber construction
        delivery:
          pacing: cohort

    Passes::

        title: Mass timber construction
        delivery:
          modes: [hybrid, in_person]
    """
    if course.delivery is None or not course.delivery.modes:
        ctx.report(
            "/delivery/modes",
            "The file does not say how the micro-credential is delivered (online, in person, "
            "hybrid or work-integrated).",
            fix="Add 'modes:' under 'delivery:', e.g. 'modes: [online_async]' (allowed: "
            "online_async, online_sync, in_person, hybrid, work_integrated).",
        )
