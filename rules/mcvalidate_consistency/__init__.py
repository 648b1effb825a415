"""The ``consistency`` pack: values of a course file that contradict each other.

No framework asks for these checks; they are mcvalidate's own, and their source says so. A
weight total that is not 100, eighty hours in one week, a review dated before the approval it
reviews: usually a typo, which a curriculum committee would catch, and which no framework
rule can judge until it is corrected. Every rule is a warning.
"""

from mcvalidate.rules import Pack, Rule
from mcvalidate_consistency import dates, numbers

PACK = Pack(
    name="consistency",
    title="Consistency of a course file",
    framework="mcvalidate consistency checks",
    version="1",
    url="docs/rules.md#consistency-consistency-of-a-course-file",
    prefix="CON",
    rules=tuple(
        sorted(
            (v for m in (dates, numbers) for v in vars(m).values() if isinstance(v, Rule)),
            key=lambda r: r.id,
        )
    ),
)
