"""The ``bc-framework`` pack: the B.C. Micro-Credential Framework's definition and components.

Severity follows the evidence: an error where the Framework's own words (or a source quoting
or summarising them) require something; a warning where the Framework encourages, or where
the rule is mcvalidate's reading of a requirement; info for scope notes.
"""

from mcvalidate.rules import Pack, rules_of
from mcvalidate_bc.framework import definition, governance, ministry
from mcvalidate_bc.sources import BC_SCOPE, FRAMEWORK, FRAMEWORK_URL

PACK = Pack(
    name="bc-framework",
    title="B.C. Micro-Credential Framework",
    framework=FRAMEWORK,
    version="2021 (2024 update not reviewed)",
    url=FRAMEWORK_URL,
    prefix="BCF",
    scope=BC_SCOPE,
    docs="docs/sources-bc.md",
    rules=rules_of(definition, governance, ministry),
)
