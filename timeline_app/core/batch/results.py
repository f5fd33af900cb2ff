"""What a worker hands back for an input: an article's rows, an article the library has, or a skipped input."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from timeline_app.core.library import rows
from timeline_app.core.models import SkippedInput


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
