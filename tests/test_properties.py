"""Properties of checking any file: random edits of the example courses never crash the engine,
every finding's position lies inside the file, checking is deterministic, and a byte-order mark
with CRLF line endings changes no position.

Hypothesis runs derandomized and without its example database, so every run (and CI) tries the
same inputs and nothing is written into the repository; a failure prints the falsifying example.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from mcvalidate.engine import Checker
from mcvalidate.findings import FileResult
from mcvalidate.packs import Registry
from mcvalidate.settings import Settings
from mcvalidate.testing import TODAY

ROOT = Path(__file__).resolve().parents[1]


# Hypothesis caches (Unicode tables, constants) outside the repository.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "mcvalidate-hypothesis")

PROPERTY = settings(
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=False,
    suppress_health_check=[HealthCheck.too_slow],
)

CHECKER = Checker(Registry().select(), Settings(today=TODAY))
# A second checker: a result must not depend on what the first one checked before.
FRESH = Checker(Registry().select(), Settings(today=TODAY))

# The complete (valid) example courses, the material the edits start from.
SOURCES = {path.name: path.read_bytes() for path in sorted((ROOT / "examples").glob("*.yaml"))}
# Valid YAML with findings too: the twin test compares something.
TWINS = sorted((ROOT / "examples").glob("*.yaml")) + sorted(
    (ROOT / "examples" / "mistakes").glob("*.yaml")
)

BOM = b"\xef\xbb\xbf"
# The line breaks YAML counts, and mcvalidate with it.
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")

# Text to insert: YAML punctuation and constructs, control characters and line breaks of every
# kind, non-ASCII text and emoji, values the loader treats specially, and nesting deep enough
# to reach the limits.
TEXT_PIECES = (
    *":-[]{}!&*#|>'\"%@`,?~\\",
    ": ",
    "- ",
    " #",
    "? ",
    "!!str ",
    "!!python/object/apply:os.system ",
    "!local ",
    "&anchor ",
    "*anchor",
    "<<: *anchor",
    "|-\n",
    ">+\n",
    "%YAML 1.2\n",
    "---\n",
    "...\n",
    "\t",
    "\n",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\x7f",
    "\x1b",
    "\x0c",
    "é",
    "Ω",
    "日本語",
    "ᐃᓄᒃᑎᑐᑦ",
    "e\u0301",
    "\u200b",
    "😀",
    "🧑\u200d🎓",
    "  ",
    "    ",
    "title: ",
    "id: ",
    "x-",
    "0x1F",
    "1e999",
    ".nan",
    "2024-13-45",
    "null",
    "~",
    "yes",
    "9" * 4400,
    "'unclosed",
    '"unclosed',
    '"\\q"',
    "[" * 70,
    "{a: " * 70,
    "- " * 70,
    "&a [*a, *a, *a]",
)
# Pieces that break the file's encoding or its line endings.
RAW_PIECES = (
    b"\r",
    b"\r\n",
    b"\x00",
    "\ud800".encode("utf-8", "surrogatepass"),  # lone surrogates, as invalid UTF-8
    "\udcbd".encode("utf-8", "surrogatepass"),
    b"\xff",
    b"\xc3",
    b"\xe2\x82",
    b"\xf0\x9f\x98",
    b"\xc0\xaf",
    BOM,
)


def _inserted(raw_pieces: bool) -> st.SearchStrategy[bytes]:
    text = st.text(max_size=4)
    pieces = [st.sampled_from([p.encode() for p in TEXT_PIECES])]
    if raw_pieces:
        pieces += [st.sampled_from(RAW_PIECES), text.map(str.encode), st.binary(max_size=3)]
    else:  # no CR, no NUL, valid UTF-8: the twin of the result is still the same file
        pieces.append(text.filter(lambda t: "\r" not in t and "\x00" not in t).map(str.encode))
    return st.lists(st.one_of(pieces), min_size=1, max_size=5).map(b"".join)


@st.composite
def edited(draw: st.DrawFn, raw_pieces: bool = True) -> bytes:
    """An example course after one to three random edits."""
    raw = SOURCES[draw(st.sampled_from(sorted(SOURCES)))]
    inserted = _inserted(raw_pieces)
    for _ in range(draw(st.integers(1, 3))):
        edit = draw(
            st.sampled_from(("delete", "insert", "duplicate", "truncate", "swap", "indent"))
        )
        lines = raw.splitlines(keepends=True)
        if edit == "delete":
            start = draw(st.integers(0, len(raw)))
            end = draw(st.integers(start, len(raw)))
            raw = raw[:start] + raw[end:]
        elif edit == "insert":
            at = draw(st.integers(0, len(raw)))
            raw = raw[:at] + draw(inserted) + raw[at:]
        elif edit == "truncate":
            raw = raw[: draw(st.integers(0, len(raw)))]
        elif not lines:
            continue
        elif edit == "duplicate":
            at = draw(st.integers(0, len(lines) - 1))
            lines.insert(at, lines[at])
            raw = b"".join(lines)
        elif edit == "swap":
            first, second = (draw(st.integers(0, len(lines) - 1)) for _ in range(2))
            lines[first], lines[second] = lines[second], lines[first]
            raw = b"".join(lines)
        else:  # indent: add spaces or a tab, or take some leading white space away
            at = draw(st.integers(0, len(lines) - 1))
            if draw(st.booleans()):
                lines[at] = draw(st.sampled_from((b" ", b"  ", b"    ", b"\t", b" \t"))) + lines[at]
            else:
                line = lines[at]
                keep = len(line) - len(line.lstrip(b" \t"))
                lines[at] = line[min(keep, draw(st.integers(1, 8))) :]
            raw = b"".join(lines)
    return raw


def decoded(raw: bytes) -> str | None:
    """The text mcvalidate reads from ``raw`` (None when it cannot): UTF-16 after a UTF-16
    byte-order mark, else UTF-8 without its byte-order mark; a NUL byte makes a UTF-8 file
    binary."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif b"\x00" in raw:
        return None
    else:
        encoding = "utf-8-sig"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def misplaced(raw: bytes, result: FileResult) -> list[str]:
    """The findings whose span is not ordered or lies outside the file: lines as YAML counts
    them, columns in code points of the decoded text, at most one past the end of the line (the
    end is exclusive). An MC002 finding (the file cannot be decoded) counts lines of bytes, and
    code points of each line decoded with every bad byte replaced."""
    text = decoded(raw)
    wrong = []
    for f in (*result.findings, *result.suppressed):
        s = f.span
        where = f"{f.rule} {s.line}:{s.column}-{s.end_line}:{s.end_column}"
        if not (1 <= s.line <= s.end_line and (s.line, s.column) <= (s.end_line, s.end_column)):
            wrong.append(f"{where}: the span is not ordered")
        if f.rule == "MC002":
            lengths = [len(line.decode("utf-8", "replace")) for line in raw.split(b"\n")]
        elif text is None:
            wrong.append(f"{where}: a finding other than MC002 on a file that cannot be decoded")
            continue
        else:
            lengths = [len(line) for line in LINE_BREAK.split(text)]
        for line, column in ((s.line, s.column), (s.end_line, s.end_column)):
            length = lengths[line - 1] if 1 <= line <= len(lengths) else 0
            if not (1 <= line <= len(lengths) + 1 and 1 <= column <= length + 1):
                wrong.append(
                    f"{where}: {line}:{column} is outside the file ({len(lengths)} lines, "
                    f"line {line} has {length} characters)"
                )
    return wrong


