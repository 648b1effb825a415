"""How a learning outcome statement is worded: whether it starts with a verb at all, whether that
verb is vague, and the other actions joined to it. The analysis behind the rules in
``language.py``.

It needs no engine and no rule context: give it a statement and the verb lists of a language
(:func:`verbs`), and it says how the statement starts (:func:`start`) and which verbs are joined
to the first one (:func:`compound_verbs`).

Verbs are an open class: a trade, a clinic or a farm has its own ("Splice", "Palpate",
"Graze"), and no list holds them all. So the analysis does not ask whether the first word is a
known verb; it asks whether the statement is recognisably *not* an action: it starts with a
closed-class word ("The", "To", "How"), a noun that heads a topic ("Knowledge of",
"Introduction to"), a word shaped like a noun (a gerund "Welding safety", "-tion" before "to" or
"and") or, in French, a word that is not an infinitive. Anything else is taken as a verb. The
verb lists serve where the shape of a word cannot decide: a listed word is a verb even when it
looks like a noun ("Document", "Function"), and it is a second action after "and" or a comma.

Each language mcvalidate checks is one :class:`Language` record in :data:`LANGUAGES` (its
lead-ins, its closed word classes, its joining words, the verbs suggested for a vague one, ...)
and two verb lists, ``verbs/<code>-action.txt`` and ``verbs/<code>-vague.txt`` (their headers
say where the words come from). mcvalidate ships English and French; a course in another
language is not checked, rather than checked against the wrong grammar.
"""

from __future__ import annotations

import functools
import re
import string
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

_APOSTROPHES = str.maketrans({c: "'" for c in "\u2019\u2018\u02bc\u2032`\u00b4"})
_WORD = r"[^\W\d_]+(?:['-][^\W\d_]+)*"
_VOWELS = frozenset("aeiouyàâéèêëîïôûù")
# A noun ending counts only after a stem this long: "station" and "balance" are verbs too, and
# their stems ("st", "bal") are short; "introduction" and "maintenance" are not.
_NOUN_STEM = 4
# Punctuation the compound check reads: joins (",", ";"), a sentence's end (".") and a colon.
_MARKS = ",;:."


