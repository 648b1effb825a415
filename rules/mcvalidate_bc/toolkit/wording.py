"""How a learning outcome statement is worded: its verb, whether that verb is vague, and the
other actions joined to it. The analysis behind the rules in ``language.py``.

It needs no engine and no rule context: give it a statement and the verb lists of a language
(:func:`verbs`), and it says how the statement starts (:func:`start`) and which verbs are joined
to the first one (:func:`compound_verbs`).

Each language mcvalidate checks is one :class:`Language` record in :data:`LANGUAGES` (its
lead-ins, its joining words, the verbs suggested for a vague one, ...) and two verb lists,
``verbs/<code>-action.txt`` and ``verbs/<code>-vague.txt`` (their headers say how they were
made). mcvalidate ships English and French; a course in another language is not checked,
rather than checked against the wrong list.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

_APOSTROPHES = str.maketrans({c: "'" for c in "\u2019\u2018\u02bc\u2032`\u00b4"})
_WORD = r"[^\W\d_]+(?:['-][^\W\d_]+)*"


@dataclass(frozen=True)
class Language:
    """What the wording analysis knows of one language besides its verb lists."""

    code: str
    """The primary language subtag (``en``); the verb lists are ``verbs/<code>-*.txt``."""
    lead_ins: tuple[re.Pattern[str], ...]
    """Lead-ins written before the verb, stripped in this order: an opening clause ("By the end
    of this course,"), a subject and modal ("Learners will"), then "be able to"."""
    joins: str
    """A pattern of the words joining two actions ("Identify and describe ..."), and of the
    fillers that may follow them ("and then")."""
    suggestions: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    """Observable verbs suggested in place of a vague one, by what the vague wording is about:
    ``(stems, verbs)`` pairs, the first whose stem is in the vague wording wins; the last has no
    stems and is suggested otherwise."""
    determiners: frozenset[str] = frozenset()
    """After one of these, a word of the noun-ambiguity list is a verb taking an object."""
    of: str | None = None
    """A word followed by this is a noun ("the design and use of ladders")."""
    endings: tuple[tuple[str, str], ...] = ()
    """``(written, base)`` endings of the forms a verb may be written in ("describes")."""
    contractions: tuple[tuple[str, str], ...] = ()
    """``(word, pattern)``: a vague phrase ending with ``word`` also ends with any form that
    ``pattern`` matches ("conscient de" covers "conscient des", "du" and "d'")."""


ENGLISH = Language(
    code="en",
    lead_ins=(
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
    joins=r"(?:[,;]|\b(?:and/or|and|or|as well as)\b)\s*(?:(?:then|also) )?",
    suggestions=(
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
    determiners=frozenset(
        {
            *("a", "an", "the", "this", "that", "these", "those", "each", "every", "all"),
            *("any", "some", "both", "several", "their", "its", "his", "her", "our", "your"),
            *("my", "one", "two", "three"),
        }
    ),
    of="of",
    endings=(("ies", "y"), ("es", ""), ("s", "")),
)

FRENCH = Language(
    code="fr",
    lead_ins=(
        re.compile(r"^(?:à la fin|au terme|à l'issue|après)\b[^,:]*[,:]\s*", re.IGNORECASE),
        re.compile(
            r"^(?:l'|le |la |les )?(?:personnes? apprenantes?|apprenante?s?|étudiante?s?|"
            r"participante?s?|élèves?) (?:sera|seront|pourra|pourront|devra|devront|doit|"
            r"doivent|est|sont)\s+",
            re.IGNORECASE,
        ),
        re.compile(r"^(?:être )?(?:capables?|en mesure) (?:de |d')[\s:]*", re.IGNORECASE),
    ),
    joins=r"(?:[,;]|\b(?:et/ou|et|ou|ainsi que)\b)\s*(?:(?:puis|ensuite|aussi|également) )?",
    suggestions=(
        (("compr", "saisir", "assimil"), ("expliquer", "décrire", "résumer")),
        (
            ("conna", "savoir", "famili", "consci", "initi", "sensibilis", "expos", "apprendre"),
            ("identifier", "décrire", "énumérer"),
        ),
        (("importance", "appréci", "valoris", "croire"), ("expliquer", "justifier", "évaluer")),
        ((), ("identifier", "expliquer", "appliquer", "évaluer")),
    ),
    contractions=(("de", "(?:de|des|du|d')"), ("à", "(?:à|au|aux)")),
)

LANGUAGES: Mapping[str, Language] = MappingProxyType({x.code: x for x in (ENGLISH, FRENCH)})
"""The languages whose outcomes are checked, by code."""


@dataclass(frozen=True)
class Verbs:
    """The verb lists of one language."""

    language: Language
    action: frozenset[str]
    vague: re.Pattern[str]
    vague_words: frozenset[str]
    ambiguous: frozenset[str]

    def forms(self, word: str) -> set[str]:
        """``word`` and the base forms it may be written for ("describes" -> "describe")."""
        word = word.lower()
        forms = {word}
        for written, base in self.language.endings:
            if word.endswith(written):
                forms.add(word[: -len(written)] + base)
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


def _phrase_pattern(entry: str, language: Language) -> str:
    written = entry.split()
    words = [re.escape(w) for w in written]
    contractions = dict(language.contractions)
    if len(words) > 1 and written[-1] in contractions:
        words[-1] = contractions[written[-1]]
    return r"\s+".join(words)


@functools.cache
def verbs(
    language: str, extra_action: tuple[str, ...] = (), extra_vague: tuple[str, ...] = ()
) -> Verbs | None:
    """The verb lists of ``language`` (a primary subtag), with the configuration's extra
    entries (rule options ``action_verbs`` and ``vague_verbs``), or None when mcvalidate does
    not check the language (no record in :data:`LANGUAGES`, or no verb list shipped)."""
    record = LANGUAGES.get(language)
    if record is None:
        return None
    try:
        action_lines = _lines(f"{record.code}-action.txt") + list(extra_action)
        vague_lines = _lines(f"{record.code}-vague.txt") + list(extra_vague)
    except OSError:
        return None
    vague = sorted(set(_entries(vague_lines)), key=len, reverse=True)
    alternatives = "|".join(_phrase_pattern(v, record) for v in vague)
    return Verbs(
        language=record,
        action=frozenset(_entries(action_lines)),
        vague=re.compile(rf"^(?:{alternatives})(?:(?<=')|(?![^\W\d_]))", re.IGNORECASE),
        vague_words=frozenset(v for v in vague if " " not in v and "'" not in v),
        ambiguous=_ambiguous(action_lines),
    )


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    return " ".join(text.split())


def start(statement: str, lists: Verbs) -> Start:
    """Strip the lead-ins of ``statement`` and say how what is left starts."""
    text = _normalise(statement)
    text = re.sub(r"^[\W_]+", "", text)
    for pattern in lists.language.lead_ins:
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


def suggested(vague: str, language: Language) -> tuple[str, ...]:
    """The observable verbs to suggest in place of the ``vague`` wording ("" for any)."""
    lowered = vague.lower()
    for stems, verbs_ in language.suggestions:
        if not stems or any(s in lowered for s in stems):
            return verbs_
    return ()


def compound_verbs(begin: Start, lists: Verbs) -> list[str]:
    """The action verbs joined to the first one by "and", "or", "," ... (as written)."""
    text = begin.text
    found: list[str] = []
    joined = re.compile(rf"{lists.language.joins}(?P<word>{_WORD})", re.IGNORECASE)
    after = re.compile(rf"\s+(?P<next>{_WORD})")
    determiners = lists.language.determiners
    of = lists.language.of
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
