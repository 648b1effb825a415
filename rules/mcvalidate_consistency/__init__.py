"""The ``consistency`` pack: values of a course file that contradict each other, or that a
curriculum committee would send back.

No framework asks for these checks; they are mcvalidate's own, and their source says so. A
weight total that is not 100, eighty hours in one week, a review dated before the approval it
reviews, a breakdown that does not add up to the cost, a TBD left in: usually a typo or an
unfinished line, which a committee would catch, and which no framework rule can judge until
it is corrected. These are warnings. Two are infos, because they are judgements of wording
and size that a course may have good reason to differ on: a competency worded as knowledge
(CON013) and hours long for a "short-duration" offering (CON008).
"""

from mcvalidate.rules import Pack, rules_of
from mcvalidate_consistency import (
    assessments,
    competencies,
    cost,
    credit,
    dates,
    issuer,
    numbers,
    placeholders,
)

MODULES = (assessments, competencies, cost, credit, dates, issuer, numbers, placeholders)

PACK = Pack(
    name="consistency",
    title="Consistency of a course file",
    framework="mcvalidate consistency checks",
    version="1",
    url="docs/rules.md#consistency-consistency-of-a-course-file",
    prefix="CON",
    rules=rules_of(*MODULES),
)
