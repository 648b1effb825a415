"""Rules on the listing details of rule 6 of the Listing Rules: the title, the NZSCED code,
the purpose and outcome statement, the developer and the standards used.

Rule 6.1 sets out "the details for all micro-credentials to be listed on the NZQCF"; a
missing detail is an error, except the parts of the purpose and outcome statement the rule
itself makes conditional ("if any") and the standards, listed only when some are used.
Rule 6.2 says what a title "must not include".
"""

from __future__ import annotations

import re

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import filled, listing
from mcvalidate_nzqa.sources import listing_rule

STATEMENT = "Rule 6.1(d) purpose and outcome statement"
TITLE = "Rule 6.2 title"

# Rule 6.2(a)'s words, each as the title might spell it (plurals; the hyphen optional).
RESERVED = {
    "New Zealand": r"new\s+zealand",
    "national": r"national",
    "diploma": r"diplomas?",
    "degree": r"degrees?",
    "bachelor": r"bachelors?",
    "master": r"masters?",
    "doctor": r"doctors?",
    "under-graduate": r"under[-\s]?graduates?",
    "post-graduate": r"post[-\s]?graduates?",
}
_RESERVED = re.compile(
    "|".join(rf"(?P<w{i}>\b{pattern}\b)" for i, pattern in enumerate(RESERVED.values())),
    re.IGNORECASE,
)
# Where a name's first part ends: "Unitec, MĀIA centre", "Unitec (MĀIA)", "Unitec - MĀIA" (a
# dash or en dash). The pattern starts with a character class, not with ``\s*``, so that a
# search tries one character at each place instead of a run of spaces (4x cheaper).
_NAME_PARTS = re.compile(r"[,\u2013\u2014-]\s|\(")
# "360-degree feedback", "a 90 degree bend": a measure, not a qualification.
_MEASURE = re.compile(r"(\d\s*[-\u2010\u2011]?\s*|°\s*)$")


@rule(
    id="NZQ006",
    name="nzqa-nzsced-code",
    severity="error",
    source=listing_rule("Rule 6.1(c): 'the assigned six-digit code' from NZSCED"),
    element="Rule 6.1(c) NZSCED code",
    reads=("/classification/nzsced",),
)
def nzsced_code(course: Course, ctx: RuleContext) -> None:
    """The NZSCED code of the micro-credential's field is given.

    Rule 6.1(c) lists "the assigned six-digit code" from the New Zealand Standard of
    Classification of Education (NZSCED) of every micro-credential on the NZQCF.
    Give it as ``classification.nzsced``, in quotes so that it stays text ("090100"); the
    format checks that it has six digits.

    Fails::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        classification: {isced_f: "0222"}

    Passes::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        classification: {nzsced: "090100"}
    """
    classification = course.classification
    if classification is not None and classification.nzsced is not None:
        return
    if ctx.refused("/classification/nzsced") or ctx.refused("/classification"):
        return  # the schema reported what was written there
    ctx.report(
        "/classification/nzsced",
        "No NZSCED code is given; rule 6.1(c) of NZQA's Listing Rules lists the six-digit "
        "NZSCED code of every micro-credential on the NZQCF.",
        fix="Add 'nzsced: \"NNNNNN\"' (the six-digit code of its field, in quotes) under "
        "'classification:'.",
    )


def reserved_words(title: str) -> list[str]:
    """Rule 6.2(a)'s words that ``title`` contains, as rule 6.2(a) spells them, in order
    (a number of degrees, as in "360-degree", is a measure and not counted)."""
    found: list[str] = []
    names = list(RESERVED)
    for match in _RESERVED.finditer(title):
        index = int(next(key for key, value in match.groupdict().items() if value)[1:])
        word = names[index]
        if word == "degree" and _MEASURE.search(title[: match.start()]):
            continue
        if word not in found:
            found.append(word)
    return found


