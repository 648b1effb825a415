"""The public rule API: how a rule and a pack are declared, what a rule sees, how it reports.

A rule is a function decorated with :func:`rule`. It receives the validated course model and a
:class:`RuleContext`, and calls :meth:`RuleContext.report` with the JSON pointer of the value
concerned (for a missing value: where it would be). It never computes a line or a column: the
engine attaches positions from the pointer. The function's docstring is the rule's
documentation, printed by ``mcvalidate explain``; it has a one-line summary, then prose on what
and why, then a ``Fails::`` and a ``Passes::`` YAML example (both are run as tests).

A pack groups rules for one framework document. It is exposed to mcvalidate through an entry
point in the ``mcvalidate.packs`` group, exactly the same for the built-in packs and for a
third-party distribution::

    [project.entry-points."mcvalidate.packs"]
    my-framework = "my_package:PACK"

Everything a pack declares is checked when it is declared (an unknown evidence level, a rule
without a docstring, an option default that no configuration could write), so a malformed pack
fails to load with a message naming it, instead of crashing a run later. The names in
``__all__`` are the API covered by the stability policy (``docs/pack-api.md``).
"""

from __future__ import annotations

import datetime
import inspect
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType, ModuleType
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from mcvalidate.findings import Autofix, Problem, Severity, Span
from mcvalidate.pointer import is_pointer, split, within

if TYPE_CHECKING:
    from pydantic import BaseModel

    from mcvalidate.document import Document
    from mcvalidate.model import Course

M = TypeVar("M", bound="BaseModel")

# The version of this API. It changes only with a change a pack must adapt to; a pack can
# require a range of mcvalidate versions with ``Pack(requires=">=0.2,<1")``.
API_VERSION = 1

Evidence = Literal["verbatim", "secondary", "inferred"]
EVIDENCE: dict[str, str] = {
    "verbatim": "the source's own words",
    "secondary": "a secondary source quoting or summarising it",
    "inferred": "mcvalidate's reading: good practice, not the source's requirement",
}
_CITATION_MARK = {"verbatim": "verbatim", "secondary": "secondary source", "inferred": "inferred"}
# The prefix of the module names local rule_paths files are imported under.
LOCAL_MODULE = "mcvalidate_local_"
ID_PATTERN = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_PREFIX = re.compile(r"^[A-Z]{2,5}$")
_URL = re.compile(r"^(https?://\S+|[\w./-]+(#[\w.-]+)?)$")
_VERSION_SPEC = re.compile(r"^\s*(>=|<=|==|!=|>|<)\s*(\d+(?:\.\d+)*)\s*$")


