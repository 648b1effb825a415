"""Hostile and broken inputs, through the real command line in a subprocess.

mcvalidate is a CI gate: whatever a file holds, it must not crash, hang, exhaust memory or
drop a file. Each case below writes one hostile file (large ones are generated here, at test
time) next to a copy of a complete, valid course, and runs ``python -m mcvalidate check
--isolated --format json`` on the directory with a timeout and a cap on the address space.
Every case asserts:

* the exit code (1: findings; 0 for the large but valid files), no traceback and no
  "internal error" on stderr, and a JSON report that parses;
* both files were checked (the summary counts them) and the valid course has no error
  finding: one bad file never hides or spoils another;
* the hostile file has the expected finding: the rule, and the line (and column) computed
  from how the file was built;
* the run finished within the timeout (and within a tighter budget where a case says so).

The time each run took is printed, so it shows in the output of a failing case.
"""

from __future__ import annotations

import itertools
import json
import os
import resource  # the memory cap; CI and development machines are POSIX
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from mcvalidate.limits import Limits

ROOT = Path(__file__).resolve().parents[1]


TIMEOUT = 20.0  # seconds, for every run
MEMORY = 2 * 1024**3  # bytes of address space for the mcvalidate process
GOOD = ROOT / "examples" / "mass-timber-construction.yaml"
GOOD_TEXT = GOOD.read_text(encoding="utf-8")
# The valid file checked beside each hostile one: a course of its own, with its own id (two
# copies of one course would be one duplicate id, MC040).
VALID_TEXT = GOOD_TEXT.replace("\nid: mass-timber-construction\n", "\nid: valid-neighbour\n")
VALID, HOSTILE = "good.yaml", "hostile.yaml"
LIMITS = Limits()  # the defaults, which --isolated runs with


# -- running the command line ------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def mcvalidate(cwd: Path, *args: str) -> Run:
    """``mcvalidate check --isolated --format json ARGS`` in a subprocess, timed and capped."""
    command = [sys.executable, "-m", "mcvalidate", "check", "--isolated", "--format", "json"]
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [*command, *args],
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT,
            preexec_fn=_cap_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"mcvalidate did not finish within {TIMEOUT:.0f} s (killed): {args}")
    seconds = time.perf_counter() - start
    print(f"mcvalidate {' '.join(args)}: exit {done.returncode} in {seconds:.2f} s")
    return Run(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
        seconds,
    )


# -- what a case expects -----------------------------------------------------------------------


@dataclass(frozen=True)
class Want:
    """A finding that must be reported for the hostile file (None: any value)."""

    rule: str
    line: int | None = None
    column: int | None = None
    pointer: str | None = None

    def matches(self, finding: dict[str, Any]) -> bool:
        return (
            finding["rule"] == self.rule
            and self.line in (None, finding["line"])
            and self.column in (None, finding["column"])
            and self.pointer in (None, finding["pointer"])
        )


@dataclass(frozen=True)
class Expected:
    findings: tuple[Want, ...] = ()
    path: str = HOSTILE  # how the report names the hostile file
    code: int = 1
    clean: bool = False  # a valid file: no finding at all
    quiet_under: tuple[str, ...] = ()  # pointers with no finding at or under them
    twin: str | None = None  # another file of the run whose findings must be the same
    files: int = 2  # files in the run: the valid course, the hostile file (and its twin)
    budget: float = TIMEOUT  # seconds


Build = Callable[[Path], Expected]
CASES: list[Any] = []


def case(name: str, *marks: pytest.MarkDecorator) -> Callable[[Build], Build]:
    def register(build: Build) -> Build:
        CASES.append(pytest.param(build, id=name, marks=marks))
        return build

    return register


def write(directory: Path, content: str | bytes, name: str = HOSTILE) -> str:
    data = content.encode("utf-8") if isinstance(content, str) else content
    (directory / name).write_bytes(data)
    return content if isinstance(content, str) else ""


