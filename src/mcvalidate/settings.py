"""What a run's configuration changes in how files are checked, resolved against the run's
rules once: severities and options by rule id, per-file ignores as data.

The configuration (:mod:`mcvalidate.config`) holds what the user wrote, rule names as written;
this module turns those names into rule ids through the run's one :class:`Selection`, and
checks each option against the rule's declaration. The engine only reads the result.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mcvalidate.errors import ConfigError, SelectionError
from mcvalidate.findings import Severity
from mcvalidate.limits import Limits

if TYPE_CHECKING:
    from mcvalidate.config import Configuration
    from mcvalidate.packs import Selection


@dataclass(frozen=True)
class Settings:
    """The engine's settings (all optional: the defaults check a file as ``mcvalidate check``
    without a configuration does)."""

    limits: Limits = field(default_factory=Limits)
    today: datetime.date | None = None
    # Severity overrides by rule id.
    severity: Mapping[str, Severity] = field(default_factory=dict)
    # Rule options by rule id, merged over each rule's defaults.
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    inline_ignores: bool = True
    require_reason: bool = False
    # (glob, rule ids) pairs: the rules not reported for files the glob matches, the globs
    # relative to ``root`` (an absolute directory); ``source`` names the file that says so.
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    root: str = ""
    source: str = ""
    # The display names of the files named on the command line: checked even when they do not
    # look like course files (those found in a directory are skipped then: mcvalidate.recognise,
    # unless their name says they are course files: ``*.mc.yaml``).
    named: frozenset[str] = frozenset()
    # False to apply every pack of the run to every file, whatever its scope (``matrix``).
    scoped: bool = True
    # True to keep each file's course model in its result (``export`` and ``report`` go on
    # from it; ``check`` does not, so that its memory stays flat).
    keep_courses: bool = False


def settings_for(
    config: Configuration, selection: Selection, *, inline_ignores: bool = True
) -> Settings:
    """The engine's settings for ``config``; a name that is no rule of the run, an option a
    rule does not have, or a value of the wrong kind is a :class:`ConfigError` naming the
    file and the key."""
    values = config.values
    return Settings(
        limits=Limits(**values.limits.model_dump()),
        today=values.today,
        severity=_severities(values.severity, selection, config),
        options=_rule_options(values.rule_options, selection, config),
        inline_ignores=inline_ignores,
        require_reason=values.require_suppression_reason,
        per_file_ignores=tuple(
            (glob, _resolve_all(names, "per_file_ignores", selection, config))
            for glob, names in values.per_file_ignores.items()
        ),
        root=str(config.root.absolute()),
        source=str(config.path or ""),
    )


def _resolve(name: str, key: str, selection: Selection, config: Configuration) -> frozenset[str]:
    try:
        return selection.resolve(name, elsewhere=True)
    except SelectionError as exc:
        raise ConfigError(f"{config.where(key)}'{key}': {exc}") from None


def _resolve_all(
    names: list[str], key: str, selection: Selection, config: Configuration
) -> frozenset[str]:
    return frozenset().union(*(_resolve(n, key, selection, config) for n in names))


def _severities(
    levels: Mapping[str, str], selection: Selection, config: Configuration
) -> dict[str, Severity]:
    overrides: dict[str, Severity] = {}
    for name, level in levels.items():
        rule_ids = _resolve(name, "severity", selection, config)
        fixed = sorted(r for r in rule_ids if not selection.by_id[r].switchable)
        if fixed and len(rule_ids) == len(fixed):
            raise ConfigError(
                f"{config.where('severity')}'severity' names {fixed[0]}: a file that cannot be "
                "read or checked is always an error"
            )
        if level != "off":
            for rule_id in rule_ids:
                if selection.by_id[rule_id].switchable:
                    overrides[rule_id] = Severity(level)
    return overrides


def _rule_options(
    given: Mapping[str, Mapping[str, Any]], selection: Selection, config: Configuration
) -> dict[str, dict[str, Any]]:
    """Options by rule id, checked against each rule's declared options."""
    by_id = selection.by_id
    options: dict[str, dict[str, Any]] = {}
    for name, values in given.items():
        # A pack or a prefix names several rules: each option goes to those that have it.
        rule_ids = sorted(_resolve(name, "rule_options", selection, config))
        for option, value in values.items():
            where = config.where("rule_options", name, option)
            having = [r for r in rule_ids if option in by_id[r].options]
            if not having:
                known = ", ".join(o for r in rule_ids for o in by_id[r].options) or "none"
                raise ConfigError(
                    f"{where}'rule_options': {name} has no option '{option}' (options: {known})"
                )
            for rule_id in having:
                problem = by_id[rule_id].options[option].problem(value)
                if problem:
                    raise ConfigError(f"{where}'rule_options': {rule_id}.{option} {problem}")
                options.setdefault(rule_id, {})[option] = value
    return options
