"""Rule packs as a third-party author installs them: each defect of the pack-author trial is a
test here, run against packs installed the way pip installs them (a ``*.dist-info`` folder with
an ``entry_points.txt``, on the path), through the real CLI.
"""

from __future__ import annotations

import itertools
import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mcvalidate import __version__
from mcvalidate.cli import cli
from mcvalidate.packs import Registry

ROOT = Path(__file__).resolve().parents[1]
_UNIQUE = itertools.count()

HEADER = """\
from mcvalidate.model import Course
from mcvalidate.rules import Option, Pack, RuleContext, Source, rule

SOURCE = Source("House rules", "section 1", "https://example.org/house", "verbatim")
"""


def rule_source(
    rule_id: str, name: str, body: str = "pass", severity: str = "warning", options: str = ""
) -> str:
    """A rule declaration whose check runs ``body`` (indented by the caller's text)."""
    extra = f", options={options}" if options else ""
    return f'''
@rule(id="{rule_id}", name="{name}", severity="{severity}", source=SOURCE{extra})
def {name.replace("-", "_")}(course: Course, ctx: RuleContext) -> None:
    """A rule of the trial.

    Fails::

        title: x

    Passes::

        title: y
    """
{textwrap.indent(textwrap.dedent(body), "    ")}
'''


def pack_source(name: str, rules: list[str], extra: str = "") -> str:
    functions = ", ".join(r.replace("-", "_") for r in rules)
    return (
        f'\nPACK = Pack(name="{name}", title="T", framework="F", version="1", '
        f'url="https://example.org", rules=({functions},){extra})\n'
    )


Install = Callable[..., str]


@pytest.fixture
def install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Install:
    """``install(dist, pack, source)`` installs a distribution ``dist`` whose entry point
    ``pack`` is the module ``source``'s ``PACK``, as pip would; returns the module name."""
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))

    def _install(dist: str, pack: str, source: str, version: str = "1.0") -> str:
        module = f"trial_pack_{next(_UNIQUE)}"
        (site / f"{module}.py").write_text(HEADER + source, encoding="utf-8")
        info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8"
        )
        (info / "entry_points.txt").write_text(
            f"[mcvalidate.packs]\n{pack} = {module}:PACK\n", encoding="utf-8"
        )
        import importlib

        importlib.invalidate_caches()
        return module

    return _install


def install_rule(
    install: Install,
    dist: str,
    pack: str,
    rule_id: str,
    name: str,
    *,
    prelude: str = "",
    body: str = "pass",
    severity: str = "warning",
    extra: str = "",
    version: str = "1.0",
) -> str:
    """Install a distribution ``dist`` whose pack ``pack`` holds one rule."""
    source = prelude + rule_source(rule_id, name, body, severity) + pack_source(pack, [name], extra)
    return install(dist, pack, source, version=version)


def run(*args: str, cwd: Path | None = None) -> Result:
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(cli, list(args), catch_exceptions=False)
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(cli, list(args), catch_exceptions=False)


