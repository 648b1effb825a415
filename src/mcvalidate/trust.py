"""Whose files mcvalidate may act on: a configuration file it found, and the code a
configuration names (``rule_paths``), must be the user's own.

A configuration can run code and switch rules off. One planted in a shared folder (a
world-writable temporary directory, a colleague's checkout) must not do either as the user who
happens to run mcvalidate there, so such a file is refused with one line (exit 2), the way git
refuses a repository another user owns (``safe.directory``).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from mcvalidate.errors import ConfigError


def check_trusted(path: Path, what: str) -> None:
    """Refuse ``path`` when it is not the user's own: owned by another user (root aside), or
    writable by every user. On a system without user ids (Windows) there is nothing to
    compare, and nothing is refused."""
    if not hasattr(os, "geteuid"):
        return
    try:
        status = path.stat()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    if status.st_uid not in (os.geteuid(), 0):
        raise ConfigError(
            f"{path}: the {what} belongs to another user (uid {status.st_uid}), so it is not "
            "trusted; check it and take it over (chown), or run with --isolated"
        )
    if status.st_mode & stat.S_IWOTH:
        raise ConfigError(
            f"{path}: the {what} is writable by every user, so it is not trusted; remove that "
            "permission (chmod o-w), or run with --isolated"
        )
