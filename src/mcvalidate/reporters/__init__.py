"""Output formats: one module per format, each consuming the same :class:`Report`.

A reporter module has a ``render(report: Report, stream: TextIO) -> None`` function. The
registry maps format names to module paths, so that a run imports only the reporter it uses
(and the text one imports rich only when it colours its output); the command line's list of
formats is this registry's keys. This module imports only the standard library, so that
``--help`` stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from mcvalidate.discover import replaced_atomically, resolved
from mcvalidate.errors import UsageError

if TYPE_CHECKING:
    from mcvalidate.report import Report

FORMATS = {
    "text": "mcvalidate.reporters.text",
    "json": "mcvalidate.reporters.json",
    "sarif": "mcvalidate.reporters.sarif",
    "junit": "mcvalidate.reporters.junit",
    "github": "mcvalidate.reporters.github",
    "gitlab": "mcvalidate.reporters.gitlab",
}

Render = Callable[["Report", TextIO], None]


def renderer(name: str) -> Render:
    """The render function of the format ``name``."""
    module = importlib.import_module(FORMATS[name])
    return cast(Render, module.render)


def targets(
    formats: Sequence[str], outputs: Sequence[str], environ: Mapping[str, str]
) -> list[tuple[str, str | None]]:
    """Pair each format with where it goes (None: standard output).

    Formats and outputs pair in order; when there is one format more than outputs, the first
    format goes to standard output. Without a format: ``github`` inside GitHub Actions, else
    ``text``.
    """
    chosen = list(formats) or ["github" if environ.get("GITHUB_ACTIONS") == "true" else "text"]
    paired: list[str | None] = list(outputs)
    if len(paired) == len(chosen) - 1:
        paired.insert(0, None)
    if len(paired) != len(chosen):
        raise UsageError(
            "give one --output per --format (only the first --format may go to the terminal)"
        )
    pairs = [(f, None if o in (None, "-") else o) for f, o in zip(chosen, paired, strict=True)]
    if sum(1 for _, o in pairs if o is None) > 1:
        raise UsageError("only one --format can go to standard output; give the others --output")
    files = [resolved(Path(o)) for _, o in pairs if o is not None]
    if len(set(files)) < len(files):
        raise UsageError("two --format reports cannot go to the same --output file")
    return pairs


def _quieten(stream: TextIO) -> None:
    """After a failed write, point the stream at the null device, so that what is still
    buffered is dropped at exit instead of failing (and being reported) a second time."""
    import os

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError):  # not a real file (a test's buffer): nothing to quieten
        pass


def write(report: Report, name: str, target: str | None, stdout: TextIO) -> None:
    """Render ``report`` in the format ``name`` to ``target`` (None: ``stdout``)."""
    render = renderer(name)
    if target is None:
        try:
            render(report, stdout)
            stdout.flush()
        except OSError as exc:  # a full disk (/dev/full), a closed pipe
            _quieten(stdout)
            raise UsageError(
                f"cannot write the report to standard output: {exc.strerror or exc}"
            ) from None
        return
    try:
        with replaced_atomically(Path(target)) as stream:
            render(report, stream)
    except OSError as exc:
        raise UsageError(f"cannot write '{target}': {exc.strerror or exc}") from exc
