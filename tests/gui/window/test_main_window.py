"""The real main window, driven as a user would: samples in, filters, selection, export, remove, import."""

from __future__ import annotations

import csv
import json
from collections import Counter
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from timeline_app import paths
from timeline_app.gui.app import maybe_add_samples
from timeline_app.gui.panels.articles import NEEDS_DATE
from timeline_app.core.library.export import EXPORT_FORMATS
from timeline_app.gui.window.main_window import MainWindow
from tests.gui.conftest import LOAD_TIMEOUT, open_window, window_settings


ARTICLE_WITH_DATE = """Ankara and Damascus agree to reopen border crossing

Published: 14 March 2023

Turkish and Syrian officials agreed on Tuesday to reopen the Kassab border crossing.
The crossing had been closed since 2012, Turkey's foreign ministry said.
"""

ARTICLE_WITHOUT_DATE = """Egypt and Sudan discuss Nile dam

Egyptian and Sudanese water ministers met in Cairo on Monday to discuss the Nile dam.
They plan to meet again next month in Khartoum.
"""


_settings = window_settings
_open = open_window


def _reloaded(qtbot, window: MainWindow):
    return qtbot.waitSignal(window.events_reloaded, timeout=LOAD_TIMEOUT)


def _countries(events: pd.DataFrame) -> pd.Series:
    return events["countries"].fillna("").map(lambda s: set(filter(None, s.split(";"))))


def _check_country(window: MainWindow, code: str) -> None:
    item = window.filters.countries.item_for(code)
    assert item is not None, f"{code} is not in the country list"
    item.setCheckState(Qt.CheckState.Checked)


def _timeline_count(window: MainWindow) -> int:
    """Events drawn on the timeline after filtering (TimelineView has no public count yet)."""
    data = window.timeline._data
    return int(np.unique(data.o_event[data.o_visible]).size)


def _table_ids(window: MainWindow) -> set[str]:
    return {window.event_model.event_id(r) for r in range(window.event_model.rowCount())}


def test_first_start_imports_the_samples_and_shows_them(qtbot, tmp_path) -> None:
    library = tmp_path / "fresh.sqlite3"
    window = _open(qtbot, library, _settings(tmp_path))
    assert window.table_stack.currentWidget() is window.empty_label
    assert "No articles yet" in window.empty_label.text()
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT) as blocker, _reloaded(qtbot, window):
        assert maybe_add_samples(window)
    report = blocker.args[0]
    n_samples = len(list(paths.SAMPLES.glob("*.txt")))
    assert report.added == n_samples and not report.skipped
    qtbot.waitUntil(lambda: window.event_model.rowCount() > 0, timeout=LOAD_TIMEOUT)
    assert window.table_stack.currentWidget() is window.table
    assert window.library_panel.count_label.text() == f"{n_samples} articles"
    assert window.last_message is None  # a clean first start asks nothing
    total = window.event_model.total_count
    assert window.count_label.text() == f"{total:,} of {total:,} events shown"
    assert not maybe_add_samples(window)  # only once per library
    # The samples mention a war "in the nineteenth century": the first view is not squeezed by it,
    # and Fit (Ctrl+0) shows everything.
    first = window.snapshot.events["date_start"].min()
    assert first < "1900"
    start, end = window.timeline.visible_range()
    assert start.isoformat() > "1950" and end.isoformat() >= window.snapshot.events["date_end"].max()
    window.fit_action.trigger()
    assert window.timeline.visible_range()[0].isoformat() <= first
    window.close()


