"""The ``format`` pack: what the course format itself requires, whatever the framework.

These are not framework rules, so they live in the engine and are always on: reading the file,
its YAML, the schema's shapes, and the ids that tie competencies, outcomes and assessments
together. The loading and schema rules have no check function (the loader and the schema stage
emit them); their metadata is here so that every finding has an id, a name, docs and a source.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from mcvalidate import codes
from mcvalidate.findings import FORMAT, Severity
from mcvalidate.rules import Pack, Rule, RuleContext, Source, rule, split_doc

if TYPE_CHECKING:
    from mcvalidate.model import Course

SPEC = "mcvalidate course format, version 1"
SPEC_URL = "docs/course-format.md"


def _spec(clause: str, anchor: str) -> Source:
    return Source(SPEC, clause, f"{SPEC_URL}#{anchor}", "verbatim", "course-format")


def _engine_rule(
    rule_id: str,
    name: str,
    clause: str,
    anchor: str,
    doc: str,
    severity: Severity = Severity.ERROR,
    *,
    switchable: bool = True,
    sticky: bool = False,
) -> Rule:
    """A rule the engine emits itself (no check function). ``switchable=False``: loading and
    parsing, without which nothing can be checked; ``sticky``: the checks of mcvalidate's own
    mechanisms, which stay on when ``--select`` names other rules."""
    summary, rest = split_doc(doc)
    return Rule(
        rule_id,
        name,
        severity,
        _spec(clause, anchor),
        summary,
        rest,
        switchable=switchable,
        sticky=sticky,
    )


YAML_SYNTAX = _engine_rule(
    "MC001",
    "yaml-syntax",
    "a course file is one YAML document",
    "a-whole-file",
    """The file is not valid YAML.

    The parser notices many mistakes only later than where they are (a key without its ':' at
    the next line, an unclosed quote at the end of the file), so the finding is placed at the
    cause, read from the text around where the parser stopped: the line without its ':', the
    line whose indentation breaks its block, the value that holds ': ', the tab, the quote or
    bracket never closed. The message says what is wrong in plain words, without the parser's
    terms, and the fix gives the corrected line where there is one (``pacing: cohort``,
    ``title: "Sustainable Soils: Management for Small Farms"``). Nothing else in the file is
    checked until it parses.

    Fails::

        title: 'Mass timber
        summary: An introduction

    Passes::

        title: 'Mass timber'
        summary: An introduction
    """,
    switchable=False,
)

UNREADABLE = _engine_rule(
    "MC002",
    "unreadable-file",
    "a course file is UTF-8 text",
    "a-whole-file",
    """The file cannot be read as text: it is binary, not UTF-8, or cannot be opened.

    Course files are UTF-8 (or UTF-16 with a byte-order mark) YAML text. A file that cannot be
    read is reported like any other broken file, and the other files of the run are still
    checked.

    Fails::

        (a binary file, such as a PDF renamed to .yaml)

    Passes::

        title: Mass timber
    """,
    switchable=False,
)

DUPLICATE_KEY = _engine_rule(
    "MC003",
    "duplicate-key",
    "keys are unique in a mapping",
    "principles",
    """A key appears twice in the same mapping.

    YAML readers silently keep only one of the two values, so half of what was written is lost
    without a word. mcvalidate reports the second occurrence and keeps the first.

    Fails::

        title: Mass timber
        title: Mass timber construction

    Passes::

        title: Mass timber construction
    """,
)

UNSAFE_TAG = _engine_rule(
    "MC004",
    "unsupported-tag",
    "values are plain YAML data",
    "principles",
    """A value carries a YAML tag other than the plain data types.

    Tags such as ``!!python/object`` ask a YAML reader to create program objects, which can run
    code; mcvalidate never constructs them. Unknown tags (``!custom``) and the rarer YAML types
    (``!!set``, ``!!binary``) are refused too, as the format has no use for them.

    Fails::

        title: !!python/object/apply:os.system ["echo hi"]

    Passes::

        title: Mass timber
    """,
)

NOT_A_MAPPING = _engine_rule(
    "MC005",
    "not-a-course",
    "one YAML file describes one micro-credential",
    "a-whole-file",
    """The file does not hold exactly one mapping of course fields.

    An empty file, a file of comments only, a file whose top level is a list or a single value,
    and a file with several YAML documents (``---``) are all reported here.

    Fails::

        - title: Mass timber

    Passes::

        title: Mass timber
    """,
    switchable=False,
)

MERGE_KEY = _engine_rule(
    "MC006",
    "merge-key",
    "values are plain YAML data",
    "principles",
    """A YAML merge key (``<<``) is used.

    Merge keys belong to YAML 1.1 only and are read differently by different tools, so a
    course written with them may mean different things to different readers. The merged
    fields are not read; write them out in full.

    Fails::

        base: &base {status: active}
        quality_assurance:
          <<: *base

    Passes::

        status: active
    """,
)

LIMIT = _engine_rule(
    "MC007",
    "yaml-limit",
    "a course file is a small document",
    "a-whole-file",
    """The file exceeds a safety limit: its size, its nesting depth or the number of values it
    expands to.

    The limits keep a hostile or broken file (an "alias bomb", a runaway generator) from
    exhausting the machine. They are far above what a real course file needs.

    Fails::

        a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]

    Passes::

        title: Mass timber
    """,
    switchable=False,
)

INTERNAL_ERROR = _engine_rule(
    "MC008",
    "internal-error",
    "every file gets a complete check",
    "a-whole-file",
    """A rule failed while checking this file: a bug in the rule, not in the file.

    The other rules and files are still checked, and the run exits with code 2 so that a CI
    job does not mistake an incomplete check for a pass. Please report the message, which
    names the rule and the error.

    Fails::

        (any file, when a rule raises an exception)

    Passes::

        title: Mass timber
    """,
    switchable=False,
)

UNKNOWN_KEY = _engine_rule(
    "MC010",
    "unknown-key",
    "unknown keys are findings, with a suggestion",
    "principles",
    """A key that the course format does not define.

    A typo in a key silently drops what was written under it (``learning_outcome`` instead of
    ``learning_outcomes`` hides every outcome), so unknown keys are errors, with the closest
    known key as a suggestion. Keys that start with ``x-`` are the author's own and are never
    reported.

    One mistake is one finding: when the key is one slip away from a field its mapping lacks
    (a similarity of 0.8 or more, one candidate), or is a field of exactly one of the mapping's
    child mappings that lacks it (``badge`` at the top level belongs under ``recognition``),
    the message says so and the other rules read the value as that field, where it was meant
    to be. Their findings point at the key as written.

    Fails::

        title: Mass timber
        learning_outcome:
          - Identify mass timber components

    Passes::

        title: Mass timber
        x-internal-code: MT-101
        learning_outcomes:
          - Identify mass timber components
    """,
)

INVALID_TYPE = _engine_rule(
    "MC011",
    "invalid-type",
    "type is the schema",
    "fields",
    """A value has the wrong type: text where a number is expected, a single value where a
    list is expected, and so on.

    YAML guesses types from how a value is written: ``no`` and ``yes`` become true/false, a
    date becomes a date, ``"60"`` in quotes stays text. The message says what was expected and
    what YAML read.

    Fails::

        title: Mass timber
        workload:
          hours: "sixty"

    Passes::

        title: Mass timber
        workload:
          hours: 60
    """,
)

INVALID_VALUE = _engine_rule(
    "MC012",
    "invalid-value",
    "enums and ranges",
    "fields",
    """A value has the right type but is not allowed: not one of the listed choices, out of
    range, or not in the required form (a date, a URL, a country code).

    Fails::

        title: Mass timber
        status: publish

    Passes::

        title: Mass timber
        status: proposed
    """,
)

MISSING_REQUIRED = _engine_rule(
    "MC013",
    "missing-required",
    "required by the schema: title",
    "fields",
    """A field the schema requires is missing: ``title`` is the only one.

    Everything else is optional to the schema and asked for by the framework rules, so a
    half-written proposal still gets a useful list of what is missing.

    Fails::

        summary: An introduction to mass timber

    Passes::

        title: Mass timber
    """,
)

INVALID_IGNORE = _engine_rule(
    "MC030",
    "invalid-ignore",
    "suppressions name the rules they silence",
    "principles",
    """An inline ignore comment names no rule, or names one that does not exist.

    A bare ``# mcvalidate: ignore`` would hide every finding on its line, including ones
    nobody has looked at, so the rules must be named: ``# mcvalidate: ignore[BCT008] reason``
    (ids and names both work). An unknown name is usually a typo that leaves the finding in
    place.

    Fails::

        title: Mass timber  # mcvalidate: ignore because we know

    Passes::

        title: Mass timber
    """,
    sticky=True,
)

IGNORE_WITHOUT_REASON = _engine_rule(
    "MC031",
    "ignore-without-reason",
    "suppressions carry a reason",
    "principles",
    """An inline ignore comment gives no reason, and the configuration requires one
    (``require_suppression_reason: true``).

    A reason tells the curriculum committee why the finding does not apply; write it after
    the brackets.

    Fails::

        standalone: false  # mcvalidate: ignore[standalone]

    Passes::

        standalone: false  # mcvalidate: ignore[standalone] offered only inside the program
    """,
    sticky=True,
)

UNUSED_IGNORE = _engine_rule(
    "MC032",
    "unused-ignore",
    "stale suppressions are cleaned up",
    "principles",
    """An inline ignore comment suppresses nothing: the finding it silenced is gone.

    Reported so that stale ignores get cleaned up and do not hide a future finding. Only
    rules that ran count: an ignore for a rule left out by ``--select`` is not stale.

    Fails::

        title: Mass timber
        standalone: true  # mcvalidate: ignore[BCF001] not stand-alone yet

    Passes::

        standalone: false  # mcvalidate: ignore[BCF001] offered only inside the program
    """,
    Severity.INFO,
)

STALE_BASELINE = _engine_rule(
    "MC033",
    "stale-baseline-entry",
    "baselines only shrink",
    "principles",
    """An entry of the baseline file (``--baseline``) matches no finding any more.

    The finding was fixed: remove the entry (or write the baseline again with
    ``--write-baseline``) so that the baseline only shrinks and cannot hide the same
    finding if it comes back.

    Fails::

        (a baseline entry for a finding that has been fixed)

    Passes::

        (a baseline whose every entry still matches a finding)
    """,
    Severity.INFO,
    sticky=True,
)

_LISTS = (
    ("competencies", "competency"),
    ("learning_outcomes", "learning outcome"),
    ("assessments", "assessment"),
)


class _HasId(Protocol):
    @property
    def id(self) -> str | None: ...


def _items(course: Course, key: str) -> Sequence[_HasId]:
    items: Sequence[_HasId] | None = getattr(course, key)
    return items or ()


@rule(
    id="MC020",
    name="missing-id",
    severity="error",
    source=_spec("lists of things with ids use ids so other places can refer to them", "fields"),
)
def missing_id(course: Course, ctx: RuleContext) -> None:
    """Every competency, learning outcome and assessment has an id.

    Other places refer to these items by id (an assessment names the outcomes it assesses),
    so an item without an id cannot be referred to. A learning outcome written as a bare
    string gets the id ``LO<n>`` automatically.

    Fails::

        competencies:
          - statement: Install mass timber components safely

    Passes::

        competencies:
          - id: C1
            statement: Install mass timber components safely
    """
    for key, label in _LISTS:
        for index, item in enumerate(_items(course, key)):
            if item.id is None or not item.id.strip():
                ctx.report(
                    f"/{key}/{index}/id",
                    f"{key}[{index + 1}] has no id, so nothing can refer to this {label}.",
                    fix=f"Add an id such as 'id: {_prefix(key)}{index + 1}'.",
                )


@rule(
    id="MC021",
    name="duplicate-id",
    severity="error",
    source=_spec("ids are unique inside their list", "principles"),
)
def duplicate_id(course: Course, ctx: RuleContext) -> None:
    """An id is used twice in the same list.

    References between competencies, outcomes and assessments go by id; with two items of the
    same id, a reference cannot tell which one is meant.

    Fails::

        learning_outcomes:
          - {id: LO1, statement: Identify mass timber components}
          - {id: LO1, statement: Describe the installation sequence}

    Passes::

        learning_outcomes:
          - {id: LO1, statement: Identify mass timber components}
          - {id: LO2, statement: Describe the installation sequence}
    """
    for key, label in _LISTS:
        first: dict[str, int] = {}
        for index, item in enumerate(_items(course, key)):
            if not item.id:
                continue
            if item.id in first:
                given = "" if ctx.present(f"/{key}/{index}/id") else " (given automatically)"
                ctx.report(
                    f"/{key}/{index}/id",
                    f"The {label} id '{item.id}' of {key}[{index + 1}]{given} is already used "
                    f"by {key}[{first[item.id] + 1}].",
                    fix="Give each item its own id.",
                )
            else:
                first[item.id] = index


@rule(
    id="MC022",
    name="unknown-reference",
    severity="error",
    source=_spec("ids are used so other places can refer to them", "fields"),
)
def unknown_reference(course: Course, ctx: RuleContext) -> None:
    """A reference names an id that does not exist.

    Outcomes list the competencies they serve, and assessments list the outcomes they assess;
    each id named there must exist in the corresponding list. A reference that differs from
    exactly one id only in characters people confuse (O and 0; I, l and 1; case; a space,
    dot, dash or underscore), such as ``L03`` for ``LO3``, is reported once, naming the id it
    is read as, and the other rules see that id; one that differs in a digit never is.

    Fails::

        learning_outcomes:
          - {id: LO1, statement: Identify mass timber components}
        assessments:
          - {id: A1, title: Quiz, outcomes: [LO9]}

    Passes::

        learning_outcomes:
          - {id: LO1, statement: Identify mass timber components}
        assessments:
          - {id: A1, title: Quiz, outcomes: [LO1]}
    """
    competencies = _Known(_items(course, "competencies"))
    outcomes = _Known(_items(course, "learning_outcomes"))
    # A list the schema refused is unknown, not empty: references to it cannot be judged.
    for index, outcome in enumerate(
        () if ctx.refused("/competencies") else course.learning_outcomes or ()
    ):
        _check_refs(
            ctx,
            outcome.competencies,
            competencies,
            f"/learning_outcomes/{index}/competencies",
            "competency",
            "competencies",
        )
    if ctx.refused("/learning_outcomes"):
        return
    for index, assessment in enumerate(course.assessments or ()):
        _check_refs(
            ctx,
            assessment.outcomes,
            outcomes,
            f"/assessments/{index}/outcomes",
            "learning outcome",
            "learning_outcomes",
        )


class _Known:
    """The ids of one list, and the few of them a message names, worked out once per file
    (for the first bad reference): sorting the ids again for each item with a bad reference
    would cost the list's size times the number of items."""

    def __init__(self, items: Iterable[_HasId]) -> None:
        self.ids = {item.id for item in items if item.id}
        self._listed = ""

    @property
    def listed(self) -> str:
        if not self._listed:
            # A message names a few ids, not thousands: a file of many bad references must
            # not make a report of megabytes.
            ids = sorted(self.ids)
            self._listed = ", ".join(ids[:_LISTED]) or "none"
            if len(ids) > _LISTED:
                self._listed += f" and {len(ids) - _LISTED:,} more"
        return self._listed


