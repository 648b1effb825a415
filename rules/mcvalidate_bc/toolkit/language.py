"""Rules on how learning outcomes are worded: an observable verb, not a vague one, one action.

The Toolkit's Design chapter has learning outcomes defined in the ADDIE Design step, but no
rule on how to word them was visible in the parts of the Toolkit that could be read. These
checks are mcvalidate's reading of common outcome-writing practice (Bloom's revised taxonomy);
B.C. institutions' published micro-credential outcomes follow the same pattern (BCIT's start
with Identify, Describe, Explain, Summarize). They are info notes, never warnings.

The verb lists are ``verbs/<language>-action.txt`` and ``verbs/<language>-vague.txt`` (their
headers say how they were made). mcvalidate ships English and French; a course in another
language is not checked, rather than checked against the wrong list.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate.text import capitalized, filled, listing
from mcvalidate_bc.naming import outcome_name, statement_pointer
from mcvalidate_bc.sources import toolkit

DESIGN = "Design Considerations: Practical Guide"
# The three wording rules read the same lists, so they take the same options; set them once for
# all three with the pack's name: rule_options: {bc-toolkit: {action_verbs: [triage]}}.
VERB_OPTIONS: dict[str, list[str]] = {"action_verbs": [], "vague_verbs": []}
SOURCE = toolkit(DESIGN, "ADDIE Design step: learning outcomes", "inferred")
# Where outcome_starts keeps its analysis in ctx.shared, for the three rules to share.
STARTS_KEY = "bc-toolkit/starts"

_APOSTROPHES = str.maketrans({c: "'" for c in "\u2019\u2018\u02bc\u2032`\u00b4"})
_WORD = r"[^\W\d_]+(?:['-][^\W\d_]+)*"

# Lead-ins written before the verb, stripped in this order: an opening clause ("By the end of
# this course,"), a subject and modal ("Learners will"), then "be able to".
_LEAD_INS: dict[str, tuple[re.Pattern[str], ...]] = {
    "en": (
        re.compile(
            r"^(?:by the end|at the end|upon|on|after|following)\b[^,:]*[,:]\s*", re.IGNORECASE
        ),
        re.compile(
            r"^(?:the )?(?:successful )?(?:learners?|students?|participants?|graduates?|"
            r"trainees?|candidates?|you) (?:will|should|shall|can|must|(?:are|is)(?= able\b))\s+",
            re.IGNORECASE,
        ),
        re.compile(r"^(?:be )?able to\b[\s:]*", re.IGNORECASE),
    ),
    "fr": (
        re.compile(r"^(?:à la fin|au terme|à l'issue|après)\b[^,:]*[,:]\s*", re.IGNORECASE),
        re.compile(
            r"^(?:l'|le |la |les )?(?:personnes? apprenantes?|apprenante?s?|étudiante?s?|"
            r"participante?s?|élèves?) (?:sera|seront|pourra|pourront|devra|devront|doit|"
            r"doivent|est|sont)\s+",
            re.IGNORECASE,
        ),
        re.compile(r"^(?:être )?(?:capables?|en mesure) (?:de |d')[\s:]*", re.IGNORECASE),
    ),
}

# Words joining two actions ("Identify and describe ..."), and fillers that may follow them.
_JOINS = {
    "en": r"(?:[,;]|\b(?:and/or|and|or|as well as)\b)\s*(?:(?:then|also) )?",
    "fr": r"(?:[,;]|\b(?:et/ou|et|ou|ainsi que)\b)\s*(?:(?:puis|ensuite|aussi|également) )?",
}
# After one of these, a word of the noun-ambiguity list is a verb taking an object.
_DETERMINERS = {
    "en": frozenset(
        {
            *("a", "an", "the", "this", "that", "these", "those", "each", "every", "all"),
            *("any", "some", "both", "several", "their", "its", "his", "her", "our", "your"),
            *("my", "one", "two", "three"),
        }
    ),
}
# A word followed by this is a noun ("the design and use of ladders").
_OF = {"en": "of"}

# Observable verbs suggested in place of a vague one, by what the vague wording is about.
_SUGGESTIONS = {
    "en": (
        (("understand", "comprehen", "grasp", "insight"), ("explain", "describe", "summarize")),
        (
            ("know", "familiar", "aware", "acquainted", "exposed", "introduced", "learn"),
            ("describe", "identify", "list"),
        ),
        (
            ("appreciat", "value", "importance", "significance", "believe", "accept"),
            ("explain", "justify", "evaluate"),
        ),
        ((), ("identify", "explain", "apply", "evaluate")),
    ),
    "fr": (
        (("compr", "saisir", "assimil"), ("expliquer", "décrire", "résumer")),
        (
            ("conna", "savoir", "famili", "consci", "initi", "sensibilis", "expos", "apprendre"),
            ("identifier", "décrire", "énumérer"),
        ),
        (("importance", "appréci", "valoris", "croire"), ("expliquer", "justifier", "évaluer")),
        ((), ("identifier", "expliquer", "appliquer", "évaluer")),
    ),
}


@dataclass(frozen=True)
class Verbs:
    """The verb lists of one language."""

    language: str
    action: frozenset[str]
    vague: re.Pattern[str]
    vague_words: frozenset[str]
    ambiguous: frozenset[str]

    def forms(self, word: str) -> set[str]:
        """``word`` and the base forms it may be written for ("describes" -> "describe")."""
        word = word.lower()
        forms = {word}
        if self.language == "en":
            if word.endswith("ies"):
                forms.add(word[:-3] + "y")
            if word.endswith("es"):
                forms.add(word[:-2])
            if word.endswith("s"):
                forms.add(word[:-1])
        return forms


@dataclass(frozen=True)
class Start:
    """How an outcome statement starts, once lead-ins are stripped."""

    text: str
    """The statement from its verb on (case kept, spaces and apostrophes normalised)."""
    first: str
    """Its first word, as written ("" when it starts with no word)."""
    vague: str
    """The vague verb or phrase it starts with, as written ("" when none)."""
    vague_end: int
    action: bool
    """Its first word is an action verb."""


def _lines(name: str) -> list[str]:
    path = resources.files("mcvalidate_bc.toolkit") / "verbs" / name
    return path.read_text(encoding="utf-8").splitlines()


def _entries(lines: list[str]) -> list[str]:
    return [
        _normalise(line).lower()
        for line in lines
        if line.strip() and not line.lstrip().startswith("#")
    ]


def _ambiguous(lines: list[str]) -> frozenset[str]:
    """The words of the "Caution for the compound-outcome check" paragraph of a list's header:
    after its last colon, comma-separated, up to the next empty comment line."""
    paragraph: list[str] = []
    for line in lines:
        if not line.startswith("#"):
            break
        text = line.lstrip("#").strip()
        if (paragraph and text) or text.lower().startswith("caution"):
            paragraph.append(text)
        elif paragraph:
            break
    words = " ".join(paragraph).rpartition(":")[2]
    return frozenset(w.strip(" .").lower() for w in words.split(",") if w.strip(" ."))


def _phrase_pattern(entry: str, language: str) -> str:
    words = [re.escape(w) for w in entry.split()]
    if language == "fr" and len(words) > 1:
        # "conscient de" also covers "conscient des", "du" and "d'"; "à" covers "au", "aux".
        if words[-1] == "de":
            words[-1] = "(?:de|des|du|d')"
        elif words[-1] == "à":
            words[-1] = "(?:à|au|aux)"
    return r"\s+".join(words)


@functools.cache
def verbs(
    language: str, extra_action: tuple[str, ...] = (), extra_vague: tuple[str, ...] = ()
) -> Verbs | None:
    """The verb lists of ``language`` (a primary subtag), with the configuration's extra
    entries (rule options ``action_verbs`` and ``vague_verbs``), or None when no list is
    shipped for the language."""
    if not re.fullmatch(r"[a-z]{2,3}", language):
        return None
    try:
        action_lines = _lines(f"{language}-action.txt") + list(extra_action)
        vague_lines = _lines(f"{language}-vague.txt") + list(extra_vague)
    except OSError:
        return None
    vague = sorted(set(_entries(vague_lines)), key=len, reverse=True)
    alternatives = "|".join(_phrase_pattern(v, language) for v in vague)
    return Verbs(
        language=language,
        action=frozenset(_entries(action_lines)),
        vague=re.compile(rf"^(?:{alternatives})(?:(?<=')|(?![^\W\d_]))", re.IGNORECASE),
        vague_words=frozenset(v for v in vague if " " not in v and "'" not in v),
        ambiguous=_ambiguous(action_lines),
    )


def course_verbs(course: Course, ctx: RuleContext) -> Verbs | None:
    """The verb lists for the course's language (English when it gives none)."""
    primary = (course.language or "en").split("-")[0].lower()
    extra_action = tuple(ctx.options.get("action_verbs", ()))
    extra_vague = tuple(ctx.options.get("vague_verbs", ()))
    return verbs(primary, extra_action, extra_vague)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    return " ".join(text.split())


