"""Dates that must come in order: approval, last review, next review; none in the future."""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate_consistency.sources import own


@rule(
    id="CON003",
    name="review-dates",
    severity="warning",
    source=own("A review follows the approval it reviews", "con003"),
)
def review_dates(course: Course, ctx: RuleContext) -> None:
    """The quality assurance dates are in order: approval, then last review, then next review.

    A review cannot come before the approval it reviews, and the next review must come after
    both the approval and the last review. Each broken order is one finding: a
    ``last_reviewed`` before ``approved_on``, a ``next_review`` not after ``last_reviewed``, a
    ``next_review`` not after ``approved_on``. Usually one of the dates is a typo.

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
    id="CON004",
    name="approval-not-future",
    severity="warning",
    source=own("An approval date records an approval that has happened", "con004"),
)
def approval_not_future(course: Course, ctx: RuleContext) -> None:
    """The approval date is not in the future.

    ``quality_assurance.approved_on`` records an approval that has happened. A date after
    today is usually a typo (2052 for 2025); a planned approval belongs in a proposal with
    ``status: proposed`` and no ``approved_on``.

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
