"""Rules on the review period: rule 6.1(g) of the Listing Rules and NZQA's page.

Rule 6.1(g) lists "the period for ongoing review (usually 1-3 years)", and rule 14.4(c) lets
NZQA "assign different review periods" when it lists a micro-credential. NZQA's page (N1)
says a developer can "propose a 1, 2, or 3-year review period", and that "All
micro-credentials approved before 2023 have a 1-year review period".
"""

from __future__ import annotations

import datetime
import re

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import filled
from mcvalidate_nzqa.sources import NZQA_PAGE, document, listing_rule

REVIEW = "Rule 6.1(g) review period"
PERIODS = (12, 24, 36)
NEW_RULES = datetime.date(2023, 1, 1)
# The bodies that approve a micro-credential for the NZQCF: NZQA, and Universities New
# Zealand (through CUAP) for the universities'.
QUALITY_ASSURERS = re.compile(
    r"\bNZQA\b|New Zealand Qualifications Authority|Mana Tohu M[aā]tauranga|"
    r"Universities New Zealand|Te P[oō]kai Tara|\bUNZ\b|\bCUAP\b|"
    r"Committee on University Academic Programmes",
    re.IGNORECASE,
)


def is_quality_assurer(body: str | None) -> bool:
    """True when ``body`` names NZQA or Universities New Zealand (CUAP)."""
    return filled(body) and QUALITY_ASSURERS.search(body) is not None


@rule(
    id="NZQ013",
    name="nzqa-review-period-stated",
    severity="error",
    source=listing_rule("Rule 6.1(g): 'the period for ongoing review (usually 1-3 years)'"),
    element=REVIEW,
    reads=("/quality_assurance/review_cycle_months",),
)
def review_period_stated(course: Course, ctx: RuleContext) -> None:
    """The review period is given.

    Rule 6.1(g) lists "the period for ongoing review (usually 1-3 years)" of every
    micro-credential on the NZQCF. Give it in months as
    ``quality_assurance.review_cycle_months``: 12, 24 or 36.

    Fails::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        quality_assurance:
          approved_by: NZQA

    Passes::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        quality_assurance:
          review_cycle_months: 24
    """
    qa = course.quality_assurance
    if qa is not None and qa.review_cycle_months is not None:
        return
    if ctx.refused("/quality_assurance/review_cycle_months") or ctx.refused("/quality_assurance"):
        return
    ctx.report(
        "/quality_assurance/review_cycle_months",
        "No review period is given; rule 6.1(g) of NZQA's Listing Rules lists the period for "
        "ongoing review (usually 1 to 3 years).",
        fix="Add 'review_cycle_months:' (12, 24 or 36) under 'quality_assurance:'.",
    )


@rule(
    id="NZQ014",
    name="nzqa-review-period-length",
    severity="warning",
    source=document(NZQA_PAGE, "'a 1, 2, or 3-year review period'", "verbatim", "N1"),
    element=REVIEW,
    reads=("/quality_assurance/review_cycle_months",),
)
def review_period_length(course: Course, ctx: RuleContext) -> None:
    """The review period is 1, 2 or 3 years.

    NZQA's page: "You can propose a 1, 2, or 3-year review period when you list a
    micro-credential", and rule 6.1(g) says "usually 1-3 years". NZQA may assign another
    period when it lists one (rule 14.4(c)), so a period of other than 12, 24 or 36 months
    is a warning: check that NZQA assigned it.

    Fails::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        quality_assurance: {review_cycle_months: 60}

    Passes::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        quality_assurance: {review_cycle_months: 36}
    """
    qa = course.quality_assurance
    months = qa.review_cycle_months if qa else None
    if months is None or months in PERIODS:
        return
    ctx.report(
        "/quality_assurance/review_cycle_months",
        f"The review period is {months} months; NZQA's page has developers propose a 1, 2 or "
        "3-year review period (rule 6.1(g): usually 1 to 3 years).",
        fix="Give 12, 24 or 36 months, unless NZQA assigned this period when it listed the "
        "micro-credential.",
    )


def nzqa_approval(course: Course) -> tuple[datetime.date, str] | None:
    """The date of the micro-credential's approval and the field it comes from: an external
    approval by NZQA or Universities New Zealand, else ``quality_assurance.approved_on``."""
    qa = course.quality_assurance
    if qa is None:
        return None
    for index, approval in enumerate(qa.external_approvals or ()):
        if approval.date is not None and is_quality_assurer(approval.body):
            return approval.date, f"quality_assurance.external_approvals[{index}]"
    if qa.approved_on is not None:
        return qa.approved_on, "quality_assurance.approved_on"
    return None


@rule(
    id="NZQ015",
    name="nzqa-review-period-before-2023",
    severity="warning",
    source=document(
        NZQA_PAGE,
        "'All micro-credentials approved before 2023 have a 1-year review period'",
        "verbatim",
        "N1",
    ),
    element=REVIEW,
    reads=(
        "/quality_assurance/review_cycle_months",
        "/quality_assurance/approved_on",
        "/quality_assurance/external_approvals",
    ),
)
def review_period_before_2023(course: Course, ctx: RuleContext) -> None:
    """A micro-credential approved before 2023 has a 1-year review period.

    NZQA's page: "All micro-credentials approved before 2023 have a 1-year review period."
    The approval date is read from an approval by NZQA (or Universities New Zealand) under
    ``quality_assurance.external_approvals``, else from ``quality_assurance.approved_on``.
    That date may be the institution's own approval, not NZQA's, and NZQA may have assigned
    another period since, hence a warning.

    Fails::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        quality_assurance:
          review_cycle_months: 36
          external_approvals:
            - {body: NZQA, date: 2021-08-02}

    Passes::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        quality_assurance:
          review_cycle_months: 12
          external_approvals:
            - {body: NZQA, date: 2021-08-02}
    """
    qa = course.quality_assurance
    months = qa.review_cycle_months if qa else None
    approval = nzqa_approval(course)
    if months is None or months == 12 or approval is None:
        return
    day, field = approval
    if day >= NEW_RULES:
        return
    ctx.report(
        "/quality_assurance/review_cycle_months",
        f"The micro-credential was approved on {day} ({field}), before 2023, and NZQA's page "
        f"gives every micro-credential approved before 2023 a 1-year review period, not "
        f"{months} months.",
        fix="Write 'review_cycle_months: 12', unless NZQA has since assigned another period "
        "(or the date is the institution's approval and NZQA's came in 2023 or later: add it "
        "under 'external_approvals').",
    )
