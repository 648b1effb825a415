"""The course format's objects, as the rules meet them (see :mod:`mcvalidate.model.course`).

Every model a rule may meet is exported here, so that a pack's type hints never reach into
the module that defines them. For type checkers these are the pydantic models; when a check
runs they are the records of the compiled validator (:mod:`mcvalidate.model.compiled`), which
have the same names and attributes but spare a check importing pydantic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mcvalidate.model.compiled import Record, Source, compiled_of
from mcvalidate.model.lifecycle import Status

if TYPE_CHECKING:
    from mcvalidate.model.course import (
        Alignment,
        Assessment,
        Badge,
        BadgeAlignment,
        BusinessCase,
        Classification,
        Competency,
        Cost,
        Course,
        CredentialRegistry,
        Credit,
        Delivery,
        ExternalApproval,
        Funding,
        Grading,
        Issuer,
        Ladder,
        Level,
        LevelEquivalent,
        Need,
        Outcome,
        Partner,
        Pathways,
        Publication,
        Purpose,
        QualityAssurance,
        QualityStatement,
        Recognition,
        Transfer,
        Workload,
    )

__all__ = [
    "Alignment",
    "Assessment",
    "Badge",
    "BadgeAlignment",
    "BusinessCase",
    "Classification",
    "Competency",
    "Cost",
    "Course",
    "CredentialRegistry",
    "Credit",
    "Delivery",
    "ExternalApproval",
    "Funding",
    "Grading",
    "Issuer",
    "Ladder",
    "Level",
    "LevelEquivalent",
    "Need",
    "Outcome",
    "Partner",
    "Pathways",
    "Publication",
    "Purpose",
    "QualityAssurance",
    "QualityStatement",
    "Recognition",
    "Status",
    "Transfer",
    "Workload",
    "field_names",
    "validate_course",
]

# The course format's models, compiled (see :mod:`mcvalidate.model.compiled`).
COURSE = Source(
    "course",
    "mcvalidate.model.course",
    "Course",
    (
        "model/course.py",
        "model/types.py",
        "model/coerce.py",
        "model/core.py",
        "model/patterns.py",
        "model/lifecycle.py",
    ),
)


def __getattr__(name: str) -> Any:
    """A record class, made when first asked for (PEP 562)."""
    if name[:1].isupper() and name in __all__:
        return compiled_of(COURSE).records[name]
    # Anything else, a submodule not yet imported included, is for the import system to find.
    raise AttributeError(f"module 'mcvalidate.model' has no attribute {name!r}")


def validate_course(data: Any, authored: bool = True) -> Course:
    """The course in ``data`` (its ``x-`` keys set aside); raises pydantic-core's
    ``ValidationError`` with the errors pydantic's ``Course.model_validate`` would give.
    ``authored=False`` promises that the data holds no ``x-`` key."""
    course: Course = compiled_of(COURSE).validate(data, authored)
    return course


def field_names(model: type[Any]) -> tuple[str, ...]:
    """The fields of a model or record class, in the model's order."""
    if issubclass(model, Record):
        return model._fields
    return tuple(model.model_fields)
