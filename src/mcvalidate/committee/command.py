"""``mcvalidate report``: check the files as ``matrix`` does, and write the committee's report
in HTML, Markdown or PDF.

The files are found and configured as ``check`` finds them (the same configuration file,
``exclude`` and ``--framework``). The report reports: its exit code is 0 whatever the
findings (``check`` is the command that fails), and 2, with one line on standard error, for a
usage or configuration mistake. A file that cannot be read is in the report with its error.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from mcvalidate import EXIT_OK, EXIT_USAGE, __version__
from mcvalidate.committee import Report, build
from mcvalidate.discover import replaced_atomically, working_directory, write_atomically
from mcvalidate.errors import McvalidateError, UsageError
from mcvalidate.findings import Severity
from mcvalidate.runner import Options, checker_for, configuration, files_of
from mcvalidate.text import visible

if TYPE_CHECKING:
    from mcvalidate.findings import FileResult

FORMATS = ("html", "md", "pdf")
PAPERS = ("a4", "letter")


@dataclass(frozen=True)
class Request:
    """What the command line asked of ``report`` beyond the files and the configuration:
    the format, where to write it, and the paper (None: the printer's own)."""

    output_format: str = "html"
    output: str | None = None
    paper: str | None = None


def run(options: Options, request: Request, stdout: TextIO, stderr: TextIO) -> int:
    """Write the report of ``options.paths``; 0, or 2 with one line on ``stderr``."""
    try:
        if request.output_format == "pdf" and not request.output:
            raise UsageError("--format pdf writes a file: give -o FILE.pdf")
        report = collect(options)
        _write(report, request, stdout)
    except McvalidateError as exc:
        stderr.write(f"mcvalidate: error: {visible(str(exc))}\n")
        return EXIT_USAGE
    return EXIT_OK


def collect(options: Options) -> Report:
    """The report's data: every framework of the run on every file, the courses kept."""
    working_directory()
    config = configuration(options)
    checker, _ = checker_for(config, options, scoped=False, keep_courses=True)
    found = files_of(options, config)
    results: list[FileResult] = [r for r in checker.check_files(found.files) if not r.skipped]
    results += [checker.unreadable_directory(*entry) for entry in found.unreadable]
    if not results:
        given = ", ".join(options.paths) or "."
        raise UsageError(f"no course file to report on in {visible(given)}")
    values = config.values
    return build(
        results,
        checker.selection,
        date=values.today or datetime.date.today(),
        version=__version__,
        fail_on=Severity(values.fail_on),
    )


def _write(report: Report, request: Request, stdout: TextIO) -> None:
    if request.output_format == "pdf":
        from mcvalidate.committee.pdf import render as pdf

        assert request.output is not None
        write_atomically(Path(request.output), pdf(report, request.paper))
        return
    if request.output_format == "html":
        from mcvalidate.committee.html import render

        text = render(report, request.paper)
    else:
        from mcvalidate.committee.markdown import render as markdown

        text = markdown(report)
    if request.output is None or request.output == "-":
        stdout.write(text)
        return
    with replaced_atomically(Path(request.output)) as stream:
        stream.write(text)
