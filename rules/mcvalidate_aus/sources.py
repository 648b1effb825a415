"""The documents the ``aus-nmf`` pack cites, in one place so every rule names them the same way.

Each source has an id (``A1``, ``A2``...) listed, with the words quoted and where they were
read, in ``docs/packs/aus-nmf.md``. The Framework's PDF itself could not be read: its
definition is known from the documents that quote it word for word (A1), its minimum standards
from a training provider's summary (A2), and its Critical Information Requirements table was
not found at all, so the rules on those items are warnings and say how strong their ground is.
"""

from __future__ import annotations

from mcvalidate.rules import Evidence, Scope, Source

FRAMEWORK = "National Microcredentials Framework (Australian Government, November 2021)"
FRAMEWORK_URL = (
    "https://www.education.gov.au/higher-education-publications/resources/"
    "national-microcredentials-framework"
)
AQF = "Australian Qualifications Framework, second edition (2013)"

SCOPE = Scope(note="microcredentials offered in Australia (issuer.country AU)", countries=("AU",))

# Where each source of docs/packs/aus-nmf.md was read.
SOURCES = {
    # The Framework's definition, quoted word for word by MicroCred Seeker (the national
    # microcredentials marketplace) and by the Vocational Development Centre.
    "A1": "https://www.microcredseeker.edu.au/about",
    # The minimum standards, as a training provider summarised them when the Framework came out.
    "A2": "https://ontargetworkskills.com/2022/03/29/national-microcredentials-framework/",
    # The Critical Information Requirements: credit is "required information" (a summary).
    "A3": "https://remention.org/resources-and-sharing/micro-credentials-and-non-formal-education",
    # Clause 5.5.1 (industry recognition), quoted word for word on the same page.
    "A4": "https://remention.org/resources-and-sharing/micro-credentials-and-non-formal-education",
    # MicroCred Seeker's glossary: the marketplace's own information fields.
    "A5": "https://www.microcredseeker.edu.au/glossary",
    # The AQF's ten levels, as reproduced by a qualifications information service.
    "A6": "https://www.iquk.org/p_australian-qfw.94.html",
}


def framework(clause: str, evidence: Evidence, ref: str) -> Source:
    """A clause of the Framework, as read in the source ``ref`` of docs/packs/aus-nmf.md."""
    return Source(FRAMEWORK, clause, SOURCES[ref], evidence, ref)


def aqf(clause: str, evidence: Evidence, ref: str = "A6") -> Source:
    """A clause of the AQF, as read in the source ``ref``."""
    return Source(AQF, clause, SOURCES[ref], evidence, ref)
