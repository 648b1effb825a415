"""``mcvalidate export``: check each file for what the target needs, then write the target's
document for each file that passes, and refuse (with the findings) the others.

A file is checked as ``mcvalidate check --framework <target's pack>`` checks it (the course
format, the target's profile pack, and the frameworks the run names), from the same
configuration; a file with an error gets no document, and the run exits 1, so that nothing
invalid reaches a badge platform or a registry. One file goes to standard output or to
``--output FILE``; several go to the directory ``--output DIR``, a document per course
(named by its id). A target of rows (``listing``) writes one table for all the files.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from mcvalidate import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from mcvalidate.discover import display_path, replaced_atomically, working_directory
from mcvalidate.errors import McvalidateError, UsageError
from mcvalidate.export import TARGETS, Job, Target
from mcvalidate.findings import Severity
from mcvalidate.format_rules import FORMAT_PACK
from mcvalidate.report import Run, Tally, plural
from mcvalidate.reporters import reporter
from mcvalidate.runner import Options, checker_for, configuration, files_of
from mcvalidate.text import visible

if TYPE_CHECKING:
    from mcvalidate.findings import FileResult


@dataclass(frozen=True)
class Request:
    """What the command line asked of ``export`` beyond the files and the configuration."""

    to: str
    output: str | None = None
    base_url: str | None = None
    credential_template: bool = False
    # For a target of rows: csv or json (default: from the output's suffix, else csv).
    rows_format: str | None = None


def run(options: Options, request: Request, stdout: TextIO, stderr: TextIO) -> int:
    """Export the files of ``options``; 0, 1 when a file was refused (its findings are on
    ``stderr``), or 2 with one line on ``stderr`` for a usage or configuration mistake."""
    try:
        return _run(options, request, stdout, stderr)
    except McvalidateError as exc:
        stderr.write(f"mcvalidate: error: {visible(str(exc))}\n")
        return EXIT_USAGE


def _run(options: Options, request: Request, stdout: TextIO, stderr: TextIO) -> int:
    working_directory()
    target = TARGETS[request.to]
    # The target's needs (else only the format's own checks), and the frameworks asked for.
    options = replace(options, frameworks=[*options.frameworks, target.pack or FORMAT_PACK.name])
    config = configuration(options)
    base_url = request.base_url or config.values.export.base_url
    checker, _ = checker_for(config, options, keep_courses=True)
    found = files_of(options, config)
    results = [r for r in checker.check_files(found.files) if not r.skipped]
    results += [checker.unreadable_directory(*entry) for entry in found.unreadable]
    if not results:
        given = ", ".join(options.paths) or "."
        raise UsageError(f"no course file to export in {visible(given)}")
    refused = [r for r in results if _refused(r)]
    passed = [r for r in results if not _refused(r)]
    documents = [(r, _build(target, r, base_url, request, config.values.today)) for r in passed]
    write = _rows if target.rows else _documents
    write(target, documents, request, len(results), stdout, stderr)
    if refused:
        _report(refused, checker, stderr)
        asked = " ".join(f"--framework {name}" for name in options.frameworks)
        count = len(refused)
        stderr.write(
            f"mcvalidate: {count} file{plural(count)} not exported: fix the errors above "
            f"('mcvalidate check {asked}' shows them too)\n"
        )
        return EXIT_FINDINGS
    return EXIT_OK


def _refused(result: FileResult) -> bool:
    """True for a file that gets no document: no course could be read, or an error."""
    return result.course is None or any(f.severity is Severity.ERROR for f in result.findings)


def _build(
    target: Target, result: FileResult, base_url: str | None, request: Request, today: Any
) -> Any:
    course = result.course
    assert course is not None
    job = Job(
        course_id=course.id or Path(result.path).name.split(".")[0],
        base_url=base_url.rstrip("/") if base_url else None,
        credential_template=request.credential_template,
        today=today,
    )
    return job.course_id, target.builder()(course, job)


def _documents(
    target: Target,
    documents: list[tuple[FileResult, Any]],
    request: Request,
    files: int,
    stdout: TextIO,
    stderr: TextIO,
) -> None:
    """One document per course: to standard output or ``--output FILE`` for one file, into
    the directory ``--output DIR`` for several."""
    output = Path(request.output) if request.output else None
    if files > 1 or (output is not None and output.is_dir()):
        if output is None:
            raise UsageError("several files export to a directory: give --output DIR")
        # Every name is worked out before anything is written: a clash writes nothing.
        written: dict[Path, tuple[str, Any]] = {}
        for result, (course_id, document) in documents:
            path = output / f"{course_id}{target.suffix}"
            if path in written:
                raise UsageError(
                    f"{visible(result.path)} and {visible(written[path][0])} have the same id "
                    f"'{visible(course_id)}': each needs its own to be exported to {output}"
                )
            written[path] = (result.path, document)
        output.mkdir(parents=True, exist_ok=True)
        for path, (_, document) in written.items():
            with replaced_atomically(path) as stream:
                _dump(document, stream)
        count = len(written)
        stderr.write(f"mcvalidate: wrote {count} file{plural(count)} to {display_path(output)}\n")
        return
    for _, (_, document) in documents:
        if output is None:
            _dump(document, stdout)
        else:
            with replaced_atomically(output) as stream:
                _dump(document, stream)


def _dump(document: Any, stream: TextIO) -> None:
    json.dump(document, stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def _rows(
    target: Target,
    documents: list[tuple[FileResult, Any]],
    request: Request,
    files: int,
    stdout: TextIO,
    stderr: TextIO,
) -> None:
    """One table for every course: CSV (a header, a line per course) or a JSON list."""
    output = Path(request.output) if request.output else None
    chosen = request.rows_format or (
        "json" if output is not None and output.suffix.lower() == ".json" else "csv"
    )
    rows = [row for _, (_, row) in documents]
    if output is None:
        _table(rows, chosen, stdout)
        return
    with replaced_atomically(output) as stream:
        _table(rows, chosen, stream)


def _table(rows: list[dict[str, str]], chosen: str, stream: TextIO) -> None:
    if chosen == "json":
        _dump(rows, stream)
        return
    from mcvalidate.export.listing import COLUMNS

    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def _report(refused: list[FileResult], checker: Any, stderr: TextIO) -> None:
    """The findings of the refused files, as ``check`` shows them, on standard error."""
    tally = Tally(Severity.ERROR)
    out = reporter("text")(Run((), tally.fail_on, rules=checker.selection.by_id), stderr)
    for result in refused:
        tally.add(result)
        out.add(result)
    out.close(tally)