def course(tmp_path: Path, text: str = "title: x\n", name: str = "c.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def one_line_error(result: Result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# -- a pack cannot take over another's rule ---------------------------------------------------


def test_a_pack_declaring_a_format_rule_id_is_refused(install: Install, tmp_path: Path) -> None:
    install_rule(install, "relaxed-yaml", "relaxed", "MC001", "relaxed-yaml", severity="info")
    result = run("check", "--isolated", course(tmp_path, "title: 'unclosed\n"))
    message = one_line_error(result)
    assert "MC001" in message and "reserved for mcvalidate's format rules" in message
    assert "distribution relaxed-yaml 1.0" in message


def test_a_pack_reusing_a_built_in_rule_id_is_refused_naming_both_distributions(
    install: Install, tmp_path: Path
) -> None:
    install_rule(install, "my-standalone", "mine", "BCF001", "my-standalone")
    message = one_line_error(run("check", "--isolated", course(tmp_path)))
    assert "the rule id 'BCF001' is declared by both" in message
    assert f"'bc-framework' (distribution mcvalidate {__version__})" in message
    assert "'mine' (distribution my-standalone 1.0)" in message


def test_two_packs_with_one_rule_name_are_refused(install: Install, tmp_path: Path) -> None:
    install_rule(install, "house-a", "house-a", "HSA001", "trial-banner")
    install_rule(install, "house-b", "house-b", "HSB001", "trial-banner")
    message = one_line_error(run("check", "--isolated", course(tmp_path)))
    assert "the rule name 'trial-banner' is declared by both" in message
    assert "house-a" in message and "house-b" in message


def test_two_distributions_with_one_pack_name_are_refused(install: Install, tmp_path: Path) -> None:
    install_rule(install, "trial-real", "trial-house", "TRH001", "trial-banner")
    install_rule(install, "impostor", "trial-house", "IMP001", "impostor")
    message = one_line_error(run("check", "--isolated", course(tmp_path)))
    assert "two distributions register the rule pack 'trial-house'" in message
    assert "distribution trial-real 1.0" in message and "distribution impostor 1.0" in message
    # A run that does not apply the pack is not affected.
    assert (
        run("check", "--isolated", "--framework", "bc-framework", course(tmp_path)).exit_code == 1
    )


def test_a_pack_called_format_is_refused(install: Install, tmp_path: Path) -> None:
    install_rule(install, "fmt", "format", "FMT001", "fake-format")
    message = one_line_error(run("check", "--isolated", course(tmp_path)))
    assert "two distributions register the rule pack 'format'" in message
    assert "distribution mcvalidate" in message and "distribution fmt 1.0" in message


def test_two_packs_claiming_one_prefix_are_refused(install: Install, tmp_path: Path) -> None:
    install_rule(install, "bct-too", "bct-too", "BCT900", "extra-toolkit", extra=', prefix="BCT"')
    message = one_line_error(run("check", "--isolated", course(tmp_path)))
    assert "both claim the rule prefix BCT" in message


def test_a_local_pack_with_an_installed_packs_name_is_refused(tmp_path: Path) -> None:
    (tmp_path / "local.py").write_text(
        HEADER + rule_source("LOC001", "local-rule") + pack_source("bc-toolkit", ["local-rule"]),
        encoding="utf-8",
    )
    config = tmp_path / ".mcvalidate.yaml"
    config.write_text("rule_paths: [local.py]\n", encoding="utf-8")
    message = one_line_error(run("check", "--config", str(config), course(tmp_path)))
    assert "the local pack 'bc-toolkit'" in message
    assert f"distribution mcvalidate {__version__}" in message


# -- isolation ----------------------------------------------------------------------------------


def test_a_rule_calling_sys_exit_is_an_internal_error_and_hides_nothing(
    install: Install, tmp_path: Path
) -> None:
    install_rule(
        install, "exiting", "exiting", "EXT001", "exits", prelude="import sys\n", body="sys.exit(0)"
    )
    broken = course(tmp_path, "title: 'unclosed\n", "syntax.yaml")
    good = course(tmp_path, "title: x\nstandalone: false\n", "ok.yaml")
    for jobs in ("1", "2"):
        result = run("check", "--isolated", "--format", "json", "-j", jobs, broken, good)
        assert result.exit_code == 2, result.output
        report = json.loads(result.stdout)
        rules = [(f["path"].rsplit("/", 1)[-1], f["rule"]) for f in report["findings"]]
        assert ("syntax.yaml", "MC001") in rules
        assert ("ok.yaml", "BCF001") in rules
        internal = [f for f in report["findings"] if f["rule"] == "MC008"]
        assert len(internal) == 1
        assert "EXT001 (exits)" in internal[0]["message"]
        assert "sys.exit(0)" in internal[0]["message"]


@pytest.mark.parametrize("output", ["json", "sarif"])
def test_a_rule_that_prints_cannot_corrupt_a_report(
    install: Install, tmp_path: Path, output: str
) -> None:
    body = "print('debug!')\nsys.stderr.write('x')"
    install_rule(
        install, "printing", "printing", "PRT001", "prints", prelude="import sys\n", body=body
    )
    result = run("check", "--isolated", "--format", output, course(tmp_path))
    assert result.exit_code == 2
    report = json.loads(result.stdout)  # still a JSON document
    text = json.dumps(report)
    assert "PRT001 (prints) failed on this file: it wrote to the terminal ('debug!')" in text


def test_printing_while_a_pack_is_imported_cannot_corrupt_a_report(
    install: Install, tmp_path: Path
) -> None:
    install_rule(
        install, "noisy", "noisy", "NSY001", "noisy-rule", prelude="print('loading noisy')\n"
    )
    result = run("check", "--isolated", "--format", "json", course(tmp_path))
    assert "noisy" in json.loads(result.stdout)["packs"]
    assert "loading noisy" in result.stderr


@pytest.mark.parametrize(
    ("call", "said"),
    [
        ('ctx.report("/title", 42)', "the message must be non-empty text"),
        ('ctx.report("title", "No slash.")', "'title' is not a JSON pointer"),
        ('ctx.report("/title", "Bad fix.", fix=3)', "'fix' must be text"),
    ],
)
def test_a_malformed_report_call_is_an_internal_error_naming_the_rule(
    install: Install, tmp_path: Path, call: str, said: str
) -> None:
    install_rule(install, "malformed", "malformed", "MAL001", "bad-report", body=call)
    for output in ("text", "json"):
        result = run("check", "--isolated", "--format", output, course(tmp_path))
        assert result.exit_code == 2
        words = " ".join(result.stdout.split())  # the text report wraps its lines
        assert "MAL001 (bad-report) failed" in words
        assert said in words


@pytest.mark.parametrize(
    ("source", "said"),
    [
        (
            'BAD = Source("F", "c", "https://example.org", "strong")\n'
            + rule_source("BAD001", "bad-evidence").replace("source=SOURCE", "source=BAD"),
            "'evidence' must be one of verbatim, secondary, inferred, not 'strong'",
        ),
        (
            rule_source("BAD001", "bad-evidence").replace(
                "source=SOURCE", 'source={"document": 1}'
            ),
            "'source' must be a mcvalidate.rules.Source",
        ),
        (
            rule_source("BAD001", "bad-evidence", options='{"kinds": {"a", "b"}}'),
            "option 'kinds': the default",
        ),
        (
            re.sub(r'""".*?"""', "", rule_source("BAD001", "bad-evidence"), flags=re.S),
            "it has no docstring",
        ),
    ],
)
def test_malformed_pack_metadata_fails_when_the_pack_loads_naming_it(
    install: Install, tmp_path: Path, source: str, said: str
) -> None:
    install("mcv-malformed", "malformed", source + pack_source("malformed", ["bad-evidence"]))
    message = one_line_error(run("check", "--isolated", course(tmp_path)))
    assert "the rule pack 'malformed' (distribution mcv-malformed 1.0) failed to load" in message
    assert said in message


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (
            'PACK = Pack(name="malformed", title=None, framework="F", version="1", '
            'url="https://example.org", rules=(plain,))',
            "'title' must be non-empty text",
        ),
        (
            'PACK = Pack(name="malformed", title="T", framework="F", version="1", '
            'url="not a url", rules=(plain,))',
            "'url' must be a web address",
        ),
        (
            'PACK = Pack(name="malformed", title="T", framework="F", version="1", '
            'url="https://example.org", rules=(lambda c, x: None,))',
            "is not a rule: declare it",
        ),
        (
            'PACK = Pack(name="malformed", title="T", framework="F", version="1", '
            'url="https://example.org", rules=())',
            "'rules' must be a non-empty tuple",
        ),
        ('PACK = "not a pack"', "is a str, not a mcvalidate.rules.Pack"),
    ],
)
def test_malformed_packs_say_what_is_wrong(
    install: Install, tmp_path: Path, extra: str, said: str
) -> None:
    install("mcv-malformed", "malformed", rule_source("PLN001", "plain") + "\n" + extra + "\n")
    message = one_line_error(run("check", "--isolated", course(tmp_path)))
    assert "'malformed'" in message and said in message