class Language(NamedTuple):
    """What the wording analysis knows of one language besides its verb lists: its lead-ins,
    its closed word classes and the shapes of its words.

    A named tuple rather than a dataclass: with its 34 fields, a frozen dataclass cost every
    run 15 M instructions at import (Python compiling its generated methods), a named tuple
    under 3 M."""

    code: str
    """The primary language subtag (``en``); the verb lists are ``verbs/<code>-*.txt``."""
    lead_ins: tuple[re.Pattern[str], ...]
    """Lead-ins written before the verb, stripped in this order: an opening clause ("By the end
    of this course,"), a subject and modal ("Learners will"), then "be able to"."""
    coordinators: tuple[str, ...]
    """The words joining two actions ("and", "and/or", "as well as"), besides "," and ";"."""
    suggestions: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    """Observable verbs suggested in place of a vague one, by what the vague wording is about:
    ``(stems, verbs)`` pairs, the first whose stem is in the vague wording wins; the last has no
    stems and is suggested otherwise."""
    function_words: frozenset[str]
    """Closed classes that never start a verb: articles, determiners, pronouns, prepositions,
    conjunctions, question words ("The", "To", "How"). A statement starting with one states no
    action, and one of them after "and" is not a second action."""
    nominal_heads: frozenset[str]
    """Nouns that head a topic or a state, not an action ("Knowledge", "Introduction",
    "Principles"), and the nouns naming the learners ("Students ..." without "will")."""
    verb_form: str = "a verb"
    """How the messages name what an outcome should start with."""
    adjectives: frozenset[str] = frozenset()
    """Adjectives that are never verbs, which start a topic rather than an action ("Basic
    metallurgy", "Effective communication")."""
    determiners: frozenset[str] = frozenset()
    """Words that start a verb's object: a word followed by one of these is a verb ("and grind
    a joint"), unless it is a closed-class word."""
    fillers: frozenset[str] = frozenset()
    """Words that may follow a joining word without ending the join ("and then")."""
    of: str | None = None
    """A word followed by this is a noun ("Knowledge of", "the design and use of ladders")."""
    of_verbs: frozenset[str] = frozenset()
    """The verbs that do take ``of`` right after them ("Dispose of")."""
    links: frozenset[str] = frozenset()
    """Prepositions and conjunctions: a first word shaped like a noun ("Introduction",
    "Maintenance") and followed by one of these is a noun."""
    noun_endings: tuple[str, ...] = ()
    """Endings of nouns ("-tion", "-ment"), read as nouns only before a link or at the end."""
    gerund: str = ""
    """The ending of a gerund ("-ing"): a first word ending so, with a vowel before it, names a
    topic ("Welding safety"); the few verbs with this ending have no vowel before it ("bring",
    "string")."""
    adverb: str = ""
    """The ending of an adverb ("-ly"): adverbs before the verb are skipped ("Chemically relax
    hair"), and an adverb after "and" is not a second action."""
    adverbs: frozenset[str] = frozenset()
    """Adverbs without that ending ("always", "well", "together"), read as adverbs too."""
    inflected: re.Pattern[str] | None = None
    """Endings of words that are not a verb's base form, a past participle ("required") or a
    plural ("materials"): such a word after "and" is not a second action."""
    infinitive: re.Pattern[str] | None = None
    """When given, the form every verb of an outcome takes (a French outcome starts with an
    infinitive): a first word of another form is not a verb."""
    purposes: frozenset[str] = frozenset()
    """Words after which verbs are not the learner's actions but what they serve ("ways to
    organize, provide and evaluate", "by setting, planning and scheduling", "such as"), up to
    the next semicolon or the end of the sentence."""
    infinitive_markers: frozenset[str] = frozenset()
    """Words that start a purpose only before a verb ("to provide", not "to a variety")."""
    clauses: frozenset[str] = frozenset()
    """Words starting a clause whose verbs are not the learner's ("care that recognizes and
    respects"), up to the next comma."""
    light: frozenset[str] = frozenset()
    """Prepositions that may stand between two joined verbs ("Advocate for and facilitate")."""
    elision: str = ""
    """A pattern of the elided words written before another ("d'", "l'"), read as words."""
    reflexive: frozenset[str] = frozenset()
    """Reflexive pronouns before a verb ("Se servir"): the verb is the next word."""
    be: tuple[str, ...] = ()
    """The forms the first word "be" of a vague phrase also matches ("is", "are")."""
    articles: frozenset[str] = frozenset()
    """Articles: in a vague phrase, one matches any article or none, and up to two more words
    ("demonstrate a thorough understanding of")."""
    endings: tuple[tuple[str, str], ...] = ()
    """``(written, base)`` endings of the forms a verb may be written in ("describes")."""
    contractions: tuple[tuple[str, str], ...] = ()
    """``(word, pattern)``: a vague phrase ending with ``word`` also ends with any form that
    ``pattern`` matches ("conscient de" covers "conscient des", "du" and "d'")."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ENGLISH = Language(
    code="en",
    lead_ins=(
        re.compile(
            r"^(?:by the end|at the end|upon|on|after|following)\b[^,:]*[,:]\s*", re.IGNORECASE
        ),
        re.compile(
            r"^(?:the )?(?:successful )?(?:learners?|students?|participants?|graduates?|"
            r"trainees?|candidates?|apprentices?|you|they)"
            r"(?:(?: will| should| shall| can| must| may|'ll)(?: be expected to)?\s+"
            r"|(?= (?:are|is)\b)\s*)",
            re.IGNORECASE,
        ),
        re.compile(r"^(?:(?:are|is) )?(?:be )?(?:able|expected) to\b[\s:]*", re.IGNORECASE),
    ),
    coordinators=("and/or", "and", "or", "as well as"),
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
    function_words=_words(
        # articles, determiners, quantifiers and possessives
        "a an the this that these those each every all any some both several many much most"
        " more few fewer less other another such no either neither various my your his her"
        " its our their whose"
        # pronouns
        " i we you he she it they me us him them one someone everyone anyone something"
        " everything anything there here"
        # prepositions
        " of in on at to for with within without by from into onto through throughout about"
        " above below under over between among across after before during upon via per"
        " toward towards against beyond around along regarding concerning unlike despite"
        " since until than versus vs"
        # conjunctions, question words, auxiliaries, negation
        " and or but nor if when while whereas because although though unless whether so as"
        " what which who whom how why where will would shall should could may might must"
        " was were been being has had not never"
    ),
    nominal_heads=_words(
        # topics and states of mind (Davenport's "phrases to avoid" are these nouns + "of")
        "knowledge understanding introduction intro overview awareness appreciation"
        " familiarity familiarization familiarisation acquaintance comprehension enjoyment"
        " interest capacity intelligence insight exposure importance mastery basics"
        " fundamentals principles concepts foundations essentials elements theory theories"
        " history types kinds methods techniques skills competence competency competencies"
        " proficiency ability abilities orientation literacy role roles responsibilities"
        " issues topics trends aspects ethics safety"
        # the learners, as a subject without "will"
        " student students learner learners participant participants graduate graduates"
        " trainee trainees candidate candidates apprentice apprentices"
    ),
    adjectives=_words(
        "basic fundamental essential effective efficient advanced general common different"
        " current main important appropriate relevant practical theoretical technical"
        " successful introductory foundational specific typical traditional modern"
        " contemporary professional personal ethical critical cultural social legal historical"
        " financial environmental clinical occupational industrial residential commercial"
        " electrical mechanical physical mental medical interpersonal organizational"
        " entrepreneurial analytical numerical mathematical scientific economic political"
        " global local regional provincial federal national international public private"
        " new proper standard human"
    ),
    determiners=_words(
        "a an the this these those each every all any some both several their its his her our"
        " your my one two three them it themselves yourself oneself"
    ),
    fillers=_words("then also"),
    of="of",
    of_verbs=_words("dispose approve conceive think beware partake avail despair"),
    links=_words(
        "of to for in on and or with within through at about between among across from into as"
        " by under during"
    ),
    noun_endings=(
        "ation",
        "ition",
        "ution",
        "ction",
        "ption",
        "ssion",
        "ment",
        "ness",
        "ity",
        "ship",
        "ism",
        "ology",
        "ics",
        "ance",
        "ence",
    ),
    gerund="ing",
    adverb="ly",
    adverbs=_words(
        "always often never again together alone well fast hard soon now then too very quite"
        " rather almost enough ahead apart aside away also only"
    ),
    # not "bleed", "dress", "process", "focus", "analysis"
    inflected=re.compile(r"(?:[^e]ed|[^siu]s)$"),
    purposes=_words("to by using including e.g. i.e. like as via") | {"such as"},
    infinitive_markers=_words("to"),
    clauses=_words(
        "that which who whom whose where when whenever while whether if because than how why"
        " what before after without until unless once"
    ),
    light=_words("for with to on in about from into of against upon"),
    be=("be", "is", "are"),
    articles=_words("a an the"),
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
    coordinators=("et/ou", "et", "ou", "ainsi que"),
    suggestions=(
        (("compr", "saisir", "assimil"), ("expliquer", "décrire", "résumer")),
        (
            ("conna", "savoir", "famili", "consci", "initi", "sensibilis", "expos", "apprendre"),
            ("identifier", "décrire", "énumérer"),
        ),
        (("importance", "appréci", "valoris", "croire"), ("expliquer", "justifier", "évaluer")),
        ((), ("identifier", "expliquer", "appliquer", "évaluer")),
    ),
    function_words=_words(
        "le la les l' un une des du de d' au aux ce cet cette ces mon ma mes ton ta tes son sa"
        " ses notre nos votre vos leur leurs chaque tout toute tous toutes plusieurs quelques"
        " certains certaines divers diverses différents différentes aucun aucune autre autres"
        " à en dans par pour sur sous avec sans chez entre contre vers selon depuis pendant"
        " avant après outre et ou mais donc car ni si que qu' qui quoi dont où comment"
        " pourquoi quand lorsque lorsqu' il elle ils elles on nous vous je tu"
    ),
    nominal_heads=_words(
        "connaissance connaissances compréhension introduction initiation notions principes"
        " fondements bases aperçu survol sensibilisation familiarisation atelier métier dossier"
        " chantier cadre centre titre ordre chapitre registre premier première dernier dernière"
        " loisir plaisir avenir"
    ),
    verb_form="a verb in the infinitive",
    determiners=_words("le la les l' un une des du de d' son sa ses leur leurs ce cet cette ces"),
    fillers=_words("puis ensuite aussi également"),
    links=_words("de des du d' à au aux et ou en sur pour avec dans"),
    purposes=_words("pour afin par notamment comme tel tels telle telles"),
    infinitive_markers=_words("de d' à"),
    clauses=_words("qui que qu' dont où lorsque lorsqu' quand comment pourquoi si"),
    light=_words("de d' à avec pour sur en"),
    # A French infinitive ends in -er, -ir or -re; nouns end so too in -ure, -ère, -aire and
    # -oire, whose verbs are few (conclure, faire, croire ...).
    infinitive=re.compile(
        r"(?:clure|faire|plaire|taire|traire|croire|boire)$"
        r"|(?<!u)(?<!è)(?<!ai)(?<!oi)re$|(?:er|ir|ïr)$"
    ),
    elision=r"(?:[cdjlmnst]|qu|lorsqu|puisqu|jusqu)'",
    reflexive=_words("se s'"),
    contractions=(("de", "(?:de|des|du|d')"), ("à", "(?:à|au|aux)")),
)

LANGUAGES: Mapping[str, Language] = MappingProxyType({x.code: x for x in (ENGLISH, FRENCH)})
"""The languages whose outcomes are checked, by code."""


@dataclass(frozen=True, eq=False)
class Verbs:
    """The verb lists of one language.

    :func:`verbs` makes one per language and options, so they are compared by identity: the
    analyses cached by them (:func:`start`, :func:`compound_verbs`) would otherwise hash
    every list on every call, which cost more than the analysis itself."""

    language: Language
    action: frozenset[str]
    """The listed verbs and the configuration's ``action_verbs``."""
    accepted: frozenset[str]
    """The configuration's ``action_verbs`` alone: verbs whatever their shape or what follows."""
    vague: VaguePhrases
    vague_words: frozenset[str]
    ambiguous: frozenset[str]
    tokens: re.Pattern[str]
    """The words and marks the compound check reads, the language's multi-word joins as one."""

    def forms(self, word: str) -> set[str]:
        """``word`` and the base forms it may be written for ("describes" -> "describe")."""
        word = word.lower()
        forms = {word}
        for written, base in self.language.endings:
            if word.endswith(written):
                forms.add(word[: -len(written)] + base)
        return forms

    def known(self, word: str) -> bool:
        """Whether ``word`` (or the base form it is written for) is a listed verb."""
        return bool(self.forms(word) & (self.action | self.vague_words))


