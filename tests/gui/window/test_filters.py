"""WindowFilters in the real window: countries, dates and articles filter the table and the timeline."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from itertools import combinations

import pandas as pd
from PySide6.QtCore import QDate, Qt

from tests.gui.conftest import LOAD_TIMEOUT, check_country, countries_of, table_ids
from timeline_app.core.daycount import date_to_days, days_to_date


def test_country_filters_apply_to_table_and_timeline(window, qtbot) -> None:
    events = window.snapshot.events_frame()
    sets = countries_of(events)
    counts = Counter(c for s in sets for c in s)
    code = counts.most_common(1)[0][0]
    check_country(window, code)
    expected = set(events.loc[sets.map(lambda s: code in s), "event_id"])
    assert table_ids(window) == expected
    assert window.timeline.shown_event_count() == len(expected)
    assert window.status_bar.count_label.text().startswith(f"{len(expected)} of {len(events)}")
    assert code in window.status_bar.filter_label.text()

    # Two countries, "all": only the events with both (the bilateral view).
    pairs = Counter(p for s in sets for p in combinations(sorted(s), 2))
    (a, b), n_both = pairs.most_common(1)[0]
    window.filters.clear()
    check_country(window, a)
    check_country(window, b)
    window.filters.all_radio.setChecked(True)
    both = set(events.loc[sets.map(lambda s: {a, b} <= s), "event_id"])
    assert len(both) == n_both
    assert table_ids(window) == both
    assert window.timeline.shown_event_count() == n_both
    # With "all", each country's count is what checking it would leave: the shown events it is in.
    assert window.filters.countries.item_for(a).text().endswith(f"({n_both})")
    window.filters.any_radio.setChecked(True)
    either = set(events.loc[sets.map(lambda s: bool({a, b} & s)), "event_id"])
    assert table_ids(window) == either and len(either) > n_both


def test_date_range_filter(window, qtbot) -> None:
    events = window.snapshot.events_frame()
    starts = sorted(events["date_start"])
    lo, hi = starts[len(starts) // 4], starts[(3 * len(starts)) // 4]
    f = window.filters
    f.from_check.setChecked(True)
    f.to_check.setChecked(True)
    with qtbot.waitSignal(f.filters_changed, timeout=2000):
        f.from_edit.setDate(QDate.fromString(lo, "yyyy-MM-dd"))
        f.to_edit.setDate(QDate.fromString(hi, "yyyy-MM-dd"))
    # An event is kept when its period overlaps the range.
    keep = (events["date_end"] >= lo) & (events["date_start"] <= hi)
    assert table_ids(window) == set(events.loc[keep, "event_id"])
    assert 0 < window.event_model.rowCount() < len(events)
    assert window.timeline.shown_event_count() == window.event_model.rowCount()
    qtbot.mouseClick(f.clear_button, Qt.MouseButton.LeftButton)
    assert window.event_model.rowCount() == len(events)


def test_sync_with_timeline_view_filters_to_the_visible_range(window, qtbot) -> None:
    events = window.snapshot.events_frame()
    with qtbot.waitSignal(window.filters.filters_changed, timeout=5000):
        window.filters.sync_check.setChecked(True)  # takes the range on screen at once
    assert (window.filtering.spec.date_from, window.filtering.spec.date_to) == window.timeline.visible_range()
    lo, hi = "2023-03-01", "2023-05-31"
    with qtbot.waitSignal(window.filters.filters_changed, timeout=5000):
        window.timeline.zoom_to_date_range(pd.Timestamp(lo).date(), pd.Timestamp(hi).date())
    spec = window.filtering.spec
    assert spec.date_from is not None and spec.date_to is not None
    keep = (events["date_end"] >= spec.date_from.isoformat()) & (events["date_start"] <= spec.date_to.isoformat())
    assert table_ids(window) == set(events.loc[keep, "event_id"])
    assert 0 < window.event_model.rowCount() < len(events)


def test_only_the_events_of_selected_articles(window, qtbot) -> None:
    articles = window.snapshot.articles
    chosen = int(articles["article_id"].iloc[0])
    window.library_panel.select_ids([chosen])
    window.library_panel.filter_action.trigger()
    events = window.snapshot.events_frame()
    mine = events["article_ids"].map(lambda s: str(chosen) in s.split(";"))
    assert table_ids(window) == set(events.loc[mine, "event_id"])
    assert "1 article" in window.status_bar.filter_label.text()
    # The reader opened the article when it was selected in the library.
    assert window.reader.article_id == chosen


def test_an_events_table_emptied_by_the_filter_says_why_and_how_to_undo_it(window, qtbot) -> None:
    stack = window.table_stack
    assert stack.currentWidget() is window.table
    window.filters.text_edit.setText("zzzz-no-such-words")
    qtbot.waitUntil(lambda: window.event_model.rowCount() == 0)
    assert stack.currentWidget() is window.empty_label
    assert window.empty_label.text() == "No events match the filter. Clear filters (Ctrl+Shift+X) shows every event."
    window.filters.text_edit.setText("")  # the events come back, and the table with them
    qtbot.waitUntil(lambda: window.event_model.rowCount() > 0)
    assert stack.currentWidget() is window.table


def _count_of(check_list, key: str) -> int:
    return int(check_list.item_for(key).data(Qt.ItemDataRole.UserRole + 2))


def test_every_list_counts_the_events_the_other_filters_keep(window, qtbot) -> None:
    # A user who filters to one country sees type, organisation, precision and language counts that
    # add up to the table, not the library's totals; a list's own choice leaves its counts alone.
    events = window.snapshot.events_frame()
    events = events[~events["hidden"].astype(bool)]
    sets = countries_of(events)
    code = Counter(c for s in sets for c in s).most_common(1)[0][0]
    check_country(window, code)
    shown = events[sets.map(lambda s: code in s)]
    assert window.event_model.rowCount() == len(shown) < len(events)
    f = window.filters
    types = Counter(shown["event_type"])
    for kind in {k for k in events["event_type"] if k}:
        assert _count_of(f.types, kind) == types.get(kind, 0), kind
    precisions = Counter(shown["date_precision"])
    for key in set(events["date_precision"]):
        assert _count_of(f.precisions, key) == precisions.get(key, 0), key
    languages = Counter(code for cell in shown["language"].fillna("") for code in filter(None, cell.split(";")))
    assert languages and all(_count_of(f.languages, k) == n for k, n in languages.items())
    kind = types.most_common(1)[0][0]
    f.types.item_for(kind).setCheckState(Qt.CheckState.Checked)
    assert window.event_model.rowCount() == types[kind]
    assert _count_of(f.types, kind) == types[kind]  # its own choice does not narrow it
    other = next((k for k in types if k != kind), None)
    if other is not None:
        assert _count_of(f.types, other) == types[other]
    both = shown[shown["event_type"] == kind]
    assert _count_of(f.precisions, both["date_precision"].iloc[0]) == int((both["date_precision"] == both["date_precision"].iloc[0]).sum())


def test_a_new_empty_library_does_not_show_the_last_ones_dates(window, qtbot, tmp_path) -> None:
    panel = window.filters
    first = panel.slider.minimum
    shown = (panel.from_edit.date().toPython(), panel.to_edit.date().toPython())
    assert shown[0] < dt.date.today() and shown == (days_to_date(first), days_to_date(panel.slider.maximum))
    with qtbot.waitSignal(window.events_reloaded, timeout=LOAD_TIMEOUT):
        assert window.open_library(tmp_path / "empty.sqlite3")
    today = dt.date.today()
    assert (panel.from_edit.date().toPython(), panel.to_edit.date().toPython()) == (today, today)
    assert panel.slider.minimum == date_to_days(today) and panel.spec().date_from is None