# -- one broken pack breaks only the runs that use it -------------------------------------------


@pytest.fixture
def broken(install: Install) -> None:
    install("mcv-broken", "broken", "import no_such_module_anywhere\n")


def test_a_broken_pack_does_not_break_runs_that_do_not_apply_it(
    broken: None, tmp_path: Path
) -> None:
    good = course(tmp_path, "title: x\nstandalone: false\n")
    assert run("check", "--isolated", "--framework", "bc-framework", good).exit_code == 1
    message = one_line_error(run("check", "--isolated", good))
    assert "the rule pack 'broken' (distribution mcv-broken 1.0) failed to load" in message
    assert "No module named 'no_such_module_anywhere'" in message
    assert run("explain", "BCF001").exit_code == 0
    listed = run("rules", "--isolated")
    assert listed.exit_code == 0
    assert "BCF001" in listed.stdout
    assert "pack broken (BROKEN: the rule pack 'broken'" in listed.stdout
    assert "warning: broken pack" in listed.stderr
    assert run("rules", "--framework", "broken").exit_code == 0


def test_a_pack_needing_a_newer_mcvalidate_says_so(install: Install, tmp_path: Path) -> None:
    install_rule(install, "future", "future", "FUT001", "future-rule", extra=', requires=">=99"')
    message = one_line_error(run("check", "--isolated", course(tmp_path)))
    assert f"needs mcvalidate >=99; this is mcvalidate {__version__}" in message
    assert run("check", "--isolated", "--framework", "bc-toolkit", course(tmp_path)).exit_code == 0


