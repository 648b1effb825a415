"""``mcvalidate export --to elm``: every example exports an ELM learning opportunity that,
turned into RDF offline (PyLD, the vendored ELM context), conforms to the EC's LOQ SHACL shapes
and to the shapes of its vocabularies, both as published and with the Learning Achievement
Specification shape switched on; every concept it names is one of the EU lists; no key is
lost to the context; each error of the ``elm-export`` profile guards a real shape violation;
the command writes to standard output, a file or a directory; ids are the same on every run.

pySHACL is run once per graph: the examples are validated together, in one graph (each has
its own URIs), so the suite stays fast.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import warnings
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from mcvalidate.cli import cli
from mcvalidate.export import Job
from mcvalidate.export.elm import (
    ASSESSMENT_SCHEME,
    ASSESSMENT_TYPES,
    CONTEXT,
    CREDIT_SCHEME,
    ECTS,
    EQF_SCHEME,
    ISCED_F_CODES,
    MODE_SCHEME,
    MODES,
    SETTING_SCHEME,
    SETTINGS,
    build,
    country_code,
    language_code,
)
from mcvalidate.model import validate_course
from mcvalidate.model.course import Course

pytest.importorskip("pyld")
pytest.importorskip("pyshacl")
from pyld import jsonld
from pyshacl import validate
from rdflib import RDF, Graph, Namespace, URIRef

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "tests" / "data" / "vendor" / "european-commission" / "elm"
LOQ = VENDOR / "rdf" / "ap" / "loq"
CV = VENDOR / "xsd" / "loq" / "cv"
EXPORTS = ROOT / "examples" / "exports" / "elm"
EXAMPLES = sorted(ROOT.glob("examples/*.yaml")) + sorted(ROOT.glob("examples/real/*.yaml"))
SH = Namespace("http://www.w3.org/ns/shacl#")
ELM = Namespace("http://data.europa.eu/snb/model/elm/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
CONTEXT_DOC = json.loads((VENDOR / "rdf" / "ap" / "edc" / "edc-ap-context.jsonld").read_text())

GOOD = """\
id: big-history
title: Big History
summary: An integrated overview of the whole known past, from the Big Bang to today.
language: en
issuer:
  name: University of Amsterdam
  url: "https://www.uva.nl"
  country: NL
  regulator: NVAO
  legal_id: NL AMSTERD01
