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

# A library's own file name ending, offered by the window's New library and associated with the app
# by its MIME type (packaging/linux/*.mime.xml); libraries named otherwise (.sqlite3) open as well.
LIBRARY_SUFFIX = ".dtl"
# SQLite's header field for the program that owns the file (PRAGMA application_id, "DTLb"): the MIME
# type's magic tells a library from other SQLite files by it, whatever the file's name.
APPLICATION_ID = 0x44544C62
_SQLITE_HEADER = b"SQLite format 3\x00"


def storage_error(path: Path, e: sqlite3.Error) -> LibraryError | None:
    """The sentence for SQLite's error when the file cannot be written: a read-only file or folder, or a
    full disk (said as "cannot be read ...; it may be damaged", the user looked for damage); else None."""
    name = getattr(e, "sqlite_errorname", "") or ""
    text = str(e).lower()
    if name.startswith("SQLITE_READONLY") or "readonly database" in text:
        return LibraryError(f"The library {shown(path)} cannot be changed: the file or its folder is read-only. "
                            "Make it writable, or copy it to a folder you can write to and open the copy "
                            "(File > Open library).")
    if name == "SQLITE_FULL" or "disk is full" in text:
        return LibraryError(f"The library {shown(path)} could not be saved: the disk is full. Free some space "
                            "and try again; what was saved before is kept.")
    return None


def is_sqlite_file(path: Path) -> bool:
    """Whether `path` is a file that starts with SQLite's header: a library or another database,
    never an article."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False


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
        # Before WAL, so that a new library's header carries it at once, not at the next checkpoint.
        lock.retry(lambda: _mark_as_library(db), "open it")
        # Only now, the file accepted: WAL lets readers and the one writer overlap. Another process
        # switching it at the same moment makes this one wait.
        lock.retry(lambda: db.execute("PRAGMA journal_mode = WAL").fetchone(), "open it")
    except sqlite3.DatabaseError as e:
        db.close()
        raise storage_error(path, e) or LibraryError(f"{shown(path)} is not a usable library file ({e}).") from e
    except BaseException:
        db.close()
        raise
    return db, lock, backup


def _mark_as_library(db: sqlite3.Connection) -> None:
    """Write the app's application_id into the header, once: libraries made before it had none."""
    if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
