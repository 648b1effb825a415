"""The course format's codes, looked up in the registries they come from.

``issuer.country`` is an ISO 3166-1 alpha-2 code, ``issuer.region`` an ISO 3166-2 subdivision,
``cost.currency`` an ISO 4217 code and ``language`` a BCP 47 tag. The schema checks their shape;
this module says whether a well-shaped code is one its registry assigned (MC061), with the code
that was probably meant, and finds the code behind a value the schema refused for its shape (a
name, ``english``; a code in lower case, ``ca``) for the schema's own finding (MC012).

The registries are not tables kept here. ``pycountry`` (LGPL-2.1) packages the ISO 3166-1,
3166-2 and 4217 lists of the iso-codes project; ``langcodes`` (MIT) the IANA Language Subtag
Registry and CLDR's aliases (``UK`` for ``GB``, ``eng`` for ``en``) and likely languages (``ja``
in ``JP``). Both are imported inside the functions, when a file holds such a value, so that
``--help``, ``--version`` and a file without codes never load them; every answer is cached, so
that a run of hundreds of files loads each database once and looks each code up once. A code
found valid is also remembered in the user's cache directory (:mod:`mcvalidate.usercache`), in
a file stamped with both libraries' files and this one's: importing ``langcodes`` alone costs
more than the rest of a one-file check, and a course's codes are the same from run to run.

One decision is mcvalidate's: ``XK`` is accepted as a country. ISO 3166-1 has not assigned it
(it is a user-assigned code), but the European Commission, the IMF, SWIFT and CLDR use it for
Kosovo, which has no other code; refusing it would leave an issuer in Kosovo nothing valid to
write. ISO 3166-2 lists no subdivisions for it.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from functools import lru_cache, wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from mcvalidate import __version__
from mcvalidate.text import listing
from mcvalidate.usercache import append_line, cache_dir, read, stamp

if TYPE_CHECKING:
    from langcodes import Language

__all__ = [
    "KOSOVO",
    "Unknown",
    "country_hint",
    "currency_hint",
    "language_hint",
    "region_hint",
    "unknown_country",
    "unknown_currency",
    "unknown_language",
    "unknown_region",
]

KOSOVO = "XK"
# A run checks hundreds of files with a handful of distinct codes; a language server sees
# what is typed, code after code. Either way the caches stay small.
_CACHED = 2048
# A country's subdivisions are listed in a message when there are at most this many.
_LISTED = 20
_ISO_3166_2 = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")


# -- codes found valid by earlier runs ----------------------------------------------------------

_Lookup = TypeVar("_Lookup", bound=Callable[..., Any])
_LIBRARIES = ("langcodes", "pycountry")


class _Remembered:
    """The valid codes of earlier runs, a ``kind<TAB>code<TAB>context`` line each, read once
    per run; a lookup that finds a code valid adds its line. Only valid answers are kept (an
    invalid code needs its message, and is rare), so an answer read back is always None."""

    def __init__(self) -> None:
        self._path: Path | None = None
        self._lines: set[str] | None = None

    def _read(self) -> set[str]:
        if self._lines is None:
            self._path = _remembered_file()
            self._lines = set()
            if self._path is not None:
                # No file yet, or a spoilt or untrusted one: its codes are looked up again.
                raw = read(self._path)
                with contextlib.suppress(UnicodeDecodeError):
                    self._lines = set(raw.decode("utf-8").splitlines()) if raw else set()
        return self._lines

    def __contains__(self, line: str) -> bool:
        return line in self._read()

    def add(self, line: str) -> None:
        lines = self._read()
        lines.add(line)
        if self._path is not None:
            append_line(self._path, line)


def _remembered_file() -> Path | None:
    import importlib.util

    directory = cache_dir()
    if directory is None:
        return None
    sources = [Path(__file__)]
    for name in _LIBRARIES:
        spec = importlib.util.find_spec(name)  # found, not imported
        if spec is None or spec.origin is None:
            return None
        sources.append(Path(spec.origin))
    return directory / f"codes-{__version__}-{stamp(sources)}.txt"


_REMEMBERED = _Remembered()


def _remembering(kind: str) -> Callable[[_Lookup], _Lookup]:
    """Answer a lookup from the codes earlier runs found valid, and remember a valid one."""

    def decorate(lookup: _Lookup) -> _Lookup:
        @wraps(lookup)
        def remembered(code: str, context: str | None = None) -> Unknown | None:
            line = f"{kind}\t{code}\t{context or ''}"
            if "\n" in line or line.count("\t") != 2:
                return lookup(code, context)  # type: ignore[no-any-return]
            if line in _REMEMBERED:
                return None
            unknown: Unknown | None = lookup(code, context)
            if unknown is None:
                _REMEMBERED.add(line)
            return unknown

        return remembered  # type: ignore[return-value]

    return decorate


class Unknown(NamedTuple):
    """Why a well-shaped code is no code of its registry (``message``, a sentence about the
    value) and what to write instead (``fix``, naming the likely value when there is one)."""

    message: str
    fix: str


# -- ISO 3166-1: countries ----------------------------------------------------------------------


def _country(code: str) -> Any:
    """The ISO 3166-1 entry of an alpha-2 code in capitals, or None."""
    import pycountry

    return pycountry.countries.get(alpha_2=code) if len(code) == 2 else None


def _country_name(code: str) -> str:
    if code == KOSOVO:
        return "Kosovo"
    entry = _country(code)
    if entry is None:
        return code
    return str(getattr(entry, "common_name", None) or entry.name)


def _assigned(code: str) -> bool:
    return code == KOSOVO or _country(code) is not None


def _alias(code: str) -> str | None:
    """The assigned country CLDR reads a two-letter region code as (``UK`` as ``GB``), when
    it is not itself withdrawn from ISO 3166-1 (a withdrawn code may have several
    successors, of which CLDR keeps one)."""
    from langcodes import Language

    if _withdrawn(code) or not re.fullmatch(r"[A-Z]{2}", code):
        return None
    replaced = Language.get(f"und-{code}").territory
    return replaced if replaced and replaced != code and _country(replaced) else None


def _withdrawn(code: str) -> list[Any]:
    import pycountry

    return [c for c in pycountry.historic_countries if c.alpha_2 == code]


@lru_cache(maxsize=_CACHED)
@_remembering("country")
def unknown_country(code: str, region: str | None = None) -> Unknown | None:
    """None when ``code`` (two capitals) is an assigned ISO 3166-1 alpha-2 code (or ``XK``);
    otherwise why not, with the likely code: CLDR's reading of an alias (``UK``) or the
    country of ``region`` (a valid ``issuer.region``)."""
    if _assigned(code):
        return None
    generic = "Write the issuer's country as its two-letter ISO 3166-1 code, such as 'CA' or 'NZ'."
    withdrawn = _withdrawn(code)
    if withdrawn:
        what = listing(
            [f"{c.name} (withdrawn in {str(c.withdrawal_date)[:4]})" for c in withdrawn],
            "and later",
        )
        return Unknown(
            f"'{code}' is no longer an ISO 3166-1 country code: it stood for {what}.",
            "Write the ISO 3166-1 code of the country the issuer is in today.",
        )
    message = f"'{code}' is not a country code that ISO 3166-1 has assigned"
    alias = _alias(code)
    if alias:
        return Unknown(
            f"{message}; {_country_name(alias)}'s code is '{alias}'.", f"Write '{alias}'."
        )
    within = _subdivision(region) if region else None
    if within is not None:
        country = within.country_code
        return Unknown(
            f"{message}; issuer.region {region} is in {_country_name(country)} ('{country}').",
            f"Write '{country}'.",
        )
    return Unknown(f"{message}.", generic)


# -- ISO 3166-2: subdivisions -------------------------------------------------------------------


def _subdivisions(pycountry: Any) -> Any:
    """pycountry's subdivision database (its ``get`` is not typed)."""
    return pycountry.subdivisions


