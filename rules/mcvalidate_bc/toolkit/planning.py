"""Rules from the Toolkit's planning chapters: external partners, the business case, needs.

The Employers, Indigenous and Community Partners chapter says who counts as an external
partner; the Financial Matters chapter lists the elements of a business case, built before an
institution invests in a micro-credential, and puts the needs assessment (market analysis) at
its heart.
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import filled, listing
from mcvalidate_bc.lifecycle import NOT_YET_APPROVED
from mcvalidate_bc.sources import FINANCIAL, PARTNERS, toolkit

INDIGENOUS_PARTNERS = ("indigenous_community", "indigenous_organization")
BUSINESS_CASE = {
    "problem": "problem or opportunity statement",
    "objectives": "objectives",
    "market_analysis": "market analysis (competitors and demand)",
    "cost_analysis": "cost analysis",
    "implementation_plan": "implementation plan",
    "risks": "risk assessment",
}


@rule(
    id="BCT001",
    name="external-partner",
    severity="warning",
    source=toolkit(
        PARTNERS,
        "External partners: employers, industry, professional bodies, communities",
        "verbatim",
    ),
    element="Employers, Indigenous and Community Partners: external partners",
    reads=("/partners/*/type", "/partners/*/roles"),
)
def external_partner(course: Course, ctx: RuleContext) -> None:
    """At least one external partner is engaged, with a stated role.

    The Toolkit's partners chapter names as external partners employers (companies,
    non-profits, government), industry representatives, professional bodies, and Indigenous
    and community groups; other post-secondary institutions and learners are not external
    partners. Partners point to the training need and accept the micro-credential as evidence
    of ability. The rule asks for one partner whose ``type`` is set and is not
    ``post_secondary``, with at least one entry in ``roles`` (identify_need, co_design,
    delivery, assessment, recognition, hiring, endorsement).

    Fails::

        title: Cultural tourism guiding
        partners:
          - {name: Example Island University, type: post_secondary, roles: [co_design]}

    Passes::

        title: Cultural tourism guiding
        partners:
          - {name: Example Tourism Corporation, type: employer, roles: [identify_need, hiring]}
    """
    partners = course.partners or []
    external = [p for p in partners if p.type is not None and p.type != "post_secondary"]
    if any(p.roles for p in external) or ctx.any_refused("partners", partners, "type", "roles"):
        return
    if not partners:
        message = "No external partner is listed (employer, industry, professional body, "
        message += "Indigenous or community group)."
        fix = "Add a 'partners:' list with each partner's 'name', 'type' and 'roles'."
    elif external:
        message = "No external partner has a role, so the file does not show how any partner "
        message += "is engaged."
        fix = "Add 'roles:' to the partner(s), e.g. 'roles: [identify_need, co_design, "
        fix += "recognition]'."
    elif any(p.type == "post_secondary" for p in partners):
        message = "The only partners listed are post-secondary institutions (or have no type); "
        message += "the Toolkit does not count other institutions as external partners."
        fix = "Add an employer, industry, professional, Indigenous or community partner with "
        fix += "its 'roles'."
    else:
        message = "No partner has a 'type', so none can be recognised as an external partner."
        fix = "Give each partner a 'type:' (employer, industry_association, professional_body, "
        fix += "indigenous_community, indigenous_organization, community_organization or "
        fix += "government)."
    ctx.report("/partners", message, fix=fix)


@rule(
    id="BCT016",
    name="business-case",
    severity="warning",
    source=toolkit(FINANCIAL, "Build a business case before investing", "verbatim"),
    element="Financial Matters: business case",
    reads=(
        "/business_case/problem",
        "/business_case/objectives",
        "/business_case/market_analysis",
        "/business_case/cost_analysis",
        "/business_case/implementation_plan",
        "/business_case/risks",
    ),
)
def business_case(course: Course, ctx: RuleContext) -> None:
    """A micro-credential still in draft or proposed status has a complete business case.

    The Toolkit's Financial Matters chapter has an institution build a business case before it
    invests in a micro-credential. Its typical elements are a problem or opportunity statement,
    the objectives, a market analysis (an environmental scan of competitors and demand), a cost
    analysis, an implementation plan and a risk assessment: under ``business_case`` they are
    ``problem``, ``objectives``, ``market_analysis``, ``cost_analysis``,
    ``implementation_plan`` and ``risks``. The rule applies only while ``status`` is draft or
    proposed, when the investment is being decided. The Toolkit calls these "typical
    elements", so what is lacking is one finding, listing them all.

    Fails::

        title: Generative AI for administrative professionals
        status: proposed
        business_case:
          problem: Staff use AI tools without training or privacy safeguards.

    Passes::

        title: Generative AI for administrative professionals
        status: proposed
        business_case:
          problem: Staff use AI tools without training or privacy safeguards.
          objectives: Train 60 administrative staff in the first year.
          market_analysis: Two colleges nearby offer general AI courses; none for office staff.
          cost_analysis: Development 40,000 CAD; break-even at 45 learners.
          implementation_plan: Build in spring 2027; first offering September 2027.
          risks: Tools change quickly; the content is reviewed every six months.
    """
    if course.status not in NOT_YET_APPROVED:
        return
    case = course.business_case
    if case is None:
        ctx.report(
            "/business_case",
            f"This {course.status} micro-credential has no business case; the Toolkit has one "
            "built before an institution invests.",
            fix="Add 'business_case:' with problem, objectives, market_analysis, cost_analysis, "
            "implementation_plan and risks.",
        )
        return
    lacking = [key for key in BUSINESS_CASE if not filled(getattr(case, key))]
    if not lacking:
        return
    # One finding for the whole case: the Toolkit lists typical elements, not six demands.
    pointer = f"/business_case/{lacking[0]}" if len(lacking) == 1 else "/business_case"
    missing = [BUSINESS_CASE[k] for k in lacking if not ctx.present(f"/business_case/{k}")]
    empty = [BUSINESS_CASE[k] for k in lacking if ctx.present(f"/business_case/{k}")]
    parts = [f"has no {listing(missing, 'or')}"] if missing else []
    parts += [f"leaves its {listing(empty)} empty"] if empty else []
    ctx.report(
        pointer,
        f"The business case {', and '.join(parts)}.",
        fix=f"Write the {BUSINESS_CASE[lacking[0]]} under 'business_case:' as '{lacking[0]}:'."
        if len(lacking) == 1
        else "Write them under 'business_case:' as "
        + listing([f"'{k}:' ({BUSINESS_CASE[k]})" for k in lacking])
        + ".",
    )


@rule(
    id="BCT017",
    name="need-evidence",
    severity="info",
    source=toolkit(FINANCIAL, "Market analysis: demand", "inferred"),
    element="Financial Matters: market analysis",
    reads=("/needs/*/evidence",),
)
def need_evidence(course: Course, ctx: RuleContext) -> None:
    """Each need cites evidence: a survey, a report, a letter or a web page.

    The Toolkit's Financial Matters chapter asks for a market analysis of demand, and places
    the needs assessment in the ADDIE Analysis step. mcvalidate reads this as: each need under
    ``needs`` lists in ``evidence`` at least one citation or URL that shows the need is real.
    Good practice, hence info.

    Fails::

        title: Cultural tourism guiding
        needs:
          - type: industry
            description: Operators report a shortage of guides for cultural tours.

    Passes::

        title: Cultural tourism guiding
        needs:
          - type: industry
            description: Operators report a shortage of guides for cultural tours.
            evidence: [Example Coast Tourism Association, Workforce Report 2024]
    """
    for index, need in enumerate(course.needs or ()):
        if any(filled(e) for e in need.evidence or ()):
            continue
        ctx.report(
            f"/needs/{index}/evidence",
            f"Need {index + 1} cites no evidence that the need is real.",
            fix="Add 'evidence:' with at least one citation or URL, e.g. a survey, a labour "
            "market report or a letter of support.",
        )


@rule(
    id="BCT019",
    name="indigenous-partner",
    severity="info",
    source=toolkit(PARTNERS, "Indigenous partners", "inferred"),
    element="Employers, Indigenous and Community Partners: Indigenous partners",
    reads=("/partners/*/type", "/partners/*/roles"),
)
def indigenous_partner(course: Course, ctx: RuleContext) -> None:
    """A micro-credential that answers an Indigenous community need has an Indigenous partner.

    The Toolkit's partners chapter counts Indigenous groups among the external partners, and the
    Framework's definition names Indigenous community needs. mcvalidate reads the two together:
    when a need is of type ``indigenous_community``, a partner of type ``indigenous_community``
    or ``indigenous_organization`` (an Indigenous-led organization) is listed, with its
    ``roles``, so that the community is engaged and not only served. This is mcvalidate's
    reading, hence info.

    Fails::

        title: Cultural tourism guiding
        needs:
          - type: indigenous_community
            description: The Nation's tourism corporation needs trained cultural guides.
        partners:
          - {name: Example Tourism Association, type: industry_association, roles: [co_design]}

    Passes::

        title: Cultural tourism guiding
        needs:
          - type: indigenous_community
            description: The Nation's tourism corporation needs trained cultural guides.
        partners:
          - {name: Example Nation, type: indigenous_community, roles: [identify_need, co_design]}
    """
    if not any(n.type == "indigenous_community" for n in course.needs or ()):
        return
    partners = [p for p in course.partners or () if p.type in INDIGENOUS_PARTNERS]
    if any(p.roles for p in partners):
        return
    if ctx.any_refused("partners", course.partners, "type", "roles"):
        return
    if partners:
        message = "The micro-credential answers an Indigenous community need, but the "
        message += "Indigenous community partner has no role."
    else:
        message = "The micro-credential answers an Indigenous community need, but no partner "
        message += "of type indigenous_community or indigenous_organization is listed."
    ctx.report(
        "/partners",
        message,
        fix="List the community under 'partners:' with 'type: indigenous_community' (or an "
        "Indigenous-led organization with 'type: indigenous_organization') and its 'roles', "
        "e.g. [identify_need, co_design].",
    )