class Start(NamedTuple):
    """How an outcome statement starts, once lead-ins (and English adverbs) are stripped."""

    text: str
    """The statement from its verb on (case kept, spaces and apostrophes normalised)."""
    first: str
    """Its first word, as written ("" when it starts with no word)."""
    vague: str
    """The vague verb or phrase it starts with, as written ("" when none)."""
    vague_end: int
    nominal: str
    """The start that shows it does not start with a verb, as written ("Knowledge of", "The",
    "Welding"); "" when it starts with a verb (or a vague one) or with no word at all."""


def _lines(name: str) -> list[str]:
    # The lists are files of the installed package (pip installs packages as folders), read
    # beside this module: importlib.resources would cost every start more than the reading.
    path = Path(__file__).with_name("verbs") / name
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


class VaguePhrases:
    """The vague entries of a language, matched at the start of a text as one alternation of
    their patterns, longest entry first.

    The whole alternation of a language's entries takes 6 ms to compile, as long as the rest
    of a one-file check's patterns together, and a text can only match the entries whose
    first word may start with its first letter. So the entries are grouped by those letters,
    and each group's alternation is compiled when a text first needs it: the same matches,
    in the same order of preference, since the entries left out cannot match there. An entry
    that may start otherwise (with an optional article, or a letter outside ASCII) is in
    every group."""

    def __init__(self, entries: tuple[tuple[str, frozenset[str] | None], ...]) -> None:
        self._entries = entries  # (pattern, the lower-case ASCII letters it may start with)
        self._compiled: dict[frozenset[str], re.Pattern[str] | None] = {}

    def match(self, text: str) -> re.Match[str] | None:
        """The longest-listed entry that ``text`` starts with, as ``re.match`` gives it."""
        key = _ascii_equals(text[:1])
        if key in self._compiled:
            pattern = self._compiled[key]
        else:
            pattern = self._compiled[key] = self._compile(key)
        return pattern.match(text) if pattern is not None else None

    def _compile(self, key: frozenset[str]) -> re.Pattern[str] | None:
        """The alternation of the entries a text starting with a letter of ``key`` may match
        (None: no entry can; the empty alternation would match as if it were an entry)."""
        alternatives = [
            pattern for pattern, letters in self._entries if letters is None or letters & key
        ]
        if not alternatives:
            return None
        either = "|".join(alternatives)
        return re.compile(rf"^(?:{either})(?:(?<=')|(?![^\W\d_]))", re.IGNORECASE)


