"""Where the inputs are processed (this process, worker processes, Dask), their results handed on as they come."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator

from timeline_app.core.batch.pool import WorkerPool
from timeline_app.core.batch.pools import ARTICLES, Named, worker_pool
from timeline_app.core.batch.results import Result
from timeline_app.core.budget import TIME_BUDGET
from timeline_app.errors import TimelineError

log = logging.getLogger(__name__)

# What a runner yields: (input, some of its results, whether that input is done). An input's results
# come in order; inputs may finish in any order.
Results = Generator[tuple[str, list[Result], bool], None, None]

# Inputs per task sent to a worker, at most: one round trip per input costs the parent more than
# the writing does. A task is also closed at CHUNK_BYTES of input files, so that large dumps travel
# one a task.
CHUNK_INPUTS = 16
CHUNK_BYTES = 1 << 20


# The extraction, imported by the first article read in this process: the window, which imports this
# module, processes nothing itself on a first start (the samples' worker does) nor on later ones.
_load_tables = Named(ARTICLES, "load_tables")
_iter_results = Named(ARTICLES, "iter_results")


def in_process(paths: Iterable[str], published: dt.date | None, known: frozenset[str],
               language: str | None = None, seconds: float | None = TIME_BUDGET) -> Results:
    _load_tables()
    for path in paths:
        for result in _iter_results(path, published, known, language, seconds):
            yield path, [result], False
        yield path, [], True


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


def in_process_pool(chunks: Iterable[list[str]], published: dt.date | None, known: frozenset[str],
                    workers: int, language: str | None = None, seconds: float | None = TIME_BUDGET,
                    pool: WorkerPool | None = None, ready: Callable[[int], None] | None = None) -> Results:
    """Inputs processed by `workers` worker processes (core.batch.pool), results handed on as they are
    made; a worker stuck past the time budget is replaced and its input skipped. `pool`: one made with
    these settings and started earlier (pools.worker_pool), used instead of a new one. `ready(n)`: told
    the number of workers ready each time one has loaded its tables."""
    yield from (pool or worker_pool(workers, published, known, language, seconds)).run(chunks, ready)


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


def on_dask(chunks: Iterable[list[str]], published: dt.date | None, known: frozenset[str],
            address: str, workers: int | None, language: str | None = None,
            seconds: float | None = TIME_BUDGET) -> Results:
    """Inputs processed on a Dask cluster: a LocalCluster ("local") or the scheduler at `address`, which
    is given the app's code first (core/batch/cluster/). The time budget is checked in the work only:
    Dask's workers are not ours to stop."""
    try:
        # deferred: an optional package (requirements-dev.txt), 290 ms at start-up measured with
        # -X importtime; only --dask needs it.
        from timeline_app.core.batch.cluster import session
        from timeline_app.core.batch.cluster.remote import ByName
        from timeline_app.core.batch import articles
    except ImportError as e:
        raise TimelineError("--dask needs the 'distributed' package: pip install \"dask[distributed]\".") from e
    with session.ready_client(address, workers) as client:
        chunks = session.inputs_for(client, address, chunks)
        known_future = client.scatter(known, broadcast=True) if known else frozenset()
        n = sum(client.ncores().values()) or 1
        # Named, not pickled by reference: the scheduler unpickles the tasks without the app's requirements.
        task = ByName.of(articles.read_chunk)
        for path, items in _ordered(
                lambda chunk: client.submit(task, chunk, published, known_future, language, seconds, pure=False),
                lambda f, chunk: f.result(), lambda f: f.cancel(), chunks, n * 4):
            yield path, items, True
