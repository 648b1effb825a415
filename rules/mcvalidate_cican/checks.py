"""Small readings of a course file that several ``cican`` rules share."""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext


def refused_under(ctx: RuleContext, pointer: str) -> bool:
    """True when the schema refused a value at ``pointer``, around it or inside it."""
    inside = pointer + "/"
    return ctx.refused(pointer) or any(p.startswith(inside) for p in ctx.refused_pointers)


def formats(course: Course) -> list[str] | None:
    """The recognition formats the file lists, or None when it lists none."""
    recognition = course.recognition
    if recognition is None or not recognition.formats:
        return None
    return list(recognition.formats)
