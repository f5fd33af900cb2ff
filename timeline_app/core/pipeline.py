"""Load -> tag -> resolve -> extract -> store, with progress through a plain callback.

Inputs are enumerated lazily and processed in one of three ways that give the same rows: in this
process (`workers=1`), in a process pool (the default for large inputs: one worker per core), or on
a dask.distributed cluster (`dask="local"` or a scheduler address). Workers take tasks of several
inputs and answer with the rows the library stores, as plain tuples, so that the one writer (this
process) spends little CPU per article. Results are written as they come, in batches, so memory stays
bounded by the batch size and an interrupted run keeps every batch it finished. Articles already in
the library (same content hash) are not processed again.
"""

from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

import pyarrow as pa
import pyarrow.parquet as pq

from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.ingest import iter_articles, walk_folder
from timeline_app.core.library import columns as col
from timeline_app.core.library.store import ARTICLE_FIELDS, MENTION_FIELDS, Library, article_row, mention_rows
from timeline_app.core.models import Article, DateSource, EventMention, SkippedInput
from timeline_app.core.progress import Cancel, Job, Progress
from timeline_app.core.temporal import default_rules, find_dates
from timeline_app.errors import TimelineError

log = logging.getLogger(__name__)

# Below this many inputs a process pool costs more (start-up, imports) than it saves.
POOL_THRESHOLD = 24
# Articles written per transaction.
BATCH_SIZE = 100
# Inputs per task sent to a worker, at most: one round trip per input costs the parent more than
# the writing does. A task is also closed at CHUNK_BYTES of input files, so that large dumps travel
# one a task and a worker's answer stays small.
CHUNK_INPUTS = 16
CHUNK_BYTES = 1 << 20


@dataclass(frozen=True)
class ProcessedArticle:
    article: Article
    mentions: tuple[EventMention, ...]


class ArticleRows(NamedTuple):
    """A processed article as the library stores it: store.article_row and store.mention_rows.

    Workers send these plain tuples rather than a ProcessedArticle: unpickling dataclasses, enums
    and dates cost the parent more CPU than writing them to SQLite.
    """

    article: tuple
    mentions: list[tuple]


@dataclass(frozen=True)
class KnownArticle:
    """An article skipped before extraction because the library already holds its text."""

    path: str


@dataclass
class ImportReport:
    added: int = 0
    duplicates: int = 0
    skipped: list[SkippedInput] = field(default_factory=list)
    needs_date: list[int] = field(default_factory=list)
    added_ids: list[int] = field(default_factory=list)
    mentions: int = 0
    inputs_done: int = 0
    inputs_total: int = 0
    cancelled: bool = False

    def summary(self) -> str:
        """One line: "8 articles added, 1 already in the library, 2 skipped"."""
        parts = [f"{self.added} article{'s' if self.added != 1 else ''} added"]
        if self.duplicates:
            parts.append(f"{self.duplicates} already in the library")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        if self.needs_date:
            parts.append(f"{len(self.needs_date)} need a publication date")
        if self.cancelled:
            parts.append(f"cancelled after {self.inputs_done} of {self.inputs_total} inputs")
        return ", ".join(parts)

    def details(self) -> str:
        """The skipped inputs, one a line with their reasons."""
        return "\n".join(f"{s.path}: {s.reason}" for s in self.skipped)


def process_article(article: Article) -> ProcessedArticle:
    """Find the dates and countries of one article and turn them into event mentions."""
    dates = find_dates(article.text, article.published)
    entities = Gazetteer.default().tag(article.text, article.published)
    mentions = extract_event_mentions(article.text, dates, entities, article.published)
    return ProcessedArticle(article, tuple(mentions))


def expand_inputs(inputs: Iterable[str | Path]) -> Iterator[str]:
    """Files, in order, under the given files and folders (folders walked sorted); URLs as given."""
    for item in inputs:
        text = str(item)
        if "://" in text:
            yield text
            continue
        path = Path(text)
        if not path.is_dir():
            yield text
            continue
        found_any = False
        for file in walk_folder(path):  # the readers' own walk, so both see the same files
            found_any = True
            yield str(file)
        if not found_any:
            yield text  # the readers report it: "empty folder: no files to read"


Result = ArticleRows | SkippedInput | KnownArticle

# Hashes of the articles already in the library, set once per worker process.
_KNOWN: frozenset[str] = frozenset()


def _set_known(known: frozenset[str]) -> None:
    """Worker start-up: remember the library's hashes and load the rule tables once, up front."""
    global _KNOWN
    _KNOWN = known
    default_rules()
    Gazetteer.default()


