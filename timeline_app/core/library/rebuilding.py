"""Grouping a stale library's events again: once, by whoever holds the write lock first, after a backup that replaces the last one."""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from timeline_app.core.library import eventstore, locking, rulestamp
from timeline_app.core.library.locking import WriteLock
from timeline_app.core.progress import Cancel, Progress
from timeline_app.core.shown import shown
from timeline_app.errors import LibraryError

log = logging.getLogger(__name__)

_TAG = "rules-backup"


@dataclass(frozen=True)
class Rebuilt:
    """What grouping a library's events again did."""

    events: int
    backup: Path | None = None  # the library as it was before, beside it
    replaced: bool = False  # that copy took the place of the one an earlier regrouping left
    elsewhere: bool = False  # another program (or window) grouped them while this one waited for it


def is_stale(db: sqlite3.Connection) -> bool:
    """Events grouped by other rules than this app's, or not made yet (a library of an older format)."""
    return rulestamp.is_stale(db) or eventstore.needs_rebuild(db)


def backup_path(path: Path) -> Path:
    """Where the copy of the library made before its events are grouped again is kept: one, the newest."""
    return path.with_name(f"{path.stem}.{_TAG}{path.suffix or '.sqlite3'}")


def _earlier_copies(path: Path) -> list[Path]:
    """Copies earlier versions numbered (<name>.rules-backup-2.dtl, ...) when they kept every one."""
    suffix = path.suffix or ".sqlite3"
    stem = f"{path.stem}.{_TAG}-"
    return [p for p in path.parent.glob(f"{stem}*{suffix}") if p.name[len(stem):-len(suffix)].isdigit()]


def _copy(path: Path, target: Path) -> None:
    """Copy the library's committed state through a connection of its own: SQLite's backup cannot read
    through the connection that holds the write lock."""
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=locking.BUSY_TIMEOUT)
    try:
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()


def rebuild_stale(db: sqlite3.Connection, lock: WriteLock, path: Path, backup: bool,
                  progress: Progress | None = None, cancel: Cancel | None = None
                  ) -> Rebuilt | None:
    """Group the events of the library `db` opens again under its write lock, after a copy of it
    (unless not `backup`); nothing when another program did it while this one waited for the lock
    (said through `progress`). None when `cancel` stopped it, while it waited too: then the library,
    and the last copy, are as they were."""
    pending = path.with_name(f"{path.stem}.{_TAG}-partial{path.suffix or '.sqlite3'}")

    def waiting() -> None:
        if progress:
            progress(0, 4, "waiting for another program writing to this library (it may be grouping its events)")

    try:
        with lock.transaction("group its events by this version's rules", waiting, cancel):
            if not is_stale(db):
                log.info("the events of %s were grouped by another program meanwhile", shown(path))
                return Rebuilt(int(db.execute("SELECT count(*) FROM events").fetchone()[0]), elsewhere=True)
            if backup:
                _copy(path, pending)
            n = eventstore.rebuild(db, progress, cancel)
    except (eventstore.RebuildCancelled, locking.GaveUp):
        pending.unlink(missing_ok=True)
        return None
    except (OSError, sqlite3.Error) as e:
        pending.unlink(missing_ok=True)
        raise LibraryError(f"Could not group the events of {shown(path)} again: {e}.") from e
    if not backup:
        return Rebuilt(n)
    target = backup_path(path)
    earlier = [*_earlier_copies(path), *([target] if target.exists() else [])]
    os.replace(pending, target)
    for old in earlier:
        if old != target:
            old.unlink(missing_ok=True)
    log.info("backed up %s to %s before grouping its events again%s", shown(path), shown(target),
             " (replacing the earlier copy)" if earlier else "")
    return Rebuilt(n, target, replaced=bool(earlier))
