"""Which packs apply to a file: the packs' scopes read against its issuer and funding, its own
``frameworks:`` list, what the run asked for, and the scope note instead of errors."""

from __future__ import annotations

import pytest

from frameworks_for_tests import DEFAULT, FUND, NZ, ONTARIO, OPT_IN, PACKS
from mcvalidate.engine import Checker
from mcvalidate.findings import FileResult
from mcvalidate.model import Course
from mcvalidate.packs import Registry
from mcvalidate.rules import Pack, RuleContext, Scope, Source, rule
from mcvalidate.settings import Settings
from mcvalidate.testing import check_text

REGISTRY = Registry(packs=PACKS, installed=False)


def checked(
    text: str, *frameworks: str, select: tuple[str, ...] = (), **settings: object
) -> FileResult:
    selection = REGISTRY.select(list(frameworks) or None, list(select))
    return Checker(selection, Settings(**settings)).check_bytes("c.yaml", text.encode())  # type: ignore[arg-type]


def rules_of(result: FileResult) -> list[str]:
    return sorted({f.rule for f in result.findings})


def test_a_file_gets_the_packs_whose_scope_takes_it_and_no_other() -> None:
    result = checked("title: x\nissuer: {country: NZ}\n")
    assert rules_of(result) == ["TNZ001", "TNZ002", "TNZ003", "TNZ004"]
    assert result.frameworks == ("format", "test-nz")


def test_a_region_takes_its_country_and_its_own_packs() -> None:
    ontario = checked("title: x\nissuer: {country: CA, region: CA-ON}\n")
    assert rules_of(ontario) == ["TON001"]
    assert rules_of(checked("title: x\nissuer: {region: CA-BC}\n")) == ["TDF001"]


def test_a_file_that_does_not_say_where_it_is_from_gets_the_default_packs() -> None:
    result = checked("title: x\n")
    assert rules_of(result) == ["TDF001"]
    assert result.frameworks == ("format", "test-default")


def test_a_pack_asked_for_applies_to_a_file_that_does_not_say_where_it_is_from() -> None:
    assert rules_of(checked("title: x\n", "test-nz")) == ["TNZ001", "TNZ002", "TNZ003", "TNZ004"]
    # A country whose province decides is not outside a province's scope.
    assert rules_of(checked("title: x\nissuer: {country: CA}\n", "test-on")) == ["TON001"]


def test_a_file_outside_the_scope_of_a_pack_asked_for_gets_one_scope_note() -> None:
    text = "title: x\nissuer:\n  name: Example Tech\n  region: CA-BC\n"
    result = checked(text, "test-nz", "test-default")
    notes = [f for f in result.findings if f.rule == "MC060"]
    assert [(f.pointer, f.span.line, f.span.column, f.span.end_column) for f in notes] == [
        ("/issuer/region", 4, 11, 16)
    ]
    assert notes[0].severity.value == "info"
    assert "Test NZ framework (test-nz) applies to New Zealand's providers" in notes[0].message
    assert "issuer is in CA-BC: its rules were not run" in notes[0].message
    assert "add it to the file's frameworks: list" in notes[0].fix
    assert "TNZ001" not in rules_of(result) and "TDF001" in rules_of(result)


def test_a_rule_selected_by_id_asks_for_its_pack() -> None:
    result = checked("title: x\nissuer: {country: AU}\n", select=("TNZ001",))
    assert rules_of(result) == ["MC060"]  # sticky: the note is not switched off by --select
    assert "issuer is in AU" in result.findings[0].message


def test_a_pack_nobody_asked_for_is_silent_on_a_file_outside_its_scope() -> None:
    assert rules_of(checked("title: x\nissuer: {country: AU}\n")) == []


