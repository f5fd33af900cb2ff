"""One input's articles read and processed into the rows the library stores: the body of every worker."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, replace
from typing import NamedTuple

from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.extract.issuer import find_issuer
from timeline_app.core.ingest import iter_articles
from timeline_app.core.ingest.language import with_language
from timeline_app.core.library import rows
from timeline_app.core.library.rows import article_row, mention_rows
from timeline_app.core.models import Article, EventMention, SkippedInput
from timeline_app.core.temporal import ENGLISH, default_rules, find_dates

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProcessedArticle:
    article: Article
    mentions: tuple[EventMention, ...]


class ArticleRows(NamedTuple):
    """A processed article as the library stores it: rows.article_row and rows.mention_rows.

    Workers send these plain tuples rather than a ProcessedArticle: unpickling dataclasses, enums
    and dates cost the parent more CPU than writing them to SQLite.
    """

    article: tuple
    mentions: list[tuple]

    @property
    def published(self) -> str | None:
        return self.article[rows.PUBLISHED]

    @property
    def source_path(self) -> str:
        return self.article[rows.SOURCE_PATH]

    @property
    def title(self) -> str:
        return self.article[rows.TITLE]

    @property
    def language(self) -> str:
        return self.article[rows.LANGUAGE]

    @property
    def issuer(self) -> str:
        return self.article[rows.ISSUER]


@dataclass(frozen=True)
class KnownArticle:
    """An article skipped before extraction because the library already holds its text."""

    path: str


Result = ArticleRows | SkippedInput | KnownArticle

# Hashes of the articles already in the library, set once per worker process.
_KNOWN: frozenset[str] = frozenset()


def process_article(article: Article) -> ProcessedArticle:
    """Find the issuer, dates and countries of one article and turn them into event mentions. The dates
    and names are read with the rules and tables of the article's language (told from its text when it
    has none yet)."""
    article = with_language(article)
    issuer, issuer_source = find_issuer(article)
    if (issuer, issuer_source) != (article.issuer, article.issuer_source):
        article = replace(article, issuer=issuer, issuer_source=issuer_source)
    language = article.language or ENGLISH
    dates = find_dates(article.text, article.published, language=language)
    entities = Gazetteer.for_language(language).tag(article.text, article.published, article.issuer)
    mentions = extract_event_mentions(article.text, dates, entities, article.published, language=language)
    return ProcessedArticle(article, tuple(mentions))


def set_known(known: frozenset[str]) -> None:
    """Worker start-up: remember the library's hashes and load the rule tables once, up front
    (each language's date rules load with its first article)."""
    global _KNOWN
    _KNOWN = known
    default_rules()
    Gazetteer.default()


def read_and_process(path: str, published: dt.date | None,
                     known: frozenset[str] | None = None, language: str | None = None) -> list[Result]:
    """Worker body: every article of one input, processed unless the library already has it;
    `language`, when given, is the language of every article (else each one's is detected)."""
    skip = _KNOWN if known is None else known
    Gazetteer.load_in_background()  # every language's names are read over the English tables
    try:
        items = list(iter_articles([path], published=published, language=language))
    except Exception as e:  # noqa: BLE001 - a reader bug must not stop a whole import
        log.exception("reading failed on %s", path)
        return [SkippedInput(path, f"could not be read: {e}")]
    out: list[Result] = []
    for item in items:
        if isinstance(item, SkippedInput):
            out.append(item)
        elif item.hash in skip:
            out.append(KnownArticle(item.source_path or path))
        else:
            out.append(_rows(item, path))
    return out


def _rows(article: Article, path: str) -> ArticleRows | SkippedInput:
    try:
        processed = process_article(article)
        return ArticleRows(article_row(article), mention_rows(processed.mentions))
    except Exception as e:  # noqa: BLE001 - one bad article must not stop an import
        log.exception("extraction failed on %s", article.source_path)
        return SkippedInput(article.source_path or path, f"extraction failed: {e}")


def read_chunk(paths: list[str], published: dt.date | None,
               known: frozenset[str] | None = None, language: str | None = None) -> list[list[Result]]:
    """Worker body for one task: read_and_process on each of several inputs."""
    return [read_and_process(path, published, known, language) for path in paths]
