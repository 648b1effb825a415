"""References that look like an id but are written with a look-alike character: read as it.

An assessment that lists ``L03`` (a zero) where the outcome is ``LO3`` (the letter O) would
otherwise make two findings from one slip: the reference is unknown (MC022), and outcome LO3
is assessed by nothing (and, from there, every rule that follows outcomes to assessments).
When a reference differs from exactly one id of its list only in characters people confuse
(O and 0; I, l and 1; upper and lower case; a space, dot, dash or underscore), it is
reported once, as an unknown reference naming the id it is read as, and the other rules see
the id. A reference that differs in a digit (``LO4`` for ``LO5``) is never read as another:
that is a different outcome, not a slip of the pen.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

from mcvalidate.findings import Problem
from mcvalidate.format_rules import unknown_reference
from mcvalidate.model import Course
from mcvalidate.pointer import within

_LOOK_ALIKE = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s._-]+")


def _shape(ref: str) -> str:
    """What an id looks like: the same for ``LO3``, ``L03``, ``lo3`` and ``LO-3``."""
    return _SEPARATORS.sub("", ref.upper()).translate(_LOOK_ALIKE)


def read_references(course: Course, refused: Set[str]) -> tuple[Course, list[Problem]]:
    """The course with each look-alike reference replaced by the id it looks like, and one
    MC022 problem for each (the rule itself then finds the reference known)."""
    problems: list[Problem] = []
    competencies = _ids(course.competencies)
    outcomes = _ids(course.learning_outcomes)
    update: dict[str, object] = {}
    if course.learning_outcomes and not within("/competencies", refused):
        read = [
            _read(
                item.competencies,
                competencies,
                f"/learning_outcomes/{i}/competencies",
                "competency",
                problems,
            )
            for i, item in enumerate(course.learning_outcomes)
        ]
        if any(r is not None for r in read):
            update["learning_outcomes"] = [
                item if r is None else item.model_copy(update={"competencies": r})
                for item, r in zip(course.learning_outcomes, read, strict=True)
            ]
    if course.assessments and not within("/learning_outcomes", refused):
        read = [
            _read(
                item.outcomes, outcomes, f"/assessments/{i}/outcomes", "learning outcome", problems
            )
            for i, item in enumerate(course.assessments)
        ]
        if any(r is not None for r in read):
            update["assessments"] = [
                item if r is None else item.model_copy(update={"outcomes": r})
                for item, r in zip(course.assessments, read, strict=True)
            ]
    return (course.model_copy(update=update) if update else course), problems


def _ids(items: Sequence[object] | None) -> dict[str, list[str]]:
    """The ids of a list, by their shape (two ids of one shape are both kept: then neither is
    read for a look-alike reference)."""
    shapes: dict[str, list[str]] = {}
    for item in items or ():
        known = getattr(item, "id", None)
        if known:
            shapes.setdefault(_shape(known), []).append(known)
    return shapes


def _read(
    refs: list[str] | None,
    known: dict[str, list[str]],
    pointer: str,
    label: str,
    problems: list[Problem],
) -> list[str] | None:
    """``refs`` with its look-alike references read as the ids they look like; None when no
    reference needed reading."""
    if not refs or not known:
        return None
    exact = {i for ids in known.values() for i in ids}
    out: list[str] = []
    changed = False
    for index, ref in enumerate(refs):
        candidates = known.get(_shape(ref), []) if ref not in exact else []
        if len(candidates) == 1:
            meant = candidates[0]
            problems.append(
                Problem(
                    unknown_reference,
                    f"There is no {label} with the id '{ref}'; it is read as '{meant}', which it "
                    "looks like.",
                    f"{pointer}/{index}",
                    fix=f"Write '{meant}' (O and 0, I, l and 1 look alike; case counts).",
                )
            )
            out.append(meant)
            changed = True
        else:
            out.append(ref)
    return out if changed else None
