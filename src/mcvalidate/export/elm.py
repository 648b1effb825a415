"""The European Learning Model (ELM 3), the data model of Europass: the course as a learning
opportunity of the LOQ application profile (learning opportunities and qualifications, the
profile Europass's Qualification Dataset Register takes), a JSON-LD document.

The document is an ``elm:LearningOpportunity`` (the offering: its title, web page, provider,
language, modes, length, price) whose ``elm:learningAchievementSpecification`` is an
``elm:LearningAchievementSpecification`` (what is learnt and awarded: the field of education,
the learning outcomes, the volume of learning, the ECTS credits, the EQF level, the entry
requirements, the assessments). It is no ``elm:Qualification``: LOQ's Qualification shape
requires an NQF level from the register of national frameworks, which a micro-credential
rarely has, and the Council Recommendation of 2022 keeps micro-credentials apart from
qualifications. The provider is an ``elm:Organisation`` with its legal name and country. The
EU 2022 Annex I elements go where the EC's own Annex I sample puts them (docs/exports/elm.md
has the table).

Terms are the ELM JSON-LD context's (``http://data.europa.eu/snb/model/context/edc-ap``); that
context aliases neither ``id`` nor ``type`` (the EDC samples take them from the W3C
credentials context, which a learning opportunity has no business naming), so the document
writes ``@id`` and ``@type``, and the two LOQ properties the context does not name as compact
IRIs (``elm:defaultLanguage``, ``rdf:value``). Concepts of the EU vocabularies are written as
the EC's samples write them, a ``Concept`` node with its ``inScheme``, so that the LOQ shapes
(``sh:class skos:Concept``) and the vocabulary shapes of LOQ-constraints-mdr (``skos:inScheme``)
can check them offline; the concept URIs are those of the vocabularies' lists in the ELM
repository (``xsd/loq/cv``), which the tests check every URI against.

Identifiers: the learning opportunity is the course's URI (:func:`mcvalidate.export.ids.
course_uri`); its parts are fragments of it (``#specification``, ``#provider``,
``#outcome-LO1``, ``#assessment-A1``); notes, web resources, places and amounts are blank
nodes. The author's texts are in the course's language; the few words mcvalidate adds to a
note (``Quality assurance:``) are English. The ``elm-export`` pack (``rules/mcvalidate_export/
elm.py``) refuses a file that lacks what the LOQ shapes require, so :func:`build` can rely on a
web page, an issuer's name and country, a language, an ISCED-F code and a learning outcome.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from mcvalidate.export.ids import course_uri, part_uri

if TYPE_CHECKING:
    from mcvalidate.export import Job
    from mcvalidate.model import Course
    from mcvalidate.model.course import Competency

CONTEXT = "http://data.europa.eu/snb/model/context/edc-ap"

# The EU vocabularies (concept schemes) the document names, as the ELM repository's lists
# (xsd/loq/cv/*.xsd, targetNamespace) and the EC's samples write them.
COUNTRY_SCHEME = "http://publications.europa.eu/resource/authority/country"
LANGUAGE_SCHEME = "http://publications.europa.eu/resource/authority/language"
CURRENCY_SCHEME = "http://publications.europa.eu/resource/authority/currency"
ISCED_F_SCHEME = "http://data.europa.eu/snb/isced-f/25831c2"
EQF_SCHEME = "http://data.europa.eu/snb/eqf/25831c2"
CREDIT_SCHEME = "http://data.europa.eu/snb/education-credit/25831c2"
MODE_SCHEME = "http://data.europa.eu/snb/learning-assessment/25831c2"
SETTING_SCHEME = "http://data.europa.eu/snb/learning-setting/25831c2"
ASSESSMENT_SCHEME = "http://data.europa.eu/snb/assessment/25831c2"

ECTS = ("http://data.europa.eu/snb/education-credit/6fcec5c5af", "European Credit Transfer System")
# The course format's delivery modes -> the EU list of modes of learning and assessment.
MODES = {
    "online_async": ("http://data.europa.eu/snb/learning-assessment/920fbb3cbe", "Online"),
    "online_sync": ("http://data.europa.eu/snb/learning-assessment/920fbb3cbe", "Online"),
    "in_person": ("http://data.europa.eu/snb/learning-assessment/9191af2ed9", "Presential"),
    "hybrid": ("http://data.europa.eu/snb/learning-assessment/e92d221e4d", "Blended"),
    "work_integrated": ("http://data.europa.eu/snb/learning-assessment/729f3bed4b", "Workbased"),
}
# Credit status -> learning setting: credit-bearing learning counts towards a recognised
# qualification (formal learning); non-credit learning is organised but does not (non-formal
# learning). mcvalidate's reading of the two settings, documented in docs/exports/elm.md.
SETTINGS = {
    "credit": ("http://data.europa.eu/snb/learning-setting/6fd4685715", "formal learning"),
    "non_credit": ("http://data.europa.eu/snb/learning-setting/e207a81fc7", "non-formal learning"),
}
# The course format's assessment types -> the EU list of assessment types; presentation,
# observation and other have no counterpart there (the title says what they are).
ASSESSMENT_TYPES = {
    "exam": ("http://data.europa.eu/snb/assessment/6e6cb2cc78", "written examination"),
    "quiz": ("http://data.europa.eu/snb/assessment/b1b68f6735", "quiz"),
    "project": ("http://data.europa.eu/snb/assessment/795dac4096", "project work"),
    "portfolio": ("http://data.europa.eu/snb/assessment/4f03b91c0e", "portfolio"),
    "practical": ("http://data.europa.eu/snb/assessment/6a4db9f11d", "practical assessment"),
    "assignment": ("http://data.europa.eu/snb/assessment/2939dae15f", "marked assignment"),
    "participation": ("http://data.europa.eu/snb/assessment/7331eb4762", "level of attendance"),
}
# The EU's words for Annex I's optional element "supervision and identity verification".
SUPERVISION = {
    "unsupervised": "unsupervised with no identity verification",
    "supervised": "supervised with no identity verification",
    "supervised_with_id": "supervised online or onsite with identity verification",
}
GRADING_NAMES = {
    "pass_fail": "Pass or fail",
    "letter": "Letter grades",
    "percentage": "Percentage",
    "points": "Points",
    "levels": "Levels of proficiency",
    "other": "Grading scheme",
}
QA_TYPES = {
    "internal": "internal",
    "external": "external",
    "internal_and_external": "internal and external",
}
# Every ISCED-F 2013 code of the EU vocabulary (xsd/loq/cv/isced-f.xsd; a test checks this
# list against it).
_ISCED_F_LIST = """
    00 000 0000 001 0011 002 0021 003 0031 009 0099 01 011 0110 0111 0112 0113 0114 0119 018
    0188 02 020 0200 021 0210 0211 0212 0213 0214 0215 0219 022 0220 0221 0222 0223 0228 0229
    023 0230 0231 0232 0239 028 0288 029 0299 03 030 0300 031 0310 0311 0312 0313 0314 0319 032
    0320 0321 0322 0329 038 0388 039 0399 04 040 0400 041 0410 0411 0412 0413 0414 0415 0416
    0417 0419 042 0421 048 0488 049 0499 05 050 0500 051 0510 0511 0512 0519 052 0520 0521 0522
    0529 053 0530 0531 0532 0533 0539 054 0540 0541 0542 058 0588 059 0599 06 061 0610 0611 0612
    0613 0619 068 0688 07 070 0700 071 0710 0711 0712 0713 0714 0715 0716 0719 072 0720 0721
    0722 0723 0724 0729 073 0730 0731 0732 078 0788 079 0799 08 080 0800 081 0810 0811 0812 0819
    082 0821 083 0831 084 0841 088 0888 089 0899 09 090 0900 091 0910 0911 0912 0913 0914 0915
    0916 0917 0919 092 0920 0921 0922 0923 0929 098 0988 099 0999 10 100 1000 101 1010 1011 1012
    1013 1014 1015 1019 102 1020 1021 1022 1029 103 1030 1031 1032 1039 104 1041 108 1088 109
    1099 99 999 9999