def at(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    """1-based line and column (in code points) of the first ``needle`` in ``text``."""
    offset = text.index(needle, start)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def course_with(field: str, replacement: str) -> str:
    """The valid course with its top-level ``field`` (and the lines indented under it)
    replaced by ``replacement``."""
    lines = GOOD_TEXT.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith(" "):
        end += 1
    return "".join([*lines[:start], replacement, *lines[end:]])


# -- alias bombs -------------------------------------------------------------------------------


@case("alias-bomb-billion-laughs")
def _billion_laughs(d: Path) -> Expected:
    levels = "abcdefghi"  # 9 levels of 10: the last one expands to 10**9 strings
    lines = ["title: Billion laughs", f"x-a: &a [{', '.join(['lol'] * 10)}]"]
    lines += [f"x-{c}: &{c} [{', '.join([f'*{p}'] * 10)}]" for p, c in itertools.pairwise(levels)]
    write(d, "\n".join(lines) + "\n")
    # The finding sits on the first level that alone expands beyond the limit.
    size, level = 11, 0
    while size <= LIMITS.max_nodes:
        size, level = 1 + 10 * size, level + 1
    return Expected((Want("MC007", line=2 + level, column=len("x-a: ") + 1),))


@case("alias-bomb-quadratic")
def _quadratic(d: Path) -> Expected:
    text = write(
        d,
        f"title: Quadratic\nx-base: &b [{', '.join(['x'] * 1000)}]\n"
        f"x-many: [{', '.join(['*b'] * 1000)}]\n",
    )
    assert LIMITS.max_nodes < 1 + 1000 * 1001  # what x-many expands to
    return Expected((Want("MC007", *at(text, "[*b")),))


# -- nesting -----------------------------------------------------------------------------------

DEEP = 50_000


@case("flow-sequence-50000-deep")
def _flow_sequence(d: Path) -> Expected:
    write(d, "title: Deep\nx-deep: " + "[" * DEEP + "]" * DEEP + "\n")
    # The first bracket too many: the (max_depth + 1)th.
    return Expected((Want("MC007", line=2, column=len("x-deep: ") + LIMITS.max_depth + 1),))


@case("flow-mapping-50000-deep")
def _flow_mapping(d: Path) -> Expected:
    write(d, "title: Deep\nx-deep: " + "{a: " * DEEP + "1" + "}" * DEEP + "\n")
    column = len("x-deep: ") + len("{a: ") * LIMITS.max_depth + 1
    return Expected((Want("MC007", line=2, column=column),))


@case("block-sequence-50000-deep-one-line")
def _block_sequence(d: Path) -> Expected:
    write(d, "title: Deep\nx-deep:\n" + "- " * DEEP + "x\n")
    return Expected((Want("MC007", line=3, column=len("- ") * LIMITS.max_depth + 1),))


@case("block-mapping-3000-deep-indented")
def _block_mapping(d: Path) -> Expected:
    # Line n + 2 opens the mapping at depth n, indented by n spaces (x-deep's value is depth 1).
    write(d, "title: Deep\nx-deep:\n" + "".join(" " * n + "a:\n" for n in range(1, 3001)))
    # As for any other nesting, the finding is where the limit is first exceeded: the mapping
    # at depth max_depth + 1 (the line where a 100-deep file of this shape is reported).
    depth = LIMITS.max_depth + 1
    return Expected((Want("MC007", line=depth + 2, column=depth + 1),))


# -- bytes that are not UTF-8 YAML text --------------------------------------------------------


@case("invalid-utf8-byte")
def _invalid_utf8(d: Path) -> Expected:
    prefix = b"title: Mass timber\nsummary: Mass timber caf"
    write(d, prefix + b"\xff construction\n")
    line = prefix.count(b"\n") + 1
    return Expected((Want("MC002", line, len(prefix) - prefix.rfind(b"\n")),))


@case("invalid-utf8-byte-after-accents")
def _invalid_utf8_accents(d: Path) -> Expected:
    before = "title: Charpente\nsummary: Café crème "
    write(d, before.encode("utf-8") + b"\xff here\n")
    # Columns count code points, not bytes (README, "The JSON report").
    return Expected((Want("MC002", *at(before + "\ufffd", "\ufffd")),))


@case("binary-png")
def _png(d: Path) -> Expected:
    data = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 200
    write(d, data)
    nul = data.index(b"\x00")
    return Expected((Want("MC002", line=data.count(b"\n", 0, nul) + 1),))


@case("utf16-without-bom")
def _utf16(d: Path) -> Expected:
    write(d, "title: Mass timber\nsummary: An introduction\n".encode("utf-16-le"))
    return Expected((Want("MC002", line=1),))


# -- files that hold no course -----------------------------------------------------------------


@case("empty-file")
def _empty(d: Path) -> Expected:
    write(d, b"")
    return Expected((Want("MC005", line=1),))


@case("comment-only")
def _comment_only(d: Path) -> Expected:
    write(d, "# title: Mass timber\n# summary: to do\n")
    return Expected((Want("MC005", line=1),))


@case("whitespace-only")
def _whitespace_only(d: Path) -> Expected:
    write(d, "   \n\n      \r\n  \n")
    return Expected((Want("MC005", line=1),))


@case("top-level-list")
def _top_list(d: Path) -> Expected:
    write(d, "- title: Mass timber\n- title: Glulam\n")
    return Expected((Want("MC005", line=1, column=1),))


@case("top-level-scalar")
def _top_scalar(d: Path) -> Expected:
    write(d, "Mass timber construction fundamentals\n")
    return Expected((Want("MC005", line=1, column=1),))


@case("several-documents")
def _several_documents(d: Path) -> Expected:
    text = write(d, "title: Mass timber\n---\ntitle: Glulam\n")
    return Expected((Want("MC005", *at(text, "---")),))


# -- tags --------------------------------------------------------------------------------------


@case("python-object-apply-tag")
def _python_apply(d: Path) -> Expected:
    # Were the tag ever constructed, it would create PWNED in the run's directory (the test
    # checks that no PWNED exists anywhere under its temporary directory).
    command = json.dumps(f"touch {d / 'PWNED'}")
    text = write(d, f"title: Mass timber\nsummary: !!python/object/apply:os.system [{command}]\n")
    return Expected((Want("MC004", *at(text, "!!python"), pointer="/summary"),))


@case("python-name-tag")
def _python_name(d: Path) -> Expected:
    text = write(d, "title: Mass timber\nsummary: !!python/name:os.system\n")
    return Expected((Want("MC004", *at(text, "!!python"), pointer="/summary"),))


@case("unknown-custom-tag")
def _custom_tag(d: Path) -> Expected:
    text = write(d, "title: Mass timber\nsummary: !custom An introduction\n")
    return Expected((Want("MC004", *at(text, "!custom"), pointer="/summary"),))


# -- syntax errors -----------------------------------------------------------------------------


@case("tab-indentation")
def _tabs(d: Path) -> Expected:
    text = write(d, "title: Mass timber\nworkload:\n\thours: 60\n\tweeks: 8\n")
    return Expected((Want("MC001", *at(text, "\t")),))


@case("unclosed-single-quote")
def _single_quote(d: Path) -> Expected:
    text = write(d, "title: Mass timber\nsummary: 'An introduction\nlanguage: en\nstatus: draft\n")
    return Expected((Want("MC001", *at(text, "'")),))  # where the quote opens


@case("unclosed-double-quote")
def _double_quote(d: Path) -> Expected:
    text = write(d, 'title: Mass timber\nsummary: "An introduction\nlanguage: en\nstatus: draft\n')
    return Expected((Want("MC001", *at(text, '"')),))


@case("unclosed-flow-sequence")
def _flow_open(d: Path) -> Expected:
    text = write(d, "title: Mass timber\nprerequisites: [Fall protection, WHMIS\nlanguage: en\n")
    return Expected((Want("MC001", line=at(text, "[")[0]),))


# -- keys that are not names -------------------------------------------------------------------


@case("number-key")
def _number_key(d: Path) -> Expected:
    # A plain scalar key: read as the name '1', which the format does not define.
    write(d, "title: Mass timber\n1: x\n")
    return Expected((Want("MC010", line=2, column=1, pointer="/1"),))


@case("list-key")
def _list_key(d: Path) -> Expected:
    # A complex key cannot be a field name at all: its type is wrong.
    text = write(d, "title: Mass timber\n? [a, b]\n: x\n")
    return Expected((Want("MC011", *at(text, "[a, b]")),))


@case("mapping-key")
def _mapping_key(d: Path) -> Expected:
    text = write(d, "title: Mass timber\n? {a: 1}\n: x\n")
    return Expected((Want("MC011", *at(text, "{a: 1}")),))


# -- nulls where lists or mappings belong ------------------------------------------------------


@case("null-competencies")
def _null_competencies(d: Path) -> Expected:
    # An empty value is "not given": the outcomes' references to the competencies no longer
    # resolve (one finding each). The outcomes still name competencies, so the file is not
    # also told it is not competency-based (BCF003): one mistake, not a cascade.
    write(d, course_with("competencies", "competencies:\n"))
    return Expected(
        (Want("MC022", pointer="/learning_outcomes/0/competencies/0"),),
        quiet_under=("/competencies",),
    )


@case("null-issuer")
def _null_issuer(d: Path) -> Expected:
    # null is "not given", like the example's 'expires_after_months: null': nothing to report.
    write(d, course_with("issuer", "issuer: ~\n"))
    return Expected(code=0, clean=True)


@case("null-learning-outcome")
def _null_outcome(d: Path) -> Expected:
    text = write(d, "title: Mass timber\nlearning_outcomes: [~]\n")
    return Expected((Want("MC011", *at(text, "~"), pointer="/learning_outcomes/0"),))


# -- numbers and dates -------------------------------------------------------------------------


def _hours(d: Path, value: str) -> Expected:
    text = write(d, f"title: Mass timber\nworkload:\n  hours: {value}\n  weeks: 8\n")
    return Expected((Want("MC012", *at(text, value), pointer="/workload/hours"),))


@case("hours-nan")
def _nan(d: Path) -> Expected:
    return _hours(d, ".nan")


@case("hours-inf")
def _inf(d: Path) -> Expected:
    return _hours(d, ".inf")


@case("hours-5000-digit-integer")
def _long_int(d: Path) -> Expected:
    return _hours(d, "9" * 5000)


@case("hours-5000-digit-hex")
def _long_hex(d: Path) -> Expected:
    return _hours(d, "0x" + "f" * 5000)


def _approved_on(d: Path, value: str) -> Expected:
    text = write(d, f"title: Mass timber\nquality_assurance:\n  approved_on: {value}\n")
    return Expected((Want("MC012", *at(text, value), pointer="/quality_assurance/approved_on"),))


@case("date-month-13-day-45")
def _date_month_13(d: Path) -> Expected:
    return _approved_on(d, "2024-13-45")


@case("date-2023-02-29")
def _date_feb_29(d: Path) -> Expected:
    return _approved_on(d, "2023-02-29")


@case("merge-key")
def _merge_key(d: Path) -> Expected:
    text = write(
        d,
        "title: Mass timber\nx-base: &base {type: internal}\nquality_assurance:\n"
        "  <<: *base\n  approved_by: Education Council\n",
    )
    return Expected((Want("MC006", *at(text, "<<"), pointer="/quality_assurance"),))


# -- large files -------------------------------------------------------------------------------


@case("summary-5MB-one-line")
def _long_line(d: Path) -> Expected:
    summary = "Mass timber construction for carpenters. " * (5_000_000 // 41)
    write(d, course_with("summary", f"summary: {summary.strip()}\n"))
    assert 5_000_000 <= (d / HOSTILE).stat().st_size < LIMITS.max_bytes
    return Expected(code=0, clean=True, quiet_under=("/summary",))


@case("prerequisites-50000-items")
def _many_items(d: Path) -> Expected:
    items = "".join(f"  - Entry requirement number {n}\n" for n in range(50_000))
    write(d, course_with("prerequisites", f"prerequisites:\n{items}"))
    return Expected(code=0, clean=True, quiet_under=("/prerequisites",))


@case("file-30MB-over-size-limit")
def _thirty_mb(d: Path) -> Expected:
    line = "  - " + "x" * 95 + "\n"
    with (d / HOSTILE).open("w", encoding="utf-8") as stream:
        stream.write("title: Huge\nx-padding:\n")
        stream.write(line * (30 * 1024 * 1024 // len(line) + 1))
    assert (d / HOSTILE).stat().st_size > LIMITS.max_bytes
    # Refused from its size, before the parser sees it: quick, whatever the machine.
    return Expected((Want("MC007", line=1),), budget=10.0)


# -- directory entries that are not regular files ----------------------------------------------


@case("broken-symlink")
def _broken_symlink(d: Path) -> Expected:
    (d / "x.yaml").symlink_to("does-not-exist.yaml")
    # Reported under the name found in the directory, the one the user can look for.
    return Expected((Want("MC002"),), path="x.yaml")


@case("fifo")
def _fifo(d: Path) -> Expected:
    os.mkfifo(d / "y.yaml")
    return Expected((Want("MC002"),), path="y.yaml")


# -- byte-order mark and CRLF ------------------------------------------------------------------

TWIN = """\
title: No
summary: >
  Une introduction à la charpente
  en bois massif.
status: publish
delivery: {schedule: Soirées en semaine, modes: [inperson]}
workload:
  hours: "sixty"
learning_outcome:
  - Identify mass timber components
quality_assurance:
  approved_on: 2024-13-45
"""


@case("bom-crlf-same-as-lf-twin")
def _bom_crlf(d: Path) -> Expected:
    write(d, TWIN, name="twin-lf.yaml")
    write(d, b"\xef\xbb\xbf" + TWIN.replace("\n", "\r\n").encode("utf-8"))
    return Expected(
        (
            Want("MC011", *at(TWIN, "No"), pointer="/title"),
            Want("MC012", *at(TWIN, "publish"), pointer="/status"),
            Want("MC012", *at(TWIN, "inperson"), pointer="/delivery/modes/0"),
            Want("MC011", *at(TWIN, '"sixty"'), pointer="/workload/hours"),
            Want("MC010", *at(TWIN, "learning_outcome"), pointer="/learning_outcome"),
            Want("MC012", *at(TWIN, "2024-13-45"), pointer="/quality_assurance/approved_on"),
        ),
        twin="twin-lf.yaml",
        files=3,
    )


# -- the test ----------------------------------------------------------------------------------


def _brief(findings: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"  {f['path']}:{f['line']}:{f['column']} {f['rule']} {f['pointer']!r} {f['message'][:100]}"
        for f in findings[:40]
    )


def _position(finding: dict[str, Any]) -> tuple[Any, ...]:
    keys = ("rule", "pointer", "line", "column", "end_line", "end_column", "message")
    return tuple(finding[k] for k in keys)


@pytest.mark.parametrize("build", CASES)
def test_hostile_file(build: Build, tmp_path: Path) -> None:
    run_dir = tmp_path / "courses"
    run_dir.mkdir()
    (run_dir / VALID).write_text(VALID_TEXT, encoding="utf-8")
    expected = build(run_dir)

    result = mcvalidate(run_dir, ".")
    about = f"took {result.seconds:.2f} s, exit code {result.code}\nstderr: {result.stderr[-3000:]}"
    assert "Traceback" not in result.stderr, about
    assert "internal error" not in result.stderr.lower(), about
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError as exc:
        pytest.fail(f"the JSON report does not parse ({exc}); {about}\n{result.stdout[:500]}")
    findings = report["findings"]
    about += f"\nfindings:\n{_brief(findings)}"

    assert result.code == expected.code, about
    assert report["summary"]["files"] == expected.files, about
    assert not [f for f in findings if f["rule"] == "MC008"], about
    paths = {VALID, expected.path, *([expected.twin] if expected.twin else [])}
    assert {f["path"] for f in findings} <= paths, about

    # One bad file never hides or spoils another.
    assert not [f for f in findings if f["path"] == VALID and f["severity"] == "error"], about

    mine = [f for f in findings if f["path"] == expected.path]
    if expected.clean:
        assert mine == [], about
    for want in expected.findings:
        assert any(want.matches(f) for f in mine), f"expected {want}; {about}"
    for pointer in expected.quiet_under:
        assert not [f for f in mine if (f["pointer"] + "/").startswith(pointer + "/")], about
    if expected.twin:
        twin = [f for f in findings if f["path"] == expected.twin]
        assert twin, about
        assert [_position(f) for f in mine] == [_position(f) for f in twin], about

    assert not list(tmp_path.rglob("PWNED")), "a YAML tag ran a command"
    assert result.seconds <= expected.budget, about


# -- paths that hold no file to check ----------------------------------------------------------


def test_a_path_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    shutil.copyfile(GOOD, tmp_path / VALID)
    result = mcvalidate(tmp_path, VALID, "courses/missing.yaml")
    assert result.code == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "courses/missing.yaml" in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout.strip() == ""  # no report that a script could take for a pass


def test_a_directory_without_yaml_files_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "courses"
    empty.mkdir()
    (empty / "README.md").write_text("Courses go here.\n", encoding="utf-8")
    (empty / ".hidden.yaml").write_text("title: Hidden\n", encoding="utf-8")
    result = mcvalidate(tmp_path, "courses")
    assert result.code == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr
    assert "no YAML files" in lines[0] and "courses" in lines[0]
    assert lines[1] == "mcvalidate: error: no course file to check in courses"
    assert result.stdout == ""


@pytest.mark.parametrize("text", ["&a\n    ? *a\n", "title: x\nx-a: &a {? *a : 1}\n"])
def test_a_mapping_keyed_by_itself_is_a_finding_not_a_crash(tmp_path: Path, text: str) -> None:
    """An anchor used as a key of its own mapping is a value that contains itself: measured
    one level down per key, it is too deep (MC007), never an endless recursion."""
    (tmp_path / "self.yaml").write_text(text, encoding="utf-8")
    result = mcvalidate(tmp_path, "self.yaml")
    assert result.code == 1, result.stderr
    assert "internal error" not in result.stderr
    report = json.loads(result.stdout)
    assert [f["rule"] for f in report["findings"]] == ["MC007"]