credit: {status: credit, value: 6, system: ects}
workload: {hours: 167.5, contact_hours: 32, weeks: 8.5, max_completion_months: 6}
level: {framework: eqf, value: 6, equivalents: [{framework: qf_ehea, value: 1}]}
delivery: {modes: [in_person, online_async, online_sync, hybrid, work_integrated], schedule: Two lectures a week}
cost: {amount: 450, currency: EUR, breakdown: {tuition: 400, materials: 50.5}}
prerequisites: [A bachelor's first year]
target_learners: Students of every faculty.
competencies:
  - {id: C1, statement: Connect the sciences, alignment: {framework: ESCO, url: "http://data.europa.eu/esco/skill/ccdf3597-5c80-410f-896d-e1bdfa223de9"}}
  - {id: C2, statement: Write a history, alignment: {url: "https://skills.example.eu/write"}}
  - {id: C3, statement: Write another history, alignment: {url: "https://skills.example.eu/write"}}
learning_outcomes:
  - {id: LO1, statement: Describe the thresholds of the history of the universe, competencies: [C1, C2, C3]}
  - {id: LO2, statement: Write a short big history of one subject, competencies: [C2]}
assessments:
  - {id: A1, title: Written exam, type: exam, weight: 60, passing: 5.5, supervision: supervised_with_id}
  - {id: A2, title: Essay, type: assignment, weight: 40, passing: Meets the rubric, supervision: unsupervised}
  - {id: A3, title: Presentation, type: presentation, summative: false}
grading: {scheme: points, description: Dutch grades from 1 to 10.}
recognition:
  badge: {name: Big History (UvA), criteria: Pass both parts., criteria_url: "https://www.uva.nl/bh/criteria"}
quality_assurance:
  type: internal_and_external
  approved_by: Institute for Interdisciplinary Studies
  process: UvA quality requirements.
  review_cycle_months: 12
  external_approvals: [{body: NVAO}]
classification: {isced_f: "0222"}
publication: {url: "https://www.uva.nl/big-history"}
"""  # noqa: E501


def course_of(text: str) -> Course:
    return validate_course(yaml.safe_load(text))


# --- the vendored files ------------------------------------------------------------------


def test_each_vendored_file_is_the_one_its_provenance_names() -> None:
    provenance = (VENDOR / "PROVENANCE.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)`[^|]*\|.*\| ([0-9a-f]{64}) \|$", provenance, re.M)
    files = {str(p.relative_to(VENDOR)) for p in VENDOR.rglob("*") if p.is_file()}
    assert {name for name, _ in rows} == files - {"PROVENANCE.md"}
    for name, digest in rows:
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name
    assert "9d7c5d22002237c3afeb1750b7038e6fe2cdd371" in provenance
    assert "European Union Public Licence" in (VENDOR / "LICENSE").read_text(encoding="utf-8")


def test_the_derived_shapes_differ_from_the_original_in_three_patterns_only() -> None:
    original = (LOQ / "LOQ-constraints.ttl").read_text(encoding="utf-8").splitlines()
    derived = (LOQ / "LOQ-constraints.python-regex.ttl").read_text(encoding="utf-8").splitlines()
    assert len(original) == len(derived)
    changed = [n for n, (a, b) in enumerate(zip(original, derived, strict=True), 1) if a != b]
    assert changed == [668, 3432, 3452]
    pattern = re.compile(r'sh:pattern "(.*)" ;')
    for line in changed:
        before = pattern.search(original[line - 1])
        after = pattern.search(derived[line - 1])
        assert before and after
        with pytest.raises(re.error), warnings.catch_warnings():  # Java's syntax
            warnings.simplefilter("ignore", FutureWarning)  # "possible nested set"
            re.compile(before.group(1).encode().decode("unicode_escape"))
        regex = re.compile(after.group(1).encode().decode("unicode_escape"))
        assert regex.search("https://www.uva.nl/en/x?y=1#z")
    assert b"sh:deactivated" in (LOQ / "LOQ-constraints.python-regex.ttl").read_bytes()


def _listed(name: str) -> tuple[str, set[str]]:
    """An EU list of the ELM repository: its scheme (the targetNamespace) and its URIs."""
    text = (CV / name).read_text(encoding="utf-8")
    scheme = re.search(r'targetNamespace="([^"]+)"', text)
    assert scheme
    return scheme.group(1), set(re.findall(r'<xs:enumeration value="([^"]+)"', text))


SCHEMES = {
    scheme: uris
    for scheme, uris in map(
        _listed,
        [
            "isced-f.xsd", "eqf.xsd", "country.xsd", "language.xsd", "currency.xsd",
            "credit-points.xsd", "europass-modes.xsd", "europass-learning-setting-types.xsd",
            "europass-learning-assessment-types.xsd",
        ],
    )
}  # fmt: skip


def test_the_isced_f_codes_are_the_eu_vocabularys() -> None:
    _, uris = _listed("isced-f.xsd")
    assert {u.rsplit("/", 1)[1] for u in uris} == ISCED_F_CODES


def test_every_concept_the_export_names_is_one_of_its_list() -> None:
    named = [(uri, MODE_SCHEME) for uri, _ in MODES.values()]
    named += [(uri, SETTING_SCHEME) for uri, _ in SETTINGS.values()]
    named += [(uri, ASSESSMENT_SCHEME) for uri, _ in ASSESSMENT_TYPES.values()]
    named += [(ECTS[0], CREDIT_SCHEME)]
    named += [(f"http://data.europa.eu/snb/eqf/{n}", EQF_SCHEME) for n in range(1, 9)]
    for uri, scheme in named:
        assert uri in SCHEMES[scheme], uri


def test_every_country_language_and_currency_has_its_eu_code() -> None:
    import pycountry

    countries = SCHEMES["http://publications.europa.eu/resource/authority/country"]
    missing = [
        c.alpha_2
        for c in pycountry.countries
        if f"http://publications.europa.eu/resource/authority/country/{country_code(c.alpha_2)}"
        not in countries
    ]
    assert missing == ["TF"] and country_code("TF") is None
    assert country_code("XK") == "1A0"
    languages = SCHEMES["http://publications.europa.eu/resource/authority/language"]
    missing = [
        lang.alpha_2
        for lang in pycountry.languages
        if hasattr(lang, "alpha_2")
        and f"http://publications.europa.eu/resource/authority/language/"
        f"{language_code(lang.alpha_2)}"
        not in languages
    ]
    assert missing == [] and language_code("bh") is None  # Bihari languages: a group
    assert [language_code(t) for t in ("en-CA", "nl", "mi", "crk")] == ["ENG", "NLD", "MRI", "CRK"]
    currencies = SCHEMES["http://publications.europa.eu/resource/authority/currency"]
    missing = [
        c.alpha_3
        for c in pycountry.currencies
        if f"http://publications.europa.eu/resource/authority/currency/{c.alpha_3}"
        not in currencies
    ]
    assert set(missing) <= {"SLE", "VED", "XAD", "XCG", "ZWG"}


# --- RDF and the shapes --------------------------------------------------------------------


def _loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    if url != CONTEXT:
        raise AssertionError(f"the test asked the network for {url}")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": CONTEXT_DOC}  # fmt: skip


def to_graph(*documents: dict[str, Any]) -> Graph:
    graph = Graph()
    for document in documents:
        quads = jsonld.to_rdf(
            copy.deepcopy(document),
            {"format": "application/n-quads", "documentLoader": _loader},
        )
        graph.parse(data=quads, format="nt")  # the default graph only
    return graph


@cache
def _shapes(active: bool) -> Graph:
    shapes = Graph()
    shapes.parse(LOQ / "LOQ-constraints.python-regex.ttl", format="turtle")
    shapes.parse(LOQ / "LOQ-constraints-mdr.ttl", format="turtle")
    if active:  # LearningAchievementSpecificationShape: the one deactivated shape
        deactivated = list(shapes.triples((None, SH.deactivated, None)))
        assert [s.rsplit("/", 1)[1] for s, _, _ in deactivated] == [
            "LearningAchievementSpecificationShape"
        ]
        for triple in deactivated:
            shapes.remove(triple)
    return shapes


def violations(graph: Graph, *, active: bool = True) -> list[tuple[str, str]]:
    """pySHACL's results: (the shape's path, the message) each."""
    conforms, report, _ = validate(graph, shacl_graph=_shapes(active), inference="none")
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        path = report.value(result, SH.resultPath)
        found.append((str(path), str(report.value(result, SH.resultMessage))))
    assert conforms == (not found)
    return sorted(found)


def run(*args: str, cwd: Path) -> Result:
    here = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(here)


@cache
def exported() -> dict[str, dict[str, Any]]:
    """Every example's document, by file name, written by the command (all examples export)."""
    documents = {}
    for path in EXAMPLES:
        result = run("export", "--to", "elm", str(path), cwd=ROOT)
        assert result.exit_code == 0, f"{path.name} is refused: {result.stderr}"
        documents[path.name] = json.loads(result.stdout)
    return documents