def _check_refs(
    ctx: RuleContext,
    refs: Sequence[str] | None,
    known: _Known,
    pointer: str,
    label: str,
    target: str,
) -> None:
    for index, ref in enumerate(refs or ()):
        if ref not in known.ids:
            ctx.report(
                f"{pointer}/{index}",
                f"There is no {label} with the id '{ref}' (ids in {target}: {known.listed}).",
                fix=f"Correct the id, or add a {label} '{ref}' to {target}.",
            )


_LISTED = 10


def _prefix(key: str) -> str:
    return {"competencies": "C", "learning_outcomes": "LO", "assessments": "A"}[key]


DUPLICATE_COURSE_ID = _engine_rule(
    "MC040",
    "duplicate-course-id",
    "a course's id is a stable identifier, unique in a catalogue",
    "fields",
    """Two files of the catalogue checked together have the same course id.

    The files checked in one run form a catalogue, and a course's ``id`` (the file stem when
    the file gives none) identifies it there: in exports, badges and registries, and in
    other courses' ``stacks_into``. Two courses with one id cannot be told apart. The
    finding is reported at each file, naming the other(s). A check of one file alone cannot
    see this: check the catalogue's files together (a directory, or ``--jobs``: the result is
    the same).

    Fails::

        (checked together, courses/mass-timber.yaml and courses/mass-timber-2025.yaml both
        say 'id: mass-timber')

    Passes::

        (checked together, courses/mass-timber.yaml says 'id: mass-timber' and
        courses/mass-timber-2025.yaml 'id: mass-timber-2025')
    """,
)

