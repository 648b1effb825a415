"""Rules from the Common Microcredential Framework's requirements.

The Framework states what a course "must" do to qualify as a microcredential within it (C1):
its study time, its credits, its level, a summative assessment that awards academic credit,
a degree it counts toward, a reliable ID verification at assessment, and a transcript. Each of
these is an error when the file contradicts it or does not show it. Where the Framework's
words leave a condition that a course file cannot show (an EQF level of 4 or 5 must "fulfil
the criteria" of ECTS), the check is mcvalidate's reading, and a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import listing, number
from mcvalidate_emc.sources import REQUIREMENTS, cmf

HOURS = "Total study time of 100-150 hours"
CREDITS = "Credit equivalence: 10-15 UK credits, 4-6 ECTS, or 2-3 US credits"
LEVEL = "Level: EQF 6-7, or the national equivalent, or EQF 4-5 with the ECTS criteria"
ASSESSMENT = "Summative assessment that awards academic credit"
AWARD = "Awards academic credit, directly or via recognition of prior learning"
DEGREE = "Counts toward at least one degree programme"
ID_CHECK = "Reliable ID verification at the point of assessment"
TRANSCRIPT = "Transcript: learning outcomes, study hours, EQF level, credits"

STUDY_HOURS = (100, 150)
# The credit ranges, by credit system, and where each is written in the file.
RANGES = {"ects": (4, 6), "uk": (10, 15), "us": (2, 3)}
SYSTEM_NAMES = {"ects": "ECTS", "uk": "UK credits", "us": "US credits"}
CMF_EQF = (6, 7)
CMF_EQF_WITH_ECTS = (4, 5)
# What the transcript sets out, and the words that name each item in transcript_fields.
TRANSCRIPT_ITEMS = {
    "the learning outcomes": ("outcome",),
    "the total study hours": ("hour", "study_time", "workload"),
    "the EQF level": ("eqf", "level"),
    "the credits earned": ("credit", "ects"),
}


def credits_stated(course: Course) -> Iterator[tuple[str, str, float]]:
    """``(system, pointer, value)`` for each credit value the file gives in ECTS, UK or US
    credits."""
    credit = course.credit
    if credit is None:
        return
    if credit.value is not None and credit.system in RANGES:
        yield credit.system, "/credit/value", credit.value
    if credit.ects is not None and credit.system != "ects":
        yield "ects", "/credit/ects", credit.ects


def eqf_levels(course: Course) -> list[tuple[str, int]]:
    """``(pointer, value)`` of every EQF level the file gives, the level and its equivalents."""
    level = course.level
    if level is None:
        return []
    found = []
    if level.framework == "eqf" and level.value is not None:
        found.append(("/level/value", level.value))
    for index, other in enumerate(level.equivalents or ()):
        if other.framework == "eqf" and other.value is not None:
            found.append((f"/level/equivalents/{index}/value", other.value))
    return found


def ects_stated(course: Course) -> bool:
    return any(system == "ects" for system, _, _ in credits_stated(course))


@rule(
    id="EMC001",
    name="cmf-study-hours",
    severity="error",
    source=cmf(f"{REQUIREMENTS}: 'have a total study time of 100-150 hours'", "verbatim", "C1"),
    element=HOURS,
    reads=("/workload/hours",),
)
def study_hours(course: Course, ctx: RuleContext) -> None:
    """The total study time is 100 to 150 hours.

    The Framework requires a total study time of 100 to 150 hours, "including revision for,
    and completion of, the summative assessment" (C1): about one module of a degree. It is
    ``workload.hours``, all of the learner's effort; a file that does not give it cannot show
    that it qualifies.

    Fails::

        title: Cyber security operations
        frameworks: [emc-cmf]
        workload: {hours: 60}

    Passes::

        title: Cyber security operations
        frameworks: [emc-cmf]
        workload: {hours: 150, weeks: 12}
    """
    workload = course.workload
    hours = workload.hours if workload else None
    if ctx.refused("/workload/hours"):
        return
    low, high = STUDY_HOURS
    if hours is None:
        ctx.report(
            "/workload/hours",
            f"The total study time is not given: the Common Microcredential Framework requires "
            f"{low} to {high} hours, the summative assessment included.",
            fix="Add 'hours:' under 'workload:' with all the learner's hours, revision and "
            "assessment included.",
        )
    elif not low <= hours <= high:
        ctx.report(
            "/workload/hours",
            f"The total study time is {number(hours)} hours: the Common Microcredential "
            f"Framework requires {low} to {high} hours, the summative assessment included.",
            fix=f"Check the hours; a microcredential under the Framework takes {low} to {high}.",
        )


@rule(
    id="EMC002",
    name="cmf-credit-equivalence",
    severity="error",
    source=cmf(
        f"{REQUIREMENTS}: 'equate to 10-15 UK credits, 4-6 ECTS, or 2-3 US credits'",
        "verbatim",
        "C1",
    ),
    element=CREDITS,
    reads=("/credit/ects", "/credit/value", "/credit/system"),
)
def credit_equivalence(course: Course, ctx: RuleContext) -> None:
    """The credits are 4 to 6 ECTS, 10 to 15 UK credits, or 2 to 3 US credits.

    The Framework requires a microcredential to "equate to 10-15 UK credits, 4-6 ECTS, or 2-3
    US credits" (C1). One of the three is enough: ``credit.value`` counted in ``system: ects``,
    ``uk`` or ``us``, or ``credit.ects`` beside credits of another system. Credits in another
    system (an institution's own) do not show the equivalence.

    Fails::

        title: Cyber security operations
        frameworks: [emc-cmf]
        credit: {status: credit, value: 3, system: institutional}

    Passes::

        title: Cyber security operations
        frameworks: [emc-cmf]
        credit: {status: credit, value: 15, system: uk, ects: 7.5}
    """
    if any(ctx.refused(p) for p in ("/credit/ects", "/credit/value", "/credit/system")):
        return
    stated = list(credits_stated(course))
    for system, _, value in stated:
        low, high = RANGES[system]
        if low <= value <= high:
            return
    wanted = "4 to 6 ECTS, 10 to 15 UK credits or 2 to 3 US credits"
    if not stated:
        ctx.report(
            "/credit/ects",
            f"No credits are given in ECTS, UK or US credits: the Common Microcredential "
            f"Framework requires {wanted}.",
            fix="Add 'ects:' under 'credit:' with the ECTS credits (or count 'value:' in "
            "'system: ects', 'uk' or 'us').",
        )
        return
    given = listing([f"{number(v)} {SYSTEM_NAMES[s]}" for s, _, v in stated])
    ctx.report(
        stated[0][1],
        f"The credits ({given}) are outside the Common Microcredential Framework's range: "
        f"{wanted}.",
        fix="Check the credit value and its system.",
    )


@rule(
    id="EMC003",
    name="cmf-eqf-level",
    severity="error",
    source=cmf(
        f"{REQUIREMENTS}: 'be levelled at: Levels 6-7 in the European Qualification "
        "Framework ... or Levels 4-5'",
        "verbatim",
        "C1",
    ),
    element=LEVEL,
    reads=("/level/framework", "/level/value", "/level/equivalents"),
)
def eqf_level(course: Course, ctx: RuleContext) -> None:
    """The EQF level is 6 or 7 (or 4 or 5, under a condition).

    The Framework requires a microcredential levelled at EQF 6-7, or at the equivalent levels
    of the university's national qualifications framework, or at EQF 4-5 when it fulfils the
    criteria of ECTS (C1; the 2019 launch text said 6-7 only, C4). The national equivalent is
    accepted by the Framework, but it must be stated as an EQF level anyway: the transcript the
    Framework requires sets out the EQF level. So a file gives an EQF level of 4 to 7, as
    ``level`` or among ``level.equivalents``; the condition on 4-5 is EMC004's.

    Fails::

        title: Cyber security operations
        frameworks: [emc-cmf]
        level: {framework: eqf, value: 3}

    Passes::

        title: Cyber security operations
        frameworks: [emc-cmf]
        level:
          framework: other
          value: 7
          equivalents: [{framework: eqf, value: 7}]
    """
    if ctx.refused("/level") or ctx.refused("/level/value") or ctx.refused("/level/equivalents"):
        return
    levels = eqf_levels(course)
    low, high = CMF_EQF_WITH_ECTS[0], CMF_EQF[1]
    if any(low <= value <= high for _, value in levels):
        return
    if levels:
        pointer, value = levels[0]
        ctx.report(
            pointer,
            f"EQF level {value} is outside the Common Microcredential Framework's levels: 6 "
            "or 7 (or 4 or 5, fulfilling the criteria of ECTS).",
            fix="Check the level; the Framework is for microcredentials at EQF 6 or 7 (4 or 5 "
            "under its ECTS condition).",
        )
        return
    other = course.level.framework if course.level else None
    national = f" (the level is given in '{other}' only)" if other not in (None, "eqf") else ""
    ctx.report(
        "/level/equivalents" if national else "/level",
        f"No EQF level is given{national}: the Common Microcredential Framework levels "
        "microcredentials at EQF 6 or 7 (or 4 or 5), and its transcript sets out the EQF "
        "level.",
        fix="Add the EQF level: 'level: {framework: eqf, value: 7}', or the national level "
        "with 'equivalents: [{framework: eqf, value: 7}]'.",
    )


@rule(
    id="EMC004",
    name="cmf-eqf-4-5-ects",
    severity="warning",
    source=cmf(
        f"{REQUIREMENTS}: 'or Levels 4-5 and fulfil the criteria of the European Credit "
        "Transfer and Accumulation System (ECTS)'",
        "inferred",
        "C1",
    ),
    element=LEVEL,
    reads=("/level/value", "/level/equivalents", "/credit/ects", "/credit/system"),
)
def eqf_4_5_ects(course: Course, ctx: RuleContext) -> None:
    """A microcredential at EQF 4 or 5 gives its ECTS credits.

    The Framework accepts EQF levels 4 and 5 only for a microcredential that "fulfil[s] the
    criteria of the European Credit Transfer and Accumulation System" (C1). Whether a course
    fulfils the ECTS criteria (credits allocated from learning outcomes and workload) cannot
    be read from a course file; that it states its ECTS credits is the least it shows. This
    is mcvalidate's reading, hence a warning. Nothing is reported for EQF 6 or 7.

    Fails::

        title: Cyber security operations
        frameworks: [emc-cmf]
        level: {framework: eqf, value: 5}
        credit: {status: credit, value: 15, system: uk}

    Passes::

        title: Cyber security operations
        frameworks: [emc-cmf]
        level: {framework: eqf, value: 5}
        credit: {status: credit, value: 15, system: uk, ects: 7.5}
    """
    levels = eqf_levels(course)
    if any(value in CMF_EQF for _, value in levels):
        return
    low = [(p, v) for p, v in levels if v in CMF_EQF_WITH_ECTS]
    if not low or ects_stated(course) or ctx.refused("/credit/ects"):
        return
    ctx.report(
        "/credit/ects",
        f"The microcredential is at EQF level {low[0][1]} but gives no ECTS credits: the "
        "Common Microcredential Framework accepts EQF 4 or 5 only when the ECTS criteria are "
        "fulfilled (in mcvalidate's reading, the ECTS credits are stated).",
        fix="Add 'ects:' under 'credit:' with the ECTS credits allocated to it.",
    )


@rule(
    id="EMC005",
    name="cmf-summative-assessment",
    severity="error",
    source=cmf("'Provides a summative assessment that awards academic credit'", "verbatim", "C2"),
    element=ASSESSMENT,
    reads=("/assessments/*/summative",),
)
def summative_assessment(course: Course, ctx: RuleContext) -> None:
    """There is a summative assessment.

    The Framework requires a summative assessment: the study time includes "completion of,
    the summative assessment" (C1), and FutureLearn's page says a microcredential "provides a
    summative assessment that awards academic credit" (C2). A file with no assessment, or
    whose every assessment says ``summative: false`` (practice or feedback only), has none.
    An assessment that does not say is not counted against the file. The credit it awards is
    EMC007's concern.

    Fails::

        title: Cyber security operations
        frameworks: [emc-cmf]
        assessments:
          - {id: A1, type: quiz, summative: false}

    Passes::

        title: Cyber security operations
        frameworks: [emc-cmf]
        assessments:
          - {id: A1, type: quiz, summative: false}
          - {id: A2, type: exam, summative: true}
    """
    assessments = course.assessments or []
    if any(a.summative is not False for a in assessments):
        return
    if ctx.refused("/assessments") or ctx.any_refused("assessments", assessments, "summative"):
        return
    said = (
        "Every assessment is formative ('summative: false')"
        if assessments
        else "No assessment is given"
    )
    ctx.report(
        "/assessments",
        f"{said}: the Common Microcredential Framework requires a summative assessment that "
        "awards academic credit.",
        fix="Add the assessment that counts toward the award, with 'summative: true'.",
    )


@rule(
    id="EMC006",
    name="cmf-id-verification",
    severity="error",
    source=cmf(
        f"{REQUIREMENTS}: 'run a reliable method of ID verification at the point of assessment'",
        "verbatim",
        "C1",
    ),
    element=ID_CHECK,
    reads=("/assessments/*/supervision",),
)
def id_verification(course: Course, ctx: RuleContext) -> None:
    """A summative assessment checks the learner's identity.

    The Framework requires "a reliable method of ID verification at the point of assessment"
    that keeps to the university's policies or is widely adopted across the platforms (C1).
    An assessment's ``supervision: supervised_with_id`` says the learner's identity is checked
    (supervised online or on site, with identity verification, in the EU Recommendation's
    terms); at least one assessment that counts toward the award (``summative: true``, or not
    saying) must have it. Which method is reliable is the university's policy, and not read
    here. A file with no summative assessment gets EMC005's error instead.

    Fails::

        title: Cyber security operations
        frameworks: [emc-cmf]
        assessments:
          - {id: A1, type: exam, summative: true, supervision: unsupervised}

    Passes::

        title: Cyber security operations
        frameworks: [emc-cmf]
        assessments:
          - {id: A1, type: quiz, summative: true, supervision: unsupervised}
          - {id: A2, type: exam, summative: true, supervision: supervised_with_id}
    """
    assessments = course.assessments or []
    counted = [a for a in assessments if a.summative is not False]
    if not counted or any(a.supervision == "supervised_with_id" for a in counted):
        return
    if ctx.any_refused("assessments", assessments, "supervision"):
        return
    ctx.report(
        "/assessments",
        "No summative assessment checks the learner's identity ('supervision: "
        "supervised_with_id'): the Common Microcredential Framework requires a reliable "
        "method of ID verification at the point of assessment.",
        fix="Set 'supervision: supervised_with_id' on the assessment where identity is "
        "checked (proctored online, or on site with ID).",
    )


@rule(
    id="EMC007",
    name="cmf-academic-credit",
    severity="error",
    source=cmf(
        f"{REQUIREMENTS}: 'award academic credit, either directly after it's successfully "
        "completed or via recognition of prior learning'",
        "verbatim",
        "C1",
    ),
    element=AWARD,
    reads=("/credit/status", "/pathways/ladders_into"),
)
def academic_credit(course: Course, ctx: RuleContext) -> None:
    """The microcredential awards academic credit, directly or toward a programme.

    The Framework requires a microcredential to "award academic credit, either directly after
    it's successfully completed or via recognition of prior learning after the student enrols
    on a university's course of study" (C1). Directly is ``credit.status: credit``; through
    recognition of prior learning is a programme under ``pathways.ladders_into`` that grants
    credit for it.

    Fails::

        title: Cyber security operations
        frameworks: [emc-cmf]
        credit: {status: non_credit}

    Passes::

        title: Cyber security operations
        frameworks: [emc-cmf]
        credit: {status: credit, value: 15, system: uk}
    """
    credit = course.credit
    pathways = course.pathways
    if (credit is not None and credit.status == "credit") or (
        pathways is not None and pathways.ladders_into
    ):
        return
    if ctx.refused("/credit/status") or ctx.refused("/pathways/ladders_into"):
        return
    said = (
        "is declared non-credit"
        if credit is not None and credit.status == "non_credit"
        else "does not say it awards academic credit"
    )
    ctx.report(
        "/credit/status",
        f"The microcredential {said}, and no programme grants credit for it: the Common "
        "Microcredential Framework requires academic credit, directly or through recognition "
        "of prior learning.",
        fix="Write 'status: credit' under 'credit:' if completing it awards credit, or name the "
        "programme that grants credit for it under 'pathways.ladders_into'.",
    )


@rule(
    id="EMC008",
    name="cmf-counts-toward-degree",
    severity="error",
    source=cmf(f"{REQUIREMENTS}: 'count towards at least one degree programme'", "verbatim", "C1"),
    element=DEGREE,
    reads=("/pathways/ladders_into",),
)
def counts_toward_degree(course: Course, ctx: RuleContext) -> None:
    """A degree programme it counts toward is named.

    The Framework requires a microcredential to "count towards at least one degree programme
    (for example: MSc Project Management, MSc Business Analytics)" (C1). Name the programme
    under ``pathways.ladders_into`` (its ``credential``, and the institution). Whether the
    programme named is a degree is not checked: the file's word is taken.

    Fails::

        title: Cyber security operations
        frameworks: [emc-cmf]
        pathways:
          stacks_into: [Postgraduate study in computing]

    Passes::

        title: Cyber security operations
        frameworks: [emc-cmf]
        pathways:
          ladders_into:
            - {credential: MSc in Cyber Security, institution: The Open University}
    """
    pathways = course.pathways
    ladders = pathways.ladders_into if pathways else None
    if any(ladder.credential for ladder in ladders or ()) or ctx.refused("/pathways/ladders_into"):
        return
    ctx.report(
        "/pathways/ladders_into",
        "No degree programme it counts toward is named: the Common Microcredential Framework "
        "requires a microcredential to count toward at least one degree programme.",
        fix="Add the programme under 'pathways:' as 'ladders_into:', with its 'credential' and "
        "'institution'.",
    )


@rule(
    id="EMC009",
    name="cmf-transcript",
    severity="error",
    source=cmf(
        f"{REQUIREMENTS}: 'give a transcript that sets out the: learning outcomes ... total "
        "study hours ... EQF level ... number of credit points earned'",
        "verbatim",
        "C1",
    ),
    element=TRANSCRIPT,
    reads=("/recognition/transcript_fields",),
)
def transcript(course: Course, ctx: RuleContext) -> None:
    """The transcript sets out the learning outcomes, the study hours, the EQF level and the
    credits.

    The Framework requires a transcript that sets out the microcredential's learning outcomes,
    the total study hours required, its EQF level and the number of credit points earned
    (C1). ``recognition.transcript_fields`` says what the transcript shows; an item naming
    each of the four (``learning_outcomes``, ``study_hours``, ``eqf_level``,
    ``ects_credits``) satisfies the rule. One finding lists what is missing.

    Fails::

        title: Cyber security operations
        frameworks: [emc-cmf]
        recognition:
          transcript_fields: [learner_name, title, credits_earned]

    Passes::

        title: Cyber security operations
        frameworks: [emc-cmf]
        recognition:
          transcript_fields: [learning_outcomes, study_hours, eqf_level, credits_earned]
    """
    recognition = course.recognition
    fields = recognition.transcript_fields if recognition else None
    if ctx.refused("/recognition/transcript_fields"):
        return
    if not fields:
        ctx.report(
            "/recognition/transcript_fields",
            "The file does not say what the transcript shows: the Common Microcredential "
            "Framework requires a transcript with the learning outcomes, the study hours, the "
            "EQF level and the credits earned.",
            fix="Add 'transcript_fields:' under 'recognition:', e.g. [learning_outcomes, "
            "study_hours, eqf_level, credits_earned].",
        )
        return
    lowered = [item.lower() for item in fields]
    missing = [
        what
        for what, words in TRANSCRIPT_ITEMS.items()
        if not any(word in item for item in lowered for word in words)
    ]
    if missing:
        ctx.report(
            "/recognition/transcript_fields",
            f"The transcript does not set out {listing(missing)}, as the Common "
            "Microcredential Framework requires.",
            fix="Add them to 'transcript_fields:' (learning_outcomes, study_hours, eqf_level, "
            "credits_earned).",
        )
