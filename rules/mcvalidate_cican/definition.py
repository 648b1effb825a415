"""Rules from CICan's definition: "a certification of assessed competencies that is
additional, alternate, complementary to, or a component of a formal qualification" (C1).

A definition says what a micro-credential is: one that assesses nothing is not "a
certification of assessed competencies", hence the pack's one error (CIC001). A file that does
not name its competencies is only silent on them: a warning. The rest of the definition
(additional, alternate, complementary or a component) fits every offering and is not checked.
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import filled
from mcvalidate_cican.sources import cican

DEFINITION = "Definition: 'a certification of assessed competencies'"


@rule(
    id="CIC001",
    name="cican-assessed",
    severity="error",
    source=cican(DEFINITION, "verbatim", "C1"),
    element=DEFINITION,
    reads=("/assessments",),
)
def assessed(course: Course, ctx: RuleContext) -> None:
    """At least one assessment is defined.

    CICan defines a microcredential as "a certification of assessed competencies" (C1): what
    it certifies has been assessed. A file with no assessment at all certifies attendance
    or completion only. What the assessments are based on is CIC006's concern.

    Fails::

        title: Welding inspection basics
        frameworks: [cican]
        assessments: []

    Passes::

        title: Welding inspection basics
        frameworks: [cican]
        assessments:
          - {id: A1, title: Weld inspection practical, type: practical}
    """
    if course.assessments or ctx.refused("/assessments", inside=True):
        return
    ctx.report(
        "/assessments",
        "No assessment is defined; CICan defines a microcredential as a certification of "
        "assessed competencies.",
        fix="Add an 'assessments:' list with the assessment(s) of the competencies.",
    )


@rule(
    id="CIC002",
    name="cican-competencies",
    severity="warning",
    source=cican(DEFINITION, "verbatim", "C1"),
    element=DEFINITION,
    reads=("/competencies", "/learning_outcomes", "/recognition/badge/alignment"),
)
def competencies(course: Course, ctx: RuleContext) -> None:
    """The competencies it certifies are named.

    CICan's definition certifies "assessed competencies" (C1), and its principles speak of
    competencies throughout. Name them: a ``competencies:`` list with statements, learning
    outcomes that name the competencies they serve, or badge alignments to a competency
    framework. A file with none of these is silent, not proof of the contrary, hence a
    warning.

    Fails::

        title: Welding inspection basics
        frameworks: [cican]
        learning_outcomes:
          - Describe the common weld defects

    Passes::

        title: Welding inspection basics
        frameworks: [cican]
        competencies:
          - {id: C1, statement: Inspect fillet welds against the acceptance criteria}
    """
    if ctx.refused("/competencies", inside=True) or ctx.refused("/learning_outcomes", inside=True):
        return
    if any(filled(c.statement) for c in course.competencies or ()):
        return
    if any(o.competencies for o in course.learning_outcomes or ()):
        return
    badge = course.recognition.badge if course.recognition else None
    if badge is not None and badge.alignment:
        return
    ctx.report(
        "/competencies",
        "No competency is named; CICan's framework defines a microcredential as a "
        "certification of assessed competencies.",
        fix="Add a 'competencies:' list, each item with an 'id' and a 'statement' of what a "
        "holder can do.",
    )
