"""Configuration in the repository: discovery, precedence, every key, and its errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mcvalidate.cli import cli

TYPO = "title: x\nstatus: publish\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def report(*args: str) -> dict:  # type: ignore[type-arg]
    result = run("check", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def rules_of(data: dict) -> set[str]:  # type: ignore[type-arg]
    return {f["rule"] for f in data["findings"]}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with one course file with a typo, as the working directory."""
    write(tmp_path / "courses" / "a.yaml", TYPO)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_yaml_config_is_found_by_walking_up(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(repo / ".mcvalidate.yaml", "select: [MC012]\n")
    monkeypatch.chdir(repo / "courses")
    assert rules_of(report("a.yaml")) == {"MC012"}


def test_pyproject_table_is_read(repo: Path) -> None:
    write(
        repo / "pyproject.toml", '[project]\nname = "x"\n\n[tool.mcvalidate]\nselect = ["MC012"]\n'
    )
    assert rules_of(report("courses")) == {"MC012"}


def test_pyproject_without_the_table_is_passed_over(repo: Path) -> None:
    write(repo / "pyproject.toml", '[project]\nname = "x"\n')
    assert "BCF013" in rules_of(report("courses"))


def test_yaml_file_wins_over_pyproject_in_the_same_directory(repo: Path) -> None:
    write(repo / "pyproject.toml", '[tool.mcvalidate]\nselect = ["BCF013"]\n')
    write(repo / ".mcvalidate.yaml", "select: [MC012]\n")
    assert rules_of(report("courses")) == {"MC012"}


def test_command_line_overrides_the_file(repo: Path) -> None:
    write(repo / ".mcvalidate.yaml", "select: [MC012]\nfail_on: info\n")
    assert rules_of(report("--select", "BCF013", "courses")) == {"BCF013"}


def test_explicit_config_and_isolated(repo: Path, tmp_path: Path) -> None:
    write(repo / ".mcvalidate.yaml", "select: [MC012]\n")
    other = write(repo / "ci" / "strict.yaml", "select: [BCF013]\n")
    assert rules_of(report("--config", str(other), "courses")) == {"BCF013"}
    assert {"MC012", "BCF013"} <= rules_of(report("--isolated", "courses"))
    both = run("check", "--config", str(other), "--isolated", "courses")
    assert both.exit_code == 2
    assert "cannot be used together" in both.stderr


def test_fail_on_from_the_file(repo: Path) -> None:
    write(repo / "courses" / "a.yaml", "title: x\n")
    write(repo / ".mcvalidate.yaml", "select: [BCT002]\nfail_on: warning\n")
    assert run("check", "courses").exit_code == 1
    assert run("check", "--fail-on", "error", "courses").exit_code == 0


def test_frameworks_key(repo: Path) -> None:
    write(repo / ".mcvalidate.yaml", "frameworks: [bc-toolkit]\n")
    data = report("courses")
    assert data["packs"] == ["bc-toolkit"]
    assert not any(r.startswith("BCF") for r in rules_of(data))


def test_severity_override_and_off(repo: Path) -> None:
    write(
        repo / ".mcvalidate.yaml",
        "select: [MC012, BCF013, BCF005]\nseverity:\n  invalid-value: warning\n  BCF013: off\n",
    )
    data = report("courses")
    by_rule = {f["rule"]: f["severity"] for f in data["findings"]}
    assert by_rule == {"MC012": "warning", "BCF005": "error"}


def test_rule_options_change_a_rule(repo: Path) -> None:
    course = "title: x\nworkload: {hours: 50, weeks: 1}\n"
    write(repo / "courses" / "a.yaml", course)
    assert rules_of(report("--select", "CON002", "courses")) == set()
    write(repo / ".mcvalidate.yaml", "rule_options:\n  weekly-workload: {max_hours_per_week: 40}\n")
    data = report("--select", "CON002", "courses")
    assert rules_of(data) == {"CON002"}
    assert "40" in data["findings"][0]["message"]


def test_rule_options_extend_the_verb_list(repo: Path) -> None:
    write(repo / "courses" / "a.yaml", "title: x\nlearning_outcomes:\n  - Restring a guitar\n")
    assert rules_of(report("--select", "BCT007", "courses")) == {"BCT007"}
    write(repo / ".mcvalidate.yaml", "rule_options:\n  BCT007: {action_verbs: [restring]}\n")
    assert rules_of(report("--select", "BCT007", "courses")) == set()


def test_per_file_ignores_are_suppressions_with_the_glob_as_reason(repo: Path) -> None:
    write(repo / "courses" / "drafts" / "b.yaml", TYPO)
    write(repo / ".mcvalidate.yaml", "select: [MC012]\nper_file_ignores:\n  drafts/: [MC012]\n")
    data = report("--show-suppressed", "courses")
    suppressed = [f for f in data["findings"] if "suppression" in f]
    assert [Path(f["path"]).name for f in suppressed] == ["b.yaml"]
    assert suppressed[0]["suppression"]["kind"] == "config"
    assert "per_file_ignores 'drafts/'" in suppressed[0]["suppression"]["justification"]
    assert data["summary"]["suppressed"] == 1
    assert data["summary"]["error"] == 1


def test_exclude_globs_are_relative_to_the_config_file(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(repo / "courses" / "archive" / "old.yaml", TYPO)
    write(repo / ".mcvalidate.yaml", "exclude: [courses/archive/**]\n")
    monkeypatch.chdir(repo / "courses")
    result = run("check", "--format", "json", ".")
    paths = {f["path"] for f in json.loads(result.stdout)["findings"]}
    assert paths == {"a.yaml"}
    assert "1 file(s) excluded" in result.stderr


def test_rule_paths_load_a_local_pack(repo: Path) -> None:
    write(
        repo / "checks" / "house.py",
        "from mcvalidate.rules import Pack, Source, rule\n"
        "S = Source('House style', 'rule 1', 'https://example.org/h', 'inferred')\n"
        "@rule(id='HSE001', name='has-summary', severity='warning', source=S)\n"
        "def has_summary(course, ctx):\n"
        "    '''A summary is given.'''\n"
        "    if not course.summary:\n"
        "        ctx.report('/summary', 'No summary.')\n"
        "PACK = Pack('house', 'House', 'House style', '1', 'https://example.org',\n"
        "            (has_summary,))\n",
    )
    write(repo / ".mcvalidate.yaml", "rule_paths: [checks/house.py]\nframeworks: [house]\n")
    data = report("courses")
    assert data["packs"] == ["house"]
    assert "HSE001" in rules_of(data)


def test_require_suppression_reason(repo: Path) -> None:
    write(repo / "courses" / "a.yaml", "title: x\nstatus: publish  # mcvalidate: ignore[MC012]\n")
    assert "MC031" not in rules_of(report("courses"))
    write(repo / ".mcvalidate.yaml", "require_suppression_reason: true\n")
    assert "MC031" in rules_of(report("courses"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "selct: [MC012]\n",
            ".mcvalidate.yaml:1: unknown configuration key 'selct' (did you mean 'select'?)",
        ),
        ("fail_on: sometimes\n", ".mcvalidate.yaml:1: bad value for 'fail_on'"),
        ("select: MC012\n", ".mcvalidate.yaml:1: bad value for 'select'"),
        ("severity:\n  MC012: loud\n", ".mcvalidate.yaml:2: bad value for 'severity.MC012'"),
        (
            "severity:\n  no-such-rule: info\n",
            ".mcvalidate.yaml:1: 'severity': no rule or pack matches 'no-such-rule'",
        ),
        ("rule_options:\n  CON002: {max_hours: 5}\n", "CON002 has no option 'max_hours'"),
        ("rule_options:\n  bc-framework: {action_verbs: [x]}\n", "bc-framework has no option"),
        (
            "rule_options:\n  CON002: {max_hours_per_week: many}\n",
            "CON002.max_hours_per_week should be number (like 60), not 'many'",
        ),
        (
            "per_file_ignores:\n  x/: [NOPE]\n",
            ".mcvalidate.yaml:1: 'per_file_ignores': no rule or pack matches 'NOPE'",
        ),
        ("rule_paths: [missing.py]\n", ".mcvalidate.yaml:1: 'rule_paths': the rule path"),
        (
            "fail_on: error\nrule_options:\n  CON002:\n    max_hours_per_week: -1\n",
            ".mcvalidate.yaml:4: 'rule_options': CON002.max_hours_per_week should be at least 1",
        ),
        (
            "frameworks: [atlantis-2099]\n",
            ".mcvalidate.yaml:1: 'frameworks': unknown framework 'atlantis-2099' (packs: format,",
        ),
        ("ignore: [BCX999]\n", ".mcvalidate.yaml:1: 'ignore': no rule or pack matches 'BCX999'"),
        ("severity:\n  BCX999: 'off'\n", ".mcvalidate.yaml:1: 'severity': no rule or pack"),
        ("select: [MC012\n", ".mcvalidate.yaml:1: YAML syntax error"),
        ("severity:\n  MC001: info\n", "a file that cannot be read or checked is always an error"),
        ("severity:\n  yaml-syntax: 'off'\n", "'severity' names MC001"),
    ],
)
def test_configuration_mistakes_exit_2_naming_file_and_key(
    repo: Path, text: str, message: str
) -> None:
    write(repo / ".mcvalidate.yaml", text)
    result = run("check", "courses")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert message in result.stderr


def test_toml_mistake_names_the_key_and_file(repo: Path) -> None:
    write(repo / "pyproject.toml", '[tool.mcvalidate]\nfail_on = "loud"\n')
    result = run("check", "courses")
    assert result.exit_code == 2
    assert "pyproject.toml: bad value for 'fail_on'" in result.stderr


def test_show_config_prints_every_key_and_its_origin(repo: Path) -> None:
    config = write(repo / ".mcvalidate.yaml", "select: [MC012]\nexclude: [old/]\n")
    result = run("check", "--show-config", "--fail-on", "warning")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"# configuration file: {config}"
    settings = {line.split("=")[0].strip(): line for line in lines[1:]}
    assert set(settings) == {
        "frameworks",
        "select",
        "ignore",
        "per_file_ignores",
        "severity",
        "fail_on",
        "today",
        "rule_options",
        "require_suppression_reason",
        "rule_paths",
        "exclude",
        "limits",
        "export",
    }
    assert settings["select"].endswith(f'["MC012"]  # {config}')
    assert settings["fail_on"].endswith('"warning"  # command line')
    assert settings["ignore"].endswith("[]  # default")


def test_config_schema_is_published() -> None:
    schema = json.loads(run("schema", "config").stdout)
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) >= {"select", "per_file_ignores", "rule_options"}
    assert schema["properties"]["fail_on"]["enum"] == ["error", "warning", "info"]


