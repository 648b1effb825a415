"""The ``nzqa`` pack: NZQA's rules for micro-credentials listed on the New Zealand
Qualifications and Credentials Framework (NZQCF).

Its rules come from the Qualification and Micro-credential Listing and Operational Rules 2022
(rule 3's definitions, rule 6's listing details and title restrictions), read on NZQA's own
pages, and from NZQA's page on micro-credentials. Severity follows the evidence: a listing
detail rule 6.1 requires, or what NZQA's own words say a micro-credential is, is an error;
what the rules make conditional ("if any"), or what is known only from other texts, is a
warning. The criteria of the Micro-credential Approval and Accreditation Rules 2022 were not
read (docs/packs/nzqa.md says what could not be verified).
"""

from mcvalidate.rules import Pack, rules_of
from mcvalidate_nzqa import approval, listing, review, size
from mcvalidate_nzqa.sources import FRAMEWORK_URL, SCOPE

PACK = Pack(
    name="nzqa",
    title="NZQA micro-credentials",
    framework="NZQA: Qualification and Micro-credential Listing and Operational Rules 2022, "
    "and the Micro-credential Approval and Accreditation Rules 2022",
    version="2022",
    url=FRAMEWORK_URL,
    prefix="NZQ",
    scope=SCOPE,
    docs="docs/packs/nzqa.md",
    rules=rules_of(size, listing, review, approval),
)
