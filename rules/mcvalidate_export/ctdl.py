"""The ``ctdl-export`` profile: what Credential Engine's Credential Registry needs of a course
file before ``mcvalidate export --to ctdl`` writes it as CTDL (a credential and its learning
program in one JSON-LD graph).

The Registry's "minimum data" for a credential is its CTID, name, description, subject web
page, status and language, and an owning or offering organisation. Credential Engine's own JSON
validation schema lists all but the language as required, and its ingest examples say the web
page "is required for all credentials"; the language is asked for since 2018 (known from
Credential Engine's announcement and the Registry Assistant's code, not from the policy page
itself), and the CTDL schema gives every name and description as text in a language. A
missing one is an error: the Registry would refuse the credential, so export refuses the file.
The title is always there (the course format requires it), so it needs no rule here. Sources:
``docs/packs/ctdl-export.md``.

The CTID is generated once and stored in the file (``credential_registry.ctid``): CTX001 offers
an autofix that inserts a new one. It is *unsafe* (applied only with ``--unsafe-fixes``): a
CTID is the credential's identity in the Registry for good, so a credential already published
(through Credential Engine's Publisher, say) must keep the CTID it has there, which only its
author can copy in; and two copies of a file fixed separately would get two CTIDs. Asked for,
``check --fix --unsafe-fixes`` writes it once, and a second run finds nothing to fix.
"""

from __future__ import annotations

import re
import sys
import uuid

from mcvalidate.export.ctdl import CREDENTIAL_CLASSES, DEFAULT_CLASS, STATUSES, UNPUBLISHABLE
from mcvalidate.findings import Autofix, Edit, Span
from mcvalidate.model import Course
from mcvalidate.rules import Evidence, Pack, RuleContext, Scope, Source, rule, rules_of
from mcvalidate.text import filled, listing

POLICY = "Credential Engine: Credential Registry Minimum Data Policy"
POLICY_URL = "https://credreg.net/registry/policy#credential_required"
VALIDATION = "Credential Engine: CTDL JSON validation schema (credentialSchema.json)"
EXAMPLES = "Credential Engine: Credential Registry ingest examples, Credentials"
SCHEMA = "Credential Engine: CTDL schema (credreg.net/ctdl/schema/encoding/json)"

# Where each source of docs/packs/ctdl-export.md was read.
SOURCES = {
    # CE's JSON validation schema: the required properties of every credential class.
    "X1": "https://github.com/CredentialEngine/CTDL_Json_Validation_Schema/blob/master/"
    "Production_Schema/credentialSchema.json",
    # CE's ingest examples: no generic credential type; the subject web page is required.
    "X2": "https://github.com/CredentialEngine/credential-registry-ingest-examples/blob/main/"
    "Credential/index.md",
    # The Minimum Data Policy itself, known through X2 and secondary summaries.
    "X3": POLICY_URL,
    # The CTDL schema (vendored for the tests): ranges, classes and concepts.
    "X4": "https://credreg.net/ctdl/schema/encoding/json",
}


def _source(document: str, clause: str, evidence: Evidence, ref: str) -> Source:
    return Source(document, clause, SOURCES[ref], evidence, ref)


def _required(clause: str) -> Source:
    return _source(VALIDATION, f"'required' of every credential class: {clause}", "verbatim", "X1")


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def new_ctid() -> str:
    """A new CTID: ``ce-`` and a random UUID (version 4), in lowercase."""
    return f"ce-{uuid.uuid4()}"


def ctid_insertion(ctx: RuleContext, ctid: str) -> Autofix | None:
    """The autofix storing ``ctid``: a line ``credential_registry: {ctid: ...}`` added at the
    end of a file whose top level is a block mapping, or ``{ctid: ...}`` written over an empty
    ``credential_registry: {}``. None where neither fits (the fix then says what to write)."""
    text = ctx.text
    flow = f"{{ctid: {ctid}}}"
    if ctx.present("/credential_registry"):
        span = ctx.span("/credential_registry")
        if span is None or ctx.value("/credential_registry") != {}:
            return None
        return Autofix(f"Write {flow}", (Edit(span, flow),), safe=False)
    root = ctx.span("")
    lines = _LINE_BREAK.split(text)
    if root is None or root.column != 1 or lines[root.line - 1][:1] in ("{", "["):
        return None
    match = _LINE_BREAK.search(text)
    newline = match.group() if match else "\n"
    line = f"credential_registry: {flow}"
    last = len(lines)
    end = len(lines[-1]) + 1
    added = line + newline if lines[-1] == "" else newline + line
    return Autofix(f"Add '{line}'", (Edit(Span(last, end, last, end), added),), safe=False)


