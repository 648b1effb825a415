"""A flat row per course, for portals and search listings that publish no schema of their own
(EducationPlannerBC, the Ontario micro-credentials portal, an institution's catalogue page):
the facts such listings show, one column each, written as CSV or as JSON.

The columns are fixed and always present (empty when the file does not say), so a spreadsheet
or an import script can rely on them; lists are joined with "; ".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mcvalidate.export import Job
    from mcvalidate.model import Course
    from mcvalidate.model.course import Level

COLUMNS = (
    "id",
    "title",
    "summary",
    "issuer",
    "issuer_url",
    "status",
    "language",
    "hours",
    "weeks",
    "delivery",
    "pacing",
    "credit_status",
    "credit_value",
    "credit_system",
    "cost",
    "currency",
    "level",
    "cip",
    "noc",
    "badge",
    "url",
)


# Where each course field goes: its column, or why a listing has no column for it.
_COLUMN_OF = {
    "id": "id",
    "title": "title",
    "summary": "summary (on one line)",
    "language": "language",
    "status": "status",
    "issuer.name": "issuer",
    "issuer.url": "issuer_url",
    "workload.hours": "hours",
    "workload.weeks": "weeks",
    "delivery.modes": "delivery (joined with '; ')",
    "delivery.pacing": "pacing",
    "credit.status": "credit_status",
    "credit.value": "credit_value",
    "credit.system": "credit_system (when there is no system_name)",
    "credit.system_name": "credit_system",
    "cost.amount": "cost",
    "cost.currency": "currency",
    "level.framework": "level (with the value)",
    "level.value": "level (after the framework)",
    "classification.cip": "cip",
    "classification.noc": "noc (joined with '; ')",
    "recognition.badge.name": "badge",
    "publication.url": "url",
}


def fields() -> dict[str, str]:
    """Where each course field goes in this target (for the mapping page and its test; built
    when asked for, since it reads the model's JSON Schema)."""
    from mcvalidate.export.mapping import NO_HOME, course_fields

    elsewhere = f"{NO_HOME}: a listing shows the facts a learner searches by"
    return {name: _COLUMN_OF.get(name, elsewhere) for name in course_fields()}


def _number(value: float | None) -> str:
    """``60`` rather than ``60.0``: a listing shows numbers as people write them."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _level(level: Level | None) -> str:
    """``eqf 5``: the framework and the level, as the file writes them."""
    if level is None or level.framework is None:
        return ""
    return level.framework if level.value is None else f"{level.framework} {level.value}"


def build(course: Course, job: Job) -> dict[str, str]:
    """The course's row, every column of :data:`COLUMNS` present."""
    issuer, credit, work = course.issuer, course.credit, course.workload
    cost, level, codes = course.cost, course.level, course.classification
    delivery, badge = course.delivery, course.recognition.badge if course.recognition else None
    return {
        "id": job.course_id,
        "title": course.title,
        "summary": " ".join((course.summary or "").split()),
        "issuer": (issuer.name or "") if issuer else "",
        "issuer_url": str(issuer.url or "") if issuer else "",
        "status": course.status or "",
        "language": course.language or "",
        "hours": _number(work.hours) if work else "",
        "weeks": _number(work.weeks) if work else "",
        "delivery": "; ".join(delivery.modes or ()) if delivery else "",
        "pacing": (delivery.pacing or "") if delivery else "",
        "credit_status": (credit.status or "") if credit else "",
        "credit_value": _number(credit.value) if credit else "",
        "credit_system": (credit.system_name or credit.system or "") if credit else "",
        "cost": _number(cost.amount) if cost else "",
        "currency": (cost.currency or "") if cost else "",
        "level": _level(level),
        "cip": (codes.cip or "") if codes else "",
        "noc": "; ".join(codes.noc or ()) if codes else "",
        "badge": (badge.name or "") if badge else "",
        "url": str(course.publication.url or "") if course.publication else "",
    }
