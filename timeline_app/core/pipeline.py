"""Load -> tag -> resolve -> extract -> store, with progress through a plain callback."""

from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from timeline_app.core.models import Article, DateSource, EventMention, SkippedInput
from timeline_app.core.store import Library

log = logging.getLogger(__name__)

# progress(done, total, message): `done` inputs finished out of `total` (0 when unknown).
Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]

# Below this many inputs a process pool costs more (start-up, imports) than it saves.
_POOL_THRESHOLD = 24


@dataclass(frozen=True)
class ProcessedArticle:
    article: Article
    mentions: tuple[EventMention, ...]


@dataclass
class ImportReport:
    added: int = 0
    duplicates: int = 0
    skipped: list[SkippedInput] = field(default_factory=list)
    needs_date: list[int] = field(default_factory=list)
    added_ids: list[int] = field(default_factory=list)
    mentions: int = 0
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
            parts.append("cancelled")
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
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield str(Path(root) / name)
        else:
            yield text


def _read_and_process(path: str, published: dt.date | None) -> list[ProcessedArticle | SkippedInput]:
    """Worker body: every article of one input, processed (runs in a pool process or in-process)."""
    from timeline_app.core.ingest import iter_articles

    out: list[ProcessedArticle | SkippedInput] = []
    try:
        items = list(iter_articles([path], published=published))
    except Exception as e:  # noqa: BLE001 - a reader bug must not stop a whole import
        log.exception("reading failed on %s", path)
        return [SkippedInput(path, f"could not be read: {e}")]
    for item in items:
        if isinstance(item, SkippedInput):
            out.append(item)
            continue
        try:
            out.append(process_article(item))
        except Exception as e:  # noqa: BLE001 - one bad article must not stop an import
            log.exception("extraction failed on %s", item.source_path)
            out.append(SkippedInput(item.source_path or item.title, f"extraction failed: {e}"))
    return out


def _worker_count(workers: int | None, n_inputs: int) -> int:
    if workers is not None:
        return max(1, workers)
    if n_inputs < _POOL_THRESHOLD:
        return 1
    return max(1, os.cpu_count() or 1)


def _results(paths: list[str], published: dt.date | None, workers: int,
             cancel: Cancel | None) -> Iterator[tuple[str, list[ProcessedArticle | SkippedInput]]]:
    """(path, results) per input, in input order, computed in-process or in a process pool."""
    if workers <= 1:
        for path in paths:
            if cancel and cancel():
                return
            yield path, _read_and_process(path, published)
        return
    # Spawned workers: forking a process that runs Qt threads is unsafe.
    ctx = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        window = workers * 4  # bounded in-flight work: memory stays flat on huge corpora
        pending: list[tuple[str, cf.Future]] = []
        it = iter(paths)
        try:
            for path in it:
                pending.append((path, pool.submit(_read_and_process, path, published)))
                if len(pending) >= window:
                    p, fut = pending.pop(0)
                    yield p, fut.result()
                    if cancel and cancel():
                        return
            while pending:
                p, fut = pending.pop(0)
                yield p, fut.result()
                if cancel and cancel():
                    return
        finally:
            for _, fut in pending:
                fut.cancel()


def import_inputs(
    inputs: Iterable[str | Path],
    library_path: str | Path,
    published: dt.date | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Read every input, extract its events and store them; what finished stays when cancelled."""
    paths = list(expand_inputs(inputs))
    report = ImportReport()
    total = len(paths)
    if progress:
        progress(0, total, "")
    with Library(library_path) as library:
        done = 0
        for path, results in _results(paths, published, _worker_count(workers, total), cancel):
            for item in results:
                if isinstance(item, SkippedInput):
                    report.skipped.append(item)
                    continue
                article_id = library.add_article(item.article, item.mentions)
                if article_id is None:
                    report.duplicates += 1
                    continue
                report.added += 1
                report.added_ids.append(article_id)
                report.mentions += len(item.mentions)
                if item.article.published is None:
                    report.needs_date.append(article_id)
            done += 1
            if progress:
                progress(done, total, path)
        report.cancelled = bool(cancel and cancel()) and done < total
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