def _text(owner: str, key: str, value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{owner}: '{key}' must be non-empty text, not {value!r}")


@dataclass(frozen=True, slots=True)
class Source:
    """The document and clause a rule comes from, a link to it, and how strong the evidence is.

    ``ref`` is the id of the source in the pack's own list of sources (the built-in B.C. packs
    list theirs in ``docs/sources-bc.md``: ``F2`` is the Framework's definition, as quoted by
    UBC), so that a reader can find the words the rule rests on; it may be empty.
    """

    document: str
    clause: str
    url: str
    evidence: Evidence
    ref: str = ""

    def __post_init__(self) -> None:
        for key in ("document", "clause", "url"):
            _text("a rule's Source", key, getattr(self, key))
        if not isinstance(self.ref, str) or self.ref != self.ref.strip():
            raise ValueError(
                f"a rule's Source: 'ref' must be text without spaces around it, not {self.ref!r}"
            )
        if not _URL.match(self.url):
            raise ValueError(
                f"a rule's Source: 'url' must be a web address or a relative path, not {self.url!r}"
            )
        if self.evidence not in EVIDENCE:
            raise ValueError(
                f"a rule's Source: 'evidence' must be one of {', '.join(EVIDENCE)}, not "
                f"{self.evidence!r}"
            )

    @property
    def citation(self) -> str:
        """Document and clause, with the evidence mark (and the source's id, when it has
        one): every finding says how strong the ground it stands on is."""
        mark = _CITATION_MARK[self.evidence] + (f"; source {self.ref}" if self.ref else "")
        return f"{self.document}: {self.clause} [{mark}]"


_KINDS: dict[str, tuple[type, ...]] = {
    "text": (str,),
    "number": (int, float),
    "integer": (int,),
    "boolean": (bool,),
    "list of text": (list, tuple),
}


@dataclass(frozen=True, slots=True)
class Option:
    """A rule option: its default, its kind, and what it means.

    ``kind`` is one of ``text``, ``number``, ``integer``, ``boolean`` or ``list of text``; it is
    inferred from the default when not given (a default of None needs it). ``minimum`` and
    ``maximum`` bound a number, ``choices`` lists the values a text may take. A plain default
    in ``rule(options={...})`` is an Option with everything else inferred.
    """

    default: Any
    kind: str = ""
    help: str = ""
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        kind = self.kind or _kind_of(self.default)
        if kind not in _KINDS:
            raise ValueError(
                f"the default {self.default!r} is not text, a number, true/false or a list of "
                "text; declare the option as Option(default, kind=...)"
            )
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "choices", tuple(self.choices))
        object.__setattr__(self, "default", _frozen(self.default))
        if self.default is not None:
            problem = self.problem(self.default)
            if problem:
                raise ValueError(f"its default {problem}")

    def problem(self, value: Any) -> str:
        """What is wrong with ``value`` for this option ("" when nothing is)."""
        if value is None:
            return "" if self.default is None else f"should be {self.kind}, not empty"
        accepted = _KINDS[self.kind]
        wrong_bool = isinstance(value, bool) and self.kind != "boolean"
        if not isinstance(value, accepted) or wrong_bool:
            return f"should be {self.kind} (like {self.example}), not {value!r}"
        if isinstance(value, (list, tuple)):
            if not all(isinstance(v, str) for v in value):
                return f"should be a list of text (like {self.example}), not {value!r}"
        elif isinstance(value, (int, float)):
            if not _realistic(value):
                return f"should be a real number, not {str(value)[:20]}"
            if self.minimum is not None and value < self.minimum:
                return f"should be at least {self.minimum:g}, not {value!r}"
            if self.maximum is not None and value > self.maximum:
                return f"should be at most {self.maximum:g}, not {value!r}"
        if self.choices and value not in self.choices:
            return f"should be one of {', '.join(self.choices)}, not {value!r}"
        return ""

    @property
    def example(self) -> str:
        if self.default is not None:
            return repr(list(self.default) if isinstance(self.default, tuple) else self.default)
        return {"text": "'a'", "number": "1.5", "integer": "3", "boolean": "true"}.get(
            self.kind, "['a', 'b']"
        )

    def describe(self) -> str:
        """One line for ``explain``: kind, bounds, choices and help."""
        bounds = [
            f"at least {self.minimum:g}" if self.minimum is not None else "",
            f"at most {self.maximum:g}" if self.maximum is not None else "",
            f"one of {', '.join(self.choices)}" if self.choices else "",
        ]
        detail = ", ".join(b for b in (self.kind, *bounds) if b)
        return f"({detail})" + (f": {self.help}" if self.help else "")


def _realistic(value: float) -> bool:
    """Finite and of a size a rule can compute with (NaN, infinities and 4,000-digit integers
    are not)."""
    try:
        return math.isfinite(value) and abs(value) < 1e15
    except OverflowError:  # an integer too large to be a float
        return False


def _kind_of(default: Any) -> str:
    if isinstance(default, bool):
        return "boolean"
    if isinstance(default, (int, float)):
        return "number"
    if isinstance(default, str):
        return "text"
    if isinstance(default, (list, tuple)) and all(isinstance(v, str) for v in default):
        return "list of text"
    return ""


def _frozen(value: Any) -> Any:
    """Options are shared by every file of a run: a list becomes a tuple, so no rule can
    change what the next file sees."""
    return tuple(value) if isinstance(value, list) else value


