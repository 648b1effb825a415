"""The engine's guarantees: broken files and broken rules never take the run down."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from mcvalidate.cli import cli
from mcvalidate.engine import Checker
from mcvalidate.model import Course
from mcvalidate.packs import Registry
from mcvalidate.rules import Pack, RuleContext, Source, rule
from mcvalidate.testing import check_text

ROOT = Path(__file__).resolve().parents[1]

SOURCE = Source("Test framework", "clause 1", "https://example.org/t", "inferred")


@rule(id="TST001", name="always-raises", severity="warning", source=SOURCE)
def always_raises(course: Course, ctx: RuleContext) -> None:
    """A rule with a bug.

    Fails::

        title: x

    Passes::

        title: x
    """
    raise KeyError("boom")


@rule(id="TST002", name="title-not-x", severity="error", source=SOURCE)
def title_not_x(course: Course, ctx: RuleContext) -> None:
    """The title is not 'x'.

    Fails::

        title: x

    Passes::

        title: y
    """
    if course.title == "x":
        ctx.report("/title", "The title is 'x'.", fix="Write a real title.")


BROKEN = Pack("broken", "Broken", "Test framework", "1", "https://example.org", (always_raises,))
WORKING = Pack("working", "Working", "Test framework", "1", "https://example.org", (title_not_x,))


def test_a_raising_rule_becomes_an_internal_error_finding_and_others_still_run() -> None:
    checker = Checker(Registry(packs=[BROKEN, WORKING], installed=False).select())
    result = checker.check_bytes("c.yaml", b"title: x\n")
    rules = [f.rule for f in result.findings]
    assert rules.count("MC008") == 1
    assert "TST002" in rules
    internal = next(f for f in result.findings if f.rule == "MC008")
    assert "TST001 (always-raises)" in internal.message
    assert "KeyError" in internal.message
    assert internal.path == "c.yaml"


LOCAL_PACK = """
from mcvalidate.rules import Pack, Source, rule


SOURCE = Source("Local framework", "clause 1", "https://example.org/l", "inferred")


@rule(id="LOC001", name="local-raises", severity="warning", source=SOURCE)
def local_raises(course, ctx):
    \"\"\"A local rule with a bug.\"\"\"
    raise KeyError("boom")


@rule(id="LOC002", name="local-title-not-x", severity="error", source=SOURCE)
def local_title(course, ctx):
    \"\"\"The title is not 'x'.\"\"\"
    if course.title == "x":
        ctx.report("/title", "The title is 'x'.")


