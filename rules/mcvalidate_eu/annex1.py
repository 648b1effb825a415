"""Rules from Annex I of the Recommendation: the European standard elements to describe a
micro-credential.

Annex I lists eleven mandatory elements and five optional ones (A1, A2 in the pack's sources
page). A mandatory element a course file can hold is an error when it is missing: the title
(2) is not a rule, because the schema itself requires it (a file without one gets MC013). The
level (8) is mandatory "if applicable", so a missing level is a warning, while an EQF level that
does not exist is an error. The learner (1) and the date of issuing (5) belong to the credential
issued to each learner, not to the course: they are info notes about what the issued record
shows. The optional elements are infos.
"""

from __future__ import annotations

from collections.abc import Iterator

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import capitalized, filled, number
from mcvalidate_eu.sources import ANNEX_I, EQF, document, recommendation

TITLE = "European standard elements to describe a micro-credential"
COUNTRY = f"{ANNEX_I} (3) Country/Region of the issuer"
AWARDING_BODY = f"{ANNEX_I} (4) Awarding body"
OUTCOMES = f"{ANNEX_I} (6) Learning outcomes"
WORKLOAD = f"{ANNEX_I} (7) Notional workload needed to achieve the learning outcomes"
LEVEL = f"{ANNEX_I} (8) Level (and cycle, if applicable) of the learning experience"
ASSESSMENT = f"{ANNEX_I} (9) Type of assessment"
PARTICIPATION = f"{ANNEX_I} (10) Form of participation in the learning activity"
QUALITY = f"{ANNEX_I} (11) Type of quality assurance used to underpin the micro-credential"
LEARNER = f"{ANNEX_I} (1) Identification of the learner"
ISSUED = f"{ANNEX_I} (5) Date of issuing"
PREREQUISITES = f"{ANNEX_I} optional: Prerequisites needed to enrol in the learning activity"
SUPERVISION = f"{ANNEX_I} optional: Supervision and identity verification during assessment"
GRADE = f"{ANNEX_I} optional: Grade achieved"
STACKABILITY = f"{ANNEX_I} optional: Integration/stackability options"
FURTHER = f"{ANNEX_I} optional: Further information"

# The level frameworks Annex I names: the EQF and the QF-EHEA.
EUROPEAN_FRAMEWORKS = ("eqf", "qf_ehea")
EQF_LEVELS = range(1, 9)
# Words that name the learner, and the date of issue, in an item of transcript_fields.
LEARNER_WORDS = ("learner", "student", "holder", "recipient", "earner", "participant")
ISSUE_WORDS = ("issu", "award", "conferr")


def ects_given(course: Course) -> bool:
    """True when the file gives the workload in ECTS credits: ``credit.ects``, or a
    ``credit.value`` counted in ECTS."""
    credit = course.credit
    if credit is None:
        return False
    return credit.ects is not None or (credit.system == "ects" and credit.value is not None)


def eqf_levels(course: Course) -> Iterator[tuple[str, int]]:
    """``(pointer, value)`` of every EQF level the file gives: the level itself, and its
    equivalents."""
    level = course.level
    if level is None:
        return
    if level.framework == "eqf" and level.value is not None:
        yield "/level/value", level.value
    for index, other in enumerate(level.equivalents or ()):
        if other.framework == "eqf" and other.value is not None:
            yield f"/level/equivalents/{index}/value", other.value


def mentions(items: list[str] | None, words: tuple[str, ...]) -> bool:
    """True when one of ``items`` contains one of ``words`` (case and separators ignored)."""
    return any(word in item.lower() for item in items or () for word in words)