@functools.cache
def _ascii_equals(char: str) -> frozenset[str]:
    """The lower-case ASCII letters that ``char`` is equal to, ignoring case as patterns do
    (the Kelvin sign is a k to them, the long s an s)."""
    if char.isascii():
        return frozenset(char.lower()) if char.isalpha() else frozenset()
    return frozenset(
        letter for letter in string.ascii_lowercase if re.match(letter, char, re.IGNORECASE)
    )


def _starts(entry: str, language: Language) -> frozenset[str] | None:
    """The lower-case ASCII letters that a match of ``entry``'s pattern may start with, or
    None where it may start with anything else (an article, which may be left out; a word
    not in ASCII letters, which case-insensitive matching may equate with others)."""
    written = entry.split()
    word = written[0]
    if word in language.articles and len(written) > 1:
        return None
    be = language.be and word == language.be[0]
    forms = set(language.be) if be else _written_forms(word, language)
    letters = {form[:1].lower() for form in forms}
    if not all(letter.isascii() and letter.isalpha() for letter in letters):
        return None
    return frozenset(letters)


def _written_forms(word: str, language: Language) -> set[str]:
    """``word`` and the forms the language's endings write it in ("describe" -> "describes",
    "apply" -> "applies")."""
    return {word} | {
        word[: len(word) - len(base)] + ending
        for ending, base in language.endings
        if word.endswith(base)
    }