UNKNOWN_PATHWAY_TARGET = _engine_rule(
    "MC041",
    "unknown-pathway-target",
    "stacks_into lists ids or names of larger credentials",
    "fields",
    """A pathway entry written as a course id names no course of the catalogue.

    ``pathways.stacks_into`` and ``pathways.ladders_into[].credential`` hold the ids or the
    names of larger credentials. An entry written as an id (lowercase words joined by
    hyphens, such as ``mass-timber-advanced``) is looked up among the ids of the files
    checked with it; a name (``Certificate in Mass Timber Construction``) is not. Reported
    only when two or more course files are checked together, since one file alone is no
    catalogue. A warning: the id may belong to a credential kept outside these files, and
    then its name says more.

    Fails::

        (checked with the other files of the catalogue, none of which has this id)
        pathways:
          stacks_into: [mass-timber-advanced]

    Passes::

        (the id is a course checked with it, or the entry is a credential's name)
        pathways:
          stacks_into: [Certificate in Mass Timber Construction]
    """,
    Severity.WARNING,
)

PATHWAY_CYCLE = _engine_rule(
    "MC042",
    "pathway-cycle",
    "stacks_into lists ids or names of larger credentials",
    "fields",
    """Pathways between the catalogue's courses lead back to where they start.

    A course stacks (or ladders) into a larger credential; when the ids of the catalogue's
    files make a circle (``a`` stacks into ``b``, ``b`` into ``a``, or a course into itself),
    none of them is the larger one. The finding is reported at each entry of the circle, with
    the circle spelt out.

    Fails::

        (checked together: a.yaml says 'id: a' and 'pathways: {stacks_into: [b]}', b.yaml
        'id: b' and 'pathways: {stacks_into: [a]}')

    Passes::

        (checked together: a.yaml says 'id: a' and 'pathways: {stacks_into: [b]}', b.yaml
        'id: b' and no pathway back to a)
    """,
    Severity.WARNING,
)

