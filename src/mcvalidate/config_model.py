"""The pydantic model of a configuration file: the one place its keys and their defaults are
written. Its JSON Schema is generated from it; ``mcvalidate.config`` validates a file with the
validator compiled from it (:mod:`mcvalidate.model.compiled`), so that a run does not import
pydantic, and layers the command line over it."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from mcvalidate.limits import Limits
from mcvalidate.model.coerce import off_is_false
from mcvalidate.model.types import Date

_LIMITS = Limits()
MAX_DEPTH_CEILING = 300
Level = Literal["error", "warning", "info"]


class LimitsConfig(BaseModel):
    """Safety limits for one file (see ``mcvalidate.limits.Limits`` for the defaults)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)

    max_bytes: int = Field(_LIMITS.max_bytes, gt=0, description="Largest file read, in bytes.")
    max_nodes: int = Field(
        _LIMITS.max_nodes,
        gt=0,
        description="Most values a file may expand to (aliases included).",
    )
    max_depth: int = Field(
        # Each level of mappings costs the loader two Python frames: nesting of 500 reaches
        # Python's recursion limit (measured), so the setting stops well below it.
        _LIMITS.max_depth,
        gt=0,
        le=MAX_DEPTH_CEILING,
        description="Deepest nesting of lists and maps.",
    )
    max_findings: int = Field(
        _LIMITS.max_findings,
        gt=0,
        description="Findings of one rule shown for one file; the rest are counted in one more.",
    )


class ExportConfig(BaseModel):
    """How ``mcvalidate export`` names what it writes."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)

    base_url: str | None = Field(
        None,
        pattern=r"^https?://[^\s/?#]+[^\s?#]*$",
        description="Where the institution publishes its course documents, e.g. "
        "https://credentials.example.ca/courses: an exported course's id is this URL, a "
        "slash and the course id. Without it, ids are urn:uuid URIs derived from the "
        "issuer and the course id (the same every run).",
    )


class FileConfig(BaseModel):
    """The keys of a configuration file (also published as a JSON Schema)."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        title="mcvalidate configuration",
        frozen=True,
        defer_build=True,
    )

    frameworks: list[str] | None = Field(
        None,
        description="Rule packs the run asks for ('all' for every one): each applies to the "
        "files in its scope and to files that do not say where their issuer is; a file "
        "outside its scope gets a scope note. Default: every installed pack, each applied to "
        "the files in its scope.",
    )
    select: list[str] = Field(
        default_factory=list, description="Only these rules: ids, names, id prefixes or packs."
    )
    ignore: list[str] = Field(default_factory=list, description="Skip these rules.")
    per_file_ignores: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Glob (relative to this file) to the rules not reported for matching files.",
    )
    severity: Annotated[
        dict[str, Literal["error", "warning", "info", "off"]], BeforeValidator(off_is_false)
    ] = Field(
        default_factory=dict, description="Rule (id or name) to the severity it reports with."
    )
    fail_on: Level = Field("error", description="The lowest severity that fails the run.")
    rule_options: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description="Rule (id or name) to its options, e.g. {CON002: {max_hours_per_week: 50}}.",
    )
    require_suppression_reason: bool = Field(
        False, description="An inline ignore without a reason is itself a finding."
    )
    rule_paths: list[str] = Field(
        default_factory=list,
        description="Local rule packs: Python files or packages that define PACK.",
    )
    exclude: list[str] = Field(
        default_factory=list, description="Globs (relative to this file) of files not to check."
    )
    limits: LimitsConfig = Field(
        default_factory=LimitsConfig, description="Safety limits for one file."
    )
    export: ExportConfig = Field(
        default_factory=ExportConfig, description="How 'mcvalidate export' names documents."
    )
    today: Date | None = Field(
        None,
        description="The run's date for the rules that compare dates (default: today), "
        "e.g. 2026-06-01; for reproducible runs and tests.",
    )
