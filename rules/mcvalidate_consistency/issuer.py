"""Where the issuer is: a region inside its country."""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import RuleContext, rule
from mcvalidate_consistency.sources import own


@rule(
    id="CON011",
    name="issuer-region",
    severity="warning",
    source=own("An ISO 3166-2 region lies in the country its code starts with", "con011"),
)
def issuer_region(course: Course, ctx: RuleContext) -> None:
    """The issuer's region is in the issuer's country.

    ``issuer.region`` is an ISO 3166-2 code, which starts with the ISO 3166-1 code of its
    country: ``CA-BC`` is in ``CA``. A region of one country with ``country`` set to another
    (``country: US`` with ``region: CA-BC``) is a typo in one of the two, and the rules that
    depend on where the issuer is (whether the B.C. Framework applies) cannot tell which.

    Fails::

        title: Mass timber construction
        issuer: {name: Example Institute of Technology, country: US, region: CA-BC}

    Passes::

        title: Mass timber construction
        issuer: {name: Example Institute of Technology, country: CA, region: CA-BC}
    """
    issuer = course.issuer
    if issuer is None or issuer.country is None or issuer.region is None:
        return
    region_country = issuer.region.partition("-")[0]
    if region_country == issuer.country:
        return
    ctx.report(
        "/issuer/region",
        f"The region {issuer.region} is in the country {region_country}, but the issuer's "
        f"country is {issuer.country}.",
        fix=f"Correct 'country' or 'region': a region code starts with its country's code "
        f"('country: {region_country}' for {issuer.region}).",
    )
