"""Events as stored records: the merge of mentions kept in the library, the user's edits replayed over it.

Both are derived data. Every mention holds its report, machine event and block (incremental.py
keeps them as articles come and go, `rebuild` makes them again from all mentions); the `events`
table holds every event with the user's edits applied (curation.apply_edits), rewritten for the
machine events a change touches and for those the user's merges join to them.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable

import pandas as pd

from timeline_app.core.daycount import MISSING_DAY, parse_iso_days
from timeline_app.core.library import blocks as bl
from timeline_app.core.library import columns as col
from timeline_app.core.library import incremental
from timeline_app.core.library import reportstore as rs
from timeline_app.core.library import rulestamp
from timeline_app.core.library.curation import EDIT_GROUP, apply_edits
from timeline_app.core.library.frames import events_from_mentions
from timeline_app.core.library.incremental import Gone
from timeline_app.core.library.merge import cluster, own_event
from timeline_app.core.library.reportstore import DAY_SQL, Stored, temp_ids
from timeline_app.core.progress import Cancel

log = logging.getLogger(__name__)

MANUAL_PREFIX = "ev-manual-"
_MENTIONS = (
    "SELECT m.id, a.id, a.source_path, a.title, coalesce(a.published, ''), a.language, a.issuer, m.date_text,"
    " m.date_value,"
    " m.date_start, m.date_end, m.date_precision, m.date_mod, m.open_end, m.char_start, m.char_end, m.countries,"
    " m.organizations, m.location_country, m.event_type, m.cameo_code, m.quad_class, m.summary, m.evidence,"
    " m.evidence_start, m.evidence_end, a.hash || ':' || m.char_start || ':' || m.char_end, m.machine_event"
    " FROM mentions m JOIN articles a ON a.id = m.article_id"
)
_MANUAL = (
    "SELECT -e.id, coalesce(a.id, 0), coalesce(a.source_path, ''), coalesce(a.title, ''),"
    " coalesce(a.published, ''), coalesce(a.language, ''), coalesce(a.issuer, ''), '', '', '', '', 'unknown', '', 0,"
    " e.evidence_start, e.evidence_end,"
    " '', '', '', '', '', 0, e.note, e.evidence, e.evidence_start, e.evidence_end, 'manual:' || e.id,"
    f" '{MANUAL_PREFIX}' || e.id FROM manual_events e LEFT JOIN articles a ON a.id = e.article_id"
)
_FRAME_COLUMNS = [c for c in col.MENTION_COLUMNS if c not in (col.EVENT_ID, col.VERIFIED, col.HIDDEN, col.ORIGIN)]
_EVENT_FIELDS = ("id", "event_date", "date_start", "date_end", "start_day", "end_day", "date_precision", "date_mod",
                 "open_end", "date_text", "countries", "organizations", "location_country", "event_type", "cameo_code",
                 "quad_class", "summary", "evidence", "sources", "mentions", "source_titles", "publication_date",
                 "language", "issuer", "article_ids", "event_key", "verified", "hidden", "origin")
_EDITS = "SELECT id, created_at, event_key, field, old_value, new_value FROM edits"


def mentions(db: sqlite3.Connection, where: str = "", params: tuple = (), manual: bool | str = True) -> pd.DataFrame:
    """Mention rows (columns.MENTION_COLUMNS less the curation flags) with their machine event ids;
    events added by hand are rows without machine values (all of them, or those `manual` selects)."""
    sql = _MENTIONS + (f" WHERE {where}" if where else "")
    if manual:
        sql += " UNION ALL " + _MANUAL + (f" WHERE {manual}" if isinstance(manual, str) else "")
    found = rs.rows(db, sql + " ORDER BY 2, 14", params)
    names = [*_FRAME_COLUMNS, col.EVENT_ID]
    df = pd.DataFrame(dict(zip(names, zip(*found))) if found else {n: [] for n in names}, columns=names)
    df[col.OPEN_END] = df[col.OPEN_END].astype(bool)
    for name, default in ((col.VERIFIED, False), (col.HIDDEN, False), (col.ORIGIN, "extracted")):
        df[name] = default
    return df.loc[:, list(col.MENTION_COLUMNS)]


class RebuildCancelled(Exception):
    """The user stopped a rebuild: the caller rolls its transaction back, and the library is as it was."""


def needs_rebuild(db: sqlite3.Connection) -> bool:
    """True when some mention has no machine event yet (a library of an older format)."""
    return db.execute("SELECT 1 FROM mentions WHERE machine_event = '' LIMIT 1").fetchone() is not None


def rebuild(db: sqlite3.Connection, progress: Callable[[int, int, str], None] | None = None,
            cancel: Cancel | None = None) -> int:
    """Merge every mention again and rewrite the reports and the events table (inside the caller's
    transaction), and stamp the library with the rules it now follows. Returns how many events there
    are; raises RebuildCancelled at the first check after the user asked it to stop."""
    def step(done: int, what: str) -> None:
        if cancel is not None and cancel():
            raise RebuildCancelled
        if progress:
            progress(done, 4, what)

    step(0, "reading the mentions")
    db.execute(f"UPDATE mentions SET start_day = {DAY_SQL.format('date_start')}, end_day = {DAY_SQL.format('date_end')}")
    for table in ("report_parties", "reports", "crowds"):
        db.execute(f"DELETE FROM {table}")
    mention_ids, m, reports, report_of = rs.reports_of(db)
    step(1, "merging the reports of one event")
    result = cluster(reports)
    step(2, "storing the events")
    kinds = [bl.kind(r) for r in reports]
    fields = [(reports[b].key if b >= 0 else "", float(result.best_score[i]), result.blocks[i], result.events[i])
              for i, b in enumerate(result.best.tolist())]
    ids = rs.insert(db, reports, kinds, result.crowded.tolist(), fields)
    rs.index(db, [Stored(i, r, k, bool(c), "", 0.0, "", "") for i, r, k, c in zip(ids, reports, kinds, result.crowded)],
             fresh=True)
    db.executemany("INSERT INTO crowds (party, cell, reports) VALUES (?, ?, ?)", result.counts)
    db.execute("CREATE TEMP TABLE IF NOT EXISTS _assigned (id INTEGER PRIMARY KEY, report INTEGER, event TEXT, block TEXT)")
    db.execute("DELETE FROM _assigned")
    db.executemany("INSERT INTO _assigned VALUES (?, ?, ?, ?)", [
        (i, ids[r], result.events[r], result.blocks[r]) if r >= 0 else (i, None, own_event(m.key[x]), "")
        for x, (i, r) in enumerate(zip(mention_ids, report_of))])
    db.execute("UPDATE mentions SET report = t.report, machine_event = t.event, block = t.block FROM _assigned t"
               " WHERE mentions.id = t.id")
    step(3, "applying your corrections")
    db.execute("DELETE FROM events")
    refresh(db, None)
    rulestamp.mark(db)
    if progress:
        progress(4, 4, "done")
    return int(db.execute("SELECT count(*) FROM events").fetchone()[0])


def changed(db: sqlite3.Connection, added: Iterable[int] = (), gone: Gone | None = None) -> None:
    """Merge the mentions of newly stored articles (their ids), take out what `incremental.forget`
    took, and rewrite the events this changes."""
    machine = incremental.update(db, list(added), gone)
    refresh(db, machine, gone.events if gone else set())


def _machine_of(db: sqlite3.Connection, keys: Iterable[str]) -> dict[str, str]:
    """The machine event of the mention (or the event added by hand) of each key."""
    out: dict[str, str] = {}
    parsed = []
    for key in keys:
        if key.startswith("manual:"):
            out[key] = MANUAL_PREFIX + key[len("manual:"):]
            continue
        parts = key.rsplit(":", 2)
        if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
            parsed.append((key, parts[0], int(parts[1]), int(parts[2])))
    if parsed:
        db.execute("CREATE TEMP TABLE IF NOT EXISTS _keys (k TEXT, hash TEXT, s INTEGER, e INTEGER)")
        db.execute("DELETE FROM _keys")
        db.executemany("INSERT INTO _keys VALUES (?, ?, ?, ?)", parsed)
        out.update(db.execute("SELECT k.k, m.machine_event FROM _keys k JOIN articles a ON a.hash = k.hash"
                              " JOIN mentions m ON m.article_id = a.id AND m.char_start = k.s AND m.char_end = k.e"))
    return out


def machine_events_of(db: sqlite3.Connection, keys: Iterable[str]) -> set[str]:
    """The machine events holding the given mention keys (what an edit of them changes)."""
    return set(_machine_of(db, keys).values())


def _joined(db: sqlite3.Connection, machine: set[str]) -> set[str]:
    """`machine` and every machine event the user's merges join to it, directly or through others."""
    groups = db.execute("SELECT event_key, new_value FROM edits WHERE field = ?", (EDIT_GROUP,)).fetchall()
    if not groups:
        return machine
    of = _machine_of(db, {k for row in groups for k in row if k})
    near: dict[str, set[str]] = {}
    for key, target in groups:
        a, b = of.get(key), of.get(target)
        if a and b and a != b:
            near.setdefault(a, set()).add(b)
            near.setdefault(b, set()).add(a)
    out, todo = set(machine), list(machine)
    while todo:
        for other in near.get(todo.pop(), ()):
            if other not in out:
                out.add(other)
                todo.append(other)
    return out


