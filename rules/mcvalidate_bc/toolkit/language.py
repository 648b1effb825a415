"""Rules on how learning outcomes are worded: an observable verb, not a vague one, one action.

The Toolkit's Design chapter has learning outcomes defined in the ADDIE Design step, but no
rule on how to word them was visible in the parts of the Toolkit that could be read. These
checks are mcvalidate's reading of common outcome-writing practice (Bloom's revised taxonomy);
B.C. institutions' published micro-credential outcomes follow the same pattern (BCIT's start
with Identify, Describe, Explain, Summarize). They are info notes, never warnings.

The analysis of a statement (its lead-ins, its verb, the verb lists of each language) is in
``wording.py``; this module holds the rules, which run it once per file and word the findings.
"""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import Option, RuleContext, rule
from mcvalidate.text import capitalized, filled, listing
from mcvalidate_bc.naming import outcome_name, statement_pointer
from mcvalidate_bc.sources import DESIGN, toolkit
from mcvalidate_bc.toolkit.wording import Start, Verbs, compound_verbs, start, suggested, verbs

# The three wording rules read the same lists, so they take the same options; set them once for
# all three with the pack's name: rule_options: {bc-toolkit: {action_verbs: [triage]}}.
VERB_OPTIONS = {
    "action_verbs": Option(
        [], kind="list of text", help="more verbs to accept as observable (your trade's own)"
    ),
    "vague_verbs": Option([], kind="list of text", help="more verbs to report as vague"),
}
SOURCE = toolkit(DESIGN, "ADDIE Design step: learning outcomes", "inferred")
# Where outcome_starts keeps its analysis in ctx.shared, for the three rules to share.
STARTS_KEY = "bc-toolkit/starts"


def course_verbs(course: Course, ctx: RuleContext) -> Verbs | None:
    """The verb lists for the course's language (English when it gives none)."""
    primary = (course.language or "en").split("-")[0].lower()
    extra_action = tuple(ctx.options.get("action_verbs", ()))
    extra_vague = tuple(ctx.options.get("vague_verbs", ()))
    return verbs(primary, extra_action, extra_vague)


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


def _quoted(words: list[str] | tuple[str, ...], conjunction: str = "or") -> str:
    return listing([f"'{capitalized(w)}'" for w in words], conjunction)


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
        examples = _quoted(suggested("", lists.language)[:3])
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
        instead = suggested(begin.vague, lists.language)
        kind = "phrase" if " " in begin.vague or "'" in begin.vague else "verb"
        rest = begin.text[begin.vague_end :].strip()
        example = f", for example '{capitalized(instead[0])} {rest}'" if rest else ""
        ctx.report(
            statement_pointer(ctx, index),
            f"{name} starts with the vague {kind} '{begin.vague}', which names a state of "
            "mind an assessor cannot observe.",
            fix=f"Start with an observable verb such as {_quoted(instead)}{example}.",
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
