"""The ``ob3-export`` profile: what an Open Badges 3.0 ``Achievement`` needs of a course file
(``mcvalidate export --to ob3``; ``mcvalidate check --framework ob3-export`` shows the same).

Each error is something the exported document could not be valid without, against 1EdTech's
JSON Schema (both published flavours) or the specification's own "MUST": a description, an
issuer the Achievement's creator Profile can be identified by, a name and a URL for every
alignment, a language tag of the form the schema accepts, an achievement type of the
vocabulary (or an ``ext:`` term), a name for every result description. The warning and the
info are what the specification and its implementation guide recommend. The sources are
listed in ``docs/packs/ob3-export.md``; the document itself is written by
``mcvalidate.export.ob3``, whose helpers these rules use, so that a course this pack passes
always exports.
"""

from __future__ import annotations

import sys

from mcvalidate.export.ob3 import (
    ACHIEVEMENT_TYPES,
    achievement_type_ok,
    alignment_targets,
    language_tag,
    summative,
)
from mcvalidate.model import Course
from mcvalidate.rules import Pack, RuleContext, Scope, Source, rule, rules_of
from mcvalidate.text import closest, filled, listing

SPEC = "1EdTech Open Badges Specification 3.0"
SPEC_URL = "https://www.imsglobal.org/spec/ob/v3p0/"
SCHEMA = "1EdTech Open Badges 3.0 JSON Schema (AchievementCredential)"
SCHEMA_URL = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)
GUIDE = "1EdTech Open Badges 3.0 Implementation Guide"
GUIDE_URL = "https://www.imsglobal.org/spec/ob/v3p0/impl/"


def _spec(clause: str, anchor: str, ref: str = "O1") -> Source:
    return Source(SPEC, clause, f"{SPEC_URL}#{anchor}", "verbatim", ref)


def _schema(clause: str) -> Source:
    return Source(SCHEMA, clause, SCHEMA_URL, "verbatim", "O2")


@rule(
    id="OBX001",
    name="ob3-description",
    severity="error",
    source=_spec(
        "Achievement: description, String, 1 ('A short description of the achievement')",
        "org.1edtech.ob.v3p0.achievement.class",
    ),
    element="Achievement.description",
    reads=("/recognition/badge/description", "/summary"),
)
def description(course: Course, ctx: RuleContext) -> None:
    """The badge is described: Open Badges 3.0 requires a description of the achievement.

    An Achievement has exactly one ``description``, "a short description of the
    achievement" (the data model's multiplicity 1; the schema lists it as required). The
    export takes the badge's ``description``, or else the course's ``summary``: give one.

    Fails::

        title: Drone crop scouting
        frameworks: [ob3-export]
        recognition:
          badge: {name: Drone Crop Scouting}

    Passes::

        title: Drone crop scouting
        frameworks: [ob3-export]
        recognition:
          badge:
            name: Drone Crop Scouting
            description: The holder can fly a small drone legally and map crop stress.
    """
    badge = course.recognition.badge if course.recognition else None
    if badge is not None and filled(badge.description):
        return
    if filled(course.summary) or ctx.refused("/summary"):
        return
    if ctx.refused("/recognition/badge/description"):
        return
    ctx.report(
        "/recognition/badge/description",
        "Open Badges 3.0 requires a description of the achievement, and the file gives "
        "neither a badge description nor a summary.",
        fix="Add 'description:' under 'recognition: badge:' (what a holder can do, in a "
        "sentence or two), or a 'summary:' of the course.",
    )


@rule(
    id="OBX002",
    name="ob3-issuer-url",
    severity="error",
    source=_spec(
        "Profile: 'Issuers must be represented as Profiles'; id, URI, 1",
        "org.1edtech.ob.v3p0.profile.class",
    ),
    element="Profile.id (the issuer)",
    reads=("/issuer/url",),
)
def issuer_url(course: Course, ctx: RuleContext) -> None:
    """The issuer has a web address: the Achievement's creator is a Profile, identified by a
    URI.

    Open Badges 3.0 says that "Issuers must be represented as Profiles", and a Profile has
    exactly one ``id``, a URI (the schema requires it). The export writes the issuer as the
    Achievement's ``creator`` (and as the ``issuer`` of a credential template), identified by
    ``issuer.url``; without it, a platform could not tell who defined the badge.

    Fails::

        title: Drone crop scouting
        frameworks: [ob3-export]
        issuer: {name: Example College}

    Passes::

        title: Drone crop scouting
        frameworks: [ob3-export]
        issuer: {name: Example College, url: "https://college.example.ca"}
    """
    if course.issuer is not None and filled(course.issuer.url):
        return
    if ctx.refused("/issuer/url") or ctx.refused("/issuer"):
        return
    ctx.report(
        "/issuer/url",
        "Open Badges 3.0 represents the issuer as a Profile identified by a URI, and the file "
        "gives no web address for the issuer.",
        fix="Add 'url:' under 'issuer:', the institution's web site (https://...).",
    )