def _phrase_pattern(entry: str, language: Language) -> str:
    """The pattern of a vague entry: its first word in any of its written forms ("understands",
    "is aware of"), an article as any article or none and up to two more words, and the
    language's contractions at its end."""
    written = entry.split()
    contractions = dict(language.contractions)
    pattern = ""
    for place, word in enumerate(written):
        last = place == len(written) - 1
        if word in language.articles and not last:
            articles = "|".join(sorted(language.articles))
            pattern += rf"(?:(?:{articles})\s+)?(?:{_WORD}\s+){{0,2}}?"
            continue
        if place == 0 and language.be and word == language.be[0]:
            piece = "(?:" + "|".join(language.be) + ")"
        elif place == 0 and language.endings:
            forms = _written_forms(word, language)
            piece = "(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + ")"
        elif last and len(written) > 1 and word in contractions:
            piece = contractions[word]
        else:
            piece = re.escape(word)
        pattern += piece + ("" if last else r"\s+")
    return pattern


def _tokenizer(language: Language) -> re.Pattern[str]:
    """Words and marks, with the multi-word joins and purposes ("as well as", "such as",
    "e.g.") and the elided words ("d'") read as one token each."""
    phrases = (*language.coordinators, *language.purposes)
    multi = sorted((p for p in phrases if not re.fullmatch(_WORD, p)), key=len, reverse=True)
    pieces = [rf"(?<!\w){re.escape(p)}(?!\w)" for p in multi]
    if language.elision:
        pieces.append(rf"(?<!\w){language.elision}")
    pieces += [_WORD, f"[{re.escape(_MARKS)}]"]
    return re.compile("|".join(pieces), re.IGNORECASE)


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
        action_lines = _lines(f"{record.code}-action.txt")
        vague_lines = _lines(f"{record.code}-vague.txt")
    except OSError:
        return None
    vague = sorted(set(_entries(vague_lines + list(extra_vague))), key=len, reverse=True)
    return Verbs(
        language=record,
        action=frozenset(_entries(action_lines + list(extra_action))),
        accepted=frozenset(_entries(list(extra_action))),
        vague=VaguePhrases(tuple((_phrase_pattern(v, record), _starts(v, record)) for v in vague)),
        vague_words=frozenset(v for v in vague if " " not in v and "'" not in v),
        ambiguous=_ambiguous(action_lines) | _ambiguous(vague_lines),
        tokens=_tokenizer(record),
    )


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    return " ".join(text.split())


