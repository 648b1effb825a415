"""Text that was never written: placeholders (TBD, TODO, lorem ipsum) and addresses on the
domains reserved for examples."""

from __future__ import annotations

import functools
import re

from mcvalidate.model import Course
from mcvalidate.pointer import split
from mcvalidate.rules import RuleContext, rule
from mcvalidate_consistency.sources import own

# The placeholders, one group each. The abbreviations are matched in capitals only and as
# whole tokens ("TBD" but not "TBDs", "XXX" but not the "1XXX" of a course-number range);
# "insert ... here" only between brackets or as the whole value, since "insert the anchor
# here" is a sentence a trades course may well contain. An example domain (RFC 2606:
# example.com, example.org, example.net and their subdomains, not example.ca, which is a real
# domain) counts with the rest of its address, web or e-mail.
PLACEHOLDER = re.compile(
    r"(?P<word>(?<!\w)(?:TBD|TBA|TBC|TODO|FIXME|XXX)(?!\w))"
    r"|(?P<marks>\?{3,})"
    r"|(?P<lorem>(?i:\blorem\s+ipsum\b))"
    r"|(?P<insert>(?i:[\[<{(]\s*insert\b[^\]>})\n]*?\bhere\s*[\]>})]|^\s*insert\b.*\bhere\W*$))"
    r"|(?P<url>(?i:(?<![\w.-])(?:https?://|[\w.+-]+@)?(?:[a-z0-9-]+\.)*"
    r"(?P<domain>example\.(?:com|org|net))"
    r"(?![\w-]|\.[\w-])(?:[/?#:]\S*)?))"
)
# What every placeholder contains (in lowercase for the ones matched in any case): a text
# with none of these is passed over without running the pattern, which is slow on the rare
# value of several megabytes.
_CLUES = ("TBD", "TBA", "TBC", "TODO", "FIXME", "XXX", "???")
_CLUES_ANY_CASE = ("lorem", "insert", "example.")
# Punctuation that ends the sentence around an address rather than the address itself.
_AFTER_ADDRESS = ".,;:!?)]}'\""
_SHOWN = 60


def may_hold_placeholder(text: str) -> bool:
    """False when ``text`` cannot hold a placeholder (it lacks every clue)."""
    if any(clue in text for clue in _CLUES):
        return True
    lowered = text.lower()
    return any(clue in lowered for clue in _CLUES_ANY_CASE)


def shown(text: str) -> str:
    """A placeholder as the message quotes it: on one line, and not too long."""
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


@rule(
    id="CON012",
    name="placeholder-text",
    severity="warning",
    source=own("A course file describes a real offering", "con012"),
)
def placeholder_text(course: Course, ctx: RuleContext) -> None:
    """No text is a placeholder left in: TBD, TODO, lorem ipsum, an example.org address.

    A file that is shown to a committee, a funder or a learner should hold no value that was
    meant to be written later. Each placeholder found in a value is one finding, at that
    value: the abbreviations ``TBD``, ``TBA``, ``TBC``, ``TODO``, ``FIXME`` and ``XXX`` (in
    capitals, as whole words), three or more question marks, "lorem ipsum", "[insert ...
    here]", and addresses on the domains reserved for examples (RFC 2606: ``example.com``,
    ``example.org``, ``example.net`` and their subdomains; ``example.ca`` is a real domain).
    Comments are not values (the ``$schema`` line may name any address), and the author's own
    ``x-`` fields are not checked. A value the schema refused is reported once, by the schema.

    Fails::

        title: Cloud bookkeeping
        summary: TBD
        publication: {url: https://www.example.org/cloud-bookkeeping}

    Passes::

        title: Cloud bookkeeping
        summary: Keep the books of a small business in cloud accounting software.
        publication: {url: https://fvec.example.ca/ce/cloud-bookkeeping}
    """
    for pointer, text in ctx.texts():
        found = placeholders_in(text)
        if not found:
            continue
        # The name of the field the text is (or is an item of).
        key = next((t for t in reversed(split(pointer)) if not t.isdecimal()), "")
        for placeholder, domain in found:
            if domain:
                ctx.report(
                    pointer,
                    f"The address '{placeholder}' in '{key}' is on {domain}, a domain reserved "
                    "for examples (RFC 2606): the real address is not filled in.",
                    fix="Replace it with the real address, or remove the value until there is one.",
                )
            else:
                ctx.report(
                    pointer,
                    f"'{placeholder}' in '{key}' is a placeholder: the text is not written yet.",
                    fix=f"Write the real text in place of '{placeholder}', or remove the value "
                    "until it is known.",
                )


def placeholders_in(text: str) -> tuple[tuple[str, str], ...]:
    """The placeholders of ``text``, each once, as shown: ``(address, domain)`` for an address
    on a domain reserved for examples, ``(placeholder, "")`` for a placeholder word. Kept per
    text, short texts only (a long one is not worth holding in memory): an editor re-checks
    the file at every keystroke, and its texts barely change."""
    if len(text) > _KEPT_LENGTH:
        return _placeholders_in(text)
    return _kept_placeholders_in(text)


def _placeholders_in(text: str) -> tuple[tuple[str, str], ...]:
    if not may_hold_placeholder(text):
        return ()
    found: dict[str, str] = {}
    for match in PLACEHOLDER.finditer(text):
        if match["url"]:
            found.setdefault(shown(match["url"].rstrip(_AFTER_ADDRESS)), match["domain"].lower())
        else:
            found.setdefault(shown(match[0]), "")
    return tuple(found.items())


_KEPT_LENGTH = 2000
_kept_placeholders_in = functools.lru_cache(maxsize=4096)(_placeholders_in)