def _subdivision(code: str | None) -> Any:
    import pycountry

    if not code or not _ISO_3166_2.match(code):
        return None
    return _subdivisions(pycountry).get(code=code)


@lru_cache(maxsize=1)
def _by_suffix() -> dict[str, list[Any]]:
    """Every subdivision by the part of its code after the hyphen (``QC``: CA-QC), made
    once: the subdivisions are not indexed that way."""
    import pycountry

    found: dict[str, list[Any]] = {}
    for sub in pycountry.subdivisions:
        found.setdefault(sub.code.partition("-")[2], []).append(sub)
    for subs in found.values():
        subs.sort(key=lambda s: s.code)
    return found


def _ending(suffix: str) -> list[Any]:
    return _by_suffix().get(suffix.upper(), [])


def _top_level(country: str) -> list[Any]:
    import pycountry

    subs = _subdivisions(pycountry).get(country_code=country) or []
    return sorted((s for s in subs if s.parent_code is None), key=lambda s: s.code)


def _a(word: str) -> str:
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def _described(sub: Any) -> str:
    """``British Columbia, a province of Canada``."""
    return f"{sub.name}, {_a(sub.type.lower())} of {_country_name(sub.country_code)}"


@lru_cache(maxsize=_CACHED)
@_remembering("region")
def unknown_region(code: str, country: str | None = None) -> Unknown | None:
    """None when ``code`` is an ISO 3166-2 subdivision code (of ``country``, when given: the
    issuer's assigned country); otherwise why not, with the likely code."""
    prefix, _, suffix = code.partition("-")
    sub = _subdivision(code)
    if sub is not None:
        if not country or country == sub.country_code:
            return None
        there = _subdivision(f"{country}-{suffix}")
        instead = f"Write '{there.code}' ({there.name}), or correct" if there else "Correct"
        return Unknown(
            f"'{code}' is {_described(sub)} ('{sub.country_code}'), but issuer.country is "
            f"'{country}' ({_country_name(country)}).",
            f"{instead} issuer.country to '{sub.country_code}'.",
        )
    if country and country != prefix:
        there = _subdivision(f"{country}-{suffix}")
        if there is not None:
            return Unknown(
                f"'{code}' is not an ISO 3166-2 subdivision code; issuer.country is "
                f"'{country}', and {there.code} is {_described(there)}.",
                f"Write '{there.code}'.",
            )
    if not _assigned(prefix):
        return _unknown_prefix(code, prefix, suffix)
    name = _country_name(prefix)
    subs = _top_level(prefix)
    if not subs:
        return Unknown(
            f"'{code}' is not an ISO 3166-2 subdivision code: ISO 3166-2 lists no subdivisions "
            f"for {name} ('{prefix}').",
            "Leave issuer.region out; issuer.country says where the issuer is.",
        )
    message = f"'{code}' is not an ISO 3166-2 subdivision code of {name}"
    if len(subs) <= _LISTED:
        codes = listing([s.code for s in subs], "or")
        return Unknown(f"{message}.", f"Write one of {name}'s codes: {codes}.")
    return Unknown(
        f"{message}, whose list (ISO 3166-2:{prefix}) has {len(subs)} top-level codes.",
        f"Write the issuer's subdivision as ISO 3166-2:{prefix} codes it, such as "
        f"'{subs[0].code}'.",
    )


