"""The ``elm-export`` profile: what the European Learning Model's LOQ application profile (the
learning opportunities and qualifications that Europass's Qualification Dataset Register takes)
needs of a course file before ``mcvalidate export --to elm`` writes it as an ELM learning
opportunity (JSON-LD).

The sources are the EC's own files, in the archived ELM repository
(european-commission-empl/European-Learning-Model, commit 9d7c5d2): the SHACL shapes of LOQ
(``rdf/ap/loq/LOQ-constraints.ttl`` v1.1.0), the shapes of its controlled vocabularies
(``LOQ-constraints-mdr.ttl``) and the QDR's XML schema (``xsd/loq/loq.xsd``). What a shape
requires (``sh:minCount 1``) and the course format can lack is an error here: without it the
document fails the shapes, so export refuses the file. The title is always there (the course
format requires it), so it needs no rule.

One thing the shapes themselves do not enforce: LOQ v1.1.0 ships its Learning Achievement
Specification shape switched off (``sh:deactivated true``), so the field of education (ISCED-F),
the language of the specification and its learning outcomes are required by the QDR's XML
schema (``minOccurs="1"``) and by the shape as written, not by the shapes as run. They are
errors all the same: the Register's own schema requires them, and an export that passes the
shape once it is switched on (the tests run it both ways) is one Europass can take. Sources:
``docs/packs/elm-export.md``.
"""

from __future__ import annotations

import sys

from mcvalidate.export.elm import country_code, isced_known, language_code
from mcvalidate.model import Course
from mcvalidate.rules import Evidence, Pack, RuleContext, Scope, Source, rule, rules_of

REPO = "https://github.com/european-commission-empl/European-Learning-Model/blob/9d7c5d2/"
SHAPES = "ELM: LOQ application profile, SHACL constraints v1.1.0 (LOQ-constraints.ttl)"
VOCABULARIES = (
    "ELM: LOQ application profile, controlled vocabularies constraints v1.1.0 "
    "(LOQ-constraints-mdr.ttl)"
)
SCHEMA = "ELM: Qualification Dataset Register XML schema (loq.xsd)"

# Where each source of docs/packs/elm-export.md was read.
SOURCES = {
    "L1": REPO + "rdf/ap/loq/LOQ-constraints.ttl",
    "L2": REPO + "rdf/ap/loq/LOQ-constraints-mdr.ttl",
    "L3": REPO + "xsd/loq/loq.xsd",
}


def _source(document: str, clause: str, ref: str, evidence: Evidence = "verbatim") -> Source:
    return Source(document, clause, SOURCES[ref], evidence, ref)


@rule(
    id="ELX001",
    name="elm-homepage",
    severity="error",
    source=_source(SHAPES, "LearningOpportunityShape: foaf:homepage, sh:minCount 1", "L1"),
    element="LearningOpportunity homepage (foaf:homepage)",
    reads=("/publication/url",),
)
def homepage(course: Course, ctx: RuleContext) -> None:
    """The learning opportunity has a public web page.

    The LOQ shapes require a home page of every learning opportunity (``foaf:homepage``, at
    least one, a web resource whose address starts with http or https): the page where
    learners read about the offering and enrol (the EU Recommendation's "further information",
    Annex I). The export writes ``publication.url`` there.

    Fails::

        title: Big History
        frameworks: [elm-export]

    Passes::

        title: Big History
        frameworks: [elm-export]
        publication: {url: "https://www.uva.nl/big-history"}
    """
    publication = course.publication
    if publication is not None and publication.url:
        return
    if ctx.refused("/publication/url") or ctx.refused("/publication"):
        return
    ctx.report(
        "/publication/url",
        "There is no public web page; Europass's learning opportunity profile (LOQ) requires "
        "a home page of every learning opportunity (foaf:homepage).",
        fix="Add 'url:' under 'publication:' with the offering's public page (https://...).",
    )


@rule(
    id="ELX002",
    name="elm-provider-legal-name",
    severity="error",
    source=_source(SHAPES, "OrganisationShape: rov:legalName, sh:minCount 1", "L1"),
    element="Organisation legal name (rov:legalName)",
    reads=("/issuer/name",),
)
def provider_name(course: Course, ctx: RuleContext) -> None:
    """The provider has a name.

    The LOQ shapes require a provider of every learning opportunity (``elm:providedBy``, an
    Organisation) and a legal name of every organisation (``rov:legalName``): the awarding
    body of the EU Recommendation's Annex I. The export writes ``issuer.name`` there, so give
    the institution's official name.

    Fails::

        title: Big History
        frameworks: [elm-export]
        issuer: {country: NL}

    Passes::

        title: Big History
        frameworks: [elm-export]
        issuer: {name: University of Amsterdam, country: NL}
    """
    issuer = course.issuer
    if issuer is not None and (issuer.name or "").strip():
        return
    if ctx.refused("/issuer/name") or ctx.refused("/issuer"):
        return
    ctx.report(
        "/issuer/name",
        "The issuer has no name; Europass's learning opportunity profile (LOQ) requires the "
        "provider's legal name (rov:legalName), the awarding body of the EU's Annex I.",
        fix="Add 'name:' under 'issuer:' with the institution's official name.",
    )