@rule(
    id="EUR001",
    name="eu-issuer-country",
    severity="error",
    source=recommendation(f"{TITLE}, mandatory (3)", "verbatim", "A1"),
    element=COUNTRY,
    reads=("/issuer/country", "/issuer/region"),
)
def issuer_country(course: Course, ctx: RuleContext) -> None:
    """The issuer's country (or region) is given.

    Annex I of the EU Recommendation lists the "country/region of the issuer" among the
    mandatory elements that describe a micro-credential. Give ``issuer.country`` (a two-letter
    ISO code, NL or IE) or ``issuer.region`` (an ISO 3166-2 code, which names the country too).
    mcvalidate also reads the country to decide whether the EU pack applies, so this rule
    reports only a file that asked for the pack by name (``frameworks: [eu-2022]``, or
    ``--framework eu-2022``) without saying where its issuer is.

    Fails::

        title: Big History
        issuer: {name: University of Amsterdam}
        frameworks: [eu-2022]

    Passes::

        title: Big History
        issuer: {name: University of Amsterdam, country: NL}
    """
    issuer = course.issuer
    if issuer is not None and (issuer.country or issuer.region):
        return
    if ctx.refused("/issuer/country") or ctx.refused("/issuer/region"):
        return  # written, but refused by the schema: reported there
    ctx.report(
        "/issuer/country",
        "The issuer's country is not given: Annex I of the EU Recommendation lists the "
        "country/region of the issuer as a mandatory element.",
        fix="Add 'country:' under 'issuer:' with the two-letter ISO code (NL, IE, DE...).",
    )


@rule(
    id="EUR002",
    name="eu-awarding-body",
    severity="error",
    source=recommendation(f"{TITLE}, mandatory (4)", "verbatim", "A1"),
    element=AWARDING_BODY,
    reads=("/issuer/name",),
)
def awarding_body(course: Course, ctx: RuleContext) -> None:
    """The awarding body is named.

    Annex I lists the "awarding body" among the mandatory elements: the institution or
    organisation that awards the micro-credential, as learners know it. It is the issuer's
    ``name``.

    Fails::

        title: Big History
        issuer: {country: NL}

    Passes::

        title: Big History
        issuer: {name: University of Amsterdam, country: NL}
    """
    issuer = course.issuer
    if (issuer is not None and filled(issuer.name)) or ctx.refused("/issuer/name"):
        return
    ctx.report(
        "/issuer/name",
        "The awarding body is not named: Annex I of the EU Recommendation lists it as a "
        "mandatory element.",
        fix="Add 'name:' under 'issuer:' with the awarding institution's name.",
    )


@rule(
    id="EUR003",
    name="eu-learning-outcomes",
    severity="error",
    source=recommendation(f"{TITLE}, mandatory (6)", "verbatim", "A1"),
    element=OUTCOMES,
    reads=("/learning_outcomes",),
)
def learning_outcomes(course: Course, ctx: RuleContext) -> None:
    """The learning outcomes are stated.

    Annex I lists the "learning outcomes" among the mandatory elements, and the
    Recommendation defines a micro-credential as the record of the learning outcomes a learner
    has acquired (D1). At least one outcome must have a statement.

    Fails::

        title: Big History
        issuer: {country: NL}
        learning_outcomes: []

    Passes::

        title: Big History
        issuer: {country: NL}
        learning_outcomes:
          - Explain how the history of the universe, the Earth, life and humanity connect
    """
    outcomes = course.learning_outcomes or []
    if any(filled(o.statement) for o in outcomes):
        return
    if ctx.refused("/learning_outcomes") or ctx.any_refused(
        "learning_outcomes", outcomes, "statement"
    ):
        return
    ctx.report(
        "/learning_outcomes",
        "No learning outcome is stated"
        + (" (none of the outcomes has a statement)" if outcomes else "")
        + ": Annex I of the EU Recommendation lists the learning outcomes as a mandatory "
        "element.",
        fix="List the outcomes under 'learning_outcomes:', one statement each of what a "
        "learner knows, understands or can do.",
    )