def signature(result: FileResult) -> list[tuple[str, str, int, int, int, int]]:
    return [
        (f.rule, f.pointer, f.span.line, f.span.column, f.span.end_line, f.span.end_column)
        for f in result.findings
    ]


def twin(raw: bytes) -> bytes:
    """The same file saved with a UTF-8 byte-order mark and CRLF line endings."""
    return BOM + raw.replace(b"\n", b"\r\n")


# -- (a) no crash ----------------------------------------------------------------------------


@settings(PROPERTY, max_examples=500)
@given(edited())
def test_an_edited_course_never_crashes_the_engine(raw: bytes) -> None:
    result = CHECKER.check_bytes("course.yaml", raw)
    assert not [f.message for f in result.findings if f.rule == "MC008"]


# -- (b) positions inside the file -----------------------------------------------------------


@settings(PROPERTY, max_examples=500)
@given(edited())
def test_every_finding_lies_inside_the_edited_file(raw: bytes) -> None:
    result = CHECKER.check_bytes("course.yaml", raw)
    wrong = misplaced(raw, result)
    assert not wrong, wrong


# Cases found by the tests above and by the YAML test suite: each position was outside the file.
OUTSIDE = {
    # A syntax error at the end of a line or of the file: its one-character marker ends one
    # column past the end of the line.
    "syntax error at the end of the file": b"%YAML 1.2\n",
    "syntax error at the end of a line": b"a: !<baz\n",
    # The nesting guard counts lines by "\n" only: after a lone CR (or U+2028, U+0085) its line
    # is too small and its column too large.
    "nesting guard after a lone CR": b"title: x\rkey: " + b"[" * 70,
    "nesting guard after U+2028": "title: x\u2028key: ".encode() + b"[" * 70,
    "nesting guard on dashes after a lone CR": b"title: x\rk:\n  " + b"- " * 70 + b"x\n",
    # LibYAML gives the offset of a forbidden character in UTF-8 bytes, and the loader counts
    # it in characters: after 'é' the column is one too far, past the end of the line.
    "forbidden character after a non-ASCII one": "é\x1f".encode(),
}


@pytest.mark.parametrize("raw", list(OUTSIDE.values()), ids=list(OUTSIDE))
def test_every_finding_lies_inside_the_file_known_cases(raw: bytes) -> None:
    wrong = misplaced(raw, CHECKER.check_bytes("course.yaml", raw))
    assert not wrong, wrong


