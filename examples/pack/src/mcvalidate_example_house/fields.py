"""The pack's own course fields: the college's keys, which all start with ``x-ecc-``.

mcvalidate validates them with this model before the rules run, exactly like the format's own
fields: a wrong value is a finding (MC011 for a wrong type, MC012 for a wrong value) at the
value, and a misspelt ``x-ecc-`` key is an unknown key (MC010), because the pack declares the
whole ``x-ecc-`` namespace as its own. The model also appears in ``mcvalidate schema course``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

BANNER_CODE = r"^[A-Z]{4}-\d{3}$"


class HouseFields(BaseModel):
    """The Example Coast College fields of a course file."""

    # Strict like the format itself: "true" in quotes is not a boolean, and an unknown
    # x-ecc- key is refused instead of silently ignored.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    banner_code: str | None = Field(
        None,
        alias="x-ecc-banner-code",
        title="Banner code",
        pattern=BANNER_CODE,
        examples=["CARP-101"],  # how a finding says what is expected, instead of the pattern
        description="The course's code in Banner, the college's student system: four capital "
        "letters, a hyphen and three digits (CARP-101).",
    )
    dean_approval: bool | None = Field(
        None,
        alias="x-ecc-dean-approval",
        title="Dean's approval",
        description="true once the Dean has approved the course's cost to learners (needed "
        "when the cost is above the limit of rule ECC002).",
    )