def frozen_options(values: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only mapping of option values (lists as tuples), as a rule sees them."""
    return MappingProxyType({key: _frozen(value) for key, value in values.items()})


class RuleContext:
    """What a running rule can see besides the course, and how it reports a finding.

    The engine makes one context per file and points it at each rule in turn.
    """

    __slots__ = (
        "_doc",
        "_problems",
        "_refused",
        "_rule",
        "fields",
        "options",
        "path",
        "programs",
        "shared",
        "today",
    )

    def __init__(
        self,
        document: Document,
        today: datetime.date,
        refused: frozenset[str] = frozenset(),
        programs: frozenset[str] = frozenset(),
    ) -> None:
        self._doc = document
        self._refused = refused
        self._rule: Rule | None = None
        self._problems: list[Problem] = []
        self.path = document.path
        """The file's display path (``-`` or the ``--stdin-filename`` for standard input)."""
        self.today = today
        """The run's date (fixed once per run; ``--today`` sets it)."""
        self.options: Mapping[str, Any] = MappingProxyType({})
        """The rule's options: its defaults, overridden by the configuration (read-only)."""
        self.fields: BaseModel | None = None
        """The validated model of the pack's own fields (``Pack(fields=...)``), if it has any."""
        self.programs = programs
        """The funding programs the installed packs have a profile for (their scopes'
        ``funding``): a name under ``funding.programs`` outside it turns nothing on."""
        self.shared: dict[str, Any] = {}
        """A dictionary shared by all the rules run on one file, new for each file: an
        analysis several rules need (the verbs of every outcome) is made once and kept here,
        under a key that starts with the pack's name (``"bc-toolkit/starts"``)."""

    def start(
        self, rule: Rule, options: Mapping[str, Any], fields: BaseModel | None = None
    ) -> list[Problem]:
        """Point the context at ``rule`` (the engine calls this); returns the list its
        reports go to."""
        self._rule, self.options, self.fields = rule, options, fields
        self._problems = []
        return self._problems

    def fields_of(self, model: type[M]) -> M | None:
        """``ctx.fields`` as the pack's own model class, for type checkers:
        ``ctx.fields_of(HouseFields)`` (None when the pack declares other fields, or none)."""
        return self.fields if isinstance(self.fields, model) else None

    def present(self, pointer: str) -> bool:
        """True when the file itself wrote a value at ``pointer``."""
        return self._doc.has(pointer)

    def refused(self, pointer: str, *, inside: bool = False) -> bool:
        """True when the file wrote a value at ``pointer`` (or around it) that the schema
        refused: the model holds nothing there, yet the author did write something. With
        ``inside=True``, a value refused inside it counts too (a part of ``/cost/breakdown``,
        a field of one assessment): the model then holds the value, but not all of it.

        The engine already drops a rule's findings at or inside refused values; a rule that
        reasons across values (an outcome and the assessments that name it) asks this so as
        not to report a consequence of a mistake that is already reported.
        """
        if within(pointer, self._refused):
            return True
        prefix = pointer + "/"
        return inside and any(p.startswith(prefix) for p in self._refused)

    @property
    def refused_pointers(self) -> frozenset[str]:
        """Every pointer the schema refused in this file: a rule about a pack's namespace asks
        whether any of its keys was refused (misspelt, or of the wrong type) before it
        reports a consequence of the same mistake."""
        return self._refused

    def any_refused(self, key: str, items: Sequence[object] | None, *fields: str) -> bool:
        """True when a field of any item of the top-level list ``key`` was written but
        refused by the schema (its own finding is already reported, and the model holds
        nothing there): ``ctx.any_refused("assessments", course.assessments, "weight")``."""
        return any(
            self.refused(f"/{key}/{index}/{name}")
            for index in range(len(items or ()))
            for name in fields
        )

    def texts(self) -> Iterator[tuple[str, str]]:
        """``(pointer, text)`` for every text value the file wrote, in file order, as YAML read
        it (keys are not texts; the author's ``x-`` fields are left out, and so is a value
        YAML dropped, such as the second of two duplicate keys). For a rule that reads every
        text of a file: nothing is walked or copied, since the loader already listed them."""
        doc = self._doc
        tainted = doc.tainted
        for pointer, (_, node) in doc.nodes.items():
            if (
                node.tag == _STR_TAG  # a text (only scalars have it; no YAML import here)
                and "/x-" not in pointer
                and not (tainted and within(pointer, tainted))
            ):
                yield pointer, node.value

    def value(self, pointer: str, default: Any = None) -> Any:
        """The value the file wrote at ``pointer``, as YAML read it (before the schema): the
        author's ``x-`` fields included. A copy: changing it changes nothing for other rules.
        ``default`` when the file wrote nothing there."""
        current = self._doc.data
        for token in split(self._doc.written(pointer)):
            if isinstance(current, dict) and token in current:
                current = current[token]
            elif isinstance(current, list) and token.isdecimal() and int(token) < len(current):
                current = current[int(token)]
            else:
                return default
        return _copied(current)

    @property
    def text(self) -> str:
        """The file's text, as read (after decoding)."""
        return self._doc.text

    def span(self, pointer: str) -> Span | None:
        """Where the file wrote the value at ``pointer`` (its first line and column to its
        end, as findings count them), or None when it wrote none there: for a rule that
        offers an autofix, whose edits are made at positions of the file."""
        if not self._doc.has(pointer):
            return None
        location = self._doc.location(pointer)
        return location.value if location is not None else None

    def report(
        self,
        pointer: str,
        message: str,
        *,
        fix: str = "",
        at_key: bool = False,
        autofix: Autofix | None = None,
    ) -> None:
        """Report a finding about the value at ``pointer`` (or where it would be).

        ``pointer`` is an RFC 6901 JSON pointer (``/learning_outcomes/0/statement``; build one
        from keys with :func:`mcvalidate.pointer.join`), ``message`` says what is wrong and
        ``fix`` how to put it right, both in plain words. ``at_key`` marks the key rather than
        the value. ``autofix`` is the finding's :class:`~mcvalidate.findings.Autofix`, if it
        has one: text edits at positions of the file (:meth:`span`, ``text``), applied by
        ``check --fix`` (an unsafe one only with ``--unsafe-fixes``) and checked again
        afterwards. A malformed argument is a bug in the rule, reported as one (MC008).
        """
        if not is_pointer(pointer):
            raise ValueError(f"report(): {pointer!r} is not a JSON pointer ('' or '/key/...')")
        if not isinstance(message, str) or not message.strip():
            raise TypeError(f"report(): the message must be non-empty text, not {message!r}")
        if not isinstance(fix, str):
            raise TypeError(f"report(): 'fix' must be text, not {fix!r}")
        if autofix is not None and not isinstance(autofix, Autofix):
            raise TypeError(f"report(): 'autofix' must be an Autofix, not {autofix!r}")
        assert self._rule is not None, "report() is called while a rule runs"
        self._problems.append(
            Problem(self._rule, message, pointer, None, fix, bool(at_key), autofix)
        )


Check = Callable[["Course", RuleContext], None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity, metadata and check. ``check`` is None for the engine's own rules
    (the loader and the schema stage emit them).

    ``switchable`` is False for the rules without which nothing can be checked (a file that
    cannot be read or parsed): they cannot be switched off, suppressed, baselined or given
    another severity. ``sticky`` rules (the checks of mcvalidate's own mechanisms) stay on when
    ``--select`` names other rules. Both are the engine's policy: :func:`rule` sets neither.
    """

    id: str
    name: str
    severity: Severity
    source: Source
    summary: str
    doc: str
    check: Check | None = None
    options: Mapping[str, Option] = field(default_factory=lambda: MappingProxyType({}))
    element: str = ""
    reads: tuple[str, ...] = ()
    switchable: bool = True
    sticky: bool = False

    def __post_init__(self) -> None:
        owner = f"rule {self.id!r}"
        if not isinstance(self.id, str) or not ID_PATTERN.match(self.id):
            raise ValueError(f"{owner}: the id must be 2-5 capitals and 3 digits (BCF001)")
        if not isinstance(self.name, str) or not NAME_PATTERN.match(self.name):
            raise ValueError(f"{owner}: the name {self.name!r} must be kebab-case")
        if not isinstance(self.severity, Severity):
            raise ValueError(f"{owner}: the severity must be error, warning or info")
        if not isinstance(self.source, Source):
            raise ValueError(f"{owner}: 'source' must be a mcvalidate.rules.Source")
        if not self.summary or self.summary.endswith("::"):
            raise ValueError(
                f"{owner}: it has no docstring; its first paragraph is the summary that "
                "'mcvalidate explain' prints"
            )
        if not isinstance(self.element, str) or self.element != self.element.strip():
            raise ValueError(f"{owner}: 'element' must be the element's name, not {self.element!r}")
        if isinstance(self.reads, str) or not all(is_pointer(p) for p in self.reads):
            raise ValueError(
                f"{owner}: 'reads' must be JSON pointers of course fields ('/workload/hours'), "
                f"not {self.reads!r}"
            )
        if self.reads and not self.element:
            raise ValueError(f"{owner}: 'reads' names the fields of an element: give 'element'")

    @property
    def defaults(self) -> Mapping[str, Any]:
        """The options' default values."""
        return {key: option.default for key, option in self.options.items()}

    @property
    def origin(self) -> str:
        """Where to read the rule's code: the module that defines its check (the file, for a
        local ``rule_paths`` file, whose module has a made-up name)."""
        if self.check is None:
            return "mcvalidate (engine)"
        module = self.check.__module__
        if module.startswith(LOCAL_MODULE):
            return inspect.getsourcefile(self.check) or module
        return module


def rule(
    *,
    id: str,
    name: str,
    severity: Severity | str,
    source: Source,
    options: Mapping[str, Any] | None = None,
    element: str = "",
    reads: Sequence[str] = (),
) -> Callable[[Check], Rule]:
    """Declare a rule; the decorated function's docstring is its documentation.

    ``options`` maps each option name to an :class:`Option` or to a plain default value.
    ``element`` is the framework element the rule checks, in the framework's own terms
    (``"Annex I 6: learning outcomes"``), and ``reads`` the course fields that satisfy it, as
    JSON pointers (``("/learning_outcomes",)``): ``mcvalidate matrix`` and ``crosswalk`` are
    built from them, so a rule that checks an element declares it.
    """

    def decorate(function: Check) -> Rule:
        summary, doc = split_doc(function.__doc__ or "")
        try:
            level = Severity(severity)
        except ValueError:
            raise ValueError(
                f"rule {id!r}: the severity must be error, warning or info, not {severity!r}"
            ) from None
        declared = {}
        for key, value in (options or {}).items():
            try:
                declared[key] = value if isinstance(value, Option) else Option(value)
            except ValueError as exc:
                raise ValueError(f"rule {id!r}: option {key!r}: {exc}") from None
        return Rule(
            id=id,
            name=name,
            severity=level,
            source=source,
            summary=summary,
            doc=doc,
            check=function,
            options=MappingProxyType(declared),
            element=element,
            reads=tuple(reads),
        )

    return decorate


def split_doc(docstring: str) -> tuple[str, str]:
    """Split a docstring into its summary (the first paragraph) and the (dedented) rest."""
    text = inspect.cleandoc(docstring)
    summary, _, rest = text.partition("\n\n")
    return " ".join(summary.split()), rest.strip()


_COUNTRY = re.compile(r"^[A-Z]{2}$")
_REGION = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")


@dataclass(frozen=True, slots=True)
class Scope:
    """Where a pack's framework applies, read from the course file itself.

    A framework binds the offerings of its jurisdiction (``countries``, ISO 3166-1 codes, or
    ``regions``, ISO 3166-2 codes), or, for a funding profile, the offerings that say they
    are funded by one of its ``funding`` programs (names under ``funding.programs``). ``note``
    says who the framework is for, in words ("public post-secondary institutions in B.C."):
    a file outside the scope of a pack the run asked for gets it as one scope note instead
    of a list of errors. ``default`` packs also apply to a file that does not say where its
    issuer is (a half-written proposal); others then apply only when asked for. A scope with
    no country, region or program (a consortium's framework, which binds no jurisdiction) is
    applied only when asked for.

    A file can always name the packs that apply to it (``frameworks:``), and ``mcvalidate
    matrix`` runs every pack whatever the scope: "would this also qualify under X?".

    A ``profile`` is not a framework but what an export target needs (``ob3-export``): it
    binds no jurisdiction, and, when the run asks for it (``--framework``, ``mcvalidate
    export``), applies to every file, whatever the file's ``frameworks:`` list says.
    """

    note: str
    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    funding: tuple[str, ...] = ()
    default: bool = False
    profile: bool = False

    def __post_init__(self) -> None:
        _text("a pack's Scope", "note", self.note)
        for key, pattern in (("countries", _COUNTRY), ("regions", _REGION)):
            values = getattr(self, key)
            if isinstance(values, str) or not all(
                isinstance(v, str) and pattern.match(v) for v in values
            ):
                raise ValueError(f"a pack's Scope: '{key}' must be ISO 3166 codes, not {values!r}")
            object.__setattr__(self, key, tuple(values))
        if isinstance(self.funding, str) or not all(
            isinstance(v, str) and NAME_PATTERN.match(v.replace("_", "-")) for v in self.funding
        ):
            raise ValueError(
                f"a pack's Scope: 'funding' must be program names, not {self.funding!r}"
            )
        object.__setattr__(self, "funding", tuple(self.funding))
        if self.default and not (self.countries or self.regions):
            raise ValueError("a pack's Scope: only a jurisdiction's pack can be a default")
        if self.profile and (self.countries or self.regions or self.funding):
            raise ValueError("a pack's Scope: a profile binds no jurisdiction or program")

    def reach(
        self, country: str | None, region: str | None, programs: Sequence[str]
    ) -> bool | None:
        """True when a file of an issuer in ``country``/``region``, funded by ``programs``,
        is in the scope; False when it is outside; None when the file does not say enough
        (no location, or a country whose province decides)."""
        if any(name in self.funding for name in programs):
            return True
        if not (self.countries or self.regions):
            # A funding profile binds only what its programs fund; a framework of no
            # jurisdiction applies when it is asked for.
            return False if self.funding else None
        if region:
            return region in self.regions or region.split("-")[0] in self.countries
        if not country:
            return None
        if country in self.countries:
            return True
        if any(r.startswith(country + "-") for r in self.regions):
            return None
        return False


@dataclass(frozen=True, slots=True)
class Pack:
    """A named set of rules for one framework document.

    - ``prefix``: the capitals every rule id of the pack starts with (``BCT``); two packs of
      one run cannot claim the same prefix, and ``MC`` belongs to mcvalidate.
    - ``fields``: a pydantic model of the pack's own top-level course fields (by alias, e.g.
      ``x-banner-code``): they are validated and positioned like the format's fields, appear in
      ``mcvalidate schema course``, and rules read the validated model as ``ctx.fields``.
      ``namespace`` (e.g. ``x-ecc-``) makes every key starting with it the pack's, so that a
      misspelt one is reported as unknown.
    - ``requires``: the mcvalidate versions the pack works with (``">=0.2,<1"``);
      ``requires_packs``: packs that must be applied with it.
    - ``scope``: where the framework applies (:class:`Scope`); a pack without one (checks
      that hold for any micro-credential) applies to every file.
    - ``docs``: the pack's own page (its sources, their evidence, what could not be
      verified), a web address or a path in the project.
    """

    name: str
    title: str
    framework: str
    version: str
    url: str
    rules: tuple[Rule, ...]
    prefix: str = ""
    fields: type[BaseModel] | None = None
    namespace: str = ""
    requires: str = ""
    requires_packs: tuple[str, ...] = ()
    scope: Scope | None = None
    docs: str = ""

    def __post_init__(self) -> None:
        owner = f"pack {self.name!r}"
        if self.scope is not None and not isinstance(self.scope, Scope):
            raise ValueError(f"{owner}: 'scope' must be a mcvalidate.rules.Scope")
        if self.docs and not _URL.match(self.docs):
            raise ValueError(f"{owner}: 'docs' must be a web address or a relative path")
        if not isinstance(self.name, str) or not NAME_PATTERN.match(self.name):
            raise ValueError(f"{owner}: the name must be kebab-case (my-framework)")
        for key in ("title", "framework", "version", "url"):
            _text(owner, key, getattr(self, key))
        if not _URL.match(self.url):
            raise ValueError(f"{owner}: 'url' must be a web address or a relative path")
        if not isinstance(self.rules, (tuple, list)) or not self.rules:
            raise ValueError(f"{owner}: 'rules' must be a non-empty tuple of rules")
        object.__setattr__(self, "rules", tuple(self.rules))
        object.__setattr__(self, "requires_packs", tuple(self.requires_packs))
        seen: set[str] = set()
        for index, item in enumerate(self.rules):
            if not isinstance(item, Rule):
                what = getattr(item, "__name__", type(item).__name__)
                raise ValueError(
                    f"{owner}: rules[{index}] ({what}) is not a rule: declare it with "
                    "@rule(id=..., name=..., severity=..., source=...)"
                )
            for key in (item.id, item.name):
                if key in seen:
                    raise ValueError(f"{owner} declares {key!r} twice")
                seen.add(key)
            if self.prefix and not item.id.startswith(self.prefix):
                raise ValueError(f"{owner}: rule {item.id} does not start with {self.prefix}")
        if self.prefix and not _PREFIX.match(self.prefix):
            raise ValueError(f"{owner}: the prefix must be 2-5 capitals, not {self.prefix!r}")
        if self.requires:
            version_spec(self.requires, owner)
        if self.fields is not None:
            from pydantic import BaseModel

            if not (isinstance(self.fields, type) and issubclass(self.fields, BaseModel)):
                raise ValueError(f"{owner}: 'fields' must be a pydantic model class")
        if self.namespace and not self.namespace.startswith("x-"):
            raise ValueError(f"{owner}: the namespace must start with 'x-' (x-ecc-)")

    @property
    def field_keys(self) -> tuple[str, ...]:
        """The top-level keys the pack's fields model declares (by alias)."""
        if self.fields is None:
            return ()
        return tuple(info.alias or key for key, info in self.fields.model_fields.items())

    @property
    def elements(self) -> dict[str, tuple[Rule, ...]]:
        """The framework elements the pack's rules check (``@rule(element=...)``), in the
        order of their first rule, each with the rules that check it: what ``matrix`` and
        ``crosswalk`` are built from."""
        found: dict[str, list[Rule]] = {}
        for item in self.rules:
            if item.element:
                found.setdefault(item.element, []).append(item)
        return {element: tuple(rules) for element, rules in found.items()}

    def owns(self, key: str) -> bool:
        """True when the top-level course key ``key`` is one of the pack's own fields."""
        return key in self.field_keys or bool(self.namespace and key.startswith(self.namespace))


def version_spec(spec: str, owner: str = "") -> list[tuple[str, tuple[int, ...]]]:
    """``">=0.2,<1"`` as ``[(">=", (0, 2)), ("<", (1,))]``; a malformed one is an error."""
    clauses = []
    for part in spec.split(","):
        match = _VERSION_SPEC.match(part)
        if match is None:
            raise ValueError(
                f"{owner}: 'requires' must be versions like '>=0.2,<1', not {spec!r}".lstrip(": ")
            )
        clauses.append((match[1], tuple(int(n) for n in match[2].split("."))))
    return clauses


def satisfies(version: str, spec: str) -> bool:
    """True when ``version`` (``0.1.0``) meets every clause of ``spec``."""
    have = tuple(int(n) for n in re.findall(r"\d+", version)[:3])

    def padded(v: tuple[int, ...]) -> tuple[int, ...]:
        return v + (0,) * (3 - len(v))

    checks: dict[str, Callable[[tuple[int, ...], tuple[int, ...]], bool]] = {
        ">=": lambda a, b: a >= b,
        "<=": lambda a, b: a <= b,
        ">": lambda a, b: a > b,
        "<": lambda a, b: a < b,
        "==": lambda a, b: a == b,
        "!=": lambda a, b: a != b,
    }
    return all(checks[op](padded(have), padded(want)) for op, want in version_spec(spec))


def rules_of(*modules: ModuleType) -> tuple[Rule, ...]:
    """The rules defined in ``modules`` (not those they import), sorted by rule id: a pack's
    ``rules``, so that a rule joins its pack by being written in one of the pack's modules,
    with no second list to keep."""
    found = [
        value
        for module in modules
        for value in vars(module).values()
        if isinstance(value, Rule)
        and value.check is not None
        and value.check.__module__ == module.__name__
    ]
    return tuple(sorted(found, key=lambda r: r.id))


_STR_TAG = "tag:yaml.org,2002:str"


def _copied(value: Any) -> Any:
    """A copy of YAML data as the loader builds it (mappings, lists and immutable scalars
    only), made in a fraction of ``copy.deepcopy``'s time: a rule that reads the whole file
    pays for it at every check, and the language server checks at every keystroke."""
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copied(item) for item in value]
    return value


__all__ = [
    "API_VERSION",
    "EVIDENCE",
    "Check",
    "Evidence",
    "Option",
    "Pack",
    "Rule",
    "RuleContext",
    "Scope",
    "Source",
    "rule",
    "rules_of",
]
