"""Pydantic models of the course definition format, version 1 (``docs/course-format.md``).

The models enforce shape only: types, allowed values and ranges that hold in every framework.
Almost every field is optional, because presence is the rule packs' business: a half-written
proposal must still load and get a useful list of what is missing. Unknown keys are refused
(a typo would silently drop data), except keys starting with ``x-``, which are the author's.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from mcvalidate.model.types import (
    Country,
    Currency,
    Date,
    Language,
    NonBlank,
    NonNegative,
    Percent,
    Positive,
    PositiveInt,
    Region,
    Slug,
    Url,
)


def _author_keys_schema(schema: dict[str, Any]) -> None:
    schema["patternProperties"] = {"^x-": {"description": "The author's own field; not checked."}}


class Strict(BaseModel):
    """Base of every format-1 object: strict types, no unknown keys, ``x-`` keys allowed."""

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

    @model_validator(mode="before")
    @classmethod
    def _drop_author_keys(cls, data: Any) -> Any:
        if isinstance(data, dict) and any(str(k).startswith("x-") for k in data):
            return {k: v for k, v in data.items() if not str(k).startswith("x-")}
        return data


class Issuer(Strict):
    name: str | None = Field(None, description="Awarding institution or body.")
    url: Url | None = None
    country: Country | None = Field(None, description="ISO 3166-1 alpha-2 code, e.g. CA.")
    region: Region | None = Field(None, description="ISO 3166-2 code, e.g. CA-BC.")
    type: (
        Literal[
            "public_institution",
            "indigenous_institute",
            "private_institution",
            "employer",
            "professional_body",
            "other",
        ]
        | None
    ) = None
    regulator: str | None = Field(None, description="External QA or regulatory body, if any.")


class Credit(Strict):
    status: Literal["credit", "non_credit"] | None = Field(
        None, description="Credit-bearing or not."
    )
    value: NonNegative | None = Field(None, description="Credits awarded.")
    system: Literal["institutional", "ects", "nzqcf", "uk", "us", "other"] | None = None
    system_name: str | None = Field(None, description='e.g. "BCIT credits".')


class Workload(Strict):
    hours: Positive | None = Field(
        None, description="Notional learning hours: all the learner's effort, assessment included."
    )
    contact_hours: NonNegative | None = Field(None, description="Instructor-led hours.")
    weeks: Positive | None = Field(None, description="Calendar length of one offering.")
    max_completion_months: PositiveInt | None = Field(None, description="Time limit to finish.")


class Level(Strict):
    framework: Literal["eqf", "qf_ehea", "nzqcf", "aqf", "none", "other"] | None = None
    value: int | None = None


DeliveryMode = Literal["online_async", "online_sync", "in_person", "hybrid", "work_integrated"]


class Delivery(Strict):
    modes: list[DeliveryMode] | None = Field(None, description="Form of participation.")
    pacing: Literal["self_paced", "cohort"] | None = None
    schedule: str | None = Field(None, description='e.g. "weekday evenings".')
    partner_institutions: list[str] | None = None


class Cost(Strict):
    amount: NonNegative | None = Field(None, description="Total cost to the learner.")
    currency: Currency | None = None
    breakdown: dict[str, NonNegative] | None = Field(
        None, description="e.g. {tuition: 900, fees: 50, materials: 100}."
    )


class Need(Strict):
    type: (
        Literal[
            "industry",
            "employer",
            "community",
            "indigenous_community",
            "labour_market",
            "government",
        ]
        | None
    ) = None
    description: str | None = None
    evidence: list[str] | None = Field(None, description="Citations or URLs.")


PartnerRole = Literal[
    "identify_need", "co_design", "delivery", "assessment", "recognition", "hiring", "endorsement"
]


class Partner(Strict):
    name: str | None = None
    type: (
        Literal[
            "employer",
            "industry_association",
            "professional_body",
            "indigenous_community",
            "indigenous_organization",
            "community_organization",
            "government",
            "post_secondary",
        ]
        | None
    ) = None
    roles: list[PartnerRole] | None = None


class Alignment(Strict):
    framework: str | None = None
    code: str | None = None
    url: Url | None = None


class Competency(Strict):
    id: str | None = None
    statement: str | None = None
    alignment: Alignment | None = Field(None, description="e.g. ESCO, NOC, Skills for Success.")


class Outcome(Strict):
    id: str | None = None
    statement: str | None = None
    competencies: list[str] | None = Field(None, description="Ids of the competencies it serves.")


class Assessment(Strict):
    id: str | None = None
    title: str | None = None
    type: (
        Literal[
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
        | None
    ) = None
    summative: bool | None = None
    outcomes: list[str] | None = Field(None, description="Ids of the outcomes it assesses.")
    weight: Percent | None = Field(None, description="Percent of the final result, 0-100.")
    passing: str | float | None = None
    supervision: Literal["unsupervised", "supervised", "supervised_with_id"] | None = None


class BadgeAlignment(Strict):
    name: str | None = None
    url: Url | None = None
    framework: str | None = None
    code: str | None = None


class Badge(Strict):
    name: str | None = None
    description: str | None = None
    image: Url | None = None
    criteria_url: Url | None = None
    criteria: str | None = None
    achievement_type: str = Field("MicroCredential", description="Open Badges 3.0 value.")
    alignment: list[BadgeAlignment] | None = None


RecognitionFormat = Literal[
    "digital_badge", "transcript", "certificate", "parchment", "wallet_credential", "other"
]


class Recognition(Strict):
    purposes: list[Literal["employment", "further_learning"]] | None = None
    formats: list[RecognitionFormat] | None = Field(
        None, description="How the achievement is recorded."
    )
    badge: Badge | None = None
    transcript_fields: list[str] | None = None
    expires_after_months: PositiveInt | None = Field(None, description="null = never expires.")


class Ladder(Strict):
    credential: str | None = None
    institution: str | None = None
    credit_value: NonNegative | None = None


class Transfer(Strict):
    institution: str | None = None
    equivalency: str | None = None


class Pathways(Strict):
    stacks_into: list[str] | None = None
    ladders_into: list[Ladder] | None = None
    transfer: list[Transfer] | None = None
    prior_learning_recognition: bool | None = None
    none_reason: str | None = Field(None, description="Why there is no pathway, if none.")
    complements: str | None = Field(
        None, description="How it complements the institution's current programs and pathways."
    )


class QualityAssurance(Strict):
    type: Literal["internal", "external", "internal_and_external"] | None = None
    approved_by: str | None = Field(None, description='e.g. "Senate Curriculum Committee".')
    approved_on: Date | None = None
    process: str | None = Field(None, description="Policy or process reference.")
    review_cycle_months: PositiveInt | None = None
    last_reviewed: Date | None = None
    next_review: Date | None = None
    retirement: str | None = Field(
        None, description="When and how the offering is retired: the criteria, who decides."
    )


class Classification(Strict):
    cip: str | None = None
    noc: list[str] | None = None
    nzsced: str | None = None
    isced_f: str | None = None


class Publication(Strict):
    url: Url | None = Field(None, description="Public page of the offering.")


class Funding(Strict):
    programs: list[str] | None = Field(
        None, description="Funding programs applied to, e.g. strongerbc_future_skills_grant."
    )


class BusinessCase(Strict):
    problem: str | None = None
    objectives: str | None = None
    market_analysis: str | None = None
    cost_analysis: str | None = None
    implementation_plan: str | None = None
    risks: str | None = None


# A course's lifecycle, in order.
Status = Literal["draft", "proposed", "approved", "active", "suspended", "retired"]


def _outcomes_schema(schema: dict[str, Any]) -> None:
    _author_keys_schema(schema)
    outcomes = schema["properties"]["learning_outcomes"]
    for option in outcomes.get("anyOf", [outcomes]):
        if option.get("type") == "array":
            option["items"] = {"anyOf": [{"type": "string"}, option["items"]]}


class Course(Strict):
    """One micro-credential (or one proposal for one), format 1."""

    model_config = ConfigDict(
        title="mcvalidate course definition, format 1",
        json_schema_extra=_outcomes_schema,
        defer_build=False,
    )

    format: Literal[1] = Field(1, description="Version of this format.")
    id: Slug | None = Field(None, description="Stable identifier; default: the file stem.")
    title: NonBlank = Field(description="Public title.")
    summary: str | None = Field(None, description="One-paragraph public description.")
    language: Language | None = Field(None, description="Language of instruction (BCP 47).")
    status: Status | None = None
    standalone: bool | None = Field(
        None, description="Awarded on its own, not only as a fragment of a larger program."
    )
    issuer: Issuer | None = None
    developer: str | None = None
    credit: Credit | None = None
    workload: Workload | None = None
    level: Level | None = None
    delivery: Delivery | None = None
    cost: Cost | None = None
    prerequisites: list[str] | None = Field(None, description="Entry requirements; [] = none.")
    target_learners: str | None = None
    needs: list[Need] | None = None
    partners: list[Partner] | None = None
    competencies: list[Competency] | None = None
    learning_outcomes: list[Outcome] | None = Field(
        None, description="Outcomes; a bare string is an outcome with the id LO<n>."
    )
    assessments: list[Assessment] | None = None
    recognition: Recognition | None = None
    pathways: Pathways | None = None
    quality_assurance: QualityAssurance | None = None
    classification: Classification | None = None
    publication: Publication | None = None
    funding: Funding | None = None
    business_case: BusinessCase | None = None

    @field_validator("learning_outcomes", mode="before")
    @classmethod
    def _expand_shorthand(cls, value: Any) -> Any:
        """A bare string is shorthand for ``{id: LO<n>, statement: <string>}``."""
        if isinstance(value, list):
            return [
                {"id": f"LO{n}", "statement": item} if isinstance(item, str) else item
                for n, item in enumerate(value, start=1)
            ]
        return value
