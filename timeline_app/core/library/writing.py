"""Storing articles and their mentions: duplicates looked up under the write lock, re-extractions swapped in whole."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Sequence

from timeline_app.core.library import eventstore, incremental
from timeline_app.core.library.locking import WriteLock
from timeline_app.core.library.rows import INSERT_ARTICLE, INSERT_MENTION, URL, iso, mention_rows
from timeline_app.core.models import DateSource, EventMention, IssuerSource
from timeline_app.core.shown import shown
from timeline_app.errors import LibraryError

log = logging.getLogger(__name__)


class ArticleWriter:
    """The writes of articles through one connection's write lock; each keeps the events table in
    step in the same transaction (eventstore.changed)."""

    def __init__(self, lock: WriteLock) -> None:
        self._lock = lock
        self._db = lock.db

    def duplicate(self, content_hash: str, url: str) -> int | None:
        """Id of an article already stored with the same text (its hash), or the same URL."""
        row = self._db.execute("SELECT id FROM articles WHERE hash = ?", (content_hash,)).fetchone()
        if row is None and url:
            row = self._db.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()
        return None if row is None else int(row[0])

    def add_rows(self, items: Sequence[tuple[tuple, Sequence[tuple]]]) -> list[int | None]:
        """Store articles given as rows (rows.article_row, rows.mention_rows) in one transaction; each
        gets its id, or None when one with the same text or URL is there."""
        ids: list[int | None] = []
        added_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        try:
            # Under the write lock from the first look-up: another process importing the same
            # articles cannot slip one in between the look-up and the insert.
            with self._lock.transaction(f"save {len(items)} article(s)") as db:
                for row, mentions in items:
                    if self.duplicate(row[0], row[URL]) is not None:
                        ids.append(None)
                        continue
                    try:
                        article_id = int(db.execute(INSERT_ARTICLE, (*row, added_at)).lastrowid)
                    except sqlite3.IntegrityError as e:
                        if "UNIQUE" not in str(e):
                            raise
                        ids.append(None)  # the same text, found at insert time: a duplicate all the same
                        continue
                    db.executemany(INSERT_MENTION, [(article_id, *m) for m in mentions])
                    ids.append(article_id)
                added = [i for i in ids if i is not None]
                if added:
                    eventstore.changed(db, added)
        except sqlite3.Error as e:
            raise LibraryError(f"Could not save {len(items)} article(s) to {shown(self._lock.path)}: {e}.") from e
        return ids

    def replace_mentions(self, article_id: int, mentions: Sequence[EventMention],
                         published: dt.date | None = None, published_source: DateSource | None = None,
                         language: str | None = None, issuer: tuple[str, IssuerSource] | None = None) -> None:
        """Swap an article's mentions (and what else is given) in one transaction."""
        try:
            with self._lock.transaction("update the article"):
                if issuer is not None:
                    self._db.execute("UPDATE articles SET issuer = ?, issuer_source = ? WHERE id = ?",
                                     (issuer[0], issuer[1].value, article_id))
                if published_source is not None:
                    self._db.execute(
                        "UPDATE articles SET published = ?, published_source = ? WHERE id = ?",
                        (iso(published) or None, published_source.value, article_id),
                    )
                if language is not None:
                    self._db.execute("UPDATE articles SET language = ? WHERE id = ?", (language, article_id))
                gone = incremental.forget(self._db, [article_id])
                self._db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
                self._db.executemany(INSERT_MENTION, [(article_id, *m) for m in mention_rows(mentions)])
                eventstore.changed(self._db, [article_id], gone)
        except sqlite3.Error as e:
            raise LibraryError(f"Could not update article {article_id} in {shown(self._lock.path)}: {e}.") from e

    def remove_articles(self, article_ids: Sequence[int]) -> int:
        """Remove articles and, with them, their mentions. Returns how many were removed."""
        with self._lock.transaction("remove articles"):
            gone = incremental.forget(self._db, article_ids)
            cur = self._db.executemany("DELETE FROM articles WHERE id = ?", [(i,) for i in article_ids])
            eventstore.changed(self._db, (), gone)
        return cur.rowcount
