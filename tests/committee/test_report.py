"""``mcvalidate report``: the committee's report, read as a person and a parser read it.

The HTML is parsed strictly (html5lib: no parse error), its structure checked (the course's
language, headings in order, captions and header cells); hostile course values (markup,
script tags, bidirectional and control characters) must come out as text and never as an
element or an attribute, in the HTML and in the Markdown rendered by a CommonMark renderer;
the checklist shows each element's state with its clause and evidence; several files get
the catalogue overview; and the command's exit codes are a report's (0 whatever the
findings, 2 for a mistake).
"""

from __future__ import annotations

import datetime
import itertools
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element as Node

import html5lib
import pytest
from click.testing import CliRunner, Result
from markdown_it import MarkdownIt

from frameworks_for_tests import PACKS
from mcvalidate.cli import cli
from mcvalidate.committee import Report, State, build
from mcvalidate.committee.html import render as html
from mcvalidate.committee.markdown import render as markdown
from mcvalidate.engine import Checker
from mcvalidate.findings import Severity
from mcvalidate.packs import Registry
from mcvalidate.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
NS = "{http://www.w3.org/1999/xhtml}"
SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(2)>'
# What must never reach the page as such: bidi overrides and isolates, NUL, ESC, other
# controls (they are written as visible escapes).
UNSEEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = f"""\
title: "{SCRIPT} \\u202Eevil\\u202C \\u2066iso\\u2069 \\x00nul \\x1b[31mred"
summary: '{BREAKOUT} &amp; <b>bold</b> `code` *star* [link](http://x) | pipe'
language: fr-CA
issuer:
  name: "</bdi><script>alert(3)</script>\\u2067"
  region: CA-BC
  country: CA
workload: {{hours: 40}}
learning_outcomes:
  - "Identify <iframe src=javascript:alert(4)> \\u202Ereversed"
  - "- a bullet # heading 1. list"
"""
NZ_FILE = "title: Horticulture\nissuer: {country: NZ}\nworkload: {hours: 40}\n"


def report_of(*files: tuple[str, str]) -> Report:
    """The report of in-memory files under the test frameworks."""
    selection = Registry(packs=PACKS, installed=False).select()
    checker = Checker(selection, Settings(scoped=False, keep_courses=True))
    results = [checker.check_bytes(name, text.encode()) for name, text in files]
    return build(
        results,
        selection,
        date=datetime.date(2026, 1, 15),
        version="0.test",
        fail_on=Severity.ERROR,
    )


