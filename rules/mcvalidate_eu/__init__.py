"""The ``eu-2022`` pack: the Council Recommendation of 16 June 2022 on a European approach to
micro-credentials for lifelong learning and employability.

A recommendation is not binding law; its Annex I is nonetheless a listing of mandatory
elements to describe a micro-credential, so a missing element a course file can hold is an
error. The ECTS credits ("wherever possible"), the level ("if applicable") and the Annex II
principles are warnings; the optional elements, and the elements that belong to the credential
issued to each learner (the learner, the date of issue), are infos. Evidence marks follow what
could be read: see ``docs/packs/eu-2022.md``.

The pack applies to issuers in the EU's member states (``issuer.country``), and to any file
that names it under ``frameworks:``.
"""

from mcvalidate.rules import Pack, rules_of
from mcvalidate_eu import annex1, principles
from mcvalidate_eu.sources import EU_SCOPE, RECOMMENDATION, RECOMMENDATION_URL

PACK = Pack(
    name="eu-2022",
    title="EU Council Recommendation on micro-credentials",
    framework=RECOMMENDATION,
    version="2022",
    url=RECOMMENDATION_URL,
    prefix="EUR",
    scope=EU_SCOPE,
    docs="docs/packs/eu-2022.md",
    rules=rules_of(annex1, principles),
)
