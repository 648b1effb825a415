"""Where a course stands in its life, as the B.C. packs read its ``status``.

Several rules of both packs apply only before approval (a proposal is asked for its business
case and approval route, not for an approval it cannot have yet) or only once the course is
offered (its outcomes must then be public); they read the statuses from here.
"""

from __future__ import annotations

# A course in these statuses is a proposal: the Framework's approval cannot be asked of it yet.
NOT_YET_APPROVED = ("draft", "proposed")
# A course in these statuses has been approved and may be offered: its outcomes are public.
PUBLISHED = ("approved", "active")