# The rules of the checks across the files of a run, decided only once every file is checked.
ACROSS_FILES = (DUPLICATE_COURSE_ID, UNKNOWN_PATHWAY_TARGET, PATHWAY_CYCLE)

# -- what typing and pasting do to a file (found by mcvalidate.traps) ----------------------------
# The examples hold the characters themselves (written here as escapes): each example's comment
# says where the character is, as it cannot be seen.

INVISIBLE_CHARACTER = _engine_rule(
    "MC050",
    "invisible-character",
    "what YAML reads is what the file shows",
    "principles",
    """A zero-width character is in the file: a zero-width space, joiner or non-joiner
    (U+200B, U+200D, U+200C), a word joiner (U+2060), or a byte-order mark (U+FEFF) anywhere
    but at the very start.

    Text pasted from web pages and word processors brings them along, and nothing shows them:
    ``active`` followed by one is not ``active``, a key holding one is not the field it looks
    like, and two files pasted together leave a byte-order mark in the middle. The finding
    names the character and points at it, also when the file does not parse because of it;
    the fix is to delete it. The rest of the check reads the value as if it were deleted, so
    that ``status: active`` with a zero-width space is one finding, not also an invalid
    status. A joiner between two letters of a script or an emoji that joins them (the
    farmer emoji is a woman, a joiner and a sheaf of rice) is left alone, as is a comment.

    Fails::

        # a zero-width space follows 'active'
        title: Mass timber
        status: active\u200b

    Passes::

        title: Mass timber
        status: active
    """,
)

