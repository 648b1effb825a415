"""Pydantic models of the course definition format, version 1 (``docs/course-format.md``).

The models enforce shape only: types, allowed values and ranges that hold in every framework.
Almost every field is optional, because presence is the rule packs' business: a half-written
proposal must still load and get a useful list of what is missing. Unknown keys are refused
(a typo would silently drop data), except keys starting with ``x-``, which are the author's:
:func:`mcvalidate.model.validate_course` sets them aside in one pass before validating, so
these models, validated directly, refuse them like any other unknown key.

Checks do not import this module: they run the validator that
:mod:`mcvalidate.model.compiled` builds from it (and caches), which has the same semantics. A
field is changed here and nowhere else; the field docs, the JSON Schema and the cache follow.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from mcvalidate.model.coerce import expand_shorthand
from mcvalidate.model.lifecycle import Status
from mcvalidate.model.types import (
    Choices,
    CipCode,
    Country,
    Ctid,
    Currency,
    Date,
    IscedCode,
    Language,
    NocCode,
    NonBlank,
    NonNegative,
    NzscedCode,
    Percent,
    Positive,
    PositiveInt,
    Region,
    Slug,
    Url,
)


def _author_keys_schema(schema: dict[str, Any]) -> None:
    schema["patternProperties"] = {"^x-": {"description": "The author's own field; not checked."}}
    # A docstring's line breaks are the source's, not the text's: editors would show each
    # line as a paragraph.
    if "description" in schema:
        schema["description"] = " ".join(schema["description"].split())


class Strict(BaseModel):
    """Base of every format-1 object: strict types, no unknown keys (``x-`` keys are set aside
    before validation, by :func:`mcvalidate.model.compiled.strip_author_keys`)."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        allow_inf_nan=False,
        frozen=True,
        json_schema_extra=_author_keys_schema,
        # The nested models are only ever validated as part of a Course: building their own
        # validators too would cost every run start-up time for nothing.
        defer_build=True,
    )


IssuerType = Literal[
    "public_institution",
    "indigenous_institute",
    "private_institution",
    "employer",
    "professional_body",
    "other",
]
ISSUER_TYPES = Choices(
    IssuerType,
    {
        "public_institution": "A public college, institute or university.",
        "indigenous_institute": "An Indigenous-governed post-secondary institute.",
        "private_institution": "A private college or training provider.",
        "employer": "An employer awarding it to its own staff or recruits.",
        "professional_body": "A professional association or regulatory body.",
        "other": "Any other kind of issuer.",
    },
)


class Issuer(Strict):
    """Who awards the micro-credential. The B.C. Framework is written for B.C.'s public
    post-secondary institutions, so its pack reads the type and region (BCF012)."""

    name: str | None = Field(
        None,
        description="The awarding institution or body, as learners know it.",
        examples=["British Columbia Institute of Technology"],
    )
    url: Url | None = Field(
        None,
        description="The issuer's web site, starting with https://.",
        examples=["https://www.bcit.ca"],
    )
    country: Country | None = Field(
        None,
        description="The issuer's country: a two-letter ISO 3166-1 code in capitals.",
        examples=["CA", "NZ"],
    )
    region: Region | None = Field(
        None,
        description="The issuer's province or state: an ISO 3166-2 code, the country first "
        "(the B.C. Framework's scope is read from it: BCF012).",
        examples=["CA-BC", "CA-ON"],
    )
    type: Annotated[IssuerType, ISSUER_TYPES] | None = Field(
        None,
        description="What kind of body the issuer is (the B.C. Framework covers public "
        "post-secondary institutions: BCF012).",
        examples=["public_institution"],
    )
    regulator: str | None = Field(
        None,
        description="The external quality assurance or regulatory body the issuer answers "
        "to, if any (NZQA accreditation, an Australian regulator: NZQ016, AUS005).",
        examples=["DQAB", "NZQA", "TEQSA"],
    )
    legal_id: str | None = Field(
        None,
        description="The issuer's legal identifier (a business or charity number, a "
        "European VAT or registration number), which the EU principles ask an authentic "
        "credential to carry (EUR019).",
        examples=["BN 107588706"],
    )
    ctid: Ctid | None = Field(
        None,
        description="The issuer's CTID in Credential Engine's Credential Registry, once the "
        "organisation is published there: the CTDL export names it as the owner and provider "
        "(CTX006).",
        examples=["ce-1f0c2b8e-7a4d-4c3e-9b6a-2d5e8f1a0c37"],
    )


CreditStatus = Literal["credit", "non_credit"]
CREDIT_STATUSES = Choices(
    CreditStatus,
    {
        "credit": "Credit-bearing: completing it earns academic credit.",
        "non_credit": "Non-credit: completing it earns no academic credit.",
    },
)
CreditSystem = Literal["institutional", "ects", "nzqcf", "uk", "us", "other"]
CREDIT_SYSTEMS = Choices(
    CreditSystem,
    {
        "institutional": "The institution's own credits (name them in `system_name`).",
        "ects": "European Credit Transfer and Accumulation System credits.",
        "nzqcf": "New Zealand Qualifications and Credentials Framework credits.",
        "uk": "UK credits (one credit is ten notional hours).",
        "us": "US credit hours.",
        "other": "Another credit system (name it in `system_name`).",
    },
)


