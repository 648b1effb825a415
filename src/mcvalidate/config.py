"""Configuration in the repository: ``.mcvalidate.yaml`` or ``[tool.mcvalidate]`` in
``pyproject.toml``, found by walking up from the working directory.

Precedence: built-in defaults, then the configuration file, then the command line. Every
setting remembers where its value came from, for ``mcvalidate check --show-config``. Unknown
keys and bad values are configuration errors (exit code 2) that name the key and the file, with
the line when the file is YAML. Paths and globs in the file are relative to its directory.
"""

from __future__ import annotations

import difflib
import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from mcvalidate.loader import Limits

CONFIG_NAMES = (".mcvalidate.yaml", ".mcvalidate.yml")
_LIMITS = Limits()
Level = Literal["error", "warning", "info"]


class ConfigError(ValueError):
    """The configuration cannot be used; the message names the file and the key."""


class LimitsConfig(BaseModel):
    """Safety limits for one file (see ``mcvalidate.loader.Limits`` for the defaults)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    max_bytes: int = Field(_LIMITS.max_bytes, gt=0, description="Largest file read, in bytes.")
    max_nodes: int = Field(
        _LIMITS.max_nodes, gt=0, description="Most values a file may expand to (aliases included)."
    )
    max_depth: int = Field(
        # LibYAML itself refuses nesting deeper than 1,000.
        _LIMITS.max_depth,
        gt=0,
        le=900,
        description="Deepest nesting of lists and maps.",
    )


class FileConfig(BaseModel):
    """The keys of a configuration file (also published as a JSON Schema)."""

    model_config = ConfigDict(
        extra="forbid", strict=True, title="mcvalidate configuration", frozen=True
    )

    frameworks: list[str] | None = Field(
        None, description="Rule packs to apply (default: every installed pack)."
    )
    select: list[str] = Field(
        default_factory=list, description="Only these rules: ids, names, id prefixes or packs."
    )
    ignore: list[str] = Field(default_factory=list, description="Skip these rules.")
    per_file_ignores: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Glob (relative to this file) to the rules not reported for matching files.",
    )
    severity: dict[str, Literal["error", "warning", "info", "off"]] = Field(
        default_factory=dict, description="Rule (id or name) to the severity it reports with."
    )
    fail_on: Level = Field("error", description="The lowest severity that fails the run.")
    rule_options: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description="Rule (id or name) to its options, e.g. {BCT011: {max_hours_per_week: 50}}.",
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

    @field_validator("severity", mode="before")
    @classmethod
    def _off_is_false_in_yaml(cls, value: Any) -> Any:
        """YAML 1.1 reads an unquoted ``off`` as false: take it as the author meant it."""
        if isinstance(value, dict):
            return {k: "off" if v is False else v for k, v in value.items()}
        return value


@dataclass
class Loaded:
    """A configuration file's values, and where they came from."""

    values: FileConfig = field(default_factory=FileConfig)
    path: Path | None = None

    @property
    def root(self) -> Path:
        """The directory that the file's paths and globs are relative to."""
        return self.path.parent if self.path else Path.cwd()

    def origin(self, key: str) -> str:
        if self.path is not None and key in self.values.model_fields_set:
            return str(self.path)
        return "default"


def find(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start``."""
    for directory in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (directory / name).is_file():
                return directory / name
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def load(path: Path) -> Loaded:
    """Read and validate one configuration file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    if path.name == "pyproject.toml":
        data, lines = _toml_table(path, raw), None
    else:
        data, lines = _yaml_mapping(path, raw)
    try:
        values = FileConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_describe(path, exc, lines)) from exc
    return Loaded(values, path)


def _has_tool_table(path: Path) -> bool:
    try:
        return "mcvalidate" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def _toml_table(path: Path, raw: bytes) -> Any:
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    return document.get("tool", {}).get("mcvalidate", {})


def _yaml_mapping(path: Path, raw: bytes) -> tuple[Any, dict[str, int]]:
    """The YAML file's data, and the line of each key (by JSON pointer) for messages."""
    from mcvalidate.loader import load as load_yaml

    doc = load_yaml(str(path), raw)
    if doc.problems:
        problem = doc.problems[0]
        line = problem.span.line if problem.span else 1
        raise ConfigError(f"{path}:{line}: {problem.message}")
    data = doc.data if doc.data is not None else {}
    lines = {pointer: value.start_mark.line + 1 for pointer, (_, value) in doc.nodes.items()}
    return data, lines


def _describe(path: Path, exc: ValidationError, lines: dict[str, int] | None) -> str:
    error = exc.errors(include_url=False)[0]
    loc = [str(part) for part in error["loc"]]
    key = ".".join(loc) or "(top level)"
    where = str(path)
    if lines is not None:
        pointer = "".join(f"/{part}" for part in loc)
        while pointer and pointer not in lines:
            pointer = pointer.rpartition("/")[0]
        where = f"{path}:{lines.get(pointer, 1)}"
    if error["type"] == "extra_forbidden":
        close = difflib.get_close_matches(loc[-1], list(FileConfig.model_fields), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close and len(loc) == 1 else ""
        return f"{where}: unknown configuration key '{key}'{hint}"
    return f"{where}: bad value for '{key}': {error['msg']} (found {error['input']!r})"


def schema() -> dict[str, Any]:
    """The JSON Schema of the configuration file."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://example.org/mcvalidate/config.schema.json",
        **FileConfig.model_json_schema(),
    }


def glob_match(pattern: str, path: str) -> bool:
    """Match a slash-separated relative ``path`` against a glob: ``*`` and ``?`` stay within a
    directory, ``**`` spans directories, a pattern without a slash matches the file name in
    any directory, and a pattern naming a directory matches everything below it."""
    return _glob_regex(pattern).fullmatch(path) is not None


@functools.cache
def _glob_regex(pattern: str) -> re.Pattern[str]:
    pattern = pattern.rstrip("/")
    if "/" not in pattern:
        pattern = "**/" + pattern
    regex, index = "", 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            regex, index = regex + "(?:.*/)?", index + 3
        elif pattern.startswith("**", index):
            regex, index = regex + ".*", index + 2
        elif pattern[index] in "*?":
            regex, index = regex + ("[^/]*" if pattern[index] == "*" else "[^/]"), index + 1
        else:
            regex, index = regex + re.escape(pattern[index]), index + 1
    return re.compile(regex + "(?:/.*)?")