@rule(
    id="EUR004",
    name="eu-notional-workload",
    severity="error",
    source=recommendation(f"{TITLE}, mandatory (7)", "verbatim", "A1"),
    element=WORKLOAD,
    reads=("/workload/hours", "/credit/ects", "/credit/value", "/credit/system"),
)
def notional_workload(course: Course, ctx: RuleContext) -> None:
    """The notional workload is given, in hours or in ECTS credits.

    Annex I lists the "notional workload needed to achieve the learning outcomes (in ECTS
    credits, wherever possible)" among the mandatory elements. Either measure satisfies the
    element: ``workload.hours`` (all of the learner's effort, assessment included), or ECTS
    credits (``credit.ects``, or ``credit.value`` with ``system: ects``). The number of weeks
    alone is not a workload: eight weeks can be ten hours or two hundred. EUR008 asks for the
    ECTS credits.

    Fails::

        title: Big History
        issuer: {country: NL}
        workload: {weeks: 8}

    Passes::

        title: Big History
        issuer: {country: NL}
        credit: {status: credit, value: 6, system: ects}
    """
    if (course.workload is not None and course.workload.hours is not None) or ects_given(course):
        return
    if any(ctx.refused(p) for p in ("/workload/hours", "/credit/ects", "/credit/value")):
        return
    weeks = course.workload.weeks if course.workload else None
    said = f" (the file gives {number(weeks)} weeks, a duration, not a workload)" if weeks else ""
    ctx.report(
        "/workload/hours",
        f"The notional workload is not given{said}: Annex I of the EU Recommendation lists "
        "it as a mandatory element, in ECTS credits wherever possible.",
        fix="Add 'ects:' under 'credit:' with the ECTS credits, or 'hours:' under 'workload:' "
        "with all the learner's hours, assessment included.",
    )


@rule(
    id="EUR008",
    name="eu-ects-credits",
    severity="warning",
    source=recommendation(
        f"{TITLE}, mandatory (7): 'in ECTS credits, wherever possible'", "verbatim", "A1"
    ),
    element=WORKLOAD,
    reads=("/credit/ects", "/credit/system", "/credit/value"),
)
def ects_credits(course: Course, ctx: RuleContext) -> None:
    """The workload is also given in ECTS credits.

    Annex I asks for the notional workload "in ECTS credits, wherever possible": the European
    Credit Transfer and Accumulation System lets another institution read the workload as it
    reads its own modules. A file that gives the hours only, or credits in another system, is
    asked for the ECTS credits too: ``credit.system: ects`` with the value, or ``credit.ects``
    beside credits counted in another system. It is a warning, since ECTS is not possible for
    every offering. A file with no workload at all gets EUR004's error instead.

    Fails::

        title: Big History
        issuer: {country: NL}
        workload: {hours: 168}

    Passes::

        title: Big History
        issuer: {country: NL}
        workload: {hours: 168}
        credit: {status: credit, ects: 6}
    """
    credit = course.credit
    if credit is not None and (credit.system == "ects" or credit.ects is not None):
        return
    if any(ctx.refused(p) for p in ("/credit/ects", "/credit/system", "/credit/value")):
        return
    if course.workload is None or course.workload.hours is None:
        return  # no workload at all: EUR004
    other = ""
    if credit is not None and credit.value is not None and credit.system:
        other = f" ({number(credit.value)} credits are given in the '{credit.system}' system)"
    ctx.report(
        "/credit/ects",
        f"The workload is not given in ECTS credits{other}: Annex I of the EU Recommendation "
        "asks for the notional workload in ECTS credits wherever possible.",
        fix="Add 'ects:' under 'credit:' with the ECTS credits (or count 'value:' in "
        "'system: ects').",
    )


