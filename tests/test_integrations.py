"""The CI integrations, run for real: the pre-commit hook (``.pre-commit-hooks.yaml``) under the
real ``pre-commit``, and the GitHub Action (``action.yml``), whose check step's script is run
with bash as the runner would run it.

The pre-commit tests install mcvalidate from a snapshot of this working tree (tracked files and
untracked ones that git does not ignore, committed in a temporary repository): ``pre-commit
try-repo`` on the checkout itself would leave out untracked files, the hook manifest first among
them until it is committed. The hook environment is built once for the module (pip needs PyPI
for the dependencies) and everything lives in temporary directories, ``PRE_COMMIT_HOME`` too.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


GOOD = (ROOT / "examples" / "mass-timber-construction.yaml").read_text(encoding="utf-8")
BAD = "title: x\nstatus: publish\n"
# The complete course without its partners: exactly one finding, the warning BCT001.
_START, _END = GOOD.index("partners:"), GOOD.index("competencies:")
ONE_WARNING = GOOD[:_START] + GOOD[_END:]
VENV_BIN = Path(sys.executable).parent


def _clean_environ() -> dict[str, str]:
    """The environment without what would change how git, pre-commit or mcvalidate behave."""
    dropped = ("GIT_", "PRE_COMMIT", "MCVALIDATE_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    env.pop("GITHUB_ACTIONS", None)
    return env


def _git_env(home: Path) -> dict[str, str]:
    """Git without the user's or the system's configuration, and pre-commit's store in ``home``."""
    env = _clean_environ()
    env.update(
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="mcvalidate tests",
        GIT_AUTHOR_EMAIL="tests@example.invalid",
        GIT_COMMITTER_NAME="mcvalidate tests",
        GIT_COMMITTER_EMAIL="tests@example.invalid",
        PRE_COMMIT_HOME=str(home),
    )
    return env


