"""Curation through the real main window: edit, verify, hide, delete, merge, split, add, undo, redo."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMenu, QMessageBox

from timeline_app.core.library.store import Library
from timeline_app.core.temporal.values import display_date
from timeline_app.gui.window.main_window import MainWindow
from tests.gui.conftest import LOAD_TIMEOUT, reloaded, table_ids


def _events(window: MainWindow) -> pd.DataFrame:
    return window.snapshot.events_frame()


def _event(window: MainWindow, text: str, date: str | None = None) -> pd.Series:
    events = _events(window)
    match = events[events["summary"].str.contains(text, regex=False)]
    if date is not None:
        match = match[match["event_date"] == date]
    assert len(match) >= 1, f"no event with {text!r}"
    return match.iloc[0]


def _pick(window: MainWindow, n: int = 1, day: bool = False) -> list[pd.Series]:
    """`n` events from different articles (at day precision if asked), as the table shows them."""
    events = _events(window)
    events = events[events["sources"] == 1]
    if day:
        events = events[events["date_precision"] == "day"]
    picked = events.drop_duplicates("article_ids").head(n)
    assert len(picked) == n
    return [row for _i, row in picked.iterrows()]


def _countries_with(codes: str, code: str) -> str:
    return ";".join(sorted(set(filter(None, codes.split(";"))) | {code}))


def _select(window: MainWindow, *event_ids: str) -> None:
    """Select events in the table as a user would: click the first, Ctrl+click the others."""
    window.select_event(event_ids[0])
    selection = window.table.selectionModel()
    for event_id in event_ids[1:]:
        row = window.event_model.row_of(event_id)
        assert row >= 0, "the event is not in the table"
        selection.select(window.event_model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def _trigger(qtbot, window: MainWindow, action) -> None:
    assert action.isEnabled(), action.text()
    with reloaded(qtbot, window):
        action.trigger()


def test_edit_an_event_in_the_dialog_then_undo_and_redo(window, qtbot) -> None:
    c = window.curation
    (ev,) = _pick(window, day=True)
    _select(window, ev.event_id)
    assert c.edit_action.isEnabled() and c.edit_action.shortcut().toString() == "F2"
    c.edit_action.trigger()
    dialog = c.dialogs.edit_dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "Edit event"
    assert dialog.evidence_view.toPlainText() == ev.evidence
    dialog.date_editor.set_unit("month")
    dialog.countries_editor.add("Iceland")
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("04" if ev.cameo_code != "04" else "05"))
    dialog.summary_edit.setPlainText("A corrected summary")
    dialog.verified_check.setChecked(True)
    dialog.grab().save("/tmp/curation_window_dialog.png")
    with reloaded(qtbot, window):
        dialog.ok_button.click()
    status = window.statusBar().currentMessage()
    assert status.startswith("Saved: edit date, countries") and status.endswith("Undo with Ctrl+Z.")

    month = ev.event_date[:7]
    after = _events(window).set_index("event_id").loc[ev.event_id]
    assert (after.event_date, after.countries) == (month, _countries_with(ev.countries, "ISL"))
    assert after.summary == "A corrected summary" and bool(after.verified)
    assert after.origin == "edited: date, countries, event_type, summary"
    row = window.event_model.row_of(ev.event_id)
    assert window.event_model.index(row, 0).data() == display_date(month)  # the table shows the new date
    assert window.table.current_event_id() == ev.event_id  # still selected after the reload
    history = c.history_view.model.row_texts()
    assert [r[1] for r in history] == ["Verified", "Summary", "Event type", "Countries", "Date"]
    assert history[4][2:] == (ev.event_date, display_date(month))
    assert "Iceland" in history[3][3] and "Iceland" not in history[3][2]
    assert window.docks.history_dock.widget() is c.history_view
    window.docks.history_dock.show()
    window.docks.history_dock.raise_()
    qtbot.waitUntil(lambda: c.history_view.isVisible())
    c.history_view.grab().save("/tmp/curation_window_history.png")
    window.grab().save("/tmp/curation_window.png")

    assert c.undo_action.text().startswith("&Undo edit date, countries")
    _trigger(qtbot, window, c.undo_action)
    back = _events(window).set_index("event_id").loc[ev.event_id]
    assert (back.event_date, back.countries, back.summary, bool(back.verified)) == (
        ev.event_date, ev.countries, ev.summary, False)
    assert len(c.history_view.model.row_texts()) == 10  # the undo is part of the history
    status = window.statusBar().currentMessage()
    assert status.startswith("Undone: edit date, countries") and status.endswith("Redo with Ctrl+Shift+Z.")
    _trigger(qtbot, window, c.redo_action)
    assert _events(window).set_index("event_id").loc[ev.event_id].event_date == month
    status = window.statusBar().currentMessage()
    assert status.startswith("Redone: edit date, countries") and status.endswith("Undo with Ctrl+Z.")


def test_undo_and_redo_shortcuts(window, qtbot) -> None:
    c = window.curation
    edit_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Edit")
    assert [a for a in edit_menu.actions() if "undo" in a.text().lower()] == [c.undo_action]  # one Undo for all
    keys = {a.toString() for a in c.redo_action.shortcuts()}
    assert c.undo_action.shortcut().toString() == "Ctrl+Z" and keys == {"Ctrl+Shift+Z", "Ctrl+Y"}
    (ev,) = _pick(window)
    _select(window, ev.event_id)
    _trigger(qtbot, window, c.verify_action)
    assert bool(_events(window).set_index("event_id").loc[ev.event_id, "verified"])
    window.activateWindow()
    window.table.setFocus()
    with reloaded(qtbot, window):
        qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not bool(_events(window).set_index("event_id").loc[ev.event_id, "verified"])
    with reloaded(qtbot, window):
        qtbot.keyClick(window.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert bool(_events(window).set_index("event_id").loc[ev.event_id, "verified"])


def test_hide_show_hidden_and_delete_with_undo(window, qtbot) -> None:
    c = window.curation
    total = len(_events(window))
    hidden, gone = _pick(window, 2)
    _select(window, hidden.event_id)
    _trigger(qtbot, window, c.hide_action)
    assert hidden.event_id not in table_ids(window)
    assert len(_events(window)) == total  # still in the library, marked
    assert window.status_bar.count_label.text().startswith(f"{total - 1} of ")
    # The hidden event is counted, and the count says how to show it.
    button = window.status_bar.hidden_button
    assert button.isVisibleTo(window) and button.text() == "1 hidden"
    assert "Ctrl+Shift+H" in button.toolTip()
    button.click()
    assert c.show_hidden_action.isChecked() and hidden.event_id in table_ids(window)
    assert not button.isVisibleTo(window)  # the filter line says hidden events are shown
    c.show_hidden_action.trigger()
    assert hidden.event_id not in table_ids(window) and button.isVisibleTo(window)
    c.show_hidden_action.trigger()
    assert hidden.event_id in table_ids(window)
    assert "hidden events shown" in window.status_bar.filter_label.text()
    _select(window, hidden.event_id)
    assert c.hide_action.text() == "Un&hide event"
    c.show_hidden_action.trigger()
    assert hidden.event_id not in table_ids(window)

    _select(window, gone.event_id)
    window.table.setFocus()
    with reloaded(qtbot, window):
        qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert gone.event_id not in set(_events(window)["event_id"])
    assert "Deleted the event" in window.statusBar().currentMessage()
    _trigger(qtbot, window, c.undo_action)  # the deletion
    assert gone.event_id in table_ids(window)
    _trigger(qtbot, window, c.undo_action)  # the hiding
    assert hidden.event_id in table_ids(window)


def test_merge_selected_events_split_and_undo(window, qtbot) -> None:
    c = window.curation
    a, b = _pick(window, 2)
    n = len(_events(window))
    _select(window, a.event_id, b.event_id)
    assert c.merge_action.isEnabled() and not c.edit_action.isEnabled()
    _trigger(qtbot, window, c.merge_action)
    assert len(_events(window)) == n - 1
    merged = _events(window).set_index("event_id").loc[a.event_id]
    assert b.event_id not in set(_events(window)["event_id"])
    assert window.table.current_event_id() == a.event_id
    assert [r[1] for r in c.history_view.model.row_texts()] == ["Merged"]
    assert merged.sources == 2 and merged.article_ids == ";".join(sorted({a.article_ids, b.article_ids}))
    assert c.split_action.isEnabled()
    _trigger(qtbot, window, c.split_action)
    assert {a.event_id, b.event_id} <= set(_events(window)["event_id"])
    _trigger(qtbot, window, c.undo_action)  # the split
    assert len(_events(window)) == n - 1
    _trigger(qtbot, window, c.undo_action)  # the merge
    assert len(_events(window)) == n and {a.event_id, b.event_id} <= table_ids(window)
    _trigger(qtbot, window, c.redo_action)
    assert len(_events(window)) == n - 1


def test_an_event_merged_by_the_extractor_has_nothing_to_split(window, qtbot) -> None:
    c = window.curation
    ev = _events(window)[_events(window)["sources"] == 2].iloc[0]
    _select(window, ev.event_id)
    c.split_action.trigger()
    # Two reports the extractor merged: what does part them is named.
    message = window.statusBar().currentMessage()
    assert "not merged by hand" in message and "Split this report off (Ctrl+Alt+M)" in message, message
    assert c.undo_stack.count() == 0
    (alone,) = _pick(window)  # one report: nothing to part, and Split says so by being off
    _select(window, alone.event_id)
    assert not c.split_action.isEnabled()


def test_add_an_event_from_a_sentence_in_the_reader(window, qtbot) -> None:
    c = window.curation
    (ev,) = _pick(window, day=True)
    _select(window, ev.event_id)
    assert window.reader.article_id is not None
    sentence = window.reader.highlighted_text()
    text = window.reader.text.toPlainText()
    start = text.index(sentence)
    cursor = window.reader.text.textCursor()
    cursor.setPosition(start + 3)  # part of the sentence: the whole of it is taken
    cursor.setPosition(start + len(sentence) // 2, cursor.MoveMode.KeepAnchor)
    window.reader.text.setTextCursor(cursor)
    c.add_action.trigger()
    dialog = c.dialogs.edit_dialog
    assert dialog is not None and dialog.is_new
    assert dialog.evidence_view.toPlainText() == sentence
    dialog.date_editor.set_value("2023-05")
    dialog.countries_editor.add("Iran")
    dialog.summary_edit.setPlainText("Tehran round of talks")
    with reloaded(qtbot, window):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: window.table.current_event_id() in set(
        _events(window).loc[_events(window)["summary"] == "Tehran round of talks", "event_id"]))
    added = _event(window, "Tehran round of talks")
    assert (added.event_date, added.countries, added.origin) == ("2023-05", "IRN", "manual")
    assert added.article_ids == str(window.reader.article_id)
    _trigger(qtbot, window, c.undo_action)
    assert "Tehran round of talks" not in set(_events(window)["summary"])
    _trigger(qtbot, window, c.redo_action)
    assert "Tehran round of talks" in set(_events(window)["summary"])


def test_deleted_events_come_back_from_their_dialog(window, qtbot) -> None:
    c = window.curation
    (ev,) = _pick(window)
    _select(window, ev.event_id)
    _trigger(qtbot, window, c.delete_action)
    c.deleted_action.trigger()
    dialog = c.dialogs.deleted_dialog
    assert dialog is not None and dialog.list_widget.count() == 1
    dialog.set_checked(0)
    with reloaded(qtbot, window):
        dialog.ok_button.click()
    assert ev.event_id in table_ids(window)


def test_reextract_library_keeps_every_kind_of_correction(window, qtbot) -> None:
    c = window.curation
    edited, merged_a, merged_b, hidden, deleted = _pick(window, 5)
    _select(window, edited.event_id)
    _trigger(qtbot, window, c.verify_action)
    c.edit_action.trigger()
    c.dialogs.edit_dialog.countries_editor.add("Lithuania")
    c.dialogs.edit_dialog.date_editor.set_unit("year")
    with reloaded(qtbot, window):
        c.dialogs.edit_dialog.ok_button.click()
    _select(window, merged_a.event_id, merged_b.event_id)
    _trigger(qtbot, window, c.merge_action)
    _select(window, hidden.event_id)
    _trigger(qtbot, window, c.hide_action)
    c.show_hidden_action.trigger()  # to be able to check it below
    _select(window, deleted.event_id)
    _trigger(qtbot, window, c.delete_action)
    c.add_action.trigger()
    c.dialogs.edit_dialog.date_editor.set_value("2023-02")
    c.dialogs.edit_dialog.summary_edit.setPlainText("Back-channel talks")
    with reloaded(qtbot, window):
        c.dialogs.edit_dialog.ok_button.click()
    qtbot.waitUntil(lambda: "added by hand" in window.reader.header.text())  # selected: no article to show
    before = _events(window).drop(columns=["publication_date"]).sort_values("event_id").reset_index(drop=True)

    with qtbot.waitSignal(window.job_finished, timeout=LOAD_TIMEOUT) as job, reloaded(qtbot, window):
        c.reextract_action.trigger()
    assert job.args == ["re-extracting the library"]
    assert "corrections were kept" in window.statusBar().currentMessage()
    after = _events(window).set_index("event_id")
    row = after.loc[edited.event_id]
    assert bool(row.verified) and row.countries == _countries_with(edited.countries, "LTU")
    assert row.event_date == edited.event_date[:4]
    assert merged_b.event_id not in after.index and after.loc[merged_a.event_id, "sources"] == 2
    assert bool(after.loc[hidden.event_id, "hidden"])
    assert deleted.event_id not in after.index
    assert "Back-channel talks" in set(after["summary"])
    again = _events(window).drop(columns=["publication_date"]).sort_values("event_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(before, again)  # the same events, every value as corrected


def test_the_table_context_menu_offers_the_curation_actions(window, qtbot) -> None:
    (ev,) = _pick(window)
    _select(window, ev.event_id)
    menu = window.table.context_menu(ev.event_id)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert "Open article" in texts and "&Edit event…" in texts and "&Delete event" in texts
    assert "&Merge selected events" in texts and "Copy rows as CSV" in [t.replace("&", "") for t in texts]
    menu.deleteLater()


def test_a_failed_edit_shows_one_message_and_the_window_goes_on(window, qtbot) -> None:
    c = window.curation
    (ev,) = _pick(window)
    _select(window, ev.event_id)
    window.library.close()  # as if the drive had gone
    c.verify_action.trigger()
    box = window.messages.last_message
    assert isinstance(box, QMessageBox) and box.windowTitle() == "Cannot mark the events"
    assert c.undo_stack.count() == 0
    box.close()
    window.library = Library(window.library_path)


def test_another_library_starts_with_an_empty_undo_stack(window, qtbot, tmp_path) -> None:
    c = window.curation
    (ev,) = _pick(window)
    _select(window, ev.event_id)
    _trigger(qtbot, window, c.verify_action)
    assert c.undo_action.isEnabled()
    with reloaded(qtbot, window):
        assert window.open_library(tmp_path / "other.sqlite3")
    assert c.undo_stack.count() == 0 and not c.undo_action.isEnabled()


def test_the_curation_shortcuts_are_listed_in_help(window, qtbot) -> None:
    window.menus.shortcuts_action.trigger()
    listed = dict(window.menus.shortcuts_dialog.rows())
    window.menus.shortcuts_dialog.close()
    assert listed["Undo the last change"] == "Ctrl+Z" and listed["Edit event"] == "F2"
    assert listed["Merge selected events"] == "Ctrl+M" and listed["Delete event"] == "Del"


def test_hiding_the_selected_event_deselects_it_and_unmarks_its_sentence(window, qtbot) -> None:
    c = window.curation
    hidden, other = _pick(window, 2)
    _select(window, hidden.event_id)
    assert window.reader.highlighted_text()  # the event's sentence is marked
    _trigger(qtbot, window, c.hide_action)
    assert window.selection.selected_event == ""
    assert window.reader.highlighted_text() == "" and window.reader.article_id is not None
    assert not c.hide_action.isEnabled()  # nothing selected to act on
    _select(window, other.event_id)  # selecting another event marks its sentence again
    assert window.reader.highlighted_text()


def test_an_articles_event_count_leaves_out_the_events_the_user_hid(window, qtbot) -> None:
    c = window.curation
    (ev,) = _pick(window)
    article = int(str(ev.article_ids).split(";")[0])
    panel = window.library_panel
    events_cell = panel.model.index_of(article).siblingAtColumn(2)
    before = int(panel.row_texts(article)[2])
    assert "hid" not in str(events_cell.data(Qt.ItemDataRole.ToolTipRole) or "")
    _select(window, ev.event_id)
    _trigger(qtbot, window, c.hide_action)
    # The count is of the events shown; the one hidden is named apart, with how to show it.
    assert int(panel.row_texts(article)[2]) == before - 1
    tip = panel.model.index_of(article).siblingAtColumn(2).data(Qt.ItemDataRole.ToolTipRole)
    assert "1 more event you hid" in tip and "Ctrl+Shift+H" in tip
    _trigger(qtbot, window, c.undo_action)
    assert int(panel.row_texts(article)[2]) == before


def test_the_merged_event_is_selected_after_a_merge_whatever_row_was_current(window, qtbot) -> None:
    """Click an event, Ctrl+click two others, Ctrl+click the first again to leave it out: the current
    row is the first, not among the two merged. Once merged, the merged event is the one selected."""
    c = window.curation
    first, a, b = _pick(window, 3)
    _select(window, first.event_id, a.event_id, b.event_id)
    selection = window.table.selectionModel()
    selection.select(window.event_model.index(window.event_model.row_of(first.event_id), 0),
                     QItemSelectionModel.SelectionFlag.Deselect | QItemSelectionModel.SelectionFlag.Rows)
    assert window.table.current_event_id() == first.event_id
    _trigger(qtbot, window, c.merge_action)
    merged = {window.event_model.event_id(i.row()) for i in selection.selectedRows()}
    assert merged <= {a.event_id, b.event_id} and len(merged) == 1
    assert c.split_action.isEnabled()