def refresh(db: sqlite3.Connection, machine: set[str] | None, gone: set[str] = frozenset()) -> None:
    """Rewrite the events of the given machine events (None: all), and those the user's merges join
    to them, with the user's edits applied; `gone`: events of mentions that are no more."""
    if machine is None:
        frame = mentions(db)
        edits = pd.DataFrame([tuple(r) for r in db.execute(_EDITS + " ORDER BY id")], columns=list(col.EDIT_COLUMNS))
        stale = {r[0] for r in db.execute("SELECT id FROM events")}
    else:
        chosen = _joined(db, set(machine))
        if not chosen and not gone:
            return
        ids = temp_ids(db, "_machine", chosen)
        manual = [int(e[len(MANUAL_PREFIX):]) for e in chosen if e.startswith(MANUAL_PREFIX)]
        frame = mentions(db, f"m.machine_event IN {ids}", manual=f"e.id IN ({','.join(map(str, manual))})" if manual
                         else False)
        keys = temp_ids(db, "_keys_of", frame[col.MENTION_KEY])
        edits = pd.DataFrame([tuple(r) for r in db.execute(
            _EDITS + f" WHERE event_key IN {keys} OR (field = ? AND new_value IN {keys}) ORDER BY id", (EDIT_GROUP,))],
            columns=list(col.EDIT_COLUMNS))
        stale = {r[0] for r in db.execute(f"SELECT DISTINCT event_id FROM mentions WHERE machine_event IN {ids}")}
        stale |= set(chosen) | set(gone)
    curated = apply_edits(frame, edits)
    events = events_from_mentions(curated)
    db.executemany("DELETE FROM events WHERE id = ?", [(e,) for e in stale])
    counts = curated.groupby(col.EVENT_ID).size()
    db.executemany(f"INSERT OR REPLACE INTO events ({', '.join(_EVENT_FIELDS)}) VALUES "
                   f"({', '.join('?' * len(_EVENT_FIELDS))})", _event_rows(events, counts))
    machine_rows = curated[curated[col.MENTION_ID] > 0]
    db.executemany("UPDATE mentions SET event_id = ? WHERE id = ?",
                   zip(machine_rows[col.EVENT_ID].tolist(), machine_rows[col.MENTION_ID].tolist()))


