"""The window keeps its filters in the library: set, close, reopen, and they are back, and visible."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from tests.gui.conftest import open_window, table_ids, window_settings
from timeline_app.core import pipeline
from timeline_app.core.ingest import sample_paths
from timeline_app.core.library.filters import FilterSpec
from timeline_app.core.library.saved_filter import FILTER_SETTING, dump_spec
from timeline_app.core.library.store import Library
from timeline_app.gui.window.main_window import MainWindow


@pytest.fixture()
def library(tmp_path, corpus_library) -> Path:
    path = tmp_path / "library.sqlite3"
    shutil.copy(corpus_library, path)
    return path


def _check(check_list, key: str) -> None:
    item = check_list.item_for(key)
    assert item is not None, key
    item.setCheckState(Qt.CheckState.Checked)


def test_filters_set_by_the_user_are_back_after_a_restart(qtbot, tmp_path, library) -> None:
    window = open_window(qtbot, library, window_settings(tmp_path))
    events = window.snapshot.events_frame()
    assert not window.status_bar.clear_filters_button.isVisible()
    country = events["countries"].str.split(";").explode().value_counts().index[0]
    mine = events[events["countries"].str.split(";").map(lambda cs: country in cs)]
    kind = mine["event_type"].value_counts().index[0]
    mine = mine[mine["event_type"] == kind]
    word = str(mine["summary"].iloc[0]).split()[0]
    f = window.filters
    _check(f.countries, country)
    _check(f.types, kind)
    f.from_check.setChecked(True)
    f.from_edit.setDate(QDate.fromString(str(mine["date_start"].min()), "yyyy-MM-dd"))
    with qtbot.waitSignal(f.filters_changed, timeout=2000):
        qtbot.keyClicks(f.text_edit, word)
    spec, shown = f.spec(), table_ids(window)
    assert spec.countries == {country} and spec.event_types == {kind} and spec.text == word
    assert 0 < len(shown) < len(events)
    assert window.status_bar.clear_filters_button.isVisible()
    window.close()

    window = open_window(qtbot, library, window_settings(tmp_path))
    assert window.filters.spec() == spec
    assert table_ids(window) == shown
    assert window.status_bar.count_label.text().startswith(f"{len(shown)} of {len(events)}")
    # Seen without opening the filter panel: the status bar says so and offers to clear them, the
    # button once the message (which says how to clear them) has gone, not drawn over it.
    assert "last session" in window.statusBar().currentMessage()
    assert not window.status_bar.clear_filters_button.isVisible()
    window.statusBar().clearMessage()
    qtbot.waitUntil(window.status_bar.clear_filters_button.isVisible)
    assert country in window.status_bar.filter_label.text()
    window.grab().save(str(tmp_path / "restored.png"))
    qtbot.mouseClick(window.status_bar.clear_filters_button, Qt.MouseButton.LeftButton)
    assert window.filters.spec().is_empty() and window.event_model.rowCount() == len(events)
    assert not window.status_bar.clear_filters_button.isVisible() and window.status_bar.filter_label.text() == ""
    window.close()

    window = open_window(qtbot, library, window_settings(tmp_path))  # cleared stays cleared
    assert window.filters.spec().is_empty() and window.event_model.rowCount() == len(events)
    window.close()


def test_stale_or_broken_saved_filters_open_without_error(qtbot, tmp_path, library) -> None:
    with Library(library) as lib:
        known = lib.events_frame()["countries"].str.split(";").explode().value_counts().index[0]
        lib.set_setting(FILTER_SETTING, dump_spec(FilterSpec(countries=frozenset({known, "XXX"}),
                                                             article_ids=frozenset({999}))))
    window = open_window(qtbot, library, window_settings(tmp_path))
    assert window.messages.last_message is None
    assert window.filters.spec() == FilterSpec(countries=frozenset({known}))  # what is gone is left out
    assert window.filters.countries.item_for("XXX") is None
    window.close()

    with Library(library) as lib:
        lib.set_setting(FILTER_SETTING, '{"countries": "not a list", "text": ')
    window = open_window(qtbot, library, window_settings(tmp_path))
    assert window.messages.last_message is None and window.filters.spec().is_empty()
    assert window.event_model.rowCount() == len(window.snapshot.events_frame())
    window.close()


def test_each_library_keeps_its_own_filters(qtbot, tmp_path, library) -> None:
    other = tmp_path / "other.sqlite3"
    shutil.copy(library, other)
    window = open_window(qtbot, library, window_settings(tmp_path))
    _check(window.filters.types, window.snapshot.events_frame()["event_type"].value_counts().index[0])
    spec = window.filters.spec()
    with qtbot.waitSignal(window.events_reloaded, timeout=120_000):
        assert window.open_library(other)
    assert window.filters.spec().is_empty()  # the other library was never filtered
    with qtbot.waitSignal(window.events_reloaded, timeout=120_000):
        assert window.open_library(library)
    assert window.filters.spec() == spec
    window.close()


def test_a_window_closed_before_the_library_was_read_keeps_the_saved_filters(qtbot, tmp_path, library) -> None:
    with Library(library) as lib:
        kind = lib.events_frame()["event_type"].value_counts().index[0]
        lib.set_setting(FILTER_SETTING, dump_spec(FilterSpec(event_types=frozenset({kind}))))
    window = MainWindow(library, window_settings(tmp_path))
    qtbot.addWidget(window)
    window.close()  # at once: the library's events have not arrived, the panel shows nothing yet
    window = open_window(qtbot, library, window_settings(tmp_path))
    assert window.filters.spec() == FilterSpec(event_types=frozenset({kind}))
    window.close()


def test_a_restored_country_is_in_view_in_its_list(qtbot, tmp_path) -> None:
    library = tmp_path / "samples.sqlite3"  # the samples name more countries than the list shows at once
    pipeline.import_inputs([str(p) for p in sample_paths()], library, workers=1)
    with Library(library) as lib:
        codes = lib.events_frame()["countries"].str.split(";").explode()
        rare = codes[codes != ""].value_counts().index[-1]
        lib.set_setting(FILTER_SETTING, dump_spec(FilterSpec(countries=frozenset({rare}))))
    window = open_window(qtbot, library, window_settings(tmp_path))
    countries = window.filters.countries
    assert countries.list.count() > 15
    item = countries.item_for(rare)
    qtbot.waitUntil(lambda: not countries.list.visualItemRect(item).isEmpty())  # the list lays out later
    assert countries.list.viewport().rect().contains(countries.list.visualItemRect(item))
    assert window.docks.filters_dock.isVisible() and not window.docks.filters_dock.visibleRegion().isEmpty()
    window.close()


def test_dates_that_follow_the_timeline_view_are_not_kept(qtbot, tmp_path, library) -> None:
    window = open_window(qtbot, library, window_settings(tmp_path))
    kind = window.snapshot.events_frame()["event_type"].value_counts().index[0]
    _check(window.filters.types, kind)
    window.filters.sync_check.setChecked(True)
    assert window.filters.spec().date_from is not None  # the range on screen
    window.close()
    window = open_window(qtbot, library, window_settings(tmp_path))
    assert window.filters.spec() == FilterSpec(event_types=frozenset({kind}))
    window.close()