LOOKALIKE_SPACE = _engine_rule(
    "MC051",
    "lookalike-space",
    "what YAML reads is what the file shows",
    "principles",
    """A non-breaking space (U+00A0), or another space that is not the plain space (a thin,
    narrow or ideographic space), stands where YAML needs a plain space or where it changes a
    value: in the indentation, right after a key's colon or a list's dash, at the start or
    the end of a value, or in a key.

    It looks like a space and is not one: YAML does not count it as indentation or as the
    space after ``:`` and ``-``, so the line means something else or does not parse, and at
    the end of a value it stays in the value (``active`` and a non-breaking space is not
    ``active``). Word processors put them in when text is pasted. An error, because what YAML
    reads is not what the file shows; the finding names the character, at its line and
    column, also when the file does not parse because of it. The fix is to replace it with a
    plain space (or, at the edge of a value, to delete it), and the rest of the check reads
    the value as if it were deleted: one finding, not also an invalid status.

    Fails::

        # the space after 'active' is a non-breaking space
        title: Mass timber
        status: active\u00a0
        language: en

    Passes::

        title: Mass timber
        status: active
    """,
)

LOOKALIKE_SPACE_IN_TEXT = _engine_rule(
    "MC052",
    "lookalike-space-in-text",
    "what YAML reads is what the file shows",
    "principles",
    """A non-breaking space (or another space that is not the plain space) stands between two
    words of a text.

    There it changes nothing a reader sees, and a word processor puts it there on purpose to
    keep two words on one line (``10 km``, or before a colon in French), so this is only
    information: a search or a comparison of the text finds another character there than the
    space it shows. Replace it with a plain space unless it is meant. Where such a space
    changes what YAML reads (the indentation, after a colon, at the end of a value), MC051
    reports it instead, as an error.

    Fails::

        # the space between 'Mass' and 'timber' is a non-breaking space
        title: Mass\u00a0timber

    Passes::

        title: Mass timber
    """,
    Severity.INFO,
)

