"""The before-validators of the format and of the configuration file, as plain functions
without pydantic.

The compiled validator (:mod:`mcvalidate.model.compiled`) refers to them by module and name, so
they must be importable without the models: a check never imports pydantic.
"""

from __future__ import annotations

from typing import Any

from mcvalidate.model.core import PydanticCustomError


def not_a_number(value: object) -> object:
    """Lax dates would take a number as a Unix timestamp (2027 -> 1970-01-01T00:33:47): a
    number is never a date in a course file."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise PydanticCustomError("date_type", "Input should be a valid date")
    return value


def expand_shorthand(value: Any) -> Any:
    """A bare string in ``learning_outcomes`` is shorthand for
    ``{id: LO<n>, statement: <string>}``."""
    if isinstance(value, list):
        return [
            {"id": f"LO{n}", "statement": item} if isinstance(item, str) else item
            for n, item in enumerate(value, start=1)
        ]
    return value


def off_is_false(value: Any) -> Any:
    """YAML 1.1 reads an unquoted ``off`` as false: in a configuration file's ``severity``,
    take it as the author meant it."""
    if isinstance(value, dict):
        return {k: "off" if v is False else v for k, v in value.items()}
    return value