@rule(
    id="EUR005",
    name="eu-level-declared",
    severity="warning",
    source=recommendation(f"{TITLE}, mandatory (8), 'if applicable'", "verbatim", "A1"),
    element=LEVEL,
    reads=("/level/framework", "/level/value", "/level/equivalents"),
)
def level_declared(course: Course, ctx: RuleContext) -> None:
    """The level is given in the EQF or the QF-EHEA, or the file says it has none.

    Annex I lists the "level (and cycle, if applicable) of the learning experience leading to
    the micro-credential (EQF, QF-EHEA), if applicable" among the mandatory elements. Because
    of "if applicable", a missing level is a warning, not an error: a micro-credential that is
    not placed in any qualifications framework says ``level: {framework: none}``. A level in
    another framework (a national one, or NZQCF) needs its EQF level under
    ``level.equivalents`` for European readers. An EQF level that does not exist is EUR006's
    concern.

    Fails::

        title: Big History
        issuer: {country: NL}

    Passes::

        title: Big History
        issuer: {country: NL}
        level:
          framework: eqf
          value: 6
          equivalents: [{framework: qf_ehea, value: 1}]
    """
    level = course.level
    if level is None:
        if not ctx.refused("/level"):
            ctx.report(
                "/level",
                "No level is given: Annex I of the EU Recommendation asks for the EQF or "
                "QF-EHEA level, if applicable.",
                fix="Add 'level:' with 'framework: eqf' and 'value:' (1 to 8), or "
                "'framework: none' if it is not placed in a qualifications framework.",
            )
        return
    if level.framework == "none" or ctx.refused("/level/framework"):
        return
    if level.framework is None:
        ctx.report(
            "/level/framework",
            "The level does not say which qualifications framework it is given in.",
            fix="Add 'framework: eqf' (or qf_ehea, or the framework it is in) under 'level:'.",
        )
        return
    if level.framework in EUROPEAN_FRAMEWORKS:
        if level.value is None and not ctx.refused("/level/value"):
            ctx.report(
                "/level/value",
                f"The level is in the {level.framework.upper().replace('_', '-')} but gives "
                "no value.",
                fix="Add 'value:' under 'level:'.",
            )
        return
    equivalents = level.equivalents or []
    if any(e.framework in EUROPEAN_FRAMEWORKS and e.value is not None for e in equivalents):
        return
    if ctx.any_refused("level", None, "equivalents") or ctx.refused("/level/equivalents"):
        return
    ctx.report(
        "/level/equivalents",
        f"The level is given in '{level.framework}' only: Annex I of the EU Recommendation "
        "asks for the EQF or QF-EHEA level, if applicable.",
        fix="Add the EQF level under 'level:', e.g. 'equivalents: [{framework: eqf, value: 5}]'.",
    )


@rule(
    id="EUR006",
    name="eu-eqf-level-range",
    severity="error",
    source=document(EQF, "Annex II: the eight levels of the EQF", "verbatim", "E1"),
    element=LEVEL,
    reads=("/level/value", "/level/equivalents"),
)
def eqf_level_range(course: Course, ctx: RuleContext) -> None:
    """An EQF level is one of the EQF's eight levels.

    Annex I asks for the level in the European Qualifications Framework (or the QF-EHEA), and
    the EQF has eight levels, 1 to 8 (its own Recommendation of 2017, E1). A file that gives
    ``framework: eqf`` with a value outside 1 to 8, as the level or as one of its
    equivalents, gives a level that does not exist: usually a national level (Ireland's NFQ
    has ten) written under the EQF's name.

    Fails::

        title: Big History
        issuer: {country: NL}
        level: {framework: eqf, value: 9}

    Passes::

        title: Big History
        issuer: {country: NL}
        level: {framework: eqf, value: 6}
    """
    for pointer, value in eqf_levels(course):
        if value not in EQF_LEVELS:
            ctx.report(
                pointer,
                f"EQF level {value} does not exist: the European Qualifications Framework "
                "has eight levels, 1 to 8.",
                fix="Give the EQF level (1 to 8); a national level with more levels (Ireland's "
                "NFQ has ten) goes under its own framework, with the EQF level as an "
                "equivalent.",
            )


@rule(
    id="EUR007",
    name="eu-assessment-type",
    severity="error",
    source=recommendation(f"{TITLE}, mandatory (9)", "verbatim", "A1"),
    element=ASSESSMENT,
    reads=("/assessments/*/type",),
)
def assessment_type(course: Course, ctx: RuleContext) -> None:
    """The type of assessment is given.

    Annex I lists the "type of assessment" among the mandatory elements, and the
    Recommendation defines a micro-credential's outcomes as assessed (D1). At least one
    assessment must say its ``type`` (exam, project, portfolio...).

    Fails::

        title: Big History
        issuer: {country: NL}
        assessments:
          - {id: A1, title: Final essay}

    Passes::

        title: Big History
        issuer: {country: NL}
        assessments:
          - {id: A1, title: Final essay, type: assignment}
    """
    assessments = course.assessments or []
    if any(a.type for a in assessments):
        return
    if ctx.refused("/assessments") or ctx.any_refused("assessments", assessments, "type"):
        return
    said = "No assessment says its type" if assessments else "No assessment is given"
    ctx.report(
        "/assessments",
        f"{said}: Annex I of the EU Recommendation lists the type of assessment as a "
        "mandatory element.",
        fix="Give each assessment a 'type:' (exam, quiz, project, portfolio, practical, "
        "presentation, observation, assignment, participation or other).",
    )


