"""Constrained value types shared by the format-1 models.

Each pattern here has a plain-language description in :data:`PATTERN_NAMES`, which the schema
stage uses to tell a curriculum designer what was expected instead of showing a regex;
:class:`Choices` gives each allowed value of a list of choices its meaning, for editors.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Annotated, Any, get_args

from pydantic import BeforeValidator, Field, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

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

Slug = Annotated[str, Field(pattern=SLUG)]
Language = Annotated[str, Field(pattern=LANGUAGE)]
Country = Annotated[str, Field(pattern=COUNTRY)]
Region = Annotated[str, Field(pattern=REGION)]
Currency = Annotated[str, Field(pattern=CURRENCY)]
Url = Annotated[str, Field(pattern=URL)]
CipCode = Annotated[str, Field(pattern=CIP)]
NocCode = Annotated[str, Field(pattern=NOC)]
NzscedCode = Annotated[str, Field(pattern=NZSCED)]
IscedCode = Annotated[str, Field(pattern=ISCED_F)]
NonBlank = Annotated[str, Field(pattern=NOT_BLANK)]
Ctid = Annotated[str, Field(pattern=CTID)]

# Numbers are strict (a quoted "60" or a true/false is refused), dates are not: the format
# accepts both YAML's own date type and an ISO 8601 date in quotes.
Positive = Annotated[float, Field(gt=0)]
NonNegative = Annotated[float, Field(ge=0)]
Percent = Annotated[float, Field(ge=0, le=100)]
PositiveInt = Annotated[int, Field(gt=0)]


def _not_a_number(value: object) -> object:
    """Lax dates would take a number as a Unix timestamp (2027 -> 1970-01-01T00:33:47): a
    number is never a date in a course file."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise PydanticCustomError("date_type", "Input should be a valid date")
    return value


Date = Annotated[datetime.date, Field(strict=False), BeforeValidator(_not_a_number)]


class Choices:
    """The meaning of each allowed value of a ``Literal``, for the JSON Schema only.

    Written beside a field's type (``Annotated[Status, STATUSES]``), it adds the meanings to the
    schema as ``enumDescriptions`` (plain text) and ``markdownEnumDescriptions`` beside the
    ``enum``, which editors (yaml-language-server, VS Code's JSON support) show when a designer
    picks or hovers a value. Validation is untouched. The table must name exactly the
    ``Literal``'s values, in its order: a value added to one and not the other fails at import,
    so the help cannot drift from what is accepted.
    """

    def __init__(self, literal: Any, meanings: Mapping[str, str]) -> None:
        if tuple(meanings) != get_args(literal):
            raise TypeError(f"the meanings {list(meanings)} do not match {get_args(literal)}")
        self.meanings = dict(meanings)

    def __get_pydantic_json_schema__(
        self, core: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler.resolve_ref_schema(handler(core))
        markdown = list(self.meanings.values())
        schema["enumDescriptions"] = [text.replace("`", "") for text in markdown]
        schema["markdownEnumDescriptions"] = markdown
        return schema