def outcome_starts(course: Course, ctx: RuleContext) -> list[tuple[int, Start, Verbs]]:
    """Each worded outcome's index and how it starts, in the course's language; nothing when
    mcvalidate ships no verb list for that language (it never guesses).

    The three wording rules ask this of the same file one after the other: the answer is kept
    in the file's ``ctx.shared`` (by verb lists, since each rule may have its own options), so
    each statement is analysed once."""
    lists = course_verbs(course, ctx)
    if lists is None:
        return []
    analyses: dict[Verbs, list[tuple[int, Start, Verbs]]]
    analyses = ctx.shared.setdefault(STARTS_KEY, {})
    if lists not in analyses:
        analyses[lists] = [
            (index, start(outcome.statement, lists), lists)
            for index, outcome in enumerate(course.learning_outcomes or ())
            if filled(outcome.statement)
        ]
    return analyses[lists]


def start(statement: str, lists: Verbs) -> Start:
    """Strip the lead-ins of ``statement`` and say how what is left starts."""
    text = _normalise(statement)
    text = re.sub(r"^[\W_]+", "", text)
    for pattern in _LEAD_INS.get(lists.language, ()):
        text = pattern.sub("", text, count=1)
    text = re.sub(r"^[\W_]+", "", text)
    word = re.match(_WORD, text)
    first = word.group(0) if word else ""
    vague, vague_end = "", 0
    match = lists.vague.match(text)
    if match:
        vague, vague_end = match.group(0), match.end()
    elif first and lists.forms(first) & lists.vague_words:
        vague, vague_end = first, len(first)
    action = bool(first) and bool(lists.forms(first) & lists.action)
    return Start(text, first, vague, vague_end, action)


