"""The URIs an export gives a course, the same on every run: the institution's own
(``export.base_url`` and the course id), or a name-based ``urn:uuid`` (RFC 9562, version 5)
derived from the issuer and the course id, so that re-exporting an unchanged file gives the
same ids and a platform updates a badge rather than adding another.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from mcvalidate.export import Job
    from mcvalidate.model import Course


def course_uri(course: Course, job: Job) -> str:
    """The course's URI: ``{base_url}/{id}``, else ``urn:uuid:`` of the issuer and the id."""
    if job.base_url:
        return f"{job.base_url}/{quote(job.course_id, safe='')}"
    issuer = course.issuer
    who = (issuer.url or issuer.name or "") if issuer is not None else ""
    space = uuid.uuid5(uuid.NAMESPACE_URL, str(who).rstrip("/")) if who else uuid.NAMESPACE_URL
    return uuid.uuid5(space, job.course_id).urn


def part_uri(base: str, part: str) -> str:
    """The URI of a part of the course's document (an assessment's result description):
    a fragment of the course's URI."""
    return f"{base}#{quote(part, safe='')}"
