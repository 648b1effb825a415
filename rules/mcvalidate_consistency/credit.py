"""Credit that must agree with itself: a non-credit course carries none, and a pathway cannot
grant more credit than the course carries."""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import number
from mcvalidate_consistency.sources import own


def credits(value: float) -> str:
    """``value`` with its unit: "1 credit", "4.5 credits"."""
    return f"{number(value)} credit" + ("" if value == 1 else "s")


@rule(
    id="CON005",
    name="non-credit-value",
    severity="warning",
    source=own("A non-credit micro-credential carries no credits", "con005"),
)
def non_credit_value(course: Course, ctx: RuleContext) -> None:
    """A micro-credential declared non-credit gives no credit value.

    ``credit.status: non_credit`` says that the micro-credential carries no academic credit;
    a ``credit.value`` above 0 says that it does. One of the two is wrong, and which one
    matters: a learner, a funder or a registrar reading the file cannot tell whether the
    credits exist. (Credit granted by another program for a non-credit micro-credential is a
    pathway: ``pathways.ladders_into``.)

    Fails::

        title: Wildfire fuel management crew
        credit: {status: non_credit, value: 3}

    Passes::

        title: Wildfire fuel management crew
        credit: {status: non_credit}
    """
    credit = course.credit
    if credit is None or credit.status != "non_credit" or not credit.value:
        return
    ctx.report(
        "/credit/value",
        f"The micro-credential is declared non-credit ('status: non_credit') but carries "
        f"{credits(credit.value)} ('value: {number(credit.value)}').",
        fix="Set 'status: credit' if it carries credit; otherwise remove 'value' (credit "
        "another program grants for it belongs under 'pathways.ladders_into').",
    )


@rule(
    id="CON006",
    name="ladder-credit",
    severity="warning",
    source=own("A pathway grants at most the credit the course carries", "con006"),
)
def ladder_credit(course: Course, ctx: RuleContext) -> None:
    """A pathway grants no more credit than the micro-credential itself carries.

    Each entry of ``pathways.ladders_into`` gives the ``credit_value`` the micro-credential
    counts for in a larger program. When the micro-credential's own ``credit.value`` is given
    too, a pathway worth more than it (30 credits from a 3-credit course) is almost always a
    typo in one of the two numbers. Nothing is checked when either value is missing (a
    non-credit micro-credential may well ladder into credit).

    Fails::

        title: Cybersecurity fundamentals
        credit: {status: credit, value: 3}
        pathways:
          ladders_into:
            - {credential: Certificate in IT Support, credit_value: 30}

    Passes::

        title: Cybersecurity fundamentals
        credit: {status: credit, value: 3}
        pathways:
          ladders_into:
            - {credential: Certificate in IT Support, credit_value: 3}
    """
    own_value = course.credit.value if course.credit else None
    ladders = course.pathways.ladders_into if course.pathways else None
    if own_value is None or not ladders:
        return
    for index, ladder in enumerate(ladders):
        granted = ladder.credit_value
        if granted is None or granted <= own_value:
            continue
        into = f" toward {ladder.credential}" if ladder.credential else ""
        ctx.report(
            f"/pathways/ladders_into/{index}/credit_value",
            f"The pathway grants {credits(granted)}{into}, more than the "
            f"{credits(own_value)} the micro-credential carries ('credit.value').",
            fix="Check this 'credit_value' and 'credit.value'; one of them is probably a typo.",
        )
