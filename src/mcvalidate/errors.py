"""The one root of every mistake mcvalidate reports as a usage or configuration error.

Each of them is one line for the user and exit code 2; the CLI and the runner catch this one
class, so a new kind of mistake cannot slip through as a traceback.
"""

from __future__ import annotations


class McvalidateError(ValueError):
    """A mistake in how mcvalidate was called, configured or extended: one line, exit 2."""


class UsageError(McvalidateError):
    """A mistake on the command line (options that do not go together, an output that cannot
    be written)."""


class ConfigError(McvalidateError):
    """The configuration cannot be used; the message names the file and the key."""


class SelectionError(McvalidateError):
    """A pack or rule named on the command line or in configuration does not exist, or cannot
    be used. ``name`` is the name as written, so the caller can say where it was written."""

    def __init__(self, message: str, name: str = "") -> None:
        super().__init__(message)
        self.name = name


class PackError(McvalidateError):
    """A rule pack cannot be used: it fails to import, its metadata is malformed, or it clashes
    with another pack. The message names the pack and its distribution."""


class MissingPath(McvalidateError):
    """A path given on the command line does not exist."""


class BaselineError(McvalidateError):
    """The baseline file cannot be read or written."""


def describe(exc: BaseException) -> str:
    """An exception raised by a pack's code, said in one line (``sys.exit()`` included)."""
    if isinstance(exc, SystemExit):
        return f"it called sys.exit({exc.code!r})"
    return f"{exc.__class__.__name__}: {exc}"
