"""The cost to the learner: a breakdown that adds up to the amount, an amount with its
currency."""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate_consistency.sources import own

# Half a cent: a breakdown written to the cent adds up to the amount once both are rounded.
CENT = 0.005


def money(value: float, currency: str | None) -> str:
    """An amount as a price is written: "1,150", "1,150.50", with its currency when known."""
    text = f"{value:,.2f}".removesuffix(".00")
    return f"{text} {currency}" if currency else text


@rule(
    id="CON009",
    name="cost-breakdown",
    severity="warning",
    source=own("A cost breakdown divides the amount", "con009"),
)
def cost_breakdown(course: Course, ctx: RuleContext) -> None:
    """The parts of the cost breakdown add up to the amount.

    ``cost.breakdown`` divides ``cost.amount``, the total cost to the learner, into its parts
    (tuition, fees, materials). When both are given, the parts must add up to the amount, to
    the cent; otherwise a learner or a funder cannot tell which figure is right.

    Fails::

        title: Mass timber construction
        cost:
          amount: 1150
          currency: CAD
          breakdown: {tuition: 900, fees: 50, materials: 100}

    Passes::

        title: Mass timber construction
        cost:
          amount: 1150
          currency: CAD
          breakdown: {tuition: 1000, fees: 50, materials: 100}
    """
    cost = course.cost
    if cost is None or cost.amount is None or not cost.breakdown:
        return
    # A part the schema refused is missing from the model: the sum would be wrong because of
    # a mistake that is already reported.
    if ctx.refused("/cost/breakdown", inside=True):
        return
    total = sum(cost.breakdown.values())
    if abs(total - cost.amount) < CENT:
        return
    ctx.report(
        "/cost/breakdown",
        f"The cost breakdown adds up to {money(total, cost.currency)}, not the amount of "
        f"{money(cost.amount, cost.currency)}.",
        fix="Correct the parts of 'breakdown' or 'amount' so that the parts add up to the "
        "amount (the total cost to the learner).",
    )


@rule(
    id="CON010",
    name="cost-currency",
    severity="warning",
    source=own("An amount of money has a currency", "con010"),
)
def cost_currency(course: Course, ctx: RuleContext) -> None:
    """A cost gives its currency.

    ``cost.amount`` is a number of some currency: 500 Canadian dollars and 500 euros are not
    the same price, and a funding limit (the Future Skills Grant's, in Canadian dollars)
    cannot be checked against an amount in no currency. A cost of 0 needs none.

    Fails::

        title: Cultural tourism guiding
        cost: {amount: 500}

    Passes::

        title: Cultural tourism guiding
        cost: {amount: 500, currency: CAD}
    """
    cost = course.cost
    if cost is None or not cost.amount or cost.currency is not None:
        return
    if ctx.refused("/cost/currency"):
        return
    ctx.report(
        "/cost/currency",
        f"The cost of {money(cost.amount, None)} gives no currency.",
        fix="Add 'currency' with the ISO 4217 code of the amount, e.g. 'currency: CAD'.",
    )