@rule(
    id="ELX003",
    name="elm-provider-country",
    severity="error",
    source=_source(
        SHAPES,
        "OrganisationShape: elm:location, sh:minCount 1; LocationShape: elm:address, "
        "sh:minCount 1; AddressShape: elm:countryCode, sh:minCount 1",
        "L1",
    ),
    element="Organisation location: address country code (elm:countryCode)",
    reads=("/issuer/country",),
)
def provider_country(course: Course, ctx: RuleContext) -> None:
    """The provider's country is given, as a country of the EU's country table.

    The LOQ shapes require a location of every organisation, an address of every location
    and a country of every address (``elm:countryCode``), a concept of the EU's country table
    (LOQ-constraints-mdr: ``CountryRestriction``): the country of the issuer of the EU
    Recommendation's Annex I. The export writes ``issuer.country`` there (``NL`` becomes
    ``.../authority/country/NLD``); the one ISO code the EU table lacks is TF (French Southern
    Territories).

    Fails::

        title: Big History
        frameworks: [elm-export]
        issuer: {name: University of Amsterdam}

    Passes::

        title: Big History
        frameworks: [elm-export]
        issuer: {name: University of Amsterdam, country: NL}
    """
    issuer = course.issuer
    country = issuer.country if issuer is not None else None
    if ctx.refused("/issuer/country") or ctx.refused("/issuer"):
        return
    if not country:
        ctx.report(
            "/issuer/country",
            "The issuer's country is not given; Europass's learning opportunity profile "
            "(LOQ) requires the provider's address with its country (elm:countryCode), the "
            "country of the issuer of the EU's Annex I.",
            fix="Add 'country:' under 'issuer:' with the two-letter ISO code ('NL', 'IE').",
        )
    elif country_code(country) is None:
        ctx.report(
            "/issuer/country",
            f"The EU's country table has no entry for '{country}'; Europass's learning "
            "opportunity profile names the provider's country by that table "
            "(elm:countryCode).",
            fix="Give the country of the issuer's registered address.",
        )


@rule(
    id="ELX004",
    name="elm-language",
    severity="error",
    source=_source(
        SHAPES,
        "LearningOpportunityShape: elm:defaultLanguage, sh:minCount 1, sh:maxCount 1",
        "L1",
    ),
    element="LearningOpportunity default language (elm:defaultLanguage)",
    reads=("/language",),
)
def language(course: Course, ctx: RuleContext) -> None:
    """The language of instruction is given, as a language of the EU's language table.

    The LOQ shapes require exactly one default language of every learning opportunity
    (``elm:defaultLanguage``), and the QDR's schema a language of what is learnt
    (``dc:language``): both concepts of the EU's language table (LOQ-constraints-mdr:
    ``LanguageRestriction``). The export writes ``language`` there (``en`` becomes
    ``.../authority/language/ENG``) and tags every text with it.

    Fails::

        title: Big History
        frameworks: [elm-export]

    Passes::

        title: Big History
        frameworks: [elm-export]
        language: en
    """
    if ctx.refused("/language"):
        return
    if not course.language:
        ctx.report(
            "/language",
            "The language is not given; Europass's learning opportunity profile (LOQ) "
            "requires the language of every learning opportunity (elm:defaultLanguage).",
            fix="Add 'language:' with a BCP 47 tag ('en', 'nl', 'fr').",
        )
    elif language_code(course.language) is None:
        ctx.report(
            "/language",
            f"'{course.language}' names no language of the EU's language table, by which "
            "Europass's learning opportunity profile gives the language "
            "(elm:defaultLanguage).",
            fix="Give the language of instruction itself ('en', 'nl'), not a group of languages.",
        )


