"""Configuration in the repository: ``.mcvalidate.yaml`` or ``[tool.mcvalidate]`` in
``pyproject.toml``, found by walking up from the working directory, with the command line
layered over it.

Precedence: built-in defaults (written once, in :class:`mcvalidate.config_model.FileConfig`),
then the configuration file, then the command line.

A configuration can run code (its ``rule_paths``) and switch rules off, so discovery trusts
only what the user could have written: the walk up stops at the repository root (the first
directory holding ``.git`` or ``.hg``) or at the user's home, and a discovered file that
another user owns, or that anyone may write to, is refused, as git refuses a repository it
does not trust (``safe.directory``). ``--isolated`` or ``MCVALIDATE_ISOLATED=1`` skip
discovery altogether. Every setting remembers where its value
came from, for ``mcvalidate check --show-config``. Unknown keys and bad values are
configuration errors (exit code 2) that name the key and the file, with the line when the file
is YAML. Paths and globs in the file are relative to its directory.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from mcvalidate.discover import read_regular, working_directory
from mcvalidate.errors import ConfigError, SelectionError, UsageError
from mcvalidate.model import field_names
from mcvalidate.model.compiled import Source, compiled_of
from mcvalidate.model.core import ValidationError
from mcvalidate.schemas import CONFIG_SCHEMA_ID
from mcvalidate.trust import check_trusted

if TYPE_CHECKING:
    from pydantic import BaseModel

    from mcvalidate.config_model import FileConfig

CONFIG_NAMES = (".mcvalidate.yaml", ".mcvalidate.yml")
# Set to 1 (or true, yes): no configuration file is looked for, as with --isolated.
ISOLATED_ENV = "MCVALIDATE_ISOLATED"
# A directory holding one of these is a repository's root: discovery goes no higher.
REPOSITORY_MARKERS = (".git", ".hg")
COMMAND_LINE = "command line"


# The configuration file's model, compiled (see :mod:`mcvalidate.model.compiled`).
FILE_CONFIG = Source(
    "config",
    "mcvalidate.config_model",
    "FileConfig",
    (
        "config_model.py",
        "limits.py",
        "model/coerce.py",
        "model/core.py",
        "model/types.py",
        "model/patterns.py",
    ),
)


def keys() -> tuple[str, ...]:
    """The keys of a configuration file, in the model's order."""
    return field_names(compiled_of(FILE_CONFIG).records["FileConfig"])


def _validated(data: Any) -> FileConfig:
    values: FileConfig = compiled_of(FILE_CONFIG).validate(data, authored=False)
    return values


def _file_config() -> type[BaseModel]:
    """The pydantic model, for its JSON Schema (checks use the compiled validator)."""
    from mcvalidate.config_model import FileConfig as model

    return model


@dataclass(frozen=True)
class Configuration:
    """The settings in force: the file's values with the command line's over them, where
    each came from, and the file they were read from (None: defaults only)."""

    values: FileConfig = field(default_factory=lambda: _validated({}))
    path: Path | None = None
    origins: Mapping[str, str] = field(default_factory=dict)
    # The line of each key of a YAML file, by JSON pointer, for messages.
    lines: Mapping[str, int] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """The directory that the file's paths and globs are relative to."""
        return self.path.parent if self.path else Path.cwd()

    def origin(self, key: str) -> str:
        return self.origins.get(key, "default")

    def where(self, *keys: str) -> str:
        """``file:line: `` for messages about the value at ``keys`` (``"rule_options",
        "CON002", "max_hours"``), or its nearest parent written in the file ("" without a
        file)."""
        if self.path is None:
            return ""
        line = _line_of(self.lines, keys)
        return f"{self.path}:{line}: " if line else f"{self.path}: "

    def over(self, given: Mapping[str, Any]) -> Configuration:
        """This configuration with the command line's values (those not None) over it."""
        given = {k: v for k, v in given.items() if v is not None}
        if not given:
            return self
        values = _validated({**self.values.model_dump(), **given})
        origins = {**self.origins, **dict.fromkeys(given, COMMAND_LINE)}
        return Configuration(values, self.path, origins, self.lines)

    def named_in_file(self, exc: SelectionError) -> Exception:
        """A selection error, naming the file and key when the name was written there (the
        command line's own mistakes need no file)."""
        for key in ("frameworks", "select", "ignore", "severity"):
            written = getattr(self.values, key) or ()
            if self.origin(key) == str(self.path) and exc.name in written:
                return ConfigError(f"{self.where(key)}'{key}': {exc}")
        return exc

    def show(self, stream: TextIO) -> None:
        """Every key's value in force and where it comes from (``--show-config``)."""
        stream.write(f"# configuration file: {self.path or 'none (defaults only)'}\n")
        width = max(len(key) for key in keys())
        data = self.values.model_dump(mode="json")
        for key in keys():
            value = json.dumps(data[key], ensure_ascii=False)
            stream.write(f"{key.ljust(width)} = {value}  # {self.origin(key)}\n")


