"""The ``ecampusontario`` pack: eCampusOntario's Micro-credential Principles and Framework.

Four principles (relevance, verifiability, ownership, extensibility) and six elements
(issuing body, competencies targeted, outcomes, summative assessment, transcripts, partner
endorsement), for Ontario's institutions. The framework is a consortium's guide, adopted by
institutions, not a regulation: its words are "Micro-credentials will ...", and only the
summative assessment element says what is required (ECO004, the one error). The rest are
warnings, or info where the rule is mcvalidate's reading of a principle a file can hardly show.
"""

from mcvalidate.rules import Pack, Scope, rules_of
from mcvalidate_ontario.framework import elements, principles
from mcvalidate_ontario.sources import FRAMEWORK, FRAMEWORK_PDF

PACK = Pack(
    name="ecampusontario",
    title="eCampusOntario Micro-credential Principles and Framework",
    framework=FRAMEWORK,
    version="v2 (December 2020), read in transcriptions",
    url=FRAMEWORK_PDF,
    prefix="ECO",
    scope=Scope(note="Ontario's institutions (issuer.region CA-ON)", regions=("CA-ON",)),
    docs="docs/packs/ecampusontario.md",
    rules=rules_of(elements, principles),
)