def _keys(data: Any) -> Iterator[str]:
    if isinstance(data, list):
        for item in data:
            yield from _keys(item)
    elif isinstance(data, dict):
        for key, value in data.items():
            yield key
            if not key.startswith("@"):
                yield from _keys(value)


@pytest.mark.parametrize("active", [False, True], ids=["as-published", "las-shape-on"])
def test_every_example_conforms_to_the_loq_shapes(active: bool) -> None:
    graph = to_graph(*exported().values())
    assert violations(graph, active=active) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_is_typed_and_loses_no_key(path: Path) -> None:
    document = exported()[path.name]
    graph = to_graph(document)
    # Not a vacuous pass: the shapes target classes, so the nodes must be typed.
    for kind in ("LearningOpportunity", "LearningAchievementSpecification", "Organisation",
                 "LearningOutcome", "Address", "WebResource"):  # fmt: skip
        assert (None, RDF.type, ELM[kind]) in graph, kind
    assert (None, RDF.type, URIRef("http://purl.org/dc/terms/Location")) in graph
    # Every key maps to an IRI (a key the context did not know would be dropped), and comes
    # back when compacted again.
    options = {"documentLoader": _loader}
    expanded = jsonld.expand(copy.deepcopy(document), options)
    assert all(key.startswith(("@", "http://")) for key in _keys(expanded))
    compacted = jsonld.compact(expanded, CONTEXT, options)
    assert {k.lower() for k in _keys(compacted)} - {"@context"} == {
        k.lower() for k in _keys(document)
    } - {"@context"}


def test_every_concept_of_an_eu_scheme_is_in_its_list() -> None:
    graph = to_graph(*exported().values(), build(course_of(GOOD), Job("big-history")))
    seen = set()
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        for scheme in graph.objects(concept, SKOS.inScheme):
            assert str(scheme) in SCHEMES, scheme
            assert str(concept) in SCHEMES[str(scheme)], concept
            seen.add(str(scheme))
    assert seen == set(SCHEMES)  # the full course names every list


