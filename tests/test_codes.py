"""The format's codes looked up in their registries (mcvalidate.codes, through pycountry and
langcodes): what is valid, what is suggested instead, the fixes of the schema's findings for a
code refused for its shape or written as a number, and that the registries load lazily, once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mcvalidate import codes
from mcvalidate.fixes import apply
from mcvalidate.testing import check_text


@pytest.mark.parametrize("code", ["CA", "NZ", "GB", "US", "XK", "AU", "IE", "CI"])
def test_assigned_countries_and_kosovo_pass(code: str) -> None:
    assert codes.unknown_country(code) is None


@pytest.mark.parametrize(
    ("code", "region", "message", "fix"),
    [
        ("UK", None, "United Kingdom's code is 'GB'", "Write 'GB'."),
        ("YU", None, "stood for Yugoslavia", "the country the issuer is in today"),
        ("CS", None, "Czechoslovakia", "today"),
        ("AN", None, "Netherlands Antilles (withdrawn in 2010)", "today"),
        ("BC", "CA-BC", "issuer.region CA-BC is in Canada ('CA')", "Write 'CA'."),
        # An unassigned code is not read as a province's code: ZZ is no country at all.
        ("ZZ", None, "not a country code that ISO 3166-1 has assigned.", "such as 'CA'"),
        ("EU", None, "has assigned", "such as 'CA' or 'NZ'"),
    ],
)
def test_unknown_countries(code: str, region: str | None, message: str, fix: str) -> None:
    unknown = codes.unknown_country(code, region)
    assert unknown is not None
    assert message in unknown.message
    assert fix in unknown.fix


@pytest.mark.parametrize(
    ("code", "country"),
    [("CA-BC", None), ("CA-BC", "CA"), ("NZ-AUK", "NZ"), ("GB-SCT", "GB"), ("FR-75C", "FR")],
)
def test_subdivisions_pass(code: str, country: str | None) -> None:
    assert codes.unknown_region(code, country) is None


@pytest.mark.parametrize(
    ("code", "country", "message", "fix"),
    [
        ("CA-BC", "US", "British Columbia, a province of Canada", "issuer.country to 'CA'"),
        ("US-ON", "CA", "CA-ON is Ontario, a province of Canada", "Write 'CA-ON'."),
        ("CA-PQ", "CA", "of Canada", "CA-ON, CA-PE, CA-QC, CA-SK or CA-YT"),
        ("FR-XX", None, "ISO 3166-2:FR", "such as 'FR-"),
        ("BC-CA", None, "wrong way round", "Write 'CA-BC'."),
        ("UK-ENG", None, "GB-ENG is England", "Write 'GB-ENG'."),
        ("XK-01", None, "no subdivisions for Kosovo", "Leave issuer.region out"),
        ("VA-01", None, "no subdivisions", "Leave issuer.region out"),
        ("ZZ-01", None, "'ZZ' is none", "the country first"),
    ],
)
def test_unknown_regions(code: str, country: str | None, message: str, fix: str) -> None:
    unknown = codes.unknown_region(code, country)
    assert unknown is not None
    assert message in unknown.message
    assert fix in unknown.fix


@pytest.mark.parametrize("code", ["CAD", "NZD", "EUR", "USD", "XXX", "AUD", "GBP"])
def test_currencies_pass(code: str) -> None:
    assert codes.unknown_currency(code) is None


@pytest.mark.parametrize(
    ("code", "country", "fix"),
    [
        ("CAN", None, "Did you mean 'CAD' (Canadian Dollar)?"),
        ("USA", None, "Did you mean 'USD' (US Dollar)?"),  # not USN, the next-day fund
        ("UKP", None, "'GBP'"),
        ("NZL", None, "'NZD'"),
        ("CDN", "CA", "Did you mean 'CAD' (Canadian Dollar) or 'CDF'"),
        ("DEM", None, "such as 'CAD', 'NZD' or 'EUR'"),
    ],
)
def test_unknown_currencies(code: str, country: str | None, fix: str) -> None:
    unknown = codes.unknown_currency(code, country)
    assert unknown is not None
    assert "is not an ISO 4217 currency code" in unknown.message
    assert fix in unknown.fix


@pytest.mark.parametrize(
    "tag",
    [
        "en",
        "fr-CA",
        "EN-us",  # case does not matter in BCP 47
        "mi-NZ",
        "es-419",
        "zh-Hant-TW",
        "sq-XK",
        "iw",  # deprecated, still registered
        "i-klingon",  # grandfathered
        "en-GB-oed",
        "x-private",
        "en-XY",  # XA to XZ are private-use regions
        "en-US-u-ca-gregory",
        "de-CH-1901",
    ],
)
def test_valid_tags_pass(tag: str) -> None:
    assert codes.unknown_language(tag) is None


@pytest.mark.parametrize(
    ("tag", "country", "message", "fix"),
    [
        ("fr-QC", None, "QC is Quebec's code within Canada (CA-QC)", "Write 'fr-CA'."),
        ("en-BC", "CA", "British Columbia's code within Canada", "Write 'en-CA'."),
        ("en-BC", None, "'BC' is not a region subtag", "Write 'en', or 'en-' and the ISO"),
        ("en-AB", "NZ", "'AB' is not a region subtag", "Write 'en-NZ' for English as used in"),
        ("eng", None, "ISO 639-1 code where there is one", "Write 'en'."),
        ("spa-MX", None, "registered subtag of Spanish, 'es'", "Write 'es-MX'."),
        ("en-UK", None, "United Kingdom's is 'GB'", "Write 'en-GB'."),
        ("en-124", None, "Canada's is 'CA'", "Write 'en-CA'."),
        ("en-999", None, "'999' is not a region subtag", "as a BCP 47 tag"),
        ("jp", None, "JP is the country code of Japan; Japanese is 'ja'", "Write 'ja'."),
        ("cz-CZ", None, "Czech is 'cs'", "Write 'cs-CZ'."),
        ("zz", None, "'zz' is not a language subtag", "as a BCP 47 tag"),
        ("fr-FR-FR", None, "out of order or repeated", "Write 'fr-FR'."),
        ("en-US-fooba", None, "'fooba' is not a registered variant", "Write 'en-US'."),
    ],
)
def test_invalid_tags(tag: str, country: str | None, message: str, fix: str) -> None:
    unknown = codes.unknown_language(tag, country)
    assert unknown is not None
    assert message in unknown.message
    assert fix in unknown.fix


@pytest.mark.parametrize(
    ("hint", "text", "found"),
    [
        (codes.country_hint, "ca", "CA"),
        (codes.country_hint, "Canada", "CA"),
        (codes.country_hint, "CAN", "CA"),
        (codes.country_hint, "uk", "GB"),
        (codes.country_hint, "xk", "XK"),
        (codes.currency_hint, "cad", "CAD"),
        (codes.currency_hint, "Canadian Dollar", "CAD"),
        (codes.region_hint, "ca-bc", "CA-BC"),
        (codes.region_hint, "British Columbia", "CA-BC"),
        (codes.region_hint, "QC", "CA-QC"),
        (codes.language_hint, "english", "en"),
        (codes.language_hint, "Maori", "mi"),
        (codes.language_hint, "fr_CA", "fr-CA"),
        (codes.language_hint, "French (Canada)", "fr-CA"),
    ],
)
def test_hints_for_a_value_refused_for_its_shape(hint: object, text: str, found: str) -> None:
    result = hint(text)  # type: ignore[operator]
    assert result is not None and result[0] == found


def test_a_bare_province_code_is_read_in_the_issuers_country() -> None:
    assert codes.region_hint("BC", "CA") == ("CA-BC", "British Columbia, a province of Canada")
    assert codes.region_hint("BC") is None  # BC is a code in Canada, Hungary, Romania...


@pytest.mark.parametrize("text", ["Narnia", "dollars", "Te reo Māori (Aotearoa)", "x" * 90])
def test_no_hint_for_what_names_nothing(text: str) -> None:
    assert codes.country_hint(text) is None
    assert codes.currency_hint(text) is None
    assert codes.language_hint(text) is None


def _fixes(text: str, rule: str) -> list[tuple[str, str, bool | None]]:
    result = check_text(text, rule)
    return [
        (f.pointer, f.fix, f.autofix.safe if f.autofix else None)
        for f in result.findings
        if f.rule == rule
    ]


def test_the_schema_suggests_the_code_a_refused_value_names() -> None:
    found = _fixes(
        "title: Mass timber\nlanguage: english\nissuer: {country: ca, region: BC}\n"
        "cost: {amount: 1, currency: cad}\n",
        "MC012",
    )
    assert found == [
        (
            "/language",
            "Did you mean 'en' (English)? Write a BCP 47 language tag such as 'en' or 'fr-CA'.",
            False,
        ),
        (
            "/issuer/country",
            "Did you mean 'CA' (Canada)? Write a two-letter ISO 3166-1 country code in "
            "capitals, such as 'CA'.",
            True,  # the case alone: as safe as an enum value's spelling
        ),
        (
            "/issuer/region",
            "Did you mean 'CA-BC' (British Columbia, a province of Canada)? Write an ISO "
            "3166-2 region code such as 'CA-BC'.",
            False,
        ),
        (
            "/cost/currency",
            "Did you mean 'CAD' (Canadian Dollar)? Write a three-letter ISO 4217 currency code "
            "in capitals, such as 'CAD'.",
            True,
        ),
    ]


def test_classification_codes_refused_for_their_form_say_what_they_probably_are() -> None:
    found = _fixes(
        'title: Mass timber\nclassification: {cip: "460201", noc: ["7231"], nzsced: "40301"}\n',
        "MC012",
    )
    assert [fix for _, fix, _ in found] == [
        "Did you mean '46.0201'? A CIP code has a dot after its first two digits.",
        "'7231' has the four digits of a NOC 2016 code: write the occupation's NOC 2021 code, "
        "of five digits (Statistics Canada's concordance gives the 2021 codes of each 2016 "
        "one).",
        "Write the six digits of the NZSCED code: one that starts with 0 (such as '040301') "
        "keeps it.",
    ]


def test_a_code_written_as_a_number_is_quoted_as_written_by_a_safe_fix() -> None:
    text = (
        "title: Mass timber\nclassification:\n  cip: 46.0200  # carpentry\n  noc: [07231, 7231]\n"
    )
    result = check_text(text, "MC011")
    by_pointer = {f.pointer: f for f in result.findings}
    cip = by_pointer["/classification/cip"]
    assert "YAML read '46.0200' as the number 46.02" in cip.message
    assert cip.fix.startswith('Put the code in quotes, as written: "46.0200".')
    # A four-digit NOC is quoted by hand: quoted, it is still no NOC 2021 code.
    assert by_pointer["/classification/noc/1"].autofix is None
    assert "NOC 2016" in by_pointer["/classification/noc/1"].fix
    fixes = [f.autofix for f in result.findings if f.autofix is not None]
    assert all(fix.safe for fix in fixes)
    assert apply(text, fixes) == (
        'title: Mass timber\nclassification:\n  cip: "46.0200"  # carpentry\n'
        '  noc: ["07231", 7231]\n'
    )


def test_lookups_are_cached() -> None:
    codes.unknown_language.cache_clear()
    for _ in range(3):
        codes.unknown_language("fr-QC", "CA")
    info = codes.unknown_language.cache_info()
    assert (info.hits, info.misses) == (2, 1)


def test_the_registries_are_imported_only_when_asked() -> None:
    code = (
        "import sys\n"
        "import mcvalidate.codes, mcvalidate.format_rules, mcvalidate.schema\n"
        "assert 'pycountry' not in sys.modules and 'langcodes' not in sys.modules\n"
        "from mcvalidate.codes import unknown_currency\n"
        "unknown_currency('CAD')\n"
        "assert 'pycountry' in sys.modules and 'langcodes' not in sys.modules\n"
    )
    # Without the cache of codes found valid, which would answer for CAD without pycountry.
    env = {**os.environ, "MCVALIDATE_CACHE_DIR": ""}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_codes_found_valid_are_remembered_by_later_runs(tmp_path: Path) -> None:
    """The second run answers from the cache: it imports neither registry for valid codes,
    and still looks up (and explains) an invalid one; a spoilt cache file is read around."""
    code = (
        "import sys\n"
        "from mcvalidate import codes\n"
        "assert codes.unknown_language('fr-CA') is None\n"
        "assert codes.unknown_region('CA-BC', 'CA') is None\n"
        "assert codes.unknown_currency('CAD', 'CA') is None\n"
        "assert codes.unknown_country('CA', 'CA-BC') is None\n"
        "print(sorted(m for m in ('langcodes', 'pycountry') if m in sys.modules))\n"
        "print(codes.unknown_language('fr-QC', 'CA').fix)\n"
    )
    env = {**os.environ, "MCVALIDATE_CACHE_DIR": str(tmp_path)}

    def run() -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.splitlines()

    first = run()
    assert first[0] == "['langcodes', 'pycountry']"
    (remembered,) = tmp_path.glob("codes-*.txt")
    lines = remembered.read_text(encoding="utf-8").splitlines()
    assert sorted(lines) == [
        "country\tCA\tCA-BC",
        "currency\tCAD\tCA",
        "language\tfr-CA\t",
        "region\tCA-BC\tCA",
    ]
    second = run()
    assert second[0] == "[]"  # the valid codes are answered without either registry
    # fr-QC is invalid, so never remembered: it is looked up, and explained, every run.
    assert second[1] == first[1] and "fr-CA" in second[1]
    remembered.write_bytes(b"\xff\xfe not text")
    assert run() == first


def test_a_registry_upgrade_forgets_the_remembered_codes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MCVALIDATE_CACHE_DIR", str(tmp_path))
    before = codes._remembered_file()
    assert before is not None and before.parent == tmp_path
    import langcodes

    source = Path(langcodes.__file__)
    status = source.stat()
    try:
        os.utime(source, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))
        assert codes._remembered_file() != before
    finally:
        os.utime(source, ns=(status.st_atime_ns, status.st_mtime_ns))
