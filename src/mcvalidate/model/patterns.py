"""The patterns of the format's constrained values, and what each means in words.

A module of its own, without pydantic, because the checking path needs them (the schema stage
describes a pattern in words, MC061 looks codes up) while the models that use them are only
imported to build the compiled validator or the published schema.
"""

SLUG = r"^[a-z0-9][a-z0-9-]*$"
LANGUAGE = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
COUNTRY = r"^[A-Z]{2}$"
REGION = r"^[A-Z]{2}-[A-Z0-9]{1,3}$"
CURRENCY = r"^[A-Z]{3}$"
URL = r"^https?://[^\s/$.?#][^\s]*$"
CIP = r"^[0-9]{2}(\.[0-9]{2}([0-9]{2})?)?$"
NOC = r"^[0-9]{5}$"
NZSCED = r"^[0-9]{6}$"
ISCED_F = r"^[0-9]{2}([0-9]{1,2})?$"
NOT_BLANK = r"\S"
# A Credential Transparency Identifier (Credential Engine's CTID): "ce-" and a UUID, lowercase.
CTID = r"^ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"

PATTERN_NAMES = {
    SLUG: "a slug: lowercase letters, digits and hyphens, starting with a letter or digit "
    "(for example 'mass-timber-intro')",
    LANGUAGE: "a BCP 47 language tag such as 'en' or 'fr-CA'",
    COUNTRY: "a two-letter ISO 3166-1 country code in capitals, such as 'CA'",
    REGION: "an ISO 3166-2 region code such as 'CA-BC'",
    CURRENCY: "a three-letter ISO 4217 currency code in capitals, such as 'CAD'",
    URL: "a web address starting with http:// or https://",
    CIP: "a CIP code: two digits, a dot and four digits, such as '46.0201' (or the series "
    "'46' or '46.02')",
    NOC: "a NOC 2021 code: five digits, such as '72310' (NOC 2016 codes had four)",
    NZSCED: "an NZSCED code: six digits, such as '040301'",
    ISCED_F: "an ISCED-F 2013 code: two, three or four digits, such as '0732'",
    NOT_BLANK: "some text (it is empty)",
    CTID: "a CTID: 'ce-' and a UUID in lowercase, such as "
    "'ce-3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'",
}

# The classifications' codes are digits: written without quotes, YAML reads a number (and
# drops the zeros a code may start or end with), so the schema's finding says to quote them.
CLASSIFICATION_CODES = frozenset({CIP, NOC, NZSCED, ISCED_F})
# The codes of a registry, which MC061 looks up once the schema has checked their shape.
REGISTRY_CODES = {COUNTRY: "country", REGION: "region", CURRENCY: "currency", LANGUAGE: "language"}
