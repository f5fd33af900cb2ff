"""A library whose events an earlier version's merge rules grouped is grouped again on a worker when opened."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from contextlib import closing

import pytest

from tests.gui.conftest import open_window, window_settings
from timeline_app.core.library import eventstore, rulestamp
from timeline_app.core.library.schema import SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5
from timeline_app.gui.window.main_window import MainWindow


def _stale_copy(corpus_library, target):
    """A copy of the corpus library as an earlier version left it: its events gone from the table
    (what the rebuild makes again) and another rules' stamp."""
    shutil.copy(corpus_library, target)
    with closing(sqlite3.connect(target)) as db, db:
        db.execute("DELETE FROM events")
        db.execute("UPDATE settings SET value = 'older' WHERE key = ?", (rulestamp.STAMP_SETTING,))


@pytest.fixture()
def threads(monkeypatch) -> list[threading.Thread]:
    """The threads eventstore.rebuild ran in."""
    seen: list[threading.Thread] = []
    real = eventstore.rebuild

    def recorded(*args, **kwargs):
        seen.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(eventstore, "rebuild", recorded)
    return seen


def test_opening_a_library_of_other_rules_groups_its_events_again_off_the_gui_thread(
        qtbot, tmp_path, corpus_library, threads) -> None:
    library = tmp_path / "library.sqlite3"
    _stale_copy(corpus_library, library)
    window = open_window(qtbot, library, window_settings(tmp_path))
    qtbot.waitUntil(lambda: not window.jobs.busy() and window.event_model.rowCount() > 0, timeout=60_000)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert (tmp_path / "library.rules-backup.sqlite3").exists()
    assert "grouped by this version's rules" in window.statusBar().currentMessage()
    with closing(sqlite3.connect(library)) as db:
        assert rulestamp.stored(db) == rulestamp.current()
    window.close()


def test_a_library_of_these_rules_opens_without_a_rebuild(qtbot, tmp_path, corpus_library, monkeypatch) -> None:
    library = tmp_path / "library.sqlite3"
    shutil.copy(corpus_library, library)
    calls = []
    monkeypatch.setattr(eventstore, "rebuild", lambda *a, **k: calls.append(1))
    window = open_window(qtbot, library, window_settings(tmp_path))
    assert window.event_model.rowCount() > 0 and calls == [] and not window.jobs.busy()
    assert not list(tmp_path.glob("*backup*"))
    window.close()


def test_a_library_of_an_older_format_gets_its_events_on_a_worker(qtbot, tmp_path, threads) -> None:
    library = tmp_path / "old.sqlite3"
    with closing(sqlite3.connect(library)) as db, db:
        # Version 5: two papers' reports of one meeting, without the reports or events of today's format.
        db.executescript(SCHEMA_V1 + SCHEMA_V2 + SCHEMA_V3 + SCHEMA_V4 + SCHEMA_V5)
        db.execute("PRAGMA user_version = 5")
        for article in (1, 2):
            db.execute("INSERT INTO articles (hash, title, text, added_at) VALUES (?, 'Talks', 'x', 'x')", (f"h{article}",))
            db.execute("INSERT INTO mentions (article_id, char_start, char_end, date_text, date_value, date_start,"
                       " date_end, date_precision, countries, cameo_code, evidence) VALUES"
                       " (?, 10, 16, 'Monday', '2024-03-12', '2024-03-12', '2024-03-12', 'day', 'TUR;SYR', '040',"
                       " 'Turkey and Syria held talks on the border.')", (article,))
    window = open_window(qtbot, library, window_settings(tmp_path))
    qtbot.waitUntil(lambda: not window.jobs.busy() and window.event_model.rowCount() == 1, timeout=60_000)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    # The migration's backup is the library as it was; no second one for the rebuild.
    assert sorted(p.name for p in tmp_path.glob("*backup*")) == ["old.v5-backup.sqlite3"]
    window.close()


def test_while_the_events_are_grouped_again_the_views_say_why_and_name_the_copy(
        qtbot, tmp_path, corpus_library, monkeypatch) -> None:
    library = tmp_path / "library.sqlite3"
    _stale_copy(corpus_library, library)
    release = threading.Event()
    real = eventstore.rebuild

    def held(*args, **kwargs):
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(eventstore, "rebuild", held)
    window = MainWindow(library, window_settings(tmp_path))  # not open_window: no read comes until the rebuild ends
    qtbot.addWidget(window)
    window.show()
    try:
        # The copy gets its name only once the regrouping has committed: wait for the sentence.
        qtbot.waitUntil(lambda: "grouped again" in window.empty_label.text())
        said = window.empty_label.text()
        # "Reading the library…" said nothing of the rebuild, of what is kept, or of the copy.
        assert "grouped again" in said and "library.rules-backup.sqlite3" in said and "Cancel" in said
        assert window.timeline.canvas.painter.empty_text == said
    finally:
        release.set()
    qtbot.waitUntil(lambda: not window.jobs.busy() and window.event_model.rowCount() > 0, timeout=60_000)
    assert window.table_stack.currentWidget() is window.table  # the events, not the sentence
    window.close()


def test_a_library_of_these_rules_never_says_it_is_grouped_again(qtbot, tmp_path, corpus_library) -> None:
    library = tmp_path / "library.sqlite3"
    shutil.copy(corpus_library, library)
    window = open_window(qtbot, library, window_settings(tmp_path))
    assert "grouped again" not in window.empty_label.text() and not list(tmp_path.glob("*backup*"))
    window.close()
