"""RFC 6901 JSON pointers: how every stage names a value of a course file.

Rules report pointers, the document turns them into positions, baselines and fingerprints key
on them. Building one from tokens always escapes (a key holding ``/`` or ``~`` stays one token).
"""

from __future__ import annotations

from collections.abc import Iterable, Set


def escape(token: str) -> str:
    """Escape one reference token: ``~`` as ``~0``, ``/`` as ``~1``."""
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    """The key one escaped reference token stands for."""
    return token.replace("~1", "/").replace("~0", "~")


def join(tokens: Iterable[object]) -> str:
    """The pointer of a path of keys and list indexes: ``("a/b", 2)`` gives ``/a~1b/2``."""
    return "".join(f"/{escape(str(token))}" for token in tokens)


def split(pointer: str) -> list[str]:
    """The unescaped tokens of ``pointer`` (none for the whole document, ``""``)."""
    return [unescape(token) for token in pointer.split("/")[1:]]


def is_pointer(text: object) -> bool:
    """True for a syntactically valid pointer: empty (the whole document) or starting ``/``,
    with ``~`` only as ``~0`` or ``~1``."""
    if not isinstance(text, str) or (text and not text.startswith("/")):
        return False
    return "~" not in text.replace("~0", "").replace("~1", "")


def within(pointer: str, pointers: Set[str]) -> bool:
    """True when ``pointer`` is one of ``pointers`` or lies inside one of them."""
    if not pointers:
        return False
    probe = pointer
    while True:
        if probe in pointers:
            return True
        if not probe:
            return False
        probe = probe.rpartition("/")[0]
