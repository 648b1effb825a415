"""Rules from the Toolkit's Quality Assurance chapter: dates that make sense, public outcomes.

The chapter defines quality assurance as systematic processes applied at program approval and
at program review, formal and with public outcomes. The Framework's own clause (developed,
approved and periodically reviewed) is checked by the bc-framework pack; these rules check that
the recorded dates are consistent and that the result is public.
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate_bc.lifecycle import NOT_YET_APPROVED, PUBLISHED
from mcvalidate_bc.sources import GOVERNANCE, QUALITY_ASSURANCE, toolkit


@rule(
    id="BCT012",
    name="review-dates",
    severity="warning",
    source=toolkit(
        QUALITY_ASSURANCE, "Quality assurance at program approval and program review", "inferred"
    ),
)
def review_dates(course: Course, ctx: RuleContext) -> None:
    """The quality assurance dates are in order: approval, then last review, then next review.

    The Toolkit's Quality Assurance chapter applies quality assurance at program approval and
    at program review. A review cannot come before the approval it reviews, and the next review
    must come after both the approval and the last review. Each broken order is one finding: a
    ``last_reviewed`` before ``approved_on``, a ``next_review`` not after ``last_reviewed``, a
    ``next_review`` not after ``approved_on``. These are mcvalidate's consistency checks, not
    the Toolkit's words; usually one of the dates is a typo.

    Fails::

        title: Warehouse inventory control
        quality_assurance:
          approved_on: 2025-04-15
          last_reviewed: 2025-10-01
          next_review: 2025-09-30

    Passes::

        title: Warehouse inventory control
        quality_assurance:
          approved_on: 2025-04-15
          last_reviewed: 2025-10-01
          next_review: 2028-04-15
    """
    qa = course.quality_assurance
    if qa is None:
        return
    approved, last, upcoming = qa.approved_on, qa.last_reviewed, qa.next_review
    if approved is not None and last is not None and last < approved:
        ctx.report(
            "/quality_assurance/last_reviewed",
            f"The last review ({last.isoformat()}) is dated before the approval "
            f"({approved.isoformat()}).",
            fix="Check 'last_reviewed' and 'approved_on'; one of them is probably a typo.",
        )
    if last is not None and upcoming is not None and upcoming <= last:
        ctx.report(
            "/quality_assurance/next_review",
            f"The next review ({upcoming.isoformat()}) is not after the last review "
            f"({last.isoformat()}).",
            fix="Set 'next_review' to a date after 'last_reviewed' (e.g. last review plus the "
            "review cycle).",
        )
    if approved is not None and upcoming is not None and upcoming <= approved:
        ctx.report(
            "/quality_assurance/next_review",
            f"The next review ({upcoming.isoformat()}) is not after the approval "
            f"({approved.isoformat()}).",
            fix="Set 'next_review' to a date after 'approved_on' (e.g. approval plus the "
            "review cycle).",
        )


@rule(
    id="BCT013",
    name="approval-not-future",
    severity="warning",
    source=toolkit(QUALITY_ASSURANCE, "Quality assurance at program approval", "inferred"),
)
def approval_not_future(course: Course, ctx: RuleContext) -> None:
    """The approval date is not in the future.

    ``quality_assurance.approved_on`` records an approval that has happened. A date after
    today is usually a typo (2052 for 2025); a planned approval belongs in a proposal with
    ``status: proposed`` and no ``approved_on``. This is mcvalidate's consistency check, not
    the Toolkit's words.

    Fails::

        title: Warehouse inventory control
        quality_assurance:
          approved_on: 2999-04-15

    Passes::

        title: Warehouse inventory control
        quality_assurance:
          approved_on: 2025-04-15
    """
    qa = course.quality_assurance
    if qa is None or qa.approved_on is None or qa.approved_on <= ctx.today:
        return
    ctx.report(
        "/quality_assurance/approved_on",
        f"The approval date {qa.approved_on.isoformat()} is in the future (today is "
        f"{ctx.today.isoformat()}).",
        fix="Correct the date, or remove 'approved_on' until the approval has happened.",
    )


@rule(
    id="BCT018",
    name="public-information",
    severity="warning",
    source=toolkit(
        QUALITY_ASSURANCE,
        "The quality assurance process is formal and its outcomes are public",
        "verbatim",
    ),
)
def public_information(course: Course, ctx: RuleContext) -> None:
    """An approved or active micro-credential has a public web page.

    The Toolkit's Quality Assurance chapter says the quality assurance process is formal and
    its outcomes are public, so that learners, employers, other institutions and governments
    can trust micro-credentials. The verbatim part is "outcomes are public"; asking for the
    offering's public page in ``publication.url`` once it is approved or active is
    mcvalidate's way of checking it.

    Fails::

        title: Mass timber construction
        status: active

    Passes::

        title: Mass timber construction
        status: active
        publication:
          url: https://example.org/programs/mass-timber
    """
    if course.status not in PUBLISHED:
        return
    if course.publication is None or not course.publication.url:
        ctx.report(
            "/publication/url",
            f"This {course.status} micro-credential has no public web page.",
            fix="Add 'url:' under 'publication:' with the address of the offering's public page.",
        )


@rule(
    id="BCT022",
    name="approval-route",
    severity="warning",
    source=toolkit(
        GOVERNANCE,
        "policy and procedures on how micro-credentials are proposed, approved, administered "
        "and retired",
        "inferred",
    ),
)
def approval_route(course: Course, ctx: RuleContext) -> None:
    """A draft or proposed micro-credential names the body or process that will approve it.

    The Toolkit's governance chapter has institutions set out how micro-credentials are
    proposed and approved, with who does what. A proposal that names its approving body
    (``approved_by``) or the policy it goes through (``process``) can be routed; the
    Framework's approval requirement (bc-framework BCF009) applies once it is approved. That
    a proposal should name its route is mcvalidate's reading, hence a warning.

    Fails::

        title: Mass timber construction
        status: proposed

    Passes::

        title: Mass timber construction
        status: proposed
        quality_assurance:
          approved_by: Education Council
    """
    if course.status not in NOT_YET_APPROVED:
        return
    qa = course.quality_assurance
    if ctx.refused("/quality_assurance/process"):
        return  # a process was written, but refused: the schema reported it
    if qa is None or not (qa.approved_by or qa.process):
        ctx.report(
            "/quality_assurance/approved_by",
            f"The {course.status} micro-credential does not name the body or process that will "
            "approve it.",
            fix="Add 'approved_by:' (the approving body) or 'process:' (the policy) under "
            "'quality_assurance:'.",
        )