class Credit(Strict):
    """Whether the micro-credential carries academic credit, and how much. The B.C.
    Framework has the credit status made clear to learners before they enrol (BCF007,
    BCF008)."""

    status: Annotated[CreditStatus, CREDIT_STATUSES] | None = Field(
        None,
        description="Credit-bearing or not: say which, so learners know before they enrol "
        "(BCF007).",
        examples=["credit", "non_credit"],
    )
    value: NonNegative | None = Field(
        None,
        description="How many credits it awards, in the system named below; leave it out "
        "for a non-credit offering (BCF008, CON005).",
        examples=[3, 1.5],
    )
    system: Annotated[CreditSystem, CREDIT_SYSTEMS] | None = Field(
        None,
        description="Which credit system the value is counted in (BCF008).",
        examples=["institutional"],
    )
    system_name: str | None = Field(
        None,
        description="The name of the credits, for an institutional or other system.",
        examples=["BCIT credits"],
    )
    ects: NonNegative | None = Field(
        None,
        description="The workload in ECTS credits, when the credits above are counted in "
        "another system (the EU Recommendation asks for ECTS 'wherever possible': EUR008).",
        examples=[2, 2.5],
    )


class Workload(Strict):
    """How long the micro-credential takes. The B.C. Framework defines a micro-credential as
    short-duration, so its pack asks for the hours (BCF002, BCF014)."""

    hours: Positive | None = Field(
        None,
        description="Notional learning hours: all the learner's effort, assessment included "
        "(BCF014; CON002 and CON008 check they are plausible).",
        examples=[60, 120],
    )
    contact_hours: NonNegative | None = Field(
        None,
        description="The instructor-led hours: part of the learning hours, never more (CON007).",
        examples=[20],
    )
    weeks: Positive | None = Field(
        None,
        description="The calendar length of one offering, in weeks.",
        examples=[8, 12],
    )
    max_completion_months: PositiveInt | None = Field(
        None,
        description="The time limit to finish, in months, for a self-paced offering.",
        examples=[6],
    )


LevelFramework = Literal["eqf", "qf_ehea", "nzqcf", "aqf", "none", "other"]
LEVEL_FRAMEWORKS = Choices(
    LevelFramework,
    {
        "eqf": "The European Qualifications Framework (levels 1 to 8).",
        "qf_ehea": "The Qualifications Framework of the European Higher Education Area (cycles).",
        "nzqcf": "The New Zealand Qualifications and Credentials Framework (levels 1 to 10).",
        "aqf": "The Australian Qualifications Framework (levels 1 to 10).",
        "none": "Not placed in any qualifications framework.",
        "other": "Another qualifications framework.",
    },
)


class LevelEquivalent(Strict):
    """The level in one more qualifications framework."""

    framework: Annotated[LevelFramework, LEVEL_FRAMEWORKS] | None = Field(
        None,
        description="The other qualifications framework.",
        examples=["eqf"],
    )
    value: int | None = Field(
        None,
        description="The level in it, as a whole number.",
        examples=[4],
    )


class Level(Strict):
    """Where the micro-credential sits in a qualifications framework, if it is placed in
    one."""

    framework: Annotated[LevelFramework, LEVEL_FRAMEWORKS] | None = Field(
        None,
        description="The qualifications framework the level is given in.",
        examples=["none", "eqf"],
    )
    value: int | None = Field(
        None,
        description="The level in that framework, as a whole number.",
        examples=[5],
    )
    equivalents: list[LevelEquivalent] | None = Field(
        None,
        description="The same level in other qualifications frameworks (an NZQCF course's "
        "EQF level, for European learners).",
        examples=[[{"framework": "eqf", "value": 4}]],
    )


DeliveryMode = Literal["online_async", "online_sync", "in_person", "hybrid", "work_integrated"]
DELIVERY_MODES = Choices(
    DeliveryMode,
    {
        "online_async": "Online, at the learner's own time (recorded or written material).",
        "online_sync": "Online, live at set times (video sessions).",
        "in_person": "In person, on campus or at a site.",
        "hybrid": "Partly online and partly in person.",
        "work_integrated": "Learned and assessed at the learner's workplace.",
    },
)
Pacing = Literal["self_paced", "cohort"]
PACINGS = Choices(
    Pacing,
    {
        "self_paced": "Each learner starts and moves on when they choose.",
        "cohort": "A group starts and moves through it together, on a schedule.",
    },
)


class Delivery(Strict):
    """How the micro-credential is delivered. The B.C. Toolkit's design step asks for the
    format (BCT020)."""

    modes: list[Annotated[DeliveryMode, DELIVERY_MODES]] | None = Field(
        None,
        description="The forms of participation, one or more (BCT020).",
        examples=[["online_async"], ["in_person", "work_integrated"]],
    )
    pacing: Annotated[Pacing, PACINGS] | None = Field(
        None,
        description="Whether learners go at their own pace or together as a group.",
        examples=["cohort"],
    )
    schedule: str | None = Field(
        None,
        description="When the sessions are, in a few words.",
        examples=["Weekday evenings, 6 to 9 pm"],
    )
    partner_institutions: list[str] | None = Field(
        None,
        description="Other institutions that deliver it with the issuer, one a line.",
        examples=[["Okanagan College"]],
    )


class Cost(Strict):
    """What the micro-credential costs the learner (the Future Skills Grant profile reads
    the amount: BCG003)."""

    amount: NonNegative | None = Field(
        None,
        description="The total cost to the learner, in the currency below.",
        examples=[1150],
    )
    currency: Currency | None = Field(
        None,
        description="The currency of the amount: a three-letter ISO 4217 code in capitals "
        "(CON010).",
        examples=["CAD"],
    )
    breakdown: dict[str, NonNegative] | None = Field(
        None,
        description="The parts of the cost, each a name and an amount; they add up to the "
        "amount (CON009).",
        examples=[{"tuition": 900, "fees": 50, "materials": 100}],
    )


