"""Properties of ``check --fix`` on the example courses with mistakes typed or pasted into them
at random: the fixes never make a file that parsed unparsable, never change a value other than
the ones their findings are about, and applying them again changes nothing.

Hypothesis runs derandomized and without its example database, as in test_properties.py.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from mcvalidate import fixes
from mcvalidate.fixer import Fixer, FixMode
from mcvalidate.loader import load
from mcvalidate.packs import Registry
from mcvalidate.pointer import escape, within
from mcvalidate.settings import Settings
from mcvalidate.testing import TODAY

ROOT = Path(__file__).resolve().parents[1]
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "mcvalidate-hypothesis")
PROPERTY = settings(
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=False,
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow],
)
FIXER = Fixer(Registry().select(), Settings(today=TODAY), FixMode(unsafe=True))
SOURCES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.yaml"))]

# What typing and pasting do to one line, each a function of the line (None: not here).
_VALUE = re.compile(r"^(\s*(?:- )?[a-z_]+: )([A-Za-z][^#'\"\[\]{}]*?)$")


def _mistakes(line: str) -> list[str]:
    made = [line + "  ", line + "\t", line + " \u00a0"]
    if match := _VALUE.match(line):
        head, value = match.groups()
        made += [
            f"{head}\u201c{value}\u201d",
            f"{head}{value}\u200b",
            f"{head}\u00a0{value}",
            f"{head}{value.capitalize()}",
            f"{head}{value.replace('_', '-')}",
            f"{head}{value}\u00a0",
        ]
        if " " in value:
            made.append(f"{head}{value.replace(' ', chr(0xA0), 1)}")
        key = head.strip().removeprefix("- ")[:-1]
        if len(key) > 5:  # a letter dropped from the key
            made.append(head.replace(key, key[:2] + key[3:], 1) + value)
    if line.lstrip().startswith("- "):
        at = line.index("-")
        made += [line[:at] + "\u2013" + line[at + 1 :], line[:at] + "\u2022" + line[at + 1 :]]
    return made


@st.composite
def _mistaken(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(SOURCES)).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        number = draw(st.integers(0, len(lines) - 1))
        lines[number] = draw(st.sampled_from(_mistakes(lines[number])))
    return "\n".join(lines)


def _leaves(data: Any, pointer: str = "") -> dict[str, Any]:
    """Every value of ``data`` by pointer (empty lists and mappings included)."""
    if isinstance(data, dict) and data:
        return {
            p: v
            for k, item in data.items()
            for p, v in _leaves(item, f"{pointer}/{escape(k)}").items()
        }
    if isinstance(data, list) and data:
        return {
            p: v for i, item in enumerate(data) for p, v in _leaves(item, f"{pointer}/{i}").items()
        }
    return {pointer: data}


@PROPERTY
@given(_mistaken())
def test_one_pass_of_fixes_changes_only_the_values_it_fixes(text: str) -> None:
    before = load("course.yaml", text.encode("utf-8"))
    assume(before.data is not None)
    result = FIXER.check_bytes("course.yaml", text.encode("utf-8"))
    chosen = fixes.choose(text, [f.autofix for f in result.findings if f.autofix])
    assume(chosen)
    fixed = fixes.apply(text, chosen)
    after = load("course.yaml", fixed.encode("utf-8"))
    assert after.data is not None, fixed
    # A fix may change the value its finding is about; a fix of a key (a rename, a character
    # deleted from it) the key: the value is then under the key on that line in the new text.
    touched = set()
    for finding in result.findings:
        if finding.autofix not in chosen:
            continue
        touched.add(finding.pointer)
        key = before.nodes.get(finding.pointer, (None,))[0]
        if key is not None and key.start_mark.line + 1 == finding.autofix.edits[0].span.line:
            touched |= {
                p
                for p, (k, _) in after.nodes.items()
                if k and k.start_mark.line == key.start_mark.line
            }
    old, new = _leaves(before.data), _leaves(after.data)
    changed = [p for p in old.keys() | new.keys() if old.get(p, ...) != new.get(p, ...)]
    assert all(within(p, touched) for p in changed), (changed, touched, fixed)


@PROPERTY
@given(_mistaken())
def test_fixing_keeps_a_file_parsable_and_fixing_again_changes_nothing(text: str) -> None:
    raw = text.encode("utf-8")
    assume(load("course.yaml", raw).data is not None)
    once = FIXER.fix("course.yaml", raw)
    assert load("course.yaml", once.raw).data is not None
    twice = FIXER.fix("course.yaml", once.raw)
    assert (twice.raw, twice.count) == (once.raw, 0)
    assert not [f for f in once.result.findings if f.rule == "MC001"]
