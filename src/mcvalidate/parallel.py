"""Checking files serially or in several processes, with the same results in the same order,
each result handed on as soon as it is known.

Below :data:`PARALLEL_FROM` files a second process costs more (its start-up) than it saves.
In parallel, each worker builds its own checker from the run's options (the same packs, the
same settings) and results come back in the files' order, so the report is identical to a
serial run's.
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import os
import signal
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from mcvalidate.engine import Checker
from mcvalidate.findings import FileResult

if TYPE_CHECKING:
    from concurrent.futures import Future

PARALLEL_FROM = 64
MOST_PER_CORE = 4
# Chunks submitted ahead per worker: enough that no worker waits for the next, few enough that
# results waiting behind a slow chunk stay few.
IN_FLIGHT = 4
_WORKER: Checker | None = None
Options = TypeVar("Options")


def jobs_for(requested: int | None, files: int) -> int:
    """How many processes to check ``files`` files with: ``requested`` (``--jobs``, at most
    four per core), else one per core from 64 files on, at most one per 32 files, so that each
    worker's start-up pays for itself."""
    cores = _cores()
    if requested is not None:
        # Never more processes than files, nor so many more than cores that starting them
        # costs more than it gives (-j 99999 would start one per file).
        return max(1, min(requested, files, MOST_PER_CORE * cores))
    if files < PARALLEL_FROM:
        return 1
    return max(1, min(cores, files // (PARALLEL_FROM // 2)))


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def check_all(
    checker: Checker,
    files: Iterable[tuple[Path, str]],
    requested: int | None,
    prepare: Callable[[Options], Checker],
    options: Options,
) -> Iterator[FileResult]:
    """Check ``files`` in order, in as many processes as :func:`jobs_for` says for
    ``requested`` (``--jobs``); each worker makes its checker with ``prepare(options)``.

    Results come back as they are known, in the files' order, and no more than a few chunks
    per worker are in flight: neither the files nor the results are ever all in memory. A
    worker that dies (a crash in native code, ``os._exit``, killed for memory) loses no other
    file's result: the files it had not returned are checked again one at a time, each in a
    process of its own, and the one that ends its process is an MC008 finding naming it; the
    rest go on in a new pool. Workers leave with the run: they ignore Ctrl-C (the run itself
    stops and says so) and end themselves when the run is gone, whatever ended it.
    """
    files = iter(files)
    # Enough files to decide: past this many, every count gives the same number of jobs.
    head = list(itertools.islice(files, max(PARALLEL_FROM, PARALLEL_FROM // 2 * _cores())))
    jobs = jobs_for(requested, len(head))
    if jobs == 1:
        yield from checker.check_files(itertools.chain(head, files))
        return
    size = max(1, min(64, len(head) // (jobs * 4)))
    chunks = _chunks(itertools.chain(head, files), size)
    with _terminated_cleanly():
        while (broken := (yield from _in_pool(chunks, jobs, prepare, options))) is not None:
            flight, unsent = broken
            for chunk, future in flight:
                if future.done() and not future.cancelled() and future.exception() is None:
                    yield from future.result()
                else:  # each file alone: the one that ends its process is found
                    yield from (_alone(checker, file, prepare, options) for file in chunk)
            if unsent is not None:  # never sent, so not the culprit: on to the next pool
                chunks = itertools.chain([unsent], chunks)


Chunk = list[tuple[Path, str]]
# A chunk sent to a pool, and the future of its results.
Sent = tuple[Chunk, "Future[list[FileResult]]"]


def _chunks(files: Iterator[tuple[Path, str]], size: int) -> Iterator[Chunk]:
    while chunk := list(itertools.islice(files, size)):
        yield chunk


def _in_pool(
    chunks: Iterator[Chunk],
    jobs: int,
    prepare: Callable[[Options], Checker],
    options: Options,
) -> Generator[FileResult, None, tuple[list[Sent], Chunk | None] | None]:
    """Check ``chunks`` in a pool of ``jobs`` workers, yielding the results in order, with at
    most :data:`IN_FLIGHT` chunks per worker submitted ahead. Returns None once every chunk
    is done. When a worker dies, returns the chunks in flight with their futures (some may
    be done), and the chunk the broken pool refused, if any; the chunks not yet taken are
    left in ``chunks`` for a new pool."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(
        jobs, _context(), initializer=_start_worker, initargs=(prepare, options, os.getpid())
    )
    flight: collections.deque[Sent] = collections.deque()
    try:
        while True:
            while len(flight) < jobs * IN_FLIGHT and (chunk := next(chunks, None)):
                try:  # a worker may have died since the last result: the pool refuses
                    with _signals_held():
                        flight.append((chunk, pool.submit(_check_chunk, chunk)))
                except BrokenProcessPool:
                    return list(flight), chunk
            if not flight:
                return None
            try:
                results = flight[0][1].result()
            except BrokenProcessPool:
                return list(flight), None
            flight.popleft()
            yield from results
    except BaseException:  # Ctrl-C, SIGTERM: stop the workers now, not after their files
        _stop(pool)
        # Then wait for the pool's own thread to see them gone: left running, it may be woken
        # at interpreter exit through a pipe already closed (an "Exception ignored" traceback).
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


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
            with _signals_held():
                future = pool.submit(_check_chunk, [file])
            return future.result()[0]
        except BrokenProcessPool:
            return checker.crashed(file[1])


# The signals that stop a run. While a pool starts its workers (in ``submit``) they wait: one
# arriving in the middle would leave the pool half made (its thread created, not yet started,
# so shutting it down fails), and a worker forked but not yet set up would take the run's own
# handlers for its own. A worker lets them in once it has set its own (:func:`_start_worker`).
_STOPPING = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask"):  # Windows: workers are spawned, not forked
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


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
    if hasattr(signal, "pthread_sigmask"):  # held since the fork (_signals_held)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)
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