@rule(
    id="NZQ007",
    name="nzqa-title-reserved-words",
    severity="error",
    source=listing_rule("Rule 6.2(a): words the title 'must not include'"),
    element=TITLE,
    reads=("/title",),
)
def title_reserved_words(course: Course, ctx: RuleContext) -> None:
    """The title uses none of the words rule 6.2(a) reserves for qualifications.

    Rule 6.2(a): the title of a micro-credential "must not include" the words "New Zealand",
    "national", "diploma", "degree", "bachelor", "master", "doctor", "under-graduate" or
    "post-graduate" "where it may cause confusion with a qualification on the NZQCF". The
    words are matched whole, in any case, with their plurals and with or without the hyphen
    ("postgraduate"); "Mastering" or "International" are not matched, nor a measure such as
    "360-degree". Whether a use may cause confusion is for NZQA to judge: if it cannot (a
    title about doctors' receptionists, say), keep the reason with an ignore comment on the
    title's line (``# mcvalidate: ignore[NZQ007] <the reason>``).

    Fails::

        title: Postgraduate Certificate in Tikanga
        issuer: {country: NZ}

    Passes::

        title: Tikanga in the workplace
        issuer: {country: NZ}
    """
    words = reserved_words(course.title)
    if not words:
        return
    quoted = listing([f"'{w}'" for w in words])
    ctx.report(
        "/title",
        f"The title includes {quoted}, which rule 6.2(a) of NZQA's Listing Rules keeps out of "
        "a micro-credential's title where it may be confused with a qualification on the NZQCF.",
        fix="Reword the title without "
        + ("it" if len(words) == 1 else "them")
        + " (NZQA decides whether a use could be confused with a qualification).",
    )


def _names(course: Course) -> list[tuple[str, str]]:
    """(name, whose) for the organisations the file names: the issuer, the developer and the
    partners. A name's first part counts too ("Unitec" of "Unitec, MĀIA centre")."""
    # A dict keeps the order and makes the "seen already" test constant-time: a list's
    # membership test made a course with many partners quadratic.
    named: dict[tuple[str, str], None] = {}
    issuer = course.issuer.name if course.issuer else None
    for name, whose in (
        (issuer, "the issuer"),
        (course.developer, "the developer"),
        *((p.name, "a partner") for p in course.partners or ()),
    ):
        if not filled(name):
            continue
        end = _NAME_PARTS.search(name)
        for part in (name, name[: end.start()] if end else name):
            part = part.strip()
            if len(part) >= 3:
                named[part, whose] = None
    return list(named)


@rule(
    id="NZQ008",
    name="nzqa-title-names",
    severity="warning",
    source=listing_rule("Rule 6.2(b): no name of a person, organisation or product"),
    element=TITLE,
    reads=("/title", "/issuer/name", "/developer", "/partners"),
)
def title_names(course: Course, ctx: RuleContext) -> None:
    """The title does not carry the name of the issuer, the developer or a partner.

    Rule 6.2(b): a title must not include "the name of a person, organisation, or product"
    unless the applicant satisfies NZQA (or Universities New Zealand) that there is "a sound
    justification for the inclusion". mcvalidate can only see the organisations the file
    names itself (the issuer, the developer, the partners), and cannot see a justification
    given to NZQA, hence a warning; a person's or a product's name in the title is not found.

    Fails::

        title: Example Polytechnic Workplace Tikanga
        issuer: {name: Example Polytechnic, country: NZ}

    Passes::

        title: Tikanga in the workplace
        issuer: {name: Example Polytechnic, country: NZ}
    """
    title = course.title.casefold()
    for name, whose in _names(course):
        folded = name.casefold()
        # The substring test first: a pattern is compiled for each name, and most names are
        # not in the title at all.
        if folded in title and re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", title):
            ctx.report(
                "/title",
                f"The title includes '{name}', the name of {whose}; rule 6.2(b) of NZQA's "
                "Listing Rules keeps the names of persons, organisations and products out of a "
                "title unless NZQA accepts a sound justification.",
                fix="Take the name out of the title, or be ready to justify it to NZQA (and keep "
                "the reason with an ignore comment on the title's line).",
            )
            return


