"""Rules from Nova Scotia's definition of a microcredential (N1) and its description of how
microcredentials are developed (N2), both on the Province's microcredentials page.

The definition has no number in it: "short" is not given in hours or weeks, so the pack asks
only that the duration be stated. "They can stand alone or connect to other credentials"
allows both, and is not checked.
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, Source, rule
from mcvalidate.text import filled

DOCUMENT = "Government of Nova Scotia: Microcredentials (the Province's page)"
PAGE = "https://beta.novascotia.ca/microcredentials"
ASSESSED = "Definition: 'a recognition of assessed competencies or skills'"
SHORT = "Definition: 'a short learning experience'"
NEEDS = "Definition: 'align with labour market, employer or community needs'"
DEVELOPED = "'developed collaboratively' with 'employers or industry groups'"
# The need types of the format that are labour market, employer or community needs.
NEED_TYPES = ("labour_market", "industry", "employer", "community", "indigenous_community")
INDUSTRY_PARTNERS = ("employer", "industry_association", "professional_body")


def _source(clause: str, ref: str) -> Source:
    return Source(DOCUMENT, clause, PAGE, "verbatim", ref)


@rule(
    id="NSM001",
    name="ns-assessed",
    severity="error",
    source=_source(ASSESSED, "N1"),
    element=ASSESSED,
    reads=("/assessments",),
)
def assessed(course: Course, ctx: RuleContext) -> None:
    """At least one assessment is defined.

    Nova Scotia defines a microcredential as "a recognition of assessed competencies or
    skills" (N1): what it recognizes has been assessed. A file with no assessment at all
    recognizes attendance only.

    Fails::

        title: Program design for adult learners
        issuer: {region: CA-NS}
        assessments: []

    Passes::

        title: Program design for adult learners
        issuer: {region: CA-NS}
        assessments:
          - {id: A1, title: Program plan project, type: project, summative: true}
    """
    if course.assessments or ctx.refused("/assessments", inside=True):
        return
    ctx.report(
        "/assessments",
        "No assessment is defined; Nova Scotia defines a microcredential as a recognition of "
        "assessed competencies or skills.",
        fix="Add an 'assessments:' list with the assessment(s) of the competencies or skills.",
    )


@rule(
    id="NSM002",
    name="ns-competencies-or-skills",
    severity="warning",
    source=_source(ASSESSED, "N1"),
    element=ASSESSED,
    reads=("/competencies", "/learning_outcomes"),
)
def competencies_or_skills(course: Course, ctx: RuleContext) -> None:
    """The competencies or skills it recognizes are named: competencies, or learning
    outcomes.

    The definition recognizes "competencies or skills" (N1). Either will do: a
    ``competencies:`` list with statements, or ``learning_outcomes`` saying what the learner
    can do. A file with neither is silent on what it recognizes, hence a warning.

    Fails::

        title: Program design for adult learners
        issuer: {region: CA-NS}
        competencies: []

    Passes::

        title: Program design for adult learners
        issuer: {region: CA-NS}
        learning_outcomes:
          - Design a workshop plan from a needs assessment
    """
    if ctx.refused("/competencies", inside=True) or ctx.refused("/learning_outcomes", inside=True):
        return
    if any(filled(c.statement) for c in course.competencies or ()):
        return
    if any(filled(o.statement) for o in course.learning_outcomes or ()):
        return
    ctx.report(
        "/competencies",
        "No competency or skill is named; Nova Scotia's definition recognizes assessed "
        "competencies or skills.",
        fix="Add a 'competencies:' list (or 'learning_outcomes:') saying what a holder can do.",
    )


@rule(
    id="NSM003",
    name="ns-short-learning-experience",
    severity="warning",
    source=_source(SHORT, "N1"),
    element=SHORT,
    reads=("/workload/hours", "/workload/contact_hours", "/workload/weeks"),
)
def short_learning_experience(course: Course, ctx: RuleContext) -> None:
    """The duration is stated, so that the short learning experience can be judged.

    The definition has microcredentials earned "through a short learning experience" (N1),
    with no number of hours or weeks. Any measure will do: ``workload.hours``,
    ``contact_hours`` or ``weeks``. A file with none does not say how short it is.

    Fails::

        title: Program design for adult learners
        issuer: {region: CA-NS}
        workload: {max_completion_months: 6}

    Passes::

        title: Program design for adult learners
        issuer: {region: CA-NS}
        workload: {hours: 12, weeks: 3}
    """
    workload = course.workload
    measures = ("hours", "contact_hours", "weeks")
    if workload is not None and any(getattr(workload, m) is not None for m in measures):
        return
    if any(ctx.refused(f"/workload/{m}") for m in measures):
        return
    ctx.report(
        "/workload",
        "No duration is given (hours, contact hours or weeks), so the short learning "
        "experience of Nova Scotia's definition cannot be judged.",
        fix="Add 'hours:' (and 'weeks:') under 'workload:'.",
    )


@rule(
    id="NSM004",
    name="ns-needs-aligned",
    severity="warning",
    source=_source(NEEDS, "N1"),
    element=NEEDS,
    reads=("/needs",),
)
def needs_aligned(course: Course, ctx: RuleContext) -> None:
    """The microcredential answers a labour market, employer or community need.

    "Microcredentials align with labour market, employer or community needs" (N1). Give the
    need under ``needs``, of type ``labour_market``, ``industry`` (a labour market need of a
    sector), ``employer``, ``community`` or ``indigenous_community``. A file that gives none
    is silent, not contrary, hence a warning.

    Fails::

        title: Program design for adult learners
        issuer: {region: CA-NS}
        needs:
          - {type: government, description: A provincial training target.}

    Passes::

        title: Program design for adult learners
        issuer: {region: CA-NS}
        needs:
          - {type: employer, description: Private career colleges need qualified instructors.}
    """
    if ctx.refused("/needs", inside=True):
        return
    if any(n.type in NEED_TYPES for n in course.needs or ()):
        return
    ctx.report(
        "/needs",
        "No labour market, employer or community need is given; Nova Scotia's definition "
        "aligns microcredentials with those needs.",
        fix="Add a need under 'needs:' with its 'type' (labour_market, employer, community...) "
        "and a 'description'.",
    )


@rule(
    id="NSM005",
    name="ns-developed-with-employers",
    severity="info",
    source=_source(DEVELOPED, "N2"),
    element=DEVELOPED,
    reads=("/partners",),
)
def developed_with_employers(course: Course, ctx: RuleContext) -> None:
    """An employer or industry group took part in developing the microcredential.

    The Province's page describes microcredentials as "developed collaboratively between
    post-secondary education institutions and employers or industry groups" (N2): a
    description of how they are made, not a clause of the definition, hence info. A partner
    of type ``employer``, ``industry_association`` or ``professional_body`` with the role
    ``identify_need`` or ``co_design`` shows it.

    Fails::

        title: Program design for adult learners
        issuer: {region: CA-NS}
        partners:
          - {name: Example Career College, type: employer, roles: [hiring]}

    Passes::

        title: Program design for adult learners
        issuer: {region: CA-NS}
        partners:
          - {name: Example Career College, type: employer, roles: [identify_need]}
    """
    if ctx.refused("/partners", inside=True):
        return
    if any(
        p.type in INDUSTRY_PARTNERS and {"identify_need", "co_design"} & set(p.roles or ())
        for p in course.partners or ()
    ):
        return
    ctx.report(
        "/partners",
        "No employer or industry partner is said to have helped develop the microcredential; "
        "Nova Scotia describes microcredentials as developed with employers or industry "
        "groups.",
        fix="List the partner under 'partners:' with 'roles: [identify_need]' or [co_design].",
    )
