"""An Open Badges 3.0 ``Achievement`` (JSON-LD) from a course file: what a badge platform
imports to define the badge it will issue (1EdTech, Open Badges Specification 3.0,
https://www.imsglobal.org/spec/ob/v3p0/).

The document is the stand-alone form the implementation guide publishes at an achievement's
URL ("@context" the 3.0.3 context, an HTTPS or ``urn:uuid`` id). With ``--credential-template``
it is wrapped in an unsigned ``OpenBadgeCredential`` whose recipient, id, dates and proof are
placeholders a platform replaces when it issues the badge: signing is not mcvalidate's.

The ``ob3-export`` profile pack (``rules/mcvalidate_export/ob3.py``) refuses a course this
module could not turn into a valid document; the helpers it shares with that pack
(:func:`language_tag`, :func:`achievement_type_ok`, :func:`alignment_targets`) are here, so
that the rule and the document cannot disagree.
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import TYPE_CHECKING, Any, NamedTuple

from mcvalidate.export.ids import course_uri, part_uri
from mcvalidate.text import filled, number

if TYPE_CHECKING:
    from mcvalidate.export import Job
    from mcvalidate.model import Course
    from mcvalidate.model.course import Assessment, Issuer

CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"

# The AchievementType enumeration (common_credentials.lines; the schema's enum, in its order).
ACHIEVEMENT_TYPES = (
    "Achievement",
    "ApprenticeshipCertificate",
    "Assessment",
    "Assignment",
    "AssociateDegree",
    "Award",
    "Badge",
    "BachelorDegree",
    "Certificate",
    "CertificateOfCompletion",
    "Certification",
    "CommunityService",
    "Competency",
    "Course",
    "CoCurricular",
    "Degree",
    "Diploma",
    "DoctoralDegree",
    "Fieldwork",
    "GeneralEducationDevelopment",
    "JourneymanCertificate",
    "LearningProgram",
    "License",
    "Membership",
    "ProfessionalDoctorate",
    "QualityAssuranceCredential",
    "MasterCertificate",
    "MasterDegree",
    "MicroCredential",
    "ResearchDoctorate",
    "SecondarySchoolDiploma",
)
# "Extended terms MUST start with the prefix "ext:"" (extending.md); what follows is what the
# schema's pattern accepts after it (letters, digits, '.', '_'), then hyphens too.
_EXTENDED = re.compile(r"^ext:[A-Za-z0-9._][A-Za-z0-9._-]*$")
# The schema's LanguageCode pattern: stricter than BCP 47 (case matters, no variants or
# extensions, no extended language subtags).
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$")

# The recipient placeholder of a credential template: example.org is reserved for examples
# (RFC 2606), the nil UUID (RFC 9562) is no credential's id.
PLACEHOLDER_ID = "urn:uuid:00000000-0000-0000-0000-000000000000"
PLACEHOLDER_RECIPIENT = "recipient@example.org"

_MODES = {
    "online_async": "online (self-paced)",
    "online_sync": "online (live)",
    "in_person": "in person",
    "hybrid": "hybrid",
    "work_integrated": "work-integrated learning",
}


def language_tag(tag: str) -> str | None:
    """``tag`` written as Open Badges' LanguageCode pattern accepts it (``fr-ca`` ->
    ``fr-CA``, ``zh-hant-tw`` -> ``zh-Hant-TW``), or None when no change of case can make
    it fit (a variant, an extension, an extended language subtag: ``de-CH-1996``)."""
    parts = tag.split("-")
    if not re.fullmatch(r"[A-Za-z]{2,4}", parts[0]):
        return None
    written, rest = [parts[0].lower()], parts[1:]
    if rest and re.fullmatch(r"[A-Za-z]{4}", rest[0]):
        written.append(rest.pop(0).title())
    if rest and re.fullmatch(r"[A-Za-z]{2}|[0-9]{3}", rest[0]):
        written.append(rest.pop(0).upper())
    if rest:
        return None
    normal = "-".join(written)
    return normal if LANGUAGE_PATTERN.match(normal) else None


def achievement_type_ok(value: str) -> bool:
    """True for one of the AchievementType terms or an extended term (``ext:...``)."""
    return value in ACHIEVEMENT_TYPES or bool(_EXTENDED.match(value))


class AlignmentTarget(NamedTuple):
    """An alignment the Achievement carries, and where the file writes it."""

    pointer: str  # the alignment's mapping in the file
    name: str | None  # targetName (required by Open Badges)
    url: str | None  # targetUrl (required by Open Badges)
    framework: str | None
    code: str | None


def _joined(*parts: str | None) -> str | None:
    words = [p.strip() for p in parts if filled(p)]
    return " ".join(words) or None


def alignment_targets(course: Course) -> list[AlignmentTarget]:
    """The competencies' alignments, then the badge's, that say anything (an empty mapping is
    nothing to export). A competency's alignment is named by the competency's statement, a
    badge's by its name; either, without one, by its framework and code."""
    found = []
    for n, competency in enumerate(course.competencies or ()):
        aligned = competency.alignment
        if aligned is None or not any(map(filled, (aligned.framework, aligned.code, aligned.url))):
            continue
        name = competency.statement.strip() if filled(competency.statement) else None
        found.append(
            AlignmentTarget(
                f"/competencies/{n}/alignment",
                name or _joined(aligned.framework, aligned.code),
                aligned.url,
                aligned.framework,
                aligned.code,
            )
        )
    badge = course.recognition.badge if course.recognition else None
    for n, entry in enumerate((badge.alignment if badge else None) or ()):
        if not any(map(filled, (entry.name, entry.framework, entry.code, entry.url))):
            continue
        name = entry.name.strip() if filled(entry.name) else None
        found.append(
            AlignmentTarget(
                f"/recognition/badge/alignment/{n}",
                name or _joined(entry.framework, entry.code),
                entry.url,
                entry.framework,
                entry.code,
            )
        )
    return found