@rule(
    id="OBX003",
    name="ob3-alignment-url",
    severity="error",
    source=_spec(
        "Alignment: targetUrl, URL, 1 ('URL linking to the official description of the "
        "alignment target')",
        "org.1edtech.ob.v3p0.alignment.class",
    ),
    element="Alignment.targetUrl",
    reads=("/competencies/*/alignment/url", "/recognition/badge/alignment/*/url"),
)
def alignment_url(course: Course, ctx: RuleContext) -> None:
    """Every alignment has a URL: Open Badges 3.0 requires a link to the official
    description of what the badge aligns with.

    An Open Badges ``Alignment`` has exactly one ``targetUrl``, the "URL linking to the
    official description of the alignment target" (the schema requires it). Each
    competency's ``alignment`` and each of the badge's ``alignment`` entries is exported as
    one, so each needs the ``url`` of the framework entry (its page in ESCO, the NOC, a CASE
    framework...).

    Fails::

        title: Drone crop scouting
        frameworks: [ob3-export]
        competencies:
          - id: C1
            statement: Map crop stress from drone imagery
            alignment: {framework: NOC 2021, code: "84120"}

    Passes::

        title: Drone crop scouting
        frameworks: [ob3-export]
        competencies:
          - id: C1
            statement: Map crop stress from drone imagery
            alignment:
              framework: NOC 2021
              code: "84120"
              url: https://noc.esdc.gc.ca/Structure/NOCProfile?code=84120&version=2021.0
    """
    for target in alignment_targets(course):
        pointer = f"{target.pointer}/url"
        if filled(target.url) or ctx.refused(pointer):
            continue
        ctx.report(
            pointer,
            "Open Badges 3.0 requires every alignment to link to the official description of "
            "its target, and this one has no URL.",
            fix="Add 'url:' to the alignment: the web page of the framework entry it names.",
        )


@rule(
    id="OBX004",
    name="ob3-alignment-name",
    severity="error",
    source=_spec(
        "Alignment: targetName, String, 1 ('Name of the alignment')",
        "org.1edtech.ob.v3p0.alignment.class",
    ),
    element="Alignment.targetName",
    reads=(
        "/competencies/*/statement",
        "/competencies/*/alignment/framework",
        "/competencies/*/alignment/code",
        "/recognition/badge/alignment/*/name",
        "/recognition/badge/alignment/*/framework",
        "/recognition/badge/alignment/*/code",
    ),
)
def alignment_name(course: Course, ctx: RuleContext) -> None:
    """Every alignment has a name: Open Badges 3.0 requires one.

    An Open Badges ``Alignment`` has exactly one ``targetName`` (the schema requires it).
    The export names a competency's alignment by the competency's ``statement``, and a
    badge's alignment by its ``name``; either, without one, by the alignment's framework and
    code ("NOC 2021 72310"). An alignment with a URL only has no name to give.

    Fails::

        title: Drone crop scouting
        frameworks: [ob3-export]
        recognition:
          badge:
            alignment:
              - url: https://example.org/frameworks/drones/piloting

    Passes::

        title: Drone crop scouting
        frameworks: [ob3-export]
        recognition:
          badge:
            alignment:
              - name: Basic RPAS piloting
                url: https://example.org/frameworks/drones/piloting
    """
    for target in alignment_targets(course):
        if target.name is not None:
            continue
        in_badge = target.pointer.startswith("/recognition/")
        pointer = (
            f"{target.pointer}/name"
            if in_badge
            else target.pointer.rsplit("/", 1)[0] + "/statement"
        )
        if ctx.refused(pointer) or ctx.refused(f"{target.pointer}/code"):
            continue
        ctx.report(
            pointer,
            "Open Badges 3.0 requires every alignment to have a name, and this one has no "
            + ("name" if in_badge else "competency statement")
            + ", framework or code to name it by.",
            fix="Add 'name:' to the alignment (the framework entry's name)."
            if in_badge
            else "Add the competency's 'statement:', or the alignment's 'framework:' and 'code:'.",
        )