CURLY_QUOTES = _engine_rule(
    "MC053",
    "curly-quotes",
    "what YAML reads is what the file shows",
    "principles",
    """A value (or a key) is written in curly quotes (\u201c...\u201d or \u2018...\u2019)
    instead of straight ones.

    Word processors turn straight quotes into curly ones, and YAML does not read curly ones
    as quotes: the quote marks become part of the value (a title with the quote marks in
    it, a status that is not one of the choices), and a ``: `` or `` #`` between them breaks
    the line as if there were no quotes. The fix is the same text in straight quotes; the
    rest of the check reads the value without the curly ones. Curly quotes inside a text,
    and a value in straight quotes that holds curly ones, are left alone.

    Fails::

        title: \u201cMass timber: an introduction\u201d

    Passes::

        title: "Mass timber: an introduction"
    """,
)

DASH_BULLET = _engine_rule(
    "MC054",
    "dash-bullet",
    "what YAML reads is what the file shows",
    "principles",
    """A line starts with an en dash, an em dash, a minus sign or a bullet (\u2013 \u2014
    \u2212 \u2022) as if it were a list item.

    Only a hyphen (``-``) followed by a space starts a list item. Lists pasted from a word
    processor start with the others, and YAML reads the lines as one text (or cannot read
    them at all): the list is lost. Each such character is one finding, replacing what the
    schema would say about the value it spoils (that ``prerequisites`` is text and not a
    list); the fix is to replace it with a hyphen. A dash at the start of a line inside a
    block of text (``|`` or ``>``) or in quotes is text, and is left alone.

    Fails::

        title: Mass timber
        prerequisites:
          \u2013 One year of construction industry experience

    Passes::

        title: Mass timber
        prerequisites:
          - One year of construction industry experience
    """,
)

COMMA_SPLITS_ITEM = _engine_rule(
    "MC055",
    "comma-splits-item",
    "free text in a list is written one item a line, or in quotes",
    "principles",
    """A comma inside a list in brackets has probably split one item into two.

    In ``[a, b]`` every comma separates items, so ``[Some farming experience, or permission
    of the coordinator]`` is two prerequisites, ``[Certificate in Sustainable Agriculture,
    Level 1]`` two credentials, and the year of ``[Regional survey, 2024]`` a number of its
    own. Reported when an item starts with a lowercase ``or``, ``and``, ``nor`` or ``but``,
    is a number in a list of text, or is a short ``Level 1``, ``Part 2``, ``Grade 12`` after
    an item of three words or more. A warning: the file is valid, and the items may be
    meant. The fix puts the item in quotes; a list of free text is better written one
    ``- item`` a line, where commas are text.

    Fails::

        title: Mass timber
        prerequisites: [Some farming experience, or permission of the coordinator]

    Passes::

        title: Mass timber
        prerequisites:
          - Some farming experience, or permission of the coordinator
    """,
    Severity.WARNING,
)

HASH_STARTS_COMMENT = _engine_rule(
    "MC056",
    "hash-starts-comment",
    "a comment starts with '#' after a space, so text holding ' #' is quoted",
    "principles",
    """A `` #`` inside an unquoted text has started a comment, cutting the text short.

    ``summary: Small-scale producers #1 problem is soil loss`` keeps only ``Small-scale
    producers``: the rest is a comment, and YAML drops it without a word. Reported when the
    ``#`` follows the text after a single space and is directly followed by a digit
    (``#1``, ``#204``), or by a word and more words (``#MassTimber movement``): a comment
    written as one (``title: Mass timber  # the working title``, ``#draft``, ``#TODO: ...``)
    is not. A warning; the fix puts the whole text in quotes.

    Fails::

        title: Mass timber
        summary: Small-scale producers #1 problem is soil loss

    Passes::

        title: Mass timber  # the working title
        summary: "Small-scale producers #1 problem is soil loss"
    """,
    Severity.WARNING,
)

