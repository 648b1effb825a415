"""Rules from the Toolkit's Recognition of Learning and Educational Pathways chapters.

Learners need an attestation of learning they can share; transcripts and parchments say little
about what a person can do, so many micro-credentials are recorded as open digital badges.
Pathways integrate a micro-credential with other credentials, and prior learning assessment
was one of the Framework's six research areas.
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import filled
from mcvalidate_bc.sources import PATHWAYS, RECOGNITION, toolkit

BADGE_FIELDS = {
    "name": "the title shown on the badge",
    "description": "what the holder can do",
}


@rule(
    id="BCT014",
    name="badge-described",
    severity="warning",
    source=toolkit(RECOGNITION, "Open digital badges describe what a holder can do", "inferred"),
    element="Recognition of Learning: digital badges",
    reads=(
        "/recognition/badge/name",
        "/recognition/badge/description",
        "/recognition/badge/criteria",
        "/recognition/badge/criteria_url",
    ),
)
def badge_described(course: Course, ctx: RuleContext) -> None:
    """A micro-credential recorded as a digital badge describes the badge: name, description
    and criteria.

    The Toolkit's Recognition of Learning chapter says employers want a concrete description of
    what a holder can do, and that many micro-credentials are recorded as open digital badges
    for that reason. The Toolkit's own list of badge metadata could not be read; the fields
    asked for here are those an Open Badges 3.0 achievement requires: ``name``,
    ``description``, and ``criteria`` (text) or ``criteria_url``. An ``image``, required by
    Open Badges 2.0, is optional in 3.0 and not asked for. The field list is therefore
    mcvalidate's choice. The rule applies when ``recognition.formats`` includes
    ``digital_badge``.

    Fails::

        title: Drone crop scouting
        recognition:
          formats: [digital_badge, certificate]

    Passes::

        title: Drone crop scouting
        recognition:
          formats: [digital_badge]
          badge:
            name: Drone Crop Scouting
            description: The holder can fly a small RPAS legally and map crop stress.
            image: https://example.org/badges/drone.png
            criteria_url: https://example.org/badges/drone/criteria
    """
    recognition = course.recognition
    if recognition is None or "digital_badge" not in (recognition.formats or ()):
        return
    badge = recognition.badge
    if badge is None:
        ctx.report(
            "/recognition/badge",
            "The micro-credential is recorded as a digital badge, but the badge is not described.",
            fix="Add 'badge:' under 'recognition:' with name, description and criteria (or "
            "criteria_url).",
        )
        return
    for key, label in BADGE_FIELDS.items():
        if not filled(getattr(badge, key)):
            ctx.report(
                f"/recognition/badge/{key}",
                f"The digital badge has no {key} ({label}).",
                fix=f"Add '{key}:' under 'badge:'.",
            )
    written = ctx.refused("/recognition/badge/criteria_url")  # the schema reported it
    if not (filled(badge.criteria) or filled(badge.criteria_url) or written):
        ctx.report(
            "/recognition/badge/criteria",
            "The digital badge does not say what a learner must do to earn it.",
            fix="Add 'criteria:' (the requirements, in words) or 'criteria_url:' (a page that "
            "lists them) under 'badge:'.",
        )


@rule(
    id="BCT015",
    name="recognition-format",
    severity="warning",
    source=toolkit(
        RECOGNITION, "Learners need an attestation of learning they can share", "verbatim"
    ),
    element="Recognition of Learning: attestation of learning",
    reads=("/recognition/formats",),
)
def recognition_format(course: Course, ctx: RuleContext) -> None:
    """The file says how the achievement is recorded: badge, transcript, certificate, ...

    The Toolkit's Recognition of Learning chapter says learners need an attestation of their
    learning that they can share. List how it is recorded under ``recognition.formats``
    (digital_badge, transcript, certificate, parchment, wallet_credential, other).

    Fails::

        title: Mass timber construction
        recognition:
          purposes: [employment]

    Passes::

        title: Mass timber construction
        recognition:
          purposes: [employment]
          formats: [digital_badge, transcript]
    """
    if course.recognition is None or not course.recognition.formats:
        ctx.report(
            "/recognition/formats",
            "The file does not say how the achievement is recorded, so learners do not know "
            "what attestation they can share.",
            fix="Add 'formats:' under 'recognition:', e.g. 'formats: [digital_badge, transcript]'.",
        )


@rule(
    id="BCT021",
    name="prior-learning-stated",
    severity="info",
    source=toolkit(
        PATHWAYS,
        "Pathways; prior learning assessment (a Framework research area)",
        "inferred",
    ),
    element="Educational Pathways: prior learning assessment",
    reads=("/pathways/prior_learning_recognition",),
)
def prior_learning_stated(course: Course, ctx: RuleContext) -> None:
    """The file says whether prior learning can be assessed for this micro-credential.

    Prior learning assessment was one of the six research areas the Ministry, BCCAT and
    BCcampus set out to clarify the Framework, and the Toolkit's Educational Pathways chapter
    integrates micro-credentials with other learning. A learner with the skills already wants
    to know whether they can be assessed instead of taking the course: say so with
    ``pathways.prior_learning_recognition: true`` or ``false``. Good practice in mcvalidate's
    reading, hence info.

    Fails::

        title: Mass timber construction
        pathways:
          none_reason: A stand-alone safety update for working trades.

    Passes::

        title: Mass timber construction
        pathways:
          none_reason: A stand-alone safety update for working trades.
          prior_learning_recognition: false
    """
    if course.pathways is None or course.pathways.prior_learning_recognition is None:
        ctx.report(
            "/pathways/prior_learning_recognition",
            "The file does not say whether prior learning can be assessed for this "
            "micro-credential.",
            fix="Add 'prior_learning_recognition: true' (or false) under 'pathways:'.",
        )
