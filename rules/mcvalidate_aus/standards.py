"""Rules from the Framework's definition and its minimum standards.

The definition (A1, quoted word for word by MicroCred Seeker and others): a microcredential
is "a certification of assessed learning or competency", with "a minimum volume of learning
of one hour" and "less than an AQF award qualification". Its words make the errors here (no
assessment; under an hour). The minimum standards (learning outcomes "clearly stated"; a
quality assurance statement from unregulated providers) are known only from a training
provider's summary (A2), so their rules are warnings until the Framework's own words are read.
"""

from __future__ import annotations

import re

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import filled, listing, number
from mcvalidate_aus.sources import aqf, framework

DEFINITION = "Definition of a microcredential"
QA_STATEMENT = "Minimum standards: quality assurance statement (unregulated providers)"

# The regulators of Australia's regulated providers: the national higher education and VET
# regulators, and the state VET regulators of Victoria and Western Australia.
REGULATORS = {
    "TEQSA": "Tertiary Education Quality and Standards Agency",
    "ASQA": "Australian Skills Quality Authority",
    "VRQA": "Victorian Registration and Qualifications Authority",
    "TAC": "Training Accreditation Council",
}
# A full name is read as its abbreviation first (two of them hold an "and").
_FULL_NAMES = re.compile("|".join(re.escape(name) for name in REGULATORS.values()), re.IGNORECASE)
_ABBREVIATION = {name.casefold(): abbreviation for abbreviation, name in REGULATORS.items()}
# "TEQSA and ASQA", "TEQSA, ASQA", "TEQSA/ASQA", "ASQA (RTO 3059)"
_BRACKETS = re.compile(r"\([^)]*\)")
_SEPARATORS = re.compile(r"\s*(?:[,;/&+]|\band\b)\s*", re.IGNORECASE)
ELEMENTS = {
    "provider_profile": "the provider's profile",
    "process": "its quality assurance processes",
    "review_process": "how the microcredential is reviewed and updated",
}


def regulated(regulator: str | None) -> bool:
    """True when ``regulator`` is TEQSA, ASQA, VRQA or TAC, or a list of them: each part
    (between commas, slashes or "and", a bracket left out) is compared, in any case, with the
    abbreviations and the full names. "TEQSA and ASQA", "ASQA (RTO 3059)" or "Australian
    Skills Quality Authority" are regulated; "none", "ISO 9001", "not TEQSA-registered" or an
    empty value are not."""
    if not filled(regulator):
        return False
    named = _FULL_NAMES.sub(lambda m: _ABBREVIATION[m[0].casefold()], regulator)
    parts = _SEPARATORS.split(_BRACKETS.sub(" ", named))
    return any(part.strip(" .").upper() in REGULATORS for part in parts)


@rule(
    id="AUS001",
    name="nmf-volume-of-learning",
    severity="error",
    source=framework(f"{DEFINITION}: 'a minimum volume of learning of one hour'", "verbatim", "A1"),
    element="Volume of learning",
    reads=("/workload/hours",),
)
def volume_of_learning(course: Course, ctx: RuleContext) -> None:
    """The volume of learning is at least one hour.

    The Framework defines a microcredential as a certification of assessed learning or
    competency "with a minimum volume of learning of one hour". ``workload.hours`` is the
    volume of learning: all the learner's effort, assessment included. (A file that gives no
    hours is AUS009's.)

    Fails::

        title: Reading a balance sheet
        issuer: {country: AU}
        workload: {hours: 0.5}

    Passes::

        title: Reading a balance sheet
        issuer: {country: AU}
        workload: {hours: 20}
    """
    hours = course.workload.hours if course.workload else None
    if hours is None or hours >= 1:
        return
    ctx.report(
        "/workload/hours",
        f"The volume of learning is {number(hours)} hours; the National Microcredentials "
        "Framework defines a microcredential as at least one hour of learning.",
        fix="Count all the learner's hours, assessment included; an offering of less than an "
        "hour is not a microcredential under the Framework.",
    )


@rule(
    id="AUS002",
    name="nmf-learning-outcomes-stated",
    severity="warning",
    source=framework("Minimum standards: learning outcomes 'clearly stated'", "secondary", "A2"),
    element="Minimum standards: learning outcomes",
    reads=("/learning_outcomes",),
)
def learning_outcomes_stated(course: Course, ctx: RuleContext) -> None:
    """The learning outcomes are stated.

    The Framework's minimum standards, as a training provider summarised them, have "the
    learning outcomes for the microcredential ... clearly stated", and its first principle is
    that microcredentials are outcome-based. The standards' own words were not read, hence a
    warning.

    Fails::

        title: Reading a balance sheet
        issuer: {country: AU}
        learning_outcomes: []

    Passes::

        title: Reading a balance sheet
        issuer: {country: AU}
        learning_outcomes:
          - Interpret the main ratios of a balance sheet
    """
    outcomes = course.learning_outcomes or ()
    if ctx.refused("/learning_outcomes") or ctx.any_refused(
        "learning_outcomes", outcomes, "statement"
    ):
        return
    if any(filled(o.statement) for o in outcomes):
        return
    ctx.report(
        "/learning_outcomes",
        "No learning outcome is stated; the National Microcredentials Framework's minimum "
        "standards have a microcredential's learning outcomes clearly stated.",
        fix="Add a 'learning_outcomes:' list, each outcome one thing a learner will be able to do.",
    )


