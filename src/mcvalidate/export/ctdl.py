"""Credential Engine's CTDL (Credential Transparency Description Language): the course as a
JSON-LD ``@graph`` for the Credential Registry, with the credential (``ceterms:MicroCredential``,
or the CTDL class ``recognition.badge.achievement_type`` names) and the learning program that
leads to it (``ceterms:LearningProgram``), joined by ``ceterms:requires`` -> a
``ceterms:ConditionProfile`` whose ``ceterms:targetLearningOpportunity`` is the program.

Identifiers:

- the credential is ``https://credentialengineregistry.org/resources/<ctid>``, the URI the
  Registry gives every resource, with the CTID stored in the file
  (``credential_registry.ctid``: generated once by CTX001's fix, never worked out here);
- the learning program's CTID is derived from the credential's, the same on every run (a
  name-based UUID, version 5, of the credential's UUID and ``learning-program``), so the file
  stores one identifier and the program still has its own CTID and Registry URI;
- the document's own ``@id`` is the course's URI (``export.base_url`` and the course id, else a
  name-based ``urn:uuid``: :func:`mcvalidate.export.ids.course_uri`), where the institution
  publishes the file;
- the issuer is ``https://credentialengineregistry.org/resources/<issuer.ctid>`` when the file
  gives the organisation's CTID, else a blank node in the graph (its name and web site), as
  Credential Engine's ingest examples do for an organisation not in the Registry.

The texts the author wrote are language maps in the course's language; the few words mcvalidate
writes itself (a framework's name, a review frequency) are in English (``en``), and the labels of
CTDL's own concepts are Credential Engine's (``en-US``). The ``ctdl-export`` pack
(``rules/mcvalidate_export/ctdl.py``) refuses a file that lacks what the Registry's minimum data
asks for, so :func:`build` can rely on it: a CTID, a summary, a web page, a publishable status,
a language and an issuer.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from mcvalidate.export.ids import course_uri

if TYPE_CHECKING:
    from mcvalidate.export import Job
    from mcvalidate.model import Course
    from mcvalidate.model.course import Cost, Level

CONTEXT = "https://credreg.net/ctdl/schema/context/json"
REGISTRY = "https://credentialengineregistry.org/resources/"
# The class a credential is exported as when its achievement type names no CTDL credential.
DEFAULT_CLASS = "MicroCredential"
# Every subclass of ceterms:Credential in the CTDL schema (tests/data/vendor/credentialengine/
# ctdl/schema.json; a test checks this list against it). ceterms:Credential itself is left out:
# the Registry does not take a credential of the generic type.
CREDENTIAL_CLASSES = frozenset(
    {
        "AcademicCertificate", "ApprenticeshipCertificate", "AssociateDegree",
        "AssociateOfAppliedArtsDegree", "AssociateOfAppliedScienceDegree",
        "AssociateOfArtsDegree", "AssociateOfScienceDegree", "BachelorDegree",
        "BachelorOfArtsDegree", "BachelorOfScienceDegree", "Badge",
        "BasicTechnicalCertificate", "Certificate", "CertificateOfCompletion",
        "CertificateOfParticipation", "Certification", "Degree", "DigitalBadge", "Diploma",
        "DoctoralDegree", "GeneralEducationDevelopment", "GeneralEducationLevel1Certificate",
        "GeneralEducationLevel2Certificate", "HigherEducationLevel1Certificate",
        "HigherEducationLevel2Certificate", "JourneymanCertificate", "License",
        "MasterCertificate", "MasterDegree", "MasterOfArtsDegree", "MasterOfScienceDegree",
        "MicroCredential", "OpenBadge", "PostBaccalaureateCertificate",
        "PostMasterCertificate", "PreApprenticeshipCertificate", "ProfessionalCertificate",
        "ProfessionalDoctorate", "ProficiencyCertificate", "QualityAssuranceCredential",
        "ResearchDoctorate", "SecondaryEducationCertificate", "SecondarySchoolDiploma",
        "SpecialistDegree", "TechnicalLevel1Certificate", "TechnicalLevel2Certificate",
        "TechnicalLevel3Certificate", "WorkBasedLearningCertificate",
    }
)  # fmt: skip
# The course's status -> the credential's ceterms:CredentialStatus concept and the learning
# program's ceterms:LifeCycleStatus concept. CTDL has no status for a credential not yet
# approved: a draft or a proposal is not published (CTX004). "approved" (approved, not yet
# offered) is announced as active: CTDL has no "upcoming" status.
STATUSES = {
    "active": ("Active", "Active"),
    "approved": ("Active", "Active"),
    "suspended": ("Suspended", "Suspended"),
    "retired": ("Deprecated", "Ceased"),
}
UNPUBLISHABLE = frozenset({"draft", "proposed"})
# CTDL's labels of the concepts used here (the schema's skos:prefLabel, en-US).
_LABELS = {
    "credentialStat:Active": "Active",
    "credentialStat:Suspended": "Suspended",
    "credentialStat:Deprecated": "Deprecated",
    "lifeCycle:Active": "Active",
    "lifeCycle:Suspended": "Suspended",
    "lifeCycle:Ceased": "Ceased",
    "deliveryType:BlendedDelivery": "Blended Delivery",
    "deliveryType:InPerson": "In-Person Only",
    "deliveryType:OnlineOnly": "Online Only",
    "deliveryType:VariableSite": "Variable Site",
    "costType:AggregateCost": "Aggregate Cost",
    "costType:Application": "Application",
    "costType:EnrollmentFee": "Enrollment Fee",
    "costType:Equipment": "Equipment",
    "costType:GraduationFee": "Graduation Fee",
    "costType:LearningResource": "Learning Resource",
    "costType:MixedFees": "Mixed Fees",
    "costType:StudentServicesFee": "Student Services Fee",
    "costType:TechnologyFee": "Technology Fee",
    "costType:Travel": "Travel",
    "costType:Tuition": "Tuition",
}
_SCHEMES = {
    "credentialStat": "CredentialStatus",
    "lifeCycle": "LifeCycleStatus",
    "deliveryType": "Delivery",
    "costType": "CostType",
}
_SCHEME_NAMES = {
    "CredentialStatus": "Credential Status",
    "LifeCycleStatus": "Life Cycle Status",
    "Delivery": "Delivery Type",
    "CostType": "Cost Type",
}
# A part of the cost, by the name the file gives it -> its ceterms:CostType concept; any other
# name is "Mixed Fees", with the file's name as the cost's name.
_COST_TYPES = {
    "tuition": "Tuition",
    "fees": "MixedFees",
    "fee": "MixedFees",
    "materials": "LearningResource",
    "books": "LearningResource",
    "textbooks": "LearningResource",
    "learning_resources": "LearningResource",
    "technology": "TechnologyFee",
    "technology_fee": "TechnologyFee",
    "application": "Application",
    "application_fee": "Application",
    "enrollment": "EnrollmentFee",
    "enrolment": "EnrollmentFee",
    "registration": "EnrollmentFee",
    "equipment": "Equipment",
    "tools": "Equipment",
    "travel": "Travel",
    "graduation": "GraduationFee",
    "student_services": "StudentServicesFee",
}
# The course format's credit systems -> CTDL's credit unit and the words saying which credits.
# CTDL's 15 units have no ECTS, UK or NZQCF credit: those are DegreeCredit, with the system named.
_CREDIT_UNITS = {
    "us": ("creditUnit:SemesterHour", "US credit hours"),
    "ects": ("creditUnit:DegreeCredit", "ECTS credits"),
    "uk": ("creditUnit:DegreeCredit", "UK credits"),
    "nzqcf": ("creditUnit:DegreeCredit", "NZQCF credits"),
    "institutional": ("creditUnit:DegreeCredit", "Institutional credits"),
    "other": ("creditUnit:DegreeCredit", "Credits"),
}
_LEVELS = {
    "eqf": (
        "European Qualifications Framework",
        "https://europa.eu/europass/en/europass-tools/european-qualifications-framework",
    ),
    "qf_ehea": (
        "Qualifications Framework of the European Higher Education Area",
        "https://www.ehea.info/page-qualification-frameworks",
    ),
    "nzqcf": (
        "New Zealand Qualifications and Credentials Framework",
        "https://www2.nzqa.govt.nz/qualifications-and-standards/about-qualifications/nzqcf/",
    ),
    "aqf": ("Australian Qualifications Framework", "https://www.aqf.edu.au/"),
}
_CIP_CANADA = (
    "Classification of Instructional Programs (CIP) Canada 2021",
    "https://www.statcan.gc.ca/en/subjects/standard/cip/2021/index",
)
_CIP_US = ("Classification of Instructional Programs (CIP)", "https://nces.ed.gov/ipeds/cipcode/")
_NOC = ("National Occupational Classification (NOC) 2021", "https://noc.esdc.gc.ca/")
_NZSCED = ("New Zealand Standard Classification of Education (NZSCED)", "")
_ISCED_F = (
    "ISCED Fields of Education and Training 2013 (ISCED-F)",
    "https://uis.unesco.org/en/topic/international-standard-classification-education-isced",
)


def registry_uri(ctid: str) -> str:
    """The URI the Credential Registry gives the resource with this CTID."""
    return REGISTRY + ctid


def program_ctid(ctid: str) -> str:
    """The learning program's CTID: a name-based UUID of the credential's, so that the file
    stores one identifier and every export gives the program the same one."""
    return "ce-" + str(uuid.uuid5(uuid.UUID(ctid[3:]), "learning-program"))


def credential_class(course: Course) -> str:
    """The CTDL class of the credential: the badge's achievement type when it names a CTDL
    credential class (``Certificate``, ``Badge``...), else ``MicroCredential``."""
    badge = course.recognition.badge if course.recognition else None
    kind = badge.achievement_type if badge is not None else DEFAULT_CLASS
    return kind if kind in CREDENTIAL_CLASSES else DEFAULT_CLASS


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _concept(term: str) -> dict[str, Any]:
    """A CTDL concept as a ceterms:CredentialAlignmentObject, as the Registry writes one."""
    scheme = _SCHEMES[term.split(":")[0]]
    return {
        "@type": "ceterms:CredentialAlignmentObject",
        "ceterms:framework": f"https://credreg.net/ctdl/terms/{scheme}",
        "ceterms:frameworkName": {"en-US": _SCHEME_NAMES[scheme]},
        "ceterms:targetNode": term,
        "ceterms:targetNodeName": {"en-US": _LABELS[term]},
    }


def _coded(
    code: str, framework: tuple[str, str], name: str = "", lang: str = "en"
) -> dict[str, Any]:
    """A code of a classification (CIP, NOC, a qualifications framework's level)."""
    node: dict[str, Any] = {
        "@type": "ceterms:CredentialAlignmentObject",
        "ceterms:codedNotation": code,
        "ceterms:frameworkName": {"en": framework[0]},
    }
    if framework[1]:
        node["ceterms:framework"] = framework[1]
    if name:
        node["ceterms:targetNodeName"] = {lang: name}
    return node


def _organization(
    ident: str, kind: str, name: str | None, url: str | None, lang: str
) -> dict[str, Any]:
    node: dict[str, Any] = {"@id": ident, "@type": f"ceterms:{kind}"}
    if name:
        node["ceterms:name"] = {lang: name}
    if url:
        node["ceterms:subjectWebpage"] = url
    return node


def _delivery(modes: list[str]) -> list[str]:
    online = any(m.startswith("online") for m in modes)
    on_site = any(m in ("in_person", "work_integrated") for m in modes)
    if "hybrid" in modes or (online and on_site):
        return ["deliveryType:BlendedDelivery"]
    if online:
        return ["deliveryType:OnlineOnly"]
    found = []
    if "in_person" in modes:
        found.append("deliveryType:InPerson")
    if "work_integrated" in modes:
        found.append("deliveryType:VariableSite")
    return found


def _costs(cost: Cost, page: str, lang: str) -> list[dict[str, Any]]:
    """A ceterms:CostProfile per part of the cost (the total alone when it has no parts)."""
    parts = (
        [(name, amount) for name, amount in cost.breakdown.items()]
        if cost.breakdown
        else ([("", cost.amount)] if cost.amount is not None else [])
    )
    profiles = []
    for name, amount in parts:
        key = name.strip().lower().replace(" ", "_").replace("-", "_")
        kind = _COST_TYPES.get(key, "MixedFees") if name else "AggregateCost"
        profile: dict[str, Any] = {"@type": "ceterms:CostProfile", "ceterms:costDetails": page}
        if name:
            profile["ceterms:name"] = {lang: name}
        if cost.currency:
            profile["ceterms:currency"] = cost.currency
        profile["ceterms:directCostType"] = [_concept(f"costType:{kind}")]
        profile["ceterms:price"] = _number(amount)
        profiles.append(profile)
    return profiles


def _levels(level: Level | None) -> list[dict[str, Any]]:
    if level is None:
        return []
    pairs = [(level.framework, level.value)]
    pairs += [(e.framework, e.value) for e in level.equivalents or ()]
    return [
        _coded(str(value), _LEVELS[framework])
        for framework, value in pairs
        if framework in _LEVELS and value is not None
    ]


def _classes(course: Course, lang: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The occupation codes (NOC) and the instructional program codes (CIP, NZSCED, ISCED-F)."""
    codes = course.classification
    if codes is None:
        return [], []
    occupations = [_coded(code, _NOC) for code in codes.noc or ()]
    canadian = course.issuer is not None and course.issuer.country == "CA"
    programs = []
    if codes.cip:
        programs.append(_coded(codes.cip, _CIP_CANADA if canadian else _CIP_US))
    if codes.nzsced:
        programs.append(_coded(codes.nzsced, _NZSCED))
    if codes.isced_f:
        programs.append(_coded(codes.isced_f, _ISCED_F))
    return occupations, programs


def _duration(course: Course) -> list[dict[str, Any]]:
    work = course.workload
    if work is None:
        return []
    profile: dict[str, Any] = {"@type": "ceterms:DurationProfile"}
    if work.weeks is not None:
        profile["ceterms:exactDuration"] = f"P{_number(work.weeks)}W"
    if work.hours is not None:
        profile["ceterms:timeRequired"] = f"PT{_number(work.hours)}H"
    if work.max_completion_months is not None:
        profile["ceterms:maximumDuration"] = f"P{work.max_completion_months}M"
    return [profile] if len(profile) > 1 else []


def _teaches(course: Course, lang: str) -> list[dict[str, Any]]:
    """The competencies, as alignment objects (the learning outcomes when there are none)."""
    taught = []
    for competency in course.competencies or ():
        if not (competency.statement or "").strip():
            continue
        node: dict[str, Any] = {
            "@type": "ceterms:CredentialAlignmentObject",
            "ceterms:targetNodeName": {lang: (competency.statement or "").strip()},
        }
        alignment = competency.alignment
        if alignment is not None:
            if alignment.url:
                node["ceterms:targetNode"] = alignment.url
            if alignment.code:
                node["ceterms:codedNotation"] = alignment.code
            if alignment.framework:
                node["ceterms:frameworkName"] = {lang: alignment.framework}
        taught.append(node)
    if taught:
        return taught
    return [
        {
            "@type": "ceterms:CredentialAlignmentObject",
            "ceterms:targetNodeName": {lang: (o.statement or "").strip()},
        }
        for o in course.learning_outcomes or ()
        if (o.statement or "").strip()
    ]


def _credits(course: Course) -> list[dict[str, Any]]:
    credit = course.credit
    if credit is None or credit.status == "non_credit":
        return []
    values = []
    if credit.value is not None:
        unit, words = _CREDIT_UNITS.get(credit.system or "other", _CREDIT_UNITS["other"])
        values.append(_value(credit.value, unit, credit.system_name or words))
    if credit.ects is not None and credit.system != "ects":
        values.append(_value(credit.ects, "creditUnit:DegreeCredit", "ECTS credits"))
    return values


def _value(amount: float, unit: str, words: str) -> dict[str, Any]:
    return {
        "@type": "ceterms:ValueProfile",
        "schema:value": _number(amount),
        "ceterms:creditUnitType": [unit],
        "schema:description": {"en": words},
    }


def _assessments(course: Course) -> str:
    parts = []
    for a in course.assessments or ():
        details = [
            d for d in (a.type, f"{_number(a.weight)}%" if a.weight is not None else "") if d
        ]
        name = a.title or a.id or ""
        if name:
            parts.append(name + (f" ({', '.join(details)})" if details else ""))
    return "; ".join(parts)


def build(course: Course, job: Job) -> dict[str, Any]:
    """The course's CTDL document: a graph of the credential, its learning program and the
    organisations they name. The profile pack guarantees the minimum data (see the module)."""
    assert course.credential_registry is not None and course.credential_registry.ctid
    assert course.language is not None and course.issuer is not None
    ctid = course.credential_registry.ctid
    lang = course.language
    summary = (course.summary or "").strip()  # a folded block's final line break is no text
    status = STATUSES[course.status or ""]
    page = course.publication.url if course.publication else None
    issuer = course.issuer
    credential_id, program_id = registry_uri(ctid), registry_uri(program_ctid(ctid))
    graph_extra: list[dict[str, Any]] = []
    if issuer.ctid:
        owner = registry_uri(issuer.ctid)
    else:
        owner = "_:issuer"
        graph_extra.append(
            _organization(owner, "CredentialOrganization", issuer.name, issuer.url, lang)
        )
    occupations, programs = _classes(course, lang)
    delivery = _delivery(list(course.delivery.modes or ())) if course.delivery else []
    badge = course.recognition.badge if course.recognition else None
    credit = course.credit

    credential: dict[str, Any] = {
        "@id": credential_id,
        "@type": f"ceterms:{credential_class(course)}",
        "ceterms:ctid": ctid,
        "ceterms:name": {lang: course.title},
        "ceterms:description": {lang: summary},
        "ceterms:subjectWebpage": page,
        "ceterms:inLanguage": [lang],
        "ceterms:credentialStatusType": _concept(f"credentialStat:{status[0]}"),
        "ceterms:ownedBy": [owner],
        "ceterms:offeredBy": [owner],
    }
    if badge is not None and badge.name and badge.name != course.title:
        credential["ceterms:alternateName"] = {lang: [badge.name]}
    if badge is not None and badge.image:
        credential["ceterms:image"] = badge.image
    condition: dict[str, Any] = {"@type": "ceterms:ConditionProfile"}
    if badge is not None and (badge.criteria or "").strip():
        condition["ceterms:description"] = {lang: (badge.criteria or "").strip()}
    if badge is not None and badge.criteria_url:
        condition["ceterms:subjectWebpage"] = badge.criteria_url
    condition["ceterms:targetLearningOpportunity"] = [program_id]
    credential["ceterms:requires"] = [condition]

    program: dict[str, Any] = {
        "@id": program_id,
        "@type": "ceterms:LearningProgram",
        "ceterms:ctid": program_ctid(ctid),
        "ceterms:name": {lang: course.title},
        "ceterms:description": {lang: summary},
        "ceterms:subjectWebpage": page,
        "ceterms:inLanguage": [lang],
        "ceterms:lifeCycleStatusType": [_concept(f"lifeCycle:{status[1]}")],
        "ceterms:ownedBy": [owner],
        "ceterms:offeredBy": [owner],
    }
    for index, name in enumerate(
        (course.delivery.partner_institutions or ()) if course.delivery else ()
    ):
        ident = f"_:partner-{index + 1}"
        graph_extra.append(_organization(ident, "CredentialOrganization", name, None, lang))
        program["ceterms:offeredBy"].append(ident)

    shared: dict[str, Any] = {}
    duration = _duration(course)
    if duration:
        shared["ceterms:estimatedDuration"] = duration
    if course.cost is not None and page:
        costs = _costs(course.cost, page, lang)
        if costs:
            shared["ceterms:estimatedCost"] = costs
    if occupations:
        shared["ceterms:occupationType"] = occupations
    if programs:
        shared["ceterms:instructionalProgramType"] = programs
    levels = _levels(course.level)
    if levels:
        shared["ceterms:atLevel"] = levels
    if credit is not None and credit.status is not None:
        shared["ceterms:isNonCredit"] = credit.status == "non_credit"
    qa = course.quality_assurance
    approvers: list[str] = []
    if qa is not None:
        names = [qa.approved_by, *(e.body for e in qa.external_approvals or ())]
        for body in names:
            if body:
                ident = f"_:approver-{len(approvers) + 1}"
                graph_extra.append(_organization(ident, "Organization", body, None, lang))
                approvers.append(ident)
    if approvers:
        shared["ceterms:approvedBy"] = approvers
    if qa is not None and qa.approved_on is not None:
        shared["ceterms:dateEffective"] = qa.approved_on.isoformat()
    review = (qa.process or (qa.statement.review_process if qa.statement else None)) if qa else None
    if qa is not None and (review or qa.review_cycle_months):
        process: dict[str, Any] = {"@type": "ceterms:ProcessProfile"}
        if review:
            process["ceterms:description"] = {lang: review.strip()}
        if qa.review_cycle_months:
            process["ceterms:processFrequency"] = {"en": f"Every {qa.review_cycle_months} months"}
        shared["ceterms:reviewProcess"] = [process]
    credential.update(shared)
    program.update(shared)

    if delivery:
        credential["ceterms:learningDeliveryType"] = [_concept(term) for term in delivery]
        program["ceterms:deliveryType"] = [_concept(term) for term in delivery]
    months = course.recognition.expires_after_months if course.recognition else None
    if months:
        credential["ceterms:renewalFrequency"] = f"P{months}M"
    teaches = _teaches(course, lang)
    if teaches:
        program["ceterms:teaches"] = teaches
    credits = _credits(course)
    if credits:
        program["ceterms:creditValue"] = credits
    methods = _assessments(course)
    if methods:
        program["ceterms:assessmentMethodDescription"] = {lang: methods}
    entry = [p.strip() for p in course.prerequisites or () if p.strip()]
    if entry:
        program["ceterms:entryCondition"] = [
            {
                "@type": "ceterms:ConditionProfile",
                "ceterms:description": {lang: "; ".join(entry)},
                "ceterms:condition": {lang: entry},
            }
        ]
    return {
        "@context": CONTEXT,
        "@id": course_uri(course, job),
        "@graph": [credential, program, *graph_extra],
    }


_FIELDS = {
    "format": "no home: the course format's version",
    "id": (
        "@id of the document (with export.base_url; the credential's own @id is its Registry URI)"
    ),
    "title": "ceterms:name (credential and learning program)",
    "summary": "ceterms:description (credential and learning program)",
    "language": "ceterms:inLanguage, and the language of every text",
    "status": (
        "ceterms:credentialStatusType (credentialStat:Active, Suspended, Deprecated); the "
        "program's ceterms:lifeCycleStatusType"
    ),
    "standalone": "no home: CTDL has no term for a credential awarded only as part of another",
    "issuer.name": "ceterms:name of the ownedBy/offeredBy organisation (when it has no CTID)",
    "issuer.url": (
        "ceterms:subjectWebpage of the ownedBy/offeredBy organisation (when it has no CTID)"
    ),
    "issuer.country": "no home: the organisation is described in its own Registry record",
    "issuer.region": "no home: the organisation is described in its own Registry record",
    "issuer.type": "no home: the organisation is described in its own Registry record",
    "issuer.regulator": "no home: the organisation is described in its own Registry record",
    "issuer.legal_id": "no home: the organisation is described in its own Registry record",
    "issuer.ctid": "ceterms:ownedBy and ceterms:offeredBy (its Registry URI)",
    "developer": "no home: CTDL names owners, providers and approvers, not developers",
    "credit.status": "ceterms:isNonCredit",
    "credit.value": "ceterms:creditValue (ValueProfile schema:value) of the learning program",
    "credit.system": (
        "ceterms:creditUnitType of the ValueProfile (creditUnit:SemesterHour for US credit "
        "hours, else DegreeCredit) and its schema:description"
    ),
    "credit.system_name": "schema:description of the ValueProfile",
    "credit.ects": "a second ValueProfile (DegreeCredit, 'ECTS credits')",
    "workload.hours": "ceterms:estimatedDuration DurationProfile ceterms:timeRequired (PT60H)",
    "workload.contact_hours": "no home: a DurationProfile has no instructor-led time",
    "workload.weeks": "ceterms:estimatedDuration DurationProfile ceterms:exactDuration (P8W)",
    "workload.max_completion_months": (
        "ceterms:estimatedDuration DurationProfile ceterms:maximumDuration (P6M)"
    ),
    "level.framework": (
        "ceterms:atLevel (CredentialAlignmentObject ceterms:framework, frameworkName) for "
        "eqf, qf_ehea, nzqcf, aqf"
    ),
    "level.value": "ceterms:atLevel ceterms:codedNotation",
    "level.equivalents[].framework": "ceterms:atLevel (another alignment object)",
    "level.equivalents[].value": "ceterms:atLevel ceterms:codedNotation",
    "delivery.modes": (
        "ceterms:learningDeliveryType (credential), ceterms:deliveryType (program): "
        "deliveryType:OnlineOnly, InPerson, BlendedDelivery, VariableSite"
    ),
    "delivery.pacing": "no home: CTDL's schedule vocabularies do not say self-paced or cohort",
    "delivery.schedule": "no home: a schedule belongs to an offering, not the program",
    "delivery.partner_institutions": (
        "ceterms:offeredBy of the learning program (organisations by name)"
    ),
    "cost.amount": (
        "ceterms:estimatedCost CostProfile ceterms:price (costType:AggregateCost, when there "
        "is no breakdown)"
    ),
    "cost.currency": "ceterms:estimatedCost CostProfile ceterms:currency",
    "cost.breakdown": (
        "a CostProfile per part: ceterms:name, ceterms:price, ceterms:directCostType "
        "(costType:Tuition, LearningResource, MixedFees...)"
    ),
    "prerequisites": (
        "ceterms:entryCondition of the learning program (ConditionProfile ceterms:condition, "
        "ceterms:description)"
    ),
    "target_learners": "no home: CTDL's audience terms are concepts (audienceType), not a sentence",
    "needs[].type": "no home: CTDL does not describe the need a credential answers",
    "needs[].description": "no home: CTDL does not describe the need a credential answers",
    "needs[].evidence": "no home: CTDL does not describe the need a credential answers",
    "partners[].name": (
        "no home: partners' roles are not CTDL relations (delivery partners: "
        "delivery.partner_institutions)"
    ),
    "partners[].type": "no home: partners' roles are not CTDL relations",
    "partners[].roles": "no home: partners' roles are not CTDL relations",
    "competencies[].id": "no home: an id local to the file",
    "competencies[].statement": (
        "ceterms:teaches (CredentialAlignmentObject ceterms:targetNodeName) of the learning program"
    ),
    "competencies[].alignment.framework": "ceterms:teaches ceterms:frameworkName",
    "competencies[].alignment.code": "ceterms:teaches ceterms:codedNotation",
    "competencies[].alignment.url": "ceterms:teaches ceterms:targetNode",
    "learning_outcomes": (
        "ceterms:teaches of the learning program, when the file lists no competencies"
    ),
    "assessments[].id": (
        "ceterms:assessmentMethodDescription of the learning program (when it has no title)"
    ),
    "assessments[].title": "ceterms:assessmentMethodDescription of the learning program",
    "assessments[].type": "ceterms:assessmentMethodDescription (in brackets)",
    "assessments[].summative": "no home: CTDL does not say which assessments count",
    "assessments[].outcomes": (
        "no home: CTDL links assessments to competencies only as separate AssessmentProfiles"
    ),
    "assessments[].weight": "ceterms:assessmentMethodDescription (in brackets)",
    "assessments[].passing": "no home: CTDL has no pass mark",
    "assessments[].supervision": "no home: CTDL's assessment terms belong to an AssessmentProfile",
    "recognition.purposes": "no home: CTDL does not say what a credential is recognised for",
    "recognition.formats": "no home: CTDL describes the credential, not the record of it",
    "recognition.badge.name": "ceterms:alternateName (when it differs from the title)",
    "recognition.badge.description": (
        "no home: the credential's description is the summary (the badge's is for Open Badges)"
    ),
    "recognition.badge.image": "ceterms:image",
    "recognition.badge.criteria_url": "ceterms:requires ConditionProfile ceterms:subjectWebpage",
    "recognition.badge.criteria": "ceterms:requires ConditionProfile ceterms:description",
    "recognition.badge.achievement_type": (
        "@type of the credential, when it names a CTDL credential class (else "
        "ceterms:MicroCredential)"
    ),
    "recognition.badge.alignment[].name": (
        "no home: the badge's alignments are exported to Open Badges"
    ),
    "recognition.badge.alignment[].url": (
        "no home: the badge's alignments are exported to Open Badges"
    ),
    "recognition.badge.alignment[].framework": (
        "no home: the badge's alignments are exported to Open Badges"
    ),
    "recognition.badge.alignment[].code": (
        "no home: the badge's alignments are exported to Open Badges"
    ),
    "recognition.transcript_fields": "no home: CTDL describes the credential, not the transcript",
    "recognition.expires_after_months": "ceterms:renewalFrequency (P36M)",
    "pathways.stacks_into": (
        "no home: names, not Registry resources (CTDL's isPartOf needs the other credential's URI)"
    ),
    "pathways.ladders_into[].credential": (
        "no home: names, not Registry resources (isPreparationFor needs a URI)"
    ),
    "pathways.ladders_into[].institution": "no home: names, not Registry resources",
    "pathways.ladders_into[].credit_value": "no home: names, not Registry resources",
    "pathways.transfer[].institution": (
        "no home: a transfer value is a TransferValueProfile of its own"
    ),
    "pathways.transfer[].equivalency": (
        "no home: a transfer value is a TransferValueProfile of its own"
    ),
    "pathways.prior_learning_recognition": "no home: CTDL describes it as a separate policy",
    "pathways.none_reason": "no home: CTDL says what a credential leads to, not why nothing",
    "pathways.complements": (
        "no home: CTDL says what a credential leads to, not what it complements"
    ),
    "quality_assurance.type": "no home: CTDL names the approving organisations (approvedBy)",
    "quality_assurance.approved_by": "ceterms:approvedBy (an organisation by name)",
    "quality_assurance.approved_on": "ceterms:dateEffective",
    "quality_assurance.process": "ceterms:reviewProcess ProcessProfile ceterms:description",
    "quality_assurance.review_cycle_months": (
        "ceterms:reviewProcess ProcessProfile ceterms:processFrequency"
    ),
    "quality_assurance.last_reviewed": "no home: a review's date is not part of the description",
    "quality_assurance.next_review": "no home: a review's date is not part of the description",
    "quality_assurance.retirement": "no home: the status says when it is retired",
    "quality_assurance.statement.provider_profile": (
        "no home: the organisation is described in its own Registry record"
    ),
    "quality_assurance.statement.process": (
        "no home: the review process is quality_assurance.process"
    ),
    "quality_assurance.statement.review_process": (
        "ceterms:reviewProcess ceterms:description (when quality_assurance.process is not given)"
    ),
    "quality_assurance.external_approvals[].body": "ceterms:approvedBy (an organisation by name)",
    "quality_assurance.external_approvals[].date": "no home: approvedBy names the body only",
    "quality_assurance.external_approvals[].reference": "no home: approvedBy names the body only",
    "classification.cip": (
        "ceterms:instructionalProgramType (ceterms:codedNotation; CIP Canada 2021 for a "
        "Canadian issuer, else NCES CIP)"
    ),
    "classification.noc": "ceterms:occupationType (ceterms:codedNotation, NOC 2021)",
    "classification.nzsced": "ceterms:instructionalProgramType (ceterms:codedNotation, NZSCED)",
    "classification.isced_f": (
        "ceterms:instructionalProgramType (ceterms:codedNotation, ISCED-F 2013)"
    ),
    "publication.url": (
        "ceterms:subjectWebpage (credential and program); ceterms:costDetails of each cost"
    ),
    "credential_registry.ctid": (
        "ceterms:ctid and the credential's @id "
        "(https://credentialengineregistry.org/resources/<ctid>); the program's CTID is "
        "derived from it"
    ),
    "funding.programs": "no home: funding eligibility is not part of the credential's description",
    "business_case.problem": "no home: an internal planning document",
    "business_case.objectives": "no home: an internal planning document",
    "business_case.market_analysis": "no home: an internal planning document",
    "business_case.cost_analysis": "no home: an internal planning document",
    "business_case.implementation_plan": "no home: an internal planning document",
    "business_case.risks": "no home: an internal planning document",
    "frameworks": "no home: which rule packs apply",
    "grading.scheme": "no home: CTDL has no grading scheme",
    "grading.description": "no home: CTDL has no grading scheme",
    "purpose.use": "no home: the summary says what it is for",
    "purpose.relevance": "no home: the summary says what it is for",
    "purpose.contribution": "no home: the summary says what it is for",
    "standards": "no home: standards are not Registry resources here",
}


def fields() -> dict[str, str]:
    """Where each course field goes in this target (for the mapping page and its test; built
    when asked for, since it reads the model's JSON Schema)."""
    from mcvalidate.export.mapping import every_field

    return every_field(_FIELDS)