@st.composite
def undecodable(draw: st.DrawFn) -> tuple[bytes, int]:
    """A UTF-8 file (with or without a byte-order mark) with a NUL or an invalid byte, and the
    offset, after the byte-order mark, of the byte mcvalidate must point at."""
    lines = draw(st.lists(st.text(alphabet="ab: é\t-", max_size=6), min_size=1, max_size=4))
    bad = draw(st.sampled_from(RAW_PIECES[2:-1]))
    body = "\n".join(lines).encode() + bad + draw(st.sampled_from((b"", b"\nc: d\n")))
    at = body.find(b"\x00")
    if at < 0:
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as exc:
            at = exc.start
    assume(at >= 0)
    return (BOM if draw(st.booleans()) else b"") + body, at


@settings(PROPERTY, max_examples=300)
@given(undecodable())
def test_an_undecodable_file_is_reported_at_its_first_bad_byte(case: tuple[bytes, int]) -> None:
    assert_reported_at_byte(*case)


def assert_reported_at_byte(raw: bytes, at: int) -> None:
    """One MC002 finding, at the line and column of offset ``at`` after the file's byte-order
    mark: lines of bytes, the column in code points (the bytes before it are valid UTF-8), not
    shifted by a byte-order mark (README: "A byte-order mark and CRLF line endings do not shift
    them")."""
    body = raw.removeprefix(BOM)
    line = body.count(b"\n", 0, at) + 1
    column = len(body[body.rfind(b"\n", 0, at) + 1 : at].decode()) + 1
    result = CHECKER.check_bytes("course.yaml", raw)
    found = [(f.rule, f.span.line, f.span.column) for f in result.findings]
    assert found == [("MC002", line, column)]


# Cases found by the test above: a byte-order mark shifts the position.
FIRST_BAD_BYTE = {
    # The NUL's offset is taken in the file with its byte-order mark, which counts as a
    # character of line 1: reported at 1:4, not 1:3.
    "NUL after a byte-order mark": (BOM + b"ab\x00", 2),
    # The decoding error's offset is taken after the mark but used in the file with it: the
    # line is counted 3 bytes short, reported at 1:2 (inside line 1), not at 2:1.
    "invalid UTF-8 on line 2 after a byte-order mark": (BOM + b"a\n\xff", 2),
}


@pytest.mark.parametrize("case", list(FIRST_BAD_BYTE.values()), ids=list(FIRST_BAD_BYTE))
def test_an_undecodable_file_is_reported_at_its_first_bad_byte_known_cases(
    case: tuple[bytes, int],
) -> None:
    assert_reported_at_byte(*case)


@st.composite
def with_forbidden_character(draw: st.DrawFn) -> tuple[bytes, int, int]:
    """A short file with one character YAML does not allow, and its line and column."""
    before = draw(st.text(alphabet="ab: -é€😀\n", max_size=30))
    char = draw(st.sampled_from("\x01\x08\x0b\x1b\x1f\x7f"))
    after = draw(st.text(alphabet="ab: -é\n", max_size=10))
    lines = LINE_BREAK.split(before)
    return (before + char + after).encode(), len(lines), len(lines[-1]) + 1


@settings(PROPERTY, max_examples=200)
@given(with_forbidden_character())
def test_a_forbidden_character_is_reported_where_it_is(case: tuple[bytes, int, int]) -> None:
    raw, line, column = case
    result = CHECKER.check_bytes("course.yaml", raw)
    assert [(f.rule, f.span.line, f.span.column) for f in result.findings] == [
        ("MC001", line, column)
    ]


# -- (c) determinism -------------------------------------------------------------------------


@settings(PROPERTY, max_examples=200)
@given(edited(), st.sampled_from(sorted(SOURCES)))
def test_checking_twice_gives_the_same_findings(raw: bytes, other: str) -> None:
    first = CHECKER.check_bytes("course.yaml", raw)
    CHECKER.check_bytes(other, SOURCES[other])  # anything left behind by another file
    assert CHECKER.check_bytes("course.yaml", raw) == first
    assert FRESH.check_bytes("course.yaml", raw) == first


def test_runs_in_other_processes_give_the_same_report() -> None:
    # Another hash seed (set and dict order) and another number of worker processes.
    def report(seed: str, jobs: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONUTF8": "1"}
        command = [sys.executable, "-m", "mcvalidate", "check", "--isolated", "--jobs", jobs]
        proc = subprocess.run(
            [*command, "--format", "json", "examples"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=120,
        )
        assert proc.returncode in (0, 1), proc.stderr
        return proc.stdout

    assert report("1", "1") == report("2024", "2")


# -- (d) byte-order mark and CRLF ------------------------------------------------------------


@pytest.mark.parametrize("path", TWINS, ids=lambda path: path.name)
def test_a_bom_crlf_twin_has_the_same_findings(path: Path) -> None:
    raw = path.read_bytes()
    assert signature(CHECKER.check_bytes(path.name, twin(raw))) == signature(
        CHECKER.check_bytes(path.name, raw)
    )


@settings(PROPERTY, max_examples=200)
@given(edited(raw_pieces=False))
def test_a_bom_crlf_twin_of_an_edited_course_has_the_same_findings(raw: bytes) -> None:
    assume(decoded(raw) is not None)  # a truncation may cut a character in two
    assert signature(CHECKER.check_bytes("course.yaml", twin(raw))) == signature(
        CHECKER.check_bytes("course.yaml", raw)
    )