"""
ISCED_F_CODES = frozenset(_ISCED_F_LIST.split())
# The EU country table's codes are ISO 3166-1 alpha-3, except Kosovo's (1A0); it has no entry
# for the French Southern Territories (TF).
_COUNTRY_EXCEPTIONS = {"XK": "1A0"}
_NO_COUNTRY = frozenset({"TF"})
# The EU currency table (2024) is ISO 4217 but for its two newest codes.
_NO_CURRENCY = frozenset({"SLE", "VED"})
# Collective ISO 639 codes the EU language table does not list.
_NO_LANGUAGE = frozenset({"BIH"})
ESCO_SKILL = ("http://data.europa.eu/esco/skill/", "https://data.europa.eu/esco/skill/")


@lru_cache(maxsize=256)
def country_code(country: str) -> str | None:
    """The EU country table's code of an ISO 3166-1 alpha-2 code (``NL`` -> ``NLD``), or None."""
    if country in _COUNTRY_EXCEPTIONS:
        return _COUNTRY_EXCEPTIONS[country]
    if country in _NO_COUNTRY:
        return None
    import pycountry

    entry = pycountry.countries.get(alpha_2=country)
    return str(entry.alpha_3) if entry is not None else None


@lru_cache(maxsize=256)
def language_code(tag: str) -> str | None:
    """The EU language table's code of a BCP 47 tag: its language's ISO 639-2/T (or 639-3)
    code in capitals (``en-CA`` -> ``ENG``), or None."""
    import langcodes

    try:
        code = str(langcodes.Language.get(tag).to_alpha3(variant="T")).upper()
    except (LookupError, ValueError):
        return None
    return None if code in _NO_LANGUAGE else code