@rule(
    id="EUR009",
    name="eu-form-of-participation",
    severity="error",
    source=recommendation(f"{TITLE}, mandatory (10)", "verbatim", "A1"),
    element=PARTICIPATION,
    reads=("/delivery/modes",),
)
def form_of_participation(course: Course, ctx: RuleContext) -> None:
    """The form of participation is given: online, in person, hybrid or at work.

    Annex I lists the "form of participation in the learning activity" among the mandatory
    elements: how learners take part (online, onsite or blended, in the Commission's
    examples). It is ``delivery.modes``.

    Fails::

        title: Big History
        issuer: {country: NL}
        delivery: {pacing: cohort}

    Passes::

        title: Big History
        issuer: {country: NL}
        delivery: {modes: [in_person], pacing: cohort}
    """
    delivery = course.delivery
    if (delivery is not None and delivery.modes) or ctx.refused("/delivery/modes"):
        return
    ctx.report(
        "/delivery/modes",
        "The form of participation is not given: Annex I of the EU Recommendation lists it as "
        "a mandatory element.",
        fix="Add 'modes:' under 'delivery:', e.g. 'modes: [online_async]' or 'modes: [in_person]'.",
    )


@rule(
    id="EUR010",
    name="eu-quality-assurance-type",
    severity="error",
    source=recommendation(f"{TITLE}, mandatory (11)", "verbatim", "A1"),
    element=QUALITY,
    reads=("/quality_assurance/type",),
)
def quality_assurance_type(course: Course, ctx: RuleContext) -> None:
    """The type of quality assurance is given: internal, external, or both.

    Annex I lists the "type of quality assurance used to underpin the micro-credential" among
    the mandatory elements. It is ``quality_assurance.type``: ``internal`` (the institution's
    own bodies), ``external`` (an outside body) or ``internal_and_external``. EUR018 asks for
    both, as the Quality principle of Annex II does.

    Fails::

        title: Big History
        issuer: {country: NL}
        quality_assurance: {approved_by: Examination Board}

    Passes::

        title: Big History
        issuer: {country: NL}
        quality_assurance: {type: internal_and_external}
    """
    qa = course.quality_assurance
    if (qa is not None and qa.type) or ctx.refused("/quality_assurance/type"):
        return
    ctx.report(
        "/quality_assurance/type",
        "The type of quality assurance is not given: Annex I of the EU Recommendation lists it "
        "as a mandatory element.",
        fix="Add 'type:' under 'quality_assurance:' (internal, external or internal_and_external).",
    )


def _record_note(
    course: Course, ctx: RuleContext, words: tuple[str, ...], what: str, example: str
) -> None:
    """The info of EUR011 and EUR012: the issued record should show ``what``."""
    recognition = course.recognition
    fields = recognition.transcript_fields if recognition else None
    if ctx.refused("/recognition/transcript_fields") or mentions(fields, words):
        return
    if fields:
        said = f"recognition.transcript_fields lists what the issued record shows, not {what}"
    else:
        said = "this file does not say what the issued record shows"
    ctx.report(
        "/recognition/transcript_fields",
        f"{capitalized(what)} belongs to the credential issued to each learner, not to the course "
        f"(Annex I of the EU Recommendation lists it as mandatory): {said}.",
        fix=f"List what the issued record shows under 'recognition:' as 'transcript_fields:', "
        f"{example} among it.",
    )


