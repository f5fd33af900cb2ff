"""Taking articles out of a library so that they can be put back exactly (undo of a removal)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from timeline_app.core.library import eventstore, incremental
from timeline_app.errors import LibraryError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RemovedArticles:
    """Articles taken out of a library as stored: their rows, their mentions' rows, and which
    hand-added events were attached to them (manual event id, article id)."""

    articles: tuple[dict[str, object], ...]
    mentions: tuple[dict[str, object], ...]
    manual_links: tuple[tuple[int, int], ...]

    def article_count(self) -> int:
        return len(self.articles)


class ArticleRemoval:
    """A library's removal that keeps what it removed. The rows are kept whole (SELECT *), so putting
    them back needs no re-extraction and gives the same mentions, keys and event ids: the user's
    edits, which name events by their mentions' keys, apply again as they did. The events are
    updated in the same transaction (eventstore.changed)."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db = db
        self.path = path

    def take_out_articles(self, article_ids: Iterable[int]) -> RemovedArticles:
        """Remove articles and their mentions, and return them as they were stored."""
        ids = sorted({int(i) for i in article_ids})
        db = self._db
        try:
            with db:
                db.execute("BEGIN IMMEDIATE")  # what is returned is exactly what is deleted
                articles: list[dict[str, object]] = []
                mentions: list[dict[str, object]] = []
                links: list[tuple[int, int]] = []
                for i in ids:
                    articles += [dict(r) for r in db.execute("SELECT * FROM articles WHERE id = ?", (i,))]
                    mentions += [dict(r) for r in db.execute(
                        "SELECT * FROM mentions WHERE article_id = ? ORDER BY id", (i,))]
                    links += [(int(r[0]), i) for r in db.execute(
                        "SELECT id FROM manual_events WHERE article_id = ?", (i,))]
                gone = incremental.forget(db, ids)
                db.executemany("DELETE FROM articles WHERE id = ?", [(i,) for i in ids])
                eventstore.changed(db, (), gone)
        except sqlite3.Error as e:
            raise LibraryError(f"Could not remove the articles from {self.path}: {e}.") from e
        return RemovedArticles(tuple(articles), tuple(mentions), tuple(links))

    def put_back_articles(self, removed: RemovedArticles) -> dict[int, int]:
        """Restore what take_out_articles returned, with their ids where those are still free and
        their hand-added events attached again. Returns each article's old id -> its id now; an
        article imported again meanwhile is left as it is now."""
        db = self._db
        placed: dict[int, int] = {}
        try:
            with db:
                db.execute("BEGIN IMMEDIATE")
                fresh: set[int] = set()
                for row in removed.articles:
                    old = int(row["id"])  # type: ignore[call-overload]
                    again = db.execute("SELECT id FROM articles WHERE hash = ?", (row["hash"],)).fetchone()
                    if again is not None:
                        placed[old] = int(again[0])
                        continue
                    placed[old] = self._insert_row("articles", row)
                    fresh.add(old)
                for row in removed.mentions:
                    owner = int(row["article_id"])  # type: ignore[call-overload]
                    if owner in fresh:
                        self._insert_row("mentions", {**row, "article_id": placed[owner]})
                db.executemany("UPDATE manual_events SET article_id = ? WHERE id = ? AND article_id IS NULL",
                               [(placed[a], m) for m, a in removed.manual_links if a in placed])
                eventstore.changed(db, [placed[old] for old in sorted(fresh)])
        except sqlite3.Error as e:
            raise LibraryError(f"Could not put the articles back into {self.path}: {e}.") from e
        return placed

    def _insert_row(self, table: str, row: dict[str, object]) -> int:
        """Insert a row read with SELECT *; it keeps its id unless that id was taken meanwhile."""
        values = dict(row)
        if self._db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (values["id"],)).fetchone():
            del values["id"]
        columns = ", ".join(f'"{c}"' for c in values)
        marks = ", ".join("?" * len(values))
        cur = self._db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(values.values()))
        return int(cur.lastrowid or 0)