NeedType = Literal[
    "industry",
    "employer",
    "community",
    "indigenous_community",
    "labour_market",
    "government",
]
NEED_TYPES = Choices(
    NeedType,
    {
        "industry": "A need of an industry or sector.",
        "employer": "A need of one or more named employers.",
        "community": "A need of a community.",
        "indigenous_community": "A need of an Indigenous community or Nation.",
        "labour_market": "A need shown by labour market information.",
        "government": "A need set out by a government or public agency.",
    },
)


class Need(Strict):
    """An external need the micro-credential answers. The B.C. Framework defines a
    micro-credential as meeting industry, employer, community or Indigenous community needs
    (BCF004)."""

    type: Annotated[NeedType, NEED_TYPES] | None = Field(
        None,
        description="Whose need it is (BCF004).",
        examples=["industry"],
    )
    description: str | None = Field(
        None,
        description="The need, in a sentence or two: what is missing, and for whom (BCF004).",
        examples=["Contractors report a shortage of trades familiar with mass timber assembly."],
    )
    evidence: list[str] | None = Field(
        None,
        description="What shows the need: surveys, reports, letters of support or web pages, "
        "one a line (the Toolkit's market analysis: BCT017).",
        examples=[["2023 regional construction workforce survey"]],
    )


PartnerType = Literal[
    "employer",
    "industry_association",
    "professional_body",
    "indigenous_community",
    "indigenous_organization",
    "community_organization",
    "government",
    "post_secondary",
]
PARTNER_TYPES = Choices(
    PartnerType,
    {
        "employer": "An employer.",
        "industry_association": "An industry or sector association.",
        "professional_body": "A professional association or regulatory body.",
        "indigenous_community": "An Indigenous community or Nation.",
        "indigenous_organization": "An Indigenous-led organization that is not itself a "
        "community or Nation.",
        "community_organization": "A community or non-profit organization.",
        "government": "A government ministry or agency.",
        "post_secondary": "Another college, institute or university.",
    },
)
PartnerRole = Literal[
    "identify_need", "co_design", "delivery", "assessment", "recognition", "hiring", "endorsement"
]
PARTNER_ROLES = Choices(
    PartnerRole,
    {
        "identify_need": "Helped identify the need it answers.",
        "co_design": "Helped design the curriculum.",
        "delivery": "Helps teach or host it.",
        "assessment": "Helps assess learners.",
        "recognition": "Recognizes it, for example in hiring or promotion.",
        "hiring": "Hires people who hold it.",
        "endorsement": "Endorses it publicly.",
    },
)


class Partner(Strict):
    """An external partner. The B.C. Toolkit has employers, industry, professional bodies,
    Indigenous and community partners engaged (BCT001), and the Framework names their part
    in the need, the curriculum, and assessment or recognition (BCF019)."""

    name: str | None = Field(
        None,
        description="The partner's name.",
        examples=["Example Construction Ltd."],
    )
    type: Annotated[PartnerType, PARTNER_TYPES] | None = Field(
        None,
        description="What kind of partner it is (an Indigenous partner for an Indigenous "
        "community need: BCT019).",
        examples=["employer"],
    )
    roles: list[Annotated[PartnerRole, PARTNER_ROLES]] | None = Field(
        None,
        description="What the partner does for the micro-credential, one or more (BCT001, BCF019).",
        examples=[["identify_need", "co_design", "recognition"]],
    )


class Alignment(Strict):
    """A skills or occupation framework entry that a competency matches."""

    framework: str | None = Field(
        None,
        description="The framework the competency is aligned with.",
        examples=["ESCO", "NOC", "Skills for Success"],
    )
    code: str | None = Field(
        None,
        description="The entry's code in that framework.",
        examples=["72310"],
    )
    url: Url | None = Field(
        None,
        description="The entry's web page.",
        examples=["https://example.org/noc/72310"],
    )


class Competency(Strict):
    """Something a holder can do. The B.C. Framework defines a micro-credential as
    competency-based (BCF003); learning outcomes name the competencies they serve (BCT005)."""

    id: str | None = Field(
        None,
        description="A short id, unique among the competencies, that outcomes refer to.",
        examples=["C1"],
    )
    statement: str | None = Field(
        None,
        description="What a holder can do, starting with an observable verb, not a vague "
        "one such as Understand (CON013).",
        examples=["Install mass timber structural components safely"],
    )
    alignment: Alignment | None = Field(
        None,
        description="The skills or occupation framework entry it matches, if any.",
        examples=[{"framework": "Skills for Success", "code": "Digital"}],
    )


class Outcome(Strict):
    """A learning outcome: one observable action a learner shows. The B.C. Toolkit has
    outcomes defined when the micro-credential is designed (BCT002) and assessed (BCT003)."""

    id: str | None = Field(
        None,
        description="A short id, unique among the outcomes, that assessments refer to.",
        examples=["LO1"],
    )
    statement: str | None = Field(
        None,
        description="The outcome, starting with one observable verb such as Identify, "
        "Explain or Install (BCT007, BCT008, BCT009).",
        examples=["Identify mass timber structural components and connection types"],
    )
    competencies: list[str] | None = Field(
        None,
        description="The ids of the competencies this outcome serves (BCT005, BCT006).",
        examples=[["C1"]],
    )


