"""What the reader marks in an article: the dates stored with its mentions, and where it names countries."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.library.store import Library
from timeline_app.core.models import Article, DateMention, EntityKind, EntityMention

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ArticleMarks:
    """The spans the reader marks: dates (character offsets of the stored mentions) and country names."""

    dates: tuple[DateMention, ...] = ()
    countries: tuple[EntityMention, ...] = ()


def stored_marks(library: Library, article_id: int) -> tuple[Article, ArticleMarks]:
    """An article as the library holds it, with the dates of its stored mentions and its countries."""
    article = library.article(article_id)
    return article, ArticleMarks(tuple(library.article_dates(article_id)), country_mentions(article))


def country_mentions(article: Article) -> tuple[EntityMention, ...]:
    """Where the article names a country.

    The library keeps the countries of each statement but not where their names are written, so the
    gazetteer finds them again: a lookup of about 1 ms an article once loaded (the library's read
    loads it off the GUI thread).
    """
    entities = Gazetteer.default().tag(article.text, article.published, article.issuer)
    return tuple(e for e in entities if e.kind == EntityKind.COUNTRY)
