"""Opening a library file: checked read-only before anything is written, created by one process at a time."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from timeline_app.core.library import locking
from timeline_app.core.library.locking import WriteLock
from timeline_app.core.library.schema import check, configure, ensure_schema
from timeline_app.core.shown import shown
from timeline_app.errors import LibraryError

log = logging.getLogger(__name__)


def check_read_only(path: Path) -> None:
    """Refuse a file that is not a library this version may open, reading it through a read-only
    connection: nothing, not even the journal mode in its header, changes before it is accepted."""
    try:
        if path.stat().st_size == 0:
            return  # nothing to keep: a new library is made in it
    except FileNotFoundError:
        return
    except OSError as e:
        raise LibraryError(f"Cannot open the library {shown(path)}: {e.strerror or e}.") from e
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=locking.BUSY_TIMEOUT)
    except sqlite3.Error as e:
        raise LibraryError(f"Cannot open the library {shown(path)}: {e}.") from e
    try:
        db.execute("PRAGMA trusted_schema = OFF")
        try:
            db.execute("PRAGMA schema_version").fetchone()
        except sqlite3.DatabaseError as e:
            raise LibraryError(f"{shown(path)} is not a Diplomatic Timeline library (not an SQLite file: {e}); "
                               "it was left untouched.") from e
        check(db, path)
    except sqlite3.DatabaseError as e:
        raise LibraryError(f"{shown(path)} is not a usable library file ({e}); it was left untouched.") from e
    finally:
        db.close()


def open_library(path: Path) -> tuple[sqlite3.Connection, WriteLock, Path | None]:
    """A connection to the library at `path`, its write lock, and the backup made when an older
    library was migrated (else None). A missing or empty file becomes a new library."""
    if path.is_dir():
        raise LibraryError(f"{shown(path)} is a folder, not a library file.")
    check_read_only(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(path), timeout=locking.BUSY_TIMEOUT)
    except (OSError, sqlite3.Error) as e:
        raise LibraryError(f"Cannot open the library {shown(path)}: {e}.") from e
    lock = WriteLock(db, path)
    try:
        configure(db)
        backup = ensure_schema(db, path, lock)
        # Only now, the file accepted: WAL lets readers and the one writer overlap. Another process
        # switching it at the same moment makes this one wait.
        lock.retry(lambda: db.execute("PRAGMA journal_mode = WAL").fetchone(), "open it")
    except sqlite3.DatabaseError as e:
        db.close()
        raise LibraryError(f"{shown(path)} is not a usable library file ({e}).") from e
    except BaseException:
        db.close()
        raise
    return db, lock, backup