def test_a_pack_needing_another_pack_says_which(install: Install, tmp_path: Path) -> None:
    needs = ', requires_packs=("bc-framework",)'
    install_rule(install, "addon", "addon", "ADD001", "addon-rule", extra=needs)
    assert run("check", "--isolated", course(tmp_path, "title: x\nstandalone: true\n")).exit_code
    message = one_line_error(run("check", "--isolated", "--framework", "addon", course(tmp_path)))
    assert "the rule pack 'addon' needs the pack 'bc-framework'" in message
    assert "--framework addon --framework bc-framework" in message


# -- local packs are first-class ----------------------------------------------------------------


def write_house_package(tmp_path: Path) -> Path:
    # A package imported under its own name stays imported: each test gets a name of its own.
    name = f"house_rules_{next(_UNIQUE)}"
    package = tmp_path / "checks" / name
    package.mkdir(parents=True)
    (package / "helpers.py").write_text("PATTERN = r'^[A-Z]{4}-\\d{3}$'\n", encoding="utf-8")
    (package / "__init__.py").write_text(
        HEADER
        + f"import re\nfrom {name}.helpers import PATTERN  # an absolute import of itself\n"
        + rule_source(
            "TRH001",
            "trial-banner",
            "code = ctx.value('/x-banner-code')\n"
            "if not isinstance(code, str) or not re.match(PATTERN, code):\n"
            "    ctx.report('/x-banner-code', 'No valid Banner code.', fix='Add one.')",
        )
        + pack_source("trial-house", ["trial-banner"]),
        encoding="utf-8",
    )
    config = tmp_path / ".mcvalidate.yaml"
    config.write_text(f"rule_paths: [checks/{name}]\n", encoding="utf-8")
    return config


def test_a_local_package_imports_itself_and_reads_its_authors_fields(tmp_path: Path) -> None:
    config = write_house_package(tmp_path)
    bad = course(tmp_path, "title: x\nx-banner-code: carp\n", "bad.yaml")
    good = course(tmp_path, "title: x\nx-banner-code: CARP-101\n", "good.yaml")
    result = run(
        "check", "--config", str(config), "--select", "TRH001", "--format", "json", bad, good
    )
    assert result.exit_code == 0  # a warning
    found = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["line"], f["column"], f["pack"]) for f in found] == [
        ("TRH001", 2, 16, "trial-house")
    ]


