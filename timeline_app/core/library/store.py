"""The library: an embedded SQLite database of articles and their dated mentions."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

import pandas as pd

from timeline_app.core.library import columns as col
from timeline_app.core.library import frames
from timeline_app.core.library.curation import EDIT_FIELDS, apply_edits
from timeline_app.core.library.removal import ArticleRemoval
from timeline_app.core.models import Article, DateSource, EventMention
from timeline_app.errors import LibraryError

log = logging.getLogger(__name__)
T = TypeVar("T")

SCHEMA_VERSION = 2

_SCHEMA = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    source_path TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    byline TEXT NOT NULL DEFAULT '',
    fmt TEXT NOT NULL DEFAULT 'text',
    published TEXT,
    published_source TEXT NOT NULL DEFAULT 'none',
    text TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX articles_url ON articles(url);
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    date_text TEXT NOT NULL,
    date_value TEXT NOT NULL,
    date_start TEXT NOT NULL DEFAULT '',
    date_end TEXT NOT NULL DEFAULT '',
    date_precision TEXT NOT NULL,
    date_kind TEXT NOT NULL DEFAULT 'DATE',
    date_mod TEXT NOT NULL DEFAULT '',
    open_end INTEGER NOT NULL DEFAULT 0,
    relative INTEGER NOT NULL DEFAULT 0,
    countries TEXT NOT NULL DEFAULT '',
    organizations TEXT NOT NULL DEFAULT '',
    location_country TEXT NOT NULL DEFAULT '',
    event_type TEXT NOT NULL DEFAULT '',
    cameo_code TEXT NOT NULL DEFAULT '',
    quad_class INTEGER NOT NULL DEFAULT 0,
    summary TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    evidence_start INTEGER NOT NULL DEFAULT 0,
    evidence_end INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

# Version 2: the user's corrections, stored apart from extracted values so re-extraction keeps them.
# An edit targets an event through the key of one of its mentions ("<article hash>:<start>:<end>",
# or "manual:<id>" for an event added by hand); the newest edit of a field wins.
_V2 = """
CREATE TABLE edits (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    event_key TEXT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT NOT NULL DEFAULT '',
    new_value TEXT NOT NULL DEFAULT ''
);
CREATE INDEX edits_key ON edits(event_key);
CREATE TABLE manual_events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    evidence TEXT NOT NULL DEFAULT '',
    evidence_start INTEGER NOT NULL DEFAULT 0,
    evidence_end INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
"""

# Script that brings a library of version N-1 to version N.
_MIGRATIONS = {1: _SCHEMA, 2: _V2}


def _guarded(method: Callable[..., T]) -> Callable[..., T]:
    """Turn SQLite's errors on a damaged file into a LibraryError a user can act on."""

    @functools.wraps(method)
    def wrapper(self: "Library", *args: object, **kwargs: object) -> T:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as e:
            raise LibraryError(f"The library {self.path} cannot be read ({e}); it may be damaged.") from e

    return wrapper


def _iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


# The write path's rows. Batch workers build them (article_row, mention_rows) and send them to the
# one writer as plain tuples: far cheaper to pickle and unpickle than the dataclasses they come from.
# These name columns of the SQL tables (the schema above), not of the frames the library hands out.
ARTICLE_FIELDS = ("hash", "title", "source", "source_path", "url", "byline", "fmt", "published",
                  "published_source", "text")
MENTION_FIELDS = ("char_start", "char_end", "date_text", "date_value", "date_start", "date_end",
                  "date_precision", "date_kind", "date_mod", "open_end", "relative", "countries",
                  "organizations", "location_country", "event_type", "cameo_code", "quad_class", "summary",
                  "evidence", "evidence_start", "evidence_end")
_URL = ARTICLE_FIELDS.index("url")
_INSERT_ARTICLE = (f"INSERT INTO articles ({', '.join(ARTICLE_FIELDS)}, added_at)"
                   f" VALUES ({', '.join('?' * (len(ARTICLE_FIELDS) + 1))})")
_INSERT_MENTION = (f"INSERT INTO mentions (article_id, {', '.join(MENTION_FIELDS)})"
                   f" VALUES ({', '.join('?' * (len(MENTION_FIELDS) + 1))})")


