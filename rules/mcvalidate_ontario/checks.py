"""Small readings of a course file that several Ontario rules share."""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.text import filled

# A course in these statuses is a proposal: no approval can be asked of it yet.
NOT_YET_APPROVED = ("draft", "proposed")
# The partner types that speak for employers and industry.
INDUSTRY_PARTNERS = ("employer", "industry_association", "professional_body")


def formats(course: Course) -> list[str] | None:
    """The recognition formats the file lists, or None when it lists none."""
    recognition = course.recognition
    if recognition is None or not recognition.formats:
        return None
    return list(recognition.formats)


def competency_named(course: Course) -> bool:
    """True when the file names a competency: a statement, or a badge alignment."""
    if any(filled(c.statement) for c in course.competencies or ()):
        return True
    badge = course.recognition.badge if course.recognition else None
    return badge is not None and bool(badge.alignment)
