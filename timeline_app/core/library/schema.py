"""The library file's SQLite schema, its migrations (PRAGMA user_version) and the settings of every connection."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from timeline_app.core.library import rulestamp
from timeline_app.core.library.locking import WriteLock
from timeline_app.core.shown import shown
from timeline_app.errors import LibraryError

log = logging.getLogger(__name__)

SCHEMA_VERSION = 9

SCHEMA_V1 = """
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
SCHEMA_V2 = """
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

# Version 3: the language of each article (ISO 639-1), detected or given; '' for the articles of
# older libraries until they are read again (re-extraction detects it).
SCHEMA_V3 = """
ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT '';
"""

# Version 4: the issuer of an official statement (issue #16), and where it came from (models.IssuerSource).
# Articles stored before keep '' until they are extracted again.
SCHEMA_V4 = """
ALTER TABLE articles ADD COLUMN issuer TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN issuer_source TEXT NOT NULL DEFAULT 'none';
"""

# Version 5: events as stored records (issue 15). Each mention points to its machine event (the
# merge of reports, eventstore.py) and to the block it was clustered in; `events` holds every event
# with the user's edits applied. Both are derived: `python main.py rebuild` makes them again from
# the mentions and the edits, and a library of an older version gets them when it is opened.
# Day numbers (core.daycount) let a new mention find the events near its date through an index.
SCHEMA_V5 = """
ALTER TABLE mentions ADD COLUMN machine_event TEXT NOT NULL DEFAULT '';
ALTER TABLE mentions ADD COLUMN event_id TEXT NOT NULL DEFAULT '';
ALTER TABLE mentions ADD COLUMN block TEXT NOT NULL DEFAULT '';
ALTER TABLE mentions ADD COLUMN start_day INTEGER;
ALTER TABLE mentions ADD COLUMN end_day INTEGER;
CREATE INDEX mentions_start_day ON mentions(start_day);
CREATE INDEX mentions_block ON mentions(block);
CREATE INDEX mentions_machine_event ON mentions(machine_event);
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    event_date TEXT NOT NULL,
    date_start TEXT NOT NULL,
    date_end TEXT NOT NULL,
    start_day INTEGER,
    end_day INTEGER,
    date_precision TEXT NOT NULL,
    open_end INTEGER NOT NULL DEFAULT 0,
    date_text TEXT NOT NULL DEFAULT '',
    countries TEXT NOT NULL DEFAULT '',
    organizations TEXT NOT NULL DEFAULT '',
    location_country TEXT NOT NULL DEFAULT '',
    event_type TEXT NOT NULL DEFAULT '',
    cameo_code TEXT NOT NULL DEFAULT '',
    quad_class INTEGER NOT NULL DEFAULT 0,
    summary TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    sources INTEGER NOT NULL DEFAULT 1,
    mentions INTEGER NOT NULL DEFAULT 1,
    source_titles TEXT NOT NULL DEFAULT '',
    publication_date TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    issuer TEXT NOT NULL DEFAULT '',
    article_ids TEXT NOT NULL DEFAULT '',
    event_key TEXT NOT NULL DEFAULT '',
    verified INTEGER NOT NULL DEFAULT 0,
    hidden INTEGER NOT NULL DEFAULT 0,
    origin TEXT NOT NULL DEFAULT 'extracted'
);
CREATE INDEX events_start_day ON events(start_day);
"""

# Version 6: reports (issue 15, incremental assignment). Each article's mentions of one event make
# a report (core/library/reports.py); a mention points to its report. `report_parties` indexes the
# reports that can still be matched by party, kind and first day, so a new report finds the reports
# it could tell of one event with through an index, and `crowds` counts the reports naming each
# party in each week, month and coarse span (blocks.py). All of it is derived: the machine events
# are emptied here so that the library is rebuilt (after the backup) when it is opened.
SCHEMA_V6 = """
DROP INDEX IF EXISTS mentions_start_day;
DROP INDEX IF EXISTS mentions_block;
ALTER TABLE mentions ADD COLUMN report INTEGER;
CREATE INDEX mentions_report ON mentions(report);
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    start_day INTEGER NOT NULL,
    end_day INTEGER NOT NULL,
    span TEXT NOT NULL DEFAULT '',
    open_end INTEGER NOT NULL DEFAULT 0,
    countries TEXT NOT NULL DEFAULT '',
    organizations TEXT NOT NULL DEFAULT '',
    codes TEXT NOT NULL DEFAULT '',
    words TEXT NOT NULL DEFAULT '',
    kind INTEGER NOT NULL,
    crowd_cell TEXT NOT NULL DEFAULT '',
    crowded INTEGER NOT NULL DEFAULT 0,
    best TEXT NOT NULL DEFAULT '',
    best_score REAL NOT NULL DEFAULT 0,
    block TEXT NOT NULL DEFAULT '',
    event TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reports_article ON reports(article_id);