@rule(
    id="OBX005",
    name="ob3-language-tag",
    severity="error",
    source=_schema(
        "Achievement.inLanguage (LanguageCode): pattern "
        "^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$"
    ),
    element="Achievement.inLanguage",
    reads=("/language",),
)
def language(course: Course, ctx: RuleContext) -> None:
    """The language tag has a form Open Badges 3.0 accepts: a language, an optional script
    and an optional region.

    Open Badges' schema takes a language code of a narrower form than BCP 47 allows: a
    language (``en``, ``fr``, ``crg``), then optionally a script (``Cans``) and a region
    (``CA``, ``419``). The export corrects the case (``fr-ca`` becomes ``fr-CA``), but a tag
    with a variant, an extension or an extended language subtag (``de-CH-1996``,
    ``zh-yue-HK``) cannot be written so: use the plain language and region.

    Fails::

        title: Rätoromanisch für Einsteiger
        frameworks: [ob3-export]
        language: rm-CH-sursilv

    Passes::

        title: Rätoromanisch für Einsteiger
        frameworks: [ob3-export]
        language: rm-ch
    """
    tag = course.language
    if not filled(tag) or ctx.refused("/language") or language_tag(tag) is not None:
        return
    ctx.report(
        "/language",
        f"Open Badges 3.0 takes a language tag of a language, a script and a region only, so "
        f"'{tag}' cannot be exported.",
        fix="Write the language and region only, such as 'en', 'fr-CA' or 'iu-Cans-CA'.",
    )


@rule(
    id="OBX006",
    name="ob3-achievement-type",
    severity="error",
    source=_spec(
        "Extending Enumerated Vocabularies: 'Extended terms MUST start with the prefix "
        '"ext:"\'; AchievementType enumeration',
        "extending-enumerated-vocabularies",
    ),
    element="Achievement.achievementType",
    reads=("/recognition/badge/achievement_type",),
)
def achievement_type(course: Course, ctx: RuleContext) -> None:
    """The achievement type is one of Open Badges' terms, or an extension starting "ext:".

    ``achievementType`` is an extensible vocabulary: one of its terms exactly as the
    specification writes them (``MicroCredential``, ``Certificate``, ``Course``, ...), or
    an extended term, and "Extended terms MUST start with the prefix "ext:"". Leave
    ``achievement_type`` out for the default, ``MicroCredential``.

    Fails::

        title: Drone crop scouting
        frameworks: [ob3-export]
        recognition:
          badge: {achievement_type: Microcredential}

    Passes::

        title: Drone crop scouting
        frameworks: [ob3-export]
        recognition:
          badge: {achievement_type: MicroCredential}
    """
    badge = course.recognition.badge if course.recognition else None
    pointer = "/recognition/badge/achievement_type"
    if badge is None or ctx.refused(pointer) or achievement_type_ok(badge.achievement_type):
        return
    value = badge.achievement_type
    near = closest(value, ACHIEVEMENT_TYPES)
    hint = f" Did you mean {listing([repr(n) for n in near], 'or')}?" if near else ""
    ctx.report(
        pointer,
        f"'{value}' is not an Open Badges 3.0 achievement type, nor an extended term "
        f"starting with 'ext:'.{hint}",
        fix="Write one of the specification's terms exactly (MicroCredential, Certificate, "
        "Course, Badge, ...), write your own as 'ext:YourTerm', or leave it out for "
        "MicroCredential.",
    )


@rule(
    id="OBX007",
    name="ob3-result-name",
    severity="error",
    source=_spec(
        "ResultDescription: name, String, 1 ('The name of the result')",
        "org.1edtech.ob.v3p0.resultdescription.class",
    ),
    element="ResultDescription.name",
    reads=("/assessments/*/title",),
)
def result_name(course: Course, ctx: RuleContext) -> None:
    """Every summative assessment has a title: each becomes a result description, which
    Open Badges 3.0 requires to have a name.

    The export describes the results a holder's credential can record, one
    ``ResultDescription`` per summative assessment, named by the assessment's ``title``;
    Open Badges requires the name (the schema too).

    Fails::

        title: Drone crop scouting
        frameworks: [ob3-export]
        assessments:
          - {id: A1, type: practical, summative: true}

    Passes::

        title: Drone crop scouting
        frameworks: [ob3-export]
        assessments:
          - {id: A1, title: Field flight practical, type: practical, summative: true}
    """
    for n, test in summative(course):
        pointer = f"/assessments/{n}/title"
        if filled(test.title) or ctx.refused(pointer):
            continue
        ctx.report(
            pointer,
            "The summative assessment has no title, which Open Badges 3.0 requires of the "
            "result description it becomes.",
            fix="Add 'title:' to the assessment, as learners see it.",
        )


