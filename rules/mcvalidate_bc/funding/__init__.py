"""The ``bc-funding`` pack: the conditions of B.C. funding programs a micro-credential applies
to, switched on by ``funding.programs``.

A funding program is not the Framework: its conditions bind only an offering that says it is
funded by it. Each program is a profile of a few rules that stay silent unless the program is
listed; a name that is not a known program is a finding with a suggestion, since a misspelt
name would silently switch its profile off.
"""

from mcvalidate.rules import Pack, Scope, rules_of
from mcvalidate_bc.funding import future_skills
from mcvalidate_bc.funding.future_skills import PROGRAM

PACK = Pack(
    name="bc-funding",
    title="B.C. funding programs",
    framework="StrongerBC Future Skills Grant (B.C. Ministry of Post-Secondary Education)",
    version="2024",
    url="https://archive.news.gov.bc.ca/releases/news_releases_2020-2024/2024PSFS0033-001185.htm",
    prefix="BCG",
    # B.C.'s institutions, so that a misspelt program name is caught (BCG001), and any
    # offering the grant funds.
    scope=Scope(
        note="B.C.'s institutions, and the offerings the StrongerBC Future Skills Grant funds",
        regions=("CA-BC",),
        funding=(PROGRAM,),
        default=True,
    ),
    docs="docs/sources-bc.md",
    rules=rules_of(future_skills),
)