def test_country_filters_apply_to_table_and_timeline(window, qtbot) -> None:
    events = window.snapshot.events
    sets = _countries(events)
    counts = Counter(c for s in sets for c in s)
    code = counts.most_common(1)[0][0]
    _check_country(window, code)
    expected = set(events.loc[sets.map(lambda s: code in s), "event_id"])
    assert _table_ids(window) == expected
    assert _timeline_count(window) == len(expected)
    assert window.count_label.text().startswith(f"{len(expected)} of {len(events)}")
    assert code in window.filter_label.text()

    # Two countries, "all": only the events with both (the bilateral view).
    pairs = Counter(p for s in sets for p in combinations(sorted(s), 2))
    (a, b), n_both = pairs.most_common(1)[0]
    window.filters.clear()
    _check_country(window, a)
    _check_country(window, b)
    window.filters.all_radio.setChecked(True)
    both = set(events.loc[sets.map(lambda s: {a, b} <= s), "event_id"])
    assert len(both) == n_both
    assert _table_ids(window) == both
    assert _timeline_count(window) == n_both
    # With "all", each country's count is what checking it would leave: the shown events it is in.
    assert window.filters.countries.item_for(a).text().endswith(f"({n_both})")
    window.filters.any_radio.setChecked(True)
    either = set(events.loc[sets.map(lambda s: bool({a, b} & s)), "event_id"])
    assert _table_ids(window) == either and len(either) > n_both


def test_date_range_filter(window, qtbot) -> None:
    events = window.snapshot.events
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
    assert _table_ids(window) == set(events.loc[keep, "event_id"])
    assert 0 < window.event_model.rowCount() < len(events)
    assert _timeline_count(window) == window.event_model.rowCount()
    qtbot.mouseClick(f.clear_button, Qt.MouseButton.LeftButton)
    assert window.event_model.rowCount() == len(events)


@pytest.mark.parametrize("fmt", [f.key for f in EXPORT_FORMATS])
def test_export_writes_the_filtered_events(window, qtbot, tmp_path, monkeypatch, fmt) -> None:
    events = window.snapshot.events
    sets = _countries(events)
    code = Counter(c for s in sets for c in s).most_common(1)[0][0]
    _check_country(window, code)
    shown = set(events.loc[sets.map(lambda s: code in s), "event_id"])
    assert 0 < len(shown) < len(events)
    target = tmp_path / "out" / f"export-{fmt}"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(window.exported, timeout=30_000) as blocker:
        window.export_actions[fmt].trigger()
    path = Path(blocker.args[0])
    assert path.exists() and path.suffix == next(f.suffix for f in EXPORT_FORMATS if f.key == fmt)
    if fmt == "events_csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert {r["event_id"] for r in rows} == shown
        assert all(code in r["countries"].split(";") for r in rows)
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM, for spreadsheets
    elif fmt == "mentions_csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert rows and {r["event_id"] for r in rows} == shown
        assert {"char_start", "char_end", "date_value", "evidence"} <= set(rows[0])
    elif fmt == "timelinejs":
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert len(doc["events"]) == len(shown)
        assert all("year" in e["start_date"] for e in doc["events"])
    elif fmt == "jsonl":
        lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        assert {x["event_id"] for x in lines} == shown
    elif fmt == "xlsx":
        sheet = pd.read_excel(path)
        assert set(sheet["event_id"].astype(str)) == shown
    assert blocker.args[1] == (len(shown) if fmt != "mentions_csv" else len(rows))

    # "Export all events" ignores the filters.
    window.export_all_action.trigger()
    assert window.export(fmt, str(tmp_path / f"all-{fmt}")) >= len(events) if fmt == "mentions_csv" \
        else window.export(fmt, str(tmp_path / f"all-{fmt}")) == len(events)