def _unknown_prefix(code: str, prefix: str, suffix: str) -> Unknown:
    """A region whose part before the hyphen is no assigned country."""
    if prefix == KOSOVO:
        return Unknown(
            f"'{code}' is not an ISO 3166-2 subdivision code: ISO 3166-2 lists no subdivisions "
            "for Kosovo ('XK').",
            "Leave issuer.region out; issuer.country says where the issuer is.",
        )
    turned = _subdivision(f"{suffix}-{prefix}")
    if turned is not None:
        return Unknown(
            f"'{code}' has its two parts the wrong way round: an ISO 3166-2 code starts with "
            f"the country ({turned.code} is {_described(turned)}).",
            f"Write '{turned.code}'.",
        )
    alias = _alias(prefix)
    if alias and (there := _subdivision(f"{alias}-{suffix}")) is not None:
        return Unknown(
            f"'{code}' is not an ISO 3166-2 subdivision code: '{prefix}' is no ISO 3166-1 "
            f"country code, and {there.code} is {_described(there)}.",
            f"Write '{there.code}'.",
        )
    return Unknown(
        f"'{code}' is not an ISO 3166-2 subdivision code: it should start with the country's "
        f"ISO 3166-1 code, and '{prefix}' is none.",
        "Write the issuer's province or state as its ISO 3166-2 code, the country first, such "
        "as 'CA-BC'.",
    )


# -- ISO 4217: currencies -----------------------------------------------------------------------


def _currency(code: str) -> Any:
    import pycountry

    return pycountry.currencies.get(alpha_3=code)


