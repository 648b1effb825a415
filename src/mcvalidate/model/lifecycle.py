"""A course's lifecycle: the values of ``status``, in order.

Kept apart from the pydantic models (:mod:`mcvalidate.model.course`, which uses it) so that
a pack can read it at run time (``typing.get_args(mcvalidate.model.Status)``) without the
models, which a check does not import.
"""

from __future__ import annotations

from typing import Literal

Status = Literal["draft", "proposed", "approved", "active", "suspended", "retired"]
