"""What a report knows of where it is written: how wide, and which characters it can hold.

The human reports (the text report, the ``rules`` table) fit the reader's window: a terminal's
width, 80 columns for a file or a pipe (a CI log), ``COLUMNS`` when set. A stream in a legacy
encoding (a Windows console or ``> report.txt`` in cp1252) cannot hold every mark: the report
asks before it writes one.
"""

from __future__ import annotations

import os
from typing import TextIO

# The width of a report that is not going to a terminal.
DEFAULT_WIDTH = 80


def coloured(color: str, stream: TextIO) -> bool:
    """Whether to colour what goes to ``stream``: ``--color always``/``never``, else
    ``NO_COLOR`` and ``FORCE_COLOR`` (https://no-color.org), else whether it is a terminal."""
    if color != "auto":
        return color == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty()


def width_of(stream: TextIO) -> int:
    """The width to write ``stream`` at: ``COLUMNS`` when set, else the terminal's, else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        if stream.isatty():
            return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        pass
    return DEFAULT_WIDTH


def encodes(stream: TextIO, text: str) -> bool:
    """True when ``stream``'s encoding can hold every character of ``text``."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True
