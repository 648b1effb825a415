"""Rules on the size and level of a micro-credential: rule 6.1(b) of the Listing Rules.

Rule 6.1(b) lists "the credit value and level" of every micro-credential on the NZQCF, and
rule 3 defines both: a credit value counts credits, "each credit representing ten notional
learning hours", and a level is "any of levels 1 to 10". NZQA's page (N1) gives the size of
a micro-credential it quality assures: "1 to 40 credits". The 5-credit floor of the 2018
system is gone, and nothing is reported below 5.
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import Option, RuleContext, rule
from mcvalidate.text import number
from mcvalidate_nzqa.sources import NZQA_PAGE, document, listing_rule

CREDIT = "Rule 6.1(b) credit value"
LEVEL = "Rule 6.1(b) level"
MIN_CREDITS, MAX_CREDITS = 1, 40
HOURS_PER_CREDIT = 10


def nzqcf_credits(course: Course) -> float | None:
    """The credit value when it is counted in NZQCF credits, else None."""
    credit = course.credit
    if credit is None or credit.system != "nzqcf":
        return None
    return credit.value


@rule(
    id="NZQ001",
    name="nzqa-credit-value-stated",
    severity="error",
    source=listing_rule("Rule 6.1(b): 'the credit value and level'"),
    element=CREDIT,
    reads=("/credit/value", "/credit/system"),
)
def credit_value_stated(course: Course, ctx: RuleContext) -> None:
    """The credit value is given, in NZQCF credits.

    Rule 6.1(b) lists the credit value of every micro-credential on the New Zealand
    Qualifications and Credentials Framework, and rule 3 defines it as a number of credits
    of ten notional learning hours each: write it as ``credit.value`` with ``credit.system:
    nzqcf``. A value counted in another system (an institution's points, ECTS) is not an
    NZQCF credit value, even when the numbers happen to agree.

    Fails::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        credit:
          value: 10
          system: institutional

    Passes::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        credit:
          value: 10
          system: nzqcf
    """
    if any(ctx.refused(f"/credit/{key}") for key in ("value", "system", "status")):
        return  # the schema reported what was written there
    credit = course.credit
    if credit is None or credit.value is None:
        said = (
            "The micro-credential is declared non-credit, but"
            if credit is not None and credit.status == "non_credit"
            else "No credit value is given;"
        )
        ctx.report(
            "/credit/value",
            f"{said} rule 6.1(b) of NZQA's Listing Rules lists the credit value of every "
            "micro-credential on the NZQCF.",
            fix="Add 'value:' (its NZQCF credits, 1 to 40) and 'system: nzqcf' under 'credit:'.",
        )
    elif credit.system is None:
        ctx.report(
            "/credit/system",
            "The credit value does not say which credits it counts; rule 6.1(b) lists it in "
            "NZQCF credits (rule 3: one credit is ten notional learning hours).",
            fix="Add 'system: nzqcf' under 'credit:'.",
        )
    elif credit.system != "nzqcf":
        ctx.report(
            "/credit/system",
            f"The credit value is counted in '{credit.system}' credits, not NZQCF credits; rule "
            "6.1(b) lists the NZQCF credit value (rule 3: one credit is ten notional learning "
            "hours).",
            fix="Give the value in NZQCF credits with 'system: nzqcf' (the hours divided by ten).",
        )


@rule(
    id="NZQ002",
    name="nzqa-credit-range",
    severity="error",
    source=document(NZQA_PAGE, "Micro-credentials are '1 to 40 credits in size'", "verbatim", "N1"),
    element=CREDIT,
    reads=("/credit/value",),
)
def credit_range(course: Course, ctx: RuleContext) -> None:
    """The NZQCF credit value is between 1 and 40.

    NZQA's page says the micro-credentials it quality assures are "1 to 40 credits in size".
    The 2018 system asked for at least 5 credits; that floor is no longer NZQA's, so a small
    micro-credential of 1 to 4 credits passes. Only a value in NZQCF credits is checked
    (NZQ001 asks for one).

    Fails::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        credit: {value: 60, system: nzqcf}

    Passes::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        credit: {value: 2, system: nzqcf}
    """
    credits = nzqcf_credits(course)
    if credits is None or MIN_CREDITS <= credits <= MAX_CREDITS:
        return
    ctx.report(
        "/credit/value",
        f"The credit value is {number(credits)} NZQCF credits; NZQA quality assures "
        f"micro-credentials of {MIN_CREDITS} to {MAX_CREDITS} credits.",
        fix="Bring the micro-credential to 40 credits or fewer (a larger offering is a "
        "qualification or a programme, not a micro-credential)"
        if credits > MAX_CREDITS
        else "Give it at least one credit (ten notional learning hours).",
    )


@rule(
    id="NZQ003",
    name="nzqa-credits-match-hours",
    severity="warning",
    source=listing_rule("Rule 3: 'each credit representing ten notional learning hours'", ref="N2"),
    element=CREDIT,
    reads=("/credit/value", "/workload/hours"),
    options={
        "tolerance": Option(
            10,
            kind="number",
            minimum=0,
            maximum=100,
            help="how far, in percent, the hours may be from ten per credit",
        )
    },
)
def credits_match_hours(course: Course, ctx: RuleContext) -> None:
    """The learning hours agree with the NZQCF credits: ten hours a credit.

    Rule 3 of the Listing Rules defines the credit value as a number of credits "each
    credit representing ten notional learning hours". A 10-credit micro-credential is 100
    hours of the learner's effort, assessment included; ``workload.hours`` far from that
    means one of the two numbers is wrong. The definition is NZQA's; how far is too far is
    mcvalidate's choice (the option ``tolerance``, 10 percent by default), hence a warning.

    Fails::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        credit: {value: 10, system: nzqcf}
        workload: {hours: 40}

    Passes::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        credit: {value: 10, system: nzqcf}
        workload: {hours: 100}
    """
    credits = nzqcf_credits(course)
    hours = course.workload.hours if course.workload else None
    if credits is None or hours is None or credits <= 0:
        return
    expected = credits * HOURS_PER_CREDIT
    if abs(hours - expected) <= expected * ctx.options["tolerance"] / 100:
        return
    ctx.report(
        "/workload/hours",
        f"{number(credits)} NZQCF credits are {number(expected)} notional learning hours (rule "
        f"3 of NZQA's Listing Rules: ten hours a credit), but the file gives "
        f"{number(hours)} hours.",
        fix="Correct the hours (all the learner's effort, assessment included) or the credit "
        "value, so that the hours are about ten times the credits.",
    )


def nzqcf_levels(course: Course) -> list[tuple[str, int | None]]:
    """Every NZQCF level the file gives: ``level`` itself or an entry of its equivalents,
    each with its pointer."""
    level = course.level
    if level is None:
        return []
    found: list[tuple[str, int | None]] = []
    if level.framework == "nzqcf":
        found.append(("/level/value", level.value))
    for index, other in enumerate(level.equivalents or ()):
        if other.framework == "nzqcf":
            found.append((f"/level/equivalents/{index}/value", other.value))
    return found


@rule(
    id="NZQ004",
    name="nzqa-level-stated",
    severity="error",
    source=listing_rule("Rule 6.1(b): 'the credit value and level'"),
    element=LEVEL,
    reads=("/level/framework", "/level/value", "/level/equivalents"),
)
def level_stated(course: Course, ctx: RuleContext) -> None:
    """The NZQCF level is given.

    Rule 6.1(b) lists the level of every micro-credential on the NZQCF. Give it as
    ``level: {framework: nzqcf, value: N}``, or, when the file's main level is in another
    framework (an EQF level for European learners), as an ``nzqcf`` entry of
    ``level.equivalents``.

    Fails::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        level: {framework: eqf, value: 4}

    Passes::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        level:
          framework: eqf
          value: 4
          equivalents:
            - {framework: nzqcf, value: 5}
    """
    if ctx.refused("/level"):
        return  # the schema reported what was written there
    found = nzqcf_levels(course)
    if not found:
        ctx.report(
            "/level",
            "No NZQCF level is given; rule 6.1(b) of NZQA's Listing Rules lists the level of "
            "every micro-credential on the NZQCF.",
            fix="Add 'level: {framework: nzqcf, value: N}' (N from 1 to 10), or an nzqcf entry "
            "under 'level.equivalents'.",
        )
        return
    for pointer, value in found:
        if value is None:
            ctx.report(
                pointer,
                "The NZQCF is named, but no level in it is given; rule 6.1(b) of NZQA's "
                "Listing Rules lists the level.",
                fix="Add 'value:' with the NZQCF level, from 1 to 10.",
            )


@rule(
    id="NZQ005",
    name="nzqa-level-range",
    severity="error",
    source=listing_rule("Rule 3: 'level means any of levels 1 to 10'", ref="N2"),
    element=LEVEL,
    reads=("/level/value", "/level/equivalents"),
)
def level_range(course: Course, ctx: RuleContext) -> None:
    """The NZQCF level is one of levels 1 to 10.

    Rule 3 of the Listing Rules defines a level as "any of levels 1 to 10" of the NZQCF
    structure; a micro-credential may be listed at any of them.

    Fails::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        level: {framework: nzqcf, value: 11}

    Passes::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        level: {framework: nzqcf, value: 5}
    """
    for pointer, value in nzqcf_levels(course):
        if value is not None and not 1 <= value <= 10:
            ctx.report(
                pointer,
                f"NZQCF level {value} does not exist; rule 3 of NZQA's Listing Rules defines the "
                "levels as 1 to 10.",
                fix="Give the NZQCF level, from 1 to 10.",
            )
