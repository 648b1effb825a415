"""Rules from the Toolkit's Quality Assurance and Governance chapters: public information,
the approval route of a proposal.

The Framework's own clause (developed, approved and periodically reviewed) is checked by the
bc-framework pack; whether the recorded dates agree with each other is the consistency pack's
concern.
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import filled
from mcvalidate_bc.lifecycle import NOT_YET_APPROVED, PUBLISHED
from mcvalidate_bc.sources import GOVERNANCE, framework, toolkit


@rule(
    id="BCT018",
    name="public-information",
    severity="warning",
    source=framework(
        "Purpose: 'clarity and transparency for learners and employers'", "inferred", "F8"
    ),
    element="Purpose: clarity and transparency for learners and employers",
    reads=("/publication/url",),
)
def public_information(course: Course, ctx: RuleContext) -> None:
    """An approved or active micro-credential has a public web page.

    The Framework is meant "to help ensure clarity and transparency for learners and
    employers" (F8), and a summary of it says credit status "must be made clear in advance to
    anyone who enrolls" (F6). Asking for the offering's public page in ``publication.url``
    once it is approved or active is mcvalidate's reading of both, hence inferred. (The
    Toolkit's "its outcomes are public" concerns the quality assurance process, not a page
    of the offering.)

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
    element="Institutional Governance: proposal and approval",
    reads=("/quality_assurance/approved_by", "/quality_assurance/process"),
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


@rule(
    id="BCT023",
    name="retirement-planned",
    severity="info",
    source=toolkit(
        GOVERNANCE,
        "how micro-credentials are 'proposed, approved, administered, and retired'",
        "verbatim",
    ),
    element="Institutional Governance: retirement",
    reads=("/quality_assurance/retirement",),
)
def retirement_planned(course: Course, ctx: RuleContext) -> None:
    """An approved or active micro-credential says when and how it would be retired.

    The Toolkit's governance chapter has institutional policy cover how
    micro-credentials are "proposed, approved, administered, and retired". A short-duration
    offering answering a current need is the kind most likely to be retired; saying in
    ``quality_assurance.retirement`` on what grounds, and who decides, keeps learners and
    partners informed. Good practice, hence info.

    Fails::

        title: Mass timber construction
        status: active

    Passes::

        title: Mass timber construction
        status: active
        quality_assurance:
          retirement: Retired by Education Council when two intakes in a row do not run.
    """
    if course.status not in PUBLISHED or ctx.refused("/quality_assurance/retirement"):
        return
    qa = course.quality_assurance
    if qa is None or not filled(qa.retirement):
        ctx.report(
            "/quality_assurance/retirement",
            f"This {course.status} micro-credential does not say when or how it would be retired.",
            fix="Add 'retirement:' under 'quality_assurance:' with the grounds for retiring it "
            "and the body that decides.",
        )
