"""Rules from the six elements of eCampusOntario's framework (sources E5 to E10).

The elements are known from transcriptions of the PDF that agree word for word, among them
eCampusOntario's own project site. They are written as "Micro-credentials will ...", the
framework's description of what a micro-credential under it is; only the Summative Assessment
element says what is required ("will require evidence of achievement of outcomes"), so only a
file without any assessment is an error. Two of the elements say "where possible"
(transcripts, partner endorsement): warnings that a file may answer with a suppression and its
reason. Where a rule reads the framework's words into a field of the format (a badge's criteria
for "evidence ... visible to employers"), its evidence is marked inferred.
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import filled, listing
from mcvalidate_ontario.checks import competency_named, formats
from mcvalidate_ontario.sources import framework

ISSUING_BODY = "Framework: Issuing Body"
COMPETENCY = "Framework: Competency/Skills Targeted"
OUTCOMES = "Framework: Outcomes"
ASSESSMENT = "Framework: Summative Assessment"
TRANSCRIPTS = "Framework: Transcriptable"
ENDORSEMENT = "Framework: Partner Endorsement"
DIGITAL = ("digital_badge", "wallet_credential")


@rule(
    id="ECO001",
    name="eco-issuing-body",
    severity="warning",
    source=framework(
        f"{ISSUING_BODY}: 'an established agency, organization, institution, or employer'",
        "verbatim",
        "E5",
    ),
    element=ISSUING_BODY,
    reads=("/issuer/name",),
)
def issuing_body(course: Course, ctx: RuleContext) -> None:
    """The issuing body is named.

    The framework's Issuing Body element has micro-credentials "issued by an established
    agency, organization, institution, or employer" (E5). Any kind of issuer can be one, so
    only the name is asked for: ``issuer.name``, as learners and employers know it. Whether
    the body is established is not something a course file can show.

    Fails::

        title: Cloud security operations
        issuer: {country: CA, region: CA-ON}

    Passes::

        title: Cloud security operations
        issuer: {name: Example College, country: CA, region: CA-ON}
    """
    issuer = course.issuer
    if (issuer is not None and filled(issuer.name)) or ctx.refused("/issuer/name", inside=True):
        return
    ctx.report(
        "/issuer/name",
        "The file does not name the issuing body; eCampusOntario's framework has "
        "micro-credentials issued by an established agency, organization, institution or "
        "employer.",
        fix="Add 'name:' under 'issuer:' with the body that awards the micro-credential.",
    )


@rule(
    id="ECO002",
    name="eco-competency-framework",
    severity="warning",
    source=framework(
        f"{COMPETENCY}: 'aligned with a common competency framework such as ... ESCO'",
        "verbatim",
        "E6",
    ),
    element=COMPETENCY,
    reads=("/competencies", "/recognition/badge/alignment"),
)
def competency_framework(course: Course, ctx: RuleContext) -> None:
    """The competencies are named, and aligned with a common competency framework.

    The framework's Competency/Skills Targeted element has micro-credentials "adhere to
    harmonized skills and competency language" and be "aligned with a common competency
    framework such as" ESCO, the European Skills, Competences, Qualifications and Occupations
    classification (E6). A competency shows it with an ``alignment`` naming the framework
    (and its code or web page); a badge alignment that names a framework counts too. Whether
    the language is harmonized cannot be judged from a file.

    Fails::

        title: Cloud security operations
        issuer: {region: CA-ON}
        competencies:
          - id: C1
            statement: Monitor cloud workloads for security events

    Passes::

        title: Cloud security operations
        issuer: {region: CA-ON}
        competencies:
          - id: C1
            statement: Monitor cloud workloads for security events
            alignment: {framework: ESCO, url: "https://esco.ec.europa.eu/en/classification/skill_main"}
    """
    if ctx.refused("/competencies", inside=True) or ctx.refused("/recognition/badge", inside=True):
        return
    if not competency_named(course):
        ctx.report(
            "/competencies",
            "No competency is named, so none can be aligned with a common competency "
            "framework, as eCampusOntario's framework asks.",
            fix="Add a 'competencies:' list, each item with an 'id', a 'statement' and an "
            "'alignment' naming the framework (ESCO, Skills for Success...).",
        )
        return
    aligned = any(
        c.alignment is not None and filled(c.alignment.framework) for c in course.competencies or ()
    )
    badge = course.recognition.badge if course.recognition else None
    if badge is not None and any(filled(a.framework) for a in badge.alignment or ()):
        aligned = True
    if not aligned:
        ctx.report(
            "/competencies",
            "No competency is aligned with a common competency framework such as ESCO, as "
            "eCampusOntario's framework asks.",
            fix="Give a competency an 'alignment:' with the 'framework' it matches and the "
            "entry's 'code' or 'url'.",
        )


@rule(
    id="ECO003",
    name="eco-outcomes-aligned",
    severity="warning",
    source=framework(
        f"{OUTCOMES}: 'performance competencies explicitly aligned to underlying knowledge, "
        "attitudes and skills'",
        "verbatim",
        "E7",
    ),
    element=OUTCOMES,
    reads=("/learning_outcomes", "/competencies"),
)
def outcomes_aligned(course: Course, ctx: RuleContext) -> None:
    """Learning outcomes are given, and each competency is served by at least one of them.

    The framework's Outcomes element has micro-credentials "recognize performance
    competencies explicitly aligned to underlying knowledge, attitudes and skills" (E7). In a
    course file the competencies are what a holder can do, the learning outcomes the knowledge
    and skills under them, and an outcome's ``competencies:`` list makes the alignment
    explicit. A competency that no outcome names stands on nothing the course teaches. A
    competency without an id cannot be named, and is left out.

    Fails::

        title: Cloud security operations
        issuer: {region: CA-ON}
        competencies:
          - {id: C1, statement: Monitor cloud workloads for security events}
        learning_outcomes:
          - {id: LO1, statement: Configure alerting rules in a cloud console}

    Passes::

        title: Cloud security operations
        issuer: {region: CA-ON}
        competencies:
          - {id: C1, statement: Monitor cloud workloads for security events}
        learning_outcomes:
          - {id: LO1, statement: Configure alerting rules in a cloud console, competencies: [C1]}
    """
    outcomes = course.learning_outcomes or []
    if ctx.refused("/learning_outcomes", inside=True) or ctx.refused("/competencies", inside=True):
        return
    if not outcomes:
        ctx.report(
            "/learning_outcomes",
            "No learning outcomes are given; eCampusOntario's framework aligns a "
            "micro-credential's competencies to the knowledge, attitudes and skills under them.",
            fix="Add a 'learning_outcomes:' list, each outcome naming the competencies it "
            "serves under 'competencies:'.",
        )
        return
    named = {c for o in outcomes for c in o.competencies or ()}
    with_ids = [(i, c) for i, c in enumerate(course.competencies or ()) if filled(c.id)]
    if not with_ids:
        return
    unserved = [(i, c) for i, c in with_ids if c.id not in named]
    if len(unserved) == len(with_ids):
        ctx.report(
            "/learning_outcomes",
            "No learning outcome names the competencies it serves, so none is explicitly "
            "aligned to them, as eCampusOntario's framework asks.",
            fix="Add 'competencies: [C1]' (the ids of the competencies) to each outcome.",
        )
        return
    for index, competency in unserved:
        ctx.report(
            f"/competencies/{index}/id",
            f"No learning outcome serves competency {competency.id}: eCampusOntario's "
            "framework has competencies aligned to the knowledge and skills under them.",
            fix=f"Add '{competency.id}' to the 'competencies:' list of the outcome(s) that "
            "build it, or remove the competency.",
        )


@rule(
    id="ECO004",
    name="eco-summative-assessment",
    severity="error",
    source=framework(
        f"{ASSESSMENT}: 'will require evidence of achievement of outcomes'", "verbatim", "E8"
    ),
    element=ASSESSMENT,
    reads=("/assessments",),
)
def summative_assessment(course: Course, ctx: RuleContext) -> None:
    """The micro-credential is assessed: at least one assessment counts toward the award.

    The framework's Summative Assessment element says micro-credentials "will require
    evidence of achievement of outcomes" (E8): the one element whose words require something.
    A file with no assessment at all, or whose every assessment is marked ``summative: false``
    (practice or feedback only), awards the micro-credential without that evidence. An
    assessment whose ``summative`` is not said is ECO005's concern.

    Fails::

        title: Cloud security operations
        issuer: {region: CA-ON}
        assessments: []

    Passes::

        title: Cloud security operations
        issuer: {region: CA-ON}
        assessments:
          - {id: A1, title: Incident response simulation, summative: true}
    """
    assessments = course.assessments or []
    if ctx.refused("/assessments", inside=True):
        return
    if not assessments:
        ctx.report(
            "/assessments",
            "No assessment is defined; eCampusOntario's framework says micro-credentials "
            "'will require evidence of achievement of outcomes'.",
            fix="Add an 'assessments:' list with the assessment(s) that decide the award, "
            "marked 'summative: true'.",
        )
    elif all(a.summative is False for a in assessments):
        ctx.report(
            "/assessments",
            "Every assessment is marked 'summative: false', so none gives the evidence of "
            "achievement that eCampusOntario's framework requires for the award.",
            fix="Mark the assessment(s) that decide the award 'summative: true', or add one.",
        )


@rule(
    id="ECO005",
    name="eco-summative-marked",
    severity="warning",
    source=framework(
        f"{ASSESSMENT}: 'will require evidence of achievement of outcomes'", "inferred", "E8"
    ),
    element=ASSESSMENT,
    reads=("/assessments",),
)
def summative_marked(course: Course, ctx: RuleContext) -> None:
    """An assessment is marked ``summative: true``: the file says which one decides the award.

    ECO004 reports a file with no assessment, or none that counts. When some assessments do
    not say whether they count (an unset ``summative`` is unknown, not false) and none says it
    does, the file does not show the evidence the Summative Assessment element asks for (E8):
    mcvalidate's reading of a silence, hence a warning.

    Fails::

        title: Cloud security operations
        issuer: {region: CA-ON}
        assessments:
          - {id: A1, title: Incident response simulation}

    Passes::

        title: Cloud security operations
        issuer: {region: CA-ON}
        assessments:
          - {id: A1, title: Incident response simulation, summative: true}
    """
    assessments = course.assessments or []
    if not assessments or any(a.summative for a in assessments):
        return
    if all(a.summative is False for a in assessments) or ctx.refused("/assessments", inside=True):
        return  # ECO004, or the schema's finding
    ctx.report(
        "/assessments",
        "No assessment is marked 'summative: true', so the file does not say which one gives "
        "the evidence of achievement eCampusOntario's framework requires.",
        fix="Mark the assessment(s) that decide the award 'summative: true'.",
    )


@rule(
    id="ECO006",
    name="eco-outcome-evidence",
    severity="warning",
    source=framework(
        f"{ASSESSMENT}: 'will require evidence of achievement of outcomes'", "verbatim", "E8"
    ),
    element=ASSESSMENT,
    reads=("/assessments", "/learning_outcomes"),
)
def outcome_evidence(course: Course, ctx: RuleContext) -> None:
    """Each learning outcome is assessed by an assessment that counts toward the award.

    The Summative Assessment element asks for "evidence of achievement of outcomes" (E8): of
    each of them. An assessment names the outcomes it gives evidence of in its ``outcomes:``
    list; one marked ``summative: false`` gives none toward the award. When no assessment
    lists its outcomes the file cannot show it, which is reported once; otherwise each
    outcome no assessment covers is reported at its id.

    Fails::

        title: Cloud security operations
        issuer: {region: CA-ON}
        learning_outcomes:
          - {id: LO1, statement: Configure alerting rules in a cloud console}
          - {id: LO2, statement: Triage a security alert}
        assessments:
          - {id: A1, title: Alerting lab, summative: true, outcomes: [LO1]}

    Passes::

        title: Cloud security operations
        issuer: {region: CA-ON}
        learning_outcomes:
          - {id: LO1, statement: Configure alerting rules in a cloud console}
          - {id: LO2, statement: Triage a security alert}
        assessments:
          - {id: A1, title: Alerting lab, summative: true, outcomes: [LO1, LO2]}
    """
    outcomes = course.learning_outcomes or []
    assessments = course.assessments or []
    if not outcomes or not assessments:
        return  # ECO003 and ECO004
    if ctx.refused("/assessments", inside=True) or ctx.refused("/learning_outcomes", inside=True):
        return
    if not any(a.outcomes for a in assessments):
        ctx.report(
            "/assessments",
            "No assessment says which learning outcomes it gives evidence of, so the "
            "evidence of achievement of outcomes that eCampusOntario's framework requires "
            "cannot be traced.",
            fix="Add 'outcomes: [LO1, LO2]' (the outcome ids) to each assessment.",
        )
        return
    covered = {o for a in assessments if a.summative is not False for o in a.outcomes or ()}
    for index, outcome in enumerate(outcomes):
        if filled(outcome.id) and outcome.id not in covered:
            pointer = f"/learning_outcomes/{index}/id"
            ctx.report(
                pointer if ctx.present(pointer) else f"/learning_outcomes/{index}",
                f"No assessment that counts toward the award gives evidence of learning "
                f"outcome {outcome.id}.",
                fix=f"Add '{outcome.id}' to the 'outcomes:' list of the summative assessment "
                "that assesses it.",
            )


@rule(
    id="ECO007",
    name="eco-evidence-visible",
    severity="warning",
    source=framework(
        f"{ASSESSMENT}: 'Evidence will be embedded and visible to employers'", "inferred", "E8"
    ),
    element=ASSESSMENT,
    reads=(
        "/recognition/formats",
        "/recognition/badge/criteria",
        "/recognition/badge/criteria_url",
    ),
)
def evidence_visible(course: Course, ctx: RuleContext) -> None:
    """The credential can carry its evidence to employers: a digital badge or wallet
    credential whose criteria are published.

    The Summative Assessment element goes on: "Evidence will be embedded and visible to
    employers" (E8). A course file cannot hold a learner's evidence, but it can say that the
    credential is a digital one that carries it (``digital_badge`` or ``wallet_credential``
    under ``recognition.formats``) and what the badge's criteria are (``criteria`` or
    ``criteria_url``), which an employer reads first. That reading is mcvalidate's, hence
    inferred.

    Fails::

        title: Cloud security operations
        issuer: {region: CA-ON}
        recognition:
          formats: [certificate]

    Passes::

        title: Cloud security operations
        issuer: {region: CA-ON}
        recognition:
          formats: [digital_badge]
          badge:
            name: Cloud Security Operations
            criteria: Passed the incident response simulation.
    """
    if ctx.refused("/recognition", inside=True):
        return
    listed = formats(course)
    if listed is None:
        ctx.report(
            "/recognition/formats",
            "The file does not say how the achievement is recorded, so whether its evidence "
            "is visible to employers, as eCampusOntario's framework has it, cannot be judged.",
            fix="Add 'formats: [digital_badge]' (or wallet_credential) under 'recognition:', "
            "with the badge's criteria.",
        )
        return
    if not any(f in DIGITAL for f in listed):
        ctx.report(
            "/recognition/formats",
            f"The achievement is recorded as {listing(listed)}, none of which carries the "
            "evidence to employers; eCampusOntario's framework has it embedded and visible to "
            "them.",
            fix="Issue a digital badge or wallet credential too (add it to 'formats:'), with "
            "criteria saying what was assessed.",
        )
        return
    badge = course.recognition.badge if course.recognition else None
    if badge is None or not (filled(badge.criteria) or badge.criteria_url):
        pointer = "/recognition/badge" if badge is not None else "/recognition/formats"
        ctx.report(
            pointer,
            "The digital credential's criteria are not given, so an employer who opens it "
            "cannot see what the evidence shows.",
            fix="Add 'criteria:' (or 'criteria_url:') under 'recognition.badge:', saying what "
            "the learner did to earn it.",
        )


@rule(
    id="ECO008",
    name="eco-transcriptable",
    severity="warning",
    source=framework(
        f"{TRANSCRIPTS}: 'compatible with traditional transcripts, where possible'",
        "verbatim",
        "E9",
    ),
    element=TRANSCRIPTS,
    reads=("/recognition/formats",),
)
def transcriptable(course: Course, ctx: RuleContext) -> None:
    """The micro-credential is recorded on a transcript, where possible.

    The framework has micro-credentials "compatible with traditional transcripts, where
    possible" (E9): listed with ``transcript`` under ``recognition.formats``. Where it is not
    possible (an employer's own credential, a non-credit offering an institution keeps off
    its transcripts), suppress the warning with the reason. A file that does not say how the
    achievement is recorded at all is ECO007's concern.

    Fails::

        title: Cloud security operations
        issuer: {region: CA-ON}
        recognition:
          formats: [digital_badge]

    Passes::

        title: Cloud security operations
        issuer: {region: CA-ON}
        recognition:
          formats: [digital_badge, transcript]
    """
    listed = formats(course)
    if listed is None or "transcript" in listed or ctx.refused("/recognition/formats", inside=True):
        return
    ctx.report(
        "/recognition/formats",
        "The micro-credential is not recorded on a transcript; eCampusOntario's framework "
        "has micro-credentials compatible with traditional transcripts, where possible.",
        fix="Add 'transcript' to 'formats:' if the institution records it; if it cannot, "
        "suppress this warning with the reason.",
    )


@rule(
    id="ECO009",
    name="eco-partner-endorsement",
    severity="warning",
    source=framework(
        f"{ENDORSEMENT}: 'validated by industry partners/external bodies, where possible'",
        "verbatim",
        "E10",
    ),
    element=ENDORSEMENT,
    reads=("/partners",),
)
def partner_endorsement(course: Course, ctx: RuleContext) -> None:
    """An industry partner or external body validates the micro-credential: the demand for
    the competency, and that the assessment reflects the job.

    The framework has micro-credentials "validated by industry partners/external bodies,
    where possible", a validation that confirms "the competency is in demand by industry" and
    that "the established assessment is reflective of job performance" (E10). Among the
    external partners (every type but ``post_secondary``), the role ``endorsement`` confirms
    both; otherwise the demand is shown by ``identify_need``, ``hiring`` or ``recognition``,
    and the assessment by ``assessment``.

    Fails::

        title: Cloud security operations
        issuer: {region: CA-ON}
        partners:
          - {name: Example Bank, type: employer, roles: [identify_need]}

    Passes::

        title: Cloud security operations
        issuer: {region: CA-ON}
        partners:
          - {name: Example Bank, type: employer, roles: [identify_need, assessment]}
    """
    partners = course.partners or []
    if ctx.refused("/partners", inside=True):
        return
    external = [p for p in partners if p.type != "post_secondary"]
    roles = {role for p in external for role in p.roles or ()}
    if "endorsement" in roles:
        return
    if not external:
        ctx.report(
            "/partners",
            "No industry partner or external body validates the micro-credential; "
            "eCampusOntario's framework asks for that validation where possible.",
            fix="List the partner under 'partners:' with the roles it plays (endorsement, or "
            "identify_need and assessment).",
        )
        return
    missing = []
    if not roles.intersection(("identify_need", "hiring", "recognition")):
        missing.append("that the competency is in demand")
    if "assessment" not in roles:
        missing.append("that the assessment reflects job performance")
    if missing:
        ctx.report(
            "/partners",
            f"No external partner is said to confirm {listing(missing)}, the validation "
            "eCampusOntario's framework asks of partner endorsement.",
            fix="Add the roles the partners play: 'endorsement', or 'identify_need' (demand) "
            "and 'assessment' (the assessment reflects the job).",
        )