def test_excluding_every_file_says_so_and_not_that_none_were_found(repo: Path) -> None:
    write(repo / ".mcvalidate.yaml", "exclude: [courses/]\n")
    result = run("check", "courses/a.yaml")
    assert result.exit_code == 2  # nothing was checked: a CI job must not pass on that
    assert "1 file(s) excluded by 'exclude'" in result.stderr
    assert "no YAML files found" not in result.stderr
    assert "no course file to check in courses/a.yaml" in result.stderr


def test_limits_can_be_raised_or_lowered(repo: Path) -> None:
    write(repo / "courses" / "a.yaml", "title: x\nx-deep: [[[[[[1]]]]]]\n")
    assert "MC007" not in rules_of(report("courses"))
    write(repo / ".mcvalidate.yaml", "limits: {max_depth: 4}\n")
    data = report("courses")
    limit = [f for f in data["findings"] if f["rule"] == "MC007"]
    assert limit and "more than 4 levels" in limit[0]["message"]
    write(repo / ".mcvalidate.yaml", "limits: {max_bytes: 10}\n")
    assert "limit is 10 bytes" in report("courses")["findings"][0]["message"]
    write(repo / ".mcvalidate.yaml", "limits: {max_depth: 0}\n")
    result = run("check", "courses")
    assert result.exit_code == 2
    assert "bad value for 'limits.max_depth'" in result.stderr