def isced_known(code: str) -> bool:
    """Whether an ISCED-F code is one of the EU vocabulary's."""
    return code in ISCED_F_CODES


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _duration_hours(hours: float) -> str:
    """An xsd:duration of hours (``PT168H``, ``PT7H30M``): xsd:duration takes a fraction in
    its seconds only."""
    seconds = round(hours * 3600)
    whole, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    text = "PT" + (f"{whole}H" if whole else "")
    text += (f"{minutes}M" if minutes else "") + (f"{seconds}S" if seconds else "")
    return text if text != "PT" else "PT0H"


def _duration_weeks(weeks: float) -> str:
    """An xsd:duration of weeks, in days (xsd:duration has no weeks): ``P56D``."""
    hours = round(weeks * 7 * 24)
    days, hours = divmod(hours, 24)
    return f"P{days}D" + (f"T{hours}H" if hours else "")


def concept(uri: str, scheme: str, label: str | None = None) -> dict[str, Any]:
    """A concept of an EU vocabulary, as the EC's samples write one."""
    node: dict[str, Any] = {
        "@id": uri,
        "@type": "Concept",
        "inScheme": {"@id": scheme, "@type": "ConceptScheme"},
    }
    if label:
        node["prefLabel"] = {"en": label}
    return node


def _note(text: str, lang: str) -> dict[str, Any]:
    return {"@type": "Note", "noteLiteral": {lang: text}}


def _web(url: str) -> dict[str, Any]:
    return {"@type": "WebResource", "contentURL": url}


def _country(course: Course) -> dict[str, Any] | None:
    country = course.issuer.country if course.issuer else None
    code = country_code(country) if country else None
    return concept(f"{COUNTRY_SCHEME}/{code}", COUNTRY_SCHEME) if code else None


def _language(course: Course) -> dict[str, Any] | None:
    code = language_code(course.language) if course.language else None
    return concept(f"{LANGUAGE_SCHEME}/{code}", LANGUAGE_SCHEME) if code else None


def _provider(course: Course, base: str, lang: str) -> dict[str, Any]:
    issuer = course.issuer
    node: dict[str, Any] = {"@id": part_uri(base, "provider"), "@type": "Organisation"}
    if issuer is not None and issuer.name:
        node["legalName"] = {lang: issuer.name.strip()}
    if issuer is not None and issuer.url:
        node["homepage"] = [_web(issuer.url)]
    country = _country(course)
    if country is not None:
        node["location"] = [
            {"@type": "Location", "address": [{"@type": "Address", "countryCode": country}]}
        ]
        if issuer is not None and issuer.legal_id:
            node["registration"] = {
                "@type": "LegalIdentifier",
                "notation": issuer.legal_id.strip(),
                "spatial": country,
            }
    return node


def _modes(course: Course) -> list[dict[str, Any]]:
    found: dict[str, str] = {}
    for mode in (course.delivery.modes or ()) if course.delivery else ():
        uri, label = MODES[mode]
        found.setdefault(uri, label)
    return [concept(uri, MODE_SCHEME, label) for uri, label in found.items()]