COLON_STARTS_KEY = _engine_rule(
    "MC057",
    "colon-starts-key",
    "a key ends at the first ': ' of a line, so text holding ': ' is quoted or a block",
    "principles",
    """A text continued on the next line has become a new key, because that line holds
    ``: ``.

    ``summary: Hands-on introduction to mass timber`` followed by ``Fire protection: what the
    code requires`` on the next line is a summary and an unknown field ``Fire protection``:
    the colon made the line a key, and its text is not part of the summary. Reported instead
    of the unknown-key finding (MC010) for a key of several words that follows, on the very
    next line, a value of several words; an error, as that finding is, since the text is
    lost. The fix puts the whole text in quotes, or writes it as a block (``summary: >``
    with the lines indented under it).

    Fails::

        title: Mass timber
        summary: Hands-on introduction to mass timber
        Fire protection: what the code requires

    Passes::

        title: Mass timber
        summary: >
          Hands-on introduction to mass timber.
          Fire protection: what the code requires.
    """,
)

STRAY_WHITESPACE = _engine_rule(
    "MC058",
    "stray-whitespace",
    "what YAML reads is what the file shows",
    "principles",
    """A line ends in spaces or tabs, or is indented with a tab where YAML lets one pass (in a
    list in brackets, or on a line that continues a text).

    Neither changes what YAML reads, and neither can be seen. Blanks at the end of a line make
    a later edit show lines as changed that are not, and some editors remove them unasked. A
    tab in the indentation passes only where the indentation does not matter: the same line
    moved before a field or a list item is a syntax error, because YAML indents with spaces
    only. Information only; the fix deletes the blanks, or turns the tab into spaces (two for
    each tab, the course files' indentation step). The lines of a block of text (``|`` or
    ``>``) are left alone: there the blanks are part of the text.

    Fails::

        # the title's line ends in two spaces
        title: Mass timber\x20\x20
        language: en

    Passes::

        title: Mass timber
    """,
    Severity.INFO,
)

UNKNOWN_FRAMEWORK = _engine_rule(
    "MC059",
    "framework-unknown",
    "'frameworks' names installed rule packs, or 'all'",
    "which-frameworks-apply",
    """A name under ``frameworks:`` is not a rule pack mcvalidate has installed.

    ``frameworks:`` says which packs apply to the file; a name that is not one (a misspelling,
    or a pack not installed here) applies nothing, silently leaving the file unchecked
    against that framework. ``mcvalidate rules`` lists the installed packs. An error, with the
    closest name as the fix.

    Fails::

        title: Mass timber
        frameworks: [bc-framwork]

    Passes::

        title: Mass timber
        frameworks: [bc-framework]
    """,
    sticky=True,
)

OUTSIDE_SCOPE = _engine_rule(
    "MC060",
    "outside-scope",
    "a framework binds the offerings of its own jurisdiction or funding program",
    "which-frameworks-apply",
    """The run asked for a framework whose scope this file is outside, so its rules were not
    run on it.

    Each framework's pack declares where it applies: the B.C. Framework to B.C.'s
    institutions (``issuer.region: CA-BC``), NZQA's rules to New Zealand (``issuer.country:
    NZ``), a funding profile to the offerings its program funds (``funding.programs``). When
    the run names a pack (``--framework``, the configuration's ``frameworks``) and the file
    says its issuer is elsewhere, a list of that framework's errors would be beside the
    point: the file gets this one note instead. To check it against the framework anyway,
    name the pack in the file's own ``frameworks:`` list; ``mcvalidate matrix`` shows how a
    file fares under every framework, whatever its scope. Information only.

    Fails::

        (run with --framework nzqa) title: Mass timber
        issuer: {name: Example Institute of Technology, country: CA, region: CA-BC}

    Passes::

        (run with --framework nzqa) title: Horticulture spray supervision
        issuer: {name: Example Polytechnic, country: NZ}
    """,
    Severity.INFO,
    sticky=True,
)


