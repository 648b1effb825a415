"""Rules from the Framework's components: credit status, quality assurance, pathways, scope.

The quality assurance clause is quoted word for word in the Toolkit's Quality Assurance
chapter: micro-credentials are "developed, approved and periodically reviewed" through an
institutional process, for credit and non-credit offerings alike. The credit-status and
pathways components are known only from summaries of the Framework, and say so.
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import filled
from mcvalidate_bc.lifecycle import NOT_YET_APPROVED
from mcvalidate_bc.sources import QUALITY_ASSURANCE, framework, toolkit_chapter_url

QA_URL = toolkit_chapter_url(QUALITY_ASSURANCE)
QA_CLAUSE = "Quality assurance: 'developed, approved and periodically reviewed'"
NEWS_URL = (
    "https://www.straight.com/education/"
    "bc-colleges-institutes-and-universities-embrace-microcredentials-to-create-a-more-skilled"
)
PATHWAYS_URL = "https://ctlt.ubc.ca/2022/06/30/edubytes-micro-credentials-an-update/"
IN_SCOPE = ("public_institution", "indigenous_institute")


@rule(
    id="BCF007",
    name="credit-status-declared",
    severity="error",
    source=framework("Credit status is made clear before enrolment", "secondary", NEWS_URL),
)
def credit_status_declared(course: Course, ctx: RuleContext) -> None:
    """The file says whether the micro-credential is credit-bearing or non-credit.

    Summaries of the Framework say a micro-credential may be credit-bearing or not, and that
    this must be clear to learners before they enrol. The Framework text itself was not
    available, so the evidence is secondary.

    Fails::

        title: Mass timber construction
        credit:
          value: 3

    Passes::

        title: Mass timber construction
        credit:
          status: non_credit
    """
    if course.credit is None or course.credit.status is None:
        ctx.report(
            "/credit/status",
            "The file does not say whether the micro-credential is credit-bearing or non-credit.",
            fix="Add 'status: credit' or 'status: non_credit' under 'credit:'.",
        )


@rule(
    id="BCF008",
    name="credit-value-stated",
    severity="warning",
    source=framework("Credit status is made clear before enrolment", "inferred", NEWS_URL),
)
def credit_value_stated(course: Course, ctx: RuleContext) -> None:
    """A credit-bearing micro-credential says how many credits it carries, and in which system.

    This is mcvalidate's reading of the credit-status component: a learner cannot judge a
    credit-bearing offering without knowing how many credits it gives and whose credits they
    are. The Framework text does not say so in these words, hence a warning.

    Fails::

        title: Mass timber construction
        credit:
          status: credit

    Passes::

        title: Mass timber construction
        credit:
          status: credit
          value: 3
          system: institutional
    """
    credit = course.credit
    if credit is None or credit.status != "credit":
        return
    if credit.value is None:
        ctx.report(
            "/credit/value",
            "The micro-credential is credit-bearing but does not say how many credits it carries.",
            fix="Add 'value:' (the number of credits) under 'credit:'.",
        )
    if credit.system is None:
        ctx.report(
            "/credit/system",
            "The micro-credential is credit-bearing but does not say which credit system the "
            "credits belong to.",
            fix="Add 'system: institutional' (or ects, us, ...) and 'system_name:' under "
            "'credit:'.",
        )


@rule(
    id="BCF009",
    name="institutional-approval",
    severity="error",
    source=framework(QA_CLAUSE, "verbatim", QA_URL),
)
def institutional_approval(course: Course, ctx: RuleContext) -> None:
    """The institutional approval is recorded: the approving body and the date.

    The Framework's quality assurance clause requires each micro-credential, credit or
    non-credit alike, to be approved through the institution's process. A course in
    ``draft`` or ``proposed`` status is not approved yet, so this rule does not apply to it
    (``bc-toolkit`` rule BCT022 asks a proposal to name its approval route). A course with no
    ``status`` is checked as if it were offered.

    Fails::

        title: Mass timber construction
        status: active
        credit: {status: non_credit}
        quality_assurance:
          approved_by: Continuing Studies Committee

    Passes::

        title: Mass timber construction
        status: active
        credit: {status: non_credit}
        quality_assurance:
          approved_by: Continuing Studies Committee
          approved_on: 2024-03-14
    """
    qa = course.quality_assurance
    if course.status in NOT_YET_APPROVED:
        return
    scope = "non-credit " if course.credit and course.credit.status == "non_credit" else ""
    if qa is None or not qa.approved_by:
        ctx.report(
            "/quality_assurance/approved_by",
            f"The file does not say which body approved this {scope}micro-credential; the "
            "Framework requires institutional approval, credit or non-credit alike.",
            fix="Add 'approved_by:' (e.g. 'Education Council') under 'quality_assurance:'.",
        )
    if qa is None or qa.approved_on is None:
        ctx.report(
            "/quality_assurance/approved_on",
            f"The file does not say when this {scope}micro-credential was approved.",
            fix="Add 'approved_on: YYYY-MM-DD' under 'quality_assurance:'.",
        )


@rule(
    id="BCF010",
    name="periodic-review",
    severity="error",
    source=framework(QA_CLAUSE, "verbatim", QA_URL),
)
def periodic_review(course: Course, ctx: RuleContext) -> None:
    """A periodic review is planned: a review cycle or the date of the next review.

    The Framework's quality assurance clause requires micro-credentials, credit and non-credit
    alike, to be periodically reviewed. It sets no interval; state yours with
    ``review_cycle_months`` or give ``next_review``.

    Fails::

        title: Mass timber construction
        credit: {status: non_credit}
        quality_assurance:
          approved_by: Continuing Studies Committee

    Passes::

        title: Mass timber construction
        credit: {status: non_credit}
        quality_assurance:
          review_cycle_months: 36
    """
    qa = course.quality_assurance
    if ctx.refused("/quality_assurance/next_review"):
        return  # a review date was written but refused: the schema reported it
    if qa is None or (qa.review_cycle_months is None and qa.next_review is None):
        ctx.report(
            "/quality_assurance/review_cycle_months",
            "No periodic review is planned; the Framework requires micro-credentials, credit "
            "and non-credit alike, to be periodically reviewed.",
            fix="Add 'review_cycle_months:' (e.g. 36) or 'next_review: YYYY-MM-DD' under "
            "'quality_assurance:'.",
        )


@rule(
    id="BCF011",
    name="pathways-considered",
    severity="warning",
    source=framework("Pathways: 'strongly encourages'", "secondary", PATHWAYS_URL),
)
def pathways_considered(course: Course, ctx: RuleContext) -> None:
    """Pathways are considered: the micro-credential stacks, ladders or transfers into
    something, or the file says why not.

    Summaries of the Framework say it strongly encourages pathways among and between
    micro-credentials; encouragement, not a requirement, hence a warning. List
    ``stacks_into``, ``ladders_into`` or ``transfer``, or explain in ``none_reason``.

    Fails::

        title: Mass timber construction
        pathways:
          prior_learning_recognition: false

    Passes::

        title: Mass timber construction
        pathways:
          none_reason: A stand-alone safety update for working trades; no program fits.
    """
    routes = ("stacks_into", "ladders_into", "transfer", "none_reason")
    if any(ctx.refused(f"/pathways/{route}") for route in routes):
        return  # a pathway was written, but refused: the schema reported it
    p = course.pathways
    if p is not None and (p.stacks_into or p.ladders_into or p.transfer or filled(p.none_reason)):
        return
    ctx.report(
        "/pathways",
        "No pathway is given (stacking, laddering or transfer) and no reason for having none.",
        fix="Add 'stacks_into', 'ladders_into' or 'transfer' under 'pathways:', or "
        "'none_reason:' saying why there is no pathway.",
    )


@rule(
    id="BCF012",
    name="framework-scope",
    severity="info",
    source=framework("Title: 'for B.C.'s Public Post-Secondary Education System'", "verbatim"),
)
def framework_scope(course: Course, ctx: RuleContext) -> None:
    """The issuer is within the Framework's scope: a public post-secondary institution in B.C.

    The Framework is written for B.C.'s public post-secondary system. Indigenous institutes
    are counted in scope: the Ministry runs a First Nations Micro-Credential Initiative under
    the same definition, though not every institute is a public institution. For an issuer
    outside it
    (a private institution, an employer, another province) the B.C. rules are advice, not
    obligations; this note says so. Nothing is reported when the issuer's type and region are
    not given.

    Fails::

        title: Mass timber construction
        issuer:
          type: private_institution
          region: CA-BC

    Passes::

        title: Mass timber construction
        issuer:
          type: public_institution
          region: CA-BC
    """
    issuer = course.issuer
    if issuer is None:
        return
    if issuer.type is not None and issuer.type not in IN_SCOPE:
        ctx.report(
            "/issuer/type",
            f"The issuer's type is '{issuer.type}'; the B.C. Framework is written for public "
            "post-secondary institutions, so its rules are advice here.",
            fix="Nothing to fix if this is right; use --framework to choose another pack.",
        )
    if issuer.region is not None and issuer.region != "CA-BC":
        ctx.report(
            "/issuer/region",
            f"The issuer's region is {issuer.region}; the B.C. Framework applies to British "
            "Columbia (CA-BC).",
            fix="Nothing to fix if this is right; use --framework to choose another pack.",
        )