@rule(
    id="EUR011",
    name="eu-learner-on-record",
    severity="info",
    source=recommendation(f"{TITLE}, mandatory (1)", "verbatim", "A1"),
    element=LEARNER,
    reads=("/recognition/transcript_fields",),
)
def learner_on_record(course: Course, ctx: RuleContext) -> None:
    """The issued record identifies the learner.

    Annex I lists the "identification of the learner" among the mandatory elements, but a
    course file describes the offering, not one learner's credential: the learner is named on
    the credential issued to each of them. What a course file can show is that the issued
    record carries it: ``recognition.transcript_fields`` lists what the record shows, and an
    item naming the learner (``learner_name``, ``student_number``, ``holder``) satisfies this
    note. It is an info, never an error.

    Fails::

        title: Big History
        issuer: {country: NL}
        recognition:
          transcript_fields: [title, ects_credits]

    Passes::

        title: Big History
        issuer: {country: NL}
        recognition:
          transcript_fields: [learner_name, title, ects_credits, date_of_issue]
    """
    _record_note(course, ctx, LEARNER_WORDS, "the identification of the learner", "the learner")


@rule(
    id="EUR012",
    name="eu-issue-date-on-record",
    severity="info",
    source=recommendation(f"{TITLE}, mandatory (5)", "verbatim", "A1"),
    element=ISSUED,
    reads=("/recognition/transcript_fields",),
)
def issue_date_on_record(course: Course, ctx: RuleContext) -> None:
    """The issued record gives the date of issuing.

    Annex I lists the "date of issuing" among the mandatory elements. It is the date each
    learner's credential is issued, so a course file cannot hold it; it can show that the
    issued record carries it. An item of ``recognition.transcript_fields`` that names the
    issue or the award (``date_of_issue``, ``issued_on``, ``award_date``) satisfies this note.
    It is an info, never an error.

    Fails::

        title: Big History
        issuer: {country: NL}
        recognition:
          transcript_fields: [learner_name, title]

    Passes::

        title: Big History
        issuer: {country: NL}
        recognition:
          transcript_fields: [learner_name, title, date_of_issue]
    """
    _record_note(course, ctx, ISSUE_WORDS, "the date of issuing", "the date of issue")


@rule(
    id="EUR013",
    name="eu-prerequisites-stated",
    severity="info",
    source=recommendation(f"{TITLE}, optional elements", "verbatim", "A2"),
    element=PREREQUISITES,
    reads=("/prerequisites",),
)
def prerequisites_stated(course: Course, ctx: RuleContext) -> None:
    """The prerequisites to enrol are stated, or the file says there are none.

    Annex I lists the "prerequisites needed to enrol in the learning activity" among the
    optional elements, to give where relevant. A learner deciding whether to enrol wants to
    know: list them under ``prerequisites``, or write ``prerequisites: []`` for none.

    Fails::

        title: Big History
        issuer: {country: NL}

    Passes::

        title: Big History
        issuer: {country: NL}
        prerequisites: []
    """
    if course.prerequisites is not None or ctx.refused("/prerequisites"):
        return
    ctx.report(
        "/prerequisites",
        "The file does not say what is needed to enrol (an optional element of Annex I of the "
        "EU Recommendation).",
        fix="List the entry requirements under 'prerequisites:', or write 'prerequisites: []' "
        "if there are none.",
    )


@rule(
    id="EUR014",
    name="eu-supervision-stated",
    severity="info",
    source=recommendation(f"{TITLE}, optional elements", "verbatim", "A2"),
    element=SUPERVISION,
    reads=("/assessments/*/supervision",),
)
def supervision_stated(course: Course, ctx: RuleContext) -> None:
    """The assessments say whether they are supervised and whether identity is checked.

    Annex I lists "supervision and identity verification during assessment" among the optional
    elements, with three values: unsupervised with no identity verification, supervised with
    no identity verification, and supervised online or onsite with identity verification. An
    assessment's ``supervision`` takes them: ``unsupervised``, ``supervised`` and
    ``supervised_with_id``. The note is given when no assessment says.

    Fails::

        title: Big History
        issuer: {country: NL}
        assessments:
          - {id: A1, type: exam}

    Passes::

        title: Big History
        issuer: {country: NL}
        assessments:
          - {id: A1, type: exam, supervision: supervised_with_id}
    """
    assessments = course.assessments or []
    if not assessments or any(a.supervision for a in assessments):
        return
    if ctx.any_refused("assessments", assessments, "supervision"):
        return
    ctx.report(
        "/assessments",
        "No assessment says whether it is supervised and whether the learner's identity is "
        "checked (an optional element of Annex I of the EU Recommendation).",
        fix="Give the assessments a 'supervision:' (unsupervised, supervised or "
        "supervised_with_id).",
    )