def test_rules_and_explain_know_the_local_packs(tmp_path: Path) -> None:
    config = write_house_package(tmp_path)
    listed = run("rules", "--config", str(config), "--framework", "trial-house")
    assert listed.exit_code == 0
    assert "TRH001" in listed.stdout and "trial-banner" in listed.stdout
    assert "pack trial-house (1, 1 rules) from rule path" in listed.stdout
    explained = run("explain", "--config", str(config), "trh001")
    assert explained.exit_code == 0
    assert explained.stdout.startswith("TRH001 trial-banner (warning, pack trial-house)")
    pack = run("explain", "--config", str(config), "trial-house")
    assert pack.stdout.startswith("trial-house: T")
    assert "  TRH001 trial-banner (warning): A rule of the trial." in pack.stdout


# -- one registry for every name ----------------------------------------------------------------


def test_every_mechanism_accepts_ids_in_any_case(tmp_path: Path) -> None:
    target = course(tmp_path, "title: x\nlearning_outcomes:\n  - Understand the cycle\n")
    selected = run("check", "--isolated", "--select", "bct008", "--format", "json", target)
    assert {f["rule"] for f in json.loads(selected.stdout)["findings"]} == {"BCT008"}
    config = tmp_path / "config.yaml"
    config.write_text("select: [bct008]\nseverity: {bct008: error}\n", encoding="utf-8")
    result = run("check", "--config", str(config), "--format", "json", target)
    assert result.exit_code == 1
    assert [f["severity"] for f in json.loads(result.stdout)["findings"]] == ["error"]


def test_the_format_pack_is_a_framework_like_any_other(tmp_path: Path) -> None:
    target = course(tmp_path, "title: x\nstatus: publish\nstandalone: false\n")
    result = run("check", "--isolated", "--framework", "format", "--format", "json", target)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert {f["rule"] for f in report["findings"]} == {"MC012"}
    assert report["packs"] == []


@pytest.mark.parametrize("command", [["check", "--isolated"], ["rules"], ["schema", "course"]])
def test_an_unknown_framework_gets_one_message_everywhere(command: list[str]) -> None:
    message = one_line_error(run(*command, "--framework", "bc-framwork"))
    packs = ", ".join(Registry().names)  # whatever else is installed beside the built-in packs
    assert message == (
        f"mcvalidate: error: unknown framework 'bc-framwork' (did you mean 'bc-framework'? "
        f"packs: {packs})"
    )


def test_a_rule_of_a_pack_left_out_is_named_as_such(install: Install, tmp_path: Path) -> None:
    install_rule(install, "house", "trial-house", "TRH001", "trial-banner")
    message = one_line_error(
        run(
            "check",
            "--isolated",
            "--framework",
            "bc-framework",
            "--select",
            "TRH001",
            course(tmp_path),
        )
    )
    assert "'TRH001' belongs to the pack 'trial-house', which this run does not apply" in message
    assert "(add --framework trial-house)" in message


def test_inline_ignores_accept_packs_and_prefixes(tmp_path: Path) -> None:
    target = course(
        tmp_path,
        "# mcvalidate: ignore-file[bc-framework] an internal course\n"
        "title: x\n"
        "learning_outcomes:\n"
        "  - Understand the cycle  # mcvalidate: ignore[BCT] the board's wording\n",
    )
    result = run("check", "--isolated", "--format", "json", "--show-suppressed", target)
    findings = json.loads(result.stdout)["findings"]
    active = {f["rule"] for f in findings if "suppression" not in f}
    suppressed = {f["rule"] for f in findings if "suppression" in f}
    assert not {r for r in active if r.startswith(("BCF", "MC03"))}, active
    assert {"BCF013", "BCT008"} <= suppressed


def test_an_ignore_for_an_installed_pack_left_out_of_the_run_is_not_a_finding(
    install: Install, tmp_path: Path
) -> None:
    install_rule(install, "house", "trial-house", "TRH001", "trial-banner")
    target = course(tmp_path, "title: x  # mcvalidate: ignore[TRH001] no banner yet\n")
    result = run("check", "--isolated", "--framework", "bc-framework", "--format", "json", target)
    assert not [f for f in json.loads(result.stdout)["findings"] if f["rule"].startswith("MC03")]


