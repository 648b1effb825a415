"""Rules from the four principles of eCampusOntario's framework (sources E1 to E4).

The principles are principles: a file that does not show one gets a warning, never an error.
Verifiability and ownership are properties of how a credential is issued and held, which a
course file shows only through the formats it is recorded in: those rules are mcvalidate's
reading (inferred), and the ownership one an info.
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import filled, listing
from mcvalidate_ontario.checks import INDUSTRY_PARTNERS, formats
from mcvalidate_ontario.sources import framework

RELEVANCE = "Principle: Relevance"
VERIFIABILITY = "Principle: Verifiability"
OWNERSHIP = "Principle: Ownership"
EXTENSIBILITY = "Principle: Extensibility"
LABOUR_MARKET_NEEDS = ("labour_market", "industry", "employer")
VERIFIABLE = ("digital_badge", "wallet_credential", "transcript")
EARNER_HELD = ("digital_badge", "wallet_credential")


@rule(
    id="ECO010",
    name="eco-labour-market-relevance",
    severity="warning",
    source=framework(
        f"{RELEVANCE}: competencies 'currently relevant to the labour market', through "
        "'consultation and partnership between employers and post-secondary institutions'",
        "verbatim",
        "E1",
    ),
    element=RELEVANCE,
    reads=("/needs", "/partners"),
)
def labour_market_relevance(course: Course, ctx: RuleContext) -> None:
    """The micro-credential answers a labour market need, and employers were consulted.

    The Relevance principle: micro-credentials "will only be issued for competencies that are
    currently relevant to the labour market", a relevance "achieved through consultation and
    partnership between employers and post-secondary institutions" (E1). A file shows the
    first with a need of type ``labour_market``, ``industry`` or ``employer`` under
    ``needs``, the second with a partner of type ``employer``, ``industry_association`` or
    ``professional_body`` under ``partners``. Each missing half is a warning.

    Fails::

        title: Cloud security operations
        issuer: {region: CA-ON}
        needs:
          - {type: community, description: Residents asked for evening courses.}

    Passes::

        title: Cloud security operations
        issuer: {region: CA-ON}
        needs:
          - {type: labour_market, description: Cloud security analyst postings doubled.}
        partners:
          - {name: Example Bank, type: employer, roles: [identify_need]}
    """
    if not ctx.refused("/needs", inside=True):
        needs = course.needs or []
        if not any(n.type in LABOUR_MARKET_NEEDS for n in needs):
            ctx.report(
                "/needs",
                "No labour market, industry or employer need is given; eCampusOntario's "
                "framework issues micro-credentials only for competencies currently relevant "
                "to the labour market.",
                fix="Add a need under 'needs:' with 'type: labour_market' (or industry, "
                "employer) and a 'description' of the demand.",
            )
    if not ctx.refused("/partners", inside=True):
        partners = course.partners or []
        if not any(p.type in INDUSTRY_PARTNERS for p in partners):
            ctx.report(
                "/partners",
                "No employer or industry partner is named; eCampusOntario's framework "
                "achieves relevance through consultation and partnership with employers.",
                fix="List the employers or industry bodies consulted under 'partners:', with "
                "their 'type' and 'roles'.",
            )


@rule(
    id="ECO011",
    name="eco-verifiable",
    severity="warning",
    source=framework(
        f"{VERIFIABILITY}: 'verifiable, and integrity will be maintained'", "inferred", "E2"
    ),
    element=VERIFIABILITY,
    reads=("/recognition/formats",),
)
def verifiable(course: Course, ctx: RuleContext) -> None:
    """The achievement is recorded in a form a third party can verify.

    The Verifiability principle: micro-credentials "will be verifiable, and integrity will be
    maintained" (E2). Of the formats under ``recognition.formats``, a digital badge, a wallet
    credential and an institution's transcript can be checked with their issuer; a
    certificate or parchment alone cannot. Which formats are verifiable is mcvalidate's
    reading, hence inferred. A file that lists no format is ECO007's concern.

    Fails::

        title: Cloud security operations
        issuer: {region: CA-ON}
        recognition:
          formats: [certificate]

    Passes::

        title: Cloud security operations
        issuer: {region: CA-ON}
        recognition:
          formats: [certificate, digital_badge]
    """
    listed = formats(course)
    if listed is None or any(f in VERIFIABLE for f in listed):
        return
    if ctx.refused("/recognition/formats", inside=True):
        return
    ctx.report(
        "/recognition/formats",
        f"The achievement is recorded only as {listing(listed)}, which a third party cannot "
        "verify with the issuer; eCampusOntario's framework has micro-credentials verifiable.",
        fix="Issue a digital badge, a wallet credential or a transcript entry too (add it to "
        "'formats:').",
    )


@rule(
    id="ECO012",
    name="eco-earner-ownership",
    severity="info",
    source=framework(
        f"{OWNERSHIP}: 'micro-credentials and associated data will be the property of the earner'",
        "inferred",
        "E3",
    ),
    element=OWNERSHIP,
    reads=("/recognition/formats",),
)
def earner_ownership(course: Course, ctx: RuleContext) -> None:
    """The earner receives a credential they hold and share themselves.

    The Ownership principle: "Once awarded, micro-credentials and associated data will be the
    property of the earner" (E3). Who owns the data is a matter of the issuer's terms, which a
    course file does not hold; what it can say is that the earner receives a credential they
    keep and share (a ``digital_badge`` or a ``wallet_credential``). mcvalidate's reading,
    hence info.

    Fails::

        title: Cloud security operations
        issuer: {region: CA-ON}
        recognition:
          formats: [transcript]

    Passes::

        title: Cloud security operations
        issuer: {region: CA-ON}
        recognition:
          formats: [transcript, wallet_credential]
    """
    listed = formats(course)
    if listed is None or any(f in EARNER_HELD for f in listed):
        return
    if ctx.refused("/recognition/formats", inside=True):
        return
    ctx.report(
        "/recognition/formats",
        "The earner receives no credential of their own to keep and share (a digital badge "
        "or a wallet credential); eCampusOntario's framework makes the credential and its "
        "data the earner's property.",
        fix="If the earner gets a digital badge or wallet credential, add it to 'formats:'.",
    )


@rule(
    id="ECO013",
    name="eco-lifelong-pathway",
    severity="warning",
    source=framework(
        f"{EXTENSIBILITY}: 'continuous pathway for lifelong learning, where possible'",
        "verbatim",
        "E4",
    ),
    element=EXTENSIBILITY,
    reads=("/pathways",),
)
def lifelong_pathway(course: Course, ctx: RuleContext) -> None:
    """The micro-credential leads somewhere: it stacks, ladders or transfers, or the file
    says why it cannot.

    The Extensibility principle: micro-credentials "will be designed to facilitate continuous
    pathway for lifelong learning, where possible" (E4). Under ``pathways``, give what it
    stacks into (``stacks_into``), the programs it gives credit toward (``ladders_into``) or
    the transfer credit it earns (``transfer``); where none is possible, say why in
    ``none_reason``.

    Fails::

        title: Cloud security operations
        issuer: {region: CA-ON}

    Passes::

        title: Cloud security operations
        issuer: {region: CA-ON}
        pathways:
          stacks_into: [Cloud Security Micro-certificate]
    """
    if ctx.refused("/pathways", inside=True):
        return
    pathways = course.pathways
    if pathways is not None and (
        pathways.stacks_into
        or pathways.ladders_into
        or pathways.transfer
        or filled(pathways.none_reason)
    ):
        return
    ctx.report(
        "/pathways",
        "The file gives no pathway (stacking, laddering or transfer) and no reason for having "
        "none; eCampusOntario's framework designs micro-credentials for continuous pathways "
        "where possible.",
        fix="Add 'stacks_into:', 'ladders_into:' or 'transfer:' under 'pathways:', or "
        "'none_reason:' saying why there is none.",
    )
