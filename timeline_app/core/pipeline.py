"""Load -> tag -> resolve -> extract -> store, with progress through a plain callback.

Inputs are enumerated lazily and processed in one of three ways that give the same rows: in this
process (`workers=1`), in a process pool (the default for large inputs: one worker per core), or on
a dask.distributed cluster (`dask="local"` or a scheduler address). Results are written as they come
by one writer, in batches, so memory stays bounded by the batch size and an interrupted run keeps
every batch it finished. Articles already in the library (same content hash) are not processed again.
"""

from __future__ import annotations

import concurrent.futures as cf
from concurrent.futures.process import BrokenProcessPool
import datetime as dt
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from timeline_app.core.models import Article, DateSource, EventMention, SkippedInput
from timeline_app.core.store import Library
from timeline_app.errors import TimelineError

log = logging.getLogger(__name__)

# progress(done, total, message): `done` inputs finished out of `total`.
Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]

# Below this many inputs a process pool costs more (start-up, imports) than it saves.
POOL_THRESHOLD = 24
# Articles written per transaction.
BATCH_SIZE = 100


@dataclass(frozen=True)
class ProcessedArticle:
    article: Article
    mentions: tuple[EventMention, ...]


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
    from timeline_app.core.events import extract_event_mentions
    from timeline_app.core.gazetteer import Gazetteer
    from timeline_app.core.temporal import find_dates

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
        # The same walk as the readers': sorted, hidden entries left out, linked folders not followed.
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    found_any = True
                    yield str(Path(root) / name)
        if not found_any:
            yield text  # the readers report it: "empty folder: no files to read"


Result = ProcessedArticle | SkippedInput | KnownArticle

# Hashes of the articles already in the library, set once per worker process.
_KNOWN: frozenset[str] = frozenset()


def _set_known(known: frozenset[str]) -> None:
    """Worker start-up: remember the library's hashes and load the rule tables once, up front."""
    global _KNOWN
    _KNOWN = known
    from timeline_app.core.gazetteer import Gazetteer
    from timeline_app.core.temporal import default_rules

    default_rules()
    Gazetteer.default()


def read_and_process(path: str, published: dt.date | None,
                     known: frozenset[str] | None = None) -> list[Result]:
    """Worker body: every article of one input, processed unless the library already has it."""
    from timeline_app.core.ingest import iter_articles

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
                out.append(process_article(item))
            except Exception as e:  # noqa: BLE001 - one bad article must not stop an import
                log.exception("extraction failed on %s", item.source_path)
                out.append(SkippedInput(item.source_path or path, f"extraction failed: {e}"))
    return out


def _in_process(paths: Iterable[str], published: dt.date | None,
                known: frozenset[str]) -> Iterator[tuple[str, list[Result]]]:
    for path in paths:
        yield path, read_and_process(path, published, known)


def _ordered(submit: Callable[[str], object], result: Callable[[object, str], list[Result]],
             cancel_one: Callable[[object], None], paths: Iterable[str],
             window: int) -> Iterator[tuple[str, list[Result]]]:
    """Keep `window` inputs in flight and hand back their results in input order."""
    pending: deque[tuple[str, object]] = deque()
    try:
        for path in paths:
            pending.append((path, submit(path)))
            if len(pending) >= window:
                p, fut = pending.popleft()
                yield p, result(fut, p)
        while pending:
            p, fut = pending.popleft()
            yield p, result(fut, p)
    finally:
        for _, fut in pending:
            if fut is not None:
                cancel_one(fut)


def _process_pool(paths: Iterable[str], published: dt.date | None, known: frozenset[str],
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

    with cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_set_known,
                                initargs=(known,)) as pool:

        def submit(path: str) -> cf.Future | None:
            if not broken:
                try:
                    return pool.submit(read_and_process, path, published)
                except BrokenProcessPool as e:
                    note_broken(e)
            return None

        def result(fut: cf.Future | None, path: str) -> list[Result]:
            if fut is not None:
                try:
                    return fut.result()
                except BrokenProcessPool as e:
                    note_broken(e)
            return read_and_process(path, published, known)

        yield from _ordered(submit, result, lambda f: f.cancel(), paths, workers * 4)


def _dask(paths: Iterable[str], published: dt.date | None, known: frozenset[str],
          address: str, workers: int | None) -> Iterator[tuple[str, list[Result]]]:
    try:
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
            lambda p: client.submit(read_and_process, p, published, known_future, pure=False),
            lambda f, p: f.result(), lambda f: f.cancel(), paths, n * 4)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


class _ParquetSink:
    """Mentions streamed to DIR/mentions.parquet, one row group per batch."""

    def __init__(self, directory: Path) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        from timeline_app.core.frames import MENTION_COLUMNS

        directory.mkdir(parents=True, exist_ok=True)
        self._pa = pa
        ints = {"mention_id", "article_id", "char_start", "char_end", "quad_class", "evidence_start",
                "evidence_end"}
        fields = [(c, pa.int64() if c in ints else pa.bool_() if c == "open_end" else pa.string())
                  for c in MENTION_COLUMNS if c not in ("mention_id", "event_id")]
        self.schema = pa.schema(fields)
        self.path = directory / "mentions.parquet"
        self._writer = pq.ParquetWriter(str(self.path), self.schema)

    def write(self, rows: list[dict]) -> None:
        if rows:
            self._writer.write_table(self._pa.Table.from_pylist(rows, schema=self.schema))

    def close(self) -> None:
        self._writer.close()


def _mention_rows(article_id: int, article: Article, mentions: Iterable[EventMention]) -> list[dict]:
    from timeline_app.core.frames import LIST_SEPARATOR

    pub = article.published.isoformat() if article.published else ""
    return [{
        "article_id": article_id, "source_path": article.source_path, "article_title": article.title,
        "publication_date": pub, "date_text": m.date.text, "date_value": m.date.value,
        "date_start": m.date.start_date.isoformat() if m.date.start_date else "",
        "date_end": m.date.end_date.isoformat() if m.date.end_date else "",
        "date_precision": m.date.granularity.value, "open_end": m.date.open_end,
        "char_start": m.date.start, "char_end": m.date.end,
        "countries": LIST_SEPARATOR.join(m.countries), "organizations": LIST_SEPARATOR.join(m.organizations),
        "location_country": m.location_country, "event_type": m.event_type, "cameo_code": m.cameo_code,
        "quad_class": m.quad_class, "summary": m.summary, "evidence": m.evidence,
        "evidence_start": m.evidence_start, "evidence_end": m.evidence_end,
    } for m in mentions]


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
        if dask:
            results = _dask(paths, published, known, dask, workers)
        elif n_workers <= 1:
            results = _in_process(paths, published, known)
        else:
            results = _process_pool(paths, published, known, n_workers)
        batch: list[ProcessedArticle] = []

        def flush() -> None:
            stored = library.add_articles([(p.article, p.mentions) for p in batch])
            rows: list[dict] = []
            for processed, article_id in zip(batch, stored):
                if article_id is None:
                    report.duplicates += 1
                    continue
                report.added += 1
                report.added_ids.append(article_id)
                report.mentions += len(processed.mentions)
                if processed.article.published is None:
                    report.needs_date.append(article_id)
                if sink:
                    rows.extend(_mention_rows(article_id, processed.article, processed.mentions))
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