def summative(course: Course) -> list[tuple[int, Assessment]]:
    """The summative assessments, with their positions in the file: they become the
    Achievement's result descriptions and its generated criteria."""
    return [(n, a) for n, a in enumerate(course.assessments or ()) if a.summative is True]


def _target_type(framework: str | None, url: str | None) -> str | None:
    """The AlignmentTargetType a framework's name or address shows: a CASE item (CFItem), a
    CTDL-ASN competency (ceasn:Competency); else none (the other frameworks have no term)."""
    name = (framework or "").casefold()
    if re.match(r"^ctdl[- ]asn\b", name):
        return "ceasn:Competency"
    if re.match(r"^((1edtech|ims) )?case\b", name) or "/cfitems/" in (url or "").casefold():
        return "CFItem"
    return None


def _alignment(target: AlignmentTarget) -> dict[str, Any]:
    document: dict[str, Any] = {
        "type": ["Alignment"],
        "targetName": target.name,
        "targetUrl": target.url,
    }
    if filled(target.framework):
        document["targetFramework"] = target.framework.strip()
    if filled(target.code):
        document["targetCode"] = target.code.strip()
    kind = _target_type(target.framework, target.url)
    if kind:
        document["targetType"] = kind
    return document


def _numeric(passing: str | float | None) -> bool:
    return isinstance(passing, (int, float)) and not isinstance(passing, bool)


def _result_description(course: Course, base: str, n: int, test: Assessment) -> dict[str, Any]:
    """A result a holder's credential can assert for the assessment: its mark (a percent, or
    a raw score when the grading is in points) or its status."""
    document: dict[str, Any] = {
        "id": part_uri(base, test.id if filled(test.id) else f"assessment-{n + 1}"),
        "type": ["ResultDescription"],
        "name": (test.title or "").strip(),
    }
    if _numeric(test.passing):
        assert isinstance(test.passing, (int, float))
        points = course.grading is not None and course.grading.scheme == "points"
        document["resultType"] = "RawScore" if points else "Percent"
        document["requiredValue"] = number(float(test.passing))
        if not points:
            document["valueMin"], document["valueMax"] = "0", "100"
    else:
        document["resultType"] = "Status"
    return document


def _narrative(course: Course) -> str | None:
    """What a learner must do, from the summative assessments (Markdown): each one's title,
    weight and passing mark or criterion, then the grading in words."""
    tests = summative(course)
    if not tests:
        return None
    lines = ["To earn this achievement, pass the summative assessments:", ""]
    for n, test in tests:
        what = test.title.strip() if filled(test.title) else f"Assessment {test.id or n + 1}"
        details = []
        if test.weight is not None:
            details.append(f"{number(test.weight)}% of the final result")
        if _numeric(test.passing):
            assert isinstance(test.passing, (int, float))
            details.append(f"passing mark {number(float(test.passing))}")
        elif isinstance(test.passing, str) and filled(test.passing):
            details.append(f"passing: {' '.join(test.passing.split())}")
        lines.append(f"- {what}" + (f" ({'; '.join(details)})" if details else ""))
    if course.grading is not None and filled(course.grading.description):
        lines += ["", f"Grading: {' '.join(course.grading.description.split())}"]
    return "\n".join(lines)


def _criteria(course: Course) -> dict[str, Any]:
    badge = course.recognition.badge if course.recognition else None
    criteria: dict[str, Any] = {}
    if badge is not None and filled(badge.criteria_url):
        criteria["id"] = badge.criteria_url
    narrative = badge.criteria.strip() if badge is not None and filled(badge.criteria) else None
    narrative = narrative or _narrative(course)
    if narrative:
        criteria["narrative"] = narrative
    return criteria