def read_and_process(path: str, published: dt.date | None,
                     known: frozenset[str] | None = None) -> list[Result]:
    """Worker body: every article of one input, processed unless the library already has it."""
    skip = _KNOWN if known is None else known
    out: list[Result] = []
    try:
        items = list(iter_articles([path], published=published))
    except Exception as e:  # noqa: BLE001 - a reader bug must not stop a whole import
        log.exception("reading failed on %s", path)
        return [SkippedInput(path, f"could not be read: {e}")]
    for item in items:
        if isinstance(item, SkippedInput):
            out.append(item)
        elif item.hash in skip:
            out.append(KnownArticle(item.source_path or path))
        else:
            try:
                processed = process_article(item)
                out.append(ArticleRows(article_row(item), mention_rows(processed.mentions)))
            except Exception as e:  # noqa: BLE001 - one bad article must not stop an import
                log.exception("extraction failed on %s", item.source_path)
                out.append(SkippedInput(item.source_path or path, f"extraction failed: {e}"))
    return out


def read_chunk(paths: list[str], published: dt.date | None,
               known: frozenset[str] | None = None) -> list[list[Result]]:
    """Worker body for one task: read_and_process on each of several inputs."""
    return [read_and_process(path, published, known) for path in paths]


def _in_process(paths: Iterable[str], published: dt.date | None,
                known: frozenset[str]) -> Iterator[tuple[str, list[Result]]]:
    for path in paths:
        yield path, read_and_process(path, published, known)


def _input_size(path: str) -> int:
    if "://" in path:
        return CHUNK_BYTES  # a URL: unknown size, sent alone
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # the reader reports it


def _chunks(paths: Iterable[str], most: int) -> Iterator[list[str]]:
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


def _chunk_inputs(total: int, workers: int) -> int:
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


def _process_pool(chunks: Iterable[list[str]], published: dt.date | None, known: frozenset[str],
                  workers: int) -> Iterator[tuple[str, list[Result]]]:
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

    pool = cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_set_known, initargs=(known,))

    def submit(chunk: list[str]) -> cf.Future | None:
        if not broken:
            try:
                return pool.submit(read_chunk, chunk, published)
            except BrokenProcessPool as e:
                note_broken(e)
        return None

    def result(fut: cf.Future | None, chunk: list[str]) -> list[list[Result]]:
        if fut is not None:
            try:
                return fut.result()
            except BrokenProcessPool as e:
                note_broken(e)
        return [read_and_process(path, published, known) for path in chunk]

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


def _dask(chunks: Iterable[list[str]], published: dt.date | None, known: frozenset[str],
          address: str, workers: int | None) -> Iterator[tuple[str, list[Result]]]:
    try:
        # deferred: an optional package (requirements-dev.txt), 290 ms at start-up measured with
        # -X importtime; only --dask needs it.
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise TimelineError("--dask needs the 'distributed' package: pip install \"dask[distributed]\".") from e
    cluster = None
    try:
        if address == "local":
            cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(address, timeout="20s")
    except OSError as e:
        raise TimelineError(f"Cannot reach the Dask scheduler at {address}: {e}.") from e
    try:
        known_future = client.scatter(known, broadcast=True) if known else frozenset()
        n = sum(client.ncores().values()) or 1
        yield from _ordered(
            lambda chunk: client.submit(read_chunk, chunk, published, known_future, pure=False),
            lambda f, chunk: f.result(), lambda f: f.cancel(), chunks, n * 4)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


