"""Load -> tag -> resolve -> extract -> store, with progress through a plain callback.

Inputs are enumerated lazily and processed in one of three ways that give the same rows: in this
process (`workers=1`), in a process pool (the default for large inputs: one worker per core), or on
a dask.distributed cluster (`dask="local"` or a scheduler address): see core/batch/. Workers answer
with the rows the library stores, as plain tuples, so that the one writer (this process) spends
little CPU per article. Results are written as they come, in batches, so memory stays bounded by the
batch size and an interrupted run keeps every batch it finished. Articles already in the library
(same content hash) are not processed again. An article that takes longer than its time budget is
skipped with that reason, and a worker process stuck past it is replaced (core/batch/pool.py).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from timeline_app.core.batch.parquet import ParquetSink, parquet_rows
from timeline_app.core.batch.pool import WorkerPool
from timeline_app.core.batch.pools import ARTICLES, Named
from timeline_app.core.batch.results import ArticleRows, KnownArticle, Result
from timeline_app.core.budget import TIME_BUDGET
from timeline_app.core.batch.runners import Results, chunk_inputs, chunked, in_process, in_process_pool, on_dask
from timeline_app.core.ingest import walk_folder
from timeline_app.core.ingest.language import check_language
from timeline_app.core.library.store import Library
from timeline_app.core.models import DateSource, IssuerSource, SkippedInput
from timeline_app.core.progress import Cancel, Job, Progress
from timeline_app.core.shown import shown

if TYPE_CHECKING:
    from timeline_app.core.batch.articles import ProcessedArticle

log = logging.getLogger(__name__)

# The extraction (its modules: 0.05-0.1 s CPU of the window's import, measured against a stand-in
# module), imported by the first article processed in this process: on a first start the window's
# import goes to the samples' worker, and a later start reads the library without extracting.
process_article = Named(ARTICLES, "process_article")

# Below this many inputs a process pool costs more (start-up, imports) than it saves.
POOL_THRESHOLD = 24
# Articles written per transaction.
BATCH_SIZE = 100


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
    cancelled_inside: bool = False  # cancelled while reading an input: what of it was read is kept
    waited: float = 0.0  # seconds spent waiting for other programs writing to the library

    def summary(self) -> str:
        """One line: "8 articles added, 1 already in the library, 2 skipped"."""
        parts = [f"{self.added} article{'s' if self.added != 1 else ''} added"]
        if self.duplicates:
            parts.append(f"{self.duplicates} already in the library")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        if self.needs_date:
            n = len(self.needs_date)
            parts.append(f"{n} need{'s' if n == 1 else ''} a publication date")
        if self.cancelled_inside:
            parts.append(f"cancelled while reading input {self.inputs_done + 1} of {self.inputs_total}")
        elif self.cancelled:
            parts.append(f"cancelled after {self.inputs_done} of {self.inputs_total} inputs")
        if self.waited >= 1:
            parts.append(f"{self.waited:.0f} s spent waiting for other programs writing to the library")
        return ", ".join(parts)

    def details(self) -> str:
        """The skipped inputs, one a line with their reasons."""
        return "\n".join(f"{shown(s.path)}: {s.reason}" for s in self.skipped)


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


def import_inputs(
    inputs: Iterable[str | Path],
    library_path: str | Path,
    published: dt.date | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    workers: int | None = None,
    dask: str | None = None,
    parquet_dir: str | Path | None = None,
    language: str | None = None,
    time_budget: float | None = TIME_BUDGET,
    pool: WorkerPool | None = None,
) -> ImportReport:
    """Read every input, extract its events and store them; what finished stays when cancelled.

    `workers`: None chooses (in-process for small inputs, one process per core otherwise), 1 runs
    in this process, N uses N processes. `dask`: "local" or "tcp://host:port" runs on Dask instead.
    `language` (ISO 639-1), when given, is the language of every article, else each one's is detected.
    An article that takes longer than `time_budget` seconds is skipped with that reason (None: no
    limit). A KeyboardInterrupt keeps every batch written before it and propagates. `pool`: worker
    processes started earlier for this import (core.batch.pools.worker_pool), which then process every
    input when they were made with the same publication date, language and time budget (else they are
    stopped and the options choose as usual).
    """
    paths = list(expand_inputs(inputs))  # paths only: cheap, and gives the progress total
    report = ImportReport(inputs_total=len(paths))
    if progress:
        progress(0, len(paths), "")
    sink = ParquetSink(Path(parquet_dir)) if parquet_dir else None
    with Library(library_path) as library:
        def say(what: str) -> None:  # what the import is doing before its first input is done
            if progress and report.inputs_done == 0:
                progress(0, len(paths), what)
        results = _results(paths, published, frozenset(library.known_hashes()), workers, dask, language,
                           time_budget, pool, say)
        writer = _Writer(library, report, sink)
        try:
            # Inputs some of whose articles were taken before they were done; with several workers
            # another input's articles may come between an input's articles and its end.
            partial: set[str] = set()
            for path, items, done in results:
                writer.take(items)
                if done:
                    partial.discard(path)
                    report.inputs_done += 1
                    if progress:
                        progress(report.inputs_done, len(paths), path)
                elif items:
                    partial.add(path)
                if cancel and cancel():
                    report.cancelled = report.inputs_done < len(paths)
                    report.cancelled_inside = report.cancelled and bool(partial)
                    break
        finally:
            # Also on KeyboardInterrupt: what was finished is written before the interrupt goes on.
            writer.flush()
            results.close()
            if sink:
                sink.close()
            report.waited = library.waited
    log.info("import: %s", report.summary())
    return report


def _results(paths: list[str], published: dt.date | None, known: frozenset[str], workers: int | None,
             dask: str | None, language: str | None, seconds: float | None, pool: WorkerPool | None,
             say: Callable[[str], None]) -> Results:
    """The results of every input, as they come, from the runner the options choose; `say` is told what
    comes before the first input is done (workers start and load their tables: seconds of a window's
    "0 of N" otherwise unexplained)."""
    if pool is not None:
        if not dask and pool.settings == (published, language, seconds):
            chunks = chunked(paths, chunk_inputs(len(paths), pool.size))
            say(starting_text(pool.size))
            return in_process_pool(chunks, published, known, pool.size, language, seconds, pool,
                                   lambda n: say(ready_text(n, pool.size)))
        pool.stop()
    n_workers = workers if workers is not None else (1 if len(paths) < POOL_THRESHOLD else os.cpu_count() or 1)
    chunks = chunked(paths, chunk_inputs(len(paths), n_workers))  # lazy, for the pool and Dask
    if dask:
        say("starting the work on Dask")
        return on_dask(chunks, published, known, dask, workers, language, seconds)
    if n_workers <= 1:
        say(starting_text(0))
        return in_process(paths, published, known, language, seconds)
    say(starting_text(n_workers))
    return in_process_pool(chunks, published, known, n_workers, language, seconds,
                           ready=lambda n: say(ready_text(n, n_workers)))


def starting_text(workers: int) -> str:
    """What an import does first: `workers` processes (0: this one) load the rules and tables."""
    if workers <= 0:
        return "loading the rules and tables"
    return f"starting {workers} worker process{'es' if workers > 1 else ''}: loading the rules and tables"


def ready_text(ready: int, workers: int) -> str:
    """Said as each worker process has loaded its tables; the first articles then load what they use."""
    if ready < workers:
        return f"{ready} of {workers} worker processes ready"
    return "reading the first articles"


class _Writer:
    """The one writer: processed articles stored in batches of BATCH_SIZE, and counted in the report."""

    def __init__(self, library: Library, report: ImportReport, sink: ParquetSink | None) -> None:
        self.library = library
        self.report = report
        self.sink = sink
        self.batch: list[ArticleRows] = []

    def take(self, items: list[Result]) -> None:
        """Results as a runner hands them on; the batch is written once it is full."""
        for item in items:
            if isinstance(item, SkippedInput):
                self.report.skipped.append(item)
            elif isinstance(item, KnownArticle):
                self.report.duplicates += 1
            else:
                self.batch.append(item)
        if len(self.batch) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        stored = self.library.add_rows(self.batch)
        rows: list[dict] = []
        for processed, article_id in zip(self.batch, stored):
            if article_id is None:  # the same text twice in this import, or an article with the same URL
                self.report.duplicates += 1
                continue
            self._count(article_id, processed)
            if self.sink:
                rows.extend(parquet_rows(article_id, processed))
        if self.sink:
            self.sink.write(rows)
        self.batch.clear()

    def _count(self, article_id: int, processed: ArticleRows) -> None:
        report = self.report
        report.added += 1
        report.added_ids.append(article_id)
        report.mentions += len(processed.mentions)
        if processed.published is None:
            report.needs_date.append(article_id)


def set_publication_date(library_path: str | Path, article_id: int, published: dt.date) -> int:
    """Give an article its publication date (user-given) and re-resolve its events; returns their count."""
    with Library(library_path) as library:
        article = replace(library.article(article_id), published=published,
                          published_source=DateSource.USER)
        processed = process_article(article)
        _store(library, article_id, processed, published, DateSource.USER)
        return len(processed.mentions)


def set_issuer(library_path: str | Path, article_id: int, issuer: str) -> int:
    """Give an article its issuer (user-given; "" for none) and extract its events again; returns their count."""
    with Library(library_path) as library:
        article = replace(library.article(article_id), issuer=issuer, issuer_source=IssuerSource.USER)
        processed = process_article(article)
        _store(library, article_id, processed)
        return len(processed.mentions)


def set_issuers(library_path: str | Path, article_ids: list[int], issuer: str, progress: Progress | None = None,
                cancel: Cancel | None = None) -> int:
    """set_issuer for several articles, one at a time; returns how many were done."""
    return _one_by_one(dict.fromkeys(article_ids, issuer),
                       lambda article_id, code: set_issuer(library_path, article_id, str(code)), progress, cancel)


def set_issuer_job(library_path: str | Path, article_ids: list[int], issuer: str) -> Job:
    """set_issuers as a job for a worker thread."""
    return lambda progress, cancel: set_issuers(library_path, article_ids, issuer, progress, cancel)


def _store(library: Library, article_id: int, processed: ProcessedArticle, published: dt.date | None = None,
           published_source: DateSource | None = None) -> None:
    """An article's mentions extracted again, with the language and issuer extraction read or kept."""
    article = processed.article
    library.replace_mentions(article_id, processed.mentions, published, published_source,
                             language=article.language, issuer=(article.issuer, article.issuer_source))