def _gerund(word: str, language: Language) -> bool:
    ending = language.gerund
    return bool(ending) and word.endswith(ending) and bool(set(word[: -len(ending)]) & _VOWELS)


def _adverb(word: str, lists: Verbs) -> bool:
    """An adverb ("safely", "always"), not a verb that ends like one ("apply", "tally":
    listed)."""
    language = lists.language
    if word in language.adverbs:
        return True
    ending = language.adverb
    return bool(ending) and len(word) >= 5 and word.endswith(ending) and not lists.known(word)


def _noun_shaped(word: str, language: Language) -> bool:
    return any(
        word.endswith(ending) and len(word) - len(ending) >= _NOUN_STEM
        for ending in language.noun_endings
    )


_WORD_THEN_WORD = re.compile(rf"({_WORD})\s+(?=({_WORD}))")


def _skip_adverbs(text: str, lists: Verbs) -> str:
    """``text`` without the adverbs before its verb ("Chemically relax hair" -> "relax hair");
    an adverb followed by a closed-class word stays ("Safely and efficiently operate")."""
    at = 0
    while match := _WORD_THEN_WORD.match(text, at):
        if not _adverb(match.group(1).lower(), lists):
            break
        if match.group(2).lower() in lists.language.function_words:
            break
        at = match.end()
    return text[at:]


# An editor re-checks a file at every keystroke, and its outcome statements rarely change
# between two: each statement is analysed once per set of verb lists, not once per check
# (short statements only: a long one is not worth holding in memory). In a run of many files
# they are full after a few hundred files; fewer would make a file of more outcomes than
# that miss on every statement of every re-check.
_ANALYSED = 4096
_KEPT_LENGTH = 2000


def start(statement: str, lists: Verbs) -> Start:
    """Strip the lead-ins of ``statement`` and say how what is left starts."""
    if len(statement) > _KEPT_LENGTH:
        return _start(statement, lists)
    return _kept_start(statement, lists)


def _start(statement: str, lists: Verbs) -> Start:
    text = _normalise(statement)
    text = re.sub(r"^[\W_]+", "", text)
    for pattern in lists.language.lead_ins:
        text = pattern.sub("", text, count=1)
    text = re.sub(r"^[\W_]+", "", text)
    text = _skip_adverbs(text, lists)
    word = re.match(_WORD, text)
    first = word.group(0) if word else ""
    vague, vague_end = "", 0
    match = lists.vague.match(text)
    if match:
        vague, vague_end = match.group(0), match.end()
    nominal = _nominal(text, lists) if first and not vague else ""
    return Start(text, first, vague, vague_end, nominal)