@rule(
    id="AUS003",
    name="nmf-assessment-required",
    severity="error",
    source=framework(f"{DEFINITION}: 'a certification of assessed learning'", "verbatim", "A1"),
    element="Assessment",
    reads=("/assessments",),
)
def assessment_required(course: Course, ctx: RuleContext) -> None:
    """The microcredential is assessed, and not on participation alone.

    The Framework defines a microcredential as "a certification of assessed learning or
    competency", and its minimum standards (as summarised) require "assessment that provides
    evidence that learning outcomes have been achieved". An offering with no assessment
    certifies no assessed learning; neither does one whose assessments (the summative ones,
    when some are marked) are all participation.

    Fails::

        title: Reading a balance sheet
        issuer: {country: AU}
        assessments:
          - {id: A1, title: Webinar attendance, type: participation}

    Passes::

        title: Reading a balance sheet
        issuer: {country: AU}
        assessments:
          - {id: A1, title: Online exam, type: exam}
    """
    assessments = course.assessments or ()
    if ctx.refused("/assessments") or ctx.any_refused(
        "assessments", assessments, "type", "summative"
    ):
        return
    if not assessments:
        ctx.report(
            "/assessments",
            "No assessment is given; the National Microcredentials Framework defines a "
            "microcredential as a certification of assessed learning or competency.",
            fix="Add an 'assessments:' list with what learners do to show the outcomes.",
        )
        return
    counted = [a for a in assessments if a.summative] or list(assessments)
    if all(a.type == "participation" for a in counted):
        names = listing([a.id or a.title or "one" for a in counted])
        ctx.report(
            "/assessments",
            f"The assessments ({names}) are participation only, so nothing certifies assessed "
            "learning, as the National Microcredentials Framework's definition asks.",
            fix="Add an assessment that shows the outcomes were achieved: an exam, a project, a "
            "practical or a portfolio.",
        )


def aqf_levels(course: Course) -> list[tuple[str, int | None]]:
    """Every AQF level the file gives (``level`` or an entry of its equivalents), each with
    its pointer."""
    level = course.level
    if level is None:
        return []
    found: list[tuple[str, int | None]] = []
    if level.framework == "aqf":
        found.append(("/level/value", level.value))
    for index, other in enumerate(level.equivalents or ()):
        if other.framework == "aqf":
            found.append((f"/level/equivalents/{index}/value", other.value))
    return found


@rule(
    id="AUS004",
    name="nmf-aqf-level",
    severity="warning",
    source=aqf("AQF levels 1 (lowest complexity) to 10 (highest)", "secondary"),
    element="AQF level",
    reads=("/level/framework", "/level/value", "/level/equivalents"),
)
def aqf_level(course: Course, ctx: RuleContext) -> None:
    """An AQF level, if one is given, is one of levels 1 to 10.

    A microcredential need not be placed at an AQF level (it is "less than an AQF award
    qualification"), but one that names the AQF gives a level it has: the AQF's levels run
    from 1, the lowest complexity, to 10, the highest. The AQF's own text was read only as
    reproduced by others, hence a warning.

    Fails::

        title: Reading a balance sheet
        issuer: {country: AU}
        level: {framework: aqf, value: 12}

    Passes::

        title: Reading a balance sheet
        issuer: {country: AU}
        level: {framework: aqf, value: 7}
    """
    if ctx.refused("/level"):
        return
    for pointer, value in aqf_levels(course):
        if value is None:
            ctx.report(
                pointer,
                "The AQF is named, but no level in it is given.",
                fix="Add 'value:' with the AQF level (1 to 10), or leave the AQF out.",
            )
        elif not 1 <= value <= 10:
            ctx.report(
                pointer,
                f"AQF level {value} does not exist; the AQF's levels are 1 to 10.",
                fix="Give the AQF level its outcomes correspond to, from 1 to 10.",
            )


def _regulator_said(regulator: str | None) -> str:
    if filled(regulator):
        return f"The issuer's regulator, '{regulator}', is not TEQSA, ASQA, VRQA or TAC"
    return "No regulator is named for the issuer (TEQSA, ASQA, VRQA or TAC)"