def _git(cwd: Path, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"git {' '.join(args)} failed:\n{done.stdout}{done.stderr}"
    return done.stdout


# -- pre-commit --------------------------------------------------------------------------------


def test_hook_manifest_is_valid() -> None:
    pytest.importorskip("pre_commit")
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", ".pre-commit-hooks.yaml"],
        cwd=ROOT,
        env=_clean_environ(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "mcvalidate"
    assert hook["entry"] == "mcvalidate check"
    assert hook["language"] == "python"
    assert hook["types"] == ["yaml"]


@dataclass(frozen=True)
class HookRepo:
    """A committed snapshot of the working tree, and the environment whose store has its hook
    installed."""

    path: Path
    rev: str
    env: dict[str, str]

    def config(self) -> str:
        return (
            "repos:\n"
            f"  - repo: {json.dumps(str(self.path))}\n"
            f"    rev: {self.rev}\n"
            "    hooks:\n"
            "      - id: mcvalidate\n"
        )


def _pre_commit(cwd: Path, env: dict[str, str], *args: str) -> tuple[int, str]:
    """Run the real pre-commit; its exit code and its output (stdout and stderr together)."""
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=900,
        check=False,
    )
    return done.returncode, done.stdout


def _new_repo(path: Path, env: dict[str, str]) -> Path:
    path.mkdir(parents=True)
    _git(path, env, "init", "-q")
    return path


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HookRepo]:
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if listed.returncode != 0 or not (ROOT / ".pre-commit-hooks.yaml").is_file():
        pytest.skip("not a git checkout with the hook manifest")
    base = tmp_path_factory.mktemp("pre-commit")
    env = _git_env(base / "home")
    snapshot = base / "mcvalidate"
    for name in filter(None, listed.stdout.decode("utf-8").split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted from the working tree is left out
            target = snapshot / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    _git(snapshot, env, "init", "-q")
    _git(snapshot, env, "add", "-A")
    _git(snapshot, env, "commit", "-q", "--no-verify", "-m", "snapshot of the working tree")
    repo = HookRepo(snapshot, _git(snapshot, env, "rev-parse", "HEAD").strip(), env)

    # Build the hook's environment once; the tests' repositories then find it in the store.
    installer = _new_repo(base / "install", env)
    (installer / ".pre-commit-config.yaml").write_text(repo.config(), encoding="utf-8")
    code, output = _pre_commit(installer, env, "install-hooks")
    assert code == 0, f"pre-commit install-hooks failed:\n{output}"
    yield repo
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def courses(tmp_path: Path, hook_repo: HookRepo) -> Path:
    """A new git repository whose .pre-commit-config.yaml uses the hook (staged, as pre-commit
    asks)."""
    repo = _new_repo(tmp_path / "courses", hook_repo.env)
    (repo / ".pre-commit-config.yaml").write_text(hook_repo.config(), encoding="utf-8")
    _git(repo, hook_repo.env, "add", ".pre-commit-config.yaml")
    return repo


def _hook_line(output: str) -> str:
    """pre-commit's status line for the hook, e.g. ``mcvalidate......Passed``."""
    lines = [line for line in output.splitlines() if line.startswith("mcvalidate.")]
    assert len(lines) == 1, output
    return lines[0]


def test_hook_passes_a_complete_course(courses: Path, hook_repo: HookRepo) -> None:
    (courses / "good.yaml").write_text(GOOD, encoding="utf-8")
    code, output = _pre_commit(
        courses, hook_repo.env, "run", "mcvalidate", "--color", "never", "--files", "good.yaml"
    )
    assert code == 0, output
    assert _hook_line(output).endswith("Passed"), output


def test_hook_fails_on_a_mistake(courses: Path, hook_repo: HookRepo) -> None:
    (courses / "bad.yaml").write_text(BAD, encoding="utf-8")
    code, output = _pre_commit(
        courses, hook_repo.env, "run", "mcvalidate", "--color", "never", "--files", "bad.yaml"
    )
    assert code == 1, output
    assert _hook_line(output).endswith("Failed"), output
    assert "- exit code: 1" in output, output
    assert "bad.yaml:2:9: error MC012 invalid-value" in output, output


def test_hook_gets_only_the_staged_course_files(courses: Path, hook_repo: HookRepo) -> None:
    env = hook_repo.env
    # Not course files, each with a mistake that would fail the hook if it were passed:
    # a file that is not YAML, and YAML in a hidden directory (and the staged config itself).
    (courses / "notes.txt").write_text(BAD, encoding="utf-8")
    (courses / ".github" / "workflows").mkdir(parents=True)
    (courses / ".github" / "workflows" / "ci.yml").write_text(BAD, encoding="utf-8")
    (courses / "unstaged.yaml").write_text(BAD, encoding="utf-8")
    _git(courses, env, "add", "notes.txt", ".github")
    code, output = _pre_commit(courses, env, "run", "--color", "never")
    assert code == 0, output
    assert _hook_line(output).endswith("(no files to check)Skipped"), output

    (courses / "good.yml").write_text(GOOD, encoding="utf-8")
    (courses / "bad.yaml").write_text(BAD, encoding="utf-8")
    _git(courses, env, "add", "good.yml", "bad.yaml")
    code, output = _pre_commit(courses, env, "run", "--color", "never")
    assert code == 1, output
    assert _hook_line(output).endswith("Failed"), output
    assert "bad.yaml:2:9: error MC012" in output, output
    # Two files checked, so neither notes.txt, ci.yml, the config nor the unstaged file was.
    assert "2 files checked" in output, output
    for name in ("notes.txt", "ci.yml", ".pre-commit-config.yaml", "unstaged.yaml"):
        assert name not in output, output


def test_try_repo_checks_a_course(tmp_path: Path, hook_repo: HookRepo) -> None:
    """The way to try the hook from a checkout before it is tagged (committed changes only)."""
    repo = _new_repo(tmp_path / "try", hook_repo.env)
    (repo / "bad.yaml").write_text(BAD, encoding="utf-8")
    (repo / "good.yaml").write_text(GOOD, encoding="utf-8")
    args = ("try-repo", str(hook_repo.path), "mcvalidate", "--color", "never", "--files")
    code, output = _pre_commit(repo, hook_repo.env, *args, "good.yaml")
    assert code == 0, output
    assert _hook_line(output).endswith("Passed"), output
    code, output = _pre_commit(repo, hook_repo.env, *args, "bad.yaml")
    assert code == 1, output
    assert "bad.yaml:2:9: error MC012" in output, output


# -- the GitHub Action -------------------------------------------------------------------------

ACTION: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
INPUT_EXPRESSION = re.compile(r"\$\{\{\s*inputs\.([A-Za-z_][\w-]*)\s*\}\}")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_action_is_composite() -> None:
    assert ACTION["runs"]["using"] == "composite"
    (setup,) = [s for s in STEPS if str(s.get("uses", "")).startswith("actions/setup-python@")]
    assert setup["uses"] == "actions/setup-python@v5"
    assert setup["with"]["python-version"] == "${{ inputs.python-version }}"
    assert ACTION["inputs"]["python-version"]["default"] == "3.11"
    for step in STEPS:
        if "run" in step:
            assert step["shell"] == "bash", step


def test_action_inputs_are_declared_and_used() -> None:
    declared = set(ACTION["inputs"])
    used = {m for text in _strings(ACTION["runs"]) for m in INPUT_EXPRESSION.findall(text)}
    assert used == declared
    # Any other mention of an input would be a typo or an expression the test cannot see.
    mentions = {m for text in _strings(ACTION["runs"]) for m in re.findall(r"inputs\.[\w-]+", text)}
    assert mentions == {f"inputs.{name}" for name in declared}
    for name, spec in ACTION["inputs"].items():
        assert spec.get("description"), name


def test_action_scripts_take_inputs_only_from_the_environment() -> None:
    scripts = [step["run"] for step in STEPS if "run" in step]
    assert scripts
    for script in scripts:
        assert "${{" not in script, script
    (install,) = [s for s in STEPS if "pip install" in s.get("run", "")]
    assert '"$GITHUB_ACTION_PATH"' in install["run"]


def test_action_outputs_come_from_the_check_step() -> None:
    step = _check_step()
    assert set(ACTION["outputs"]) == {"sarif-file", "exit-code"}
    for name, spec in ACTION["outputs"].items():
        assert spec["value"] == f"${{{{ steps.{step['id']}.outputs.{name} }}}}"
        assert f'echo "{name}=' in step["run"]


def _check_step() -> dict[str, Any]:
    (step,) = [s for s in STEPS if "mcvalidate" in s.get("run", "") and "pip" not in s["run"]]
    return step


@dataclass
class StepRun:
    code: int
    stdout: str
    stderr: str
    outputs: dict[str, str]

    def __str__(self) -> str:
        return f"exit {self.code}\n--- stdout\n{self.stdout}--- stderr\n{self.stderr}"


def _run_check_step(workspace: Path, **inputs: str) -> StepRun:
    """Run the check step's script as the runner would (``shell: bash``), in ``workspace``, with
    the environment the step declares filled from ``inputs`` (names with ``_`` for ``-``) over
    the declared defaults."""
    step = _check_step()
    values = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    for key, value in inputs.items():
        name = key.replace("_", "-")
        assert name in values, f"no input {name}"
        values[name] = value
    env = _clean_environ()
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    assert (VENV_BIN / "mcvalidate").exists(), "mcvalidate is not installed in this environment"
    output_file = workspace.parent / f"{workspace.name}-github-output"
    output_file.write_text("", encoding="utf-8")
    env["GITHUB_OUTPUT"] = str(output_file)
    for variable, expression in step["env"].items():
        match = INPUT_EXPRESSION.fullmatch(expression)
        assert match, f"{variable}: {expression}"
        env[variable] = values[match[1]]
    script = workspace.parent / f"{workspace.name}-step.sh"
    script.write_text(step["run"], encoding="utf-8")
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    outputs = dict(
        line.split("=", 1) for line in output_file.read_text(encoding="utf-8").splitlines()
    )
    return StepRun(done.returncode, done.stdout, done.stderr, outputs)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A checkout with one good and one bad course in a directory whose name has a space."""
    root = tmp_path / "workspace"
    (root / "course files").mkdir(parents=True)
    (root / "course files" / "good.yaml").write_text(GOOD, encoding="utf-8")
    (root / "course files" / "bad.yaml").write_text(BAD, encoding="utf-8")
    return root


def test_action_fails_on_findings_and_leaves_sarif(workspace: Path) -> None:
    run = _run_check_step(
        workspace,
        paths="course files",
        frameworks="bc-framework bc-toolkit",
        sarif_file="mcvalidate report.sarif",
    )
    assert run.code == 1, run
    annotations = [line for line in run.stdout.splitlines() if line.startswith("::")]
    assert annotations, run
    for line in annotations:
        assert re.match(r"::(error|warning|notice) file=course files/bad\.yaml,", line), run
    assert any(
        line.startswith("::error file=course files/bad.yaml,line=2,col=9,")
        and "title=MC012 invalid-value::" in line
        for line in annotations
    ), run
    titles = {m for line in annotations for m in re.findall(r"title=([A-Z]+)\d+", line)}
    assert titles == {"MC", "BCF", "BCT"}, run  # both frameworks were applied
    assert "good.yaml" not in run.stdout, run
    assert run.outputs == {"exit-code": "1", "sarif-file": "mcvalidate report.sarif"}, run
    log = json.loads((workspace / "mcvalidate report.sarif").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"
    assert "MC012" in {result["ruleId"] for result in log["runs"][0]["results"]}


def test_action_applies_only_the_frameworks_given(workspace: Path) -> None:
    run = _run_check_step(workspace, paths="course files/bad.yaml", frameworks="bc-framework")
    assert run.code == 1, run
    assert "title=BCF" in run.stdout, run
    assert "title=BCT" not in run.stdout, run
    assert (workspace / "mcvalidate.sarif").is_file()


def test_action_takes_one_path_per_line(workspace: Path) -> None:
    (workspace / "more courses").mkdir()
    other = GOOD.replace("\nid: mass-timber-construction\n", "\nid: other\n")
    (workspace / "more courses" / "other.yml").write_text(other, encoding="utf-8")
    run = _run_check_step(workspace, paths="course files/good.yaml\n  more courses  \n\n")
    assert run.code == 0, run
    assert "::" not in run.stdout, run
    assert run.stdout.splitlines()[-1] == "mcvalidate: 2 files checked, all pass.", run
    assert run.outputs == {"exit-code": "0", "sarif-file": "mcvalidate.sarif"}, run


def test_action_fail_on_and_config(workspace: Path) -> None:
    (workspace / "course files" / "bad.yaml").unlink()
    (workspace / "course files" / "good.yaml").write_text(ONE_WARNING, encoding="utf-8")
    (workspace / "ci settings").mkdir()
    (workspace / "ci settings" / "mcvalidate.yaml").write_text(
        "fail_on: warning\n", encoding="utf-8"
    )
    run = _run_check_step(workspace, paths="course files")
    assert run.code == 0, run
    assert "::warning file=course files/good.yaml," in run.stdout, run
    run = _run_check_step(workspace, paths="course files", fail_on="warning")
    assert run.code == 1, run
    # An empty fail-on leaves the configuration's fail_on in force; a given one overrides it.
    run = _run_check_step(workspace, paths="course files", config="ci settings/mcvalidate.yaml")
    assert run.code == 1, run
    run = _run_check_step(
        workspace, paths="course files", config="ci settings/mcvalidate.yaml", fail_on="error"
    )
    assert run.code == 0, run


def test_action_usage_error_fails_with_2_and_no_stale_sarif(workspace: Path) -> None:
    (workspace / "mcvalidate.sarif").write_text("stale", encoding="utf-8")
    run = _run_check_step(workspace, paths="course files", frameworks="bc-framework no-such-pack")
    assert run.code == 2, run
    assert "no-such-pack" in run.stderr, run
    assert run.outputs == {"exit-code": "2"}, run
    assert not (workspace / "mcvalidate.sarif").exists()


def test_action_inputs_are_not_run_as_shell(workspace: Path) -> None:
    hostile = '$(touch pwned) `touch pwned`"; touch pwned; echo "'
    run = _run_check_step(workspace, paths=hostile, frameworks=hostile, sarif_file="out.sarif")
    assert run.code == 2, run
    assert not list(workspace.rglob("pwned")), run


def test_action_reports_only_findings_not_in_the_baseline(workspace: Path) -> None:
    env = {**_clean_environ(), "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    written = subprocess.run(
        ["mcvalidate", "check", "--write-baseline", "known findings.json", "course files"],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert written.returncode == 0, written.stdout + written.stderr
    run = _run_check_step(workspace, paths="course files", baseline="known findings.json")
    assert run.code == 0, run
    assert "::" not in run.stdout, run
    (workspace / "course files" / "new.yaml").write_text(BAD, encoding="utf-8")
    run = _run_check_step(workspace, paths="course files", baseline="known findings.json")
    assert run.code == 1, run
    assert "file=course files/new.yaml,line=2,col=9," in run.stdout, run
    assert "file=course files/bad.yaml," not in run.stdout, run


# -- docs/ci.md --------------------------------------------------------------------------------

CI_DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```(\w*)\n(.*?)^```", CI_DOC, flags=re.DOTALL | re.MULTILINE)


def _yaml_blocks() -> list[Any]:
    return [yaml.safe_load(body) for lang, body in BLOCKS if lang == "yaml"]


def test_ci_doc_yaml_blocks_parse() -> None:
    documents = _yaml_blocks()
    assert len(documents) >= 6
    assert all(documents)


def test_ci_doc_uses_only_real_check_options() -> None:
    from mcvalidate.cli import check

    real = {opt for param in check.params for opt in param.opts if opt.startswith("--")}
    commands: list[str] = []
    for lang, body in BLOCKS:
        joined = body.replace("\\\n", " ")
        lines = list(_strings(yaml.safe_load(joined))) if lang == "yaml" else joined.splitlines()
        for line in lines:
            commands += re.findall(r"mcvalidate check([^|;&#]*)", line.replace("\n", " "))
    assert len(commands) >= 10
    used = {opt for command in commands for opt in re.findall(r"(?<!\S)--[a-z][\w-]*", command)}
    assert used, commands
    assert used <= real, used - real


def test_ci_doc_matches_the_action_and_the_hook() -> None:
    uses = [
        step
        for document in _yaml_blocks()
        for step in _steps(document)
        if str(step.get("uses", "")).startswith("<owner>/mcvalidate@")
    ]
    assert uses
    for step in uses:
        assert set(step.get("with", {})) <= set(ACTION["inputs"]), step
    outputs = set(re.findall(r"steps\.mcvalidate\.outputs\.([\w-]+)", CI_DOC))
    assert outputs and outputs <= set(ACTION["outputs"])
    table = set(re.findall(r"^\| `([\w-]+)` \|", CI_DOC, flags=re.MULTILINE))
    assert set(ACTION["inputs"]) <= table
    hook_ids = {
        hook["id"]
        for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    }
    configs = [d for d in _yaml_blocks() if isinstance(d, dict) and "repos" in d]
    assert configs
    for config in configs:
        for repo in config["repos"]:
            assert repo["rev"]
            assert {hook["id"] for hook in repo["hooks"]} <= hook_ids


def _steps(document: Any) -> Iterator[dict[str, Any]]:
    if isinstance(document, list):
        for item in document:
            if isinstance(item, dict) and ("uses" in item or "run" in item):
                yield item
            yield from _steps(item)
    elif isinstance(document, dict):
        for value in document.values():
            yield from _steps(value)
