"""Configuration in the repository: ``.mcvalidate.yaml`` or ``[tool.mcvalidate]`` in
``pyproject.toml``, found by walking up from the working directory.

Precedence: built-in defaults, then the configuration file, then the command line. Every
setting remembers where its value came from, for ``mcvalidate check --show-config``. Unknown
keys and bad values are configuration errors (exit code 2) that name the key and the file, with
the line when the file is YAML. Paths and globs in the file are relative to its directory.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mcvalidate.loader import Limits

if TYPE_CHECKING:
    from pydantic import ValidationError

CONFIG_NAMES = (".mcvalidate.yaml", ".mcvalidate.yml")


class ConfigError(ValueError):
    """The configuration cannot be used; the message names the file and the key."""


# The value of every key when no file sets it. The pydantic model that validates a file
# (mcvalidate.config_model) is only built when there is a file: most runs have none.
_LIMITS = Limits()
DEFAULTS: dict[str, Any] = {
    "frameworks": None,
    "select": [],
    "ignore": [],
    "per_file_ignores": {},
    "severity": {},
    "fail_on": "error",
    "rule_options": {},
    "require_suppression_reason": False,
    "rule_paths": [],
    "exclude": [],
    "limits": {
        "max_bytes": _LIMITS.max_bytes,
        "max_nodes": _LIMITS.max_nodes,
        "max_depth": _LIMITS.max_depth,
    },
}
KEYS = tuple(DEFAULTS)


@dataclass
class Loaded:
    """A configuration file's values, and where they came from."""

    values: dict[str, Any] = field(default_factory=lambda: copy.deepcopy(DEFAULTS))
    path: Path | None = None
    given: frozenset[str] = frozenset()

    @property
    def root(self) -> Path:
        """The directory that the file's paths and globs are relative to."""
        return self.path.parent if self.path else Path.cwd()

    def origin(self, key: str) -> str:
        if self.path is not None and key in self.given:
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
    from pydantic import ValidationError

    from mcvalidate.config_model import FileConfig

    try:
        values = FileConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_describe(path, exc, lines)) from exc
    return Loaded(values.model_dump(), path, frozenset(values.model_fields_set))


def _has_tool_table(path: Path) -> bool:
    import tomllib  # only when there is a pyproject.toml to look into

    try:
        return "mcvalidate" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def _toml_table(path: Path, raw: bytes) -> Any:
    import tomllib

    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    return document.get("tool", {}).get("mcvalidate", {})


def _yaml_mapping(path: Path, raw: bytes) -> tuple[Any, dict[str, int]]:
    """The YAML file's data, and the line of each key (by JSON pointer) for messages. A file of
    comments only is an empty configuration."""
    from mcvalidate.loader import load as load_yaml

    doc = load_yaml(str(path), raw)
    if doc.problems:
        problem = doc.problems[0]
        if problem.rule == "MC005" and "empty" in problem.message:
            return {}, {}
        line = problem.span.line if problem.span else 1
        message = problem.message
        if problem.rule == "MC005":
            message = "the configuration must be one mapping of 'key: value' lines"
        raise ConfigError(f"{path}:{line}: {message}")
    lines = {pointer: value.start_mark.line + 1 for pointer, (_, value) in doc.nodes.items()}
    return doc.data, lines


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
        import difflib  # an error path

        close = difflib.get_close_matches(loc[-1], KEYS, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close and len(loc) == 1 else ""
        return f"{where}: unknown configuration key '{key}'{hint}"
    return f"{where}: bad value for '{key}': {error['msg']} (found {error['input']!r})"


def schema() -> dict[str, Any]:
    """The JSON Schema of the configuration file."""
    from mcvalidate.config_model import FileConfig

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