# -- options -----------------------------------------------------------------------------------


OPTION_RULE = rule_source(
    "OPT001",
    "option-rule",
    "seen.append((ctx.options['limit'], ctx.options['words']))\n"
    "try:\n"
    "    ctx.options['words'].append('leak')\n"
    "except AttributeError:\n"
    "    pass\n"
    "if ctx.options['limit'] is not None:\n"
    "    words = list(ctx.options['words'])\n"
    "    ctx.report('/title', f\"limit {ctx.options['limit']}, words {words}\")",
    options='{"limit": Option(None, kind="integer", minimum=1, help="at most"), "words": ["a"]}',
)


def test_options_are_read_only_typed_and_a_none_default_can_be_set(
    install: Install, tmp_path: Path
) -> None:
    module = install(
        "opts", "opts", "seen = []\n" + OPTION_RULE + pack_source("opts", ["option-rule"])
    )
    config = tmp_path / "c.yaml.cfg"
    config.write_text("rule_options:\n  OPT001: {limit: 3}\n", encoding="utf-8")
    first = course(tmp_path, "title: x\n", "a.yaml")
    second = course(tmp_path, "title: y\n", "b.yaml")
    result = run(
        "check", "--config", str(config), "--framework", "opts", "--format", "json", first, second
    )
    messages = [f["message"] for f in json.loads(result.stdout)["findings"]]
    assert messages == ["limit 3, words ['a']", "limit 3, words ['a']"]  # nothing leaked
    import sys

    assert sys.modules[module].seen == [(3, ("a",)), (3, ("a",))]
    config.write_text("rule_options:\n  OPT001: {limit: 0}\n", encoding="utf-8")
    message = one_line_error(run("check", "--config", str(config), "--framework", "opts", first))
    assert "'rule_options': OPT001.limit should be at least 1, not 0" in message
    explained = run("explain", "OPT001").stdout
    assert "Option:   limit = None (integer, at least 1): at most" in explained
    assert "Option:   words = ['a'] (list of text)" in explained


# -- raw data, own fields, dates, identity ------------------------------------------------------


FIELDS = """\
from pydantic import BaseModel, ConfigDict, Field


class HouseFields(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)

    banner_code: str | None = Field(None, alias="x-trial-banner-code", pattern=r"^[A-Z]{4}-\\d{3}$",
                                    examples=["CARP-101"],
                                    description="The course's Banner code.")
    dean_approval: bool | None = Field(None, alias="x-trial-dean-approval")
"""


def install_fields(install: Install) -> None:
    body = (
        "fields = ctx.fields_of(HouseFields)\n"
        "if fields is not None and fields.banner_code is None:\n"
        "    ctx.report('/x-trial-banner-code', 'No Banner code.', fix='Add x-trial-banner-code.')"
    )
    install(
        "house-fields",
        "house-fields",
        FIELDS
        + rule_source("HSF001", "banner-present", body)
        + pack_source(
            "house-fields", ["banner-present"], ', fields=HouseFields, namespace="x-trial-"'
        ),
    )