def _currencies_of(country: str) -> list[Any]:
    """The currencies whose ISO 4217 code starts with the country's two letters (most do: CAD,
    NZD), those of funds and settlement units (``USN``, "US Dollar (Next day)") left out
    when there is another."""
    import pycountry

    found = [c for c in pycountry.currencies if c.alpha_3.startswith(country)]
    plain = [c for c in found if "(" not in c.name]
    return sorted(plain or found, key=lambda c: c.alpha_3)


@lru_cache(maxsize=_CACHED)
@_remembering("currency")
def unknown_currency(code: str, country: str | None = None) -> Unknown | None:
    """None when ``code`` (three capitals) is an ISO 4217 currency code; otherwise why not,
    with the currencies of ``country`` (the issuer's) and of the country its letters name
    (``CAN``, Canada's ISO 3166-1 alpha-3 code, or ``CA``: CAD)."""
    if _currency(code) is not None:
        return None
    import pycountry

    # The issuer's country first (CDN in Canada is CAD), then the country the letters name.
    named = pycountry.countries.get(alpha_3=code)
    starts = [country] if country else []
    for start in (named.alpha_2 if named else None, code[:2], _alias(code[:2])):
        if start and _assigned(start) and _currencies_of(start):
            starts.append(start)
            break
    candidates = [c for start in dict.fromkeys(starts) for c in _currencies_of(start)]
    message = f"'{code}' is not an ISO 4217 currency code."
    if named is not None:
        message = (
            f"'{code}' is not an ISO 4217 currency code: it is the ISO 3166-1 code of "
            f"{_country_name(named.alpha_2)}, the country."
        )
    if not candidates:
        return Unknown(
            message,
            "Write the currency's three-letter ISO 4217 code, such as 'CAD', 'NZD' or 'EUR'.",
        )
    meant = listing([f"'{c.alpha_3}' ({c.name})" for c in candidates], "or")
    return Unknown(message, f"Did you mean {meant}?")


# -- BCP 47: language tags ----------------------------------------------------------------------


def _language_name(subtag: str | None) -> str:
    import pycountry

    if not subtag:
        return ""
    entry = (
        pycountry.languages.get(alpha_2=subtag)
        if len(subtag) == 2
        else pycountry.languages.get(alpha_3=subtag)
    )
    return str(entry.name) if entry is not None else ""


def _valid(tag: str) -> bool:
    from langcodes import tag_is_valid

    return bool(tag_is_valid(tag))


def _made(parts: dict[str, Any]) -> str | None:
    """The tag of ``parts`` (a Language's fields), when it is valid."""
    from langcodes import Language

    tag = Language.make(**parts).to_tag()
    return tag if _valid(tag) else None


def _parts(language: Language) -> dict[str, Any]:
    return {
        key: getattr(language, key)
        for key in ("language", "extlangs", "script", "territory", "variants", "extensions")
    } | {"private": language.private}


@lru_cache(maxsize=_CACHED)
@_remembering("language")
def unknown_language(tag: str, country: str | None = None) -> Unknown | None:
    """None when ``tag`` is a valid BCP 47 tag as written; otherwise why not, with the likely
    tag (``fr-CA`` for ``fr-QC``, ``en`` for ``eng``). ``country`` (the issuer's) helps to
    choose the region meant by a subdivision code used as one.

    Valid is what langcodes' ``tag_is_valid`` says, and registered as written: a tag it only
    accepts by translating a subtag the registry does not hold (``eng``, ISO 639-2's code for
    English, where BCP 47 uses ``en``; ``en-UK`` for ``en-GB``) is reported with the registered
    form. Deprecated subtags that are still registered (``iw`` for Hebrew) and the
    grandfathered tags (``i-klingon``) are valid. Case does not matter in BCP 47."""
    from langcodes import Language, standardize_tag
    from langcodes.tag_parser import LanguageTagError

    try:
        raw = Language.get(tag, normalize=False)
    except (LanguageTagError, ValueError):
        return _ill_formed(tag)
    # A grandfathered tag (en-GB-oed) is read whole, as one language subtag.
    if raw.is_valid() or (raw.language and "-" in raw.language and _valid(tag)):
        return None
    if _valid(tag):
        return _alias_tag(tag, raw, Language.get(tag), standardize_tag(tag))
    return _invalid_subtag(tag, raw, country)