def test_a_funding_profile_is_turned_on_by_its_program_wherever_the_issuer_is() -> None:
    funded = (
        "title: x\nissuer: {country: NZ}\nfunding: {programs: [test_fund]}\nworkload: {hours: 5}\n"
    )
    assert "TFU001" in rules_of(checked(funded))
    # Asked for without its program: the note is at the funding programs, or at the top.
    listed = checked("title: x\nfunding:\n  programs: [other_fund]\n", "test-fund")
    assert [(f.rule, f.pointer, f.span.line) for f in listed.findings] == [
        ("MC060", "/funding/programs", 3)
    ]
    assert "does not list 'test_fund'" in listed.findings[0].message
    bare = checked("title: x\n", "test-fund")
    assert [(f.rule, f.pointer, f.span.line) for f in bare.findings] == [("MC060", "", 1)]


def test_a_framework_of_no_jurisdiction_applies_only_when_asked_for() -> None:
    text = "title: x\nissuer: {country: DE}\n"
    assert rules_of(checked(text)) == []
    assert rules_of(checked(text, "test-opt")) == ["TOP001"]
    assert rules_of(checked(text + "frameworks: [test-opt]\n")) == ["TOP001"]


def test_the_files_own_list_decides_for_it() -> None:
    text = "title: x\nissuer: {region: CA-BC}\nframeworks: [test-nz, TEST-ON]\n"
    result = checked(text)
    assert rules_of(result) == ["TNZ001", "TNZ002", "TNZ003", "TNZ004", "TON001"]
    assert result.frameworks == ("format", "test-nz", "test-on")
    every = checked("title: x\nframeworks: [all]\nfunding: {programs: [x]}\n")
    assert {f.pack for f in every.findings} == {p.name for p in PACKS}
    # The run's --framework still limits what is loaded.
    assert rules_of(checked(text, "test-on")) == ["TON001"]


def test_an_unknown_name_in_the_files_list_is_an_error_with_the_closest_name() -> None:
    result = checked("title: x\nframeworks: [test-nzz, quebec]\n")
    unknown = [f for f in result.findings if f.rule == "MC059"]
    assert [
        (f.pointer, f.span.line, f.span.column, f.span.end_column, f.severity.value)
        for f in unknown
    ] == [
        ("/frameworks/0", 2, 14, 22, "error"),
        ("/frameworks/1", 2, 24, 30, "error"),
    ]
    assert unknown[0].fix == "Did you mean 'test-nz'?"
    assert "'mcvalidate rules' lists the installed packs" in unknown[1].fix


def test_matrix_settings_apply_every_pack_whatever_the_scope_and_no_note() -> None:
    result = checked("title: x\nissuer: {region: CA-BC}\n", scoped=False)
    assert {f.pack for f in result.findings} == {
        "test-nz",
        "test-on",
        "test-opt",
        "test-default",
        "test-fund",
    }
    assert "MC060" not in rules_of(result)
    # What check would have applied is still told.
    assert result.frameworks == ("format", "test-default")


