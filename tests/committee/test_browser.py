"""The HTML report as a person sees it: rendered by a real browser (Debian's Chromium, driven
through its chromedriver by Selenium), with no console error, no serious or critical
accessibility violation by axe-core, printed to PDF by the browser itself (A4 and Letter),
and valid by the Nu HTML Checker (vnu).

axe-core and vnu-jar are npm packages, installed once (pinned) into
``~/.cache/mcvalidate-tests`` as the editor client's test installs its server; a failed
install fails the test. The tier is skipped only where it cannot run: no Chromium or
chromedriver (``.ci/run`` installs them), no npm, no Java for vnu.

``MCVALIDATE_SCREENSHOT=docs/images/report.png`` also writes the screenshot the README shows.
"""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mcvalidate.cli import cli

pytestmark = [pytest.mark.browser, pytest.mark.slow_client]

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
CACHE = Path.home() / ".cache" / "mcvalidate-tests"
AXE = "4.14.1"
VNU = "26.9.27"
# A course with findings, a clean one, and one under another framework: the overview too.
EXAMPLES = (
    "examples/mistakes/draft-proposal.yaml",
    "examples/mass-timber-construction.yaml",
    "examples/real/eu-big-history.yaml",
)
# As root, in a closed network: no sandbox, and none of the browser's own connections.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--window-size=1200,1500",
)


def _npm_package(name: str, version: str, inside: str) -> Path:
    """A file of an npm package, installed into the cache first if it is not there."""
    target = CACHE / f"{name}-{version}"
    found = target / "node_modules" / name / inside
    if found.is_file():
        return found
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip(f"npm is needed to install {name}")
    CACHE.mkdir(parents=True, exist_ok=True)
    # Installed beside the cache and renamed into place: a run stopped halfway leaves no
    # half-installed package for the next run to trust.
    staging = Path(tempfile.mkdtemp(prefix="install-", dir=CACHE))
    done = subprocess.run(
        [npm, "install", "--prefix", str(staging), "--no-audit", "--no-fund", "--no-save",
         f"{name}@{version}"],
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, f"npm install {name} failed:\n{done.stderr[-3000:]}"
    try:
        os.replace(staging, target)
    except OSError:  # another run installed it meanwhile
        shutil.rmtree(staging, ignore_errors=True)
    return found


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real report of three examples, written by the command."""
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("report") / "report.html"
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(
            cli,
            ["report", *EXAMPLES, "--isolated", "--today", "2026-01-15", "-o", str(out)],
            catch_exceptions=False,
        )
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (Path(CHROMIUM).is_file() and Path(DRIVER).is_file()):
        pytest.skip(
            "Chromium and chromedriver are needed (apt-get install chromium chromium-driver)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser: Any, report: Path) -> Any:
    browser.get(report.as_uri())
    return browser


def test_it_renders_with_no_console_error_and_gives_a_screenshot(page: Any, tmp_path: Path) -> None:
    assert page.title.startswith("Catalogue report: 3 course files")
    errors = [entry for entry in page.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    # Nothing but the page itself was loaded: no script, stylesheet, font or image.
    loaded = page.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert loaded == []
    shot = tmp_path / "report.png"
    assert page.save_screenshot(str(shot))
    raw = shot.read_bytes()
    assert raw.startswith(b"\x89PNG\r\n\x1a\n") and len(raw) > 20_000
    wanted = os.environ.get("MCVALIDATE_SCREENSHOT")
    if wanted:
        shutil.copyfile(shot, ROOT / wanted)


def test_axe_finds_no_serious_or_critical_violation(page: Any) -> None:
    axe = _npm_package("axe-core", AXE, "axe.min.js")
    page.execute_script(axe.read_text(encoding="utf-8"))
    page.set_script_timeout(60)
    violations = page.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))"
        ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e)}]));"
    )
    bad = [v for v in violations if v["impact"] in {"serious", "critical"}]
    assert bad == [], json.dumps(bad, indent=2)
    # The lesser ones are listed too: a report should have none at all.
    assert violations == [], json.dumps(violations, indent=2)


@pytest.mark.parametrize(
    ("paper", "width", "height"), [("A4", 21.0, 29.7), ("Letter", 21.59, 27.94)]
)
def test_the_browser_prints_it_a_course_a_page_at_least(
    page: Any, paper: str, width: float, height: float
) -> None:
    from pypdf import PdfReader
    from selenium.webdriver.common.print_page_options import PrintOptions

    options = PrintOptions()
    options.page_width, options.page_height = width, height
    pdf = base64.b64decode(page.print_page(options))
    pages = PdfReader(io.BytesIO(pdf)).pages
    # The contents and overview, then each course starting a page of its own.
    assert len(pages) >= 1 + len(EXAMPLES)
    box = pages[0].mediabox
    assert abs(float(box.width) - width / 2.54 * 72) < 2
    text = "".join(p.extract_text() for p in pages)
    assert "Mass Timber Construction Fundamentals" in text


def test_the_nu_html_checker_finds_no_error(report: Path) -> None:
    java = shutil.which("java")
    if java is None:
        pytest.skip("Java is needed to run the Nu HTML Checker (vnu.jar)")
    jar = _npm_package("vnu-jar", VNU, "build/dist/vnu.jar")
    done = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "text", str(report)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
