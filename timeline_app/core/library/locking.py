"""The write lock of a library other programs may be writing to: waited for with backoff, and said so."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from timeline_app.core.shown import shown
from timeline_app.errors import LibraryError

log = logging.getLogger(__name__)
T = TypeVar("T")

BUSY_TIMEOUT = 5.0  # seconds SQLite itself waits for a lock, at each try
MOST_WAIT = 600.0  # seconds a write waits in all for a busy library before it gives up
_PAUSES = (0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0)  # between tries, then 10 s at a time


class GaveUp(Exception):
    """The caller stopped waiting for a busy library (its `stop` said so): nothing was written."""


def is_busy(error: sqlite3.Error) -> bool:
    """True for SQLite's "database is locked" and "database is busy": another connection holds the lock."""
    return isinstance(error, sqlite3.OperationalError) and ("locked" in str(error) or "busy" in str(error))


class WriteLock:
    """Writes of one connection: each a transaction under the write lock (BEGIN IMMEDIATE), taken as
    soon as the library is free; `waited` adds up the seconds spent waiting for other programs."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path
        self.waited = 0.0

    def retry(self, action: Callable[[], T], what: str, waiting: Callable[[], None] | None = None,
              stop: Callable[[], bool] | None = None) -> T:
        """`action()`, tried again with backoff for as long as another connection holds the lock;
        `waiting()` is called when it first finds the library busy, and GaveUp raised when `stop()`
        says so between tries."""
        started = time.monotonic()
        attempt = 0
        while True:
            try:
                result = action()
            except sqlite3.Error as e:
                if not is_busy(e):
                    raise
                waited = time.monotonic() - started
                if waited >= MOST_WAIT:
                    raise LibraryError(
                        f"The library {shown(self.path)} stayed busy for {waited / 60:.0f} minutes (another program "
                        f"is writing to it), so Diplomatic Timeline could not {what}: close that program and try again."
                    ) from e
                if stop is not None and stop():
                    raise GaveUp from e
                if attempt == 0 and waiting is not None:
                    waiting()
                pause = _PAUSES[min(attempt, len(_PAUSES) - 1)]
                if attempt == 0 or pause == _PAUSES[-1]:
                    log.warning("The library %s is busy (another program is writing to it): waiting to %s "
                                "(%.0f s so far).", shown(self.path), what, waited)
                time.sleep(pause)
                attempt += 1
                continue
            if attempt:
                self.waited += time.monotonic() - started
            return result

    @contextlib.contextmanager
    def transaction(self, what: str = "save the changes", waiting: Callable[[], None] | None = None,
                    stop: Callable[[], bool] | None = None) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed when the block ends, rolled back when it raises
        (`waiting` and `stop`: as retry's, while the lock is waited for)."""
        if self.db.in_transaction:
            self.db.rollback()  # a read left open would keep BEGIN from starting
        self.retry(lambda: self.db.execute("BEGIN IMMEDIATE"), what, waiting, stop)
        try:
            yield self.db
        except BaseException:
            self.db.rollback()
            raise
        self.db.commit()
