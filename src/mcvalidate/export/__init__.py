"""The documents ``mcvalidate export`` writes from a course file: one module per target, each
with a ``build(course, job)`` that maps a checked course to the target's document.

A target names its *profile pack* (``ob3-export``): the rules that say what the target needs
and the file lacks ("Open Badges 3.0 needs an alignment URL"). Export runs the course format
and that pack on each file first, and writes nothing for a file with an error: a designer sees
the same findings beforehand with ``mcvalidate check --framework ob3-export``. So ``build``
may rely on what the profile pack requires, and must not fail on what it does not.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from mcvalidate.model import Course


class Job(NamedTuple):
    """What a target is given besides the course: the run's choices and the file's name."""

    # The course's id: its ``id``, or the file's stem when it has none.
    course_id: str
    # ``export.base_url`` of the configuration (or --base-url), without a trailing slash.
    base_url: str | None = None
    # Also write an unsigned credential template where the target has one (OB 3.0).
    credential_template: bool = False
    today: datetime.date | None = None


class Target(NamedTuple):
    """One kind of document ``export`` writes."""

    name: str
    title: str
    # The pack whose findings say what the target needs (None: it needs nothing more than a
    # course file that passes the format's own checks).
    pack: str | None
    # The end of each written file's name, after the course id.
    suffix: str
    # True for a target of one table for all the files (a row per course), not a document
    # per course.
    rows: bool = False

    def builder(self) -> Callable[[Course, Job], Any]:
        """The target's ``build`` (its module is imported only when the target is used)."""
        module = importlib.import_module(f"mcvalidate.export.{self.name}")
        build: Callable[[Course, Job], Any] = module.build
        return build


TARGETS: Mapping[str, Target] = {
    "ob3": Target("ob3", "Open Badges 3.0 (an Achievement, JSON-LD)", "ob3-export", ".ob3.json"),
    "ctdl": Target(
        "ctdl",
        "Credential Engine CTDL (a MicroCredential and its learning program, JSON-LD)",
        "ctdl-export",
        ".ctdl.json",
    ),
    "elm": Target(
        "elm",
        "European Learning Model 3 (Europass learning opportunity, JSON-LD)",
        "elm-export",
        ".elm.jsonld",
    ),
    "listing": Target(
        "listing",
        "Portal listing (a row per course for a catalogue or a portal, CSV or JSON)",
        None,
        ".csv",
        rows=True,
    ),
}