class _ParquetSink:
    """Mentions streamed to DIR/mentions.parquet, one row group per batch."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        ints = {col.MENTION_ID, col.ARTICLE_ID, col.CHAR_START, col.CHAR_END, col.QUAD_CLASS, col.EVIDENCE_START,
                col.EVIDENCE_END}
        fields = [(c, pa.int64() if c in ints else pa.bool_() if c == col.OPEN_END else pa.string())
                  for c in col.MENTION_COLUMNS if c not in (col.MENTION_ID, col.EVENT_ID)]
        self.schema = pa.schema(fields)
        self.path = directory / "mentions.parquet"
        self._writer = pq.ParquetWriter(str(self.path), self.schema)

    def write(self, rows: list[dict]) -> None:
        if rows:
            self._writer.write_table(pa.Table.from_pylist(rows, schema=self.schema))

    def close(self) -> None:
        self._writer.close()


# Positions in store.article_row (the SQL table's columns) of what the Parquet rows take from the article.
_PUBLISHED = ARTICLE_FIELDS.index("published")
_PARQUET_FROM_ARTICLE = {col.SOURCE_PATH: ARTICLE_FIELDS.index("source_path"),
                         col.ARTICLE_TITLE: ARTICLE_FIELDS.index("title")}


def _parquet_rows(article_id: int, rows: ArticleRows) -> list[dict]:
    """The Parquet rows (frames.MENTION_COLUMNS) of one stored article."""
    shared = {col.ARTICLE_ID: article_id, col.PUBLICATION_DATE: rows.article[_PUBLISHED] or "",
              **{name: rows.article[i] for name, i in _PARQUET_FROM_ARTICLE.items()}}
    out = []
    for m in rows.mentions:
        row = {**shared, **dict(zip(MENTION_FIELDS, m))}
        row[col.OPEN_END] = bool(row[col.OPEN_END])
        out.append(row)
    return out


def import_inputs(
    inputs: Iterable[str | Path],
    library_path: str | Path,
    published: dt.date | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    workers: int | None = None,
    dask: str | None = None,
    parquet_dir: str | Path | None = None,
) -> ImportReport:
    """Read every input, extract its events and store them; what finished stays when cancelled.

    `workers`: None chooses (in-process for small inputs, one process per core otherwise), 1 runs
    in this process, N uses N processes. `dask`: "local" or "tcp://host:port" runs on Dask instead.
    A KeyboardInterrupt keeps every batch written before it and propagates.
    """
    paths = list(expand_inputs(inputs))  # paths only: cheap, and gives the progress total
    report = ImportReport(inputs_total=len(paths))
    if progress:
        progress(0, len(paths), "")
    sink = _ParquetSink(Path(parquet_dir)) if parquet_dir else None
    with Library(library_path) as library:
        known = frozenset(library.known_hashes())
        n_workers = workers if workers is not None else (1 if len(paths) < POOL_THRESHOLD else os.cpu_count() or 1)
        chunks = _chunks(paths, _chunk_inputs(len(paths), n_workers))  # lazy, for the pool and Dask
        if dask:
            results = _dask(chunks, published, known, dask, workers)
        elif n_workers <= 1:
            results = _in_process(paths, published, known)
        else:
            results = _process_pool(chunks, published, known, n_workers)
        batch: list[ArticleRows] = []

        def flush() -> None:
            stored = library.add_rows(batch)
            rows: list[dict] = []
            for processed, article_id in zip(batch, stored):
                if article_id is None:
                    report.duplicates += 1
                    continue
                report.added += 1
                report.added_ids.append(article_id)
                report.mentions += len(processed.mentions)
                if processed.article[_PUBLISHED] is None:
                    report.needs_date.append(article_id)
                if sink:
                    rows.extend(_parquet_rows(article_id, processed))
            if sink:
                sink.write(rows)
            batch.clear()

        try:
            for path, items in results:
                for item in items:
                    if isinstance(item, SkippedInput):
                        report.skipped.append(item)
                    elif isinstance(item, KnownArticle):
                        report.duplicates += 1
                    else:
                        batch.append(item)
                if len(batch) >= BATCH_SIZE:
                    flush()
                report.inputs_done += 1
                if progress:
                    progress(report.inputs_done, len(paths), path)
                if cancel and cancel():
                    report.cancelled = report.inputs_done < len(paths)
                    break
        finally:
            # Also on KeyboardInterrupt: what was finished is written before the interrupt goes on.
            flush()
            if hasattr(results, "close"):
                results.close()
            if sink:
                sink.close()
    log.info("import: %s", report.summary())
    return report


def set_publication_date(library_path: str | Path, article_id: int, published: dt.date) -> int:
    """Give an article its publication date (user-given) and re-resolve its events; returns their count."""
    with Library(library_path) as library:
        article = replace(library.article(article_id), published=published,
                          published_source=DateSource.USER)
        processed = process_article(article)
        library.replace_mentions(article_id, processed.mentions, published, DateSource.USER)
        return len(processed.mentions)


def set_publication_dates(library_path: str | Path, dates: dict[int, dt.date], progress: Progress | None = None,
                          cancel: Cancel | None = None) -> int:
    """set_publication_date for several articles, one at a time; returns how many were done."""
    done = 0
    for article_id, day in dates.items():
        if cancel and cancel():
            break
        set_publication_date(library_path, article_id, day)
        done += 1
        if progress:
            progress(done, len(dates), f"article {article_id}")
    return done


def set_dates_job(library_path: str | Path, dates: dict[int, dt.date]) -> Job:
    """set_publication_dates as a job for a worker thread."""
    return lambda progress, cancel: set_publication_dates(library_path, dates, progress, cancel)


def reextract(library_path: str | Path, progress: Progress | None = None,
              cancel: Cancel | None = None) -> int:
    """Run extraction again over every article (after an engine upgrade). Returns articles done."""
    with Library(library_path) as library:
        ids = library.article_ids()
        for n, article_id in enumerate(ids, 1):
            if cancel and cancel():
                return n - 1
            processed = process_article(library.article(article_id))
            library.replace_mentions(article_id, processed.mentions)
            if progress:
                progress(n, len(ids), processed.article.title)
        return len(ids)
