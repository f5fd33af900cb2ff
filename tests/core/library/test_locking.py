"""A busy library is waited for and said so; an article another import saved meanwhile is a duplicate, not an error."""

import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.core.corpus import write_corpus
from tests.core.factories import article
from timeline_app.core.library import locking
from timeline_app.core.library.rows import article_row
from timeline_app.core.library.store import Library
from timeline_app.core.library.writing import ArticleWriter
from timeline_app.errors import LibraryError

ROOT = Path(__file__).resolve().parents[3]


def _hold_write_lock(path: Path, seconds: float, held: threading.Event) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN IMMEDIATE")
    held.set()
    time.sleep(seconds)
    db.execute("COMMIT")
    db.close()


def _rows(numbers):
    return [(article_row(article(text=f"Report {n}\n\nTalks went on.", path=f"{n}.txt")), []) for n in numbers]


def test_overlapping_batches_waiting_for_a_busy_library_save_each_article_once(tmp_path, caplog, monkeypatch):
    # "UNIQUE constraint failed: articles.hash" ended an import whose batch another one had saved (#18, item 7).
    monkeypatch.setattr(locking, "BUSY_TIMEOUT", 0.2)  # SQLite's own wait, shorter than the lock is held
    path = tmp_path / "lib.sqlite3"
    Library(path).close()
    held = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(path, 1.5, held))
    holder.start()
    held.wait()
    ids, waited = {}, {}

    def write(key, numbers):
        with Library(path) as library:  # one connection a thread
            ids[key] = library.add_rows(_rows(numbers))
            waited[key] = library.waited

    writers = [threading.Thread(target=write, args=("a", range(0, 30))),
               threading.Thread(target=write, args=("b", range(20, 50)))]
    for w in writers:
        w.start()
    for w in writers + [holder]:
        w.join(timeout=60)
    assert sum(i is not None for i in ids["a"] + ids["b"]) == 50
    assert sum(i is None for i in ids["a"] + ids["b"]) == 10
    assert waited["a"] > 0.5 and waited["b"] > 0.5
    assert "is busy (another program is writing to it)" in caplog.text
    with Library(path) as library:
        assert library.article_count() == 50


def test_a_duplicate_found_at_insert_time_is_a_skip_not_an_error(tmp_path, monkeypatch):
    # As when another import saves the same article between this one's look-up and its insert.
    with Library(tmp_path / "lib.sqlite3") as library:
        assert None not in library.add_rows(_rows([1, 2]))
        monkeypatch.setattr(ArticleWriter, "duplicate", lambda self, content_hash, url: None)
        ids = library.add_rows(_rows([2, 3]))
        assert ids[0] is None and ids[1] is not None
        assert library.article_count() == 3


def test_a_library_busy_for_too_long_is_an_error_a_user_can_act_on(tmp_path, monkeypatch):
    monkeypatch.setattr(locking, "MOST_WAIT", 1.0)
    monkeypatch.setattr(locking, "BUSY_TIMEOUT", 0.1)
    path = tmp_path / "lib.sqlite3"
    library = Library(path)
    held = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(path, 8, held))
    holder.start()
    held.wait()
    with pytest.raises(LibraryError, match="stayed busy .* close that program and try again"):
        library.add_rows(_rows([1]))
    holder.join()
    library.close()


def test_two_imports_of_overlapping_inputs_into_a_busy_library_both_finish(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 60)
    a, b = tmp_path / "a", tmp_path / "b"
    for folder, part in ((a, corpus[:40]), (b, corpus[20:])):
        folder.mkdir()
        for src in part:
            (folder / src.name).write_bytes(src.read_bytes())
    lib = tmp_path / "lib.sqlite3"
    Library(lib).close()
    db = sqlite3.connect(lib, isolation_level=None)
    db.execute("BEGIN IMMEDIATE")  # a third program writing, until both imports say they wait for it
    procs = [subprocess.Popen([sys.executable, str(ROOT / "main.py"), "extract", str(folder), "--library", str(lib),
                               "--workers", "1", "-q"], stderr=subprocess.PIPE, text=True) for folder in (a, b)]
    said = [p.stderr.readline() for p in procs]
    db.execute("COMMIT")
    db.close()
    results = [(p.wait(timeout=300), said[i] + p.stderr.read()) for i, p in enumerate(procs)]
    assert [code for code, _ in results] == [0, 0], results
    assert all("is busy (another program is writing to it)" in line for line in said), said
    with Library(lib) as library:
        assert library.article_count() == 60