def test_every_elm_term_is_the_ontologys() -> None:
    ontology = Graph().parse(VENDOR / "rdf" / "ontology" / "ELM.ttl", format="turtle")
    graph = to_graph(*exported().values(), build(course_of(GOOD), Job("big-history")))
    terms = {p for p in graph.predicates() if str(p).startswith(str(ELM))}
    terms |= {o for o in graph.objects(None, RDF.type) if str(o).startswith(str(ELM))}
    assert terms and all((t, None, None) in ontology for t in terms), sorted(
        t for t in terms if (t, None, None) not in ontology
    )


def test_the_ontology_mixed_in_would_make_every_organisation_fail() -> None:
    """Why pySHACL is given no ont_graph: the closed shape of elm:Agent (Organisation's
    superclass in ELM.ttl) forbids the legal name that the Organisation shape requires."""
    ontology = Graph().parse(VENDOR / "rdf" / "ontology" / "ELM.ttl", format="turtle")
    assert (ELM.Organisation, URIRef("http://www.w3.org/2000/01/rdf-schema#subClassOf"),
            ELM.Agent) in ontology  # fmt: skip
    graph = to_graph(exported()["eu-big-history.yaml"])
    conforms, _, text = validate(graph, shacl_graph=_shapes(True), ont_graph=ontology)
    assert not conforms and "AgentShape" in text and "legalName" in text


def test_a_full_course_exports_every_mapped_term_and_conforms() -> None:
    document = build(course_of(GOOD), Job("big-history"))
    assert violations(to_graph(document)) == []
    spec = document["learningAchievementSpecification"]
    assert spec["volumeOfLearning"] == "PT167H30M"
    assert document["duration"] == "P59DT12H"
    assert spec["maximumDuration"] == "P6M"
    assert spec["creditPoint"][0]["point"] == "6"
    assert [c["@id"] for c in spec["educationLevel"]] == ["http://data.europa.eu/snb/eqf/6"]
    assert [c["@id"] for c in spec["thematicArea"]] == ["http://data.europa.eu/snb/isced-f/0222"]
    assert len(spec["mode"]) == 4  # the two online modes are one EU mode
    first, second = spec["learningOutcome"]
    assert [s["@id"] for s in first["relatedESCOSkill"]] == [
        "http://data.europa.eu/esco/skill/ccdf3597-5c80-410f-896d-e1bdfa223de9"
    ]
    assert first["relatedSkill"] == second["relatedSkill"]  # one label per concept
    exam, essay, talk = spec["provenBy"]
    assert "with identity verification" in exam["additionalNote"][0]["noteLiteral"]["en"]
    assert "unsupervised" in essay["additionalNote"][0]["noteLiteral"]["en"]
    assert "gradingScheme" not in talk and "dcType" not in talk
    assert [p["amount"]["rdf:value"]["@value"] for p in document["priceDetail"]] == ["400", "50.5"]
    provider = document["providedBy"]
    assert provider["registration"]["notation"] == "NL AMSTERD01"
    notes = " ".join(n["noteLiteral"]["en"] for n in spec["additionalNote"])
    assert "internal and external" in notes and "NVAO" in notes
    assert spec["awardingOpportunity"][0]["awardingBody"] == {"@id": provider["@id"]}


# --- each error of the profile is needed -------------------------------------------------------

# rule -> (what GOOD writes, what the refused course writes instead, the shapes' paths that a
# document built from it breaks, separated by "|").
REFUSED = {
    "ELX001": ('publication: {url: "https://www.uva.nl/big-history"}\n', "", "foaf/0.1/homepage"),
    "ELX002": ("  name: University of Amsterdam\n", "", "regorg#legalName"),
    "ELX003": ("  country: NL\n", "", "elm/location"),
    "ELX004": ("language: en\n", "", "elm/defaultLanguage|terms/language"),
    "ELX005": ('classification: {isced_f: "0222"}\n', "", "elm/ISCEDFCode"),
    "ELX006": ('isced_f: "0222"', 'isced_f: "0733"', "elm/ISCEDFCode"),
    "ELX007": (
        "  - {id: LO1, statement: Describe the thresholds of the history of the universe, "
        "competencies: [C1, C2, C3]}\n"
        "  - {id: LO2, statement: Write a short big history of one subject, competencies: [C2]}\n",
        "  - {id: LO1}\n",
        "elm/learningOutcome",
    ),
}
ALSO = {  # the variants the rules also refuse: a value the EU tables lack
    "ELX003": ("  country: NL\n", "  country: TF\n", "elm/location"),
    "ELX004": ("language: en\n", "language: bh\n", "elm/defaultLanguage|terms/language"),
}
CASES = [pytest.param(r, *REFUSED[r], id=r) for r in sorted(REFUSED)]
CASES += [pytest.param(r, *ALSO[r], id=f"{r}-unknown") for r in sorted(ALSO)]