def parsed(page: str) -> Node:
    """The page's tree; parse errors fail the test (strict html5lib)."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    tree: Node = parser.parse(page)
    return tree


def tags(tree: Node) -> Iterator[str]:
    for node in tree.iter():
        if isinstance(node.tag, str):
            yield node.tag.removeprefix(NS)


def attributes(tree: Node) -> Iterator[tuple[str, str]]:
    for node in tree.iter():
        yield from node.attrib.items()


def texts(tree: Node) -> Iterator[str]:
    for node in tree.iter():
        yield node.text or ""
        yield node.tail or ""


def run(*args: str, cwd: Path) -> Result:
    here = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, ["report", *args, "--isolated"], catch_exceptions=False)
    finally:
        os.chdir(here)


# Every element the HTML report is made of: anything else came from a value.
OURS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "nav",
    "section", "h1", "h2", "h3", "h4", "h5", "p", "ol", "ul", "li", "a", "code", "pre", "span",
    "mark", "strong", "em", "bdi", "dl", "dt", "dd", "table", "caption", "thead", "tbody",
    "tr", "th", "td", "br", "div", "wbr",
}  # fmt: skip


def test_the_page_parses_strictly_and_is_built_for_reading() -> None:
    tree = parsed(html(report_of(("nz.yaml", NZ_FILE))))
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    assert root.get("lang") == "en"
    found = list(tags(tree))
    assert set(found) <= OURS
    levels = [int(t[1]) for t in found if re.fullmatch("h[1-6]", t)]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    for table in tree.iter(f"{NS}table"):
        assert table.find(f"{NS}caption") is not None
        assert all(th.get("scope") in {"col", "row"} for th in table.iter(f"{NS}th"))
    # Self-contained: nothing is loaded (no script, image, stylesheet link, frame or font).
    assert not {"script", "img", "link", "iframe", "object", "embed"} & set(found)
    page = html(report_of(("nz.yaml", NZ_FILE)))
    assert "@media print" in page and "@page" in page and "url(" not in page


def test_hostile_values_stay_text_in_the_html() -> None:
    report = report_of(("hostile.yaml", HOSTILE), ("nz.yaml", NZ_FILE))
    page = html(report)
    tree = parsed(page)
    assert set(tags(tree)) <= OURS
    assert not {"script", "img", "iframe"} & set(tags(tree))
    names = {name for name, _ in attributes(tree)}
    ours = {"lang", "charset", "name", "content", "class", "id", "href", "scope", "colspan"}
    assert names <= ours | {"aria-labelledby"}
    for name, value in attributes(tree):
        assert not UNSEEN.search(value), (name, value)
        if name == "href":
            assert value.startswith(("#", "https://", "http://example.org")), value
    words = "".join(texts(tree))
    assert not UNSEEN.search(words)
    assert not UNSEEN.search(page)
    # The values are there, as text, their unseen characters made visible.
    assert SCRIPT in words and BREAKOUT in words
    assert "<U+202E>evil" in words and "<U+2066>iso<U+2069>" in words and "\\x00nul" in words
    assert "</bdi><script>alert(3)</script><U+2067>" in words
    # Course values carry their course's language, isolated from the text around them.
    bdis = [node for node in tree.iter(f"{NS}bdi") if node.get("lang") == "fr-CA"]
    assert any(SCRIPT in "".join(node.itertext()) for node in bdis)


def test_hostile_values_stay_text_in_the_markdown() -> None:
    document = markdown(report_of(("hostile.yaml", HOSTILE), ("nz.yaml", NZ_FILE)))
    assert not UNSEEN.search(document)
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(document)
    tree = parsed(f"<!DOCTYPE html><html lang=en><title>t</title><body>{rendered}")
    found = set(tags(tree))
    assert not {"script", "img", "iframe", "b", "em"} & found, found
    assert {name for name, _ in attributes(tree)} <= {"lang", "href", "style"}
    assert all(v.startswith("https://example.org") for k, v in attributes(tree) if k == "href")
    words = "".join(texts(tree))
    assert SCRIPT in words and BREAKOUT in words and "*star* [link](http://x) | pipe" in words
    # A value starting like a list item or a heading starts none.
    assert "- a bullet # heading 1. list" in words
    assert "<U+202E>evil" in words


def test_each_element_is_shown_with_its_state_clause_and_evidence() -> None:
    report = report_of(("nz.yaml", NZ_FILE))
    (course,) = report.courses
    nz = next(f for f in course.frameworks if f.name == "test-nz")
    states = {e.name: e.state for e in nz.elements}
    assert states == {
        "Workload": State.MET,
        "Level": State.MISSING,
        "Standards used": State.OPTIONAL,
        "Learning outcomes": State.MISSING,
    }
    level = next(e for e in nz.elements if e.name == "Level")
    assert [(c.clause, c.evidence) for c in level.citations] == [
        ("A test framework: Clause 1", ("verbatim",))
    ]
    assert [e.finding.rule for e in level.findings] == ["TNZ002"]
    # Ontario's scope does not take a New Zealand course: not applicable, with its scope.
    assert "test-on" in {o.name for o in course.outside}
    assert "test-on" not in {f.name for f in course.frameworks}
    tree = parsed(html(report))
    rows = {
        "".join(tr[0].itertext()): ["".join(td.itertext()) for td in tr[1:]]
        for tr in tree.iter(f"{NS}tr")
        if tr[0].tag == f"{NS}th" and tr[0].get("scope") == "row"
    }
    assert rows["Level"][:3] == ["✗ missing", "A test framework: Clause 1", "verbatim"]
    assert rows["Workload"][:3] == ["✓ met", "A test framework: Clause 1", "verbatim"]
    assert rows["Standards used"][0] == "○ optional, not given"
    document = markdown(report)
    assert "| Level | ✗ missing | A test framework: Clause 1 | verbatim | TNZ002 |" in document
    assert "| Workload | ✓ met | A test framework: Clause 1 | verbatim | none |" in document


def test_findings_show_the_source_line_with_the_span_marked() -> None:
    text = "title: Horticulture\nissuer: {country: NZ}\nworkload: {hours: -3}\n"
    report = report_of(("nz.yaml", text))
    tree = parsed(html(report))
    marks = ["".join(m.itertext()) for m in tree.iter(f"{NS}mark")]
    assert "-3" in marks
    excerpts = ["".join(p.itertext()) for p in tree.iter(f"{NS}pre")]
    assert any(e.startswith("3 | workload: {hours: -3}") for e in excerpts)
    document = markdown(report)
    assert "   3 | workload: {hours: -3}\n     |                   ^^" in document
    # A missing value has no line to show: the field it would be is named instead.
    assert "level, not in the file" in document


def test_several_files_get_the_catalogue_overview() -> None:
    one = report_of(("nz.yaml", NZ_FILE))
    assert one.overview is None and "Catalogue overview" not in html(one)
    both = report_of(("nz.yaml", NZ_FILE), ("broken.yaml", "title: [\n"))
    assert both.overview is not None
    page = html(both)
    tree = parsed(page)
    overview = next(t for t in tree.iter(f"{NS}table") if "overview" in (t.get("class") or ""))
    heads = ["".join(th.itertext()) for th in overview.iter(f"{NS}th") if th.get("scope") == "col"]
    assert heads[:2] == ["File", "Course file checks"]
    assert {p.name for p in PACKS} <= set(heads)
    # The file that is no course is in the report, with its error, in the overview too.
    assert "not read: MC0" in page
    broken = both.courses[1]
    assert broken.summary is None and broken.problem.startswith("MC0")
    assert "| File | Course file checks |" in markdown(both)


def test_the_command_reports_and_exits_0_whatever_the_findings(tmp_path: Path) -> None:
    (tmp_path / "draft.yaml").write_bytes(
        (ROOT / "examples/mistakes/draft-proposal.yaml").read_bytes()
    )
    (tmp_path / "broken.yaml").write_text("title: Broken\nworkload: [\n", encoding="utf-8")
    result = run(".", "--today", "2026-01-15", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("<!DOCTYPE html>")
    parsed(result.output)
    assert "Generative AI Tools for Administrative Professionals" in result.output
    assert "broken.yaml" in result.output and "Traceback" not in result.output
    result = run("draft.yaml", "--format", "md", "-o", "r.md", cwd=tmp_path)
    assert result.exit_code == 0 and result.output == ""
    written = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert written.startswith("# Course report: Generative AI Tools")
    assert "| Definition: aligned with needs | ✗ missing |" in written


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nothing-here"], "mcvalidate: error: "),
        (["draft.yaml", "--format", "pdf"], "--format pdf writes a file: give -o FILE.pdf"),
        (["draft.yaml", "--framework", "no-such-pack"], "no-such-pack"),
    ],
)
def test_mistakes_are_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "draft.yaml").write_text(NZ_FILE, encoding="utf-8")
    result = run(*args, cwd=tmp_path)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.output


def test_pdf_without_the_extra_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "c.yaml").write_text(NZ_FILE, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails, as when not installed
    result = run("c.yaml", "--format", "pdf", "-o", "c.pdf", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.output == (
        "mcvalidate: error: --format pdf needs WeasyPrint: pip install 'mcvalidate[pdf]' "
        "(or use --format html and print it to PDF from a browser)\n"
    )
    assert not (tmp_path / "c.pdf").exists()


def test_the_pdf_is_tagged_and_holds_the_course(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    pypdf = pytest.importorskip("pypdf")
    (tmp_path / "c.yaml").write_bytes(
        (ROOT / "examples/mass-timber-construction.yaml").read_bytes()
    )
    result = run("c.yaml", "--format", "pdf", "-o", "c.pdf", "--paper", "letter", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(tmp_path / "c.pdf")
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == "en"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # Letter
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Mass Timber Construction Fundamentals" in text