AssessmentType = Literal[
    "exam",
    "quiz",
    "project",
    "portfolio",
    "practical",
    "presentation",
    "observation",
    "assignment",
    "participation",
    "other",
]
ASSESSMENT_TYPES = Choices(
    AssessmentType,
    {
        "exam": "A formal examination.",
        "quiz": "A short test, often online.",
        "project": "A piece of work the learner plans and carries out.",
        "portfolio": "A collection of the learner's work.",
        "practical": "A hands-on task, done in front of an assessor or checked after.",
        "presentation": "The learner presents to an audience.",
        "observation": "An assessor watches the learner at work.",
        "assignment": "A written or set task.",
        "participation": "Taking part in sessions (not enough alone to show competency: CON015).",
        "other": "Another kind of assessment.",
    },
)
Supervision = Literal["unsupervised", "supervised", "supervised_with_id"]
SUPERVISIONS = Choices(
    Supervision,
    {
        "unsupervised": "Nobody watches the learner while it is done, and nobody checks who "
        "they are (the EU's 'unsupervised with no identity verification').",
        "supervised": "An invigilator or assessor is present, in person or online, without "
        "checking the learner's identity (the EU's 'supervised with no identity "
        "verification').",
        "supervised_with_id": "Supervised, online or on site, and the learner's identity is "
        "checked (the EU's 'supervised online or onsite with identity verification').",
    },
)


class Assessment(Strict):
    """How learners show the outcomes. The B.C. Framework's definition has micro-credentials
    assessed (BCF005), and assessment is a key characteristic of one (BCF015)."""

    id: str | None = Field(
        None,
        description="A short id, unique among the assessments.",
        examples=["A1"],
    )
    title: str | None = Field(
        None,
        description="The assessment's name, as learners see it.",
        examples=["Installation plan project"],
    )
    type: Annotated[AssessmentType, ASSESSMENT_TYPES] | None = Field(
        None,
        description="What kind of assessment it is.",
        examples=["project", "quiz"],
    )
    summative: bool | None = Field(
        None,
        description="true when it counts toward the award, false for practice or feedback "
        "only (BCF015, BCT003).",
        examples=[True],
    )
    outcomes: list[str] | None = Field(
        None,
        description="The ids of the learning outcomes it assesses (BCT004).",
        examples=[["LO1", "LO2"]],
    )
    weight: Percent | None = Field(
        None,
        description="Its share of the final result, in percent (0 to 100); the weights add "
        "up to 100 (CON001).",
        examples=[40],
    )
    passing: str | float | None = Field(
        None,
        description="What passing is: a mark, or the criterion in words (CON014).",
        examples=[70, "Meets every criterion of the project rubric"],
    )
    supervision: Annotated[Supervision, SUPERVISIONS] | None = Field(
        None,
        description="Whether it is done under supervision, and with the learner's identity "
        "checked: the EU Recommendation's three values (EUR014, EMC006).",
        examples=["supervised"],
    )


class BadgeAlignment(Strict):
    """A framework or standard the badge aligns with, as Open Badges records it."""

    name: str | None = Field(
        None,
        description="The name of the framework entry or standard.",
        examples=["Carpenters"],
    )
    url: Url | None = Field(
        None,
        description="Its web page.",
        examples=["https://example.org/noc/72310"],
    )
    framework: str | None = Field(
        None,
        description="The framework it belongs to.",
        examples=["NOC"],
    )
    code: str | None = Field(
        None,
        description="Its code in that framework.",
        examples=["72310"],
    )


class Badge(Strict):
    """The digital badge a holder receives. The B.C. Toolkit has open badges describe what a
    holder can do: a badge needs a name, a description and its criteria (BCT014)."""

    name: str | None = Field(
        None,
        description="The badge's name (BCT014).",
        examples=["Mass Timber Construction Fundamentals"],
    )
    description: str | None = Field(
        None,
        description="What a holder of the badge can do, in a sentence or two (BCT014).",
        examples=["Holder can identify mass timber components and plan their installation."],
    )
    image: Url | None = Field(
        None,
        description="The web address of the badge's image.",
        examples=["https://example.org/badges/mass-timber.png"],
    )
    criteria_url: Url | None = Field(
        None,
        description="A web page with the criteria for earning it (or give `criteria`: BCT014).",
        examples=["https://example.org/mass-timber/criteria"],
    )
    criteria: str | None = Field(
        None,
        description="The criteria for earning it, in words (or give `criteria_url`: BCT014).",
        examples=["Passed the module quizzes and the installation plan project."],
    )
    achievement_type: str = Field(
        "MicroCredential",
        description="The Open Badges 3.0 achievement type; leave it out for the default, "
        "MicroCredential.",
        examples=["MicroCredential"],
    )
    alignment: list[BadgeAlignment] | None = Field(
        None,
        description="The frameworks or standards the badge aligns with (they can name the "
        "competencies: BCF003).",
        examples=[[{"name": "Carpenters", "framework": "NOC", "code": "72310"}]],
    )


