"""Rules from the Framework's components: credit status, quality assurance, pathways, scope.

The quality assurance clause (F3) is quoted word for word in the Toolkit's Quality Assurance
chapter: micro-credentials are "developed, approved and periodically reviewed, through an
institutional process that aligns with existing post-secondary standards and policies, for
credit and non-credit offerings". The credit-status (F6) and pathways (F5) components are
known only from summaries of the Framework: their rules are warnings, and say so.
"""

from __future__ import annotations

import calendar
import datetime

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import filled
from mcvalidate_bc.lifecycle import NOT_YET_APPROVED
from mcvalidate_bc.sources import APPROVED, CREDIT_STATUS, REVIEWED, framework

QA_CLAUSE = "Quality assurance: 'developed, approved and periodically reviewed'"
QA_PROCESS = (
    "Quality assurance: 'an institutional process that aligns with existing post-secondary "
    "standards and policies'"
)
CREDIT_CLAUSE = "Credit status is made clear before enrolment"
IN_SCOPE = ("public_institution", "indigenous_institute")


@rule(
    id="BCF007",
    name="credit-status-declared",
    severity="warning",
    source=framework(CREDIT_CLAUSE, "secondary", "F6"),
    element=CREDIT_STATUS,
    reads=("/credit/status",),
)
def credit_status_declared(course: Course, ctx: RuleContext) -> None:
    """The file says whether the micro-credential is credit-bearing or non-credit.

    A summary of the Framework (F6) says a micro-credential may be credit-bearing or not, and
    that this "must be made clear in advance to anyone who enrolls". The Framework text itself
    was not available, so the evidence is secondary and the finding a warning until it is.

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
    source=framework(CREDIT_CLAUSE, "inferred", "F6"),
    element=CREDIT_STATUS,
    reads=("/credit/value", "/credit/system"),
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
    source=framework(QA_CLAUSE, "verbatim", "F3"),
    element=APPROVED,
    reads=("/quality_assurance/approved_by",),
)
def institutional_approval(course: Course, ctx: RuleContext) -> None:
    """The approving body is named.

    The Framework's quality assurance clause has micro-credentials "developed, approved and
    periodically reviewed, through an institutional process", credit and non-credit
    offerings alike. A course in ``draft`` or ``proposed`` status is not approved yet, so this
    rule does not apply to it (``bc-toolkit`` rule BCT022 asks a proposal to name its
    approval route). A course with no ``status`` is checked as if it were offered. The date
    of the approval is BCF016's concern.

    Fails::

        title: Mass timber construction
        status: active
        credit: {status: non_credit}
        quality_assurance:
          approved_on: 2024-03-14

    Passes::

        title: Mass timber construction
        status: active
        credit: {status: non_credit}
        quality_assurance:
          approved_by: Continuing Studies Committee
    """
    qa = course.quality_assurance
    if course.status in NOT_YET_APPROVED or (qa is not None and filled(qa.approved_by)):
        return
    scope = "non-credit " if course.credit and course.credit.status == "non_credit" else ""
    ctx.report(
        "/quality_assurance/approved_by",
        f"The file does not say which body approved this {scope}micro-credential; the "
        "Framework requires institutional approval, credit or non-credit alike.",
        fix="Add 'approved_by:' (e.g. 'Education Council') under 'quality_assurance:'.",
    )


@rule(
    id="BCF016",
    name="approval-dated",
    severity="warning",
    source=framework(QA_CLAUSE, "inferred", "F3"),
    element=APPROVED,
    reads=("/quality_assurance/approved_on",),
)
def approval_dated(course: Course, ctx: RuleContext) -> None:
    """The date of the institutional approval is given.

    The quality assurance clause (F3) asks for approval, not for a date; without one, though,
    no one can tell when the periodic review falls due. mcvalidate's reading, hence a warning.
    Like BCF009, it does not apply to a draft or a proposal.

    Fails::

        title: Mass timber construction
        status: active
        quality_assurance:
          approved_by: Continuing Studies Committee

    Passes::

        title: Mass timber construction
        status: active
        quality_assurance:
          approved_by: Continuing Studies Committee
          approved_on: 2024-03-14
    """
    qa = course.quality_assurance
    if course.status in NOT_YET_APPROVED or ctx.refused("/quality_assurance/approved_on"):
        return
    if qa is None or qa.approved_on is None:
        ctx.report(
            "/quality_assurance/approved_on",
            "The file does not say when this micro-credential was approved, so no one can tell "
            "when its periodic review falls due.",
            fix="Add 'approved_on: YYYY-MM-DD' under 'quality_assurance:'.",
        )


@rule(
    id="BCF010",
    name="periodic-review",
    severity="error",
    source=framework(QA_CLAUSE, "verbatim", "F3"),
    element=REVIEWED,
    reads=("/quality_assurance/review_cycle_months", "/quality_assurance/next_review"),
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
    id="BCF017",
    name="review-overdue",
    severity="warning",
    source=framework(QA_CLAUSE, "inferred", "F3"),
    element=REVIEWED,
    reads=(
        "/quality_assurance/last_reviewed",
        "/quality_assurance/next_review",
        "/quality_assurance/review_cycle_months",
        "/quality_assurance/approved_on",
    ),
)
def review_overdue(course: Course, ctx: RuleContext) -> None:
    """The periodic review is not overdue on the run's date.

    A review that is planned but never held does not meet the clause that micro-credentials
    be "periodically reviewed" (F3). The review is due on ``next_review``, or else
    ``review_cycle_months`` after the last review (or, if there has been none, after the
    approval). The date arithmetic is mcvalidate's reading, hence a warning; the run's date is
    today, or ``--today``. Drafts, proposals and retired micro-credentials are not reviewed.

    Fails::

        title: Mass timber construction
        status: active
        quality_assurance:
          approved_on: 2019-05-01
          review_cycle_months: 36

    Passes::

        title: Mass timber construction
        status: active
        quality_assurance:
          approved_on: 2019-05-01
          review_cycle_months: 36
          last_reviewed: 2025-04-10
    """
    qa = course.quality_assurance
    if qa is None or course.status in (*NOT_YET_APPROVED, "retired"):
        return
    held = qa.last_reviewed
    if qa.next_review is not None and not (held and held >= qa.next_review):
        due, pointer, how = qa.next_review, "/quality_assurance/next_review", "was due on"
    elif qa.review_cycle_months is not None and (since := held or qa.approved_on):
        due = _months_after(since, qa.review_cycle_months)
        pointer = "/quality_assurance/review_cycle_months"
        after = "the last review" if held else "the approval"
        how = f"fell due {qa.review_cycle_months} months after {after} ({since}), on"
    else:
        return
    if due < ctx.today:
        ctx.report(
            pointer,
            f"The periodic review is overdue: it {how} {due}, {_days(ctx.today - due)} before "
            f"{ctx.today}.",
            fix="Hold the review and record it in 'last_reviewed:' (and the next one in "
            "'next_review:'), or correct the date if the review took place.",
        )


def _days(span: datetime.timedelta) -> str:
    return f"{span.days} day{'' if span.days == 1 else 's'}"


def _months_after(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(day.day, last))


@rule(
    id="BCF018",
    name="qa-process-named",
    severity="warning",
    source=framework(QA_PROCESS, "verbatim", "F3"),
    element="Quality assurance: institutional process",
    reads=("/quality_assurance/process",),
)
def qa_process_named(course: Course, ctx: RuleContext) -> None:
    """An approved or offered micro-credential names the quality assurance process it went
    through.

    The clause (F3) asks for "an institutional process that aligns with existing
    post-secondary standards and policies". Naming the policy or process
    (``quality_assurance.process``) lets a reader check that alignment; a file that does not
    is silent rather than non-compliant, hence a warning. Drafts and proposals are not
    approved yet and are not asked.

    Fails::

        title: Mass timber construction
        status: active
        quality_assurance:
          approved_by: Continuing Studies Committee

    Passes::

        title: Mass timber construction
        status: active
        quality_assurance:
          approved_by: Continuing Studies Committee
          process: Policy C-12, Non-credit program approval
    """
    if course.status not in ("approved", "active"):
        return
    qa = course.quality_assurance
    if qa is None or not filled(qa.process):
        ctx.report(
            "/quality_assurance/process",
            "The file does not name the institutional quality assurance process the "
            "micro-credential went through.",
            fix="Add 'process:' under 'quality_assurance:' naming the policy or process (for "
            "example 'Policy C-12, Non-credit program approval').",
        )


@rule(
    id="BCF011",
    name="pathways-considered",
    severity="warning",
    source=framework("Pathways: 'strongly encourages'", "secondary", "F5"),
    element="Pathways",
    reads=(
        "/pathways/stacks_into",
        "/pathways/ladders_into",
        "/pathways/transfer",
        "/pathways/none_reason",
    ),
)
def pathways_considered(course: Course, ctx: RuleContext) -> None:
    """Pathways are considered: the micro-credential stacks, ladders or transfers into
    something, or the file says why not.

    UBC's summary of the Framework (F5) says it "strongly encourages developers to create
    pathways among and between micro-credentials"; the First Nations Micro-Credential
    Initiative (F12) intends them to be "stackable and transferrable". Encouragement, not a
    requirement, hence a warning. List
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
    source=framework(
        "Title: 'for B.C.'s Public Post-Secondary Education System'", "verbatim", "F7"
    ),
    element="Scope: B.C. public post-secondary institutions",
    reads=("/issuer/type", "/issuer/region"),
)
def framework_scope(course: Course, ctx: RuleContext) -> None:
    """The issuer is within the Framework's scope: a public post-secondary institution in B.C.

    The Framework is written for B.C.'s public post-secondary system. Counting Indigenous
    institutes in scope is mcvalidate's reading: the First Nations Micro-Credential
    Initiative (F12), open to First Nations and First Nations-mandated institutes, has a
    definition of its own (aligned with "First Nations, employer and/or industry needs",
    micro-credentials "stackable and transferrable"), not the Framework's. For an issuer
    outside the scope (a private institution, an employer, another province) the B.C. rules
    are advice, not obligations; this note says so. Nothing is reported when the issuer's
    type and region are not given.

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