def _ill_formed(tag: str) -> Unknown:
    parts = tag.split("-")
    prefix = next(
        ("-".join(parts[:n]) for n in range(len(parts) - 1, 0, -1) if _valid("-".join(parts[:n]))),
        None,
    )
    return Unknown(
        f"'{tag}' is not a valid BCP 47 language tag: its subtags are out of order or "
        "repeated (a tag is the language, then the script, the region and the variants, each "
        "at most once).",
        f"Write '{prefix}'." if prefix else _WRITE_TAG,
    )


_WRITE_TAG = (
    "Write the language as a BCP 47 tag, such as 'en', 'fr-CA' or 'mi' (the IANA Language "
    "Subtag Registry lists the subtags)."
)


def _alias_tag(tag: str, raw: Language, norm: Language, standard: str) -> Unknown:
    """A tag langcodes accepts only by replacing a subtag that is not registered as written."""
    if norm.territory == "ZZ" and raw.territory != "ZZ":
        return Unknown(  # an unassigned UN M.49 number, read as 'unknown region'
            f"'{tag}' is not a valid BCP 47 language tag: '{raw.territory}' is not a region "
            "subtag.",
            _WRITE_TAG,
        )
    why = []
    if raw.language != norm.language and raw.language and norm.language:
        name = _language_name(norm.language)
        two = len(raw.language) == 3 and len(norm.language) == 2
        why.append(
            f"'{raw.language}' is not the registered subtag of {name or 'its language'}, "
            f"'{norm.language}'"
            + (" (BCP 47 uses the two-letter ISO 639-1 code where there is one)" if two else "")
        )
    if raw.territory != norm.territory and raw.territory and norm.territory:
        why.append(
            f"'{raw.territory}' is not a region subtag, and {_country_name(norm.territory)}'s "
            f"is '{norm.territory}'"
        )
    detail = "; ".join(why) or f"its registered form is '{standard}'"
    return Unknown(
        f"'{tag}' is not a valid BCP 47 language tag as written: {detail}.",
        f"Write '{standard}'.",
    )


def _invalid_subtag(tag: str, raw: Language, country: str | None) -> Unknown:
    """A well-formed tag with a subtag that no registry holds, the first such one named."""
    from langcodes import Language

    parts = _parts(raw)
    if raw.language and not Language.make(language=raw.language).is_valid():
        message = f"'{tag}' is not a valid BCP 47 language tag: '{raw.language}' is not a language"
        as_country = raw.language.upper()
        if len(as_country) == 2 and _assigned(as_country):
            likely = Language.get(f"und-{as_country}").maximize().language
            meant = _made(parts | {"language": likely}) if likely else None
            if meant:
                return Unknown(
                    f"{message} subtag ({as_country} is the country code of "
                    f"{_country_name(as_country)}; {_language_name(likely) or 'its language'} "
                    f"is '{likely}').",
                    f"Write '{meant}'.",
                )
        return Unknown(f"{message} subtag.", _WRITE_TAG)
    if raw.script and not Language.make(script=raw.script).is_valid():
        return _dropped(tag, parts, "script", f"'{raw.script}' is not a script subtag (ISO 15924)")
    if raw.territory and not Language.make(territory=raw.territory).is_valid():
        return _region_subtag(tag, raw, parts, country)
    unknown = [v for v in raw.variants or () if not Language.make(variants=[v]).is_valid()]
    what = listing([f"'{v}'" for v in unknown]) or "a variant"
    verb = (
        "are not registered variant subtags"
        if len(unknown) > 1
        else "is not a registered variant subtag"
    )
    return _dropped(tag, parts, "variants", f"{what} {verb}")


def _dropped(tag: str, parts: dict[str, Any], key: str, why: str) -> Unknown:
    meant = _made(parts | {key: None})
    return Unknown(
        f"'{tag}' is not a valid BCP 47 language tag: {why}.",
        f"Write '{meant}'." if meant else _WRITE_TAG,
    )