def _event_rows(events: pd.DataFrame, counts: pd.Series) -> Iterable[tuple]:
    """The events table's rows (_EVENT_FIELDS) of an events frame; `counts`: mentions per event."""
    n = len(events)
    mentions = counts.reindex(events[col.EVENT_ID]).fillna(1).astype(int).tolist() if n else []
    values = {name: events[name].tolist() for name in events.columns}
    flags = {name: [int(bool(v)) for v in values[name]] for name in (col.OPEN_END, col.VERIFIED, col.HIDDEN)}
    numbers = {name: [int(v) for v in values[name]] for name in (col.QUAD_CLASS, col.SOURCES)}
    days = {name: [None if d == MISSING_DAY else d for d in parse_iso_days(values[source]).tolist()]
            for name, source in (("start_day", col.DATE_START), ("end_day", col.DATE_END))}
    columns = {"id": values[col.EVENT_ID], "mentions": mentions, **days, **values, **flags, **numbers}
    return zip(*(columns[name] for name in _EVENT_FIELDS))


def events(db: sqlite3.Connection) -> pd.DataFrame:
    """The events table as an events frame (columns.EVENT_COLUMNS), ordered by date."""
    names = [c for c in col.EVENT_COLUMNS]
    fields = ["id" if c == col.EVENT_ID else c for c in names]
    found = rs.rows(db, f"SELECT {', '.join(fields)} FROM events ORDER BY date_start, id")
    df = pd.DataFrame(dict(zip(names, zip(*found))) if found else {n: [] for n in names}, columns=names)
    for name in (col.OPEN_END, col.VERIFIED, col.HIDDEN):
        df[name] = df[name].astype(bool)
    for name in (col.SOURCES, col.QUAD_CLASS):
        df[name] = df[name].astype(int)
    return df
