"""What both B.C. packs need: which statuses are not yet approved."""

from __future__ import annotations

# A course in these statuses is a proposal: the Framework's approval cannot be asked of it yet.
NOT_YET_APPROVED = ("draft", "proposed")