@rule(
    id="CTX001",
    name="ctdl-ctid",
    severity="error",
    source=_required("ceterms:ctid"),
    element="ceterms:ctid",
    reads=("/credential_registry/ctid",),
)
def ctid(course: Course, ctx: RuleContext) -> None:
    """The credential has a CTID, stored in the file.

    The Credential Registry knows every resource by its Credential Transparency Identifier
    (CTID): ``ce-`` and a UUID. Credential Engine's validation schema requires ``ceterms:ctid``
    of every credential. It is made once and kept for good: the export never makes one up.
    ``mcvalidate check --fix --unsafe-fixes --framework ctdl-export FILE`` adds a new random one
    to the file (the fix is marked unsafe: if the credential is already in the Registry, copy
    the CTID it has there instead, from the Credential Engine Publisher).

    Fails::

        title: Welding Basics
        frameworks: [ctdl-export]

    Passes::

        title: Welding Basics
        frameworks: [ctdl-export]
        credential_registry: {ctid: ce-5b8f3a2e-1c4d-4e6f-8a9b-0c1d2e3f4a5b}
    """
    registry = course.credential_registry
    if registry is not None and registry.ctid:
        return
    if ctx.refused("/credential_registry/ctid") or ctx.refused("/credential_registry"):
        return  # the schema reported what was written there
    value = new_ctid()
    ctx.report(
        "/credential_registry/ctid",
        "The credential has no CTID; the Credential Registry requires one (ceterms:ctid) and "
        "knows the credential by it for good.",
        fix="Run 'mcvalidate check --fix --unsafe-fixes --framework ctdl-export' on the file to "
        "store a new one, or, if the credential is already in the Registry, copy its CTID: "
        "'credential_registry: {ctid: ce-...}'.",
        autofix=ctid_insertion(ctx, value),
    )


@rule(
    id="CTX002",
    name="ctdl-description",
    severity="error",
    source=_required("ceterms:description"),
    element="ceterms:description",
    reads=("/summary",),
)
def description(course: Course, ctx: RuleContext) -> None:
    """The credential has a description.

    Credential Engine's validation schema requires a description (``ceterms:description``) of
    every credential, part of the Registry's minimum data. The export writes the summary there,
    for the credential and for its learning program.

    Fails::

        title: Welding Basics
        frameworks: [ctdl-export]

    Passes::

        title: Welding Basics
        frameworks: [ctdl-export]
        summary: A short course on safe welding.
    """
    if filled(course.summary) or ctx.refused("/summary"):
        return
    ctx.report(
        "/summary",
        "There is no summary; the Credential Registry requires a description of every "
        "credential (ceterms:description), and the export writes the summary there.",
        fix="Add 'summary:' with a paragraph saying what learners will be able to do.",
    )


@rule(
    id="CTX003",
    name="ctdl-subject-webpage",
    severity="error",
    source=_source(
        EXAMPLES,
        "SubjectWebpage must resolve: 'required for all credentials'",
        "verbatim",
        "X2",
    ),
    element="ceterms:subjectWebpage",
    reads=("/publication/url",),
)
def subject_webpage(course: Course, ctx: RuleContext) -> None:
    """The credential has a public web page.

    Credential Engine's ingest examples: the subject web page "is required for all
    credentials", and the Registry "will reject the credential if the page does not resolve"
    (mcvalidate works offline: it cannot check that the page resolves). The export writes
    ``publication.url`` as ``ceterms:subjectWebpage``.

    Fails::

        title: Welding Basics
        frameworks: [ctdl-export]

    Passes::

        title: Welding Basics
        frameworks: [ctdl-export]
        publication: {url: "https://college.example.ca/welding"}
    """
    publication = course.publication
    if publication is not None and publication.url:
        return
    if ctx.refused("/publication/url") or ctx.refused("/publication"):
        return
    ctx.report(
        "/publication/url",
        "There is no public web page; the Credential Registry requires one for every "
        "credential (ceterms:subjectWebpage) and rejects a credential whose page does not "
        "open.",
        fix="Add 'url:' under 'publication:' with the offering's public page (https://...).",
    )


@rule(
    id="CTX004",
    name="ctdl-credential-status",
    severity="error",
    source=_required("ceterms:credentialStatusType"),
    element="ceterms:credentialStatusType",
    reads=("/status",),
)
def credential_status(course: Course, ctx: RuleContext) -> None:
    """The credential's status is one the Registry can publish.

    Credential Engine's validation schema requires a status (``ceterms:credentialStatusType``)
    of every credential, from CTDL's Credential Status concepts: Active, Suspended,
    Deprecated, Ceasing, Probationary, Teach Out. The export maps ``status``: active and
    approved are Active, suspended is Suspended, retired is Deprecated. CTDL has no status for
    a credential not yet approved: a draft or a proposal is not published in the Registry.

    Fails::

        title: Welding Basics
        frameworks: [ctdl-export]
        status: draft

    Passes::

        title: Welding Basics
        frameworks: [ctdl-export]
        status: active
    """
    if ctx.refused("/status"):
        return
    if course.status is None:
        ctx.report(
            "/status",
            "The status is not given; the Credential Registry requires a credential's status "
            "(ceterms:credentialStatusType).",
            fix=f"Add 'status:' ({listing(sorted(STATUSES), 'or')}).",
        )
    elif course.status in UNPUBLISHABLE:
        ctx.report(
            "/status",
            f"A {course.status} micro-credential cannot be published in the Credential "
            "Registry: CTDL's credential statuses (Active, Suspended, Deprecated...) describe "
            "credentials that are awarded or have been.",
            fix="Export it once it is approved ('status: approved' or 'active').",
        )