RecognitionPurpose = Literal["employment", "further_learning"]
RECOGNITION_PURPOSES = Choices(
    RecognitionPurpose,
    {
        "employment": "Recognized by employers, for hiring or advancement.",
        "further_learning": "Recognized toward further study.",
    },
)
RecognitionFormat = Literal[
    "digital_badge", "transcript", "certificate", "parchment", "wallet_credential", "other"
]
RECOGNITION_FORMATS = Choices(
    RecognitionFormat,
    {
        "digital_badge": "An open digital badge (describe it under `badge`).",
        "transcript": "An entry on the learner's transcript (say what it shows in "
        "`transcript_fields`).",
        "certificate": "A certificate of completion.",
        "parchment": "A formal parchment.",
        "wallet_credential": "A verifiable credential in a digital wallet.",
        "other": "Another kind of record.",
    },
)


class Recognition(Strict):
    """How the achievement is recognized and recorded. The B.C. Framework defines a
    micro-credential as recognized for employment or learning purposes (BCF006)."""

    purposes: list[Annotated[RecognitionPurpose, RECOGNITION_PURPOSES]] | None = Field(
        None,
        description="What it is recognized for: employment, further learning, or both (BCF006).",
        examples=[["employment", "further_learning"]],
    )
    formats: list[Annotated[RecognitionFormat, RECOGNITION_FORMATS]] | None = Field(
        None,
        description="How the achievement is recorded, so learners know what they can share "
        "(BCT015).",
        examples=[["digital_badge", "transcript"]],
    )
    badge: Badge | None = Field(
        None,
        description="The digital badge, when one is awarded (BCT014).",
        examples=[
            {
                "name": "Mass Timber Construction Fundamentals",
                "description": "Holder can plan a mass timber installation.",
                "criteria": "Passed every summative assessment.",
            }
        ],
    )
    transcript_fields: list[str] | None = Field(
        None,
        description="What the transcript entry shows, one item a line (the B.C. Framework's "
        "details for micro-credential records: BCF021).",
        examples=[["title", "credit_value", "completion_date"]],
    )
    expires_after_months: PositiveInt | None = Field(
        None,
        description="How many months the credential stays valid; leave it out (or write "
        "null) when it never expires.",
        examples=[36],
    )


class Ladder(Strict):
    """A program this micro-credential counts toward, with the credit it gives there."""

    credential: str | None = Field(
        None,
        description="The program or credential it ladders into.",
        examples=["Associate Certificate in Mass Timber Construction"],
    )
    institution: str | None = Field(
        None,
        description="The institution offering that program.",
        examples=["British Columbia Institute of Technology"],
    )
    credit_value: NonNegative | None = Field(
        None,
        description="The credits it counts for there: no more than it carries itself (CON006).",
        examples=[3],
    )


class Transfer(Strict):
    """Transfer credit another institution recognizes for this micro-credential."""

    institution: str | None = Field(
        None,
        description="The institution that recognizes it.",
        examples=["Okanagan College"],
    )
    equivalency: str | None = Field(
        None,
        description="What it is recognized as there: a course, or a number of credits.",
        examples=["CARP 110 (3 credits)"],
    )


class Pathways(Strict):
    """Where the micro-credential leads. The B.C. Framework strongly encourages pathways:
    stacking, laddering or transfer, or a reason for having none (BCF011)."""

    stacks_into: list[str] | None = Field(
        None,
        description="The larger credentials it stacks into: course ids of the catalogue, or "
        "names, one a line (BCF011; MC041 checks the ids).",
        examples=[["mass-timber-advanced", "Certificate in Mass Timber Construction"]],
    )
    ladders_into: list[Ladder] | None = Field(
        None,
        description="Programs it gives credit toward (BCF011).",
        examples=[
            [
                {
                    "credential": "Associate Certificate in Mass Timber Construction",
                    "institution": "Example Institute of Technology",
                    "credit_value": 3,
                }
            ]
        ],
    )
    transfer: list[Transfer] | None = Field(
        None,
        description="Transfer credit other institutions recognize for it (BCF011).",
        examples=[[{"institution": "Okanagan College", "equivalency": "CARP 110"}]],
    )
    prior_learning_recognition: bool | None = Field(
        None,
        description="true when prior learning can be assessed for it, false when not (BCT021).",
        examples=[True],
    )
    none_reason: str | None = Field(
        None,
        description="Why there is no pathway, when there is none (BCF011).",
        examples=["A one-time professional update; no program covers this content."],
    )
    complements: str | None = Field(
        None,
        description="How it complements the institution's current programs and pathways (BCF020).",
        examples=["Adds mass timber methods to the institute's carpentry programs."],
    )


QualityAssuranceType = Literal["internal", "external", "internal_and_external"]
QUALITY_ASSURANCE_TYPES = Choices(
    QualityAssuranceType,
    {
        "internal": "Reviewed by the institution's own bodies.",
        "external": "Reviewed by an outside body.",
        "internal_and_external": "Reviewed by the institution and by an outside body.",
    },
)


class QualityStatement(Strict):
    """The quality assurance statement of the Australian National Microcredentials
    Framework: who the provider is, how quality is assured, and how the micro-credential is
    reviewed and kept current."""

    provider_profile: str | None = Field(
        None,
        description="Who the provider is: its history, standing and expertise in the field.",
        examples=["A national training company, delivering safety courses since 2012."],
    )
    process: str | None = Field(
        None,
        description="How the provider assures the quality of its courses and assessment.",
        examples=["Every course is peer-reviewed and its assessments moderated each year."],
    )
    review_process: str | None = Field(
        None,
        description="How the micro-credential is reviewed and updated, and how often.",
        examples=["Reviewed every two years with the industry advisory panel."],
    )


