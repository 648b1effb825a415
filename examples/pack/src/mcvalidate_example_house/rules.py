"""The house rules of Example Coast College: what its curriculum policy adds to a course file.

Each rule is a function decorated with ``@rule``. It reads the validated course (``course``)
and the college's own fields (``ctx.fields_of(HouseFields)``, the validated model), and
reports a JSON pointer with a message and a fix in plain words; mcvalidate works out the line
and column. The docstring is the rule's page in ``mcvalidate explain``, and its ``Fails::``
and ``Passes::`` examples are run as tests.
"""

from __future__ import annotations

from typing import get_args

from mcvalidate.model import Course, Status
from mcvalidate.rules import Option, RuleContext, rule
from mcvalidate.text import number

from mcvalidate_example_house.fields import HouseFields
from mcvalidate_example_house.sources import policy

# The pointers of the college's own fields: any other refused x-ecc- key is a misspelt one.
_DECLARED = frozenset(f"/{info.alias}" for info in HouseFields.model_fields.values())


def _misspelt(pointer: str) -> bool:
    return pointer.startswith("/x-ecc-") and pointer not in _DECLARED


# The status values of the course format, in the order a course goes through them.
STATUSES: tuple[str, ...] = get_args(Status)


@rule(
    id="ECC001",
    name="banner-code",
    severity="warning",
    source=policy(
        "Section 4.2: 'Every course proposed to the Curriculum Committee carries its Banner "
        "course code.'",
        "s4-2",
    ),
    options={
        "required_from_status": Option(
            "proposed",
            kind="text",
            choices=STATUSES,
            help="the first status at which a course needs its Banner code; a course at an "
            "earlier status (a draft) needs none yet",
        )
    },
)
def banner_code(course: Course, ctx: RuleContext) -> None:
    """The course has its Banner code once it is proposed.

    The Registrar's office creates a course in Banner, the college's student system, when it
    is proposed to the Curriculum Committee, and the policy asks that the course carry that
    code from then on, so that the course file, the calendar and the timetable can be matched.
    Write it as ``x-ecc-banner-code`` (four capital letters, a hyphen and three digits:
    CARP-101; a code of another shape is refused by the schema, MC012). A draft needs no code
    yet; the option ``required_from_status`` moves that point. A file that gives no status is
    checked as if it needed the code, since nothing says it is a draft; one whose status the
    schema refused is left alone until the status is fixed.

    Fails::

        title: Carpentry foundations
        status: proposed

    Passes::

        title: Carpentry foundations
        status: proposed
        x-ecc-banner-code: CARP-101
    """
    fields = ctx.fields_of(HouseFields)
    if fields is None or fields.banner_code is not None:
        return
    required_from = ctx.options["required_from_status"]
    if course.status is None and ctx.refused("/status"):
        return  # a status was written but refused: its own finding comes first
    if course.status in STATUSES and (
        STATUSES.index(course.status) < STATUSES.index(required_from)
    ):
        return
    if ctx.present("/x-ecc-banner-code"):  # the key is there, with nothing after it
        ctx.report(
            "/x-ecc-banner-code",
            "The Banner code is left empty.",
            fix="Write the code the Registrar's office gave the course after the colon, "
            "like 'x-ecc-banner-code: CARP-101'.",
        )
        return
    when = f"is '{course.status}'" if course.status else "does not say it is a draft"
    ctx.report(
        "/x-ecc-banner-code",
        f"The course has no Banner code, which the college's policy asks for from the status "
        f"'{required_from}' on, and this course {when}.",
        fix="Add 'x-ecc-banner-code:' with the code the Registrar's office gave the course, "
        "like CARP-101. If the course is still a draft, say so with 'status: draft'.",
    )


@rule(
    id="ECC002",
    name="dean-approval-cost",
    severity="warning",
    source=policy(
        "Section 6.1: 'A course whose cost to the learner is above $3,000 requires the "
        "approval of the Dean.'",
        "s6-1",
    ),
    options={
        "max_cost": Option(
            3000,
            kind="number",
            minimum=0,
            help="the highest cost to the learner (cost.amount, in the course's own currency) "
            "that needs no Dean's approval",
        )
    },
)
def dean_approval_cost(course: Course, ctx: RuleContext) -> None:
    """A course that costs learners more than the limit records the Dean's approval.

    The policy asks the Dean to approve any course whose total cost to the learner is above
    $3,000, so that an expensive offering is a decision, not an accident. Once the Dean has
    approved it, record it with ``x-ecc-dean-approval: true``. The limit is the option
    ``max_cost``, compared with ``cost.amount`` in whatever currency the course gives; a cost
    of exactly the limit needs no approval. When the file does not mention the approval at
    all, the finding is shown at the cost, which is what makes it necessary; when it says
    ``false`` (or leaves it empty), it is shown at that value.

    Fails::

        title: Mass timber construction
        cost:
          amount: 4500
          currency: CAD

    Passes::

        title: Mass timber construction
        cost:
          amount: 4500
          currency: CAD
        x-ecc-dean-approval: true
    """
    amount = course.cost.amount if course.cost is not None else None
    limit = ctx.options["max_cost"]
    if amount is None or amount <= limit:
        return
    if ctx.refused("/x-ecc-dean-approval") or any(_misspelt(p) for p in ctx.refused_pointers):
        return  # the approval is written, but wrongly: that finding comes first
    fields = ctx.fields_of(HouseFields)
    if fields is None or fields.dean_approval is True:
        return
    currency = course.cost.currency if course.cost is not None else None
    cost = f"{number(amount)} {currency}" if currency else number(amount)
    needs = f"costs learners {cost}, more than {number(limit)}, so it needs the Dean's approval"
    if ctx.present("/x-ecc-dean-approval"):
        # Written as false or left empty. A value the schema refused ("yes" in quotes) is
        # already a finding of its own, and mcvalidate drops this one at the same place.
        ctx.report(
            "/x-ecc-dean-approval",
            f"This course {needs}, but the file does not record it as given.",
            fix="Once the Dean has approved the cost, change this to "
            "'x-ecc-dean-approval: true'; or bring the cost down to "
            f"{number(limit)} or less.",
        )
    else:
        ctx.report(
            "/cost/amount",
            f"This course {needs}, and the file does not say that it has it.",
            fix="Once the Dean has approved the cost, add 'x-ecc-dean-approval: true' to the "
            f"file; or bring the cost down to {number(limit)} or less.",
        )