def _nominal(text: str, lists: Verbs) -> str:
    """The start of ``text`` that shows it starts with no verb ("Knowledge of", "The"), or ""
    when it may start with one. Closed classes and nouns heading a topic first, then the
    listed verbs (a verb whatever its shape), then the shapes of nouns."""
    language = lists.language
    tokens = list(lists.tokens.finditer(text))
    head = 0
    if tokens[0].group(0).lower() in language.reflexive and len(tokens) > 1:
        head = 1  # "Se servir de": the verb is the next word
    word = tokens[head].group(0).lower()
    following = tokens[head + 1].group(0).lower() if head + 1 < len(tokens) else ""
    to_head = text[: tokens[head].end()]
    to_next = text[: tokens[head + 1].end()] if following else to_head
    if word in lists.accepted:
        return ""
    if word in language.function_words:
        return to_next  # "The role", "To provide", "L'importance": the word it governs too
    if word in language.nominal_heads:
        return to_next if following in language.links else to_head
    if following == language.of and word not in language.of_verbs:
        return to_next
    if word in language.adjectives:
        return to_head
    if lists.known(word):
        return ""
    if _gerund(word, language):
        return to_next if following in language.links else to_head
    if _noun_shaped(word, language) and (not following or following in language.links):
        return to_next if following in language.links else to_head
    if language.infinitive is not None and not language.infinitive.search(word):
        return to_head
    return ""


def suggested(vague: str, language: Language) -> tuple[str, ...]:
    """The observable verbs to suggest in place of the ``vague`` wording ("" for any)."""
    lowered = vague.lower()
    for stems, verbs_ in language.suggestions:
        if not stems or any(s in lowered for s in stems):
            return verbs_
    return ()


def _unbracketed(text: str) -> str:
    """``text`` without what is in brackets ("(e.g., Make, Galaxy)"), in one pass."""
    kept: list[str] = []
    depth = 0
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
            kept.append(" ")
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def _verb_shaped(word: str, lists: Verbs, fresh: bool) -> bool:
    """Whether an unlisted word may be a verb by its shape: not a name ("Python"), a gerund,
    an adverb, a participle, a plural or a noun ending; in French, an infinitive."""
    language = lists.language
    lowered = word.lower()
    if word[:1].isupper() and not fresh:
        return False
    if _gerund(lowered, language) or _adverb(lowered, lists) or _noun_shaped(lowered, language):
        return False
    if language.inflected is not None and language.inflected.search(lowered):
        return False
    return language.infinitive is None or bool(language.infinitive.search(lowered))


def _closed(word: str, language: Language) -> bool:
    return (
        word in language.function_words
        or word in language.nominal_heads
        or word in language.adjectives
    )


class _Place(NamedTuple):
    """Where a word after a join stands: right after the last verb with nothing between
    ("Weld and grind"), at the start of a new clause ("...; write scripts"), and the word after
    it."""

    immediate: bool
    fresh: bool
    following: str


def _joined_verb(word: str, place: _Place, lists: Verbs, s_form: bool) -> bool:
    """Whether ``word``, right after a join, is a second action.

    A listed verb is one, unless "of" follows it (a noun: "the design and use of ladders"); one
    that is also a common noun (the caution paragraphs of the lists) only right after the last
    verb, at a clause's start or before an object ("and report the incident"). An unlisted word
    is one when it is shaped as a verb and stands right after the last verb ("Weld and grind")
    or before an object ("and grind the bead"); a list of nouns has neither ("Identify tools,
    materials and fasteners")."""
    language = lists.language
    lowered = word.lower()
    if not re.fullmatch(_WORD, word) or _closed(lowered, language):
        return False  # a mark, an elided "d'", a closed-class word
    if place.following == language.of and lowered not in language.of_verbs:
        return False
    # After "Identifies", "describes" is a verb too; after "Explain", "practices" is a noun.
    forms = lists.forms(lowered) if s_form else {lowered}
    if lowered in lists.accepted or forms & (lists.action | lists.vague_words):
        if not forms & lists.ambiguous:
            return True
        opens = bool(place.following) and place.following not in _MARKS
        return place.following in language.determiners or place.immediate or (place.fresh and opens)
    if not _verb_shaped(word, lists, place.fresh):
        return False
    return place.immediate or place.following in language.determiners