class ExternalApproval(Strict):
    """One approval of the micro-credential by a body outside the institution."""

    body: str | None = Field(
        None,
        description="The approving body.",
        examples=["New Zealand Qualifications Authority"],
    )
    date: Date | None = Field(
        None,
        description="The date of the approval, YYYY-MM-DD.",
        examples=["2025-03-01"],
    )
    reference: str | None = Field(
        None,
        description="The approval's reference or listing number, or its web address.",
        examples=["NZQA micro-credential 4812"],
    )


class QualityAssurance(Strict):
    """How the micro-credential is approved and reviewed. The B.C. Framework has
    micro-credentials developed, approved and periodically reviewed through an institutional
    process (BCF009, BCF010, BCF018)."""

    type: Annotated[QualityAssuranceType, QUALITY_ASSURANCE_TYPES] | None = Field(
        None,
        description="Who reviews it: the institution, an outside body, or both.",
        examples=["internal"],
    )
    approved_by: str | None = Field(
        None,
        description="The body that approved it, or will approve it (BCF009, BCT022).",
        examples=["Senate Curriculum Committee", "Education Council"],
    )
    approved_on: Date | None = Field(
        None,
        description="The date it was approved, YYYY-MM-DD (BCF016; not in the future: CON004).",
        examples=["2025-04-12"],
    )
    process: str | None = Field(
        None,
        description="The policy or process it goes through: its name or number (BCF018, BCT022).",
        examples=["Policy 5103, Micro-credential Development and Approval"],
    )
    review_cycle_months: PositiveInt | None = Field(
        None,
        description="How often it is reviewed, in months (BCF010).",
        examples=[36],
    )
    last_reviewed: Date | None = Field(
        None,
        description="The date of the last review, YYYY-MM-DD (after the approval, before "
        "the next review: CON003).",
        examples=["2026-03-10"],
    )
    next_review: Date | None = Field(
        None,
        description="The date of the next review, YYYY-MM-DD (BCF010, BCF017).",
        examples=["2028-03-10"],
    )
    retirement: str | None = Field(
        None,
        description="When and how the offering is retired: the criteria, and who decides (BCT023).",
        examples=["Retired by Education Council when two intakes in a row do not run."],
    )
    statement: QualityStatement | None = Field(
        None,
        description="The quality assurance statement an Australian provider outside the "
        "regulated system gives (AUS005, AUS006).",
        examples=[{"provider_profile": "A training company founded in 2012."}],
    )
    external_approvals: list[ExternalApproval] | None = Field(
        None,
        description="Approvals by bodies outside the institution: a ministry, NZQA, a "
        "professional regulator (OSAP's 'ministry-approved': OSP001).",
        examples=[
            [{"body": "Ontario Ministry of Colleges and Universities", "date": "2025-03-01"}]
        ],
    )


class Classification(Strict):
    """Program and occupation codes that place the micro-credential in official
    classifications."""

    cip: CipCode | None = Field(
        None,
        description="The Classification of Instructional Programs code of its subject; "
        "write it in quotes.",
        examples=["46.0201"],
    )
    noc: list[NocCode] | None = Field(
        None,
        description="The National Occupational Classification codes of the jobs it prepares "
        "for; write each in quotes, so it stays text.",
        examples=[["72310"]],
    )
    nzsced: NzscedCode | None = Field(
        None,
        description="The New Zealand Standard Classification of Education code of its field.",
        examples=["040300"],
    )
    isced_f: IscedCode | None = Field(
        None,
        description="The ISCED fields of education and training (ISCED-F) code of its field.",
        examples=["0732"],
    )


class Publication(Strict):
    """Where the micro-credential is published for learners."""

    url: Url | None = Field(
        None,
        description="The public web page of the offering (BCT018, for an approved or active one).",
        examples=["https://example.org/mass-timber"],
    )


class CredentialRegistry(Strict):
    """How the micro-credential is known in Credential Engine's Credential Registry, for the
    CTDL export (``mcvalidate export --to ctdl``)."""

    ctid: Ctid | None = Field(
        None,
        description="Its Credential Transparency Identifier (CTID): 'ce-' and a UUID in "
        "lowercase. Generate it once and keep it: the Registry knows the credential by it, so "
        "it never changes once published (CTX001's fix stores a new one).",
        examples=["ce-5b8f3a2e-1c4d-4e6f-8a9b-0c1d2e3f4a5b"],
    )


class Funding(Strict):
    """The funding programs applied to, which switch on the bc-funding pack's profiles."""

    programs: list[str] | None = Field(
        None,
        description="The funding programs applied to, by the names mcvalidate knows "
        "(BCG001); each turns on its profile's checks.",
        examples=[["strongerbc_future_skills_grant"]],
    )


class BusinessCase(Strict):
    """The business case the B.C. Toolkit has built before an institution invests in a
    micro-credential; asked for while it is a draft or a proposal (BCT016)."""

    problem: str | None = Field(
        None,
        description="The problem or opportunity it answers.",
        examples=["Local employers cannot find staff trained in mass timber assembly."],
    )
    objectives: str | None = Field(
        None,
        description="What it sets out to achieve, with numbers where possible.",
        examples=["Train 60 trades workers in the first two years."],
    )
    market_analysis: str | None = Field(
        None,
        description="Competitors and demand: who else offers something like it, and who "
        "would enrol.",
        examples=["No college in the region offers mass timber training; 40 employers asked."],
    )
    cost_analysis: str | None = Field(
        None,
        description="What it costs to develop and run, and when it breaks even.",
        examples=["Development 40,000 CAD; break-even at 45 learners."],
    )
    implementation_plan: str | None = Field(
        None,
        description="The steps and dates from approval to the first offering.",
        examples=["Approval in May, development over the summer, first intake in January."],
    )
    risks: str | None = Field(
        None,
        description="What could go wrong, and what would be done about it.",
        examples=["Low enrolment; mitigated by employer-sponsored seats."],
    )


