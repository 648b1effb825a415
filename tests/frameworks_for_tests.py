"""Small framework packs for the tests of scopes, the matrix and the crosswalk: each has a
scope of another kind (a country, a region, a funding program, none: applied when asked for,
a default) and rules that declare the element they check. Also written out as a local
``rule_paths`` pack, for the command line's tests."""

from __future__ import annotations

from mcvalidate.model import Course
from mcvalidate.rules import Pack, RuleContext, Scope, Source, rule

SOURCE = Source("A test framework", "Clause 1", "https://example.org/framework", "verbatim")


@rule(
    id="TNZ001",
    name="test-nz-hours",
    severity="error",
    source=SOURCE,
    element="Workload",
    reads=("/workload/hours",),
)
def nz_hours(course: Course, ctx: RuleContext) -> None:
    """The learning hours are given.

    Fails::

        title: Horticulture

    Passes::

        title: Horticulture
        workload: {hours: 40}
    """
    if course.workload is None or course.workload.hours is None:
        ctx.report("/workload/hours", "The learning hours are not given.", fix="Add them.")


@rule(
    id="TNZ002",
    name="test-nz-level",
    severity="warning",
    source=SOURCE,
    element="Level",
    reads=("/level/framework", "/level/value"),
)
def nz_level(course: Course, ctx: RuleContext) -> None:
    """The level is given.

    Fails::

        title: Horticulture

    Passes::

        title: Horticulture
        level: {framework: nzqcf, value: 4}
    """
    if course.level is None:
        ctx.report("/level", "The level is not given.", fix="Add it.")


@rule(
    id="TNZ003",
    name="test-nz-standards",
    severity="info",
    source=SOURCE,
    element="Standards used",
    reads=("/standards",),
)
def nz_standards(course: Course, ctx: RuleContext) -> None:
    """The standards used are listed.

    Fails::

        title: Horticulture

    Passes::

        title: Horticulture
        standards: [Unit standard 1]
    """
    if not course.standards:
        ctx.report("/standards", "No standard is listed.", fix="List them, if any.")


@rule(
    id="TNZ004",
    name="test-nz-outcomes",
    severity="error",
    source=SOURCE,
    element="Learning outcomes",
    reads=("/learning_outcomes",),
)
def nz_outcomes(course: Course, ctx: RuleContext) -> None:
    """Learning outcomes are listed.

    Fails::

        title: Horticulture

    Passes::

        title: Horticulture
        learning_outcomes: [Identify pests]
    """
    if not course.learning_outcomes:
        ctx.report("/learning_outcomes", "No learning outcome.", fix="Add them.")


@rule(
    id="TON001",
    name="test-on-hours",
    severity="error",
    source=SOURCE,
    element="Hours",
    reads=("/workload/hours",),
)
def on_hours(course: Course, ctx: RuleContext) -> None:
    """The learning hours are given (Ontario).

    Fails::

        title: Welding

    Passes::

        title: Welding
        workload: {hours: 40}
    """
    if course.workload is None or course.workload.hours is None:
        ctx.report("/workload/hours", "No hours (Ontario).", fix="Add them.")


@rule(
    id="TFU001",
    name="test-fund-weeks",
    severity="error",
    source=SOURCE,
    element="Under 12 weeks",
    reads=("/workload/weeks",),
)
def fund_weeks(course: Course, ctx: RuleContext) -> None:
    """The weeks are given (a funding profile).

    Fails::

        title: Welding
        funding: {programs: [test_fund]}

    Passes::

        title: Welding
        funding: {programs: [test_fund]}
        workload: {weeks: 6}
    """
    if course.workload is None or course.workload.weeks is None:
        ctx.report("/workload/weeks", "No weeks.", fix="Add them.")


@rule(
    id="TOP001",
    name="test-opt-id",
    severity="error",
    source=SOURCE,
    element="ID verification",
    reads=("/assessments/*/supervision",),
)
def opt_id(course: Course, ctx: RuleContext) -> None:
    """An assessment checks the learner's identity.

    Fails::

        title: Data science

    Passes::

        title: Data science
        assessments: [{id: A1, supervision: supervised_with_id}]
    """
    if not any(a.supervision == "supervised_with_id" for a in course.assessments or ()):
        ctx.report("/assessments", "No identity check.", fix="Supervise one with ID.")


@rule(
    id="TDF001",
    name="test-default-title",
    severity="warning",
    source=SOURCE,
    element="Summary",
    reads=("/summary",),
)
def default_summary(course: Course, ctx: RuleContext) -> None:
    """A summary is given (the default framework).

    Fails::

        title: Mass timber

    Passes::

        title: Mass timber
        summary: About mass timber.
    """
    if not course.summary:
        ctx.report("/summary", "No summary.", fix="Add one.")


NZ = Pack(
    "test-nz",
    "Test NZ framework",
    "Test NZ",
    "1",
    "https://example.org/nz",
    (nz_hours, nz_level, nz_standards, nz_outcomes),
    prefix="TNZ",
    scope=Scope(note="New Zealand's providers (issuer.country NZ)", countries=("NZ",)),
)
ONTARIO = Pack(
    "test-on",
    "Test Ontario framework",
    "Test ON",
    "1",
    "https://example.org/on",
    (on_hours,),
    prefix="TON",
    scope=Scope(note="Ontario's institutions", regions=("CA-ON",)),
)
FUND = Pack(
    "test-fund",
    "Test funding profile",
    "Test fund",
    "1",
    "https://example.org/f",
    (fund_weeks,),
    prefix="TFU",
    scope=Scope(note="the offerings test_fund funds", funding=("test_fund",)),
)
OPT_IN = Pack(
    "test-opt",
    "Test consortium framework",
    "Test opt",
    "1",
    "https://example.org/o",
    (opt_id,),
    prefix="TOP",
    scope=Scope(note="courses of the test consortium"),
)
DEFAULT = Pack(
    "test-default",
    "Test default framework",
    "Test default",
    "1",
    "https://example.org/d",
    (default_summary,),
    prefix="TDF",
    scope=Scope(note="B.C.'s institutions", regions=("CA-BC",), default=True),
)
PACKS = (NZ, ONTARIO, FUND, OPT_IN, DEFAULT)