def test_selecting_an_event_shows_its_article_with_the_sentence_highlighted(window, qtbot) -> None:
    window.table.selectRow(0)
    event_id = window.event_model.event_id(0)
    qtbot.waitUntil(lambda: window.reader.article_id is not None, timeout=10_000)
    mention = window._event_mention(event_id)
    assert window.reader.article_id == int(mention["article_id"])
    assert window.reader.focused_date_text() == mention["date_text"]
    sentence = window.reader.highlighted_text()
    assert mention["date_text"] in sentence
    assert " ".join(sentence.split()) == " ".join(str(mention["evidence"]).split())
    assert window.timeline.selected_event() == event_id
    assert window.reader.dates, "every date expression of the article is marked"

    # And the other way: the timeline selects, the table follows.
    other = window.event_model.event_id(window.event_model.rowCount() - 1)
    window.timeline.event_selected.emit(other)
    assert window.table.current_event_id() == other


def test_remove_an_article_and_undo(window, qtbot) -> None:
    c = window.curation
    articles = window.snapshot.articles
    victim = articles.sort_values("event_count").iloc[-1]
    victim_id = int(victim["article_id"])
    n_articles = len(articles)
    owned = window.snapshot.events["article_ids"].map(lambda s: str(victim_id) in s.split(";"))
    sole = window.snapshot.events.loc[owned & (window.snapshot.events["sources"] == 1), "event_id"]
    assert len(sole) > 0
    # A correction of one of its events, made before the removal, must come back with it.
    corrected = str(sole.iloc[0])
    window.select_event(corrected)
    with _reloaded(qtbot, window):
        c.verify_action.trigger()
    before = window.snapshot.events[["event_id", "summary", "countries", "verified"]].copy()
    assert bool(before.set_index("event_id").loc[corrected, "verified"])

    window.library_panel.select_ids([victim_id])
    with _reloaded(qtbot, window):
        window.library_panel.remove_action.trigger()
    assert len(window.snapshot.articles) == n_articles - 1
    assert not set(sole) & set(window.snapshot.events["event_id"])
    assert "Undo with Ctrl+Z" in window.statusBar().currentMessage()
    # The removal is on the one undo stack, after the correction, as Edit > Undo (Ctrl+Z) says.
    assert c.undo_action.shortcut().toString() == "Ctrl+Z"
    assert c.undo_action.text().startswith("&Undo remove article '" + str(victim["title"])[:20])
    assert c.undo_stack.count() == 2

    with _reloaded(qtbot, window):
        c.undo_action.trigger()
    assert len(window.snapshot.articles) == n_articles
    back = window.snapshot.articles[window.snapshot.articles["title"] == victim["title"]]
    assert len(back) == 1 and int(back["article_id"].iloc[0]) == victim_id
    assert int(back["event_count"].iloc[0]) == int(victim["event_count"])
    assert back["published"].iloc[0] == victim["published"]
    after = window.snapshot.events[["event_id", "summary", "countries", "verified"]]
    pd.testing.assert_frame_equal(after.reset_index(drop=True), before.reset_index(drop=True))
    assert c.undo_action.text().startswith("&Undo mark verified")  # the correction is next

    with _reloaded(qtbot, window):
        c.redo_action.trigger()  # Ctrl+Shift+Z removes it again
    assert len(window.snapshot.articles) == n_articles - 1
    assert not set(sole) & set(window.snapshot.events["event_id"])


def test_import_of_a_folder_with_a_bad_file_shows_one_summary(window, qtbot, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "border.txt").write_text(ARTICLE_WITH_DATE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    before = len(window.snapshot.articles)
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT) as blocker, _reloaded(qtbot, window):
        window.open_folder_action.trigger()
    report = blocker.args[0]
    assert report.added == 1 and len(report.skipped) == 1
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert boxes == [window.last_message]
    box = window.last_message
    assert box.text().startswith("1 article added") and "1 skipped" in box.text()
    assert "empty.txt" in box.detailedText()
    assert len(window.snapshot.articles) == before + 1
    box.accept()