GradingScheme = Literal["pass_fail", "letter", "percentage", "points", "levels", "other"]
GRADING_SCHEMES = Choices(
    GradingScheme,
    {
        "pass_fail": "Pass or fail (complete or not yet complete), with no grade.",
        "letter": "Letter grades (A to F).",
        "percentage": "A mark out of 100.",
        "points": "A grade point or a score on another numeric scale.",
        "levels": "Levels of proficiency, such as a rubric's (developing, proficient, expert).",
        "other": "Another scheme: describe it.",
    },
)


class Grading(Strict):
    """How the result is graded: the EU Recommendation's optional 'grade achieved' needs
    its scheme to be understood (EUR016)."""

    scheme: Annotated[GradingScheme, GRADING_SCHEMES] | None = Field(
        None,
        description="The kind of result the learner gets.",
        examples=["pass_fail", "percentage"],
    )
    description: str | None = Field(
        None,
        description="The scheme in words: the grades, and what passing is.",
        examples=["Complete or not yet complete; complete needs every rubric item met."],
    )


class Purpose(Strict):
    """The purpose statement NZQA lists with a micro-credential (its listing rules, rule
    6.1(d)); the knowledge and skills are the learning outcomes, the education pathways
    the ``pathways``."""

    use: str | None = Field(
        None,
        description="How it will be used in New Zealand or elsewhere: the jobs, roles or "
        "further study it serves (NZQ009).",
        examples=["Lets orchard workers supervise spray operations under the Growsafe code."],
    )
    relevance: str | None = Field(
        None,
        description="Its relevance to learners, whānau, hapū, iwi, hapori Māori, industry, "
        "employers, professions or communities (NZQ009).",
        examples=["Horticulture employers in the Bay of Plenty asked for certified supervisors."],
    )
    contribution: str | None = Field(
        None,
        description="The cultural or employment pathways it opens, or what it contributes "
        "to a community (NZQ010).",
        examples=["Leads to supervisor roles in kiwifruit packhouses."],
    )


STATUSES = Choices(
    Status,
    {
        "draft": "Being written; not yet put forward for approval.",
        "proposed": "Put forward for approval.",
        "approved": "Approved, not yet offered.",
        "active": "Offered to learners.",
        "suspended": "Not offered for now; may be offered again.",
        "retired": "No longer offered.",
    },
)


def _outcomes_schema(schema: dict[str, Any]) -> None:
    _author_keys_schema(schema)
    outcomes = schema["properties"]["learning_outcomes"]
    for option in outcomes.get("anyOf", [outcomes]):
        if option.get("type") == "array":
            shorthand = {
                "type": "string",
                "description": "A learning outcome's statement alone: its id is LO<n>, its "
                "position in the list (from 1).",
            }
            option["items"] = {"anyOf": [shorthand, option["items"]]}


