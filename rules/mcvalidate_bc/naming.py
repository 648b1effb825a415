"""How the B.C. packs' messages name a course's parts, and point at them.

A finding names a learning outcome or an assessment the way its author wrote it (by id, by
title) and falls back on its position; these helpers keep that the same in every rule.
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext
from mcvalidate.text import filled


def outcome_name(course: Course, ctx: RuleContext, index: int) -> str:
    """How a message names learning outcome ``index``: by the id the author wrote, else by
    position (with the id mcvalidate gave a bare-string outcome, so references can be made).
    """
    outcome = (course.learning_outcomes or [])[index]
    if outcome.id and ctx.present(f"/learning_outcomes/{index}/id"):
        return f"learning outcome {outcome.id}"
    if outcome.id:
        return f"learning outcome {index + 1} (id {outcome.id})"
    return f"learning outcome {index + 1}"


def assessment_name(course: Course, index: int) -> str:
    """How a message names assessment ``index``: its id and title, whichever are given."""
    assessment = (course.assessments or [])[index]
    parts = [p for p in (assessment.id, assessment.title) if filled(p)]
    if not parts:
        return f"assessment {index + 1}"
    if len(parts) == 1:
        return f"assessment {parts[0]}"
    return f"assessment {parts[0]} ({parts[1]})"


def statement_pointer(ctx: RuleContext, index: int) -> str:
    """The pointer of an outcome's statement, or of the outcome itself when it was written as a
    bare string (then ``/statement`` does not exist in the file)."""
    pointer = f"/learning_outcomes/{index}/statement"
    return pointer if ctx.present(pointer) else f"/learning_outcomes/{index}"
