"""The rows the library writes: articles and mentions as plain tuples, in the order of the SQL tables' columns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from timeline_app.core.library import columns as col
from timeline_app.core.models import Article, EventMention


def iso(d: dt.date | None) -> str:
    """An ISO date, "" for none: how the tables hold dates."""
    return d.isoformat() if d else ""


# The write path's rows. Batch workers build them (article_row, mention_rows) and send them to the
# one writer as plain tuples: far cheaper to pickle and unpickle than the dataclasses they come from.
# These name columns of the SQL tables (schema.py), not of the frames the library hands out.
ARTICLE_FIELDS = ("hash", "title", "source", "source_path", "url", "byline", "fmt", "published",
                  "published_source", "text", "language", "issuer", "issuer_source")
MENTION_FIELDS = ("char_start", "char_end", "date_text", "date_value", "date_start", "date_end",
                  "date_precision", "date_kind", "date_mod", "open_end", "relative", "countries",
                  "organizations", "location_country", "event_type", "cameo_code", "quad_class", "summary",
                  "evidence", "evidence_start", "evidence_end")
URL = ARTICLE_FIELDS.index("url")
PUBLISHED = ARTICLE_FIELDS.index("published")
SOURCE_PATH = ARTICLE_FIELDS.index("source_path")
TITLE = ARTICLE_FIELDS.index("title")
LANGUAGE = ARTICLE_FIELDS.index("language")
ISSUER = ARTICLE_FIELDS.index("issuer")
INSERT_ARTICLE = (f"INSERT INTO articles ({', '.join(ARTICLE_FIELDS)}, added_at)"
                  f" VALUES ({', '.join('?' * (len(ARTICLE_FIELDS) + 1))})")
INSERT_MENTION = (f"INSERT INTO mentions (article_id, {', '.join(MENTION_FIELDS)})"
                  f" VALUES ({', '.join('?' * (len(MENTION_FIELDS) + 1))})")


def article_row(article: Article) -> tuple:
    """The articles row of `article` (ARTICLE_FIELDS; the id and added_at come when it is stored)."""
    return (article.hash, article.title, article.source, article.source_path, article.url, article.byline,
            article.fmt, iso(article.published) or None, article.published_source.value, article.text,
            article.language, article.issuer, article.issuer_source.value)


def mention_rows(mentions: Iterable[EventMention]) -> list[tuple]:
    """The mentions rows of one article (MENTION_FIELDS; the article's id comes when it is stored)."""
    return [
        (
            m.date.start, m.date.end, m.date.text, m.date.value, iso(m.date.start_date), iso(m.date.end_date),
            m.date.granularity.value, m.date.kind, m.date.mod, int(m.date.open_end), int(m.date.relative),
            col.join_list(m.countries), col.join_list(m.organizations), m.location_country, m.event_type, m.cameo_code,
            m.quad_class, m.summary, m.evidence, m.evidence_start, m.evidence_end,
        )
        for m in mentions
    ]
