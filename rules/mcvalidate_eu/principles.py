"""Rules from Annex II of the Recommendation: the European principles for the design and
issuance of micro-credentials, where a course file can show them.

The principles are guidance ("should"), so no rule here is an error. Only some of their words
could be read (the Transparency principle and the definition's "transparent and clearly defined
criteria", quoted word for word by the ETF; portability, quoted from the Recommendation's
definitions); the wording of the others is known from summaries or from memory of the text,
and the checks built on them are mcvalidate's reading, which each rule's page says. The
Learner-centred and the Information and guidance principles are about how a provider works,
not about what a course file holds: they are not checked (the pack's page lists them).
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import filled
from mcvalidate_eu.sources import ANNEX_II, recommendation

PRINCIPLES = "European principles for the design and issuance of micro-credentials"
QUALITY = f"{ANNEX_II} Quality"
TRANSPARENCY = f"{ANNEX_II} Transparency"
RELEVANCE = f"{ANNEX_II} Relevance"
VALID_ASSESSMENT = f"{ANNEX_II} Valid assessment"
PATHWAYS = f"{ANNEX_II} Learning pathways"
RECOGNITION = f"{ANNEX_II} Recognition"
PORTABLE = f"{ANNEX_II} Portable"
AUTHENTIC = f"{ANNEX_II} Authentic"

DIGITAL_FORMATS = ("digital_badge", "wallet_credential")


@rule(
    id="EUR018",
    name="eu-internal-and-external-quality",
    severity="warning",
    source=recommendation(f"{PRINCIPLES}: Quality", "secondary", "P2"),
    element=QUALITY,
    reads=("/quality_assurance/type", "/quality_assurance/external_approvals", "/issuer/regulator"),
)
def internal_and_external_quality(course: Course, ctx: RuleContext) -> None:
    """Quality assurance is internal and external.

    The Quality principle of Annex II has micro-credentials subject to internal and external
    quality assurance by the system producing them (known here from summaries of the text,
    P2); the external quality assurance looks primarily at the provider, not at each course.
    So a course reviewed internally passes when the file shows an external review of the
    provider or of the course: ``quality_assurance.type: internal_and_external``, or an
    external body under ``issuer.regulator`` or ``quality_assurance.external_approvals``. A
    file that gives no type at all gets EUR010's error instead.

    Fails::

        title: Big History
        issuer: {country: NL}
        quality_assurance: {type: internal}

    Passes::

        title: Big History
        issuer: {country: NL, regulator: NVAO}
        quality_assurance: {type: internal}
    """
    qa = course.quality_assurance
    if qa is None or qa.type is None or qa.type == "internal_and_external":
        return
    if qa.type == "internal":
        regulator = course.issuer.regulator if course.issuer else None
        if filled(regulator) or qa.external_approvals:
            return
        if ctx.refused("/issuer/regulator") or ctx.refused("/quality_assurance/external_approvals"):
            return
        said, fix = (
            "only internal quality assurance is given, and no external body reviews the "
            "provider or the course",
            "If an external body reviews the institution (an accreditation agency) or the "
            "course, name it under 'issuer.regulator' or 'quality_assurance.external_approvals', "
            "or write 'type: internal_and_external'.",
        )
    else:
        said, fix = (
            "only external quality assurance is given",
            "If the institution's own bodies review it too, write 'type: internal_and_external'.",
        )
    ctx.report(
        "/quality_assurance/type",
        f"The Quality principle of the EU Recommendation (Annex II) asks for internal and "
        f"external quality assurance, but {said}.",
        fix=fix,
    )


@rule(
    id="EUR019",
    name="eu-issuer-legal-id",
    severity="warning",
    source=recommendation(f"{PRINCIPLES}: Authentic", "inferred", "P5"),
    element=AUTHENTIC,
    reads=("/issuer/legal_id",),
)
def issuer_legal_id(course: Course, ctx: RuleContext) -> None:
    """The issuer's legal identifier is given.

    The Authentic principle of Annex II has a micro-credential carry enough information to
    check the identity of the holder, the legal identity of the issuer, and the date and
    place of issuance. Its wording could not be read (it is known from the project's notes),
    so this is mcvalidate's reading, and a warning: the course file gives the issuer's legal
    identifier (a registration or VAT number, a charter number, an identifier of the
    institution in the EU's programmes) in ``issuer.legal_id``, for the issued credentials
    to carry. The holder and the date are the issued credential's (EUR011, EUR012).

    Fails::

        title: Big History
        issuer: {name: University of Amsterdam, country: NL}

    Passes::

        title: Big History
        issuer: {name: University of Amsterdam, country: NL, legal_id: NL AMSTERD01}
    """
    issuer = course.issuer
    if (issuer is not None and filled(issuer.legal_id)) or ctx.refused("/issuer/legal_id"):
        return
    ctx.report(
        "/issuer/legal_id",
        "The issuer's legal identifier is not given; in mcvalidate's reading of the Authentic "
        "principle (Annex II of the EU Recommendation), a credential carries the issuer's "
        "legal identity.",
        fix="Add 'legal_id:' under 'issuer:' with the institution's registration, VAT or "
        "charter number.",
    )


@rule(
    id="EUR020",
    name="eu-content-described",
    severity="warning",
    source=recommendation(f"{PRINCIPLES}: Transparency", "verbatim", "P1"),
    element=TRANSPARENCY,
    reads=("/summary",),
)
def content_described(course: Course, ctx: RuleContext) -> None:
    """The content of the micro-credential is described.

    The Transparency principle of Annex II has micro-credentials "measurable, comparable and
    understandable, with clear information on learning outcomes, workload, content, level,
    and the learning offer, as relevant" (quoted by the ETF, P1). The outcomes, the workload
    and the level are Annex I's elements (EUR003, EUR004, EUR005); the content is the file's
    ``summary``, which this rule asks for.

    Fails::

        title: Big History
        issuer: {country: NL}

    Passes::

        title: Big History
        issuer: {country: NL}
        summary: An integrated overview of the whole known past, from the Big Bang to today.
    """
    if filled(course.summary) or ctx.refused("/summary"):
        return
    ctx.report(
        "/summary",
        "The content is not described: the Transparency principle of the EU Recommendation "
        "(Annex II) asks for clear information on the content.",
        fix="Add 'summary:' with a paragraph on what the micro-credential covers, for whom, "
        "and how it is delivered.",
    )


@rule(
    id="EUR021",
    name="eu-needs-identified",
    severity="warning",
    source=recommendation(
        "Paragraph 5(a): 'respond to societal, personal, cultural or labour market needs'",
        "verbatim",
        "D1",
    ),
    element=RELEVANCE,
    reads=("/needs", "/partners"),
)
def needs_identified(course: Course, ctx: RuleContext) -> None:
    """The needs the micro-credential answers are described, or its partners named.

    The Recommendation defines micro-credentials as designed to give the learner knowledge,
    skills and competences "that respond to societal, personal, cultural or labour market
    needs" (D1), and its Relevance principle (Annex II) has them target identified learning
    needs, with employers and social partners involved. A file shows it with a described
    need under ``needs``, or partners under ``partners``. The principle is guidance: a
    warning.

    Fails::

        title: Big History
        issuer: {country: NL}

    Passes::

        title: Big History
        issuer: {country: NL}
        needs:
          - type: community
            description: Professionals want an overview that connects what the sciences know.
    """
    if any(filled(n.description) for n in course.needs or ()) or course.partners:
        return
    if ctx.refused("/needs") or ctx.refused("/partners"):
        return
    if ctx.any_refused("needs", course.needs, "description"):
        return
    ctx.report(
        "/needs",
        "No need is described and no partner named: the EU Recommendation defines "
        "micro-credentials as responding to societal, personal, cultural or labour market "
        "needs.",
        fix="Add 'needs:' with the need's 'type' and 'description' (and the employers or "
        "social partners involved under 'partners:').",
    )


@rule(
    id="EUR022",
    name="eu-assessment-criteria",
    severity="warning",
    source=recommendation(
        "Paragraph 5(a): 'assessed against transparent and clearly defined criteria'",
        "verbatim",
        "P3",
    ),
    element=VALID_ASSESSMENT,
    reads=("/assessments/*/passing",),
)
def assessment_criteria(course: Course, ctx: RuleContext) -> None:
    """Each assessment that counts toward the award says what passing is.

    The Recommendation defines a micro-credential's learning outcomes as "assessed against
    transparent and clearly defined criteria" (quoted by the ETF, P3), and its Valid assessment
    principle builds on it. A criterion a file can show is each assessment's ``passing``: a
    mark, or the criterion in words. Assessments marked ``summative: false`` (practice) are not
    asked. A file with no assessment gets EUR007's error instead.

    Fails::

        title: Big History
        issuer: {country: NL}
        assessments:
          - {id: A1, type: assignment, summative: true}

    Passes::

        title: Big History
        issuer: {country: NL}
        assessments:
          - {id: A1, type: assignment, summative: true, passing: 5.5}
    """
    for index, assessment in enumerate(course.assessments or ()):
        if assessment.summative is False or assessment.passing is not None:
            continue
        if ctx.refused(f"/assessments/{index}/passing"):
            continue
        name = assessment.title or assessment.id or f"assessment {index + 1}"
        ctx.report(
            f"/assessments/{index}/passing",
            f"'{name}' does not say what passing is: the EU Recommendation has learning "
            "outcomes assessed against transparent and clearly defined criteria.",
            fix="Add 'passing:' with the mark needed, or the criterion in words.",
        )


@rule(
    id="EUR023",
    name="eu-learning-pathways",
    severity="warning",
    source=recommendation(f"{PRINCIPLES}: Learning pathways", "inferred", "P5"),
    element=PATHWAYS,
    reads=(
        "/pathways/stacks_into",
        "/pathways/ladders_into",
        "/pathways/transfer",
        "/pathways/prior_learning_recognition",
    ),
)
def learning_pathways(course: Course, ctx: RuleContext) -> None:
    """The micro-credential leads somewhere: it stacks, ladders or transfers, or prior learning
    is recognised for it.

    The Learning pathways principle of Annex II has micro-credentials designed to support
    flexible learning pathways, including validation and recognition of prior learning and
    the stacking of micro-credentials. Its wording could not be read (the project's notes
    give it from memory of the text), so this is mcvalidate's reading, and a warning: the file
    gives a pathway under ``pathways`` (stacks_into, ladders_into, transfer, or
    ``prior_learning_recognition: true``). A ``none_reason`` explains the absence but does not
    make a pathway.

    Fails::

        title: Big History
        issuer: {country: NL}
        pathways:
          none_reason: A one-off course.

    Passes::

        title: Big History
        issuer: {country: NL}
        pathways:
          ladders_into:
            - {credential: BSc Future Planet Studies, institution: University of Amsterdam}
    """
    pathways = course.pathways
    if pathways is not None and (
        pathways.stacks_into
        or pathways.ladders_into
        or pathways.transfer
        or pathways.prior_learning_recognition
    ):
        return
    if ctx.refused("/pathways"):
        return
    ctx.report(
        "/pathways",
        "No pathway is given; in mcvalidate's reading of the Learning pathways principle "
        "(Annex II of the EU Recommendation), a micro-credential supports flexible pathways: "
        "stacking, laddering, transfer or recognition of prior learning.",
        fix="Add under 'pathways:' what it stacks or ladders into, where it transfers, or "
        "'prior_learning_recognition: true'.",
    )


@rule(
    id="EUR024",
    name="eu-recognition-purpose",
    severity="warning",
    source=recommendation(f"{PRINCIPLES}: Recognition", "inferred", "P5"),
    element=RECOGNITION,
    reads=("/recognition/purposes",),
)
def recognition_purpose(course: Course, ctx: RuleContext) -> None:
    """The file says what the micro-credential is recognised for: employment, further
    learning, or both.

    The Recognition principle of Annex II has micro-credentials carry a clear signal of
    learning outcomes, for their recognition in education, training or employment. Its
    wording could not be read, so this is mcvalidate's reading, and a warning: the file says
    what it is recognised for under ``recognition.purposes``.

    Fails::

        title: Big History
        issuer: {country: NL}
        recognition: {formats: [digital_badge]}

    Passes::

        title: Big History
        issuer: {country: NL}
        recognition: {purposes: [further_learning], formats: [digital_badge]}
    """
    recognition = course.recognition
    if (recognition is not None and recognition.purposes) or ctx.refused("/recognition/purposes"):
        return
    ctx.report(
        "/recognition/purposes",
        "The file does not say what the micro-credential is recognised for; in mcvalidate's "
        "reading of the Recognition principle (Annex II of the EU Recommendation), it signals "
        "learning outcomes for recognition in education, training or employment.",
        fix="Add 'purposes:' under 'recognition:' (employment, further_learning, or both).",
    )


@rule(
    id="EUR025",
    name="eu-portable-format",
    severity="warning",
    source=recommendation("Definitions: 'portability'; Annex II: Portable", "inferred", "P4"),
    element=PORTABLE,
    reads=("/recognition/formats",),
)
def portable_format(course: Course, ctx: RuleContext) -> None:
    """The micro-credential is issued in a digital format its holder can store and share.

    The Recommendation defines micro-credentials as owned by the learner, shareable and
    portable, and portability as the holder's ability to store them in a system of their
    choice, share them with a party of their choice, and have everyone understand them and
    verify their authenticity (P4, quoted word for word). A paper certificate or a transcript
    held by the institution does not let the holder do that alone; a digital badge or a
    verifiable credential in a wallet (Europass's, for one) does. That a digital format is
    the test is mcvalidate's reading of the Portable principle: a warning.

    Fails::

        title: Big History
        issuer: {country: NL}
        recognition: {formats: [certificate, transcript]}

    Passes::

        title: Big History
        issuer: {country: NL}
        recognition: {formats: [digital_badge, transcript]}
    """
    recognition = course.recognition
    formats = recognition.formats if recognition else None
    if any(f in DIGITAL_FORMATS for f in formats or ()) or ctx.refused("/recognition/formats"):
        return
    said = "is not issued in a digital format" if formats else "does not say how it is issued"
    ctx.report(
        "/recognition/formats",
        f"The micro-credential {said}; in mcvalidate's reading of the Portable principle "
        "(Annex II of the EU Recommendation), its holder can store, share and have it "
        "verified, as a digital badge or a wallet credential allows.",
        fix="Add 'digital_badge' or 'wallet_credential' to 'formats:' under 'recognition:' "
        "if the credential is issued so.",
    )