def _suggested(vague: str, language: str) -> tuple[str, ...]:
    lowered = vague.lower()
    for stems, verbs_ in _SUGGESTIONS[language]:
        if not stems or any(s in lowered for s in stems):
            return verbs_
    return ()


def _quoted(words: list[str] | tuple[str, ...], conjunction: str = "or") -> str:
    return listing([f"'{capitalized(w)}'" for w in words], conjunction)


def compound_verbs(begin: Start, lists: Verbs) -> list[str]:
    """The action verbs joined to the first one by "and", "or", "," ... (as written)."""
    text = begin.text
    found: list[str] = []
    joined = re.compile(rf"{_JOINS[lists.language]}(?P<word>{_WORD})", re.IGNORECASE)
    after = re.compile(rf"\s+(?P<next>{_WORD})")
    determiners = _DETERMINERS.get(lists.language, frozenset())
    of = _OF.get(lists.language)
    for match in joined.finditer(text, len(begin.first)):
        word = match.group("word")
        lowered = word.lower()
        if lowered not in lists.action:
            continue
        following = after.match(text, match.end())
        next_word = following.group("next").lower() if following else ""
        if of is not None and next_word == of:
            continue  # "the design and use of ladders": a noun
        if lowered in lists.ambiguous and next_word not in determiners:
            continue  # "a plan, schedule and budget": nouns unless an object follows
        found.append(word)
    return found


@rule(
    id="BCT007",
    name="outcome-action-verb",
    severity="info",
    source=SOURCE,
    options=VERB_OPTIONS,
)
def outcome_action_verb(course: Course, ctx: RuleContext) -> None:
    """Each learning outcome starts with an observable action verb.

    An outcome that starts with a verb such as Identify, Install or Evaluate names something a
    learner does that an assessor can see and judge. Lead-ins such as "Learners will be able
    to" or "L'apprenant sera capable de" are skipped first. The verb is looked up in
    mcvalidate's list for the course's ``language`` (English when it is not given); English
    verbs may be in the -s form ("Identifies"). mcvalidate ships English and French lists and
    does not check outcomes in other languages. An outcome that starts with a vague verb
    (Understand, Know, ...) is reported by BCT008 instead.

    This is mcvalidate's reading, not the Toolkit's words: no rule on how to word outcomes was
    visible in the Toolkit; B.C. institutions' published micro-credential outcomes follow this
    pattern. A verb missing from the list is possible: the note is then safe to ignore.

    Options ``action_verbs`` and ``vague_verbs``: more verbs to accept or to flag, e.g.
    ``[triage, splice]``. BCT007, BCT008 and BCT009 read the same lists: set the options for
    all three at once with ``rule_options: {bc-toolkit: {action_verbs: [triage]}}``.

    Fails::

        title: Mass timber construction
        learning_outcomes:
          - Mass timber products and their uses

    Passes::

        title: Mass timber construction
        learning_outcomes:
          - Learners will be able to identify mass timber products and their uses
    """
    for index, begin, lists in outcome_starts(course, ctx):
        if begin.action or begin.vague:
            continue
        name = capitalized(outcome_name(course, ctx, index))
        examples = _quoted(_suggested("", lists.language)[:3])
        if begin.first:
            what = f"starts with '{begin.first}', which is not an observable action verb"
        else:
            what = "does not start with an action verb"
        ctx.report(
            statement_pointer(ctx, index),
            f"{name} {what}, so it does not say what a learner does to show it.",
            fix=f"Start the statement with a verb naming what the learner will do, such as "
            f"{examples}, followed by what it applies to.",
        )