@rule(
    id="NZQ009",
    name="nzqa-purpose-statement",
    severity="error",
    source=listing_rule("Rule 6.1(d)(i)-(iii): the purpose and outcome statement"),
    element=STATEMENT,
    reads=("/purpose/use", "/purpose/relevance", "/learning_outcomes"),
)
def purpose_statement(course: Course, ctx: RuleContext) -> None:
    """The purpose and outcome statement gives the use, the relevance, and what a learner
    will be able to demonstrate.

    Rule 6.1(d) lists a purpose and outcome statement that (i) "states the use of the
    micro-credential in New Zealand or one or more other countries", (ii) "describes the
    relevance of the micro-credential" to students, whānau, hapū, iwi, hapori Māori, industry,
    employers, professions or community groups, and (iii) "describes the knowledge, skills,
    and attributes" a learner will be able to demonstrate. They are
    ``purpose.use``, ``purpose.relevance`` and the ``learning_outcomes``; each missing part is
    a finding of its own. Items (iv) and (v) are NZQ010's.

    Fails::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        purpose:
          use: Staff of New Zealand organisations use it to take part in tikanga at work.

    Passes::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        purpose:
          use: Staff of New Zealand organisations use it to take part in tikanga at work.
          relevance: Employers asked for staff able to open hui with karakia and mihi.
        learning_outcomes:
          - Identify and deliver karakia in a relevant context
    """
    purpose = course.purpose
    parts = (
        (
            "use",
            "(i) state the micro-credential's use in New Zealand or other countries",
            "'use:' (the jobs, roles or further study it serves)",
        ),
        (
            "relevance",
            "(ii) describe its relevance to students, whānau, hapū, iwi, hapori "
            "Māori, industry, employers, professions or community groups",
            "'relevance:' (to whom it matters, and why)",
        ),
    )
    for key, what, add in parts:
        if filled(getattr(purpose, key, None)) or ctx.refused(f"/purpose/{key}"):
            continue
        ctx.report(
            f"/purpose/{key}",
            f"The purpose and outcome statement does not {what}, as rule 6.1(d) of NZQA's "
            "Listing Rules asks.",
            fix=f"Add {add} under 'purpose:'.",
        )
    outcomes = course.learning_outcomes or ()
    if ctx.refused("/learning_outcomes") or ctx.any_refused(
        "learning_outcomes", outcomes, "statement"
    ):
        return
    if not any(filled(o.statement) for o in outcomes):
        ctx.report(
            "/learning_outcomes",
            "No learning outcome is stated, so the purpose and outcome statement does not "
            "(iii) describe the knowledge, skills and attributes a learner will be able to "
            "demonstrate, as rule 6.1(d) of NZQA's Listing Rules asks.",
            fix="Add a 'learning_outcomes:' list, each outcome one thing a learner will be able "
            "to demonstrate.",
        )


