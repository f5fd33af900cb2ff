"""Opening a library: read once into columns that every view shares, the window shown at once and filled when ready."""

from __future__ import annotations

import shutil
import threading

import pytest

from tests.gui.conftest import LOAD_TIMEOUT, open_window, window_settings
from timeline_app.core.library import columns as col
from timeline_app.gui.window import library_reads
from timeline_app.gui.window.events_stack import EMPTY_TEXT, READING_TEXT
from timeline_app.gui.window.main_window import MainWindow


def test_the_views_share_the_columns_read_once(window) -> None:
    snapshot = window.snapshot
    events = snapshot.events
    assert len(events) and window.event_model.total_count == len(events)
    # One parse of the events: the filters, the table and the timeline hold the same arrays.
    assert snapshot.index.events is events and window.timeline._data.events is events
    assert snapshot.index.start_day is events.start_day
    assert window.event_model._sort_keys[col.DATE_START] is events.start_day
    assert snapshot.index.countries is events.codes(col.COUNTRIES) is window.timeline._data._countries


def _held(monkeypatch, name: str) -> threading.Event:
    """Make library_reads' `name` (a read of the library) wait until the test sets the event returned."""
    release = threading.Event()
    real = getattr(library_reads, name)

    def slow(*args):
        release.wait(60)
        return real(*args)

    monkeypatch.setattr(library_reads, name, slow)
    return release


@pytest.fixture()
def slow_reads(monkeypatch):
    """Reads of the events that wait until the test lets them go on (`release.set()`)."""
    release = _held(monkeypatch, "read_snapshot_events")
    yield release
    release.set()


@pytest.fixture()
def slow_mentions(monkeypatch):
    """Reads of the mentions (after the events) that wait until the test lets them go on."""
    release = _held(monkeypatch, "read_snapshot_mentions")
    yield release
    release.set()


def test_the_window_says_it_is_reading_until_the_first_read_arrives(qtbot, tmp_path, corpus_library,
                                                                     slow_reads) -> None:
    library = tmp_path / "library.sqlite3"
    shutil.copy(corpus_library, library)
    window = MainWindow(library, window_settings(tmp_path))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    # Shown at once, and not saying the library is empty while it is being read.
    assert window.table_stack.currentWidget() is window.empty_label
    assert window.empty_label.text() == READING_TEXT
    assert window.timeline.canvas.painter.empty_text == READING_TEXT  # not "No events loaded"
    # Past half a second, a busy bar in the status bar says what is going on.
    qtbot.waitUntil(window.status_bar.reading_bar.isVisible, timeout=5000)
    assert window.status_bar.reading_label.isVisible()
    assert window.status_bar.reading_label.text().startswith("Reading the ")
    with qtbot.waitSignal(window.events_reloaded, timeout=LOAD_TIMEOUT):
        slow_reads.set()
    assert window.table_stack.currentWidget() is window.table and window.event_model.rowCount() > 0
    assert not window.status_bar.reading_bar.isVisible()
    assert window.timeline.canvas.painter.empty_text != READING_TEXT

    # Another library: nothing of the last one stays on screen while it is read.
    other = tmp_path / "other.sqlite3"
    shutil.copy(corpus_library, other)
    slow_reads.clear()
    assert window.open_library(other)
    assert window.empty_label.text() == READING_TEXT and window.table_stack.currentWidget() is window.empty_label
    assert window.timeline.shown_event_count() == 0 and window.library_panel.needs_date_ids() == []
    with qtbot.waitSignal(window.events_reloaded, timeout=LOAD_TIMEOUT):
        slow_reads.set()
    assert window.timeline.shown_event_count() > 0
    window.close()


def test_an_empty_library_says_so_once_read(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "new.sqlite3", window_settings(tmp_path))
    assert window.empty_label.text() == EMPTY_TEXT
    assert not window.status_bar.reading_bar.isVisible()
    window.close()


def test_events_show_before_their_mentions_arrive(qtbot, tmp_path, corpus_library, slow_mentions) -> None:
    library = tmp_path / "library.sqlite3"
    shutil.copy(corpus_library, library)
    window = MainWindow(library, window_settings(tmp_path))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.events_shown, timeout=LOAD_TIMEOUT):
        window.show()
    # The events are there to browse and filter; an event selected now has no article to show yet.
    assert window.table_stack.currentWidget() is window.table and window.timeline.shown_event_count() > 0
    assert window.snapshot.mentions is None
    # The articles come with the mentions: the panel says how many, and nothing says the library is empty.
    n_articles = len(window.snapshot.article_ids)
    assert n_articles and window.library_panel.count_label.text() == f"Reading {n_articles:,} articles…"
    assert len(window.library_panel.model.ids) == 0 and "No articles" not in window.empty_label.text()
    event_id = window.event_model.event_id(0)
    window.select_event(event_id)
    assert window.reader.article_id is None
    with qtbot.waitSignal(window.events_reloaded, timeout=LOAD_TIMEOUT):
        slow_mentions.set()
    # Once they are read, the event selected meanwhile shows its article, and the articles their counts.
    assert window.reader.article_id == int(window.selection.event_mention(event_id)["article_id"])
    assert isinstance(window.library_panel.model.cell(0, 2), int)
    assert window.library_panel.count_label.text() == f"{n_articles:,} articles"
    assert not window.status_bar.reading_bar.isVisible()
    window.close()
