"""Where the inputs are processed (this process, a process pool, Dask), their results handed back in input order."""

from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool

from timeline_app.core.batch import articles
from timeline_app.core.batch.articles import Result
from timeline_app.errors import TimelineError

log = logging.getLogger(__name__)

# What a runner yields: (input, its results), in input order.
Results = Generator[tuple[str, list[Result]], None, None]

# Inputs per task sent to a worker, at most: one round trip per input costs the parent more than
# the writing does. A task is also closed at CHUNK_BYTES of input files, so that large dumps travel
# one a task and a worker's answer stays small.
CHUNK_INPUTS = 16
CHUNK_BYTES = 1 << 20


def in_process(paths: Iterable[str], published: dt.date | None, known: frozenset[str],
               language: str | None = None) -> Results:
    for path in paths:
        yield path, articles.read_and_process(path, published, known, language)


def _input_size(path: str) -> int:
    if "://" in path:
        return CHUNK_BYTES  # a URL: unknown size, sent alone
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # the reader reports it


def chunked(paths: Iterable[str], most: int) -> Iterator[list[str]]:
    """Consecutive inputs grouped into tasks of at most `most` inputs and about CHUNK_BYTES."""
    chunk: list[str] = []
    size = 0
    for path in paths:
        n = _input_size(path)
        if chunk and (len(chunk) >= most or size + n > CHUNK_BYTES):
            yield chunk
            chunk, size = [], 0
        chunk.append(path)
        size += n
    if chunk:
        yield chunk


def chunk_inputs(total: int, workers: int) -> int:
    """Inputs per task: CHUNK_INPUTS, fewer for small imports so that every worker gets several tasks
    and progress moves in small steps."""
    return max(1, min(CHUNK_INPUTS, total // (workers * 8)))


def _ordered(submit: Callable[[list[str]], object], result: Callable[[object, list[str]], list[list[Result]]],
             cancel_one: Callable[[object], None], chunks: Iterable[list[str]],
             window: int) -> Iterator[tuple[str, list[Result]]]:
    """Keep `window` tasks in flight and hand back the results of their inputs in input order."""
    pending: deque[tuple[list[str], object]] = deque()

    def finished() -> Iterator[tuple[str, list[Result]]]:
        chunk, fut = pending.popleft()
        yield from zip(chunk, result(fut, chunk))

    try:
        for chunk in chunks:
            pending.append((chunk, submit(chunk)))
            if len(pending) >= window:
                yield from finished()
        while pending:
            yield from finished()
    finally:
        for _, fut in pending:
            if fut is not None:
                cancel_one(fut)


def in_process_pool(chunks: Iterable[list[str]], published: dt.date | None, known: frozenset[str],
                    workers: int, language: str | None = None) -> Results:
    """Inputs processed by `workers` processes; if the pool breaks (a worker killed by the system),
    the remaining inputs are processed here rather than lost."""
    # Spawned, not forked: forking a process that runs Qt threads is unsafe.
    ctx = multiprocessing.get_context("spawn")
    broken = False

    def note_broken(e: BaseException) -> None:
        nonlocal broken
        if not broken:
            log.warning("a worker process died (%s); going on in this process", e)
        broken = True

    pool = cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=articles.set_known, initargs=(known,))

    def submit(chunk: list[str]) -> cf.Future | None:
        if not broken:
            try:
                return pool.submit(articles.read_chunk, chunk, published, None, language)
            except BrokenProcessPool as e:
                note_broken(e)
        return None

    def result(fut: cf.Future | None, chunk: list[str]) -> list[list[Result]]:
        if fut is not None:
            try:
                return fut.result()
            except BrokenProcessPool as e:
                note_broken(e)
        return [articles.read_and_process(path, published, known, language) for path in chunk]

    done = False
    try:
        yield from _ordered(submit, result, lambda f: f.cancel(), chunks, workers * 4)
        done = True
    finally:
        if done:
            pool.shutdown(wait=True)
        else:
            _stop_pool(pool)


def _stop_pool(pool: cf.ProcessPoolExecutor) -> None:
    """Interrupted or cancelled: drop the queued tasks and stop the workers now, not after their tasks.

    WORKAROUND: before Python 3.14 (terminate_workers) the pool has no public way to stop its
    workers, and waiting for them after Ctrl-C can hang when the interrupt lands in the pool's own
    bookkeeping. Nothing is lost: what the workers had not handed back was never written.
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=10)


def on_dask(chunks: Iterable[list[str]], published: dt.date | None, known: frozenset[str],
            address: str, workers: int | None, language: str | None = None) -> Results:
    """Inputs processed on a Dask cluster: a LocalCluster ("local") or the scheduler at `address`, which
    is given the app's code first (core/batch/cluster/)."""
    try:
        # deferred: an optional package (requirements-dev.txt), 290 ms at start-up measured with
        # -X importtime; only --dask needs it.
        from timeline_app.core.batch.cluster import session
        from timeline_app.core.batch.cluster.remote import ByName
    except ImportError as e:
        raise TimelineError("--dask needs the 'distributed' package: pip install \"dask[distributed]\".") from e
    with session.ready_client(address, workers) as client:
        chunks = session.inputs_for(client, address, chunks)
        known_future = client.scatter(known, broadcast=True) if known else frozenset()
        n = sum(client.ncores().values()) or 1
        # Named, not pickled by reference: the scheduler unpickles the tasks without the app's requirements.
        task = ByName.of(articles.read_chunk)
        yield from _ordered(
            lambda chunk: client.submit(task, chunk, published, known_future, language, pure=False),
            lambda f, chunk: f.result(), lambda f: f.cancel(), chunks, n * 4)