def article_row(article: Article) -> tuple:
    """The articles row of `article` (ARTICLE_FIELDS; the id and added_at come when it is stored)."""
    return (article.hash, article.title, article.source, article.source_path, article.url, article.byline,
            article.fmt, _iso(article.published) or None, article.published_source.value, article.text)


def mention_rows(mentions: Iterable[EventMention]) -> list[tuple]:
    """The mentions rows of one article (MENTION_FIELDS; the article's id comes when it is stored)."""
    return [
        (
            m.date.start, m.date.end, m.date.text, m.date.value, _iso(m.date.start_date), _iso(m.date.end_date),
            m.date.granularity.value, m.date.kind, m.date.mod, int(m.date.open_end), int(m.date.relative),
            col.join_list(m.countries), col.join_list(m.organizations), m.location_country, m.event_type, m.cameo_code,
            m.quad_class, m.summary, m.evidence, m.evidence_start, m.evidence_end,
        )
        for m in mentions
    ]


class Library(ArticleRemoval):
    """One library file. Use one Library per thread; SQLite's WAL lets readers and a writer overlap."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.backup_path: Path | None = None  # set when opening migrated an older library
        if self.path.is_dir():
            raise LibraryError(f"{self.path} is a folder, not a library file.")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), timeout=30.0)
        except (OSError, sqlite3.Error) as e:
            raise LibraryError(f"Cannot open the library {self.path}: {e}.") from e
        self._db.row_factory = sqlite3.Row
        try:
            # Read the header through SQLite before anything can write: a file that is not a
            # database is refused untouched. (The file is never opened outside SQLite: closing
            # another descriptor of it would drop this process's SQLite locks on it.)
            try:
                self._db.execute("PRAGMA schema_version").fetchone()
            except sqlite3.DatabaseError as e:
                raise LibraryError(
                    f"{self.path} is not a Diplomatic Timeline library (not an SQLite file: {e}); "
                    "it was left untouched."
                ) from e
            self._configure()
            self._ensure_schema()
        except sqlite3.DatabaseError as e:
            self._db.close()
            raise LibraryError(
                f"{self.path} is not a usable library file ({e}); it was left untouched."
            ) from e
        except BaseException:
            self._db.close()
            raise

    # -- opening -----------------------------------------------------------------------------

    def _configure(self) -> None:
        db = self._db
        db.execute("PRAGMA foreign_keys = ON")
        # Defensive settings for files that may come from someone else.
        db.execute("PRAGMA trusted_schema = OFF")
        if hasattr(db, "enable_load_extension"):
            db.enable_load_extension(False)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")

    def _ensure_schema(self) -> None:
        version, tables = self._schema_state()
        if version == 0 and not tables:
            # A new library. Two processes may open it at once: the write lock makes one create it.
            self._db.execute("BEGIN IMMEDIATE")
            version, tables = self._schema_state()
            self._db.rollback()
            if version == 0 and not tables:
                self._migrate(0)
                return
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"{self.path} was written by a newer version of Diplomatic Timeline "
                f"(library format {version}, this version reads up to {SCHEMA_VERSION}); it was left untouched."
            )
        if not {"articles", "mentions"} <= tables:
            raise LibraryError(f"{self.path} is an SQLite file but not a Diplomatic Timeline library.")
        # A library passed around a team must not carry code: triggers or views would run on our writes.
        odd = self._db.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')"
        ).fetchall()
        if odd:
            names = ", ".join(f"{r[0]} {r[1]}" for r in odd[:3])
            raise LibraryError(
                f"{self.path} holds database code that Diplomatic Timeline never writes ({names}); "
                "it was not opened, to keep that code from running."
            )
        if version < SCHEMA_VERSION:
            self.backup_path = self._backup(version)
            self._migrate(version)

    def _schema_state(self) -> tuple[int, set[str]]:
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return version, tables

    def _backup(self, version: int) -> Path:
        """Copy the library before migrating it: <name>.v<version>-backup.sqlite3 beside it."""
        target = self.path.with_name(f"{self.path.stem}.v{version}-backup{self.path.suffix or '.sqlite3'}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.stem}.v{version}-backup-{n}{self.path.suffix or '.sqlite3'}")
        dest = sqlite3.connect(str(target))
        try:
            self._db.backup(dest)
        finally:
            dest.close()
        log.info("backed up %s to %s before migrating it", self.path, target)
        return target

    def _migrate(self, version: int) -> None:
        """Run every migration after `version` in one transaction, under the write lock."""
        script = "".join(_MIGRATIONS[v] for v in range(version + 1, SCHEMA_VERSION + 1))
        statements = [st.strip() for st in script.split(";") if st.strip()]
        try:
            self._db.execute("BEGIN IMMEDIATE")
            current = int(self._db.execute("PRAGMA user_version").fetchone()[0])
            if current != version:  # another process migrated it meanwhile
                self._db.rollback()
                return
            for statement in statements:
                self._db.execute(statement)
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self._db.commit()
        except sqlite3.Error as e:
            if self._db.in_transaction:
                self._db.rollback()
            raise LibraryError(f"Could not update the library {self.path} to the current format: {e}.") from e

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------

    @_guarded
    def find_duplicate(self, article: Article) -> int | None:
        """Id of an article already in the library with the same text, or the same URL."""
        return self._duplicate(article.hash, article.url)

    def _duplicate(self, content_hash: str, url: str) -> int | None:
        row = self._db.execute("SELECT id FROM articles WHERE hash = ?", (content_hash,)).fetchone()
        if row is None and url:
            row = self._db.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()
        return None if row is None else int(row[0])

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
        ids: list[int | None] = []
        added_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        db = self._db
        try:
            with db:
                for row, mentions in items:
                    if self._duplicate(row[0], row[_URL]) is not None:
                        ids.append(None)
                        continue
                    article_id = int(db.execute(_INSERT_ARTICLE, (*row, added_at)).lastrowid)
                    db.executemany(_INSERT_MENTION, [(article_id, *m) for m in mentions])
                    ids.append(article_id)
        except sqlite3.Error as e:
            raise LibraryError(f"Could not save {len(items)} article(s) to {self.path}: {e}.") from e
        return ids

    def replace_mentions(self, article_id: int, mentions: Sequence[EventMention],
                         published: dt.date | None = None, published_source: DateSource | None = None) -> None:
        """Swap an article's mentions (after re-extraction or a new publication date) atomically."""
        try:
            with self._db:
                if published_source is not None:
                    self._db.execute(
                        "UPDATE articles SET published = ?, published_source = ? WHERE id = ?",
                        (_iso(published) or None, published_source.value, article_id),
                    )
                self._db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
                self._db.executemany(_INSERT_MENTION, [(article_id, *m) for m in mention_rows(mentions)])
        except sqlite3.Error as e:
            raise LibraryError(f"Could not update article {article_id} in {self.path}: {e}.") from e

    @_guarded
    def remove_articles(self, article_ids: Iterable[int]) -> int:
        """Remove articles and, with them, their mentions. Returns how many were removed."""
        ids = [(int(i),) for i in article_ids]
        with self._db:
            cur = self._db.executemany("DELETE FROM articles WHERE id = ?", ids)
        return cur.rowcount

    @_guarded
    def set_setting(self, key: str, value: str) -> None:
        """Store a value that travels with the library (the window's filters, for instance)."""
        with self._db:
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
        )

    @_guarded
    def article_ids(self) -> list[int]:
        return [int(r[0]) for r in self._db.execute("SELECT id FROM articles ORDER BY id")]

    @_guarded
    def articles_frame(self) -> pd.DataFrame:
        """One row per article, without the text."""
        rows = self._db.execute(
            "SELECT a.id, a.title, a.source, a.source_path, a.url, a.byline, a.fmt,"
            " coalesce(a.published, ''), a.published_source, a.added_at,"
            " (SELECT count(*) FROM mentions m WHERE m.article_id = a.id AND m.date_start != '')"
            " FROM articles a ORDER BY a.id"
        ).fetchall()
        return pd.DataFrame([tuple(r) for r in rows], columns=list(col.ARTICLE_COLUMNS))

    @_guarded
    def mentions_frame(self) -> pd.DataFrame:
        """One row per dated mention as extracted (frames.MENTION_COLUMNS), events added by hand
        included as rows without machine values; the user's edits are applied by core.curation."""
        rows = self._db.execute(
            "SELECT m.id, a.id, a.source_path, a.title, coalesce(a.published, ''), m.date_text,"
            " m.date_value, m.date_start, m.date_end, m.date_precision, m.open_end, m.char_start,"
            " m.char_end, m.countries, m.organizations, m.location_country, m.event_type, m.cameo_code,"
            " m.quad_class, m.summary, m.evidence, m.evidence_start, m.evidence_end,"
            " a.hash || ':' || m.char_start || ':' || m.char_end"
            " FROM mentions m JOIN articles a ON a.id = m.article_id"
            " UNION ALL"
            " SELECT -e.id, coalesce(a.id, 0), coalesce(a.source_path, ''), coalesce(a.title, ''),"
            " coalesce(a.published, ''), '', '', '', '', 'unknown', 0, e.evidence_start, e.evidence_end,"
            " '', '', '', '', '', 0, e.note, e.evidence, e.evidence_start, e.evidence_end, 'manual:' || e.id"
            " FROM manual_events e LEFT JOIN articles a ON a.id = e.article_id"
            " ORDER BY 2, 12"
        ).fetchall()
        cols = [c for c in col.MENTION_COLUMNS if c not in (col.EVENT_ID, col.VERIFIED, col.HIDDEN, col.ORIGIN)]
        df = pd.DataFrame([tuple(r) for r in rows], columns=cols)
        df[col.OPEN_END] = df[col.OPEN_END].astype(bool)
        return frames.with_event_ids(df)

    @_guarded
    def curated_mentions(self) -> pd.DataFrame:
        """Mentions with the user's edits applied: merged and split events, corrected values."""
        return apply_edits(self.mentions_frame(), self.edits_frame())

    def events_frame(self, include_hidden: bool = True) -> pd.DataFrame:
        """One row per event (mentions merged, edits applied), placeable events only.

        Deleted events are never in it; hidden ones are, with hidden=True, unless include_hidden is False.
        """
        events = frames.events_from_mentions(self.curated_mentions())
        if not include_hidden:
            events = events[~events[col.HIDDEN].astype(bool)].reset_index(drop=True)
        return events

    # -- the user's corrections -----------------------------------------------------------

    def add_edit(self, event_key: str, field: str, old_value: str, new_value: str) -> int:
        """Record one correction (committed at once) and return its id."""
        return self.add_edits([(event_key, field, old_value, new_value)])[0]

    def add_edits(self, edits: Sequence[tuple[str, str, str, str]]) -> list[int]:
        """Record several corrections (event_key, field, old, new) in one transaction: all or none."""
        for _key, field, _old, _new in edits:
            if field not in EDIT_FIELDS:
                raise LibraryError(f"'{field}' is not a field of an event that can be edited.")
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")
        ids = []
        try:
            with self._db:
                for event_key, field, old_value, new_value in edits:
                    cur = self._db.execute(
                        "INSERT INTO edits (created_at, event_key, field, old_value, new_value) VALUES (?,?,?,?,?)",
                        (now, event_key, field, old_value, new_value),
                    )
                    ids.append(int(cur.lastrowid))
        except sqlite3.Error as e:
            raise LibraryError(f"Could not save the edit to {self.path}: {e}.") from e
        return ids

    @_guarded
    def edits_frame(self, keys: Iterable[str] | None = None) -> pd.DataFrame:
        """The edit history, oldest first (all of it, or that of the given event keys)."""
        sql = "SELECT id, created_at, event_key, field, old_value, new_value FROM edits"
        params: tuple = ()
        if keys is not None:
            keys = list(keys)
            sql += f" WHERE event_key IN ({','.join('?' * len(keys))})"
            params = tuple(keys)
        rows = self._db.execute(sql + " ORDER BY id", params).fetchall()
        return pd.DataFrame([tuple(r) for r in rows],
                            columns=list(col.EDIT_COLUMNS))

    def add_manual_event(self, article_id: int | None, evidence: str = "", evidence_start: int = 0,
                         evidence_end: int = 0, note: str = "") -> str:
        """Create an event by hand (attached to an article's sentence, or free-standing with a note).

        Returns its key; its date, countries and other values are then set with add_edit.
        """
        try:
            with self._db:
                cur = self._db.execute(
                    "INSERT INTO manual_events (article_id, evidence, evidence_start, evidence_end, note,"
                    " created_at) VALUES (?,?,?,?,?,?)",
                    (article_id, evidence, evidence_start, evidence_end, note,
                     dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
                )
            return f"manual:{cur.lastrowid}"
        except sqlite3.Error as e:
            raise LibraryError(f"Could not add the event to {self.path}: {e}.") from e