def test_an_article_without_date_is_asked_for_one(window, qtbot, tmp_path, monkeypatch) -> None:
    path = tmp_path / "nile.txt"
    path.write_text(ARTICLE_WITHOUT_DATE, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT) as blocker, _reloaded(qtbot, window):
        window.open_files_action.trigger()
    (article_id,) = blocker.args[0].needs_date
    assert window.library_panel.needs_date_ids() == [article_id]
    group = window.library_panel.tree.topLevelItem(0)
    assert group.text(0) == f"{NEEDS_DATE} (1)" and not group.isHidden()
    dialog = window.date_dialog
    assert dialog is not None and dialog.isVisible()
    assert window.needs_date_button.isVisible()
    assert window.needs_date_button.text() == "1 article needs a publication date"
    dialog.reject()  # "Later"; the status bar button asks again
    qtbot.mouseClick(window.needs_date_button, Qt.MouseButton.LeftButton)
    dialog = window.date_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.date_edit(article_id).setDate(QDate(2023, 5, 8))
    with qtbot.waitSignal(window.job_finished, timeout=LOAD_TIMEOUT), _reloaded(qtbot, window):
        dialog.accept()
    qtbot.waitUntil(lambda: window.library_panel.needs_date_ids() == [], timeout=LOAD_TIMEOUT)
    row = window.snapshot.articles.set_index("article_id").loc[article_id]
    assert row["published"] == "2023-05-08" and row["published_source"] == "user"
    assert window.library_panel.item(article_id).text(4) == "you"
    assert not window.needs_date_button.isVisible()


def test_docks_can_be_closed_and_come_back_at_the_next_start(window, qtbot, tmp_path) -> None:
    assert window.reader_dock.isVisible()
    window.reader_dock.toggleViewAction().trigger()
    assert not window.reader_dock.isVisible()
    library = window.library_path
    settings = window.settings
    window.close()
    again = _open(qtbot, library, settings)
    assert not again.reader_dock.isVisible()
    again.reset_layout_action.trigger()
    assert again.reader_dock.isVisible()
    again.close()


def test_every_action_has_a_shortcut_listed_in_help(window, qtbot) -> None:
    menu_actions = []
    for menu in (a.menu() for a in window.menuBar().actions()):
        for action in menu.actions():
            if action.menu():
                menu_actions += [a for a in action.menu().actions() if not a.isSeparator()]
            elif not action.isSeparator():
                menu_actions.append(action)
    exempt = {window.export_all_action, window.about_action}
    missing = [a.text() for a in menu_actions if a not in exempt and a.shortcut().isEmpty()
               and window.recent_menu.menuAction() is not a and a.parent() is not window.recent_menu]
    assert missing == []
    # No key does two things: a key may be shared only by actions scoped to different widgets.
    from collections import defaultdict

    from PySide6.QtGui import QAction

    by_key = defaultdict(set)
    for action in window.findChildren(QAction):
        if action.shortcutContext() != Qt.ShortcutContext.WidgetWithChildrenShortcut:
            for key in action.shortcuts():
                by_key[key.toString()].add(action.text())
    assert {k: v for k, v in by_key.items() if len(v) > 1} == {}
    window.shortcuts_action.trigger()
    listed = dict(window.shortcuts_dialog.rows())
    assert listed["Open files"] and listed["Undo the last change"] and listed["Clear filters"]
    window.shortcuts_dialog.close()


def test_cancel_stops_a_long_import_and_keeps_what_was_read(window, qtbot, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"2023-01-{(i % 28) + 1:02d}_note{i}.txt").write_text(
            f"Note {i} on Greek-Turkish talks\n\nGreece and Turkey held talks number {i} in Athens on "
            f"Monday and agreed to meet again in March.\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    before = len(window.snapshot.articles)

    def cancel_on_first_progress(done: int, total: int, what: str) -> None:
        if done >= 1 and window.cancel_button.isEnabled():
            assert window.progress.isVisible() and window.cancel_button.isVisible()
            qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT) as blocker, _reloaded(qtbot, window):
        window.open_folder_action.trigger()
        window.jobs.current.progressed.connect(cancel_on_first_progress)
    report = blocker.args[0]
    assert report.cancelled and 1 <= report.added < 40
    assert len(window.snapshot.articles) == before + report.added
    assert not window.progress.isVisible() and not window.cancel_button.isVisible()