@rule(
    id="AUS005",
    name="nmf-qa-statement",
    severity="warning",
    source=framework(
        "Minimum standards: unregulated providers 'must provide a quality assurance statement'",
        "secondary",
        "A2",
    ),
    element=QA_STATEMENT,
    reads=("/issuer/regulator", "/quality_assurance/statement"),
)
def qa_statement(course: Course, ctx: RuleContext) -> None:
    """A provider outside Australia's regulated system gives a quality assurance statement.

    The Framework's minimum standards, as summarised when it came out, say "Unregulated
    providers of microcredentials must provide a quality assurance statement". A provider
    is read as regulated when ``issuer.regulator`` is TEQSA, ASQA, VRQA or TAC, by its
    abbreviation or its full name, in any case, or a list of them ("TEQSA and ASQA" for a
    dual-sector university; "ASQA (RTO 3059)": a bracket is left out). Anything else ("none",
    "ISO 9001", a sentence about the regulator), or no regulator at all, is read as outside
    the regulated system, and the file then needs ``quality_assurance.statement``. The "must" is
    known only from that summary, not from the Framework's text, hence a warning until it is
    read. What the statement holds is AUS006's.

    Fails::

        title: Reading a balance sheet
        issuer: {name: Example Accounting Body, country: AU, regulator: none}

    Passes::

        title: Reading a balance sheet
        issuer: {name: Example Accounting Body, country: AU, regulator: none}
        quality_assurance:
          statement:
            provider_profile: A professional body for accountants, founded in 1886.
    """
    issuer = course.issuer
    regulator = issuer.regulator if issuer else None
    if ctx.refused("/issuer/regulator") or regulated(regulator):
        return
    if ctx.refused("/quality_assurance/statement") or ctx.refused("/quality_assurance"):
        return
    qa = course.quality_assurance
    statement = qa.statement if qa else None
    if statement is not None and any(filled(getattr(statement, key)) for key in ELEMENTS):
        return
    ctx.report(
        "/quality_assurance/statement",
        f"{_regulator_said(regulator)}, and the file gives no quality assurance statement; the "
        "National Microcredentials Framework's minimum standards ask unregulated providers for "
        "one.",
        fix="If a regulator registers the provider, name it in 'regulator:' under 'issuer:' "
        "(e.g. TEQSA); otherwise add 'statement:' under 'quality_assurance:' with "
        "'provider_profile', 'process' and 'review_process'.",
    )


@rule(
    id="AUS006",
    name="nmf-qa-statement-elements",
    severity="warning",
    source=framework(
        "Minimum standards: the quality assurance statement's 'suggested elements'",
        "secondary",
        "A2",
    ),
    element=QA_STATEMENT,
    reads=(
        "/quality_assurance/statement/provider_profile",
        "/quality_assurance/statement/process",
        "/quality_assurance/statement/review_process",
    ),
)
def qa_statement_elements(course: Course, ctx: RuleContext) -> None:
    """The quality assurance statement has its three suggested elements.

    The same summary of the minimum standards gives the statement's "suggested elements": a
    profile of the provider, a description of its quality assurance processes, and the process
    for reviewing and updating the microcredential (``provider_profile``, ``process`` and
    ``review_process``). They are suggested, not required: one warning lists the missing ones.
    It applies to a provider outside the regulated system (AUS005) whose statement says
    something.

    Fails::

        title: Reading a balance sheet
        issuer: {name: Example Accounting Body, country: AU, regulator: none}
        quality_assurance:
          statement:
            provider_profile: A professional body for accountants, founded in 1886.

    Passes::

        title: Reading a balance sheet
        issuer: {name: Example Accounting Body, country: AU, regulator: none}
        quality_assurance:
          statement:
            provider_profile: A professional body for accountants, founded in 1886.
            process: Each course is reviewed by a subject matter expert panel.
            review_process: Courses are reviewed every two years and on standards changes.
    """
    issuer = course.issuer
    if ctx.refused("/issuer/regulator") or regulated(issuer.regulator if issuer else None):
        return
    qa = course.quality_assurance
    statement = qa.statement if qa else None
    if statement is None:
        return
    missing = [key for key in ELEMENTS if not filled(getattr(statement, key))]
    if len(missing) == len(ELEMENTS) or not missing:
        return  # an empty statement is AUS005's
    if any(ctx.refused(f"/quality_assurance/statement/{key}") for key in missing):
        return
    ctx.report(
        "/quality_assurance/statement",
        "The quality assurance statement does not give "
        + listing([ELEMENTS[key] for key in missing], "or")
        + ", which the National Microcredentials Framework suggests it covers ("
        + listing([f"'{key}'" for key in missing])
        + ").",
        fix="Add " + listing([f"'{key}:'" for key in missing]) + " under 'statement:'.",
    )
