"""The ``cican`` pack: Colleges and Institutes Canada's National Framework for Microcredentials
(25 March 2021).

A definition ("a certification of assessed competencies that is additional, alternate,
complementary to, or a component of a formal qualification") and seven guiding principles,
read on CICan's own page (sources C1 to C8 of ``docs/packs/cican.md``). It is a voluntary
framework of an association of colleges, endorsed by the regional college associations, and
binds no jurisdiction: the pack applies only to a file that names it (``frameworks:
[cican]``) or a run that asks for it (``--framework cican``), so that a B.C. file does not get
the same finding from two frameworks by default.
"""

from mcvalidate.rules import Pack, Scope, rules_of
from mcvalidate_cican import definition, principles
from mcvalidate_cican.sources import FRAMEWORK, PAGE

PACK = Pack(
    name="cican",
    title="CICan National Framework for Microcredentials",
    framework=FRAMEWORK,
    version="25 March 2021",
    url=PAGE,
    prefix="CIC",
    scope=Scope(note="Canadian colleges and institutes that adopt the CICan framework"),
    docs="docs/packs/cican.md",
    rules=rules_of(definition, principles),
)