def test_a_packs_own_fields_are_validated_positioned_and_published(
    install: Install, tmp_path: Path
) -> None:
    install_fields(install)
    target = course(
        tmp_path,
        "title: x\nx-trial-banner-code: carp-101\nx-trial-dean-aproval: true\nx-other: 1\n",
    )
    result = run("check", "--isolated", "--framework", "house-fields", "--format", "json", target)
    found = [
        (f["rule"], f["line"], f["column"], f["pointer"])
        for f in json.loads(result.stdout)["findings"]
    ]
    assert ("MC012", 2, 22, "/x-trial-banner-code") in found  # the pattern, at the value
    assert ("MC010", 3, 1, "/x-trial-dean-aproval") in found  # a misspelt key of the namespace
    assert not [f for f in found if f[0] == "HSF001"]  # refused, so not reported again
    pattern = next(f for f in json.loads(result.stdout)["findings"] if f["rule"] == "MC012")
    assert (
        "must be text like 'CARP-101' (matching ^[A-Z]{4}-\\d{3}$); found 'carp-101'"
        in (pattern["message"])
    )
    message = next(f for f in json.loads(result.stdout)["findings"] if f["rule"] == "MC010")
    assert message["fix"] == "Did you mean 'x-trial-dean-approval'? Rename the key."
    missing = run(
        "check",
        "--isolated",
        "--framework",
        "house-fields",
        "--format",
        "json",
        course(tmp_path, "title: x\n", "m.yaml"),
    )
    assert [f["rule"] for f in json.loads(missing.stdout)["findings"]] == ["HSF001"]
    schema = json.loads(run("schema", "course", "--framework", "house-fields").stdout)
    banner = schema["properties"]["x-trial-banner-code"]
    assert banner["description"] == "The course's Banner code."
    assert "title" in schema["properties"]
    # The published schema refuses what the checker refuses: a misspelt key of the namespace.
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema)
    assert validator.is_valid({"title": "x", "x-trial-banner-code": "CARP-101", "x-other": 1})
    assert not validator.is_valid({"title": "x", "x-trial-dean-aproval": True})
    assert not validator.is_valid({"title": "x", "x-trial-banner-code": "carp"})


def test_today_sets_the_run_date_from_the_command_line_and_the_configuration(
    tmp_path: Path,
) -> None:
    target = course(tmp_path, "title: x\nquality_assurance: {approved_on: 2027-03-01}\n")
    late = run(
        "check",
        "--isolated",
        "--select",
        "CON004",
        "--today",
        "2026-01-01",
        "--format",
        "json",
        target,
    )
    assert "today is 2026-01-01" in json.loads(late.stdout)["findings"][0]["message"]
    after = run(
        "check",
        "--isolated",
        "--select",
        "CON004",
        "--today",
        "2028-01-01",
        "--format",
        "json",
        target,
    )
    assert json.loads(after.stdout)["findings"] == []
    config = tmp_path / "cfg.yaml"
    config.write_text("today: 2026-01-01\n", encoding="utf-8")
    configured = run("check", "--config", str(config), "--select", "CON004", "-q", target)
    assert "today is 2026-01-01" in configured.stdout
    assert one_line_error(run("check", "--today", "soon", target)).count("'soon'") == 1


def test_packs_are_identified_in_version_json_and_sarif(install: Install, tmp_path: Path) -> None:
    install_rule(install, "house", "trial-house", "TRH001", "trial-banner", version="2.3")
    assert "  pack trial-house: distribution house 2.3" in run("--version").stdout.splitlines()
    target = course(tmp_path)
    report = json.loads(run("check", "--isolated", "--format", "json", target).stdout)
    details = {p["name"]: p for p in report["pack_details"]}
    assert details["trial-house"]["distribution"] == "house"
    assert details["trial-house"]["distribution_version"] == "2.3"
    assert details["bc-framework"]["version"] == "2021 (2024 update not reviewed)"
    sarif = json.loads(run("check", "--isolated", "--format", "sarif", target).stdout)
    extensions = {e["name"]: e for e in sarif["runs"][0]["tool"]["extensions"]}
    assert extensions["trial-house"]["version"] == "2.3"
    assert extensions["bc-toolkit"]["informationUri"].startswith("https://")


# -- baselines follow the run's selection -------------------------------------------------------


def test_stale_baseline_entries_are_only_those_of_rules_that_ran(tmp_path: Path) -> None:
    target = course(tmp_path, "title: x\nlearning_outcomes:\n  - Understand the cycle\n")
    baseline = tmp_path / "base.json"
    assert run("check", "--isolated", "--write-baseline", str(baseline), target).exit_code == 0
    only_framework = run(
        "check",
        "--isolated",
        "--framework",
        "bc-framework",
        "--baseline",
        str(baseline),
        "--format",
        "json",
        target,
    )
    report = json.loads(only_framework.stdout)
    assert not [f for f in report["findings"] if f["rule"] == "MC033"]
    assert report["summary"]["baselined"] > 0
    selected = run(
        "check",
        "--isolated",
        "--select",
        "BCF001",
        "--baseline",
        str(baseline),
        "--format",
        "json",
        target,
    )
    assert not [f for f in json.loads(selected.stdout)["findings"] if f["rule"] == "MC033"]
    fixed = course(tmp_path, "title: x\nlearning_outcomes:\n  - Explain the cycle\n")
    stale = run("check", "--isolated", "--baseline", str(baseline), "--format", "json", fixed)
    assert [f["message"] for f in json.loads(stale.stdout)["findings"] if f["rule"] == "MC033"]