def test_the_configuration_limits_default_to_the_loaders_limits() -> None:
    from mcvalidate.config_model import FileConfig
    from mcvalidate.limits import Limits

    assert FileConfig().limits.model_dump() == Limits()._asdict()


def test_verb_options_set_for_the_pack_reach_all_three_wording_rules(repo: Path) -> None:
    write(repo / "courses" / "a.yaml", "title: x\nlearning_outcomes:\n  - Restring a guitar\n")
    assert rules_of(report("--select", "BCT007,BCT008", "courses")) == {"BCT007"}
    write(repo / ".mcvalidate.yaml", "rule_options:\n  bc-toolkit: {vague_verbs: [restring]}\n")
    assert rules_of(report("--select", "BCT007,BCT008", "courses")) == {"BCT008"}


def test_a_configuration_of_comments_only_is_an_empty_configuration(repo: Path) -> None:
    write(repo / ".mcvalidate.yaml", "# fail_on: warning\n")
    result = run("check", "--select", "MC012", "courses")
    assert result.exit_code == 1
    assert "MC012" in result.stdout


def test_a_configuration_that_is_a_list_says_so(repo: Path) -> None:
    write(repo / ".mcvalidate.yaml", "- select: [MC012]\n")
    result = run("check", "courses")
    assert result.exit_code == 2
    assert "must be one mapping of 'key: value' lines" in result.stderr


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "9" * 4000])
def test_an_option_must_be_a_real_number(repo: Path, value: str) -> None:
    write(repo / ".mcvalidate.yaml", f"rule_options:\n  CON002: {{max_hours_per_week: {value}}}\n")
    result = run("check", "courses")
    assert result.exit_code == 2
    assert "CON002.max_hours_per_week should be a real number" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_the_deepest_nesting_allowed_is_loaded_without_crashing(repo: Path) -> None:
    from mcvalidate.config_model import MAX_DEPTH_CEILING

    depth = MAX_DEPTH_CEILING
    nested = (
        "".join("  " * (i + 1) + f"k{i}:\n" for i in range(depth - 2)) + "  " * depth + "v: 1\n"
    )
    write(repo / "courses" / "deep.yaml", "title: x\nx-a:\n" + nested)
    write(repo / ".mcvalidate.yaml", f"limits: {{max_depth: {depth}, max_nodes: 1000000}}\n")
    result = run("check", "--format", "json", "courses/deep.yaml")
    assert result.exit_code == 1, result.output  # findings, not a RecursionError
    assert "MC007" not in result.stdout and "MC008" not in result.stdout
    write(repo / ".mcvalidate.yaml", f"limits: {{max_depth: {depth + 1}}}\n")
    refused = run("check", "courses")
    assert refused.exit_code == 2
    assert f"less than or equal to {depth}" in refused.stderr
