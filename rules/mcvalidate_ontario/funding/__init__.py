"""The ``ontario-osap`` pack: the conditions of OSAP for Micro-credentials, switched on by
``funding.programs: [osap]``.

A funding program is not a framework: its conditions bind only an offering that says it is
funded by it, whatever the issuer's province. The program's guidelines were not found, and
the conditions come from institutions' pages that apply them: warnings, and an info for the
CIP code the ministry collects for its own analysis.
"""

from mcvalidate.rules import Pack, Scope, rules_of
from mcvalidate_ontario.funding import osap
from mcvalidate_ontario.sources import OSAP, OSAP_PAGE, PROGRAM

PACK = Pack(
    name="ontario-osap",
    title="OSAP for Micro-credentials (Ontario)",
    framework=OSAP,
    version="2022-23 guidelines, as institutions repeat them",
    url=OSAP_PAGE,
    prefix="OSP",
    scope=Scope(
        note="offerings funded through OSAP for micro-credentials (funding.programs osap)",
        funding=(PROGRAM,),
    ),
    docs="docs/packs/ontario-osap.md",
    rules=rules_of(osap),
)