@rule(
    id="ELX005",
    name="elm-isced-f",
    severity="error",
    source=_source(
        SCHEMA,
        'LearningAchievementSpecificationType: ISCEDFCode minOccurs="1" (and '
        "LOQ-constraints.ttl LearningAchievementSpecificationShape: elm:ISCEDFCode, "
        "sh:minCount 1, a shape v1.1.0 ships deactivated)",
        "L3",
    ),
    element="LearningAchievementSpecification thematic area (elm:ISCEDFCode)",
    reads=("/classification/isced_f",),
)
def isced_f(course: Course, ctx: RuleContext) -> None:
    """The field of education is given, as an ISCED-F 2013 code.

    Europass files every learning opportunity under its field of education: the QDR's schema
    requires at least one ISCED-F 2013 code of what is learnt (``ISCEDFCode``,
    ``minOccurs="1"``), and so does LOQ's shape of a learning achievement specification
    (``elm:ISCEDFCode``, ``sh:minCount 1``; version 1.1.0 publishes that shape switched off).
    The export writes ``classification.isced_f`` there.

    Fails::

        title: Big History
        frameworks: [elm-export]

    Passes::

        title: Big History
        frameworks: [elm-export]
        classification: {isced_f: "0222"}
    """
    codes = course.classification
    if codes is not None and codes.isced_f:
        return
    if ctx.refused("/classification/isced_f") or ctx.refused("/classification"):
        return
    ctx.report(
        "/classification/isced_f",
        "There is no ISCED-F code; Europass's Qualification Dataset Register requires the "
        "field of education of every learning opportunity (ISCEDFCode, ISCED-F 2013).",
        fix="Add 'isced_f:' under 'classification:' with the ISCED-F 2013 code of its field, "
        "in quotes ('0732' for building and civil engineering).",
    )


@rule(
    id="ELX006",
    name="elm-isced-f-code",
    severity="error",
    source=_source(
        VOCABULARIES,
        "LearningAchievementSpecificationShapeCV: elm:ISCEDFCode, sh:node "
        "ThematicAreaRestriction (skos:inScheme sh:hasValue isced-f/25831c2)",
        "L2",
    ),
    element="LearningAchievementSpecification thematic area (elm:ISCEDFCode)",
    reads=("/classification/isced_f",),
)
def isced_f_code(course: Course, ctx: RuleContext) -> None:
    """The ISCED-F code is one of the EU's ISCED-F vocabulary.

    LOQ's vocabulary shapes take the field of education from the EU's ISCED-F 2013 list
    (``ThematicAreaRestriction``): a broad field (two digits), a narrow one (three) or a
    detailed one (four), as ISCED-F 2013 numbers them. A code of the right shape that the
    list lacks (``0733``) names no field.

    Fails::

        title: Big History
        frameworks: [elm-export]
        classification: {isced_f: "0733"}

    Passes::

        title: Big History
        frameworks: [elm-export]
        classification: {isced_f: "0222"}
    """
    codes = course.classification
    code = codes.isced_f if codes is not None else None
    if not code or isced_known(code):
        return
    ctx.report(
        "/classification/isced_f",
        f"'{code}' is no ISCED-F 2013 field of the EU's vocabulary, from which Europass takes "
        "the field of education (elm:ISCEDFCode).",
        fix="Use a code of ISCED-F 2013 (UNESCO): two digits for a broad field ('07'), three "
        "for a narrow one ('073'), four for a detailed one ('0732').",
    )


@rule(
    id="ELX007",
    name="elm-learning-outcome",
    severity="error",
    source=_source(
        SCHEMA,
        'LearningAchievementSpecificationType: learningOutcome minOccurs="1" (and '
        "LOQ-constraints.ttl LearningAchievementSpecificationShape: elm:learningOutcome, "
        "sh:minCount 1; LearningOutcomeShape: dc:title, sh:minCount 1)",
        "L3",
    ),
    element="LearningAchievementSpecification learning outcome (elm:learningOutcome)",
    reads=("/learning_outcomes",),
)
def learning_outcome(course: Course, ctx: RuleContext) -> None:
    """What is learnt is described by at least one learning outcome.

    The QDR's schema requires at least one learning outcome of what is learnt
    (``learningOutcome``, ``minOccurs="1"``), as LOQ's shape does (``elm:learningOutcome``,
    each with a title): the learning outcomes of the EU Recommendation's Annex I. The export
    writes each outcome's statement as a learning outcome's title.

    Fails::

        title: Big History
        frameworks: [elm-export]

    Passes::

        title: Big History
        frameworks: [elm-export]
        learning_outcomes:
          - Explain human history as part of the history of the Earth
    """
    if any((o.statement or "").strip() for o in course.learning_outcomes or ()):
        return
    if ctx.refused("/learning_outcomes", inside=True):
        return
    ctx.report(
        "/learning_outcomes",
        "There is no learning outcome; Europass's Qualification Dataset Register requires at "
        "least one of every learning opportunity (learningOutcome), as the EU's Annex I does.",
        fix="Add 'learning_outcomes:' with what a learner can do at the end, one a line.",
    )


PACK = Pack(
    name="elm-export",
    title="European Learning Model (Europass) learning opportunity export profile",
    framework="European Commission: the European Learning Model's LOQ application profile "
    "(SHACL shapes v1.1.0) and the Qualification Dataset Register's schema",
    version="ELM repository 9d7c5d2 (2024-02-14), LOQ shapes v1.1.0",
    url=SOURCES["L1"],
    prefix="ELX",
    scope=Scope(
        note="files exported to Europass as ELM learning opportunities (mcvalidate export "
        "--to elm)",
        profile=True,
    ),
    docs="docs/packs/elm-export.md",
    rules=rules_of(sys.modules[__name__]),
)
