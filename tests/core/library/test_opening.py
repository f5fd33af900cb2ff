"""Opening a library: a refused file is left byte for byte as it was, a new one is made by one process at a time."""

import multiprocessing
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.core.factories import article
from timeline_app.core.library.opening import APPLICATION_ID, is_sqlite_file, storage_error
from timeline_app.core.library.schema import SCHEMA_VERSION
from timeline_app.core.library.store import Library
from timeline_app.errors import LibraryError

ROOT = Path(__file__).resolve().parents[3]


def _our_library(path: Path, journal: str) -> sqlite3.Connection:
    Library(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA journal_mode = {journal}")
    return db


def _trigger(path: Path, journal: str) -> None:
    db = _our_library(path, journal)
    db.execute("CREATE TRIGGER sneaky AFTER INSERT ON articles BEGIN DELETE FROM mentions; END")
    db.commit()
    db.close()


def _view(path: Path, journal: str) -> None:
    db = _our_library(path, journal)
    db.execute("CREATE VIEW everything AS SELECT * FROM articles")
    db.commit()
    db.close()


def _version(version: int):
    def make(path: Path, journal: str) -> None:
        db = _our_library(path, journal)
        db.execute(f"PRAGMA user_version = {version}")
        db.commit()
        db.close()

    return make


def _other_program(path: Path, journal: str) -> None:
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA journal_mode = {journal}")
    db.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    db.execute("INSERT INTO contacts VALUES ('Ada', '555-0100')")
    db.commit()
    db.close()


def _not_sqlite(path: Path, journal: str) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"but then something else" * 100)


REFUSED = {
    "trigger": (_trigger, "trigger sneaky"),
    "view": (_view, "view everything"),
    "newer": (_version(SCHEMA_VERSION + 1), "newer version"),
    "negative": (_version(-5), "format -5"),
    "other program": (_other_program, "not a Diplomatic Timeline library"),
    "not sqlite": (_not_sqlite, "not"),
}


@pytest.mark.parametrize("journal", ["delete", "wal"])
@pytest.mark.parametrize("kind", list(REFUSED))
def test_a_refused_file_is_left_byte_for_byte_as_it_was(tmp_path, kind, journal):
    # In rollback-journal mode, journal_mode = WAL ran before the checks and rewrote header bytes
    # 19-20, 28 and 96 of files then refused "untouched"; -5 crashed the migration (#18, items 9, 10).
    make, reason = REFUSED[kind]
    path = tmp_path / "shared.sqlite3"
    make(path, journal)
    before = path.read_bytes()
    with pytest.raises(LibraryError, match=reason):
        Library(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if "backup" in p.name) == []


def test_an_accepted_library_is_switched_to_wal(tmp_path):
    path = tmp_path / "lib.sqlite3"
    db = _our_library(path, "delete")
    db.close()
    with Library(path):
        pass
    assert path.read_bytes()[18:20] == b"\x02\x02"  # the header's read and write versions: WAL


def test_a_library_another_connection_is_writing_to_is_waited_for_not_refused(tmp_path, caplog):
    # A process still writing to the file (the one creating it, say) held its write lock when another
    # switched it to WAL: SQLite answers "database is locked" there at once, without waiting (#18, item 8).
    path = tmp_path / "lib.sqlite3"
    _our_library(path, "delete").close()
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("BEGIN IMMEDIATE")
    release = threading.Timer(1.0, lambda: writer.execute("COMMIT"))
    release.start()
    try:
        with Library(path) as library:
            assert library.article_count() == 0
    finally:
        release.join()
        writer.close()
    assert "is busy (another program is writing to it): waiting to open it" in caplog.text


def _open_and_add(path: str, ready, n: int) -> None:
    ready.wait()  # every process imported and waiting: they open the file within a millisecond
    with Library(path) as library:
        library.add_article(article(text=f"Report {n}\n\nTalks went on.", path=f"{n}.txt"), [])


