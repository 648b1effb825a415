"""Safety limits for one file, and the MC007 findings when a file goes beyond them.

They keep a hostile or broken file from exhausting time or memory; each is one finding, never
a crash, and the other files of the run are still checked. The findings are made here, once,
so that every stage that meets a limit (the text pre-scan, the node walk, LibYAML's own
nesting limit) words it the same way.
"""

from __future__ import annotations

from typing import NamedTuple

from mcvalidate.findings import Problem, Span
from mcvalidate.format_rules import LIMIT


class Limits(NamedTuple):
    """Bounds that keep a hostile or broken file from exhausting time or memory."""

    max_bytes: int = 10 * 1024 * 1024
    max_nodes: int = 250_000
    max_depth: int = 64
    # Findings of one rule shown for one file; the rest are counted in one more finding.
    max_findings: int = 100


def too_large(size: int, limits: Limits) -> Problem:
    """The file is refused unread: it is larger than ``limits.max_bytes``."""
    return Problem(
        LIMIT,
        f"The file is {size:,} bytes; the limit is {limits.max_bytes:,} bytes.",
        span=Span(1, 1, 1, 1),
        fix="Split the file, or raise limits.max_bytes in the configuration.",
    )


def too_deep(span: Span, limit: int | None = None) -> Problem:
    """Lists or mappings nest deeper than ``limit`` (None: deeper than LibYAML allows)."""
    beyond = f"more than {limit} levels deep" if limit is not None else "deeper than YAML allows"
    return Problem(
        LIMIT,
        f"Lists or mappings are nested {beyond}.",
        span=span,
        fix="A course file is only a few levels deep: check the brackets, the dashes and the "
        "indentation.",
    )


def too_many(count: int, limits: Limits, span: Span, *, expanded: bool) -> Problem:
    """The file (or, when ``expanded``, one value through aliases) holds too many values."""
    if expanded:
        return Problem(
            LIMIT,
            f"This value expands to {count:,} values (through aliases, or by sheer size); the "
            f"limit is {limits.max_nodes:,}.",
            span=span,
            fix="Remove the repeated aliases ('*name'), or raise limits.max_nodes in the "
            "configuration if the file really is this large.",
        )
    return Problem(
        LIMIT,
        f"The file holds more than {limits.max_nodes:,} values; checking stopped here.",
        span=span,
        fix="Split the file, or raise limits.max_nodes in the configuration if the file really "
        "is this large.",
    )
