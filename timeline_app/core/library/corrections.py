"""The user's corrections as stored: edits of events and events added by hand, each refreshing the events it touches."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Iterable, Sequence

import pandas as pd

from timeline_app.core.library import columns as col
from timeline_app.core.library import eventstore
from timeline_app.core.library.curation import EDIT_FIELDS, EDIT_GROUP
from timeline_app.core.library.locking import WriteLock
from timeline_app.core.shown import shown
from timeline_app.errors import LibraryError

log = logging.getLogger(__name__)


class Corrections:
    """The edits table and the events added by hand of one connection; every write goes through its
    write lock and updates the stored events it changes in the same transaction."""

    def __init__(self, lock: WriteLock) -> None:
        self._lock = lock
        self._db = lock.db

    def add_edits(self, edits: Sequence[tuple[str, str, str, str]]) -> list[int]:
        """Record corrections (event_key, field, old, new) in one transaction, all or none; their ids."""
        for _key, field, _old, _new in edits:
            if field not in EDIT_FIELDS:
                raise LibraryError(f"'{field}' is not a field of an event that can be edited.")
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")
        ids = []
        try:
            with self._lock.transaction("save the edit"):
                for event_key, field, old_value, new_value in edits:
                    cur = self._db.execute(
                        "INSERT INTO edits (created_at, event_key, field, old_value, new_value) VALUES (?,?,?,?,?)",
                        (now, event_key, field, old_value, new_value),
                    )
                    ids.append(int(cur.lastrowid))
                targets = [new for _key, field, _old, new in edits if field == EDIT_GROUP and new]
                eventstore.refresh(self._db, eventstore.machine_events_of(
                    self._db, [key for key, *_ in edits] + targets))
        except sqlite3.Error as e:
            raise LibraryError(f"Could not save the edit to {shown(self._lock.path)}: {e}.") from e
        return ids

    def edits_frame(self, keys: Iterable[str] | None = None) -> pd.DataFrame:
        """The edit history, oldest first (all of it, or that of the given event keys)."""
        sql = "SELECT id, created_at, event_key, field, old_value, new_value FROM edits"
        params: tuple = ()
        if keys is not None:
            keys = list(keys)
            sql += f" WHERE event_key IN ({','.join('?' * len(keys))})"
            params = tuple(keys)
        rows = self._db.execute(sql + " ORDER BY id", params).fetchall()
        return pd.DataFrame([tuple(r) for r in rows], columns=list(col.EDIT_COLUMNS))

    def add_manual_event(self, article_id: int | None, evidence: str, evidence_start: int,
                         evidence_end: int, note: str) -> str:
        """Create an event by hand and return its key (its values are then set by edits)."""
        try:
            with self._lock.transaction("add the event"):
                cur = self._db.execute(
                    "INSERT INTO manual_events (article_id, evidence, evidence_start, evidence_end, note,"
                    " created_at) VALUES (?,?,?,?,?,?)",
                    (article_id, evidence, evidence_start, evidence_end, note,
                     dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
                )
                eventstore.refresh(self._db, {f"{eventstore.MANUAL_PREFIX}{cur.lastrowid}"})
            return f"manual:{cur.lastrowid}"
        except sqlite3.Error as e:
            raise LibraryError(f"Could not add the event to {shown(self._lock.path)}: {e}.") from e
