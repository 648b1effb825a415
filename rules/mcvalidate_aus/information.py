"""Rules from the Framework's Critical Information Requirements: what a learner is told
before enrolling.

The Framework's section 4 lists critical information, each item "required" or "recommended";
that table itself was not found. What is known: credit is "a very important component of the
required information" (a summary, A3); clause 5.5.1 on industry recognition, quoted word for
word (A4); and the fields MicroCred Seeker, the national marketplace, shows for every
microcredential (A5: volume of learning, delivery mode, duration, credit). Cost and
prerequisites are mcvalidate's reading of what such a list holds. Every rule here is a
warning or an info, and says how strong its ground is.
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import filled
from mcvalidate_aus.sources import framework

CIR = "Critical information requirements"
RECOGNISING = ("recognition", "endorsement")


@rule(
    id="AUS007",
    name="nmf-credit-information",
    severity="warning",
    source=framework(f"{CIR}: credit, 'required information'", "secondary", "A3"),
    element=f"{CIR}: credit",
    reads=("/credit/status", "/credit/value", "/pathways/ladders_into", "/pathways/transfer"),
)
def credit_information(course: Course, ctx: RuleContext) -> None:
    """The file says whether the microcredential carries credit, and how much.

    Summaries of the Framework call the credit available "a very important component of the
    required information" among its Critical Information Requirements, which were not read
    themselves, hence a warning. Say ``credit.status`` (credit or non_credit) and, for
    credit, its ``value``; credit granted elsewhere (``pathways.ladders_into`` or
    ``transfer``) counts as credit information too.

    Fails::

        title: Reading a balance sheet
        issuer: {country: AU}

    Passes::

        title: Reading a balance sheet
        issuer: {country: AU}
        credit: {status: non_credit}
    """
    credit = course.credit
    if ctx.refused("/credit"):
        return
    pathways = course.pathways
    elsewhere = pathways is not None and bool(pathways.ladders_into or pathways.transfer)
    if credit is None or credit.status is None:
        if elsewhere or (credit is not None and credit.value is not None):
            return
        ctx.report(
            "/credit/status",
            "The file does not say whether the microcredential carries credit; credit is "
            "required information under the National Microcredentials Framework's Critical "
            "Information Requirements.",
            fix="Add 'status: credit' (with its 'value:' and 'system:') or 'status: non_credit' "
            "under 'credit:'.",
        )
    elif credit.status == "credit" and credit.value is None and not elsewhere:
        ctx.report(
            "/credit/value",
            "The microcredential carries credit but does not say how much; credit is required "
            "information under the National Microcredentials Framework's Critical Information "
            "Requirements.",
            fix="Add 'value:' (and 'system:') under 'credit:', or the award it gives credit in "
            "under 'pathways.ladders_into'.",
        )


@rule(
    id="AUS008",
    name="nmf-delivery-mode",
    severity="warning",
    source=framework(f"{CIR}: delivery mode (MicroCred Seeker's field)", "secondary", "A5"),
    element=f"{CIR}: delivery mode",
    reads=("/delivery/modes",),
)
def delivery_mode(course: Course, ctx: RuleContext) -> None:
    """The delivery mode is stated.

    MicroCred Seeker, the marketplace the Framework's minimum standards were written for,
    shows each microcredential's "Delivery Mode": onsite, online or both, synchronous or not.
    That the Framework's Critical Information Requirements list it is known only from such
    secondary sources, hence a warning.

    Fails::

        title: Reading a balance sheet
        issuer: {country: AU}
        delivery: {pacing: self_paced}

    Passes::

        title: Reading a balance sheet
        issuer: {country: AU}
        delivery: {modes: [online_async], pacing: self_paced}
    """
    delivery = course.delivery
    if (delivery is not None and delivery.modes) or ctx.refused("/delivery/modes"):
        return
    if ctx.refused("/delivery"):
        return
    ctx.report(
        "/delivery/modes",
        "The delivery mode is not stated; learners comparing microcredentials under the "
        "National Microcredentials Framework are told whether one is online, onsite or both.",
        fix="Add 'modes:' under 'delivery:' (online_async, online_sync, in_person, hybrid or "
        "work_integrated).",
    )


@rule(
    id="AUS009",
    name="nmf-volume-stated",
    severity="warning",
    source=framework(f"{CIR}: volume of learning and duration", "secondary", "A5"),
    element=f"{CIR}: volume of learning and duration",
    reads=("/workload/hours", "/workload/weeks"),
)
def volume_stated(course: Course, ctx: RuleContext) -> None:
    """The volume of learning is stated in hours.

    The Framework's definition measures a microcredential by its "volume of learning" (at
    least one hour: AUS001), and MicroCred Seeker shows it for each one ("the effort or
    time-commitment required"). Weeks alone do not show it: eight weeks may be ten hours or
    a hundred. That the Critical Information Requirements list it is known from secondary
    sources, hence a warning.

    Fails::

        title: Reading a balance sheet
        issuer: {country: AU}
        workload: {weeks: 4}

    Passes::

        title: Reading a balance sheet
        issuer: {country: AU}
        workload: {hours: 20, weeks: 4}
    """
    workload = course.workload
    if (workload is not None and workload.hours is not None) or ctx.refused("/workload/hours"):
        return
    if ctx.refused("/workload"):
        return
    weeks = " (weeks alone do not show the effort)" if workload and workload.weeks else ""
    ctx.report(
        "/workload/hours",
        f"The volume of learning is not given in hours{weeks}; the National Microcredentials "
        "Framework measures a microcredential by it, and learners are shown it.",
        fix="Add 'hours:' under 'workload:': all the learner's effort, assessment included.",
    )


@rule(
    id="AUS010",
    name="nmf-cost-stated",
    severity="warning",
    source=framework(f"{CIR} (table not read): cost", "inferred", "A3"),
    element=f"{CIR}: cost",
    reads=("/cost/amount",),
)
def cost_stated(course: Course, ctx: RuleContext) -> None:
    """The cost to the learner is stated.

    The Framework's Critical Information Requirements were not read; that they list the cost
    is mcvalidate's reading of information a learner needs to compare offerings (MicroCred
    Seeker shows a price for each), hence a warning. Write ``cost.amount: 0`` for a free
    offering.

    Fails::

        title: Reading a balance sheet
        issuer: {country: AU}

    Passes::

        title: Reading a balance sheet
        issuer: {country: AU}
        cost: {amount: 250, currency: AUD}
    """
    cost = course.cost
    if (cost is not None and cost.amount is not None) or ctx.refused("/cost/amount"):
        return
    if ctx.refused("/cost"):
        return
    ctx.report(
        "/cost/amount",
        "The cost to the learner is not stated; a learner comparing microcredentials under the "
        "National Microcredentials Framework needs it.",
        fix="Add 'amount:' and 'currency: AUD' under 'cost:' (0 for a free offering).",
    )


@rule(
    id="AUS011",
    name="nmf-prerequisites-stated",
    severity="warning",
    source=framework(f"{CIR} (table not read): prerequisites", "inferred", "A3"),
    element=f"{CIR}: prerequisites",
    reads=("/prerequisites",),
)
def prerequisites_stated(course: Course, ctx: RuleContext) -> None:
    """The file says what the entry requirements are, or that there are none.

    That the Framework's Critical Information Requirements list prerequisites (or inherent
    requirements) is mcvalidate's reading, since the table was not read, hence a warning.
    An empty list (``prerequisites: []``) says there are none.

    Fails::

        title: Reading a balance sheet
        issuer: {country: AU}

    Passes::

        title: Reading a balance sheet
        issuer: {country: AU}
        prerequisites: []
    """
    if course.prerequisites is not None or ctx.refused("/prerequisites"):
        return
    ctx.report(
        "/prerequisites",
        "The file does not say what the entry requirements are; a learner choosing a "
        "microcredential under the National Microcredentials Framework needs to know.",
        fix="List them under 'prerequisites:', or write 'prerequisites: []' if there are none.",
    )


@rule(
    id="AUS012",
    name="nmf-industry-recognition",
    severity="info",
    source=framework(
        "5.5.1: 'Where applicable, ... will stipulate industry-recognition'", "verbatim", "A4"
    ),
    element="5.5.1 Industry recognition",
    reads=("/partners", "/standards", "/recognition/badge/alignment"),
)
def industry_recognition(course: Course, ctx: RuleContext) -> None:
    """The file says what industry recognition the microcredential has, if any.

    Clause 5.5.1: "Where applicable, microcredentials will stipulate industry-recognition":
    recognition by a professional body, alignment with an industry standard or a
    professional development requirement, or recognition toward an industry or vendor
    certification. "Where applicable": many microcredentials
    have none, hence an info. A partner with the role ``recognition`` or ``endorsement``, a
    ``standards`` entry, or an alignment of the badge shows it.

    Fails::

        title: Reading a balance sheet
        issuer: {country: AU}

    Passes::

        title: Reading a balance sheet
        issuer: {country: AU}
        partners:
          - {name: Example Professional Body, type: professional_body, roles: [recognition]}
    """
    if any(set(p.roles or ()) & set(RECOGNISING) for p in course.partners or ()):
        return
    if course.standards and any(filled(s) for s in course.standards):
        return
    badge = course.recognition.badge if course.recognition else None
    if badge is not None and badge.alignment:
        return
    if ctx.refused("/partners") or ctx.refused("/standards") or ctx.refused("/recognition"):
        return
    ctx.report(
        "/partners",
        "The file does not say whether a professional body or industry recognises the "
        "microcredential; clause 5.5.1 of the National Microcredentials Framework has it stated "
        "where applicable.",
        fix="List the recognising body under 'partners:' with the role 'recognition', or the "
        "industry standards it aligns to under 'standards:'.",
    )
