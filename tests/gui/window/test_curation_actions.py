"""CurationActions on a small stand-in window: menus, dialogs, undo/redo, history, re-extraction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from tests.core.factories import article, mention
from timeline_app.core import pipeline
from timeline_app.core.models import Precision
from timeline_app.core.library.snapshot import read_snapshot
from timeline_app.core.library.store import Library
from timeline_app.gui.panels.reader import Evidence
from timeline_app.gui.window.curation_actions import CurationActions, CurationHost
from timeline_app.gui.panels.edit_dialog import EventEditDialog

D = dt.date


class StandIn:
    """Just enough of a window: the library, the events read from it, a selection and messages."""

    def __init__(self, qtbot, path: Path) -> None:
        self.widget = QWidget()
        qtbot.addWidget(self.widget)
        self.library = Library(path)
        self.path = path
        self.selection: list[str] = []
        self.messages: list[tuple[str, str]] = []
        self.status: list[str] = []
        self.jobs = []
        self.show_hidden = False
        self.evidence = None
        self.read()
        host = CurationHost(
            widget=self.widget, library=lambda: self.library, library_path=lambda: self.path,
            snapshot=lambda: self.snapshot, selected_ids=lambda: self.selection,
            select_event=self.select, reader_evidence=lambda: self.evidence,
            shown_mention=lambda e: self.snapshot.event_mentions(e).iloc[0], reload=self.reload,
            show_message=lambda t, m: self.messages.append((t, m)), show_status=lambda text, _ms: self.status.append(text),
            run_job=self.run_job, set_show_hidden=self.set_show_hidden)
        self.actions = CurationActions(host, self.widget)

    def read(self) -> None:
        self.snapshot = read_snapshot(self.path)
        self.events = self.snapshot.events_frame()

    def reload(self) -> None:
        self.read()
        self.selection = [i for i in self.selection if i in set(self.events["event_id"])]
        self.actions.refresh()

    def select(self, *texts_or_ids: str) -> None:
        ids = []
        for t in texts_or_ids:
            match = self.events[(self.events["event_id"] == t) | self.events["summary"].str.contains(t)]
            ids.append(str(match["event_id"].iloc[0]))
        self.selection = ids
        self.actions.refresh()

    def set_show_hidden(self, on: bool) -> None:
        self.show_hidden = on

    def run_job(self, worker, on_success) -> None:
        self.jobs.append(worker)
        worker.succeeded.connect(on_success)
        worker.start()

    def summaries(self) -> list[str]:
        return sorted(self.events["summary"])


@pytest.fixture()
def window(qtbot, tmp_path):
    path = tmp_path / "lib.sqlite3"
    with Library(path) as library:
        library.add_article(article(text="Summit\n\nJapan and India met on Monday.", title="Summit"),
                            [mention("2022-12-26", D(2022, 12, 26), D(2022, 12, 26), countries=("IND", "JPN"),
                                     offset=30, summary="Japan and India met")])
        library.add_article(article(text="Accord\n\nKenya and Egypt signed in 2021.", title="Accord"),
                            [mention("2021", D(2021, 1, 1), D(2021, 12, 31), Precision.YEAR,
                                     countries=("EGY", "KEN"), offset=33, text="2021", summary="Kenya signed")])
    w = StandIn(qtbot, path)
    yield w
    for job in w.jobs:
        job.wait()
    w.actions.undo_stack.clear()
    w.library.close()


def _dialog(window: StandIn) -> EventEditDialog:
    dialog = window.actions.dialogs.edit_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_actions_follow_the_selection(window) -> None:
    a = window.actions
    assert not a.edit_action.isEnabled() and not a.merge_action.isEnabled()
    window.select("Japan")
    assert a.edit_action.isEnabled() and a.verify_action.isEnabled() and not a.merge_action.isEnabled()
    assert not a.split_action.isEnabled()  # one mention: nothing to split
    window.select("Japan", "Kenya")
    assert a.merge_action.isEnabled() and not a.edit_action.isEnabled()
    assert "Select one event" in a.history_view.title_label.text()


def test_edit_through_the_dialog_then_undo_and_redo(window, qtbot) -> None:
    window.select("Kenya")
    window.actions.edit_action.trigger()
    dialog = _dialog(window)
    dialog.date_editor.set_unit("month")
    dialog.date_editor.date_edit.setDate(dialog.date_editor.date_edit.date().addMonths(10))
    dialog.countries_editor.add("Ethiopia")
    dialog.ok_button.click()
    ev = window.events[window.events["summary"] == "Kenya signed"].iloc[0]
    assert (ev.event_date, ev.countries) == ("2021-11", "EGY;ETH;KEN")
    a = window.actions
    assert a.undo_action.text() == "&Undo edit date, countries of 'Kenya signed'"
    rows = a.history_view.model.row_texts()
    assert [r[1] for r in rows] == ["Countries", "Date"] and rows[1][3] == "November 2021"
    assert "Edited: date, countries" in a.history_view.title_label.text()
    assert rows[0][2:] == ("Egypt, Kenya", "Egypt, Ethiopia, Kenya")  # names, not codes
    a.undo_action.trigger()
    ev = window.events[window.events["summary"] == "Kenya signed"].iloc[0]
    assert (ev.event_date, ev.countries) == ("2021", "EGY;KEN")
    assert len(a.history_view.model.row_texts()) == 4  # the undo is in the history too
    assert a.redo_action.isEnabled()
    a.redo_action.trigger()
    assert window.events[window.events["summary"] == "Kenya signed"].iloc[0].event_date == "2021-11"


def test_cancel_changes_nothing(window) -> None:
    window.select("Kenya")
    window.actions.edit_action.trigger()
    dialog = _dialog(window)
    dialog.summary_edit.setPlainText("something else")
    dialog.reject()
    assert window.library.edits_frame().empty and window.actions.undo_stack.count() == 0


def test_verify_hide_delete_and_their_undo(window) -> None:
    a = window.actions
    window.select("Japan", "Kenya")
    a.verify_action.trigger()
    assert window.events["verified"].all()
    assert a.verify_action.text() == "Mark un&verified"
    window.select("Japan")
    a.hide_action.trigger()
    assert bool(window.events.set_index("summary").loc["Japan and India met", "hidden"])
    assert "hidden" in window.status[-1] and "Ctrl+Shift+H" in window.status[-1]
    assert a.hide_action.text() == "Un&hide event"
    a.show_hidden_action.trigger()
    assert window.show_hidden
    a.hide_action.trigger()  # unhide
    assert not window.events["hidden"].any()
    window.select("Kenya")
    a.delete_action.trigger()
    assert window.summaries() == ["Japan and India met"]
    a.undo_action.trigger()
    assert window.summaries() == ["Japan and India met", "Kenya signed"]
    a.undo_action.trigger()  # unhide undone: hidden again
    assert window.events["hidden"].sum() == 1


def test_merge_split_and_undo(window) -> None:
    a = window.actions
    window.select("Japan", "Kenya")
    a.merge_action.trigger()
    assert len(window.events) == 1 and window.events.iloc[0].sources == 2
    assert window.selection == [window.events.iloc[0].event_id]  # the merged event stays selected
    assert a.split_action.isEnabled()
    assert [r[1] for r in a.history_view.model.row_texts()] == ["Merged"]
    a.split_action.trigger()
    assert window.summaries() == ["Japan and India met", "Kenya signed"]
    a.undo_action.trigger()
    assert len(window.events) == 1
    a.undo_action.trigger()
    assert len(window.events) == 2


def test_add_an_event_attached_to_a_reader_selection(window) -> None:
    # What the reader gives for a selection in "Summit\n\nJapan and India met on Monday." (test_reader).
    article_id = int(window.library.articles_frame()["article_id"].iloc[0])
    window.evidence = Evidence(article_id, "Summit", "Japan and India met on Monday.", 8, 38)
    window.actions.add_action.trigger()
    dialog = _dialog(window)
    assert dialog.evidence_view.toPlainText() == "Japan and India met on Monday."
    dialog.date_editor.set_value("2022-12-20")
    dialog.countries_editor.add("Japan")
    dialog.summary_edit.setPlainText("Preparatory call")
    dialog.ok_button.click()
    ev = window.events[window.events["summary"] == "Preparatory call"].iloc[0]
    assert (ev.event_date, ev.countries, ev.origin, ev.article_ids) == ("2022-12-20", "JPN", "manual",
                                                                          str(article_id))
    assert window.selection == [ev.event_id]
    window.actions.undo_action.trigger()
    assert "Preparatory call" not in window.summaries()
    window.actions.redo_action.trigger()
    assert "Preparatory call" in window.summaries()


def test_a_failed_write_shows_one_message(window) -> None:
    window.select("Kenya")
    window.library.close()  # writes now fail as they would on a lost drive
    window.actions.verify_action.trigger()
    assert len(window.messages) == 1 and window.messages[0][0] == "Cannot mark the events"
    assert window.actions.undo_stack.count() == 0
    window.library = Library(window.path)


def test_reextract_runs_as_a_job_and_keeps_the_corrections(qtbot, tmp_path) -> None:
    path = tmp_path / "real.sqlite3"
    text = ("Border talks resume\n\nArmenian and Azerbaijani negotiators met in Geneva on 15 March 2023. "
            "They will meet again in April 2023.\n")
    source = tmp_path / "talks.txt"
    source.write_text(text, encoding="utf-8")
    assert pipeline.import_inputs([source], path, workers=1).added == 1
    window = StandIn(qtbot, path)
    try:
        window.select(str(window.events["event_id"].iloc[0]))
        key = str(window.events["event_key"].iloc[0])
        window.actions.verify_action.trigger()
        window.actions.edit_action.trigger()
        dialog = _dialog(window)
        dialog.summary_edit.setPlainText("Negotiators met in Geneva")
        dialog.ok_button.click()
        window.actions.reextract_action.trigger()
        qtbot.waitUntil(lambda: any("kept" in s for s in window.status), timeout=60_000)
        assert window.status[-1] == "Events extracted again from 1 article; your corrections were kept."
        ev = window.events[window.events["event_key"] == key].iloc[0]
        assert ev.summary == "Negotiators met in Geneva" and bool(ev.verified)
    finally:
        for job in window.jobs:
            job.wait()
        window.actions.undo_stack.clear()
        window.library.close()


def test_a_cancelled_reextraction_says_how_far_it_went(window, qtbot, monkeypatch) -> None:
    def stop_at_once(path, progress=None, cancel=None):
        return 0

    monkeypatch.setattr(pipeline, "reextract", stop_at_once)
    window.actions.reextract_action.trigger()
    qtbot.waitUntil(lambda: bool(window.status), timeout=10_000)
    assert window.status[-1] == "Re-extraction stopped after 0 of 2 articles; your corrections were kept."


def test_another_library_clears_the_undo_stack(window) -> None:
    window.select("Kenya")
    window.actions.verify_action.trigger()
    assert window.actions.undo_stack.count() == 1
    window.actions.library_changed()
    assert window.actions.undo_stack.count() == 0 and not window.actions.undo_action.isEnabled()


def test_deleted_events_can_be_restored_later(window) -> None:
    a = window.actions
    window.select("Japan", "Kenya")
    a.delete_action.trigger()
    assert window.summaries() == []
    a.undo_stack.clear()  # as after a restart: undo is no help any more
    a.deleted_action.trigger()
    dialog = a.dialogs.deleted_dialog
    assert dialog is not None and dialog.list_widget.count() == 2
    assert not dialog.ok_button.isEnabled()
    kenya = next(i for i in range(2) if "Kenya signed" in dialog.list_widget.item(i).text())
    assert "2021" in dialog.list_widget.item(kenya).text()
    dialog.set_checked(kenya)
    dialog.ok_button.click()
    assert window.summaries() == ["Kenya signed"]
    assert a.undo_action.text() == "&Undo restore 'Kenya signed'"
    a.deleted_action.trigger()
    assert a.dialogs.deleted_dialog.list_widget.count() == 1
    a.dialogs.deleted_dialog.reject()
    a.undo_action.trigger()
    assert window.summaries() == []
