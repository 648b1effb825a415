"""Checking files serially or in several processes, with the same results in the same order.

Below :data:`PARALLEL_FROM` files a second process costs more (its start-up) than it saves.
In parallel, each worker builds its own checker from the run's options (the same packs, the
same settings) and results come back in the files' order, so the report is identical to a
serial run's.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from mcvalidate.engine import Checker
from mcvalidate.findings import FileResult

PARALLEL_FROM = 64
MOST_PER_CORE = 4
_WORKER: Checker | None = None
Options = TypeVar("Options")


def jobs_for(requested: int | None, files: int) -> int:
    """How many processes to check ``files`` files with: ``requested`` (``--jobs``, at most
    four per core), else one per core from 64 files on, at most one per 32 files, so that each
    worker's start-up pays for itself."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if requested is not None:
        # Never more processes than files, nor so many more than cores that starting them
        # costs more than it gives (-j 99999 would start one per file).
        return max(1, min(requested, files, MOST_PER_CORE * (cores or 1)))
    if files < PARALLEL_FROM:
        return 1
    return max(1, min(cores or 1, files // (PARALLEL_FROM // 2)))


def check_all(
    checker: Checker,
    files: Sequence[tuple[Path, str]],
    jobs: int,
    prepare: Callable[[Options], Checker],
    options: Options,
) -> list[FileResult]:
    """Check ``files`` in order, in ``jobs`` processes; each worker makes its checker with
    ``prepare(options)``."""
    if jobs == 1:
        return list(checker.check_files(files))
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    chunk = max(1, min(64, len(files) // (jobs * 4)))
    with ProcessPoolExecutor(
        jobs, context, initializer=_start_worker, initargs=(prepare, options)
    ) as pool:
        return list(pool.map(_check_in_worker, files, chunksize=chunk))


def _start_worker(prepare: Callable[[Options], Checker], options: Options) -> None:
    global _WORKER
    _WORKER = prepare(options)


def _check_in_worker(file: tuple[Path, str]) -> FileResult:
    assert _WORKER is not None
    return _WORKER.check_file(*file)
