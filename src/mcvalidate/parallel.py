"""Checking files serially or in several processes, with the same results in the same order.

Below :data:`PARALLEL_FROM` files a second process costs more (its start-up) than it saves.
In parallel, each worker builds its own checker from the run's options (the same packs, the
same settings) and results come back in the files' order, so the report is identical to a
serial run's.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

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
    ``prepare(options)``.

    A worker that dies (a crash in native code, ``os._exit``, killed for memory) loses no
    other file's result: the files it had not returned are checked again one at a time, each
    in a process of its own, and the one that ends its process is an MC008 finding naming it.
    Workers leave with the run: they ignore Ctrl-C (the run itself stops and says so) and end
    themselves when the run is gone, whatever ended it.
    """
    if jobs == 1:
        return list(checker.check_files(files))
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = _context()
    size = max(1, min(64, len(files) // (jobs * 4)))
    chunks = [list(files[i : i + size]) for i in range(0, len(files), size)]
    done: dict[int, list[FileResult]] = {}
    pool = ProcessPoolExecutor(
        jobs, context, initializer=_start_worker, initargs=(prepare, options, os.getpid())
    )
    futures: list[Any] = []
    with _terminated_cleanly():
        try:
            futures = [pool.submit(_check_chunk, chunk) for chunk in chunks]
            for index, future in enumerate(futures):
                done[index] = future.result()
        except BrokenProcessPool:
            for index, future in enumerate(futures):
                if index not in done and future.done() and future.exception() is None:
                    done[index] = future.result()
        except BaseException:  # Ctrl-C, SIGTERM: stop the workers now, not after their files
            _stop(pool)
            raise
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
    results: list[FileResult] = []
    for index, chunk in enumerate(chunks):
        if index in done:
            results.extend(done[index])
        else:
            results.extend(_alone(checker, file, prepare, options) for file in chunk)
    return results


def _stop(pool: Any) -> None:
    """End a pool's workers at once (shutting down alone waits for the files they check)."""
    for process in list(getattr(pool, "_processes", {}).values()):
        with contextlib.suppress(OSError):
            process.terminate()


def _context() -> Any:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _alone(
    checker: Checker,
    file: tuple[Path, str],
    prepare: Callable[[Options], Checker],
    options: Options,
) -> FileResult:
    """Check one file in a process of its own: if the process dies, this file killed it."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(
        1, _context(), initializer=_start_worker, initargs=(prepare, options, os.getpid())
    ) as pool:
        try:
            return pool.submit(_check_chunk, [file]).result()[0]
        except BrokenProcessPool:
            return checker.crashed(file[1])


@contextlib.contextmanager
def _terminated_cleanly() -> Iterator[None]:
    """While workers run, SIGTERM ends the run as an exception does (so the pool is shut
    down), with the exit code a shell expects of it (143)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _start_worker(prepare: Callable[[Options], Checker], options: Options, parent: int) -> None:
    global _WORKER
    # Ctrl-C reaches the whole process group: the run stops and says so; a worker says nothing.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The run's own SIGTERM handler (inherited through fork) would raise inside a rule, which
    # a rule's isolation catches: a worker told to stop must simply stop.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(os, "getppid"):
        threading.Thread(target=_leave_with, args=(parent,), daemon=True).start()
    _WORKER = prepare(options)


def _leave_with(parent: int) -> None:
    """End this worker when the run that started it is gone (killed, even with SIGKILL)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _check_chunk(files: list[tuple[Path, str]]) -> list[FileResult]:
    assert _WORKER is not None
    return [_WORKER.check_file(*file) for file in files]
