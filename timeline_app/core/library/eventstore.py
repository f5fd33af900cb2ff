"""Events as stored records: the merge of mentions kept in the library, the user's edits replayed over it.

Both are derived data. Every mention holds its machine event (merge.assign) and the block it was
clustered in; a new article's mentions are matched against the blocks of the mentions near their
dates only, so the work per article does not grow with the library, and since a block is clustered
as a whole the result is the one a rebuild gives, whatever the order of the imports. The `events`
table holds every event with the user's edits applied (curation.apply_edits), refreshed for the
machine events a change touches and for those the edits name.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable

import pandas as pd

from timeline_app.core.library import columns as col
from timeline_app.core.library.curation import EDIT_GROUP, apply_edits
from timeline_app.core.library.frames import events_from_mentions
from timeline_app.core.library.matching import FINE_SPAN_DAYS
from timeline_app.core.library.merge import assign

log = logging.getLogger(__name__)

MANUAL_PREFIX = "ev-manual-"
# Days since 1970-01-01 (core.daycount) of an ISO date, in SQL: NULL for an empty one.
_DAY = "CAST(julianday(nullif({0}, '')) - 2440587.5 AS INTEGER)"
_MENTIONS = (
    "SELECT m.id, a.id, a.source_path, a.title, coalesce(a.published, ''), a.language, a.issuer, m.date_text,"
    " m.date_value,"
    " m.date_start, m.date_end, m.date_precision, m.open_end, m.char_start, m.char_end, m.countries,"
    " m.organizations, m.location_country, m.event_type, m.cameo_code, m.quad_class, m.summary, m.evidence,"
    " m.evidence_start, m.evidence_end, a.hash || ':' || m.char_start || ':' || m.char_end, m.machine_event"
    " FROM mentions m JOIN articles a ON a.id = m.article_id"
)
_MANUAL = (
    "SELECT -e.id, coalesce(a.id, 0), coalesce(a.source_path, ''), coalesce(a.title, ''),"
    " coalesce(a.published, ''), coalesce(a.language, ''), coalesce(a.issuer, ''), '', '', '', '', 'unknown', 0,"
    " e.evidence_start, e.evidence_end,"
    " '', '', '', '', '', 0, e.note, e.evidence, e.evidence_start, e.evidence_end, 'manual:' || e.id,"
    f" '{MANUAL_PREFIX}' || e.id FROM manual_events e LEFT JOIN articles a ON a.id = e.article_id"
)
_FRAME_COLUMNS = [c for c in col.MENTION_COLUMNS if c not in (col.EVENT_ID, col.VERIFIED, col.HIDDEN, col.ORIGIN)]
_EVENT_FIELDS = ("id", "event_date", "date_start", "date_end", "start_day", "end_day", "date_precision", "open_end",
                 "date_text", "countries", "organizations", "location_country", "event_type", "cameo_code",
                 "quad_class", "summary", "evidence", "sources", "mentions", "source_titles", "publication_date",
                 "language", "issuer", "article_ids", "event_key", "verified", "hidden", "origin")


def _temp_ids(db: sqlite3.Connection, name: str, values: Iterable[object]) -> str:
    """A temporary table of `values` to join with: SQLite limits the parameters of one IN (...)."""
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} (v PRIMARY KEY)")
    db.execute(f"DELETE FROM {name}")
    db.executemany(f"INSERT OR IGNORE INTO {name} VALUES (?)", [(v,) for v in values])
    return f"(SELECT v FROM {name})"


def mentions(db: sqlite3.Connection, where: str = "", params: tuple = (), manual: bool = True) -> pd.DataFrame:
    """Mention rows (columns.MENTION_COLUMNS less the curation flags) with their machine event ids;
    events added by hand are rows without machine values."""
    sql = _MENTIONS + (f" WHERE {where}" if where else "")
    if manual:
        sql += " UNION ALL " + _MANUAL
    rows = db.execute(sql + " ORDER BY 2, 14", params).fetchall()
    df = pd.DataFrame([tuple(r) for r in rows], columns=[*_FRAME_COLUMNS, col.EVENT_ID])
    df[col.OPEN_END] = df[col.OPEN_END].astype(bool)
    for name, default in ((col.VERIFIED, False), (col.HIDDEN, False), (col.ORIGIN, "extracted")):
        df[name] = default
    return df.loc[:, list(col.MENTION_COLUMNS)]


def _set_days(db: sqlite3.Connection, where: str = "start_day IS NULL") -> None:
    db.execute(f"UPDATE mentions SET start_day = {_DAY.format('date_start')}, end_day = {_DAY.format('date_end')}"
               f" WHERE {where}")


def needs_rebuild(db: sqlite3.Connection) -> bool:
    """True when some mention has no machine event yet (a library of an older version)."""
    return db.execute("SELECT 1 FROM mentions WHERE machine_event = '' LIMIT 1").fetchone() is not None


def rebuild(db: sqlite3.Connection, progress: Callable[[int, int, str], None] | None = None) -> int:
    """Merge every mention again and rewrite the events table (inside the caller's transaction).
    Returns how many events there are."""
    _set_days(db, "1")
    if progress:
        progress(0, 3, "merging the reports of one event")
    frame = mentions(db, manual=False)
    _write_assignment(db, frame)
    if progress:
        progress(1, 3, "applying your corrections")
    db.execute("DELETE FROM events")
    refresh(db, None)
    if progress:
        progress(3, 3, "done")
    return int(db.execute("SELECT count(*) FROM events").fetchone()[0])


def _write_assignment(db: sqlite3.Connection, frame: pd.DataFrame) -> set[str]:
    """Merge the mentions of `frame` (whole blocks) and store their events and blocks; returns the
    machine event ids they had and have now."""
    if frame.empty:
        return set()
    result = assign(frame)
    db.executemany("UPDATE mentions SET machine_event = ?, block = ? WHERE id = ?",
                   zip(result.event_ids.tolist(), result.blocks.tolist(), frame[col.MENTION_ID].tolist()))
    return set(frame[col.EVENT_ID]) | set(result.event_ids)


def reassign(db: sqlite3.Connection, new_ids: Iterable[int] = (), blocks: Iterable[str] = (),
             gone: Iterable[str] = ()) -> None:
    """Merge new mentions (their ids) into the library, and cluster again the blocks that lost some
    (`gone`: the events the lost mentions belonged to, rewritten or dropped).

    A new mention can only join a block holding a mention that shares a party and whose dates meet
    its own: those are found through the day index, and their blocks are clustered again whole.
    """
    new = [int(i) for i in new_ids]
    touched = {b for b in blocks if b}
    if new:
        _set_days(db, f"id IN {_temp_ids(db, '_new', new)}")
        rows = db.execute(f"SELECT start_day, end_day, countries, organizations FROM mentions"
                          f" WHERE id IN (SELECT v FROM _new) AND start_day IS NOT NULL").fetchall()
        for start, end, countries, organizations in rows:
            parties = set(col.split_list(countries)) | set(col.split_list(organizations))
            if not parties:
                continue
            # Fine dates span FINE_SPAN_DAYS at most; a coarse one meets only its own span.
            near = db.execute(
                "SELECT block, countries, organizations FROM mentions WHERE block != '' AND"
                " ((start_day BETWEEN ? AND ? AND end_day >= ?) OR (start_day = ? AND end_day = ?))",
                (start - FINE_SPAN_DAYS, end, start, start, end)).fetchall()
            for block, theirs, their_orgs in near:
                if parties & (set(col.split_list(theirs)) | set(col.split_list(their_orgs))):
                    touched.add(block)
    where = f"m.block IN {_temp_ids(db, '_blocks', touched)}"
    if new:
        where += " OR m.id IN (SELECT v FROM _new)"
    frame = mentions(db, where, manual=False)
    machine = _write_assignment(db, frame)
    refresh(db, machine, set(gone))


def _edited_events(db: sqlite3.Connection, edits: pd.DataFrame) -> set[str]:
    """Machine events holding a mention some edit names (merges name two)."""
    keys = set(edits[col.EVENT_KEY]) | set(edits.loc[edits[col.FIELD] == EDIT_GROUP, col.NEW_VALUE])
    found: set[str] = set()
    for key in keys:
        parts = str(key).rsplit(":", 2)
        if str(key).startswith("manual:") or len(parts) != 3:
            continue
        found |= {r[0] for r in db.execute(
            "SELECT m.machine_event FROM mentions m JOIN articles a ON a.id = m.article_id"
            " WHERE a.hash = ? AND m.char_start = ? AND m.char_end = ?", (parts[0], parts[1], parts[2]))}
    return found


def _edits(db: sqlite3.Connection) -> pd.DataFrame:
    rows = db.execute("SELECT id, created_at, event_key, field, old_value, new_value FROM edits ORDER BY id")
    return pd.DataFrame([tuple(r) for r in rows], columns=list(col.EDIT_COLUMNS))


def refresh(db: sqlite3.Connection, machine: set[str] | None, gone: set[str] = frozenset()) -> None:
    """Rewrite the events of the given machine events (None: all), with the user's edits applied.

    The events the edits name are always rewritten with them: a merge joins machine events that
    only the edits know to be one.
    """
    edits = _edits(db)
    if machine is None:
        frame = mentions(db)
        stale = {r[0] for r in db.execute("SELECT id FROM events")}
    else:
        chosen = set(machine) | _edited_events(db, edits)
        frame = mentions(db, f"m.machine_event IN {_temp_ids(db, '_machine', chosen)}")
        stale = {r[0] for r in db.execute(
            "SELECT DISTINCT event_id FROM mentions WHERE machine_event IN (SELECT v FROM _machine)")}
        stale |= {r[0] for r in db.execute(f"SELECT id FROM events WHERE id LIKE '{MANUAL_PREFIX}%'")}
        stale |= chosen | gone
    curated = apply_edits(frame, edits)
    events = events_from_mentions(curated)
    db.executemany("DELETE FROM events WHERE id = ?", [(e,) for e in stale])
    counts = curated.groupby(col.EVENT_ID).size()
    db.executemany(f"INSERT OR REPLACE INTO events ({', '.join(_EVENT_FIELDS)}) VALUES "
                   f"({', '.join('?' * len(_EVENT_FIELDS))})", _event_rows(events, counts))
    machine_rows = curated[curated[col.MENTION_ID] > 0]
    db.executemany("UPDATE mentions SET event_id = ? WHERE id = ?",
                   zip(machine_rows[col.EVENT_ID].tolist(), machine_rows[col.MENTION_ID].tolist()))
    if not events.empty:
        ids = _temp_ids(db, "_fresh", events[col.EVENT_ID])
        db.execute(f"UPDATE events SET start_day = {_DAY.format('date_start')}, end_day = {_DAY.format('date_end')}"
                   f" WHERE id IN {ids}")


def _event_rows(events: pd.DataFrame, counts: pd.Series) -> Iterable[tuple]:
    for e in events.itertuples(index=False):
        yield (e.event_id, e.event_date, e.date_start, e.date_end, None, None, e.date_precision, int(bool(e.open_end)),
               e.date_text, e.countries, e.organizations, e.location_country, e.event_type, e.cameo_code,
               int(e.quad_class), e.summary, e.evidence, int(e.sources), int(counts.get(e.event_id, 1)),
               e.source_titles, e.publication_date, e.language, e.issuer, e.article_ids, e.event_key, int(bool(e.verified)),
               int(bool(e.hidden)), e.origin)


def events(db: sqlite3.Connection) -> pd.DataFrame:
    """The events table as an events frame (columns.EVENT_COLUMNS), ordered by date."""
    names = [c for c in col.EVENT_COLUMNS]
    fields = ["id" if c == col.EVENT_ID else c for c in names]
    rows = db.execute(f"SELECT {', '.join(fields)} FROM events ORDER BY date_start, id").fetchall()
    df = pd.DataFrame([tuple(r) for r in rows], columns=names)
    for name in (col.OPEN_END, col.VERIFIED, col.HIDDEN):
        df[name] = df[name].astype(bool)
    for name in (col.SOURCES, col.QUAD_CLASS):
        df[name] = df[name].astype(int)
    return df
