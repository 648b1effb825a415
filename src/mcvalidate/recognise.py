"""Which YAML files are course files: those whose top level names a field of the format.

A repository's YAML is not all courses: ``mkdocs.yml``, ``docker-compose.yml``, a CI
workflow. Checking them as courses buries the real findings under "title is missing". So a
file is looked at before it is parsed: when the keys written at the start of its lines (the
top level of a block mapping) are all strangers to the course format (``site_name``,
``services``, ``jobs``), it is not a course file, and the run says how many it skipped. When
no such key can be seen (a flow mapping, a list, binary, a syntax error before any key), the
file is checked: the check says what is wrong with it. Only the start of a file is read for
this; reading it costs nothing more, since the check reads the same bytes. A file whose name
says it is a course (``*.mc.yaml``) is checked without being looked at
(:meth:`mcvalidate.engine.Checker.check_file`).
"""

from __future__ import annotations

import re

from mcvalidate.model import Course, field_names

# Enough of a file to see its first top-level keys, however long its summary.
_SNIFFED = 64 * 1024
# A key at the start of a line: plain or quoted, followed by ':' and a space or the line end.
_TOP_KEY = re.compile(
    rb"""^(?:"([^"\r\n]+)"|'([^'\r\n]+)'"""  # a quoted key
    rb"""|([^\s#:'"\-?&*!|>%@`{}\[\],][^:\r\n]*?))"""  # a plain one (no indicator first)
    rb"""[ \t]*:(?:[ \t]|\r?$)""",
    re.MULTILINE,
)
COURSE_KEYS = frozenset(field_names(Course))


def is_course_text(raw: bytes) -> bool:
    """False when the top-level keys at the start of ``raw`` are all strangers to the course
    format (``x-`` keys, the author's own, count as strangers: a course has fields); True
    when one of them is a field, or when no key can be seen."""
    head = raw[:_SNIFFED].removeprefix(b"\xef\xbb\xbf")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16: not looked into here; the check decodes it
    seen = False
    for match in _TOP_KEY.finditer(head):  # a course's first key is nearly always a field
        key = next(g for g in match.groups() if g is not None)
        if key.decode("utf-8", "replace").strip() in COURSE_KEYS:
            return True
        seen = True
    return not seen