def test_dropping_files_on_the_window_imports_them(window, qtbot, tmp_path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "border.txt"
    path.write_text(ARTICLE_WITH_DATE, encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT) as blocker, _reloaded(qtbot, window):
        window.dropEvent(drop)
    assert blocker.args[0].added == 1
    assert "Ankara and Damascus agree to reopen border crossing" in set(window.snapshot.articles["title"])


def test_sync_with_timeline_view_filters_to_the_visible_range(window, qtbot) -> None:
    events = window.snapshot.events
    with qtbot.waitSignal(window.filters.filters_changed, timeout=5000):
        window.filters.sync_check.setChecked(True)  # takes the range on screen at once
    assert (window.spec.date_from, window.spec.date_to) == window.timeline.visible_range()
    lo, hi = "2023-03-01", "2023-05-31"
    with qtbot.waitSignal(window.filters.filters_changed, timeout=5000):
        window.timeline.zoom_to_date_range(pd.Timestamp(lo).date(), pd.Timestamp(hi).date())
    spec = window.spec
    assert spec.date_from is not None and spec.date_to is not None
    keep = (events["date_end"] >= spec.date_from.isoformat()) & (events["date_start"] <= spec.date_to.isoformat())
    assert _table_ids(window) == set(events.loc[keep, "event_id"])
    assert 0 < window.event_model.rowCount() < len(events)


def test_only_the_events_of_selected_articles(window, qtbot) -> None:
    articles = window.snapshot.articles
    chosen = int(articles["article_id"].iloc[0])
    window.library_panel.select_ids([chosen])
    window.library_panel.filter_action.trigger()
    events = window.snapshot.events
    mine = events["article_ids"].map(lambda s: str(chosen) in s.split(";"))
    assert _table_ids(window) == set(events.loc[mine, "event_id"])
    assert "1 article" in window.filter_label.text()
    # The reader opened the article when it was selected in the library.
    assert window.reader.article_id == chosen


def test_table_context_actions_zoom_the_timeline_and_open_the_article(window, qtbot) -> None:
    row = window.event_model.rowCount() - 1
    event_id = window.event_model.event_id(row)
    event = window.snapshot.events.set_index("event_id").loc[event_id]
    window.table.zoom_requested.emit(event_id)
    start, end = window.timeline.visible_range()
    assert start.isoformat() <= event["date_start"] and event["date_end"] <= end.isoformat()
    assert (end - start).days < 400
    window.reader_dock.close()
    window.table.article_requested.emit(event_id)
    assert window.reader_dock.isVisible()
    assert window.reader.article_id == int(window._event_mention(event_id)["article_id"])


def test_a_bug_in_a_job_shows_the_crash_dialog_and_the_window_goes_on(window, qtbot) -> None:
    from timeline_app.gui.dialogs import CrashDialog
    from timeline_app.gui.workers import TaskWorker

    def broken(progress, cancel):
        raise KeyError("no such column")

    with qtbot.waitSignal(window.job_finished, timeout=10_000):
        window.jobs.enqueue(TaskWorker(broken, "testing"))
    dialogs = [d for d in window.findChildren(CrashDialog) if d.isVisible()]
    assert len(dialogs) == 1 and "KeyError" in dialogs[0].details.toPlainText()
    dialogs[0].close()
    assert not window.progress.isVisible()


def test_lane_mode_is_kept_and_go_to_date_centres_the_timeline(window, qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    window.lane_actions["event_type"].trigger()
    assert window.timeline.lane_mode() == "event_type"
    types = set(window.snapshot.events["event_type"]) - {""}
    assert types <= set(window.timeline.lane_keys()) | {""}
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("2021-06", True))
    window.go_to_date_action.trigger()
    start, end = window.timeline.visible_range()
    assert start <= pd.Timestamp("2021-06-01").date() <= end
    library, settings = window.library_path, window.settings
    window.close()
    again = _open(qtbot, library, settings)
    assert again.timeline.lane_mode() == "event_type"
    assert again.lane_actions["event_type"].isChecked()
    again.close()


def test_clicking_a_date_in_the_reader_selects_its_event(window, qtbot) -> None:
    mentions = window.snapshot.mentions
    target = mentions[mentions["event_id"].isin(window.snapshot.events["event_id"])].iloc[-1]
    article_id = int(target["article_id"])
    window.library_panel.select_ids([article_id])
    assert window.reader.article_id == article_id
    reader = window.reader.text
    cursor = reader.textCursor()
    cursor.setPosition(window.reader._offsets(int(target["char_start"]) + 1))
    reader.setTextCursor(cursor)
    reader.ensureCursorVisible()
    point = reader.cursorRect(cursor).center()
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.table.current_event_id() == target["event_id"]
    assert window.timeline.selected_event() == target["event_id"]
    assert window.reader.focused_date_text() == target["date_text"]


def test_an_import_keeps_the_users_zoom(window, qtbot, tmp_path) -> None:
    start, end = pd.Timestamp("2023-04-01").date(), pd.Timestamp("2023-06-30").date()
    window.timeline.zoom_to_date_range(start, end)
    before = window.timeline.visible_range()
    path = tmp_path / "border.txt"
    path.write_text(ARTICLE_WITH_DATE, encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT), _reloaded(qtbot, window):
        window.open_inputs([str(path)])
    after = window.timeline.visible_range()
    assert abs((after[0] - before[0]).days) <= 1 and abs((after[1] - before[1]).days) <= 1


def test_an_event_reported_twice_links_to_its_other_article(window, qtbot) -> None:
    events = window.snapshot.events
    multi = events[events["sources"] > 1]
    assert len(multi), "the test corpus has events reported by two articles"
    event = multi.iloc[0]
    ids = [int(a) for a in event["article_ids"].split(";")]
    window.select_event(event["event_id"])
    first = window.reader.article_id
    assert first in ids and window.reader.sources_label.isVisible()
    other = next(a for a in ids if a != first)
    assert f"article:{other}" in window.reader.sources_label.text()
    window.reader.sources_label.linkActivated.emit(f"article:{other}")
    assert window.reader.article_id == other
    assert window.reader.highlighted_text()  # the other article's sentence is emphasised
    assert f"article:{first}" in window.reader.sources_label.text()


def test_table_columns_can_be_hidden_and_stay_hidden(window, qtbot) -> None:
    from timeline_app.core.library.table import COLUMNS

    written_as = next(i for i, c in enumerate(COLUMNS) if c.field == "date_text")
    menu = window.table.column_menu()
    action = next(a for a in menu.actions() if a.text() == "Written as")
    action.setChecked(False)
    assert window.table.isColumnHidden(written_as)
    assert not next(a for a in menu.actions() if a.text() == "Summary").isEnabled()
    library, settings = window.library_path, window.settings
    window.close()
    again = _open(qtbot, library, settings)
    assert again.table.isColumnHidden(written_as)
    again.close()


def test_skipped_files_and_an_undated_article_ask_one_thing_at_a_time(window, qtbot, tmp_path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "nile.txt").write_text(ARTICLE_WITHOUT_DATE, encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT), _reloaded(qtbot, window):
        window.open_inputs([str(folder)])
    box = window.last_message
    assert box is not None and box.isVisible() and "1 skipped" in box.text()
    assert window.date_dialog is None or not window.date_dialog.isVisible()
    box.accept()
    qtbot.waitUntil(lambda: window.date_dialog is not None and window.date_dialog.isVisible(), timeout=5000)
    window.date_dialog.reject()
