"""The ``aus-nmf`` pack: Australia's National Microcredentials Framework (Department of
Education, November 2021, released 22 March 2022).

The Framework's PDF could not be read. Its definition is known word for word from the
documents that quote it, and it makes the pack's errors (a microcredential is assessed, and at
least one hour of learning); its minimum standards are known from a summary, and its Critical
Information Requirements table was not found, so those rules are warnings (or infos) and say
so. docs/packs/aus-nmf.md lists the sources and what could not be verified.
"""

from mcvalidate.rules import Pack, rules_of
from mcvalidate_aus import information, standards
from mcvalidate_aus.sources import FRAMEWORK, FRAMEWORK_URL, SCOPE

PACK = Pack(
    name="aus-nmf",
    title="Australia's National Microcredentials Framework",
    framework=FRAMEWORK,
    version="November 2021 (released 22 March 2022)",
    url=FRAMEWORK_URL,
    prefix="AUS",
    scope=SCOPE,
    docs="docs/packs/aus-nmf.md",
    rules=rules_of(standards, information),
)
