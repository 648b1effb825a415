"""Output formats: one module per format, each given the same results as the run goes.

A format module has a ``reporter(run: Run, stream: TextIO) -> Reporter`` factory (see
:mod:`mcvalidate.report`): the run gives every reporter each file's result as soon as it is
known, then the totals, and keeps no result itself. The registry maps format names to module
paths, so that a run imports only the reporters it uses (and the text one imports rich only
when it colours its output); the command line's list of formats is this registry's keys. This
module imports only the standard library, so that ``--help`` stays fast.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from mcvalidate.discover import replaced_atomically, resolved
from mcvalidate.errors import UsageError

if TYPE_CHECKING:
    from mcvalidate.findings import FileResult
    from mcvalidate.report import Reporter, Run, Tally

FORMATS = {
    "text": "mcvalidate.reporters.text",
    "json": "mcvalidate.reporters.json",
    "sarif": "mcvalidate.reporters.sarif",
    "junit": "mcvalidate.reporters.junit",
    "github": "mcvalidate.reporters.github",
    "gitlab": "mcvalidate.reporters.gitlab",
}

Factory = Callable[["Run", TextIO], "Reporter"]


def reporter(name: str) -> Factory:
    """The reporter factory of the format ``name``."""
    module = importlib.import_module(FORMATS[name])
    return cast(Factory, module.reporter)


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


class Reports:
    """Every report of a run, each in its format to its target, given the results together;
    a failed write (a full disk, a closed pipe) is a usage error naming the target."""

    def __init__(self, opened: list[tuple[Reporter, TextIO, str | None]]) -> None:
        self._open = opened

    def add(self, result: FileResult) -> None:
        for each, stream, target in self._open:
            with _writing(stream, target):
                each.add(result)

    def close(self, tally: Tally) -> None:
        for each, stream, target in self._open:
            with _writing(stream, target):
                each.close(tally)
                stream.flush()


@contextlib.contextmanager
def reports(pairs: Sequence[tuple[str, str | None]], run: Run, stdout: TextIO) -> Iterator[Reports]:
    """Open each ``(format, target)`` of ``pairs`` (target None: ``stdout``). A report to a
    file replaces it only once the run is over: a run that stops (an error, Ctrl-C) leaves
    the file as it was."""
    opened: list[tuple[Reporter, TextIO, str | None]] = []
    with contextlib.ExitStack() as files:
        for name, target in pairs:
            factory = reporter(name)
            stream = stdout if target is None else files.enter_context(_replaced(target))
            with _writing(stream, target):
                opened.append((factory(run, stream), stream, target))
        yield Reports(opened)


@contextlib.contextmanager
def _replaced(target: str) -> Iterator[TextIO]:
    try:
        with replaced_atomically(Path(target)) as stream:
            yield stream
    except OSError as exc:  # the temporary file cannot be made, or put in place
        raise UsageError(f"cannot write '{target}': {exc.strerror or exc}") from exc


@contextlib.contextmanager
def _writing(stream: TextIO, target: str | None) -> Iterator[None]:
    try:
        yield
    except OSError as exc:  # a full disk (/dev/full), a closed pipe
        if target is not None:
            raise UsageError(f"cannot write '{target}': {exc.strerror or exc}") from exc
        _quieten(stream)
        raise UsageError(
            f"cannot write the report to standard output: {exc.strerror or exc}"
        ) from None


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
