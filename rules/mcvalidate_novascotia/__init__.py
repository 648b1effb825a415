"""The ``nova-scotia`` pack: Nova Scotia's definition of a microcredential.

The Province's microcredentials page (source N1 of ``docs/packs/nova-scotia.md``) defines a
microcredential as "a recognition of assessed competencies or skills that you earn through a
short learning experience", aligned with "labour market, employer or community needs", that
can "stand alone or connect to other credentials"; and says microcredentials are "developed
collaboratively" by institutions and employers or industry groups (N2). The Nova Scotia
Microcredentials Framework itself, which the page introduces, could not be read: the pack
checks the definition only, and says so. Its one error is an offering with no assessment at
all; the rest are warnings or an info.
"""

from mcvalidate.rules import Pack, Scope, rules_of
from mcvalidate_novascotia import definition
from mcvalidate_novascotia.definition import DOCUMENT, PAGE

PACK = Pack(
    name="nova-scotia",
    title="Nova Scotia microcredentials (the Province's definition)",
    framework=DOCUMENT,
    version="the definition on the Province's page (the Framework not reviewed)",
    url=PAGE,
    prefix="NSM",
    scope=Scope(note="Nova Scotia's institutions (issuer.region CA-NS)", regions=("CA-NS",)),
    docs="docs/packs/nova-scotia.md",
    rules=rules_of(definition),
)
