"""The library: an embedded SQLite database of articles and their dated mentions."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd

from timeline_app.core.library import columns as col
from timeline_app.core.library import eventstore, reading, rebuilding, rulestamp
from timeline_app.core.library.corrections import Corrections
from timeline_app.core.library.curation import apply_edits
from timeline_app.core.library.opening import open_library, storage_error
from timeline_app.core.library.eventcolumns import DeferredReader, EventColumns
from timeline_app.core.library.mentioncolumns import MentionColumns
from timeline_app.core.library.removal import ArticleRemoval, RemovedArticles
from timeline_app.core.library.writing import ArticleWriter
from timeline_app.core.library.rows import article_row, mention_rows
from timeline_app.core.models import Article, DateMention, DateSource, EventMention, IssuerSource, Precision
from timeline_app.core.progress import Cancel, Progress
from timeline_app.core.shown import shown
from timeline_app.errors import LibraryError

log = logging.getLogger(__name__)
T = TypeVar("T")


def _guarded(method: Callable[..., T]) -> Callable[..., T]:
    """Turn SQLite's errors on a damaged file into a LibraryError a user can act on."""

    @functools.wraps(method)
    def wrapper(self: "Library", *args: object, **kwargs: object) -> T:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as e:
            raise storage_error(self.path, e) or LibraryError(
                f"The library {shown(self.path)} cannot be read ({e}); it may be damaged.") from e

    return wrapper