def _region_subtag(tag: str, raw: Language, parts: dict[str, Any], country: str | None) -> Unknown:
    """``fr-QC``: a region subtag that is no country or area, often a province's code."""
    region = str(raw.territory)
    message = (
        f"'{tag}' is not a valid BCP 47 language tag: '{region}' is not a region subtag (a "
        "tag's region is a country, by its ISO 3166-1 code, or a UN M.49 area such as 419, "
        "not a province or a state)"
    )
    subs = _ending(region)
    if country:
        mine = [s for s in subs if s.country_code == country]
        subs = mine or subs
    countries = sorted({s.country_code for s in subs})
    if len(countries) == 1:
        meant = _made(parts | {"territory": countries[0]})
        if meant:
            where = listing([s.name for s in subs])
            codes = listing([s.code for s in subs])
            return Unknown(
                f"{message}; {region} is {where}'s code within "
                f"{_country_name(countries[0])} ({codes}).",
                f"Write '{meant}'.",
            )
    meant = _made(parts | {"territory": country}) if country else None
    if meant:
        return Unknown(
            f"{message}.",
            f"Write '{meant}' for {_language_name(raw.language) or 'the language'} as used in "
            f"{_country_name(str(country))}, the issuer's country.",
        )
    without = _made(parts | {"territory": None})
    return Unknown(
        f"{message}.",
        f"Write '{without}', or '{raw.language}-' and the ISO 3166-1 code of the country where "
        "it is used."
        if without and raw.language
        else _WRITE_TAG,
    )


# -- what a value the schema refused for its shape was meant to be (MC012's fix) ----------------


@lru_cache(maxsize=_CACHED)
def country_hint(text: str) -> tuple[str, str] | None:
    """``(code, name)`` of the country ``text`` names or codes in another form (``Canada``,
    ``ca``, ``CAN``), or None."""
    import pycountry

    value = text.strip()
    try:
        code = str(pycountry.countries.lookup(value).alpha_2)
    except LookupError:
        upper = value.upper()
        code = upper if upper == KOSOVO else (_alias(upper) or "")
    return (code, _country_name(code)) if code else None


@lru_cache(maxsize=_CACHED)
def region_hint(text: str, country: str | None = None) -> tuple[str, str] | None:
    """``(code, name)`` of the subdivision ``text`` names or codes in another form (``ca-bc``,
    ``BC`` or ``British Columbia`` in Canada, the issuer's ``country``), or None."""
    import pycountry

    value = text.strip()
    found = _subdivision(value.upper()) or (
        _subdivision(f"{country}-{value.upper()}") if country else None
    )
    if found is None:
        folded = value.casefold()
        named = [
            s
            for s in pycountry.subdivisions
            if s.name.casefold() == folded and (not country or s.country_code == country)
        ]
        found = named[0] if len(named) == 1 else None
    if found is None and re.fullmatch(r"[A-Za-z0-9]{1,3}", value):
        ending = _ending(value)
        found = ending[0] if len(ending) == 1 else None
    return (found.code, _described(found)) if found is not None else None


@lru_cache(maxsize=_CACHED)
def currency_hint(text: str) -> tuple[str, str] | None:
    """``(code, name)`` of the currency ``text`` names or codes in lower case (``cad``,
    ``Canadian Dollar``), or None."""
    import pycountry

    try:
        entry = pycountry.currencies.lookup(text.strip())
    except LookupError:
        return None
    return entry.alpha_3, str(entry.name)


@lru_cache(maxsize=_CACHED)
def language_hint(text: str) -> tuple[str, str] | None:
    """``(tag, name)`` of the language ``text`` names (``English``, ``French (Canada)``) or
    writes as a locale (``fr_CA``), or None."""
    import pycountry
    from langcodes import Language, standardize_tag

    value = text.strip()
    if "_" in value and _valid(value.replace("_", "-")):
        tag = standardize_tag(value.replace("_", "-"))
    else:
        named = re.fullmatch(r"(.+?)\s*\((.+)\)", value)
        where = country_hint(named[2]) if named else None
        try:
            entry = pycountry.languages.lookup(named[1] if named else value)
        except LookupError:
            return None
        tag = getattr(entry, "alpha_2", None) or entry.alpha_3
        if where:
            tag = f"{tag}-{where[0]}"
        if not _valid(tag):
            return None
    parsed = Language.get(tag)
    name = _language_name(parsed.language) or tag
    if parsed.territory:
        name += f" as used in {_country_name(parsed.territory)}"
    return tag, name
