"""The texts the ``emc-cmf`` rules cite, in one place so every rule names them the same way.

Each source has an id (``C1``, ``C2``...) listed, with the words and where they were read, in
``docs/packs/emc-cmf.md``. The Framework's requirements are read in the FutureLearn partner
help centre (C1), FutureLearn being one of the platforms of the European MOOC Consortium that
publishes the Framework, and on FutureLearn's own page about it (C2).
"""

from __future__ import annotations

from mcvalidate.rules import Evidence, Scope, Source

FRAMEWORK = "Common Microcredential Framework (European MOOC Consortium, 2019)"
FRAMEWORK_URL = "https://www.futurelearn.com/info/the-common-microcredential-framework"
# A consortium's framework binds no jurisdiction: it applies when a file or a run asks for it.
EMC_SCOPE = Scope(
    note="courses offered as micro-credentials on the European MOOC Consortium's platforms "
    "(FutureLearn, FUN, MiríadaX, EduOpen, OpenupEd)"
)
REQUIREMENTS = "To qualify as a microcredential within the CMF, a course must"

SOURCES = {
    # The requirements, as the FutureLearn partner help centre lists them.
    "C1": "https://partners.futurelearn.com/hc/en-us/articles/"
    "7855343302162-Common-Microcredential-Framework-CMF",
    # The same requirements on FutureLearn's public page about the Framework.
    "C2": FRAMEWORK_URL,
    # The European MOOC Consortium's own page about the Framework.
    "C3": "https://emc.eadtu.eu/cmf",
    # The 2019 launch announcement (an older wording: EQF 6 or 7 only).
    "C4": "https://www.trainingjournal.com/articles/partner_article/"
    "european-mooc-consortium-emc-launches-common-microcredential-framework-cmf",
}


def cmf(clause: str, evidence: Evidence, ref: str) -> Source:
    """A requirement of the Framework, as read in the source ``ref`` of docs/packs/emc-cmf.md."""
    return Source(FRAMEWORK, clause, SOURCES[ref], evidence, ref)
