"""Pydantic models of the course definition format (see :mod:`mcvalidate.model.course`)."""

from mcvalidate.model.course import (
    Assessment,
    Badge,
    Competency,
    Course,
    Need,
    Outcome,
    Partner,
)

__all__ = ["Assessment", "Badge", "Competency", "Course", "Need", "Outcome", "Partner"]