def _skill_labels(course: Course) -> dict[str, str]:
    """Each aligned competency's URL -> the first statement naming it (a concept has one
    label per language)."""
    labels: dict[str, str] = {}
    for competency in course.competencies or ():
        url = competency.alignment.url if competency.alignment else None
        if url and (competency.statement or "").strip():
            labels.setdefault(url, (competency.statement or "").strip())
    return labels


def _outcomes(course: Course, base: str, lang: str) -> list[dict[str, Any]]:
    competencies: dict[str, Competency] = {
        c.id: c for c in course.competencies or () if c.id is not None
    }
    labels = _skill_labels(course)
    nodes = []
    for index, outcome in enumerate(course.learning_outcomes or (), start=1):
        statement = (outcome.statement or "").strip()
        if not statement:
            continue
        node: dict[str, Any] = {
            "@id": part_uri(base, f"outcome-{outcome.id or index}"),
            "@type": "LearningOutcome",
            "title": {lang: statement},
        }
        esco: list[dict[str, Any]] = []
        other: list[dict[str, Any]] = []
        for ident in outcome.competencies or ():
            competency = competencies.get(ident)
            url = competency.alignment.url if competency and competency.alignment else None
            if not url:
                continue
            skill: dict[str, Any] = {"@id": url, "@type": "Concept"}
            if url in labels:
                skill["prefLabel"] = {lang: labels[url]}
            target = esco if url.startswith(ESCO_SKILL) else other
            if all(s["@id"] != url for s in target):
                target.append(skill)
        if esco:
            node["relatedESCOSkill"] = esco
        if other:
            node["relatedSkill"] = other
        nodes.append(node)
    return nodes


def _assessments(course: Course, base: str, lang: str) -> list[dict[str, Any]]:
    grading = course.grading
    scheme: dict[str, Any] | None = None
    if grading is not None and (grading.scheme or grading.description):
        scheme = {
            "@id": part_uri(base, "grading"),
            "@type": "GradingScheme",
            "title": {"en": GRADING_NAMES[grading.scheme or "other"]},
        }
        if (grading.description or "").strip():
            scheme["description"] = {lang: (grading.description or "").strip()}
    nodes = []
    for index, assessment in enumerate(course.assessments or (), start=1):
        name = (assessment.title or "").strip() or (assessment.id or f"Assessment {index}")
        node: dict[str, Any] = {
            "@id": part_uri(base, f"assessment-{assessment.id or index}"),
            "@type": "LearningAssessmentSpecification",
            "title": {lang: name},
        }
        if assessment.type in ASSESSMENT_TYPES:
            uri, label = ASSESSMENT_TYPES[assessment.type]
            node["dcType"] = [concept(uri, ASSESSMENT_SCHEME, label)]
        notes = []
        if assessment.weight is not None:
            notes.append(f"Weight: {_number(assessment.weight)}% of the result.")
        if assessment.passing is not None and str(assessment.passing).strip():
            passing = assessment.passing
            text = _number(passing) if isinstance(passing, float) else str(passing).strip()
            notes.append(f"Passing: {text}")
        if assessment.supervision:
            notes.append(f"Supervision and identity verification: "
                         f"{SUPERVISION[assessment.supervision]}.")  # fmt: skip
        if assessment.summative is False:
            notes.append("Formative: it does not count towards the result.")
        if notes:
            node["additionalNote"] = [_note(" ".join(notes), lang)]
        if scheme is not None and assessment.summative is not False:
            node["gradingScheme"] = scheme
        nodes.append(node)
    return nodes


def _quality(course: Course, lang: str) -> list[dict[str, Any]]:
    """The quality assurance, as a note: LOQ's Accreditation needs the accrediting body's
    place (a Location with a country), which the course format does not record."""
    qa = course.quality_assurance
    parts = []
    if qa is not None:
        if qa.type:
            parts.append(f"Quality assurance: {QA_TYPES[qa.type]}.")
        if (qa.approved_by or "").strip():
            parts.append(f"Approved by: {(qa.approved_by or '').strip()}.")
        for approval in qa.external_approvals or ():
            if (approval.body or "").strip():
                parts.append(f"External approval: {(approval.body or '').strip()}.")
        process = qa.process or (qa.statement.review_process if qa.statement else None)
        if (process or "").strip():
            parts.append(f"Process: {(process or '').strip()}")
        if qa.review_cycle_months:
            parts.append(f"Reviewed every {qa.review_cycle_months} months.")
    regulator = course.issuer.regulator if course.issuer else None
    if (regulator or "").strip():
        parts.append(f"The provider's regulator: {(regulator or '').strip()}.")
    return [_note(" ".join(parts), lang)] if parts else []