class Library:
    """One library file. Use one Library per thread; SQLite's WAL lets readers and a writer overlap."""

    def __init__(self, path: str | Path, rebuild_stale: bool = True) -> None:
        """Open (or create) the library. Its events grouped by other rules than this app's (or not
        yet made: an older format) are rebuilt here, after a backup, unless `rebuild_stale` is False:
        then `stale_rules` says so and the caller runs rebuild_stale_events (the window, on a worker
        with progress and Cancel)."""
        self.path = Path(path)
        # backup_path is set when opening migrated an older library; refused files are left untouched.
        self._db, self._lock, self.backup_path = open_library(self.path)
        self._db.row_factory = sqlite3.Row
        self._removal = ArticleRemoval(self._db, self.path)
        self._writer = ArticleWriter(self._lock)
        self._corrections = Corrections(self._lock)
        try:
            if rulestamp.needs_mark(self._db):
                with self._lock.transaction("record the merge rules"):
                    rulestamp.mark(self._db)
            # A library of an older format (backed up when it was opened) has mentions without events.
            self.stale_rules = rebuilding.is_stale(self._db)
            self.rebuilt: rebuilding.Rebuilt | None = None
            if self.stale_rules and rebuild_stale:
                self.rebuild_stale_events()
        except BaseException:
            self._db.close()
            raise

    @property
    def waited(self) -> float:
        """Seconds this library spent waiting for other programs to finish writing to the file."""
        return self._lock.waited

    def close(self) -> None:
        self._db.close()

    def rebuild_events(self, progress: Progress | None = None, cancel: Cancel | None = None) -> int | None:
        """Merge every mention into events again and rewrite the events table from the mentions and
        the user's edits (both are derived: nothing the user did is lost). Returns the events' count,
        or None when `cancel` stopped it: then nothing was written."""
        try:
            with self._lock.transaction("group its events again"):
                return eventstore.rebuild(self._db, progress, cancel)
        except eventstore.RebuildCancelled:
            return None
        except sqlite3.Error as e:
            raise LibraryError(f"Could not rebuild the events of {shown(self.path)}: {e}.") from e

    def rebuild_stale_events(self, progress: Progress | None = None, cancel: Cancel | None = None,
                             backup: bool = True) -> int | None:
        """rebuild_events for a library whose events other merge rules made, after a backup beside it
        that replaces an earlier one (kept in backup_path; none when opening has just migrated it, after
        its own backup, or without `backup`); nothing when another program did it while this one waited
        for the library. The count of events, None when cancelled: the library is as it was; `rebuilt`
        tells the rest."""
        self.rebuilt = rebuilding.rebuild_stale(self._db, self._lock, self.path,
                                                backup and self.backup_path is None, progress, cancel)
        if self.rebuilt is None:
            return None
        self.backup_path = self.rebuilt.backup or self.backup_path
        self.stale_rules = False
        return self.rebuilt.events

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------

    @_guarded
    def find_duplicate(self, article: Article) -> int | None:
        """Id of an article already in the library with the same text, or the same URL."""
        return self._writer.duplicate(article.hash, article.url)

    @_guarded
    def known_hashes(self) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT hash FROM articles")}

    def add_article(self, article: Article, mentions: Sequence[EventMention]) -> int | None:
        """Store an article and its mentions in one transaction; None if it is already there."""
        return self.add_articles([(article, mentions)])[0]

    def add_articles(self, items: Sequence[tuple[Article, Sequence[EventMention]]]) -> list[int | None]:
        """Store several articles in one transaction; each gets its id, or None if already there."""
        return self.add_rows([(article_row(a), mention_rows(m)) for a, m in items])

    def add_rows(self, items: Sequence[tuple[tuple, Sequence[tuple]]]) -> list[int | None]:
        """add_articles for rows already built (article_row, mention_rows), as batch workers send them.

        One transaction; each article gets its id, or None when one with the same text or URL is there.
        """
        return self._writer.add_rows(items)

    def replace_mentions(self, article_id: int, mentions: Sequence[EventMention],
                         published: dt.date | None = None, published_source: DateSource | None = None,
                         language: str | None = None, issuer: tuple[str, IssuerSource] | None = None) -> None:
        """Swap an article's mentions (after re-extraction, a new publication date, language or issuer)
        atomically."""
        self._writer.replace_mentions(article_id, mentions, published, published_source, language, issuer)

    @_guarded
    def take_out_articles(self, article_ids: Iterable[int]) -> RemovedArticles:
        """Remove articles and their mentions, and return them as they were stored (for undo)."""
        return self._removal.take_out_articles(article_ids)

    @_guarded
    def put_back_articles(self, removed: RemovedArticles) -> dict[int, int]:
        """Restore what take_out_articles returned; each article's old id -> its id now."""
        return self._removal.put_back_articles(removed)

    @_guarded
    def remove_articles(self, article_ids: Iterable[int]) -> int:
        """Remove articles and, with them, their mentions. Returns how many were removed."""
        return self._writer.remove_articles([int(i) for i in article_ids])

    @_guarded
    def set_setting(self, key: str, value: str) -> None:
        """Store a value that travels with the library (the window's filters, for instance)."""
        with self._lock.transaction("save the setting"):
            self._db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))

    @_guarded
    def setting(self, key: str, default: str = "") -> str:
        """The value stored under `key`, or `default` when there is none."""
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else str(row[0])

    # -- reading -----------------------------------------------------------------------------

    @_guarded
    def article_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    @_guarded
    def article(self, article_id: int) -> Article:
        row = self._db.execute("SELECT * FROM articles WHERE id = ?", (int(article_id),)).fetchone()
        if row is None:
            raise LibraryError(f"Article {article_id} is not in the library (it may have been removed).")
        return Article(
            text=row["text"], title=row["title"],
            published=dt.date.fromisoformat(row["published"]) if row["published"] else None,
            published_source=DateSource(row["published_source"]), source_path=row["source_path"],
            url=row["url"], source=row["source"], byline=row["byline"], fmt=row["fmt"], hash=row["hash"],
            language=row["language"], issuer=row["issuer"], issuer_source=IssuerSource(row["issuer_source"]),
        )

    @_guarded
    def article_dates(self, article_id: int) -> list[DateMention]:
        """The date expressions stored with an article's mentions, as extracted, in text order."""
        rows = self._db.execute(
            "SELECT DISTINCT char_start, char_end, date_text, date_value, date_start, date_end, date_precision,"
            " date_kind, date_mod, open_end, relative FROM mentions WHERE article_id = ?"
            " ORDER BY char_start, char_end", (int(article_id),)).fetchall()
        return [DateMention(start=int(r[0]), end=int(r[1]), text=r[2], value=r[3], granularity=Precision(r[6]),
                            start_date=dt.date.fromisoformat(r[4]) if r[4] else None,
                            end_date=dt.date.fromisoformat(r[5]) if r[5] else None,
                            kind=r[7], mod=r[8], open_end=bool(r[9]), relative=bool(r[10])) for r in rows]

    @_guarded
    def article_ids(self) -> list[int]:
        return [int(r[0]) for r in self._db.execute("SELECT id FROM articles ORDER BY id")]

    @_guarded
    def articles_frame(self) -> pd.DataFrame:
        """One row per article, without the text."""
        rows = self._db.execute(
            "SELECT a.id, a.title, a.source, a.source_path, a.url, a.byline, a.fmt,"
            " coalesce(a.published, ''), a.published_source, a.issuer, a.issuer_source, a.added_at,"
            " (SELECT count(*) FROM mentions m WHERE m.article_id = a.id AND m.date_start != ''), a.language"
            " FROM articles a ORDER BY a.id"
        ).fetchall()
        return pd.DataFrame([tuple(r) for r in rows], columns=list(col.ARTICLE_COLUMNS))

    @_guarded
    def mentions_frame(self) -> pd.DataFrame:
        """One row per dated mention as extracted (columns.MENTION_COLUMNS) with its machine event,
        events added by hand included as rows without machine values; core.curation applies the edits."""
        return eventstore.mentions(self._db)

    @_guarded
    def read_columns(self, progress: Callable[[int, int, str], None] | None = None, defer: bool = False
                     ) -> tuple[np.ndarray, EventColumns]:
        """What the window shows first, in one read: the ids of the articles (read_articles gives the
        rest) and the events (columns). With `defer`, the events' eventcolumns.DEFERRED columns are
        read from this library's file when first used (this Library may be closed by then)."""
        path = self.path

        def deferred(ids: np.ndarray) -> DeferredReader:
            def read(names: tuple[str, ...]) -> dict[str, np.ndarray]:
                with Library(path, rebuild_stale=False) as library:
                    return library.read_event_text(names, ids)
            return read
        return reading.read_first(self._db, progress, deferred if defer else None)

    @_guarded
    def read_event_text(self, names: Sequence[str], ids: np.ndarray) -> dict[str, np.ndarray]:
        """The named text columns of the events `ids`, in that order ("" for an event no longer stored)."""
        return reading.read_event_text(self._db, names, ids)

    @_guarded
    def read_articles(self) -> pd.DataFrame:
        """One row per article (columns.ARTICLE_COLUMNS, without the text); event_count is -1: not counted."""
        return reading.read_articles(self._db)

    @_guarded
    def read_mentions(self, events: EventColumns) -> MentionColumns:
        """The dated mentions (columns), each with the row of its event in `events`."""
        return reading.read_mentions(self._db, events)

    @_guarded
    def undated_mentions(self) -> pd.DataFrame:
        """The mentions without a date, edits applied: what the Relations chart counts as undated events."""
        return reading.undated_mentions(self._db)

    @_guarded
    def mentions_of_events(self, event_ids: Iterable[str]) -> pd.DataFrame:
        """The mentions of the given events, edits applied (curated_mentions of those events only)."""
        return reading.curated_mentions(self._db, event_ids)

    @_guarded
    def curated_mentions(self) -> pd.DataFrame:
        """Mentions with the user's edits applied: merged and split events, corrected values."""
        return apply_edits(self.mentions_frame(), self.edits_frame())

    @_guarded
    def events_frame(self, include_hidden: bool = True) -> pd.DataFrame:
        """One row per event (mentions merged, edits applied), placeable events only, as stored.

        Deleted events are never in it; hidden ones are, with hidden=True, unless include_hidden is False.
        """
        events = eventstore.events(self._db)
        if not include_hidden:
            events = events[~events[col.HIDDEN].astype(bool)].reset_index(drop=True)
        return events

    # -- the user's corrections -----------------------------------------------------------

    def add_edit(self, event_key: str, field: str, old_value: str, new_value: str) -> int:
        """Record one correction (committed at once) and return its id."""
        return self.add_edits([(event_key, field, old_value, new_value)])[0]

    def add_edits(self, edits: Sequence[tuple[str, str, str, str]]) -> list[int]:
        """Record several corrections (event_key, field, old, new) in one transaction: all or none."""
        return self._corrections.add_edits(edits)

    @_guarded
    def edits_frame(self, keys: Iterable[str] | None = None) -> pd.DataFrame:
        """The edit history, oldest first (all of it, or that of the given event keys)."""
        return self._corrections.edits_frame(keys)

    def add_manual_event(self, article_id: int | None, evidence: str = "", evidence_start: int = 0,
                         evidence_end: int = 0, note: str = "") -> str:
        """Create an event by hand (attached to an article's sentence, or free-standing with a note).

        Returns its key; its date, countries and other values are then set with add_edit.
        """
        return self._corrections.add_manual_event(article_id, evidence, evidence_start, evidence_end, note)
