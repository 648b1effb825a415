"""How a competency is worded: as something a holder can do."""

from __future__ import annotations

import re

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate_consistency.sources import own

# English openings that name what a holder knows or feels, not what a holder can do. A short
# list of the common ones, kept here so that the pack stands on its own (the bc-toolkit pack's
# longer verb lists are about learning outcomes, and are that pack's).
VAGUE_OPENERS = (
    "understand",
    "understands",
    "understanding",
    "have an understanding",
    "demonstrate an understanding",
    "know",
    "knows",
    "knowledge",
    "have knowledge",
    "demonstrate knowledge",
    "be aware",
    "awareness",
    "be familiar",
    "familiarity",
    "appreciate",
    "appreciation",
    "learn about",
)
# What may come before the verb: "Can ...", "Able to ...", "The holder can ...".
_LEAD_IN = (
    r"(?:(?:the\s+)?holders?\s+(?:can|will)\s+|(?:be\s+)?able\s+to\s+|ability\s+to\s+|can\s+)?"
)
VAGUE_START = re.compile(
    rf"\s*{_LEAD_IN}(?P<vague>(?:"
    + "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in sorted(VAGUE_OPENERS, key=len)[::-1])
    + r")\b(?:\s+(?:of|with)\b)?)",
    re.IGNORECASE,
)


@rule(
    id="CON013",
    name="competency-vague-verb",
    severity="info",
    source=own("A competency is what a holder can do", "con013"),
)
def competency_vague_verb(course: Course, ctx: RuleContext) -> None:
    """No competency starts with a vague verb such as understand, know or be aware of.

    A competency states what a holder of the micro-credential can do: "Assess soil
    compaction on a work site", not "Understand soil". A statement that starts with
    "Understand", "Know", "Be aware of" or "Knowledge of" names a state of mind, which an
    employer cannot rely on and an assessor cannot observe. Good practice, not a requirement:
    an info. Only English statements are read (the course's ``language`` is English or not
    given), against the pack's own short list of openings: understand(ing), know(ledge),
    have or demonstrate an understanding or knowledge, be aware, awareness, be familiar,
    familiarity, appreciate, appreciation, learn about; after "Can", "Able to" or "The holder
    can", if the statement starts so.

    Fails::

        title: Wildfire fuel management crew
        competencies:
          - {id: C1, statement: Understand soil}

    Passes::

        title: Wildfire fuel management crew
        competencies:
          - {id: C1, statement: Assess soil compaction after mechanical fuel treatment}
    """
    if course.language and course.language.split("-")[0].lower() != "en":
        return
    for index, competency in enumerate(course.competencies or []):
        match = VAGUE_START.match(competency.statement or "")
        if match is None:
            continue
        name = f"Competency {competency.id}" if competency.id else f"Competency {index + 1}"
        vague = " ".join(match["vague"].split())
        ctx.report(
            f"/competencies/{index}/statement",
            f"{name} starts with '{vague}', which names what a holder knows, not what a "
            "holder can do.",
            fix=f"Start with an action verb that says what a holder can do (such as 'Assess', "
            f"'Install', 'Explain' or 'Plan') in place of '{vague}'.",
        )