@rule(
    id="MC061",
    name="code-unknown",
    severity="error",
    source=_spec("codes are real codes: ISO 3166, ISO 4217 and BCP 47", "principles"),
)
def code_unknown(course: Course, ctx: RuleContext) -> None:
    """A country, region, currency or language code has the right shape but is not a code of
    its registry.

    The schema checks that ``issuer.country`` is two capitals, ``issuer.region`` a country
    code, a hyphen and up to three letters or digits, ``cost.currency`` three capitals and
    ``language`` a language tag's shape. This rule looks the value up in the registry it
    comes from: ISO 3166-1 for the country (``UK`` is no code: the United Kingdom's is
    ``GB``), ISO 3166-2 for the region (``CA-PQ`` is no province; a region of another
    country than ``issuer.country`` is reported too), ISO 4217 for the currency (``CAN`` is
    Canada's country code; its currency is ``CAD``) and BCP 47 for the language, each of its
    parts registered (``fr-QC`` is well-formed, but a region in a tag is a country, so French
    in Quebec is ``fr-CA``; ``eng`` is written ``en``). A code that does not exist means
    nothing to a registry or a badge platform, and the rules that read it misjudge the file:
    a pack's scope is read from the country and the region, the outcome verb checks from the
    language (``eng`` turns them off). Where a close valid value exists, the fix names it.

    ``XK`` (Kosovo) is accepted as a country, although ISO 3166-1 has not assigned it: the
    European Commission and CLDR use it, and Kosovo has no other code. Deprecated language
    subtags that are still registered (``iw`` for Hebrew) and the case of a tag (``EN-us``)
    are not reported. A value the schema refused for its shape (``english``, ``ca``) is
    reported there (MC012), with the code it names, and not again here. The registries come
    from pycountry and langcodes, loaded only when a file has such a value.

    Fails::

        title: Mass timber
        language: fr-QC
        issuer: {country: CA, region: CA-BC}
        cost: {amount: 495, currency: CAN}

    Passes::

        title: Mass timber
        language: fr-CA
        issuer: {country: CA, region: CA-BC}
        cost: {amount: 495, currency: CAD}
    """
    issuer = course.issuer
    country = _written(ctx, "/issuer/country", issuer.country if issuer else None)
    region = _written(ctx, "/issuer/region", issuer.region if issuer else None)
    # The country the other codes are compared with, and their suggestions made for: only a
    # real one (an unknown country is reported, and its region is not judged against it).
    known = None
    if country:
        unknown = codes.unknown_country(country, region)
        if unknown is None:
            known = country
        else:
            ctx.report("/issuer/country", f"issuer.country: {unknown.message}", fix=unknown.fix)
    if region and (unknown := codes.unknown_region(region, known)) is not None:
        ctx.report("/issuer/region", f"issuer.region: {unknown.message}", fix=unknown.fix)
    currency = _written(ctx, "/cost/currency", course.cost.currency if course.cost else None)
    if currency and (unknown := codes.unknown_currency(currency, known)) is not None:
        ctx.report("/cost/currency", f"cost.currency: {unknown.message}", fix=unknown.fix)
    language = _written(ctx, "/language", course.language)
    if language and (unknown := codes.unknown_language(language, known)) is not None:
        ctx.report("/language", f"language: {unknown.message}", fix=unknown.fix)


def _written(ctx: RuleContext, pointer: str, value: str | None) -> str | None:
    """The code at ``pointer``, unless the schema refused it (its shape is reported: MC012)."""
    return None if value is None or ctx.refused(pointer) else value


# What typing and pasting do to a file (mcvalidate.traps finds them before the schema stage).
TRAPS = (
    INVISIBLE_CHARACTER,
    LOOKALIKE_SPACE,
    LOOKALIKE_SPACE_IN_TEXT,
    CURLY_QUOTES,
    DASH_BULLET,
    COMMA_SPLITS_ITEM,
    HASH_STARTS_COMMENT,
    COLON_STARTS_KEY,
    STRAY_WHITESPACE,
)

FORMAT_PACK = Pack(
    name=FORMAT,
    title="Course format, version 1",
    framework=SPEC,
    version="1",
    url=SPEC_URL,
    prefix="MC",
    rules=(
        YAML_SYNTAX,
        UNREADABLE,
        DUPLICATE_KEY,
        UNSAFE_TAG,
        NOT_A_MAPPING,
        MERGE_KEY,
        LIMIT,
        INTERNAL_ERROR,
        UNKNOWN_KEY,
        INVALID_TYPE,
        INVALID_VALUE,
        MISSING_REQUIRED,
        missing_id,
        duplicate_id,
        unknown_reference,
        INVALID_IGNORE,
        IGNORE_WITHOUT_REASON,
        UNUSED_IGNORE,
        STALE_BASELINE,
        UNKNOWN_FRAMEWORK,
        OUTSIDE_SCOPE,
        *ACROSS_FILES,
        *TRAPS,
        code_unknown,
    ),
)
