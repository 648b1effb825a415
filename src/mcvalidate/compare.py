"""``mcvalidate matrix``: check the files against every framework of the run, whatever their
scope, and write the matrix in the format asked for.

The files are found and configured as ``check`` finds them (the same configuration file,
``exclude`` and ``--framework``); one checker applies every pack to every file
(``scoped=False``), so each file is read and parsed once for all the frameworks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from mcvalidate import EXIT_OK, EXIT_USAGE
from mcvalidate.errors import McvalidateError, UsageError
from mcvalidate.matrix import Matrix
from mcvalidate.runner import Options, checker_for, configuration, files_of
from mcvalidate.text import visible

if TYPE_CHECKING:
    from collections.abc import Callable

    from mcvalidate.matrix import Matrix as MatrixType


def _writer(output_format: str) -> Callable[[MatrixType, TextIO, str], None]:
    """The ``write`` of the format's module (imported only when used: one module a format)."""
    import importlib

    module = importlib.import_module(f"mcvalidate.matrix.{output_format}")
    write: Callable[[MatrixType, TextIO, str], None] = module.write
    return write


def run(options: Options, output_format: str, stdout: TextIO, stderr: TextIO) -> int:
    """Write the matrix of ``options.paths``; 0, or 2 with one line on ``stderr`` for a usage
    or configuration mistake (the matrix reports, it does not fail: ``check`` does)."""
    try:
        matrix = build(options)
    except McvalidateError as exc:
        stderr.write(f"mcvalidate: error: {visible(str(exc))}\n")
        return EXIT_USAGE
    _writer(output_format)(matrix, stdout, options.color)
    return EXIT_OK


def build(options: Options) -> Matrix:
    """The matrix of the files ``options`` names, under the run's framework packs."""
    config = configuration(options)
    checker, _ = checker_for(config, options, scoped=False)
    matrix = Matrix(checker.selection)
    if not matrix.columns:
        raise UsageError("no framework pack is applied: name one with --framework")
    found = files_of(options, config)
    for result in checker.check_files(found.files):
        if not result.skipped:
            matrix.add(result)
    for entry in found.unreadable:
        matrix.add(checker.unreadable_directory(*entry))
    if not matrix.rows:
        given = ", ".join(options.paths) or "."
        raise UsageError(f"no course file to check in {visible(given)}")
    return matrix