def _credits(course: Course) -> list[dict[str, Any]]:
    credit = course.credit
    if credit is None:
        return []
    point = credit.value if credit.system == "ects" and credit.value is not None else credit.ects
    if point is None:
        return []
    framework = concept(ECTS[0], CREDIT_SCHEME, ECTS[1])
    return [{"@type": "CreditPoint", "framework": framework, "point": _number(point)}]


def _levels(course: Course) -> list[dict[str, Any]]:
    level = course.level
    if level is None:
        return []
    pairs = [(level.framework, level.value)]
    pairs += [(e.framework, e.value) for e in level.equivalents or ()]
    values = sorted({v for f, v in pairs if f == "eqf" and v is not None and 1 <= v <= 8})
    uri = "http://data.europa.eu/snb/eqf/"
    return [concept(f"{uri}{v}", EQF_SCHEME, f"Level {v}") for v in values]


def _prices(course: Course, lang: str) -> list[dict[str, Any]]:
    cost = course.cost
    if cost is None or not cost.currency or cost.currency in _NO_CURRENCY:
        return []
    unit = concept(f"{CURRENCY_SCHEME}/{cost.currency}", CURRENCY_SCHEME)
    parts: list[tuple[str | None, float]] = (
        list(cost.breakdown.items())
        if cost.breakdown
        else ([(None, cost.amount)] if cost.amount is not None else [])
    )
    prices = []
    for name, amount in parts:
        price: dict[str, Any] = {"@type": "PriceDetail"}
        if name:
            price["prefLabel"] = {lang: name}
        price["amount"] = {
            "@type": "Amount",
            "unit": unit,
            "rdf:value": {"@value": _number(amount), "@type": "xsd:decimal"},
        }
        prices.append(price)
    return prices


def build(course: Course, job: Job) -> dict[str, Any]:
    """The course as an ELM learning opportunity (LOQ profile), a JSON-LD document."""
    lang = course.language or "en"
    base = course_uri(course, job)
    provider = _provider(course, base, lang)
    language = _language(course)
    modes = _modes(course)

    spec: dict[str, Any] = {
        "@id": part_uri(base, "specification"),
        "@type": "LearningAchievementSpecification",
        "title": {lang: course.title.strip()},
    }
    if (course.summary or "").strip():
        spec["description"] = {lang: (course.summary or "").strip()}
    badge = course.recognition.badge if course.recognition else None
    if badge is not None and badge.name and badge.name.strip() != course.title.strip():
        spec["altLabel"] = {lang: badge.name.strip()}
    isced = course.classification.isced_f if course.classification else None
    if isced and isced_known(isced):
        uri = f"http://data.europa.eu/snb/isced-f/{isced}"
        spec["thematicArea"] = [concept(uri, ISCED_F_SCHEME)]
    if language is not None:
        spec["language"] = [language]
    spec["learningOutcome"] = _outcomes(course, base, lang)
    work = course.workload
    if work is not None and work.hours is not None:
        spec["volumeOfLearning"] = _duration_hours(work.hours)
    credits = _credits(course)
    if credits:
        spec["creditPoint"] = credits
    levels = _levels(course)
    if levels:
        spec["educationLevel"] = levels
    if modes:
        spec["mode"] = modes
    status = course.credit.status if course.credit else None
    if status in SETTINGS:
        uri, label = SETTINGS[status]
        spec["learningSetting"] = concept(uri, SETTING_SCHEME, label)
    if work is not None and work.max_completion_months:
        spec["maximumDuration"] = f"P{work.max_completion_months}M"
    entry = [p.strip() for p in course.prerequisites or () if p.strip()]
    if entry:
        spec["entryRequirement"] = _note("; ".join(entry), lang)
    if work is not None and work.contact_hours:
        activity: dict[str, Any] = {
            "@id": part_uri(base, "activity"),
            "@type": "LearningActivitySpecification",
            "title": {lang: course.title.strip()},
            "contactHour": [_number(work.contact_hours)],
        }
        if modes:
            activity["mode"] = modes
        spec["influencedBy"] = [activity]
    assessments = _assessments(course, base, lang)
    if assessments:
        spec["provenBy"] = assessments
    notes = _quality(course, lang)
    if badge is not None and (badge.criteria or "").strip():
        notes.append(_note(f"Awarded for: {(badge.criteria or '').strip()}", lang))
    if notes:
        spec["additionalNote"] = notes
    if badge is not None and badge.criteria_url:
        spec["supplementaryDocument"] = [_web(badge.criteria_url)]
    spec["awardingOpportunity"] = [
        {
            "@type": "AwardingOpportunity",
            "awardingBody": {"@id": provider["@id"]},
            "learningAchievementSpecification": {"@id": spec["@id"]},
        }
    ]

    document: dict[str, Any] = {
        "@context": CONTEXT,
        "@id": base,
        "@type": "LearningOpportunity",
        "title": {lang: course.title.strip()},
    }
    if (course.summary or "").strip():
        document["description"] = {lang: (course.summary or "").strip()}
    if course.publication is not None and course.publication.url:
        document["homepage"] = [_web(course.publication.url)]
    document["providedBy"] = provider
    document["learningAchievementSpecification"] = spec
    if language is not None:
        document["elm:defaultLanguage"] = language
    if modes:
        document["mode"] = modes
    if work is not None and work.weeks is not None:
        document["duration"] = _duration_weeks(work.weeks)
    schedule = (course.delivery.schedule or "").strip() if course.delivery else ""
    if schedule:
        document["scheduleInformation"] = _note(schedule, lang)
    prices = _prices(course, lang)
    if prices:
        document["priceDetail"] = prices
    if (course.target_learners or "").strip():
        text = f"Who it is for: {(course.target_learners or '').strip()}"
        document["additionalNote"] = [_note(text, lang)]
    return document