def resolve(
    config: str | None,
    isolated: bool,
    start: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Configuration:
    """The configuration of a run: the file named (``--config``), none (``--isolated`` or
    ``MCVALIDATE_ISOLATED``), or the nearest one at or above ``start`` (default: the working
    directory), if it can be trusted."""
    if config and isolated:
        raise UsageError("--config and --isolated cannot be used together")
    if config:
        return load(Path(config))
    environ = os.environ if environ is None else environ
    if isolated or environ.get(ISOLATED_ENV, "").lower() in ("1", "true", "yes"):
        return Configuration()
    found = find(start or working_directory())
    if found is None:
        return Configuration()
    check_trusted(found, "configuration file")
    return load(found)


def find(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start``, no higher than the repository's
    root or the user's home."""
    try:
        home: Path | None = Path.home().resolve()
    except (RuntimeError, OSError):  # no home directory can be found
        home = None
    for directory in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (directory / name).is_file():
                return directory / name
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
        if directory == home or any((directory / m).exists() for m in REPOSITORY_MARKERS):
            return None
    return None


def load(path: Path) -> Configuration:
    """Read and validate one configuration file."""
    try:
        raw = read_regular(path)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    lines: dict[str, int] = {}
    if path.name == "pyproject.toml":
        data = _toml_table(path, raw)
    else:
        data, lines = _yaml_mapping(path, raw)
    try:
        values = _validated(data)
    except ValidationError as exc:
        where = lines if path.name != "pyproject.toml" else None
        raise ConfigError(_describe(path, exc, where)) from None
    origins = dict.fromkeys(values.model_fields_set, str(path))
    return Configuration(values, path, origins, lines)


def _has_tool_table(path: Path) -> bool:
    """True when ``pyproject.toml`` has a ``[tool.mcvalidate]`` table. A file that cannot be
    read or is not valid TOML is an error: passing over it would run the gate on defaults."""
    try:
        status = path.stat()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    return _tool_table_in(path, status.st_mtime_ns, status.st_size)


@functools.lru_cache(maxsize=32)
def _tool_table_in(path: Path, mtime_ns: int, size: int) -> bool:
    """:func:`_has_tool_table` for one version of the file: the language server looks for the
    configuration at every check, and a project's ``pyproject.toml`` is read once, not each
    time (a changed file has another date or size, and is read again)."""
    try:
        raw = read_regular(path)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    return "mcvalidate" in _toml_document(path, raw).get("tool", {})


def _toml_table(path: Path, raw: bytes) -> Any:
    return _toml_document(path, raw).get("tool", {}).get("mcvalidate", {})


def _toml_document(path: Path, raw: bytes) -> dict[str, Any]:
    import tomllib  # only when there is a pyproject.toml to read

    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except tomllib.TOMLDecodeError as exc:
        # The message ends "(at line L, column C)": put the line where every message has it.
        import re

        found = re.search(r"\(at line (\d+), column \d+\)$", str(exc))
        where = f"{path}:{found[1]}" if found else str(path)
        reason = str(exc)[: found.start()].strip() if found else str(exc)
        raise ConfigError(f"{where}: not valid TOML: {reason}") from exc


def _yaml_mapping(path: Path, raw: bytes) -> tuple[Any, dict[str, int]]:
    """The YAML file's data, and the line of each key (by JSON pointer) for messages. A file of
    comments only is an empty configuration."""
    from mcvalidate.format_rules import NOT_A_MAPPING
    from mcvalidate.loader import load as load_yaml

    doc = load_yaml(str(path), raw)
    if doc.problems:
        problem = doc.problems[0]
        if problem.rule is NOT_A_MAPPING and "empty" in problem.message:
            return {}, {}
        line = problem.span.line if problem.span else 1
        message = problem.message
        if problem.rule is NOT_A_MAPPING:
            message = "the configuration must be one mapping of 'key: value' lines"
        raise ConfigError(f"{path}:{line}: {message}")
    lines = {p: (key or value).start_mark.line + 1 for p, (key, value) in doc.nodes.items()}
    return doc.data, lines


def _line_of(lines: Mapping[str, int], keys: Sequence[str]) -> int | None:
    """The line of the value at ``keys``, or of its nearest parent the file wrote."""
    from mcvalidate.pointer import join

    pointer = join(keys)
    while pointer and pointer not in lines:
        pointer = pointer.rpartition("/")[0]
    return lines.get(pointer) if pointer else None


def _describe(path: Path, exc: ValidationError, lines: dict[str, int] | None) -> str:
    error = exc.errors(include_url=False)[0]
    loc = [str(part) for part in error["loc"]]
    key = ".".join(loc) or "(top level)"
    where = str(path)
    if lines is not None:
        where = f"{path}:{_line_of(lines, loc) or 1}"
    if error["type"] == "extra_forbidden":
        from mcvalidate.text import closest

        close = closest(loc[-1], keys())
        hint = f" (did you mean '{close[0]}'?)" if close and len(loc) == 1 else ""
        return f"{where}: unknown configuration key '{key}'{hint}"
    return f"{where}: bad value for '{key}': {error['msg']} (found {error['input']!r})"


def schema() -> dict[str, Any]:
    """The JSON Schema of the configuration file."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": CONFIG_SCHEMA_ID,
        **_file_config().model_json_schema(),
    }
