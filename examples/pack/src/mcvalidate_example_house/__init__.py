"""Example Coast College house rules: an example third-party rule pack for mcvalidate.

The pack is the :data:`PACK` object below. mcvalidate finds it through the entry point that
``pyproject.toml`` declares in the ``mcvalidate.packs`` group::

    [project.entry-points."mcvalidate.packs"]
    ecc-house = "mcvalidate_example_house:PACK"

Example Coast College is fictional, and so is its policy; the pack shows every part a real
pack has: rules with options and a cited source, the college's own course fields, and tests.
"""

from __future__ import annotations

from mcvalidate.rules import Pack

from mcvalidate_example_house.fields import HouseFields
from mcvalidate_example_house.rules import banner_code, dean_approval_cost
from mcvalidate_example_house.sources import POLICY, POLICY_URL

PACK = Pack(
    name="ecc-house",
    title="Example Coast College house rules",
    framework=POLICY,
    version="2025",
    url=POLICY_URL,
    rules=(banner_code, dean_approval_cost),
    prefix="ECC",  # every rule id starts with it, and no other pack of a run may claim it
    fields=HouseFields,  # the college's own top-level keys, validated like the format's
    namespace="x-ecc-",  # every key starting with it is the pack's: a misspelt one is refused
    requires=">=0.1",  # the mcvalidate versions the pack works with
)

__all__ = ["PACK", "HouseFields"]
