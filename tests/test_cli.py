"""The command line, end to end through click's runner: exit codes, formats, messages."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from mcvalidate import __version__
from mcvalidate.catalogue import built_in_packs
from mcvalidate.cli import cli

ROOT = Path(__file__).resolve().parents[1]


EXAMPLES = ROOT / "examples"
GOOD = sorted(EXAMPLES.glob("*.yaml"))
FINDING_KEYS = {
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "pointer",
    "rule",
    "name",
    "severity",
    "message",
    "framework",
    "reference",
    "fix",
    "pack",
    "fixes",
}
COMPLETE = (EXAMPLES / "mass-timber-construction.yaml").read_text(encoding="utf-8")


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_good_examples_pass_with_no_finding_at_all() -> None:
    assert len(GOOD) >= 3
    result = run("check", "--fail-on", "info", *map(str, GOOD))
    assert result.exit_code == 0, result.output
    assert f"{len(GOOD)} files checked, all pass." in result.output


def test_mistakes_fail_and_are_located(tmp_path: Path) -> None:
    path = write(tmp_path, "c.yaml", "title: Mass timber\nstatus: propsed\n")
    # Wide enough for every line (the temporary path is long): tests/test_layout.py wraps.
    result = run("check", "--color", "never", str(path), env={"COLUMNS": "300"})
    assert result.exit_code == 1
    lines = result.output.splitlines()
    head = next(i for i, line in enumerate(lines) if ":2:9: error MC012 invalid-value" in line)
    assert "found 'propsed'" in lines[head]
    assert lines[head + 1] == " 2 | status: propsed"
    assert lines[head + 2] == "   |         ^^^^^^^"
    assert "= fix: Did you mean 'proposed'?" in lines[head + 3]
    assert "= why: mcvalidate course format, version 1" in lines[head + 4]
    assert "fails at --fail-on error" in lines[-1]


def test_json_contract(tmp_path: Path) -> None:
    path = write(tmp_path, "c.yaml", "title: Mass timber\nlearning_outcome: []\n")
    result = run("check", "--format", "json", str(path))
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert set(report) == {"version", "packs", "pack_details", "summary", "findings"}
    assert report["version"] == __version__
    # Every installed pack is applied (each to the files in its scope), in name order.
    built_in = [p.name for p in built_in_packs() if p.name != "format"]
    assert report["packs"] == sorted(built_in)
    assert {"bc-framework", "bc-toolkit", "nzqa", "eu-2022", "ecampusontario"} <= set(built_in)
    assert report["summary"]["files"] == 1
    assert report["summary"]["error"] == sum(
        1 for f in report["findings"] if f["severity"] == "error"
    )
    for finding in report["findings"]:
        assert set(finding) == FINDING_KEYS
        assert finding["line"] >= 1 and finding["column"] >= 1
    typo = next(f for f in report["findings"] if f["rule"] == "MC010")
    assert (typo["line"], typo["column"], typo["end_line"], typo["end_column"]) == (2, 1, 2, 17)
    assert typo["pointer"] == "/learning_outcome"
    assert typo["name"] == "unknown-key"
    assert "learning_outcomes" in typo["fix"]
    # Read as 'learning_outcomes' (a near-certain typo of a missing key): renaming it is the fix,
    # an unsafe one.
    assert typo["fixes"] == [
        {
            "description": "Rename 'learning_outcome' to 'learning_outcomes'",
            "safe": False,
            "edits": [
                {
                    "line": 2,
                    "column": 1,
                    "end_line": 2,
                    "end_column": 17,
                    "text": "learning_outcomes",
                }
            ],
        }
    ]
    assert report["summary"]["fixable"] == 0 and report["summary"]["unsafe_fixable"] == 1


def test_fail_on_threshold(tmp_path: Path) -> None:
    text = COMPLETE.replace("  none_reason:", "  x-none_reason:")
    text = text.replace("pathways:\n", "pathways:\n  x-note: none\n", 1)
    # Only a warning is left when the pathways are removed from a complete course.
    start = text.index("pathways:")
    end = text.index("quality_assurance:")
    pathways = "pathways: {prior_learning_recognition: true, complements: New.}\n"
    text = text[:start] + pathways + text[end:]
    path = write(tmp_path, "w.yaml", text)
    default = run("check", "--format", "json", str(path))
    severities = {f["severity"] for f in json.loads(default.output)["findings"]}
    assert severities == {"warning"}
    assert default.exit_code == 0
    assert run("check", "--fail-on", "warning", str(path)).exit_code == 1
    assert run("check", "--fail-on", "info", str(path)).exit_code == 1


@pytest.mark.parametrize("selector", ["MC012", "invalid-value", "MC", "format"])
def test_select_by_id_name_prefix_or_pack(tmp_path: Path, selector: str) -> None:
    path = write(tmp_path, "c.yaml", "title: x\nstatus: publish\n")
    report = json.loads(run("check", "--format", "json", "--select", selector, str(path)).output)
    assert {f["rule"] for f in report["findings"]} == {"MC012"}


def test_ignore_by_name_and_comma_list(tmp_path: Path) -> None:
    path = write(tmp_path, "c.yaml", "title: x\nstatus: publish\n")
    report = json.loads(
        run("check", "--format", "json", "--ignore", "invalid-value,bc-toolkit", str(path)).output
    )
    rules = {f["rule"] for f in report["findings"]}
    assert "MC012" not in rules
    assert not any(r.startswith("BCT") for r in rules)
    assert any(r.startswith("BCF") for r in rules)


def test_framework_option_limits_packs(tmp_path: Path) -> None:
    path = write(tmp_path, "c.yaml", "title: x\n")
    report = json.loads(
        run("check", "--format", "json", "--framework", "bc-framework", str(path)).output
    )
    assert report["packs"] == ["bc-framework"]
    assert {f["rule"][:3] for f in report["findings"]} == {"BCF"}


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["check", "--framework", "atlantis-2099"], "unknown framework 'atlantis-2099'"),
        (["check", "--select", "XYZ999"], "no rule or pack matches 'XYZ999'"),
        (["check", "no/such/file.yaml"], "the path 'no/such/file.yaml' does not exist"),
        (["check", "--frob"], "No such option '--frob'"),
        (["check", "--format", "xml"], "'xml' is not one of"),
        (["explain", "no-such-rule"], "no rule or pack is called 'no-such-rule'"),
        (["nonsense"], "No such command 'nonsense'"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], named: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("mcvalidate: error: ")
    assert named in result.stderr


def test_directories_recurse_skip_hidden_and_find_yml(tmp_path: Path) -> None:
    write(tmp_path, "a/one.yaml", "title: x\nstatus: publish\n")
    write(tmp_path, "a/b/two.yml", "title: x\nstatus: publish\n")
    write(tmp_path, ".hidden/three.yaml", "title: x\nstatus: publish\n")
    write(tmp_path, "a/.pre-commit-config.yaml", "repos: []\n")
    write(tmp_path, "a/notes.txt", "status: publish\n")
    report = json.loads(run("check", "--format", "json", "--select", "MC012", str(tmp_path)).output)
    paths = sorted({Path(f["path"]).name for f in report["findings"]})
    assert paths == ["one.yaml", "two.yml"]
    assert report["summary"]["files"] == 2


def test_a_broken_file_does_not_hide_the_others(tmp_path: Path) -> None:
    (tmp_path / "a-binary.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "b-latin1.yaml").write_bytes("title: Été\n".encode("latin-1"))
    write(tmp_path, "c-syntax.yaml", "title: 'unclosed\n")
    write(tmp_path, "d-good.yaml", "title: x\nstatus: publish\n")
    report = json.loads(run("check", "--format", "json", str(tmp_path)).output)
    by_file: dict[str, set[str]] = {}
    for f in report["findings"]:
        by_file.setdefault(Path(f["path"]).name, set()).add(f["rule"])
    assert by_file["a-binary.yaml"] == {"MC002"}
    assert by_file["b-latin1.yaml"] == {"MC002"}
    assert by_file["c-syntax.yaml"] == {"MC001"}
    assert "MC012" in by_file["d-good.yaml"]
    latin = next(f for f in report["findings"] if f["path"].endswith("b-latin1.yaml"))
    assert (latin["line"], latin["column"]) == (1, 8)  # the byte 0xC9 of "É"


def test_no_yaml_files_says_so_and_fails(tmp_path: Path) -> None:
    """A CI job pointed at the wrong folder must not pass on nothing."""
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert "no YAML files found" in result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"mcvalidate: error: no course file to check in {tmp_path}"
    )
    assert result.stdout == ""


def test_yaml_that_is_not_a_course_is_skipped_in_a_directory_and_said(tmp_path: Path) -> None:
    write(tmp_path, "mkdocs.yml", "site_name: Course docs\nnav:\n  - index.md\n")
    write(tmp_path, "docker-compose.yml", "version: '3'\nservices:\n  web: {image: x}\n")
    write(tmp_path, "courses/a.yaml", "title: Mass timber\nstatus: bogus\n")
    # A broken course is still a course: its keys are the format's.
    write(tmp_path, "courses/b.yaml", "title: Mass timber\nsummary: [unclosed\n")
    result = run("check", "--format", "json", str(tmp_path))
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == 2
    assert {Path(f["path"]).name for f in report["findings"]} == {"a.yaml", "b.yaml"}
    assert result.stderr.splitlines() == [
        "mcvalidate: skipped 2 YAML files that are not course files (no top-level key is a "
        f"field of the course format): {tmp_path}/docker-compose.yml, {tmp_path}/mkdocs.yml"
    ]
    # Named on the command line, a file is checked whatever it looks like.
    named = run("check", "--format", "json", str(tmp_path / "mkdocs.yml"))
    assert json.loads(named.stdout)["summary"]["files"] == 1


def test_only_yaml_that_is_not_a_course_fails(tmp_path: Path) -> None:
    write(tmp_path, "mkdocs.yml", "site_name: Course docs\n")
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert "skipped a YAML file that is not a course file" in result.stderr
    assert "no course file to check" in result.stderr


def test_quiet_prints_one_line_per_finding(tmp_path: Path) -> None:
    path = write(tmp_path, "c.yaml", "title: x\nstatus: publish\n")
    result = run("check", "--quiet", "--select", "MC012", str(path))
    lines = result.output.splitlines()
    assert len(lines) == 1  # the finding, nothing else
    assert lines[0].endswith("found 'publish'.")
    clean = run("check", "--quiet", *map(str, GOOD))
    assert clean.output == ""


def test_colour_follows_the_option_and_no_color(tmp_path: Path) -> None:
    path = write(tmp_path, "c.yaml", "title: x\nstatus: publish\n")
    assert "\x1b[" in run("check", "--color", "always", str(path)).output
    assert "\x1b[" not in run("check", "--color", "never", str(path)).output
    assert "\x1b[" not in run("check", str(path)).output  # not a terminal
    assert "\x1b[" not in run("check", str(path), env={"NO_COLOR": "1"}).output


def test_rules_table_and_json() -> None:
    table = run("rules")
    assert table.exit_code == 0
    assert "BCF001" in table.output and "BCT001" in table.output and "MC010" in table.output
    records = json.loads(run("rules", "--format", "json").output)
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    first = next(r for r in records if r["id"] == "BCF003")
    assert first["name"] == "competency-based"
    assert first["severity"] == "warning"
    assert first["source"]["evidence"] == "verbatim"
    only = json.loads(run("rules", "--format", "json", "--framework", "bc-toolkit").output)
    assert {r["pack"] for r in only} == {"bc-toolkit"}


@pytest.mark.parametrize("name", ["BCF003", "competency-based", "bcf003"])
def test_explain_by_id_or_name(name: str) -> None:
    result = run("explain", name)
    assert result.exit_code == 0
    assert result.output.startswith("BCF003 competency-based (warning, pack bc-framework)")
    assert "Evidence: verbatim" in result.output
    assert "Fails::" in result.output and "Passes::" in result.output


def test_schema_is_generated_from_the_models() -> None:
    result = run("schema")
    schema = json.loads(result.output)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["title"]
    assert schema["additionalProperties"] is False
    assert "^x-" in schema["patternProperties"]
    status = schema["properties"]["status"]["anyOf"][0]
    assert status["enum"] == ["draft", "proposed", "approved", "active", "suspended", "retired"]


def test_schema_accepts_the_examples_and_refuses_a_typo() -> None:
    import jsonschema
    import yaml

    schema = json.loads(run("schema").output)
    validator = jsonschema.Draft202012Validator(schema)
    for path in GOOD:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = json.loads(json.dumps(data, default=str))
        assert not list(validator.iter_errors(data)), path.name
    assert list(validator.iter_errors({"title": "x", "learning_outcome": []}))


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == f"mcvalidate, version {__version__}"
    # Every installed pack, with the distribution that installed it.
    assert "  pack format: distribution mcvalidate " + __version__ in lines
    assert "  pack bc-framework: distribution mcvalidate " + __version__ in lines
    assert "  pack bc-toolkit: distribution mcvalidate " + __version__ in lines


def _loaded_modules(*args: str, env: dict[str, str] | None = None) -> set[str]:
    code = (
        "import sys\n"
        "from mcvalidate.cli import cli\n"
        "try:\n"
        f"    cli.main({list(args)!r}, prog_name='mcvalidate')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return set(done.stderr.split())


@pytest.mark.parametrize("args", [("--help",), ("--version",), ("check", "--help")])
def test_help_and_version_import_no_heavy_module(args: tuple[str, ...]) -> None:
    loaded = _loaded_modules(*args)
    assert "click" in loaded
    for heavy in (
        "pydantic",
        "rich",
        "yaml",
        "mcvalidate_bc",
        "mcvalidate.engine",
        "pycountry",
        "langcodes",
    ):
        assert heavy not in loaded, f"{' '.join(args)} imports {heavy}"


@pytest.mark.parametrize(
    ("text", "registries"),
    [
        ("title: Mass timber\nstatus: active\n", set()),
        # A value refused for its shape is not looked up (it is MC012's, and no name is in it).
        ("title: Mass timber\nissuer: {country: 12}\n", set()),
        ("title: Mass timber\nissuer: {country: CA}\n", {"pycountry"}),
        ("title: Mass timber\nlanguage: en\n", {"langcodes"}),
    ],
)
def test_the_code_registries_load_only_for_a_file_with_codes(
    tmp_path: Path, text: str, registries: set[str]
) -> None:
    path = write(tmp_path, "c.mc.yaml", text)
    # A cache directory of its own: the codes earlier runs found valid are answered from the
    # cache without the registries (tests/test_codes.py).
    env = {**os.environ, "MCVALIDATE_CACHE_DIR": str(tmp_path / "cache")}
    loaded = _loaded_modules("check", "--jobs", "1", str(path), env=env)
    assert "mcvalidate.engine" in loaded
    assert {"pycountry", "langcodes"} & loaded == registries


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mcvalidate", "--version"],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 0
    assert __version__ in done.stdout


def test_the_console_script_leaves_with_its_exit_code_and_every_line_written(
    tmp_path: Path,
) -> None:
    """``main`` ends the process with ``os._exit`` once the streams are flushed: the exit code
    and the whole report (more than a pipe's buffer of it) still reach the caller."""
    many = [write(tmp_path, f"c{n}.yaml", "title: x\nworkload: {hours: -3}\n") for n in range(60)]

    def console(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mcvalidate", *args],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )

    failed = console("check", "--isolated", "--jobs", "1", "--format", "json", *map(str, many))
    assert failed.returncode == 1
    report = json.loads(failed.stdout)  # the whole document, flushed
    assert report["summary"]["files"] == 60
    assert len({f["path"] for f in report["findings"]}) == 60
    assert console("check", "--no-such-option").returncode == 2
    clean = write(tmp_path, "clean.yaml", "title: x\n")
    assert console("check", "--isolated", str(clean), "--select", "MC012").returncode == 0


def test_marker_counts_wide_characters_as_two_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "c.yaml", "title: x\ndelivery: {schedule: 木材, pacing: fast}\n")
    lines = run("check", "--select", "MC012", "--color", "never", str(path)).output.splitlines()
    frame = lines.index(" 2 | delivery: {schedule: 木材, pacing: fast}")
    marker = lines[frame + 1]
    # 'fast' starts after 33 characters, two of them two columns wide.
    assert marker == "   | " + " " * 35 + "^^^^"


def test_check_starts_with_the_collector_off_and_checks_with_it_frozen_and_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The console script turns the garbage collector off at start: ``check`` turns it on
    once start-up is done, with what start-up made frozen out of it and a young generation
    large enough not to be collected several times a file; every other command turns it on
    at once."""
    from mcvalidate import runner

    seen: dict[str, object] = {}
    check_all = runner.check_all

    def recording(*args: Any, **kwargs: Any) -> Any:
        seen.update(on=gc.isenabled(), frozen=gc.get_freeze_count(), young=gc.get_threshold()[0])
        return check_all(*args, **kwargs)

    monkeypatch.setattr(runner, "check_all", recording)
    path = write(tmp_path, "c.yaml", "title: x\n")
    threshold = gc.get_threshold()
    try:
        gc.disable()
        assert run("rules").exit_code == 0
        assert gc.isenabled()
        gc.disable()
        run("check", "--isolated", str(path))
        assert seen["on"] is True and seen["young"] == 10_000
        assert isinstance(seen["frozen"], int) and seen["frozen"] > 10_000  # start-up's objects
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
        gc.enable()