def profile(issuer: Issuer | None) -> dict[str, Any] | None:
    """The issuer as an Open Badges Profile (its ``id`` is the issuer's web address), or
    None when the file gives no address (the profile pack asks for one)."""
    if issuer is None or not filled(issuer.url):
        return None
    document: dict[str, Any] = {"id": issuer.url, "type": ["Profile"]}
    if filled(issuer.name):
        document["name"] = issuer.name.strip()
    document["url"] = issuer.url
    return document


def _tags(course: Course) -> list[str]:
    """Searchable keywords: the delivery modes, and the classification codes with their
    system's name."""
    tags = (
        [_MODES[m] for m in (course.delivery.modes or ()) if m in _MODES] if course.delivery else []
    )
    codes = course.classification
    if codes is not None:
        tags += [f"CIP {codes.cip}"] if codes.cip else []
        tags += [f"NOC {code}" for code in codes.noc or ()]
        tags += [f"NZSCED {codes.nzsced}"] if codes.nzsced else []
        tags += [f"ISCED-F {codes.isced_f}"] if codes.isced_f else []
    return list(dict.fromkeys(tags))


def achievement(course: Course, job: Job) -> dict[str, Any]:
    """The Achievement, without its ``@context``."""
    base = course_uri(course, job)
    badge = course.recognition.badge if course.recognition else None
    name = badge.name.strip() if badge is not None and filled(badge.name) else course.title.strip()
    if badge is not None and filled(badge.description):
        description = badge.description.strip()
    else:
        description = (course.summary or "").strip()
    document: dict[str, Any] = {
        "id": base,
        "type": ["Achievement"],
        "achievementType": badge.achievement_type if badge is not None else "MicroCredential",
        "name": name,
        "description": description,
        "criteria": _criteria(course),
    }
    if badge is not None and filled(badge.image):
        document["image"] = {"id": badge.image, "type": "Image"}
    creator = profile(course.issuer)
    if creator is not None:
        document["creator"] = creator
    credit = course.credit
    if credit is not None and credit.status == "credit" and credit.value is not None:
        document["creditsAvailable"] = float(credit.value)
    if filled(course.language):
        tag = language_tag(course.language)
        if tag is not None:
            document["inLanguage"] = tag
    aligned = [_alignment(t) for t in alignment_targets(course) if t.name and t.url]
    unique = list({repr(sorted(a.items())): a for a in aligned}.values())
    if unique:
        document["alignment"] = unique
    results = [_result_description(course, base, n, t) for n, t in summative(course)]
    if results:
        document["resultDescription"] = results
    document["humanCode"] = job.course_id
    tags = _tags(course)
    if tags:
        document["tag"] = tags
    return document


def _months_later(day: datetime.date, months: int) -> datetime.date:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month + 1)[1]
    return day.replace(year=year, month=month + 1, day=min(day.day, last))


def credential(course: Course, job: Job) -> dict[str, Any]:
    """An unsigned OpenBadgeCredential around the Achievement: its id, recipient and dates
    are placeholders for the platform that issues it (docs/exports/ob3.md)."""
    today = job.today or datetime.date.today()
    document: dict[str, Any] = {
        "@context": [VC_CONTEXT, CONTEXT],
        "id": PLACEHOLDER_ID,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": achievement(course, job)["name"],
        "issuer": profile(course.issuer),
        "validFrom": f"{today.isoformat()}T00:00:00Z",
    }
    months = course.recognition.expires_after_months if course.recognition else None
    if months:
        document["validUntil"] = f"{_months_later(today, months).isoformat()}T00:00:00Z"
    document["credentialSubject"] = {
        "type": ["AchievementSubject"],
        "identifier": [
            {
                "type": "IdentityObject",
                "identityHash": PLACEHOLDER_RECIPIENT,
                "identityType": "emailAddress",
                "hashed": False,
            }
        ],
        "achievement": achievement(course, job),
    }
    return document


def build(course: Course, job: Job) -> dict[str, Any]:
    """The stand-alone Achievement, or with ``job.credential_template`` the unsigned
    OpenBadgeCredential around it."""
    if job.credential_template:
        return credential(course, job)
    return {"@context": CONTEXT, **achievement(course, job)}