def test_processes_creating_the_same_new_library_at_once_all_get_it(tmp_path):
    # 2 of 6 CLI pairs and 23 of 30 API pairs failed at journal_mode = WAL: "database is locked" (#18, item 8).
    ctx = multiprocessing.get_context("spawn")
    for round_ in range(4):
        path = str(tmp_path / f"new{round_}.sqlite3")
        ready = ctx.Barrier(4)
        procs = [ctx.Process(target=_open_and_add, args=(path, ready, n)) for n in range(4)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(timeout=120)
        assert [p.exitcode for p in procs] == [0, 0, 0, 0], round_
        with Library(path) as library:
            assert library.article_count() == 4


def test_two_commands_creating_the_same_library_at_once_both_succeed(tmp_path):
    src = tmp_path / "2023-03-15_talks.txt"
    src.write_text("Talks\n\nChile and Peru met on Wednesday.\n", encoding="utf-8")
    lib = tmp_path / "lib.sqlite3"
    cmd = [sys.executable, str(ROOT / "main.py"), "extract", str(src), "--library", str(lib), "--workers", "1", "-q"]
    procs = [subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    assert [code for code, _ in results] == [0, 0], results
    with Library(lib) as library:
        assert library.article_count() == 1


def test_connections_trust_no_schema_and_load_no_extension(tmp_path):
    with Library(tmp_path / "lib.sqlite3") as library:
        db = library._db  # the connection itself: what it allows is the point
        assert db.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        with pytest.raises(sqlite3.OperationalError, match="not authorized"):
            db.execute("SELECT load_extension('/nonexistent/extension')")


def _application_id(path: Path) -> int:
    with open(path, "rb") as fh:
        return int.from_bytes(fh.read(72)[68:72], "big")


def test_a_library_carries_the_apps_id_in_its_header(tmp_path) -> None:
    # The desktop's MIME type tells a library from other SQLite files by it (packaging/linux/*.mime.xml).
    Library(tmp_path / "new.sqlite3").close()
    assert _application_id(tmp_path / "new.sqlite3") == APPLICATION_ID
    # A library made before the id was written gets it when next opened.
    older = tmp_path / "older.sqlite3"
    Library(older).close()
    db = sqlite3.connect(older)
    db.execute("PRAGMA application_id = 0")
    db.close()
    assert _application_id(older) == 0
    Library(older).close()
    assert _application_id(older) == APPLICATION_ID


def test_a_refused_sqlite_file_keeps_its_own_id(tmp_path) -> None:
    other = tmp_path / "other.db"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE notes (x)")
    db.execute("PRAGMA application_id = 1196444487")  # a GeoPackage's
    db.commit()
    db.close()
    with pytest.raises(LibraryError):
        Library(other)
    assert _application_id(other) == 1196444487


def test_only_sqlite_files_look_like_libraries(tmp_path) -> None:
    Library(tmp_path / "lib.dtl").close()
    (tmp_path / "article.txt").write_text("SQLite format 2 is not a header\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    assert is_sqlite_file(tmp_path / "lib.dtl")
    assert not is_sqlite_file(tmp_path / "article.txt") and not is_sqlite_file(tmp_path / "folder")
    assert not is_sqlite_file(tmp_path / "missing.dtl")


def test_a_library_that_cannot_be_written_says_so_not_that_it_may_be_damaged(tmp_path) -> None:
    with Library(tmp_path / "lib.sqlite3") as lib:
        lib._db.execute("PRAGMA query_only = ON")  # as a read-only file: SQLite's SQLITE_READONLY
        with pytest.raises(LibraryError, match="read-only") as raised:
            lib.set_setting("key", "value")
        assert "damaged" not in str(raised.value)


def test_a_full_disk_is_said_as_such(tmp_path) -> None:
    with Library(tmp_path / "lib.sqlite3") as lib:
        pages = lib._db.execute("PRAGMA page_count").fetchone()[0]
        lib._db.execute(f"PRAGMA max_page_count = {pages}")  # no room to grow: SQLite's SQLITE_FULL
        with pytest.raises(LibraryError, match="disk is full"):
            lib.set_setting("key", "x" * 200_000)


def test_other_sqlite_errors_are_left_to_their_own_sentences(tmp_path) -> None:
    assert storage_error(tmp_path, sqlite3.DatabaseError("file is not a database")) is None
    assert "read-only" in str(storage_error(tmp_path, sqlite3.OperationalError("attempt to write a readonly database")))