@rule(
    id="NZQ010",
    name="nzqa-pathways-statement",
    severity="warning",
    source=listing_rule("Rule 6.1(d)(iv)-(v): pathways 'if any', and contribution"),
    element=STATEMENT,
    reads=("/pathways", "/purpose/contribution"),
)
def pathways_statement(course: Course, ctx: RuleContext) -> None:
    """The purpose and outcome statement identifies the education pathways (or says there
    are none) and the cultural or employment pathway or contribution.

    Rule 6.1(d) goes on: the statement (iv) "identifies the education pathways to
    qualifications or other credentials, if any", and (v) "identifies a cultural or employment
    pathway or any contribution" to the community, whānau, hapū, iwi or hapori Māori. Item
    (iv) says "if any", and (v) speaks of "any contribution": a micro-credential may have
    none, so a missing one is a warning. Give (iv) as ``pathways`` (``stacks_into``,
    ``ladders_into``, ``transfer``, or ``none_reason`` when there is none) and (v) as
    ``purpose.contribution``.

    Fails::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        pathways:
          none_reason: A stand-alone staff development offering.

    Passes::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        pathways:
          none_reason: A stand-alone staff development offering.
        purpose:
          contribution: Staff can open hui and welcome manuhiri for their whānau and workplace.
    """
    pathways = course.pathways
    stated = pathways is not None and bool(
        pathways.stacks_into
        or pathways.ladders_into
        or pathways.transfer
        or filled(pathways.none_reason)
    )
    if not stated and not ctx.refused("/pathways"):
        ctx.report(
            "/pathways",
            "The purpose and outcome statement does not (iv) identify the education "
            "pathways to qualifications or other credentials, nor say there are none, as "
            "rule 6.1(d) of NZQA's Listing Rules asks ('if any').",
            fix="Under 'pathways:', list what it stacks or ladders into, or give "
            "'none_reason:' when it leads to no qualification.",
        )
    if course.purpose is not None and filled(course.purpose.contribution):
        return
    if ctx.refused("/purpose/contribution") or ctx.refused("/purpose"):
        return
    ctx.report(
        "/purpose/contribution",
        "The purpose and outcome statement does not (v) identify a cultural or employment "
        "pathway or a contribution to the community, whānau, hapū, iwi or hapori Māori, as rule "
        "6.1(d) of NZQA's Listing Rules asks.",
        fix="Add 'contribution:' under 'purpose:' (the roles it leads to, or what holders bring "
        "to their community).",
    )


@rule(
    id="NZQ011",
    name="nzqa-standards-used",
    severity="info",
    source=listing_rule("Rule 6.1(f): 'any standards that are used'"),
    element="Rule 6.1(f) standards used",
    reads=("/standards",),
)
def standards_used(course: Course, ctx: RuleContext) -> None:
    """The file says which standards the micro-credential uses, or that it uses none.

    Rule 6.1(f) lists "any standards that are used" (unit standards, skill standards), and
    NZQA's page on roles asks developers to "Include skills standards (where available)". A
    micro-credential need not use any, so a file that does not say is an info: list them
    under ``standards``, or write ``standards: []`` to say there are none.

    Fails::

        title: Tikanga in the workplace
        issuer: {country: NZ}

    Passes::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        standards: []
    """
    if course.standards is not None or ctx.refused("/standards"):
        return
    ctx.report(
        "/standards",
        "The file does not say which standards the micro-credential uses; rule 6.1(f) of "
        "NZQA's Listing Rules lists any standards that are used.",
        fix="List them under 'standards:' (each standard's number and title), or write "
        "'standards: []' if it uses none.",
    )


@rule(
    id="NZQ012",
    name="nzqa-developer-named",
    severity="error",
    source=listing_rule("Rule 6.1(e): 'the name of the appointed micro-credential developer'"),
    element="Rule 6.1(e) micro-credential developer",
    reads=("/developer", "/issuer/name"),
)
def developer_named(course: Course, ctx: RuleContext) -> None:
    """The micro-credential developer is named: ``developer``, or the issuer.

    Rule 6.1(e) lists "the name of the appointed micro-credential developer". A developer
    may be a provider, a workforce development council or another body NZQA recognises; when
    ``developer`` is not given, the issuer (``issuer.name``) is read as the developer, as it
    is when a provider develops its own micro-credential.

    Fails::

        title: Tikanga in the workplace
        issuer: {country: NZ}

    Passes::

        title: Tikanga in the workplace
        issuer: {country: NZ}
        developer: Toitū te Waiora
    """
    if filled(course.developer) or (course.issuer is not None and filled(course.issuer.name)):
        return
    if ctx.refused("/developer") or ctx.refused("/issuer/name"):
        return
    ctx.report(
        "/developer",
        "No micro-credential developer is named (nor the issuer, who would be read as the "
        "developer); rule 6.1(e) of NZQA's Listing Rules lists the appointed developer's name.",
        fix="Add 'developer:' with the developer's name (or the issuer's 'name:' under "
        "'issuer:' if it developed the micro-credential itself).",
    )