def _opens(word: str, following: str, block: str, lists: Verbs) -> str:
    """The block a word starts (or the one that goes on): "purpose" after "to", "by", "such
    as" ..., "clause" after "that", "which" ...; "" when the learner's own verbs go on."""
    language = lists.language
    if word in language.purposes:
        return "purpose"
    if word in language.infinitive_markers and (
        following == ":"
        or (
            following
            and following not in _MARKS
            and not _closed(following, language)
            and (lists.known(following) or _verb_shaped(following, lists, fresh=True))
        )
    ):
        return "purpose"
    if block:
        return block
    return "clause" if word in language.clauses else ""


def compound_verbs(begin: Start, lists: Verbs) -> list[str]:
    """The verbs joined to the outcome's first one (see :func:`_compound_verbs`)."""
    if len(begin.text) > _KEPT_LENGTH:
        return list(_compound_verbs(begin, lists))
    return list(_kept_compound_verbs(begin, lists))


def _compound_verbs(begin: Start, lists: Verbs) -> tuple[str, ...]:
    """The verbs joined to the outcome's first one by "and", "or", commas or semicolons, as
    written ("Weld and grind a joint" -> ["grind"]).

    Read from the first verb (or the vague phrase) on, leaving out what is in brackets. A word
    right after a join is weighed by :func:`_joined_verb`. Words after a purpose ("to", "by",
    "such as") up to the next semicolon or sentence end, and after a clause word ("that",
    "which") up to the next comma, are not the learner's actions and are not weighed; a colon
    in a purpose ("programs to: perform ...; read ...") carries it over semicolons too."""
    language = lists.language
    offset = begin.vague_end if begin.vague else len(begin.first)
    tail = _unbracketed(begin.text[offset:])
    raw = [m.group(0) for m in lists.tokens.finditer(tail)]
    # A full stop ends a sentence only before a capital or at the end ("2.5" is no end).
    tokens = [
        t for i, t in enumerate(raw) if t != "." or i + 1 == len(raw) or raw[i + 1][:1].isupper()
    ]
    base = begin.first.lower()
    s_form = base not in lists.action and bool(lists.forms(base) & lists.action)
    joins = {*language.coordinators, ",", ";", "."}
    found: list[str] = []
    light = True  # only adverbs and light prepositions since the last verb
    block, held = "", False
    index = 0
    while index < len(tokens):
        lowered = tokens[index].lower()
        if lowered in joins:
            boundary = ""
            while index < len(tokens) and (
                tokens[index].lower() in joins or tokens[index].lower() in language.fillers
            ):
                mark = tokens[index]
                if mark == ".":
                    boundary = "sentence"
                elif mark == ";" and not boundary:
                    boundary = "clause"
                elif mark == "," and block == "clause":
                    block = ""
                index += 1
            if boundary == "sentence" or (boundary and not held):
                block, held = "", False
            if index == len(tokens):
                break
            word = tokens[index]
            following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
            place = _Place(light, bool(boundary), following)
            if not block and _joined_verb(word, place, lists, s_form):
                found.append(word)
                light = True
                index += 1
                continue
            lowered = word.lower()
        following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
        if lowered == ":":
            held = held or block == "purpose"
        else:
            light = light and (lowered in language.light or _adverb(lowered, lists))
            block = _opens(lowered, following, block, lists)
        index += 1
    return tuple(found)


_kept_start = functools.lru_cache(maxsize=_ANALYSED)(_start)
_kept_compound_verbs = functools.lru_cache(maxsize=_ANALYSED)(_compound_verbs)