@rule(
    id="OBX008",
    name="ob3-criteria",
    severity="warning",
    source=_spec(
        "Criteria: 'Implementations SHOULD provide, at least, one of the id or narrative fields'",
        "org.1edtech.ob.v3p0.criteria.class",
    ),
    element="Achievement.criteria",
    reads=(
        "/recognition/badge/criteria",
        "/recognition/badge/criteria_url",
        "/assessments/*/summative",
    ),
)
def criteria(course: Course, ctx: RuleContext) -> None:
    """The badge says what earning it takes: criteria in words, a criteria page, or
    summative assessments to describe them from.

    Open Badges 3.0 requires ``criteria`` and says "Implementations SHOULD provide, at
    least, one of the ``id`` or ``narrative`` fields": a page describing the criteria, or
    the criteria in words. The export takes the badge's ``criteria_url`` and ``criteria``,
    or writes the narrative from the summative assessments (their titles, weights and
    passing marks). With none of them, the criteria would be empty.

    Fails::

        title: Drone crop scouting
        frameworks: [ob3-export]
        assessments:
          - {id: A1, title: Practice flights, type: practical, summative: false}

    Passes::

        title: Drone crop scouting
        frameworks: [ob3-export]
        assessments:
          - {id: A1, title: Field flight practical, type: practical, summative: true}
    """
    badge = course.recognition.badge if course.recognition else None
    if badge is not None and (filled(badge.criteria) or filled(badge.criteria_url)):
        return
    if summative(course) or ctx.refused("/recognition/badge", inside=True):
        return
    if ctx.refused("/assessments", inside=True):
        return
    ctx.report(
        "/recognition/badge/criteria",
        "Open Badges 3.0 asks for the criteria of the badge (a page or a narrative), and the "
        "file has no criteria and no summative assessment to describe them from.",
        fix="Add 'criteria:' (what a learner must do, in words) or 'criteria_url:' under "
        "'recognition: badge:', or mark the assessments that count with 'summative: true'.",
    )


@rule(
    id="OBX009",
    name="ob3-image",
    severity="info",
    source=Source(
        GUIDE,
        "Getting started, Achievement: 'Images are optional but are visually prominent "
        "components of badges and are often included'",
        GUIDE_URL,
        "verbatim",
        "O3",
    ),
    element="Achievement.image",
    reads=("/recognition/badge/image",),
)
def image(course: Course, ctx: RuleContext) -> None:
    """The badge has an image: optional in Open Badges 3.0, but what platforms and wallets
    show.

    The implementation guide says images "are optional but are visually prominent
    components of badges and are often included". The export writes ``image`` as the
    Achievement's image; a PNG or an SVG can also carry an issued credential ("baking").

    Fails::

        title: Drone crop scouting
        frameworks: [ob3-export]
        recognition:
          badge: {name: Drone Crop Scouting}

    Passes::

        title: Drone crop scouting
        frameworks: [ob3-export]
        recognition:
          badge:
            name: Drone Crop Scouting
            image: https://example.org/badges/drone.png
    """
    badge = course.recognition.badge if course.recognition else None
    if badge is not None and filled(badge.image):
        return
    if ctx.refused("/recognition/badge/image") or ctx.refused("/recognition/badge"):
        return
    ctx.report(
        "/recognition/badge/image",
        "The badge has no image; Open Badges 3.0 makes it optional, but platforms and "
        "wallets show it.",
        fix="Add 'image:' under 'recognition: badge:', the web address of a PNG or SVG image.",
    )


PACK = Pack(
    name="ob3-export",
    title="Open Badges 3.0 export profile (what an Achievement needs)",
    framework=SPEC,
    version="3.0 (context 3.0.3; JSON Schema of 2024)",
    url=SPEC_URL,
    prefix="OBX",
    scope=Scope(
        note="every file exported with 'mcvalidate export --to ob3' (or checked with "
        "--framework ob3-export)",
        profile=True,
    ),
    docs="docs/packs/ob3-export.md",
    rules=rules_of(sys.modules[__name__]),
)