CREATE INDEX reports_block ON reports(block);
CREATE INDEX reports_best ON reports(best) WHERE best != '';
CREATE INDEX reports_crowd_cell ON reports(crowd_cell) WHERE crowd_cell != '';
CREATE TABLE report_parties (
    party TEXT NOT NULL,
    kind INTEGER NOT NULL,
    start_day INTEGER NOT NULL,
    end_day INTEGER NOT NULL,
    report INTEGER NOT NULL,
    -- WORKAROUND: end_day is in the key, as SQLite 3.40's integrity_check reports a NOT NULL column
    -- after the key of a WITHOUT ROWID table as NULL ("NULL value in report_parties.end_day").
    PRIMARY KEY (party, kind, start_day, report, end_day)
) WITHOUT ROWID;
CREATE INDEX report_parties_report ON report_parties(report);
CREATE TABLE crowds (
    party TEXT NOT NULL,
    cell TEXT NOT NULL,
    reports INTEGER NOT NULL,
    PRIMARY KEY (party, cell)
) WITHOUT ROWID;
CREATE INDEX edits_group_target ON edits(new_value) WHERE field = 'group';
UPDATE mentions SET machine_event = '';
"""

# Version 7: two reports naming one party each, not the same one, can be one event on their days
# (matching.one_sided), so a new report's partners are also looked up by kind and first day alone.
# The machine events are emptied so that the library is rebuilt with that rule when it is opened.
SCHEMA_V7 = """
CREATE INDEX report_parties_day ON report_parties(kind, start_day);
UPDATE mentions SET machine_event = '';
"""

# Version 8: an event's date modifier (datemod.py: APPROX when every dated mention behind it is
# uncertain, START/MID/END ... when its mentions agree), so that the table, the timeline, the filters
# and the exports mark an uncertain date. The machine events are emptied so that the events are
# rebuilt, with their modifiers, when the library is opened.
SCHEMA_V8 = """
ALTER TABLE events ADD COLUMN date_mod TEXT NOT NULL DEFAULT '';
UPDATE mentions SET machine_event = '';
"""

# Version 9: `crowds` also counts the one-party reports of each day (party '*', blocks.one_side_cell),
# which leave the one-party rule on a crowded day. The machine events are emptied so that the library
# is rebuilt, and those counts made, when it is opened.
SCHEMA_V9 = """
UPDATE mentions SET machine_event = '';
"""

# Script that brings a library of version N-1 to version N.
_MIGRATIONS = {1: SCHEMA_V1, 2: SCHEMA_V2, 3: SCHEMA_V3, 4: SCHEMA_V4, 5: SCHEMA_V5, 6: SCHEMA_V6, 7: SCHEMA_V7,
               8: SCHEMA_V8, 9: SCHEMA_V9}


def configure(db: sqlite3.Connection) -> None:
    """Settings of every connection: foreign keys, and no code from the file. They write nothing to it:
    a file is switched to WAL only once it is accepted (opening.py)."""
    db.execute("PRAGMA foreign_keys = ON")
    # Defensive settings for files that may come from someone else.
    db.execute("PRAGMA trusted_schema = OFF")
    if hasattr(db, "enable_load_extension"):
        db.enable_load_extension(False)
    db.execute("PRAGMA synchronous = NORMAL")


def check(db: sqlite3.Connection, path: Path) -> bool:
    """Whether the file is a library still to be created (True) or one to open (False); reads only.

    Raises LibraryError for a library of an unknown (newer, negative) version, a foreign SQLite file,
    or one holding code.
    """
    version, tables = _schema_state(db)
    if version == 0 and not tables:
        return True
    if version > SCHEMA_VERSION:
        raise LibraryError(
            f"{shown(path)} was written by a newer version of Diplomatic Timeline "
            f"(library format {version}, this version reads up to {SCHEMA_VERSION}); it was left untouched."
        )
    if version < 0:
        raise LibraryError(f"{shown(path)} has library format {version}, which no version of Diplomatic Timeline "
                           "writes; it was left untouched.")
    if not {"articles", "mentions"} <= tables:
        raise LibraryError(f"{shown(path)} is an SQLite file but not a Diplomatic Timeline library; "
                           "it was left untouched.")
    # A library passed around a team must not carry code: triggers or views would run on our writes.
    odd = db.execute("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')").fetchall()
    if odd:
        names = ", ".join(f"{r[0]} {shown(r[1])}" for r in odd[:3])
        raise LibraryError(
            f"{shown(path)} holds database code that Diplomatic Timeline never writes ({names}); "
            "it was not opened, to keep that code from running, and was left untouched."
        )
    return False


def ensure_schema(db: sqlite3.Connection, path: Path, lock: WriteLock) -> Path | None:
    """Create the tables of a new library, or migrate an older one after a backup (its path is returned).

    Raises LibraryError, as check does, before anything is written.
    """
    if check(db, path):
        # A new library. Processes may open it at once: the write lock makes one create it.
        with lock.transaction("create the library"):
            if check(db, path):
                _create(db)
        return None
    version = _schema_state(db)[0]
    if version == SCHEMA_VERSION:
        return None
    backup = backup_copy(db, path, f"v{version}")
    _migrate(db, path, version, lock)
    return backup


def _schema_state(db: sqlite3.Connection) -> tuple[int, set[str]]:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return version, tables


def backup_target(path: Path, tag: str) -> Path:
    """Where backup_copy would copy the library now: <name>.<tag>-backup.sqlite3 beside it, or
    <name>.<tag>-backup-2.sqlite3 ... when that one is taken (tag: v<version> before a migration)."""
    target = path.with_name(f"{path.stem}.{tag}-backup{path.suffix or '.sqlite3'}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.{tag}-backup-{n}{path.suffix or '.sqlite3'}")
    return target


def backup_copy(db: sqlite3.Connection, path: Path, tag: str) -> Path:
    """Copy the library before migrating or rebuilding it, to backup_target(path, tag)."""
    target = backup_target(path, tag)
    dest = sqlite3.connect(str(target))
    try:
        db.backup(dest)
    finally:
        dest.close()
    log.info("backed up %s to %s", shown(path), shown(target))
    return target


def _statements(first: int) -> list[str]:
    """The statements of every migration from version `first` on."""
    script = "".join(_MIGRATIONS[v] for v in range(first, SCHEMA_VERSION + 1))
    return [st.strip() for st in script.split(";") if st.strip()]


def _create(db: sqlite3.Connection) -> None:
    for statement in _statements(1):
        db.execute(statement)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    # Empty, its events follow this app's rules from the first merge on.
    rulestamp.mark(db)


def _migrate(db: sqlite3.Connection, path: Path, version: int, lock: WriteLock) -> None:
    """Run every migration after `version` in one transaction, under the write lock."""
    try:
        with lock.transaction("update the library to the current format"):
            if int(db.execute("PRAGMA user_version").fetchone()[0]) != version:
                return  # another process migrated it meanwhile
            for statement in _statements(version + 1):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.Error as e:
        raise LibraryError(f"Could not update the library {shown(path)} to the current format: {e}.") from e
