"""Constrained value types shared by the format-1 models.

Each pattern they use has a plain-language description in
:data:`mcvalidate.model.patterns.PATTERN_NAMES`, which the schema stage uses to tell a
curriculum designer what was expected instead of showing a regex; :class:`Choices` gives each
allowed value of a list of choices its meaning, for editors.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Annotated, Any, get_args

from pydantic import BeforeValidator, Field, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from mcvalidate.model.coerce import not_a_number
from mcvalidate.model.patterns import (
    CIP,
    COUNTRY,
    CTID,
    CURRENCY,
    ISCED_F,
    LANGUAGE,
    NOC,
    NOT_BLANK,
    NZSCED,
    REGION,
    SLUG,
    URL,
)

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


Date = Annotated[datetime.date, Field(strict=False), BeforeValidator(not_a_number)]


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