# -- the test kit -------------------------------------------------------------------------------


def test_the_test_kit_applies_pack_objects_that_are_not_installed() -> None:
    from mcvalidate.model import Course
    from mcvalidate.rules import Option, Pack, RuleContext, Source, rule
    from mcvalidate.testing import assert_case, check_text

    @rule(
        id="KIT001",
        name="kit-title",
        severity="warning",
        source=Source("Kit", "clause", "https://example.org/kit", "verbatim"),
        options={"longest": Option(10, kind="integer", minimum=1)},
    )
    def kit_title(course: Course, ctx: RuleContext) -> None:
        """The title is short.

        Fails::

            title: A very long title indeed

        Passes::

            title: Short
        """
        if len(course.title) > ctx.options["longest"]:
            ctx.report("/title", "The title is long.", fix="Shorten it.")

    pack = Pack("kit-pack", "Kit", "Kit", "1", "https://example.org/kit", (kit_title,), "KIT")
    found = check_text("title: A very long title indeed\n", "KIT001", packs=[pack])
    assert [(f.rule, f.span.line, f.span.column, f.pack) for f in found.findings] == [
        ("KIT001", 1, 8, "kit-pack")
    ]
    longer = check_text(
        "title: A very long title\n", packs=[pack], options={"KIT001": {"longest": 30}}
    )
    assert not [f for f in longer.findings if f.rule == "KIT001"]
    assert_case(
        "KIT001",
        {
            "yaml": "title: Twelve chars\n",
            "options": {"longest": 5},
            "expect": [{"pointer": "/title", "line": 1, "column": 8}],
        },
        packs=[pack],
    )
    with pytest.raises(ValueError, match=r"KIT001\.longest should be at least 1, not 0"):
        check_text("title: x\n", packs=[pack], options={"KIT001": {"longest": 0}})


def test_explain_says_where_a_local_rule_is_written_and_suggests_across_case(
    tmp_path: Path,
) -> None:
    source = tmp_path / "house.py"
    source.write_text(
        HEADER + rule_source("HSE001", "house-rule") + pack_source("house", ["house-rule"]),
        encoding="utf-8",
    )
    config = tmp_path / ".mcvalidate.yaml"
    config.write_text("rule_paths: [house.py]\n", encoding="utf-8")
    page = run("explain", "--config", str(config), "HSE001").stdout
    assert f"Code:     {source}" in page.splitlines()
    message = one_line_error(run("explain", "--config", str(config), "hse002"))
    assert "did you mean 'HSE001'?" in message


def test_a_configuration_naming_rules_of_a_pack_left_out_serves_that_run_too(
    install: Install, tmp_path: Path
) -> None:
    install_rule(install, "house", "trial-house", "TRH001", "trial-banner")
    config = tmp_path / "shared.yaml"
    config.write_text(
        "ignore: [trial-banner]\nseverity: {TRH001: info}\nper_file_ignores: {old/: [TRH001]}\n",
        encoding="utf-8",
    )
    target = course(tmp_path, "title: x\nstandalone: false\n")
    result = run("check", "--config", str(config), "--framework", "bc-framework", "-q", target)
    assert result.exit_code == 1, result.stderr  # BCF findings, and no configuration error
    assert "BCF001" in result.stdout
    # The command line's own --select is a request: it says what is missing.
    asked = run(
        "check",
        "--config",
        str(config),
        "--framework",
        "bc-framework",
        "--select",
        "TRH001",
        target,
    )
    assert "belongs to the pack 'trial-house'" in one_line_error(asked)
