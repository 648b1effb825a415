"""The ``emc-cmf`` pack: the European MOOC Consortium's Common Microcredential Framework (2019).

The Framework is a consortium's quality label, not law: a course that does not meet it is not
a microcredential "within the CMF". Its requirements are written as what a course "must" do,
so a requirement a course file can show is an error when the file contradicts it or does not
show it; a condition the file cannot show (the ECTS criteria of an EQF 4-5 course) is a
warning, in mcvalidate's reading. Evidence marks follow what could be read: see
``docs/packs/emc-cmf.md``.

The Framework binds no country: the pack applies when a file names it under ``frameworks:``
or a run asks for it (``--framework emc-cmf``).
"""

from mcvalidate.rules import Pack, rules_of
from mcvalidate_emc import cmf
from mcvalidate_emc.sources import EMC_SCOPE, FRAMEWORK, FRAMEWORK_URL

PACK = Pack(
    name="emc-cmf",
    title="Common Microcredential Framework (European MOOC Consortium)",
    framework=FRAMEWORK,
    version="2019 (FutureLearn partner help centre wording)",
    url=FRAMEWORK_URL,
    prefix="EMC",
    scope=EMC_SCOPE,
    docs="docs/packs/emc-cmf.md",
    rules=rules_of(cmf),
)