@rule(
    id="CTX005",
    name="ctdl-language",
    severity="error",
    source=_source(
        SCHEMA,
        "ceterms:name and ceterms:description: range rdf:langString (text in a language)",
        "verbatim",
        "X4",
    ),
    element="ceterms:inLanguage",
    reads=("/language",),
)
def language(course: Course, ctx: RuleContext) -> None:
    """The language of the credential is given.

    The CTDL schema gives a credential's name and description as text in a language
    (``rdf:langString``), and the Registry's minimum data asks for the language of every
    credential (``ceterms:inLanguage``; required since 2018, as Credential Engine announced).
    The export writes ``language`` there and tags every text with it.

    Fails::

        title: Welding Basics
        frameworks: [ctdl-export]

    Passes::

        title: Welding Basics
        frameworks: [ctdl-export]
        language: en
    """
    if course.language or ctx.refused("/language"):
        return
    ctx.report(
        "/language",
        "The language is not given; the Credential Registry asks for the language of every "
        "credential (ceterms:inLanguage), and CTDL writes every name and description in one.",
        fix="Add 'language:' with a BCP 47 tag ('en', 'fr-CA').",
    )


@rule(
    id="CTX006",
    name="ctdl-owner",
    severity="error",
    source=_required("ceterms:ownedBy or ceterms:offeredBy (anyOf)"),
    element="ceterms:ownedBy / ceterms:offeredBy",
    reads=("/issuer/ctid", "/issuer/url"),
)
def owner(course: Course, ctx: RuleContext) -> None:
    """The organisation that owns and offers the credential can be named.

    Credential Engine's validation schema requires an owning or an offering organisation
    (``ceterms:ownedBy`` or ``ceterms:offeredBy``) of every credential. The export names the
    issuer's Registry record when the file gives its CTID (``issuer.ctid``), else the issuer by
    its name and web site (``issuer.url``), as Credential Engine's ingest examples allow.

    Fails::

        title: Welding Basics
        frameworks: [ctdl-export]
        issuer: {name: Example College}

    Passes::

        title: Welding Basics
        frameworks: [ctdl-export]
        issuer: {name: Example College, url: "https://college.example.ca"}
    """
    issuer = course.issuer
    if issuer is not None and (issuer.ctid or issuer.url):
        return
    if ctx.refused("/issuer", inside=True):
        return
    ctx.report(
        "/issuer/ctid" if issuer is not None else "/issuer",
        "The issuer cannot be named as the credential's owner; the Credential Registry "
        "requires an owning or offering organisation (ceterms:ownedBy, ceterms:offeredBy).",
        fix="Add the issuer's CTID ('ctid: ce-...', from its Registry record) or its web site "
        "('url: https://...') under 'issuer:'.",
    )


@rule(
    id="CTX007",
    name="ctdl-credential-class",
    severity="info",
    source=_source(
        SCHEMA,
        "the subclasses of ceterms:Credential",
        "inferred",
        "X4",
    ),
    element="@type (credential class)",
    reads=("/recognition/badge/achievement_type",),
)
def credential_class(course: Course, ctx: RuleContext) -> None:
    """The badge's achievement type is exported as the CTDL class it names, or as a
    MicroCredential.

    The export gives the credential the CTDL class of the badge's Open Badges achievement type
    when CTDL has one by that name (Certificate, Badge, Diploma...); any other type
    (Course, Award, an ``ext:`` type) is exported as ``ceterms:MicroCredential``, since the
    Registry takes no credential of the generic type. This says so, for a type that is not
    exported as written.

    Fails::

        title: Welding Basics
        frameworks: [ctdl-export]
        recognition: {badge: {achievement_type: Award}}

    Passes::

        title: Welding Basics
        frameworks: [ctdl-export]
        recognition: {badge: {achievement_type: Certificate}}
    """
    badge = course.recognition.badge if course.recognition else None
    if badge is None or not ctx.present("/recognition/badge/achievement_type"):
        return
    kind = badge.achievement_type
    if kind in CREDENTIAL_CLASSES:
        return
    ctx.report(
        "/recognition/badge/achievement_type",
        f"CTDL has no credential class '{kind}'; the CTDL export writes the credential as a "
        f"ceterms:{DEFAULT_CLASS}.",
        fix="Nothing to do if a micro-credential is right; else use the Open Badges type that "
        "CTDL also has (Certificate, Badge, Certification...).",
    )


PACK = Pack(
    name="ctdl-export",
    title="Credential Engine CTDL export profile",
    framework="Credential Engine: the Credential Registry's minimum data for a credential, "
    "and the CTDL schema",
    version="CTDL schema as published 2026-08",
    url=POLICY_URL,
    prefix="CTX",
    scope=Scope(
        note="files exported to Credential Engine's Credential Registry (mcvalidate export "
        "--to ctdl)",
        profile=True,
    ),
    docs="docs/packs/ctdl-export.md",
    rules=rules_of(sys.modules[__name__]),
)
