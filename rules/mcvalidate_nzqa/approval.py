"""Rules from what NZQA says its micro-credentials are: delivered by accredited providers,
developed because there is evidence of need, assessed, and not duplicating quality-assured
learning.

NZQA's page (N1) says the micro-credentials it quality assures are "delivered by accredited
education providers" and "developed because there's evidence they're needed"; an earlier
version (N5) names whose need: "employers, industry, workforce development councils, iwi,
and/or communities, as appropriate". Assessment and non-duplication are known from other
texts (a workforce development council's summary; NZQA's 2018 page) and are warnings.
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import filled, listing
from mcvalidate_nzqa.review import is_quality_assurer
from mcvalidate_nzqa.sources import NZQA_2018, NZQA_PAGE, WDC_PAGE, document


@rule(
    id="NZQ016",
    name="nzqa-accredited-provider",
    severity="warning",
    source=document(
        NZQA_PAGE,
        "Micro-credentials are 'delivered by accredited education providers'",
        "verbatim",
        "N1",
    ),
    element="Delivery by accredited education providers",
    reads=("/issuer/regulator", "/quality_assurance/external_approvals"),
)
def accredited_provider(course: Course, ctx: RuleContext) -> None:
    """The file shows that the provider is accredited to deliver the micro-credential.

    NZQA's page says the micro-credentials it quality assures are "delivered by accredited
    education providers": approval of the micro-credential and accreditation of a provider to
    deliver it are separate steps, under the Micro-credential Approval and Accreditation
    Rules 2022. The file shows it with ``issuer.regulator: NZQA`` (or Universities New
    Zealand, for a university), or with an approval by one of them under
    ``quality_assurance.external_approvals``. A file that shows neither is not proof that the
    provider is not accredited, and the Accreditation Rules' criteria were not read, hence a
    warning.

    Fails::

        title: Tikanga in the workplace
        issuer: {name: Example Polytechnic, country: NZ}

    Passes::

        title: Tikanga in the workplace
        issuer: {name: Example Polytechnic, country: NZ, regulator: NZQA}
    """
    issuer = course.issuer
    regulator = issuer.regulator if issuer else None
    qa = course.quality_assurance
    approvals = (qa.external_approvals if qa else None) or ()
    if is_quality_assurer(regulator) or any(is_quality_assurer(a.body) for a in approvals):
        return
    if ctx.refused("/issuer/regulator") or ctx.any_refused(
        "quality_assurance/external_approvals", approvals, "body"
    ):
        return
    named = (
        f"names '{regulator}' as the issuer's regulator, not NZQA or Universities New Zealand"
        if filled(regulator)
        else "does not show that NZQA (or Universities New Zealand) has accredited the issuer"
    )
    ctx.report(
        "/issuer/regulator",
        f"The file {named}; NZQA's page says its micro-credentials are delivered by accredited "
        "education providers.",
        fix="Write 'regulator: NZQA' (or 'Universities New Zealand') under 'issuer:' once the "
        "issuer is accredited to deliver it, or add the approval under "
        "'quality_assurance.external_approvals'.",
    )


@rule(
    id="NZQ017",
    name="nzqa-need-evidenced",
    severity="error",
    source=document(
        NZQA_PAGE,
        "Micro-credentials are 'developed because there's evidence they're needed'",
        "verbatim",
        "N1",
    ),
    element="Evidence of need",
    reads=("/needs",),
)
def need_evidenced(course: Course, ctx: RuleContext) -> None:
    """A need is given, with the evidence of it.

    NZQA's page says the micro-credentials it quality assures are "developed because there's
    evidence they're needed", and an earlier version named whose need: "employers, industry,
    workforce development councils, iwi, and/or communities, as appropriate". Give the need
    under ``needs``, with what shows it (surveys, letters of support, a WDC's endorsement)
    under its ``evidence``.

    Fails::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        needs:
          - type: employer
            description: Staff are asked to open hui with karakia and mihi.

    Passes::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        needs:
          - type: employer
            description: Staff are asked to open hui with karakia and mihi.
            evidence: [2024 staff survey of the institute's teams]
    """
    needs = course.needs or ()
    if ctx.refused("/needs") or ctx.any_refused("needs", needs, "evidence"):
        return
    if any(need.evidence and any(filled(e) for e in need.evidence) for need in needs):
        return
    if not needs:
        ctx.report(
            "/needs",
            "No need is given; NZQA quality assures micro-credentials developed because there "
            "is evidence they are needed (by employers, industry, workforce development "
            "councils, iwi or communities).",
            fix="Add a 'needs:' list: whose need it is ('type:'), the need ('description:') "
            "and what shows it ('evidence:').",
        )
    else:
        ctx.report(
            "/needs",
            "No need gives its evidence; NZQA quality assures micro-credentials developed "
            "because there is evidence they are needed.",
            fix="Add 'evidence:' to the need: surveys, letters of support, a workforce "
            "development council's endorsement, one a line.",
        )


@rule(
    id="NZQ018",
    name="nzqa-outcomes-assessed",
    severity="warning",
    source=document(
        WDC_PAGE, "NZQA-approved micro-credentials 'include an assessment'", "secondary", "N8"
    ),
    element="Assessment of learning outcomes",
    reads=("/assessments",),
)
def outcomes_assessed(course: Course, ctx: RuleContext) -> None:
    """The micro-credential is assessed, and not on participation alone.

    A workforce development council's summary of NZQA's requirements says NZQA-approved
    micro-credentials "include an assessment", and university policies written under the
    same system award them "on the basis of the achievement of outcomes ... and not just
    recognise participation". The Approval Rules' own words were not read, hence a warning.
    An offering with no assessment, or whose assessments (the summative ones, when some are
    marked) are all participation, is reported. (CON015, of the consistency pack, also notes
    participation-only summative assessment, as mcvalidate's own check.)

    Fails::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        assessments:
          - {id: A1, title: Attendance at the wānanga, type: participation}

    Passes::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        assessments:
          - {id: A1, title: Deliver a mihi, type: practical}
    """
    assessments = course.assessments or ()
    if ctx.refused("/assessments") or ctx.any_refused(
        "assessments", assessments, "type", "summative"
    ):
        return
    if not assessments:
        ctx.report(
            "/assessments",
            "No assessment is given; NZQA-approved micro-credentials include an assessment of "
            "the learning outcomes.",
            fix="Add an 'assessments:' list with what learners do to show each outcome.",
        )
        return
    counted = [a for a in assessments if a.summative] or list(assessments)
    if all(a.type == "participation" for a in counted):
        names = listing([a.id or a.title or "one" for a in counted])
        ctx.report(
            "/assessments",
            f"The assessments ({names}) are participation only: a micro-credential awarded for "
            "taking part does not assess what learners achieved.",
            fix="Add an assessment of the outcomes: a practical, a presentation, a project or "
            "an observation.",
        )


@rule(
    id="NZQ019",
    name="nzqa-no-duplication",
    severity="warning",
    source=document(
        NZQA_2018,
        "2018: 'not duplicate current quality assured learning approved by NZQA'",
        "verbatim",
        "N6",
    ),
    element="Non-duplication of quality-assured learning",
    reads=("/pathways/complements",),
)
def no_duplication(course: Course, ctx: RuleContext) -> None:
    """The file says how the micro-credential relates to existing quality-assured learning.

    NZQA's 2018 micro-credential system required micro-credentials to "not duplicate current
    quality assured learning approved by NZQA"; the 2022 Listing Rules read for this pack say
    it of qualifications at levels 1 to 6 (rule 14.1), and university policies say a
    micro-credential "would typically not" duplicate. mcvalidate reads
    ``pathways.complements`` as the file's statement of how the micro-credential relates to
    the qualifications and micro-credentials already approved, and asks for it: a warning,
    since the 2022 rules read do not require it in these words.

    Fails::

        title: Tikanga in the workplace
        issuer: {country: NZ}

    Passes::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        pathways:
          complements: No listed qualification teaches tikanga for the institute's own staff.
    """
    pathways = course.pathways
    if pathways is not None and filled(pathways.complements):
        return
    if ctx.refused("/pathways/complements") or ctx.refused("/pathways"):
        return
    ctx.report(
        "/pathways/complements",
        "The file does not say how the micro-credential relates to the quality-assured "
        "learning NZQA has already approved; NZQA's micro-credentials are not to duplicate it.",
        fix="Add 'complements:' under 'pathways:': which qualifications or micro-credentials "
        "cover nearby ground, and what this one adds.",
    )