RULES = (local_raises, local_title)
PACK = Pack("local", "Local", "Local framework", "1", "https://example.org", RULES)
"""


def test_a_raising_rule_in_a_local_pack_makes_the_cli_exit_2(tmp_path: Path) -> None:
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "local_pack.py").write_text(LOCAL_PACK, encoding="utf-8")
    config = tmp_path / ".mcvalidate.yaml"
    config.write_text("frameworks: [local]\nrule_paths: [packs/local_pack.py]\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text("title: x\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("title: y\n", encoding="utf-8")
    args = ["check", "--config", str(config), "--format", "json", str(tmp_path)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["packs"] == ["local"]
    internal = [f for f in report["findings"] if f["rule"] == "MC008"]
    assert sorted(Path(f["path"]).name for f in internal) == ["a.yaml", "b.yaml"]
    assert "LOC001 (local-raises)" in internal[0]["message"]
    local = [f for f in report["findings"] if f["rule"] == "LOC002"]
    assert [Path(f["path"]).name for f in local] == ["a.yaml"]


def test_a_file_that_cannot_be_read_is_a_finding(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text("title: x\n", encoding="utf-8")
    os.symlink(tmp_path / "gone.yaml", tmp_path / "dangling.yaml")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(tmp_path)])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    unreadable = [f for f in report["findings"] if f["rule"] == "MC002"]
    assert [Path(f["path"]).name for f in unreadable] == ["dangling.yaml"]
    assert "cannot be read" in unreadable[0]["message"]
    assert report["summary"]["files"] == 2


@pytest.mark.parametrize(
    ("raw", "line", "column"),
    [
        (b"title: ok\nsummary: caf\xe9\n", 2, 13),
        (b"title: ok\n\x00\x01\x02", 2, 1),
        (b"\x89PNG\r\n\x1a\n\x00\x00", 3, 1),
    ],
)
def test_binary_and_invalid_utf8_are_located(raw: bytes, line: int, column: int) -> None:
    result = Checker(Registry().select()).check_bytes("b.yaml", raw)
    assert [f.rule for f in result.findings] == ["MC002"]
    assert (result.findings[0].span.line, result.findings[0].span.column) == (line, column)


def test_findings_inside_a_refused_value_are_not_reported_twice() -> None:
    # The schema refuses the hours; the framework rule must not also call them missing.
    result = check_text("title: x\nworkload:\n  hours: -5\n")
    at_hours = [f.rule for f in result.findings if f.pointer == "/workload/hours"]
    assert at_hours == ["MC012"]


def test_a_missing_title_still_lets_the_rules_run() -> None:
    result = check_text("standalone: false\n")
    rules = {f.rule for f in result.findings}
    assert {"MC013", "BCF001"} <= rules


def test_every_finding_carries_complete_metadata() -> None:
    text = (ROOT / "examples" / "mistakes" / "draft-proposal.yaml").read_text(encoding="utf-8")
    result = check_text(text)
    assert result.findings
    for f in result.findings:
        assert f.span.line >= 1 and f.span.column >= 1
        assert (f.span.end_line, f.span.end_column) >= (f.span.line, f.span.column)
        assert f.pointer == "" or f.pointer.startswith("/")
        assert f.rule and f.name and f.message and f.framework and f.reference


def test_an_oversized_file_is_refused_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mcvalidate.limits import Limits
    from mcvalidate.settings import Settings

    path = tmp_path / "big.yaml"
    path.write_text("title: x\n" + "# padding\n" * 100, encoding="utf-8")

    reading = Path.read_bytes

    def no_reading(self: Path) -> bytes:
        if self == path:
            raise AssertionError("the file was read")
        return reading(self)  # the caches' files, say

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    checker = Checker(Registry().select(), Settings(limits=Limits(max_bytes=100)))
    result = checker.check_file(path, "big.yaml")
    assert [f.rule for f in result.findings] == ["MC007"]
    assert "the limit is 100 bytes" in result.findings[0].message


def test_a_pipe_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    result = Checker(Registry().select()).check_file(tmp_path / "pipe.yaml", "pipe.yaml")
    assert [f.rule for f in result.findings] == ["MC002"]
    assert "not a regular file" in result.findings[0].message


def test_a_baseline_never_turns_a_crashed_rule_into_a_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "local_pack.py").write_text(LOCAL_PACK, encoding="utf-8")
    (tmp_path / ".mcvalidate.yaml").write_text(
        "frameworks: [local]\nrule_paths: [packs/local_pack.py]\n", encoding="utf-8"
    )
    (tmp_path / "a.yaml").write_text("title: y\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    written = CliRunner().invoke(cli, ["check", "--write-baseline", "b.json", "a.yaml"])
    assert written.exit_code == 2
    assert "MC008" not in (tmp_path / "b.json").read_text(encoding="utf-8")
    again = CliRunner().invoke(cli, ["check", "--baseline", "b.json", "a.yaml"])
    assert again.exit_code == 2


def _noisy_rule(rule_id: str, name: str, body: Callable[[Course, RuleContext], None]) -> Any:
    """A rule of the test framework running ``body``."""
    body.__doc__ = "A rule of the isolation tests.\n\nFails::\n\n    title: x\n"
    return rule(id=rule_id, name=name, severity="warning", source=SOURCE)(body)


def _writes(course: Course, ctx: RuleContext) -> None:
    print("first line\nsecond line")


def _writes_then_raises(course: Course, ctx: RuleContext) -> None:
    sys.stderr.write("half a message")
    raise ValueError("bad value")


def _rebinds(course: Course, ctx: RuleContext) -> None:
    sys.stdout = sys.stderr = io.StringIO()  # hides its own output, and would hide the next's
    print("hidden")


def _reports(course: Course, ctx: RuleContext) -> None:
    print("seen")
    ctx.report("/title", "Reported after printing.", fix="None.")


def test_output_is_blamed_on_the_rule_that_wrote_it_alone() -> None:
    """The streams are caught once per file: each rule that writes, and only it, is an MC008
    finding; one that raised after writing is named for its exception; a rule that rebinds
    the streams does not hide the next rule's writing; the real streams are back after."""
    rules = (
        _noisy_rule("ISO001", "writes", _writes),
        _noisy_rule("ISO002", "writes-then-raises", _writes_then_raises),
        title_not_x,
        _noisy_rule("ISO003", "rebinds-streams", _rebinds),
        _noisy_rule("ISO004", "prints-and-reports", _reports),
    )
    pack = Pack("isolation", "Isolation", "Test framework", "1", "https://example.org", rules)
    checker = Checker(Registry(packs=[pack], installed=False).select())
    stdout, stderr = sys.stdout, sys.stderr
    for _ in range(2):  # the second file reuses the plan and the catch buffer
        result = checker.check_bytes("c.yaml", b"title: x\n")
        assert (sys.stdout, sys.stderr) == (stdout, stderr)
        internal = {
            f.message.split(" ")[2]: f.message for f in result.findings if f.rule == "MC008"
        }
        assert sorted(internal) == ["ISO001", "ISO002", "ISO004"]
        assert "it wrote to the terminal ('first line')" in internal["ISO001"]
        assert "ValueError: bad value" in internal["ISO002"]
        assert "wrote" not in internal["ISO002"]
        assert "('seen')" in internal["ISO004"]
        assert {f.rule for f in result.findings} == {"MC008", "TST002", "ISO004"}


SEEN: list[tuple[str, str]] = []


@rule(id="TST003", name="every-text", severity="info", source=SOURCE)
def every_text(course: Course, ctx: RuleContext) -> None:
    """Records the texts it is given.

    Fails::

        title: x

    Passes::

        title: x
    """
    SEEN.extend(ctx.texts())


def test_ctx_texts_lists_every_text_value_in_file_order() -> None:
    texts = Pack("texts", "Texts", "Test framework", "1", "https://example.org", (every_text,))
    checker = Checker(Registry(packs=[texts], installed=False).select())
    SEEN.clear()
    checker.check_bytes(
        "c.yaml",
        b"title: Mass timber\n"
        b"summary: first\n"
        b"summary: second\n"  # a duplicate key (MC003): only the value kept is a text
        b"x-notes: mine\n"
        b"workload: {hours: 30}\n"
        b"learning_outcomes:\n"
        b"  - {id: lo1, statement: Assemble a panel, x-draft: old}\n"
        b"  - Plain item\n"
        b"'2024': year key\n",
    )
    assert SEEN == [
        ("/title", "Mass timber"),
        ("/summary", "first"),
        ("/learning_outcomes/0/id", "lo1"),
        ("/learning_outcomes/0/statement", "Assemble a panel"),
        ("/learning_outcomes/1", "Plain item"),
        ("/2024", "year key"),
    ]