_SPEC = "the LearningAchievementSpecification's"
_FIELDS = {
    "format": "no home: the course format's version",
    "id": "@id of the LearningOpportunity (with export.base_url), and of its parts (#fragments)",
    "title": "dc:title of the LearningOpportunity and of the LearningAchievementSpecification",
    "summary": "dc:description of the LearningOpportunity and the LearningAchievementSpecification",
    "language": (
        "elm:defaultLanguage (LearningOpportunity) and dc:language (LearningAchievement"
        "Specification): EU language table (ENG); the language of every text"
    ),
    "status": "no home: LOQ's elm:status is a free string with no published list",
    "standalone": "no home: LOQ says what a specification is part of by reference (elm:isPartOf)",
    "issuer.name": "rov:legalName of the providedBy Organisation",
    "issuer.url": "foaf:homepage (WebResource elm:contentUrl) of the Organisation",
    "issuer.country": (
        "elm:location Location elm:address Address elm:countryCode (EU country table, NLD) of "
        "the Organisation; dc:spatial of its registration"
    ),
    "issuer.region": "no home: ELM names regions by EU ATU/NUTS concepts, not ISO 3166-2 codes",
    "issuer.type": "no home: the Organisation's dc:type is a concept of no list in LOQ",
    "issuer.regulator": f"elm:additionalNote of {_SPEC} (quality assurance note)",
    "issuer.legal_id": "rov:registration LegalIdentifier skos:notation of the Organisation",
    "issuer.ctid": "no home: Credential Engine's identifier (CTDL export)",
    "developer": "no home: LOQ names providers and awarding bodies, not developers",
    "credit.status": (
        "elm:learningSetting: credit -> formal learning, non_credit -> non-formal learning"
    ),
    "credit.value": "elm:creditPoint CreditPoint elm:point, when credit.system is ects",
    "credit.system": (
        "elm:creditPoint elm:framework (European Credit Transfer System) when ects; no home "
        "for other systems: the EU credit list has ECTS and ECVET only"
    ),
    "credit.system_name": "no home: the EU credit list has ECTS and ECVET only",
    "credit.ects": "elm:creditPoint CreditPoint (ECTS) elm:point",
    "workload.hours": "elm:volumeOfLearning (PT168H)",
    "workload.contact_hours": (
        "elm:contactHour of the LearningActivitySpecification (elm:influencedBy)"
    ),
    "workload.weeks": "elm:duration of the LearningOpportunity, in days (P56D)",
    "workload.max_completion_months": "elm:maximumDuration (P6M)",
    "level.framework": "elm:educationLevel (EQF concept) when eqf; no home for other frameworks",
    "level.value": "elm:educationLevel http://data.europa.eu/snb/eqf/<value> (EQF only)",
    "level.equivalents[].framework": (
        "elm:educationLevel when eqf; no home for QF-EHEA cycles and non-European frameworks"
    ),
    "level.equivalents[].value": "elm:educationLevel (EQF only)",
    "delivery.modes": (
        "elm:mode (LearningOpportunity and LearningAchievementSpecification): EU modes list "
        "Online, Presential, Blended, Workbased"
    ),
    "delivery.pacing": "no home: the EU learning schedules are full and part time",
    "delivery.schedule": "elm:scheduleInformation Note of the LearningOpportunity",
    "delivery.partner_institutions": (
        "no home: an Organisation needs its location and country, which the file does not give"
    ),
    "cost.amount": "elm:priceDetail PriceDetail elm:amount Amount rdf:value (when no breakdown)",
    "cost.currency": "elm:amount Amount elm:unit (EU currency table)",
    "cost.breakdown": "a PriceDetail per part (skos:prefLabel, elm:amount)",
    "prerequisites": f"elm:entryRequirement Note of {_SPEC}",
    "target_learners": "elm:additionalNote Note of the LearningOpportunity",
    "needs[].type": "no home: LOQ does not describe the need an offering answers",
    "needs[].description": "no home: LOQ does not describe the need an offering answers",
    "needs[].evidence": "no home: LOQ does not describe the need an offering answers",
    "partners[].name": "no home: partners' roles are not LOQ relations",
    "partners[].type": "no home: partners' roles are not LOQ relations",
    "partners[].roles": "no home: partners' roles are not LOQ relations",
    "competencies[].id": "no home: an id local to the file",
    "competencies[].statement": (
        "skos:prefLabel of the skill concept of the outcomes that name the competency (when it "
        "has an alignment URL)"
    ),
    "competencies[].alignment.framework": "no home: the concept's URL names its framework",
    "competencies[].alignment.code": "no home: the concept's URL names it",
    "competencies[].alignment.url": (
        "elm:relatedESCOSkill (an ESCO skill URI) or elm:relatedSkill of the LearningOutcomes "
        "that name the competency"
    ),
    "learning_outcomes": "elm:learningOutcome LearningOutcome dc:title (one per statement)",
    "assessments[].id": "@id of the LearningAssessmentSpecification (#assessment-<id>)",
    "assessments[].title": "dc:title of a LearningAssessmentSpecification (elm:provenBy)",
    "assessments[].type": (
        "dc:type of the LearningAssessmentSpecification (EU assessment types: written "
        "examination, quiz, project work, portfolio, practical assessment, marked assignment, "
        "level of attendance)"
    ),
    "assessments[].summative": (
        "elm:additionalNote (formative ones); the grading scheme goes to summative ones"
    ),
    "assessments[].outcomes": "no home: LOQ does not link an assessment to single outcomes",
    "assessments[].weight": "elm:additionalNote of the LearningAssessmentSpecification",
    "assessments[].passing": "elm:additionalNote of the LearningAssessmentSpecification",
    "assessments[].supervision": (
        "elm:additionalNote of the LearningAssessmentSpecification, in the EU's words "
        "(LOQ has no idVerification)"
    ),
    "recognition.purposes": "no home: LOQ does not say what an achievement is recognised for",
    "recognition.formats": "no home: LOQ describes the opportunity, not the record of it",
    "recognition.badge.name": f"skos:altLabel of {_SPEC} (when it differs from the title)",
    "recognition.badge.description": "no home: the description is the summary",
    "recognition.badge.image": "no home: an ELM MediaObject embeds the image's bytes",
    "recognition.badge.criteria_url": f"elm:supplementaryDocument WebResource of {_SPEC}",
    "recognition.badge.criteria": f"elm:additionalNote of {_SPEC}",
    "recognition.badge.achievement_type": "no home: an Open Badges term",
    "recognition.badge.alignment[].name": "no home: the badge's alignments are for Open Badges",
    "recognition.badge.alignment[].url": "no home: the badge's alignments are for Open Badges",
    "recognition.badge.alignment[].framework": (
        "no home: the badge's alignments are for Open Badges"
    ),
    "recognition.badge.alignment[].code": "no home: the badge's alignments are for Open Badges",
    "recognition.transcript_fields": "no home: LOQ describes the opportunity, not the record",
    "recognition.expires_after_months": "no home: validity belongs to an issued credential (EDC)",
    "pathways.stacks_into": "no home: names, not ELM resources (elm:isPartOf takes a URI)",
    "pathways.ladders_into[].credential": "no home: names, not ELM resources",
    "pathways.ladders_into[].institution": "no home: names, not ELM resources",
    "pathways.ladders_into[].credit_value": "no home: names, not ELM resources",
    "pathways.transfer[].institution": "no home: LOQ has no transfer agreements",
    "pathways.transfer[].equivalency": "no home: LOQ has no transfer agreements",
    "pathways.prior_learning_recognition": "no home: LOQ has no recognition of prior learning",
    "pathways.none_reason": "no home: LOQ says what a specification is part of, not why nothing",
    "pathways.complements": "no home: LOQ says what a specification is part of",
    "quality_assurance.type": (
        f"elm:additionalNote of {_SPEC} (LOQ's Accreditation needs the accrediting body's "
        "location and country, which the format does not record)"
    ),
    "quality_assurance.approved_by": f"elm:additionalNote of {_SPEC} (quality assurance note)",
    "quality_assurance.approved_on": "no home: an approval date belongs to an Accreditation",
    "quality_assurance.process": f"elm:additionalNote of {_SPEC} (quality assurance note)",
    "quality_assurance.review_cycle_months": (
        f"elm:additionalNote of {_SPEC} (quality assurance note)"
    ),
    "quality_assurance.last_reviewed": "no home: a review date belongs to an Accreditation",
    "quality_assurance.next_review": "no home: a review date belongs to an Accreditation",
    "quality_assurance.retirement": "no home: LOQ describes an offering, not its retirement",
    "quality_assurance.statement.provider_profile": (
        "no home: the Organisation is described by its legal name, country and web site"
    ),
    "quality_assurance.statement.process": (
        "no home: the review process is quality_assurance.process"
    ),
    "quality_assurance.statement.review_process": (
        f"elm:additionalNote of {_SPEC} (when quality_assurance.process is not given)"
    ),
    "quality_assurance.external_approvals[].body": (
        f"elm:additionalNote of {_SPEC} (quality assurance note)"
    ),
    "quality_assurance.external_approvals[].date": (
        "no home: an approval date belongs to an Accreditation"
    ),
    "quality_assurance.external_approvals[].reference": (
        "no home: a reference belongs to an Accreditation"
    ),
    "classification.cip": "no home: ELM classifies fields by ISCED-F",
    "classification.noc": "no home: ELM names occupations by ESCO",
    "classification.nzsced": "no home: ELM classifies fields by ISCED-F",
    "classification.isced_f": (
        "elm:ISCEDFCode (context term thematicArea): http://data.europa.eu/snb/isced-f/<code>"
    ),
    "publication.url": "foaf:homepage WebResource elm:contentUrl of the LearningOpportunity",
    "credential_registry.ctid": "no home: Credential Engine's identifier (CTDL export)",
    "funding.programs": "no home: funding eligibility is not part of the description",
    "business_case.problem": "no home: an internal planning document",
    "business_case.objectives": "no home: an internal planning document",
    "business_case.market_analysis": "no home: an internal planning document",
    "business_case.cost_analysis": "no home: an internal planning document",
    "business_case.implementation_plan": "no home: an internal planning document",
    "business_case.risks": "no home: an internal planning document",
    "frameworks": "no home: which rule packs apply",
    "grading.scheme": "elm:gradingScheme GradingScheme dc:title of each summative assessment",
    "grading.description": "elm:gradingScheme GradingScheme dc:description",
    "purpose.use": "no home: the summary says what it is for",
    "purpose.relevance": "no home: the summary says what it is for",
    "purpose.contribution": "no home: the summary says what it is for",
    "standards": "no home: standards are not ELM resources here",
}


def fields() -> dict[str, str]:
    """Where each course field goes in this target (for the mapping page and its test; built
    when asked for, since it reads the model's JSON Schema)."""
    from mcvalidate.export.mapping import every_field

    return every_field(_FIELDS)