def test_a_file_that_is_no_course_has_no_frameworks() -> None:
    assert checked("title: [\n").frameworks == ()
    assert checked("- a list\n").frameworks == ()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"note": "x", "countries": ("nz",)}, "'countries' must be ISO 3166 codes"),
        ({"note": "x", "countries": "NZ"}, "'countries' must be ISO 3166 codes"),
        ({"note": "x", "regions": ("BC",)}, "'regions' must be ISO 3166 codes"),
        ({"note": "x", "funding": ("Test Fund",)}, "'funding' must be program names"),
        ({"note": "x", "default": True}, "only a jurisdiction's pack can be a default"),
        ({"note": " "}, "'note' must be non-empty text"),
    ],
)
def test_a_malformed_scope_is_refused_when_declared(
    kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        Scope(**kwargs)  # type: ignore[arg-type]


def test_a_pack_scope_and_a_rules_element_are_checked_when_declared() -> None:
    rules = NZ.rules
    with pytest.raises(ValueError, match=r"'scope' must be a mcvalidate\.rules\.Scope"):
        Pack("p", "P", "F", "1", "https://example.org", rules, scope="NZ")  # type: ignore[arg-type]
    source = Source("D", "C", "https://example.org", "verbatim")
    doc = "A rule.\n\nFails::\n\n    title: x\n\nPasses::\n\n    title: x\n"

    def check(course: object, ctx: object) -> None:
        return None

    check.__doc__ = doc
    with pytest.raises(ValueError, match="'reads' must be JSON pointers"):
        rule(id="TXX001", name="a", severity="info", source=source, element="E", reads="/title")(
            check
        )
    with pytest.raises(ValueError, match="'reads' must be JSON pointers"):
        rule(id="TXX001", name="a", severity="info", source=source, element="E", reads=("title",))(
            check
        )
    with pytest.raises(ValueError, match="give 'element'"):
        rule(id="TXX001", name="a", severity="info", source=source, reads=("/title",))(check)


def test_scope_reach_by_hand() -> None:
    assert NZ.scope is not None and ONTARIO.scope is not None and FUND.scope is not None
    assert NZ.scope.reach("NZ", None, ()) is True
    assert NZ.scope.reach(None, "NZ-AUK", ()) is True
    assert NZ.scope.reach("AU", None, ()) is False
    assert NZ.scope.reach(None, None, ()) is None
    assert ONTARIO.scope.reach("CA", None, ()) is None
    assert ONTARIO.scope.reach("CA", "CA-BC", ()) is False
    assert FUND.scope.reach("NZ", None, ("test_fund",)) is True
    assert FUND.scope.reach(None, None, ()) is False
    assert OPT_IN.scope is not None and OPT_IN.scope.reach("DE", None, ()) is None
    assert DEFAULT.scope is not None and DEFAULT.scope.default


def test_the_testing_kit_applies_the_packs_it_is_handed_as_asked_for() -> None:
    result = check_text("title: x\n", packs=[NZ], frameworks=["test-nz"])
    assert rules_of(result) == ["TNZ001", "TNZ002", "TNZ003", "TNZ004"]
    outside = check_text("title: x\nissuer: {country: CA}\n", packs=[NZ], frameworks=["test-nz"])
    assert rules_of(outside) == ["MC060"]


def test_the_bc_funding_pack_knows_the_programs_of_every_pack_of_the_run() -> None:
    text = "title: x\nissuer: {region: CA-BC}\nfunding: {programs: [test_fund, test_fnd]}\n"
    result = check_text(text, "BCG001", packs=[FUND])
    assert [(f.pointer, f.fix) for f in result.findings] == [
        ("/funding/programs/1", "Did you mean 'test_fund'?")
    ]


@rule(
    id="TPR001",
    name="test-profile-summary",
    severity="error",
    source=Source("Test target", "§1", "https://example.org/p", "verbatim"),
    element="description",
    reads=("/summary",),
)
def profile_summary(course: Course, ctx: RuleContext) -> None:
    """The target needs a description.

    Fails::

        title: x

    Passes::

        title: x
        summary: About it.
    """
    if not course.summary:
        ctx.report("/summary", "The target needs a description.", fix="Write a summary.")


PROFILE = Pack(
    "test-target-export",
    "Test export profile",
    "Test target",
    "1",
    "https://example.org/p",
    (profile_summary,),
    prefix="TPR",
    scope=Scope(note="documents exported to the test target", profile=True),
)
WITH_PROFILE = Registry(packs=(*PACKS, PROFILE), installed=False)


def test_an_export_profile_asked_for_applies_whatever_the_files_own_list_says() -> None:
    listed = "title: x\nframeworks: [test-nz]\nissuer: {country: NZ}\n"
    selection = WITH_PROFILE.select(["test-target-export"])
    result = Checker(selection, Settings()).check_bytes("c.yaml", listed.encode())
    assert rules_of(result) == ["TPR001"]
    assert "test-target-export" in result.frameworks
    # Not asked for, it is silent, even on a file that says nothing about where it is from.
    quiet = Checker(WITH_PROFILE.select(), Settings()).check_bytes("c.yaml", b"title: x\n")
    assert "TPR001" not in rules_of(quiet)


def test_an_export_profile_binds_no_jurisdiction_and_is_no_matrix_column() -> None:
    with pytest.raises(ValueError, match="a profile binds no jurisdiction"):
        Scope(note="x", profile=True, countries=("NZ",))
    from mcvalidate.matrix import Matrix

    columns = Matrix(WITH_PROFILE.select()).columns
    assert PROFILE not in columns and NZ in columns
