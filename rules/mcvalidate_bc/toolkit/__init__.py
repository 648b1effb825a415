"""The ``bc-toolkit`` pack: the BCcampus Micro-credential Toolkit for B.C. (2023).

The Toolkit is guidance for institutions, not a regulation: nothing in it is mandatory, so no
rule of this pack is an error. Severity follows the project's policy:

- **warning** for the Toolkit's own guidance ("verbatim" evidence: the Toolkit text says it)
  and for its corollaries a curriculum committee would expect ("inferred");
- **info** for good practice that is mcvalidate's reading ("inferred"), such as the wording of
  learning outcomes, where no Toolkit text could be seen.

Each rule's documentation says which part is the Toolkit's words and which is mcvalidate's
reading. Only the opening part of each Toolkit chapter could be read when the rules were
written (the project's research notes on the Framework and the Toolkit say what was seen).
"""

from mcvalidate.rules import Pack, rules_of
from mcvalidate_bc.sources import BC_SCOPE, TOOLKIT, TOOLKIT_URL
from mcvalidate_bc.toolkit import design, language, planning, quality, recognition

PACK = Pack(
    name="bc-toolkit",
    title="Micro-credential Toolkit for B.C.",
    framework=TOOLKIT,
    version="2023",
    url=TOOLKIT_URL,
    prefix="BCT",
    scope=BC_SCOPE,
    docs="docs/sources-bc.md",
    rules=rules_of(design, language, planning, quality, recognition),
)