def set_publication_dates(library_path: str | Path, dates: dict[int, dt.date], progress: Progress | None = None,
                          cancel: Cancel | None = None) -> int:
    """set_publication_date for several articles, one at a time; returns how many were done."""
    return _one_by_one(dates, lambda article_id, day: set_publication_date(library_path, article_id, day),
                       progress, cancel)


def _one_by_one(values: dict[int, object], give: Callable[[int, object], object], progress: Progress | None,
                cancel: Cancel | None) -> int:
    """`give(article_id, value)` for each article in turn until cancelled; returns how many were done."""
    done = 0
    for article_id, value in values.items():
        if cancel and cancel():
            break
        give(article_id, value)
        done += 1
        if progress:
            progress(done, len(values), f"article {article_id}")
    return done


def set_dates_job(library_path: str | Path, dates: dict[int, dt.date]) -> Job:
    """set_publication_dates as a job for a worker thread."""
    return lambda progress, cancel: set_publication_dates(library_path, dates, progress, cancel)


def set_language(library_path: str | Path, article_id: int, language: str) -> int:
    """Give an article its language (the user's word) and read its dates again; returns its events."""
    with Library(library_path) as library:
        processed = process_article(replace(library.article(article_id), language=check_language(language)))
        _store(library, article_id, processed)
        return len(processed.mentions)


def set_languages_job(library_path: str | Path, languages: dict[int, str]) -> Job:
    """set_language for several articles, as a job for a worker thread."""
    return lambda progress, cancel: _one_by_one(
        languages, lambda article_id, code: set_language(library_path, article_id, str(code)), progress, cancel)


def reextract(library_path: str | Path, progress: Progress | None = None,
              cancel: Cancel | None = None) -> int:
    """Run extraction again over every article (after an engine upgrade). Returns articles done.

    Articles stored before languages were told (an older library) get theirs on the way."""
    with Library(library_path) as library:
        ids = library.article_ids()
        for n, article_id in enumerate(ids, 1):
            if cancel and cancel():
                return n - 1
            processed = process_article(library.article(article_id))
            _store(library, article_id, processed)
            if progress:
                progress(n, len(ids), processed.article.title)
        return len(ids)
