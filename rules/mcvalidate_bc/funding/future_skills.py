"""The StrongerBC Future Skills Grant profile (source F15 of docs/sources-bc.md).

The grant pays "up to $3,500" per learner for short-term skills training "at public
post-secondary institutions"; those are the program's own words (the Ministry's release, and
the rules as a participating institution publishes them). That courses must be "less than 12
weeks" long is known only from secondary sources, hence a warning.
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, Source, rule
from mcvalidate.text import closest, number

GRANT = "StrongerBC Future Skills Grant"
PROGRAM = "strongerbc_future_skills_grant"
RELEASE = "https://archive.news.gov.bc.ca/releases/news_releases_2020-2024/2024PSFS0033-001185.htm"
LEARNER_RULES = "https://services.viu.ca/financial-aid-awards/strongerbc-future-skills-grant"
MOST = 3500


def _applies(course: Course) -> bool:
    return course.funding is not None and PROGRAM in (course.funding.programs or ())


@rule(
    id="BCG001",
    name="funding-program-known",
    severity="warning",
    source=Source(
        "mcvalidate funding profiles",
        "Known programs",
        "docs/rules.md#bcg001",
        "inferred",
        "mcvalidate",
    ),
    element="Funding program named",
    reads=("/funding/programs",),
)
def funding_program_known(course: Course, ctx: RuleContext) -> None:
    """Each name under ``funding.programs`` is a program mcvalidate has a profile for.

    A program's profile (a funding pack, such as this one or ``ontario-osap``) is switched on
    by its name; a name no pack of the run knows switches nothing on, which a misspelling
    would do silently. Known to mcvalidate's own packs: ``strongerbc_future_skills_grant``
    and ``osap``. A program with no profile can still be listed: the warning then only says
    that nothing checks its conditions.

    Fails::

        title: Mass timber construction
        funding:
          programs: [strongerbc_future_skill_grant]

    Passes::

        title: Mass timber construction
        funding:
          programs: [strongerbc_future_skills_grant]
    """
    known = sorted(ctx.programs)
    for index, name in enumerate(course.funding.programs or () if course.funding else ()):
        if name in ctx.programs:
            continue
        close = closest(name, known)
        ctx.report(
            f"/funding/programs/{index}",
            f"'{name}' is not a funding program the packs of this run have a profile for, so "
            "no conditions of it are checked.",
            fix=f"Did you mean '{close[0]}'?"
            if close
            else f"Known programs: {', '.join(known)}. Nothing to fix if this one has none here.",
        )


@rule(
    id="BCG002",
    name="future-skills-public-institution",
    severity="error",
    source=Source(
        GRANT, "Training 'at public post-secondary institutions'", LEARNER_RULES, "verbatim", "F15"
    ),
    element="Future Skills Grant: at a public post-secondary institution",
    reads=("/issuer/type",),
)
def future_skills_public_institution(course: Course, ctx: RuleContext) -> None:
    """An offering funded by the Future Skills Grant is given by a public post-secondary
    institution.

    The grant covers training "at public post-secondary institutions" (F15). The rule applies
    when ``funding.programs`` lists ``strongerbc_future_skills_grant`` and the issuer's type is
    given; a type other than ``public_institution`` cannot receive it.

    Fails::

        title: Mass timber construction
        issuer: {type: private_institution}
        funding:
          programs: [strongerbc_future_skills_grant]

    Passes::

        title: Mass timber construction
        issuer: {type: public_institution}
        funding:
          programs: [strongerbc_future_skills_grant]
    """
    issuer = course.issuer
    if not _applies(course) or issuer is None or issuer.type in (None, "public_institution"):
        return
    ctx.report(
        "/issuer/type",
        f"The {GRANT} funds training at public post-secondary institutions, but the issuer's "
        f"type is '{issuer.type}'.",
        fix="Remove the program from 'funding.programs', or correct 'issuer.type'.",
    )


@rule(
    id="BCG003",
    name="future-skills-cost",
    severity="warning",
    source=Source(GRANT, "'up to $3,500' per learner", LEARNER_RULES, "verbatim", "F15"),
    element="Future Skills Grant: up to $3,500 per learner",
    reads=("/cost/amount", "/cost/currency"),
)
def future_skills_cost(course: Course, ctx: RuleContext) -> None:
    """The cost to the learner is within what the Future Skills Grant covers: at most 3,500
    Canadian dollars.

    The grant pays "up to $3,500" per learner (F15). An offering that costs more is not
    refused by that sentence, but a learner relying on the grant pays the rest: a warning, so
    that the offering's page says so. The amount is compared only when the currency is CAD.

    Fails::

        title: Mass timber construction
        cost: {amount: 4200, currency: CAD}
        funding:
          programs: [strongerbc_future_skills_grant]

    Passes::

        title: Mass timber construction
        cost: {amount: 3500, currency: CAD}
        funding:
          programs: [strongerbc_future_skills_grant]
    """
    cost = course.cost
    if not _applies(course) or cost is None or cost.amount is None or cost.currency != "CAD":
        return
    if cost.amount > MOST:
        ctx.report(
            "/cost/amount",
            f"The cost, {number(cost.amount)} CAD, is more than the {number(MOST)} CAD the "
            f"{GRANT} pays per learner: a learner relying on it pays the rest.",
            fix="Say on the offering's page what the grant leaves to the learner, or check the "
            "amount.",
        )


@rule(
    id="BCG004",
    name="future-skills-length",
    severity="warning",
    source=Source(GRANT, "Courses 'less than 12 weeks'", RELEASE, "secondary", "F15"),
    element="Future Skills Grant: less than 12 weeks",
    reads=("/workload/weeks",),
)
def future_skills_length(course: Course, ctx: RuleContext) -> None:
    """An offering funded by the Future Skills Grant lasts less than 12 weeks.

    Summaries of the program say eligible courses are "less than 12 weeks" long (F15, a
    secondary source), hence a warning. Compared with ``workload.weeks`` when it is given.

    Fails::

        title: Mass timber construction
        workload: {hours: 60, weeks: 14}
        funding:
          programs: [strongerbc_future_skills_grant]

    Passes::

        title: Mass timber construction
        workload: {hours: 60, weeks: 8}
        funding:
          programs: [strongerbc_future_skills_grant]
    """
    workload = course.workload
    if not _applies(course) or workload is None or workload.weeks is None:
        return
    if workload.weeks >= 12:
        ctx.report(
            "/workload/weeks",
            f"The offering lasts {number(workload.weeks)} weeks; the {GRANT} is described as "
            "funding courses of less than 12 weeks.",
            fix="Check the length, or whether the program's current rules allow it.",
        )