@rule(
    id="BCT008",
    name="outcome-vague-verb",
    severity="info",
    source=SOURCE,
    options=VERB_OPTIONS,
)
def outcome_vague_verb(course: Course, ctx: RuleContext) -> None:
    """No learning outcome starts with a vague verb such as understand, know or appreciate.

    "Understand", "know", "be aware of" or "demonstrate an understanding of" name a state of
    mind, not something an assessor can observe, so the outcome cannot be assessed as written.
    Phrases are matched before single words ("demonstrate an understanding of" is vague even
    though "demonstrate" is an action verb), after lead-ins such as "Learners will" are
    skipped. The message suggests observable verbs to use instead. English and French are
    checked, in the course's ``language`` (English when it is not given).

    This is mcvalidate's reading of common outcome-writing practice, not the Toolkit's words.

    Options ``vague_verbs`` and ``action_verbs``: more vague phrases to flag, e.g.
    ``[be exposed to]``, or verbs to accept; shared with BCT007 and BCT009 (see BCT007).

    Fails::

        title: Cloud bookkeeping
        learning_outcomes:
          - Understand the double-entry bookkeeping cycle

    Passes::

        title: Cloud bookkeeping
        learning_outcomes:
          - Explain the double-entry bookkeeping cycle
    """
    for index, begin, lists in outcome_starts(course, ctx):
        if not begin.vague:
            continue
        name = capitalized(outcome_name(course, ctx, index))
        suggested = _suggested(begin.vague, lists.language)
        kind = "phrase" if " " in begin.vague or "'" in begin.vague else "verb"
        rest = begin.text[begin.vague_end :].strip()
        example = f", for example '{capitalized(suggested[0])} {rest}'" if rest else ""
        ctx.report(
            statement_pointer(ctx, index),
            f"{name} starts with the vague {kind} '{begin.vague}', which names a state of "
            "mind an assessor cannot observe.",
            fix=f"Start with an observable verb such as {_quoted(suggested)}{example}.",
        )


@rule(
    id="BCT009",
    name="outcome-compound",
    severity="info",
    source=SOURCE,
    options=VERB_OPTIONS,
)
def outcome_compound(course: Course, ctx: RuleContext) -> None:
    """Each learning outcome names one action, not several joined by "and", "or" or commas.

    "Identify and describe the financial statements" is two outcomes: a learner may manage one
    and not the other, and one assessment result cannot say which. The rule looks for an
    action verb from mcvalidate's list right after "and", "or", "and/or", "as well as", a comma
    or a semicolon (French: "et", "ou", "ainsi que"), after the outcome's first verb.

    Many English action verbs are also nouns ("a plan, schedule and budget"). To avoid noting
    lists of nouns, a word followed by "of" is taken as a noun, and the words named in the
    caution paragraph of ``verbs/en-action.txt`` (check, design, plan, report, test, use ...)
    count as verbs only when an article or a possessive follows them ("and report the
    incident"). The rule would rather miss a compound outcome than note a list of nouns. This
    is mcvalidate's reading of outcome-writing practice, not the Toolkit's words.

    Options ``action_verbs`` and ``vague_verbs``: shared with BCT007 and BCT008 (see BCT007).

    Fails::

        title: Cloud bookkeeping
        learning_outcomes:
          - Identify and describe the three main financial statements

    Passes::

        title: Cloud bookkeeping
        learning_outcomes:
          - Describe the purpose and use of the three main financial statements
    """
    for index, begin, lists in outcome_starts(course, ctx):
        if not (begin.action or begin.vague):
            continue  # no verb to start from: BCT007 says so
        others = compound_verbs(begin, lists)
        if not others:
            continue
        verbs_ = [begin.first.lower(), *(w.lower() for w in others)]
        quoted = listing([f"'{v}'" for v in verbs_])
        name = capitalized(outcome_name(course, ctx, index))
        ctx.report(
            statement_pointer(ctx, index),
            f"{name} combines several actions ({quoted}), so one result cannot show which the "
            "learner achieved.",
            fix="Keep one action per outcome: split it into one outcome per verb, or keep the "
            "verb that covers the others.",
        )
