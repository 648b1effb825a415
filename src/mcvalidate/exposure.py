"""What a checked file offers the checks across the run's files: its id and its pathways.

The checks across files (duplicate ids, pathways that lead nowhere or in a circle) can only be
decided once every file is checked, and a run does not keep the files' findings (they are
reported as they come). So the check of each file keeps this much, in the process that checked
it: the course's id (the file stem when it gives none), where it is written, and the pathway
entries that are written as ids. Names of credentials (``Certificate in ...``) are not kept:
no file of the catalogue can be named by them.
"""

from __future__ import annotations

import re

from mcvalidate.discover import course_stem
from mcvalidate.document import Document
from mcvalidate.findings import Exposed, Link
from mcvalidate.model import Course
from mcvalidate.model.patterns import SLUG

_AN_ID = re.compile(SLUG)


def exposure(course: Course, doc: Document) -> Exposed | None:
    """The course's id and the pathway entries of ``doc`` written as ids; None for a file
    with no id of its own and no stem to give one (standard input)."""
    stated = course.id is not None
    course_id = course.id if stated else course_stem(doc.path)
    if not course_id or doc.path == "-":
        return None
    links: list[Link] = []
    pathways = course.pathways
    if pathways is not None:
        for index, target in enumerate(pathways.stacks_into or ()):
            links += _link(doc, target, f"/pathways/stacks_into/{index}")
        for index, ladder in enumerate(pathways.ladders_into or ()):
            links += _link(doc, ladder.credential, f"/pathways/ladders_into/{index}/credential")
    span = doc.span_of("/id") if stated else doc.span_of("")
    return Exposed(course_id, stated, span, tuple(links))


def _link(doc: Document, target: str | None, pointer: str) -> list[Link]:
    if target is None or not _AN_ID.match(target):
        return []
    return [Link(target, doc.written(pointer), doc.span_of(pointer))]
