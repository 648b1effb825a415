"""What both B.C. packs need: telling blank text from text, and which statuses are not yet
approved."""

from __future__ import annotations

from typing import TypeGuard

# A course in these statuses is a proposal: the Framework's approval cannot be asked of it yet.
NOT_YET_APPROVED = ("draft", "proposed")


def filled(text: str | None) -> TypeGuard[str]:
    """True when ``text`` has something other than white space in it."""
    return bool(text and text.strip())
