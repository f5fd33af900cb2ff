"""The library read for the window in one pass of SQL: events and mentions as columns, the articles as a frame.

Rows come straight from SQLite into numpy arrays (no frame of the whole library on the way), a
block of rows at a time so that only one block is held twice.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from itertools import chain

import numpy as np
import pandas as pd

from timeline_app.core.daycount import MISSING_DAY, parse_iso_days
from timeline_app.core.library import columns as col
from timeline_app.core.library import eventstore
from timeline_app.core.library.codelists import factorize
from timeline_app.core.library.curation import EDIT_GROUP, apply_edits
from timeline_app.core.library.eventcolumns import (
    DEFERRED, FLAGS, LAZY_LISTS, LISTS, NUMBERS, TEXT, DeferredReader, EventColumns,
)
from timeline_app.core.library.mentioncolumns import MentionColumns

log = logging.getLogger(__name__)

BLOCK = 50_000  # rows fetched at a time
# Read at open: every column but the DEFERRED ones (handing over a cell is most of the cost of a read).
_EVENT_NAMES = tuple(n for n in (*TEXT, *LISTS, *LAZY_LISTS) if n not in DEFERRED) + (*FLAGS, *NUMBERS)
_TEXT_COUNT = len(_EVENT_NAMES) - len(FLAGS) - len(NUMBERS)
_DAYS = f"coalesce(start_day, {MISSING_DAY}), coalesce(end_day, {MISSING_DAY})"
_EVENTS = (f"SELECT {', '.join('id' if n == col.EVENT_ID else n for n in _EVENT_NAMES)}, {_DAYS}"
           " FROM events ORDER BY start_day")
# Columns of few distinct values, read as one cell a row that SQL joins with a separator and split once
# per distinct combination: handing over a cell is most of the cost of a read, and their values come
# out shared, as the views want them (467k events: the fetch and the splitting of these 6 columns,
# 0.3-0.5 s of CPU less). A value that holds the separator sends the read back to _EVENTS.
JOINED = (col.DATE_PRECISION, col.DATE_MOD, col.EVENT_TYPE, col.CAMEO_CODE, col.ORGANIZATIONS, col.LANGUAGE)
_SEPARATOR = "\x1f"
_SEPARATE = tuple(n for n in _EVENT_NAMES if n not in JOINED)
_EVENTS_JOINED = (f"SELECT {', '.join('id' if n == col.EVENT_ID else n for n in _SEPARATE[:_TEXT_COUNT - len(JOINED)])},"
                  f" {' || char(31) || '.join(JOINED)}, {', '.join(_SEPARATE[_TEXT_COUNT - len(JOINED):])}, {_DAYS}"
                  " FROM events ORDER BY start_day")
# Only dated mentions make events; manual ones are read apart (read_mentions).
_MENTIONS = ("SELECT id, article_id, char_start, char_end, evidence_start, evidence_end, event_id FROM mentions"
             " WHERE date_start != ''")
_MANUAL = "SELECT -id, coalesce(article_id, 0), evidence_start, evidence_end, evidence_start, evidence_end" \
          " FROM manual_events"
# Without their events' count: that comes with the mentions (read_mentions), counted in numpy.
_ARTICLE_NAMES = [c for c in col.ARTICLE_COLUMNS if c != col.EVENT_COUNT]
_ARTICLE_SQL = {col.ARTICLE_ID: "id", col.PUBLISHED: "coalesce(published, '')"}
_ARTICLES = f"SELECT {', '.join(_ARTICLE_SQL.get(c, c) for c in _ARTICLE_NAMES)} FROM articles ORDER BY id"
_ARTICLE_IDS = "SELECT id FROM articles ORDER BY id"


def columns_of(cursor: sqlite3.Cursor, kinds: Sequence[type], count: int | None = None) -> list[np.ndarray]:
    """The cursor's rows as one array per column (`kinds`: int or object), read BLOCK rows at a time.

    `count`, the number of rows when known, lets each block go straight into its place: filling
    arrays made once costs less than keeping the blocks and concatenating them at the end (467k
    events, 20 columns: 0.37-0.40 s against 0.42-0.60 s of CPU) and holds no block past its turn.
    """
    # Plain tuples, not the library connection's sqlite3.Row: a Row is a second object per row, and
    # both are tracked by the collector, which the GUI thread runs every second while this reads.
    cursor.row_factory = None
    out = [np.empty(count or 0, dtype=np.int64 if k is int else object) for k in kinds]
    done = 0
    while rows := cursor.fetchmany(BLOCK):
        # One 2-D array of the block's rows, made in C, then sliced: a tuple per column (zip) cost
        # more than the fetch itself (467k events: 4.9 s of CPU to 3.8 s, the fetch alone 2.4 s).
        # fromiter over the chained rows, not np.array(rows): that one looks into every row for
        # nested sequences first (47k events, 21 columns: 58-90 ms down to 39-58 ms).
        block = np.fromiter(chain.from_iterable(rows), dtype=object, count=len(rows) * len(kinds)
                            ).reshape(len(rows), len(kinds))
        end = done + len(rows)
        if end > len(out[0]):  # rows not counted (or more than counted): room for twice as many
            out = [np.concatenate((a[:done], np.empty(max(end, 2 * done) - done, dtype=a.dtype))) for a in out]
        for j, column in enumerate(out):
            column[done:end] = block[:, j]  # int columns: each value converted here
        done = end
    return [a if len(a) == done else a[:done].copy() for a in out]


def read_events(db: sqlite3.Connection, deferred: Callable[[np.ndarray], DeferredReader] | None = None,
                joined: bool = True) -> EventColumns:
    """Every event of the events table, ordered by start day (then as stored).

    `deferred(ids)` gives the reader of the DEFERRED columns of the events `ids` (in that order);
    without it they are read here too. `joined`: the JOINED columns read as one cell a row.
    """
    count = db.execute("SELECT count(*) FROM events").fetchone()[0]
    coded: dict[str, tuple[np.ndarray, np.ndarray]] | None = {}
    if joined:
        names = (*_SEPARATE[:_TEXT_COUNT - len(JOINED)], "", *_SEPARATE[_TEXT_COUNT - len(JOINED):])
        kinds = [object] * (_TEXT_COUNT - len(JOINED) + 1) + [int] * (len(FLAGS) + len(NUMBERS) + 2)
        values = columns_of(db.execute(_EVENTS_JOINED), kinds, count)
        raw = dict(zip(names, values))
        coded = split_joined(raw.pop(""), len(JOINED))
    if not joined or coded is None:
        kinds = [object] * _TEXT_COUNT + [int] * (len(FLAGS) + len(NUMBERS) + 2)
        values = columns_of(db.execute(_EVENTS), kinds, count)
        raw, coded = dict(zip(_EVENT_NAMES, values)), {}
    start, end = values[-2], values[-1]
    undated = start == MISSING_DAY
    if undated.any():  # SQLite's date functions start at year 0: earlier dates are parsed here
        rows = db.execute("SELECT id, date_start, date_end FROM events WHERE start_day IS NULL").fetchall()
        where = pd.Index(raw[col.EVENT_ID]).get_indexer([r[0] for r in rows])
        start[where] = parse_iso_days([r[1] for r in rows])
        end[where] = parse_iso_days([r[2] for r in rows])
    if len(start) and np.any(start[1:] < start[:-1]):  # the SQL orders them, unless dates before year 0 moved
        order = np.argsort(start, kind="stable")
        raw, start, end = {k: v[order] for k, v in raw.items()}, start[order], end[order]
        coded = {k: (codes[order], uniques) for k, (codes, uniques) in coded.items()}
    ids = raw[col.EVENT_ID]
    if deferred is None:
        raw.update(read_event_text(db, DEFERRED, ids))
    return EventColumns.build(raw, start, end, deferred(ids) if deferred is not None else None,
                              dict(zip(JOINED, coded.values())) if coded else None)


def split_joined(cells: np.ndarray, parts: int) -> dict[int, tuple[np.ndarray, np.ndarray]] | None:
    """Cells of `parts` values joined by the separator, as each part's (codes, distinct values): part
    j of row r is values[codes[r]]; the distinct values are each one object. None when a cell is not
    `parts` values (one held the separator, or a NULL made it NULL)."""
    combo, uniques = factorize(cells)
    if (combo < 0).any():
        return None
    split = [str(u).split(_SEPARATOR) for u in uniques]
    if any(len(values) != parts for values in split):
        return None
    out: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for j in range(parts):
        codes, values = factorize(np.asarray([values[j] for values in split] or [], dtype=object))
        out[j] = (codes[combo] if len(combo) else np.zeros(0, dtype=np.int64), values)
    return out


def read_event_text(db: sqlite3.Connection, names: Sequence[str], ids: np.ndarray) -> dict[str, np.ndarray]:
    """The named text columns of the events `ids`, in that order ("" for an event no longer stored)."""
    values = columns_of(db.execute(f"SELECT id, {', '.join(names)} FROM events ORDER BY start_day"),
                        [object] * (len(names) + 1))
    if len(values[0]) == len(ids) and np.array_equal(values[0], ids):  # the order of read_events
        return dict(zip(names, values[1:]))
    where = pd.Index(values[0]).get_indexer(ids)
    found = where >= 0
    out: dict[str, np.ndarray] = {}
    for name, column in zip(names, values[1:]):
        out[name] = np.full(len(ids), "", dtype=object)
        out[name][found] = column[where[found]]
    return out


def read_mentions(db: sqlite3.Connection, events: EventColumns) -> MentionColumns:
    """The dated mentions and the events added by hand, each with the row of its event in `events`."""
    hashes = dict(db.execute("SELECT id, hash FROM articles").fetchall())
    ids, article, cs, ce, es, ee, event_ids = columns_of(db.execute(_MENTIONS), [int] * 6 + [object])
    manual = db.execute(_MANUAL).fetchall()
    if manual:
        mine = _manual_event_ids(db)
        extra = np.asarray(manual, dtype=np.int64).reshape(-1, 6)
        ids, article, cs, ce, es, ee = (np.concatenate((a, extra[:, j])) for j, a in
                                        enumerate((ids, article, cs, ce, es, ee)))
        event_ids = np.concatenate((event_ids, np.asarray([mine.get(int(i), "") for i in extra[:, 0]], dtype=object)))
    rows = pd.Index(events.ids).get_indexer(event_ids) if len(event_ids) else np.zeros(0, dtype=np.int64)
    return MentionColumns(ids, rows.astype(np.int64), article, cs, ce, es, ee, hashes)


def _edits(db: sqlite3.Connection, where: str = "1", params: tuple = ()) -> pd.DataFrame:
    rows = db.execute("SELECT id, created_at, event_key, field, old_value, new_value FROM edits"
                      f" WHERE {where} ORDER BY id", params)
    return pd.DataFrame([tuple(r) for r in rows], columns=list(col.EDIT_COLUMNS))


def _named_mentions(db: sqlite3.Connection, groups: pd.DataFrame) -> str:
    """SQL naming the mentions the merge edits name (their keys and the keys they point at)."""
    found: list[int] = []
    for key in set(groups[col.EVENT_KEY]) | set(groups[col.NEW_VALUE]):
        parts = str(key).rsplit(":", 2)
        if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
            found += [r[0] for r in db.execute(
                "SELECT m.id FROM mentions m JOIN articles a ON a.id = m.article_id"
                " WHERE a.hash = ? AND m.char_start = ? AND m.char_end = ?", (parts[0], int(parts[1]), int(parts[2])))]
    return f"m.id IN ({','.join(str(int(i)) for i in found)})" if found else "0"


def _curated(db: sqlite3.Connection, where: str) -> pd.DataFrame:
    """The mentions `where` selects (and the events added by hand), with the user's edits applied.

    Edits are replayed over these rows and the mentions the merges name only: a merge moves whole
    machine events, so for the rows of every event it holds in full this equals replaying them
    over the whole library.
    """
    edits = _edits(db)
    groups = edits[edits[col.FIELD] == EDIT_GROUP]
    frame = eventstore.mentions(db, f"({where}) OR {_named_mentions(db, groups)}")
    keys = set(frame[col.MENTION_KEY])
    return apply_edits(frame, edits[(edits[col.FIELD] == EDIT_GROUP) | edits[col.EVENT_KEY].isin(keys)])


def _manual_event_ids(db: sqlite3.Connection) -> dict[int, str]:
    """The event each event added by hand is part of now: its own, unless the user merged it."""
    manual = _curated(db, "0")
    manual = manual[manual[col.MENTION_ID] < 0]
    return {int(m): str(e) for m, e in zip(manual[col.MENTION_ID], manual[col.EVENT_ID])}


def curated_mentions(db: sqlite3.Connection, event_ids: Iterable[str]) -> pd.DataFrame:
    """The mentions of the given events (columns.MENTION_COLUMNS), as Library.curated_mentions has them."""
    chosen = set(event_ids)
    if not chosen:
        return _curated(db, "0").iloc[0:0]
    db.execute("CREATE TEMP TABLE IF NOT EXISTS _chosen (v PRIMARY KEY)")
    db.execute("DELETE FROM _chosen")
    db.executemany("INSERT OR IGNORE INTO _chosen VALUES (?)", [(e,) for e in chosen])
    curated = _curated(db, "m.event_id IN (SELECT v FROM _chosen)")
    return curated[curated[col.EVENT_ID].isin(chosen)].reset_index(drop=True)


def undated_mentions(db: sqlite3.Connection) -> pd.DataFrame:
    """The mentions without a date (columns.MENTION_COLUMNS), edits applied."""
    curated = _curated(db, "m.date_start = ''")
    return curated[~curated[col.DATE_START].fillna("").astype(bool)].reset_index(drop=True)


def read_articles(db: sqlite3.Connection) -> pd.DataFrame:
    """One row per article (columns.ARTICLE_COLUMNS, without the text); event_count is -1: not counted yet."""
    values = columns_of(db.execute(_ARTICLES), [int] + [object] * (len(_ARTICLE_NAMES) - 1))
    # Object columns as read: letting pandas turn them into its string arrays (and the articles
    # list back) cost more than reading them at 200,000 articles.
    frame = pd.DataFrame({name: pd.Series(v, dtype=v.dtype) for name, v in zip(_ARTICLE_NAMES, values)})
    frame[col.EVENT_COUNT] = -1
    return frame.loc[:, list(col.ARTICLE_COLUMNS)]


def counted(articles: pd.DataFrame, mentions: MentionColumns, hidden: np.ndarray) -> pd.DataFrame:
    """The articles with the number of their events shown and of those the user hid (`hidden`: per
    event row), each event once however often the article reports it; a deleted event is not counted."""
    ids = articles[col.ARTICLE_ID].to_numpy(dtype=np.int64)
    size = int(max(ids.max(initial=0), mentions.article.max(initial=0))) + 1
    kept = (mentions.event >= 0) & (mentions.article > 0)
    n_events = len(hidden) + 1
    # One key per (article, event), sorted and deduplicated: np.sort, as np.unique took 20 times as
    # long here (4 s against 0.2 s at a million mentions).
    keys = np.sort(mentions.article[kept] * n_events + mentions.event[kept])
    keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys
    article, event = keys // n_events, keys % n_events
    is_hidden = np.asarray(hidden, dtype=bool)[event]
    shown = np.bincount(article[~is_hidden], minlength=size)
    hid = np.bincount(article[is_hidden], minlength=size)
    return articles.assign(**{col.EVENT_COUNT: shown[ids], col.HIDDEN_EVENT_COUNT: hid[ids]})


def read_first(db: sqlite3.Connection, progress: Callable[[int, int, str], None] | None = None,
               deferred: Callable[[np.ndarray], DeferredReader] | None = None) -> tuple[np.ndarray, EventColumns]:
    """What the window shows first: the ids of the articles and the events, in one read transaction
    (the DEFERRED columns of the events read later by `deferred(ids)`, when given).

    The articles' other columns are read with the mentions (read_articles): at 200,000 articles
    they cost about 1 s of CPU, a fifth of the open, and only the articles panel shows them.
    """
    db.execute("BEGIN")
    try:
        if progress:
            progress(0, 1, "reading the events")
        article_ids = columns_of(db.execute(_ARTICLE_IDS), [int],
                                 db.execute("SELECT count(*) FROM articles").fetchone()[0])[0]
        events = read_events(db, deferred)
    finally:
        db.rollback()
    return article_ids, events
