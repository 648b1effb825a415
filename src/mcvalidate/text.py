"""A small text kit for rule authors: the words a finding's message is made of.

Findings from different packs are read side by side in one report, so a rule's message should
name things the same way whichever pack it comes from: a list reads "a, b and c", a number
reads "7.5" (never "7.50" or "7.5e+00"), a sentence starts with a capital, and a value of white
space counts as not written. These helpers are that common wording; a pack imports them
rather than writing its own.

This module imports only the standard library, so a pack can use it without loading the
engine.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeGuard

__all__ = ["capitalized", "closest", "filled", "listing", "number", "visible"]


def filled(text: str | None) -> TypeGuard[str]:
    """True when ``text`` has something other than white space in it.

    A rule asks this of an optional text field before it uses it: ``None``, ``""`` and
    ``"  "`` all count as not written.
    """
    return bool(text and text.strip())


def capitalized(text: str) -> str:
    """``text`` with its first character in capitals and the rest as written.

    Unlike :meth:`str.capitalize`, it keeps the case of the rest: ``"learning outcome LO1"``
    becomes ``"Learning outcome LO1"``.
    """
    return text[:1].upper() + text[1:]


def listing(items: Sequence[str], conjunction: str = "and") -> str:
    """The items as a person lists them: ``a``, ``a and b``, ``a, b and c``.

    ``conjunction`` joins the last two (``"or"`` for alternatives); no serial comma is used.
    An empty sequence gives ``""``.
    """
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def number(value: float, decimals: int = 2) -> str:
    """``value`` as a person writes it: 80, 7.5, 33.33 (never 8e+01 or 80.00).

    It is rounded to at most ``decimals`` places, and trailing zeros (and a trailing point)
    are dropped.
    """
    return f"{value:.{decimals}f}".rstrip("0").rstrip(".")


# Longer than any key, rule or value name: no suggestion is looked for.
_LONGEST_TYPO = 100


def closest(word: str, choices: Sequence[str], cutoff: float = 0.6) -> list[str]:
    """The choices closest to ``word`` (a misspelt key, rule or value) for a "did you mean":
    the best one, and a second only when it is about as close (``online_sync`` and
    ``online_async`` for ``online``); none below ``cutoff`` (0 to 1)."""
    import difflib  # only a message with a misspelling pays for it

    if len(word) > _LONGEST_TYPO:
        return []  # a long text is no misspelt name, and comparing it costs its square
    # The word is the matcher's second sequence, analysed once; the cheap upper bounds rule
    # most choices out before the full ratio is worked out (as difflib.get_close_matches does).
    matcher = difflib.SequenceMatcher(None, "", word)
    scored = []
    for choice in choices:
        matcher.set_seq1(choice)
        if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
            scored.append((matcher.ratio(), choice))
    scored.sort(reverse=True)
    best = scored[0][0] if scored else 0.0
    return [c for score, c in scored[:2] if score >= cutoff and score >= best - 0.05]


# Characters a terminal or a log would act on, or that change how a line reads, instead of
# showing them: controls (ESC sequences clear screens and forge links, CR and LF forge lines,
# BEL, backspace, NUL), bidirectional overrides and isolates (U+202E turns text around), and
# the invisible format characters (zero-width spaces and joiners, byte-order marks).
_UNSEEN = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def visible(text: str) -> str:
    """``text`` with every control, bidirectional and invisible format character written as
    an escape (``\\x1b``, ``\\n``, ``<U+202E>``): what a course file or a file name holds is
    shown, never acted on by the terminal, and a value cannot forge a line of a report."""
    if text.isascii() and text.isprintable():
        return text
    return _UNSEEN.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{code:02x}" if code < 0x100 else f"<U+{code:04X}>"
