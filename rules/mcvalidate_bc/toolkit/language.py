"""Rules on how learning outcomes are worded: a verb, not a vague one, one action.

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
from mcvalidate_bc.sources import DESIGN, OUTCOMES, toolkit
from mcvalidate_bc.toolkit.wording import Start, Verbs, compound_verbs, start, suggested, verbs

# The three wording rules read the same lists, so they take the same options; set them once for
# all three with the pack's name: rule_options: {bc-toolkit: {action_verbs: [restring]}}.
VERB_OPTIONS = {
    "action_verbs": Option(
        [],
        kind="list of text",
        help="verbs to accept even where they look like a noun, and to count after 'and'",
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
    element=OUTCOMES,
    reads=("/learning_outcomes/*/statement",),
)
def outcome_action_verb(course: Course, ctx: RuleContext) -> None:
    """Each learning outcome starts with a verb, not with a topic.

    An outcome that starts with a verb such as Identify, Weld or Palpate names something a
    learner does that an assessor can see and judge; "Knowledge of welding symbols" or
    "Introduction to mass timber" names a topic, and says nothing of what the learner will do
    with it. Lead-ins such as "Learners will be able to" or "L'apprenant sera capable de" are
    skipped first, and so are adverbs ("Safely install ...").

    Verbs are not looked up in a list: every trade, clinic and farm has its own ("Splice",
    "Debride", "Graze"), and any of them is accepted. What is reported is a statement that is
    recognisably not an action: one that starts with an article, a determiner, a pronoun or a
    preposition ("The ...", "Their ...", "To provide ..."), with a noun that heads a topic
    ("Knowledge of", "Introduction to", "Overview", "Principles", "Basics", "Students ..."
    without "will"), with a word followed by "of" ("Management of ..."), with a gerund
    ("Welding safety") or a noun ending ("Installation and ...") or an adjective that is never a
    verb ("Basic metallurgy"). In French (the course's ``language``), a statement must start with
    an infinitive ("Identifier", "Souder"): "Connaissance des ..." or an English verb is
    reported. English is assumed when no language is given; mcvalidate does not check outcomes
    in other languages. An outcome that starts with a vague verb (Understand, Know, "Students
    will learn about" ...) is reported by BCT008 instead.

    A topic whose first word is also a verb ("Mass timber products") cannot be told from an
    action by its form and is not reported: the rule would rather miss a topic than report a
    verb. This is mcvalidate's reading, not the Toolkit's words: no rule on how to word outcomes
    was visible in the Toolkit; B.C. institutions' published micro-credential outcomes start
    with a verb.

    Options ``action_verbs`` and ``vague_verbs``: verbs to accept even where they look like a
    noun or a gerund, e.g. ``[restring]`` ("Restring a guitar"), and more verbs to report as
    vague. BCT007, BCT008 and BCT009 read the same lists: set the options for all three at once
    with ``rule_options: {bc-toolkit: {action_verbs: [restring]}}``.

    Fails::

        title: Mass timber construction
        learning_outcomes:
          - Introduction to mass timber products and their uses

    Passes::

        title: Mass timber construction
        learning_outcomes:
          - Learners will be able to identify mass timber products and their uses
    """
    for index, begin, lists in outcome_starts(course, ctx):
        if begin.vague or (begin.first and not begin.nominal):
            continue
        name = capitalized(outcome_name(course, ctx, index))
        examples = _quoted(suggested("", lists.language)[:3])
        if begin.first:
            what = f"starts with '{begin.nominal}', not with {lists.language.verb_form}"
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
    element=OUTCOMES,
    reads=("/learning_outcomes/*/statement",),
)
def outcome_vague_verb(course: Course, ctx: RuleContext) -> None:
    """No learning outcome starts with a vague verb such as understand, know or appreciate.

    "Understand", "know", "be aware of" or "demonstrate an understanding of" name a state of
    mind, not something an assessor can observe, so the outcome cannot be assessed as written.
    Phrases are matched before single words ("demonstrate an understanding of" is vague even
    though "demonstrate" is an action verb; so is "demonstrate a thorough understanding of"),
    after lead-ins such as "Learners will" or "Students will" are skipped: "Students will
    understand" and "Students will learn about" are reported here, "Students will be able to
    explain" is not. The message suggests observable verbs to use instead. The list of vague
    wording (``verbs/en-vague.txt``, ``verbs/fr-vague.txt``) comes from published
    outcome-writing guides (North Island College, BCIT, Seneca, ...; the file's header names
    them). English and French are checked, in the course's ``language`` (English when it is
    not given).

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
    element=OUTCOMES,
    reads=("/learning_outcomes/*/statement",),
)
def outcome_compound(course: Course, ctx: RuleContext) -> None:
    """Each learning outcome names one action, not several joined by "and", "or" or commas.

    "Identify and describe the financial statements" is two outcomes: a learner may manage one
    and not the other, and one assessment result cannot say which. The rule reads the outcome
    from its first verb on and weighs each word right after "and", "or", "and/or", "as well
    as", a comma or a semicolon (French: "et", "ou", "ainsi que"); the verbs need not be in any
    list. The word is a second action when:

    - it stands right after the previous verb, with nothing between but adverbs or a
      preposition ("Weld and grind a joint", "Plan, prepare and serve", "Advocate for and
      facilitate");
    - or it is followed by an object ("Inspect the ladder and grind the bead": an article, a
      possessive, "them" ...);
    - or it is a listed verb ("Identify hazards, assess the risk"), or starts a new clause
      after a semicolon or a full stop ("...; write scripts").

    It is not when it is a closed-class word, an adjective, a name ("Python"), or shaped as a
    gerund, a participle, an adverb, a plural or a noun ("Identify tools, materials and
    fasteners"); when "of" follows it ("the design and use of ladders"); or when it is a
    listed verb that is also a common noun (the caution paragraphs of the verb lists: plan,
    test, use, weld ...) and none of the above applies ("a plan, schedule and budget"). Verbs
    after "to", "by", "using" or "such as", up to the next semicolon, are what the action
    serves, not more actions ("Describe ways to organize, provide, administer and evaluate
    care" is one action, describe); so are verbs in a clause after "that", "which" or "when",
    up to the next comma ("care that recognizes and respects the client"). Text in brackets is
    left out. The rule would rather miss a compound outcome than note a list of nouns. This is
    mcvalidate's reading of outcome-writing practice, not the Toolkit's words.

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
        if not begin.first or begin.nominal:
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