@pytest.mark.parametrize(("rule_id", "written", "instead", "path"), CASES)
def test_a_course_lacking_what_loq_needs_is_refused_and_would_break_a_shape(
    rule_id: str, written: str, instead: str, path: str, tmp_path: Path
) -> None:
    assert written in GOOD
    text = GOOD.replace(written, instead)
    (tmp_path / "course.yaml").write_text(text, encoding="utf-8")
    result = run("export", "--to", "elm", "course.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    assert rule_id in result.stderr and result.stdout == ""
    # Without the guard: the document build() writes breaks the shape the rule cites (for
    # ELX005-ELX007, the Learning Achievement Specification shape, as the QDR's schema does).
    found = violations(to_graph(build(course_of(text), Job("big-history"))))
    assert found and all(p.endswith(tuple(path.split("|"))) for p, _ in found), found
    if rule_id in ("ELX005", "ELX006", "ELX007"):  # the shape v1.1.0 publishes switched off
        assert violations(to_graph(build(course_of(text), Job("x"))), active=False) == []


def test_the_good_course_passes_the_profile(tmp_path: Path) -> None:
    (tmp_path / "course.yaml").write_text(GOOD, encoding="utf-8")
    result = run("check", "--framework", "elm-export", "course.yaml", cwd=tmp_path)
    assert "ELX" not in result.output


# --- the command ---------------------------------------------------------------------------------


@pytest.fixture
def courses(tmp_path: Path) -> Path:
    (tmp_path / "history.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "second.yaml").write_text(
        GOOD.replace("id: big-history", "id: big-history-two"), encoding="utf-8"
    )
    return tmp_path


def test_one_file_goes_to_standard_output_and_to_a_file(courses: Path) -> None:
    result = run("export", "--to", "elm", "history.yaml", cwd=courses)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document == build(course_of(GOOD), Job("big-history"))
    result = run("export", "--to", "elm", "history.yaml", "-o", "out.jsonld", cwd=courses)
    assert result.exit_code == 0
    assert json.loads((courses / "out.jsonld").read_text(encoding="utf-8")) == document


def test_several_files_go_to_a_directory_one_per_course(courses: Path) -> None:
    result = run("export", "--to", "elm", "history.yaml", "second.yaml", "-o", "out",
                 cwd=courses)  # fmt: skip
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (courses / "out").iterdir())
    assert names == ["big-history-two.elm.jsonld", "big-history.elm.jsonld"]
    documents = [json.loads((courses / "out" / n).read_text(encoding="utf-8")) for n in names]
    assert documents[0]["@id"] != documents[1]["@id"]
    assert violations(to_graph(*documents)) == []


def test_ids_are_reproducible_and_the_base_url_names_the_document(courses: Path) -> None:
    first = run("export", "--to", "elm", "history.yaml", cwd=courses).stdout
    assert run("export", "--to", "elm", "history.yaml", cwd=courses).stdout == first
    assert json.loads(first)["@id"].startswith("urn:uuid:")
    based = run("export", "--to", "elm", "--base-url", "https://www.uva.nl/mc",
                "history.yaml", cwd=courses)  # fmt: skip
    document = json.loads(based.stdout)
    assert document["@id"] == "https://www.uva.nl/mc/big-history"
    spec = document["learningAchievementSpecification"]
    assert spec["@id"] == "https://www.uva.nl/mc/big-history#specification"
    assert spec["learningOutcome"][0]["@id"] == "https://www.uva.nl/mc/big-history#outcome-LO1"


# --- the checked-in exports ----------------------------------------------------------------


def test_the_checked_in_exports_are_up_to_date(tmp_path: Path) -> None:
    paths = [str(p.relative_to(ROOT)) for p in EXAMPLES]
    out = tmp_path / "elm"
    result = run("export", "--to", "elm", *paths, "-o", str(out), cwd=ROOT)
    assert result.exit_code == 0, result.output
    fresh = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}
    kept = {p.name: p.read_text(encoding="utf-8") for p in EXPORTS.iterdir()}
    assert fresh == kept, (
        "run: .venv/bin/mcvalidate export --to elm examples/*.yaml examples/real/*.yaml "
        "-o examples/exports/elm"
    )
    assert len(kept) == len(EXAMPLES)  # every example exports