class Course(Strict):
    """One micro-credential (or one proposal for one), in mcvalidate's course format,
    version 1. Only the title is required: every other field is asked for by the rules of
    the frameworks that apply, each finding naming the clause that asks. Name the file
    NAME.mc.yaml (or .mc.yml) so that editors and mcvalidate know it for a course file."""

    model_config = ConfigDict(
        title="mcvalidate course definition, format 1",
        json_schema_extra=_outcomes_schema,
        defer_build=False,
    )

    format: Literal[1] = Field(
        1,
        description="The version of this course format: 1 (the default, so it may be left out).",
        examples=[1],
    )
    id: Slug | None = Field(
        None,
        description="A stable identifier, unique in the catalogue: lowercase letters, digits "
        "and hyphens. Left out, it is the file's name without its extension ('mass-timber' "
        "for mass-timber.mc.yaml; MC040 checks that no two files share one).",
        examples=["mass-timber-intro"],
    )
    title: NonBlank = Field(
        description="The public title of the micro-credential. The only field every course "
        "file must have.",
        examples=["Introductory Studies in Mass Timber Construction"],
    )
    summary: str | None = Field(
        None,
        description="A one-paragraph public description: what learners will be able to do, "
        "for whom, and how it is delivered.",
        examples=[
            "Hands-on introduction to mass timber components and their installation, for "
            "construction professionals."
        ],
    )
    language: Language | None = Field(
        None,
        description="The language of instruction, as a BCP 47 tag (the outcome verb checks "
        "use it).",
        examples=["en", "fr-CA"],
    )
    status: Annotated[Status, STATUSES] | None = Field(
        None,
        description="Where the micro-credential is in its lifecycle; several rules depend on "
        "it (a draft needs a business case, BCT016; an approved one a public page, BCT018).",
        examples=["draft", "active"],
    )
    standalone: bool | None = Field(
        None,
        description="true when it is awarded on its own, not only as a fragment of a larger "
        "program (the B.C. Framework's definition: 'stand-alone', BCF001, BCF013).",
        examples=[True],
    )
    issuer: Issuer | None = Field(
        None,
        description="The institution or body that awards it.",
        examples=[{"name": "Example Institute of Technology", "country": "CA", "region": "CA-BC"}],
    )
    developer: str | None = Field(
        None,
        description="Who developed it, when that is not the issuer.",
        examples=["BCcampus"],
    )
    credit: Credit | None = Field(
        None,
        description="Whether it carries academic credit, and how much (BCF007, BCF008).",
        examples=[{"status": "credit", "value": 3, "system": "institutional"}],
    )
    workload: Workload | None = Field(
        None,
        description="How long it takes: the learning hours, contact hours and weeks (the B.C. "
        "Framework's 'short-duration': BCF002, BCF014).",
        examples=[{"hours": 60, "weeks": 8}],
    )
    level: Level | None = Field(
        None,
        description="Its level in a qualifications framework, if it is placed in one.",
        examples=[{"framework": "eqf", "value": 5}],
    )
    delivery: Delivery | None = Field(
        None,
        description="How it is delivered: online, in person, hybrid or at work, and at whose "
        "pace (BCT020).",
        examples=[{"modes": ["online_async"], "pacing": "cohort"}],
    )
    cost: Cost | None = Field(
        None,
        description="What it costs the learner.",
        examples=[{"amount": 1150, "currency": "CAD"}],
    )
    prerequisites: list[str] | None = Field(
        None,
        description="The entry requirements, one a line; an empty list ([]) says there are none.",
        examples=[["One year of construction industry experience"], []],
    )
    target_learners: str | None = Field(
        None,
        description="Who it is for, in a sentence.",
        examples=["Carpenters and site supervisors moving into mass timber projects."],
    )
    needs: list[Need] | None = Field(
        None,
        description="The industry, employer, community or Indigenous community needs it "
        "answers (the B.C. Framework's definition: BCF004).",
        examples=[[{"type": "industry", "description": "Contractors lack trained installers."}]],
    )
    partners: list[Partner] | None = Field(
        None,
        description="The external partners and what each does (BCT001, BCF019).",
        examples=[[{"name": "Example Construction Ltd.", "type": "employer"}]],
    )
    competencies: list[Competency] | None = Field(
        None,
        description="What a holder can do (the B.C. Framework's 'competency-based': BCF003).",
        examples=[[{"id": "C1", "statement": "Install mass timber components safely"}]],
    )
    learning_outcomes: Annotated[list[Outcome] | None, BeforeValidator(expand_shorthand)] = Field(
        None,
        description="The learning outcomes, each serving competencies (BCT002). A bare text "
        "item is an outcome with that statement and the id LO<n> (its position, from 1).",
        examples=[[{"id": "LO1", "statement": "Identify mass timber components"}]],
    )
    assessments: list[Assessment] | None = Field(
        None,
        description="How learners show the outcomes (the B.C. Framework's definition: "
        "assessed, BCF005).",
        examples=[[{"id": "A1", "type": "quiz", "summative": True, "outcomes": ["LO1"]}]],
    )
    recognition: Recognition | None = Field(
        None,
        description="What it is recognized for and how the achievement is recorded (BCF006, "
        "BCT015).",
        examples=[{"purposes": ["employment"], "formats": ["digital_badge"]}],
    )
    pathways: Pathways | None = Field(
        None,
        description="Where it leads: stacking, laddering, transfer, or why there is no "
        "pathway (BCF011).",
        examples=[{"stacks_into": ["mass-timber-advanced"]}],
    )
    quality_assurance: QualityAssurance | None = Field(
        None,
        description="How it is approved and reviewed (the B.C. Framework's quality "
        "assurance: BCF009, BCF010).",
        examples=[{"approved_by": "Education Council", "review_cycle_months": 36}],
    )
    classification: Classification | None = Field(
        None,
        description="Program and occupation codes: CIP, NOC, NZSCED, ISCED-F.",
        examples=[{"cip": "46.0201", "noc": ["72310"]}],
    )
    publication: Publication | None = Field(
        None,
        description="Where it is published for learners (BCT018).",
        examples=[{"url": "https://example.org/mass-timber"}],
    )
    credential_registry: CredentialRegistry | None = Field(
        None,
        description="Its identifier in Credential Engine's Credential Registry (the CTDL "
        "export, the ctdl-export pack).",
        examples=[{"ctid": "ce-5b8f3a2e-1c4d-4e6f-8a9b-0c1d2e3f4a5b"}],
    )
    funding: Funding | None = Field(
        None,
        description="The funding programs applied to (the bc-funding pack).",
        examples=[{"programs": ["strongerbc_future_skills_grant"]}],
    )
    business_case: BusinessCase | None = Field(
        None,
        description="The Toolkit's business case, for a draft or a proposal (BCT016).",
        examples=[{"problem": "Employers cannot find staff trained in mass timber assembly."}],
    )
    frameworks: list[str] | None = Field(
        None,
        description="The rule packs that apply to this file, by name (mcvalidate rules lists "
        "them), instead of those its issuer's region and funding programs select; 'all' "
        "for every installed pack. For an offering also sold under another framework.",
        examples=[["bc-framework", "bc-toolkit", "nzqa"]],
    )
    grading: Grading | None = Field(
        None,
        description="How the result is graded (EUR016).",
        examples=[{"scheme": "pass_fail"}],
    )
    purpose: Purpose | None = Field(
        None,
        description="What it is for and whom it serves: the purpose statement NZQA lists "
        "(NZQ009, NZQ010).",
        examples=[{"use": "Qualifies holders to supervise spray operations."}],
    )
    standards: list[str] | None = Field(
        None,
        description="The standards it uses or is assessed against: unit standards, skill "
        "standards, industry codes (NZQ011).",
        examples=[["Unit standard 21560"]],
    )