@rule(
    id="EUR015",
    name="eu-stackability-stated",
    severity="info",
    source=recommendation(f"{TITLE}, optional elements", "verbatim", "A2"),
    element=STACKABILITY,
    reads=("/standalone", "/pathways"),
)
def stackability_stated(course: Course, ctx: RuleContext) -> None:
    """The file says whether the micro-credential stands alone or stacks into another.

    Annex I lists the "integration/stackability options" among the optional elements:
    stand-alone, independent micro-credential, or integrated, stackable towards another
    credential. Say ``standalone: true`` (or false), or give what it stacks or ladders into
    under ``pathways``.

    Fails::

        title: Big History
        issuer: {country: NL}

    Passes::

        title: Big History
        issuer: {country: NL}
        standalone: true
    """
    if course.standalone is not None or ctx.refused("/standalone"):
        return
    pathways = course.pathways
    if pathways is not None and (
        pathways.stacks_into or pathways.ladders_into or pathways.transfer
    ):
        return
    ctx.report(
        "/standalone",
        "The file does not say whether the micro-credential stands alone or stacks toward "
        "another credential (an optional element of Annex I of the EU Recommendation).",
        fix="Add 'standalone: true' if it is awarded on its own, and what it stacks into under "
        "'pathways:'.",
    )


@rule(
    id="EUR016",
    name="eu-grading-scheme",
    severity="info",
    source=recommendation(f"{TITLE}, optional elements", "verbatim", "A2"),
    element=GRADE,
    reads=("/grading/scheme", "/grading/description"),
)
def grading_scheme(course: Course, ctx: RuleContext) -> None:
    """The grading scheme is given, so that the grade achieved can be understood.

    Annex I lists the "grade achieved" among the optional elements. The grade is one
    learner's, on the issued credential; what a course file can give is the scheme it is
    awarded in (``grading.scheme``: pass_fail, letter, percentage, points, levels or other),
    without which a grade means little abroad. A scheme of ``other`` needs its
    ``description``.

    Fails::

        title: Big History
        issuer: {country: NL}
        grading: {scheme: other}

    Passes::

        title: Big History
        issuer: {country: NL}
        grading:
          scheme: points
          description: Dutch grades from 1 to 10; 5.5 or more is a pass.
    """
    grading = course.grading
    if ctx.refused("/grading/scheme"):
        return
    if grading is None or grading.scheme is None:
        ctx.report(
            "/grading/scheme",
            "The file does not say how the result is graded, so a grade achieved cannot be "
            "read (an optional element of Annex I of the EU Recommendation).",
            fix="Add 'grading:' with 'scheme:' (pass_fail, letter, percentage, points, levels "
            "or other) and a 'description:' of the grades.",
        )
    elif grading.scheme == "other" and not filled(grading.description):
        ctx.report(
            "/grading/description",
            "The grading scheme is 'other' but is not described, so a grade achieved cannot "
            "be read.",
            fix="Add 'description:' under 'grading:' with the grades and what passing is.",
        )


@rule(
    id="EUR017",
    name="eu-further-information",
    severity="info",
    source=recommendation(f"{TITLE}, optional elements", "verbatim", "A2"),
    element=FURTHER,
    reads=("/publication/url",),
)
def further_information(course: Course, ctx: RuleContext) -> None:
    """A public page gives further information about the micro-credential.

    Annex I lists "further information" among the optional elements. mcvalidate reads it as
    the offering's public page, ``publication.url``, where a learner or an employer finds what
    the record does not say.

    Fails::

        title: Big History
        issuer: {country: NL}

    Passes::

        title: Big History
        issuer: {country: NL}
        publication: {url: "https://www.uva.nl/en/education/for-professionals/microcredentials.html"}
    """
    publication = course.publication
    if (publication is not None and publication.url) or ctx.refused("/publication/url"):
        return
    ctx.report(
        "/publication/url",
        "No public page gives further information about the micro-credential (an optional "
        "element of Annex I of the EU Recommendation).",
        fix="Add 'url:' under 'publication:' with the offering's public web page.",
    )