_HOMES = {
    "id": "id (the end of `{base_url}/{id}`, or part of a `urn:uuid`) and humanCode",
    "title": "name (when the badge has no name of its own)",
    "summary": "description (when the badge has no description of its own)",
    "language": "inLanguage (its case normalised: fr-ca becomes fr-CA)",
    "issuer.name": "creator.name (and issuer.name of a credential template)",
    "issuer.url": "creator.id and creator.url (the issuer's Profile; and the issuer of a "
    "credential template); part of the `urn:uuid` id without a base_url",
    "credit.status": "creditsAvailable is written only for credit",
    "credit.value": "creditsAvailable (for credit only)",
    "delivery.modes": "tag (in words: 'online (self-paced)', 'in person', ...)",
    "competencies[].statement": "alignment[].targetName of the competency's alignment",
    "competencies[].alignment.framework": "alignment[].targetFramework (and targetType: "
    "CFItem for CASE, ceasn:Competency for CTDL-ASN)",
    "competencies[].alignment.code": "alignment[].targetCode",
    "competencies[].alignment.url": "alignment[].targetUrl",
    "assessments[].id": "resultDescription[].id (a fragment of the Achievement's id)",
    "assessments[].title": "resultDescription[].name, and a line of the generated "
    "criteria.narrative",
    "assessments[].summative": "only the summative assessments are exported",
    "assessments[].weight": "the generated criteria.narrative",
    "assessments[].passing": "resultDescription[].requiredValue and resultType (Percent, "
    "RawScore or Status); the generated criteria.narrative",
    "recognition.badge.name": "name",
    "recognition.badge.description": "description",
    "recognition.badge.image": "image.id",
    "recognition.badge.criteria_url": "criteria.id",
    "recognition.badge.criteria": "criteria.narrative (else one is generated from the "
    "summative assessments)",
    "recognition.badge.achievement_type": "achievementType",
    "recognition.badge.alignment[].name": "alignment[].targetName",
    "recognition.badge.alignment[].url": "alignment[].targetUrl",
    "recognition.badge.alignment[].framework": "alignment[].targetFramework",
    "recognition.badge.alignment[].code": "alignment[].targetCode",
    "recognition.expires_after_months": "validUntil of a credential template (from validFrom)",
    "classification.cip": "tag ('CIP 46.0201')",
    "classification.noc": "tag ('NOC 72310')",
    "classification.nzsced": "tag ('NZSCED 040300')",
    "classification.isced_f": "tag ('ISCED-F 0732')",
    "grading.scheme": "resultDescription[].resultType (points: RawScore)",
    "grading.description": "the generated criteria.narrative",
}
_WHY = {
    "format": "the course format's version, not the badge's",
    "status": "a badge definition has no lifecycle status",
    "issuer": "the issuer's Profile is written with its id, name and web site only (the "
    "platform that issues the badge keeps the full profile)",
    "credit": "Open Badges has no credit system; creditsAvailable is a number only",
    "workload": "Open Badges has no duration or workload property",
    "level": "Open Badges has no qualifications-framework level",
    "delivery": "Open Badges describes the achievement, not how it is delivered",
    "cost": "Open Badges has no cost property",
    "prerequisites": "Open Badges has no entry requirements property",
    "target_learners": "Open Badges has no audience property",
    "needs": "a course's rationale, not part of the badge",
    "partners": "endorsements are signed credentials of their own, not course data",
    "developer": "the Achievement has one creator, the issuer",
    "standalone": "Open Badges has no such property",
    "competencies": "only a competency's alignment is exported",
    "learning_outcomes": "the Achievement has no learning-outcome property",
    "assessments": "a result description has a name and a result type only",
    "recognition": "Open Badges records the badge itself, not the other formats",
    "pathways": "Open Badges has no stacking or transfer property",
    "quality_assurance": "Open Badges has no quality assurance property (an endorsement "
    "would be a signed credential of the approving body)",
    "classification": "",
    "publication": "the Achievement has no web page property besides its id and criteria",
    "funding": "funding programs are not part of the badge",
    "business_case": "the business case is internal to the institution",
    "frameworks": "the rule packs that apply are mcvalidate's own",
    "credential_registry": "the CTID identifies the credential in the Credential Registry "
    "(the ctdl export)",
    "grading": "",
    "purpose": "Open Badges has no purpose property",
    "standards": "an alignment needs a URL, which a standard's name alone does not give",
}


def fields() -> dict[str, str]:
    """Where each course field goes in this target (for the mapping page and its test; built
    when asked for, since it reads the model's JSON Schema)."""
    from mcvalidate.export.mapping import NO_HOME, course_fields

    fields = {}
    for name in course_fields():
        if name in _HOMES:
            fields[name] = _HOMES[name]
            continue
        # A field with no home of its own is declared by its section's reason; a field of a
        # section not declared here fails (a KeyError, and so the tests).
        why = _WHY[name.split(".")[0].split("[")[0]] or "Open Badges has no such property"
        fields[name] = f"{NO_HOME}: {why}"
    return fields
