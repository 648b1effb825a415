"""Small readings of a course file that several ``cican`` rules share."""

from __future__ import annotations

from mcvalidate.model import Course


def formats(course: Course) -> list[str] | None:
    """The recognition formats the file lists, or None when it lists none."""
    recognition = course.recognition
    if recognition is None or not recognition.formats:
        return None
    return list(recognition.formats)
