"""One input's articles read and processed into the rows the library stores: the body of every worker."""

from __future__ import annotations

import datetime as dt
import gc
import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace

from timeline_app.core import budget
from timeline_app.core.batch.results import ArticleRows, KnownArticle, Result
from timeline_app.core.budget import TIME_BUDGET
from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.extract.issuer import IssuerTable, find_issuer
from timeline_app.core.ingest import iter_articles
from timeline_app.core.ingest.language import with_language
from timeline_app.core.ingest.article_top import header_lines
from timeline_app.core.library.rows import article_row, mention_rows
from timeline_app.core.models import Article, EventMention, SkippedInput
from timeline_app.core.shown import shown
from timeline_app.core.temporal import ENGLISH, default_rules, find_dates
from timeline_app.core.temporal.dateparsing import warm_up as warm_up_dateparser
from timeline_app.core.temporal.engine import MOST_DATES
from timeline_app.errors import BudgetError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProcessedArticle:
    article: Article
    mentions: tuple[EventMention, ...]



# Hashes of the articles already in the library, set once per worker process.
_KNOWN: frozenset[str] = frozenset()
# Date rules compiled in one warm-up step: a step is about 10 ms, the longest a waiting task waits.
_RULES_A_STEP = 16


def process_article(article: Article, most_dates: int | None = None) -> ProcessedArticle:
    """Find the issuer, dates and countries of one article and turn them into event mentions. The dates
    and names are read with the rules and tables of the article's language (told from its text when it
    has none yet).

    BudgetError when it holds more than `most_dates` date expressions or its time (core.budget) runs out.
    """
    article = with_language(article)
    issuer, issuer_source = find_issuer(article)
    if (issuer, issuer_source) != (article.issuer, article.issuer_source):
        article = replace(article, issuer=issuer, issuer_source=issuer_source)
    language = article.language or ENGLISH
    dates = find_dates(article.text, article.published, language=language, most=most_dates)
    # The header's dates are the article's, whatever the language its rules read them with: "Published:
    # 15 March 2023" read by Portuguese rules is "2023" after words, which no dateline rule knows.
    if headers := header_lines(article.text):
        dates = [d for d in dates if not any(a <= d.start < b for a, b in headers)]
    budget.check()
    entities = Gazetteer.for_language(language).tag(article.text, article.published, article.issuer)
    site = "" if article.issuer else IssuerTable.default().site_state(article.url)
    mentions = extract_event_mentions(article.text, dates, entities, article.published, article.issuer, language, site)
    return ProcessedArticle(article, tuple(mentions))


def load_tables() -> None:
    """Load the rule tables (1.5 s here) before the first article, whose time budget they would eat."""
    # The tables are some 500,000 objects that live as long as the process: with the cyclic collector
    # on, each collection while they are made walks all those made before it, which doubled the
    # gazetteer's load (0.26 -> 0.6 s CPU). None of them can be garbage yet, so it is paused meanwhile.
    collecting = gc.isenabled()
    gc.disable()
    try:
        default_rules()
        Gazetteer.default()
        CameoTable.default()
    finally:
        if collecting:  # the window runs its own collector (gui/workers.py) and keeps it off
            gc.enable()


def set_known(known: frozenset[str]) -> None:
    """Worker start-up: remember the library's hashes and load the rule tables once, up front
    (each language's date rules load with its first article)."""
    global _KNOWN
    _KNOWN = known
    load_tables()
    # A worker's tables live as long as it does: frozen, the collections made while it processes
    # articles no longer walk them (the 8 samples: 0.57-0.63 s -> 0.23-0.26 s CPU). Only in a worker
    # process: the window's objects must stay collectable.
    gc.freeze()


def warm_up() -> Iterator[None]:
    """What a worker's first article would pay for beyond the tables, one short step at a time, for a
    worker that is idle before its first task (core.batch.pool): dateparser's first use, then the
    English date rules compiled 16 at a time (all 229: 0.14-0.21 s CPU). The first of the 8 samples
    took 0.31-0.40 s CPU after the tables alone, 0.04-0.07 s after these."""
    warm_up_dateparser()
    yield
    rules = default_rules().rules
    for start in range(0, len(rules), _RULES_A_STEP):
        for rule in rules[start:start + _RULES_A_STEP]:
            rule.compile()
        yield


def iter_results(path: str, published: dt.date | None, known: frozenset[str] | None = None,
                 language: str | None = None, seconds: float | None = TIME_BUDGET) -> Iterator[Result]:
    """Worker body: every article of one input, one at a time as it is read, processed unless the
    library already has it; `language`, when given, is the language of every article (else each
    one's is detected); an article that takes more than `seconds` is skipped."""
    skip = _KNOWN if known is None else known
    try:
        for item in iter_articles([path], published=published, language=language):
            if isinstance(item, SkippedInput):
                yield item
            elif item.hash in skip:
                yield KnownArticle(item.source_path or path)
            else:
                yield _rows(item, path, seconds)
    except Exception as e:  # noqa: BLE001 - a reader bug must not stop a whole import
        log.exception("reading failed on %s", shown(path))
        yield SkippedInput(path, f"could not be read: {e}")


def read_and_process(path: str, published: dt.date | None, known: frozenset[str] | None = None,
                     language: str | None = None, seconds: float | None = TIME_BUDGET) -> list[Result]:
    """iter_results of one input, all at once."""
    return list(iter_results(path, published, known, language, seconds))


def _rows(article: Article, path: str, seconds: float | None) -> ArticleRows | SkippedInput:
    try:
        with budget.time_budget(seconds):
            processed = process_article(article, MOST_DATES)
        # The issuer found while processing is stored with the article: the Articles panel shows it.
        found = replace(article, issuer=processed.article.issuer, issuer_source=processed.article.issuer_source)
        return ArticleRows(article_row(found), mention_rows(processed.mentions))
    except BudgetError as e:
        return SkippedInput(article.source_path or path, str(e))
    except Exception as e:  # noqa: BLE001 - one bad article must not stop an import
        log.exception("extraction failed on %s", shown(article.source_path))
        return SkippedInput(article.source_path or path, f"extraction failed: {e}")


def read_chunk(paths: list[str], published: dt.date | None, known: frozenset[str] | None = None,
               language: str | None = None, seconds: float | None = TIME_BUDGET) -> list[list[Result]]:
    """Worker body for one task of a Dask cluster: read_and_process on each of several inputs."""
    return [read_and_process(path, published, known, language, seconds) for path in paths]
