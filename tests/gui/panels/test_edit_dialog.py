"""The event edit dialog and the edit history, driven as a user would."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from PySide6.QtCore import QDate, Qt

from tests.gui.conftest import line_directions
from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.gui.panels.edit_dialog import EventEditDialog
from timeline_app.gui.panels.field_editors import KEEP, CodeListEditor, DateValueEditor
from timeline_app.gui.panels.history import EditHistoryView

EVENT = {
    "event_id": "ev-1", "event_key": "h:10:16", "event_date": "2022-11-15", "date_text": "Tuesday",
    "countries": "TUR;SYR", "organizations": "NATO", "event_type": "Consult", "cameo_code": "042",
    "summary": "Turkish and Syrian officials met in Ankara", "verified": False,
    "evidence": "Turkish and Syrian officials met in Ankara on Tuesday.", "source_titles": "Border talks",
}


@pytest.fixture(scope="module")
def names():
    gazetteer = Gazetteer.default()
    roots = {c: v.name for c, v in CameoTable.default().codes.items() if len(c) == 2}
    return gazetteer.countries(), gazetteer.organizations(), roots


def _dialog(qtbot, names, event=EVENT, **kwargs) -> EventEditDialog:
    countries, organizations, roots = names
    dialog = EventEditDialog(event, countries, organizations, roots, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()  # not exec(): the test must not block
    return dialog


def test_the_precision_turns_the_picked_date_into_a_timex_value(qtbot) -> None:
    editor = DateValueEditor()
    qtbot.addWidget(editor)
    editor.set_value("2022-11-15")
    assert editor.unit() == "day" and editor.value() == "2022-11-15"
    assert editor.value_label.text() == "Tuesday 15 November 2022"
    expected = {"week": "2022-W46", "month": "2022-11", "quarter": "2022-Q4", "year": "2022"}
    for unit, value in expected.items():
        with qtbot.waitSignal(editor.value_changed) as signal:
            editor.set_unit(unit)
        assert signal.args == [value] and editor.value() == value
    editor.set_unit("week")
    editor.date_edit.setDate(QDate(2023, 1, 1))  # a Sunday: ISO week 52 of 2022
    assert editor.value() == "2022-W52"
    assert "26 Dec 2022 – 01 Jan 2023" in editor.value_label.text()


def test_a_value_of_another_precision_is_kept_until_the_date_changes(qtbot) -> None:
    editor = DateValueEditor()
    qtbot.addWidget(editor)
    editor.set_value("198X")
    assert editor.unit() == KEEP and editor.value() == "198X"
    assert editor.precision_combo.itemText(0) == "As written (1980s)"
    editor.date_edit.setDate(QDate(1984, 6, 1))
    assert editor.value() == "1984"  # a decade becomes a year once a day is picked
    editor.set_value("2022-11")
    assert editor.precision_combo.findData(KEEP) < 0 and editor.unit() == "month"


def test_countries_are_added_by_name_code_or_completion_and_removed(qtbot, names) -> None:
    editor = CodeListEditor(names[0], "country")
    qtbot.addWidget(editor)
    editor.set_codes(["TUR"])
    assert editor.list_widget.item(0).text() == "Türkiye (TUR)"
    for typed in ("syria", "fra", "Germany (DEU)"):
        qtbot.keyClicks(editor.line_edit, typed)
        qtbot.keyClick(editor.line_edit, Qt.Key.Key_Return)
    assert editor.codes() == ["TUR", "SYR", "FRA", "DEU"]
    assert editor.line_edit.text() == ""
    assert not editor.add("Atlantis")
    assert editor.hint_label.isVisibleTo(editor) and "Atlantis" in editor.hint_label.text()
    editor.completer.setCompletionPrefix("Kaz")
    found = [editor.completer.completionModel().index(i, 0).data()
             for i in range(editor.completer.completionModel().rowCount())]
    assert "Kazakhstan (KAZ)" in found
    editor.list_widget.item(1).setSelected(True)
    editor.remove_button.click()
    assert editor.value() == "DEU;FRA;TUR"


def test_ok_gives_only_the_changed_fields(qtbot, names) -> None:
    dialog = _dialog(qtbot, names)
    assert dialog.changes() == {}  # opened and closed: nothing changed (countries "TUR;SYR" read as a set)
    assert dialog.type_combo.currentData() == "042"  # the finer code found is kept
    dialog.date_editor.set_unit("week")
    dialog.countries_editor.add("Iraq")
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("05"))
    dialog.summary_edit.setPlainText("Officials met in  Ankara\n")
    dialog.verified_check.setChecked(True)
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()
    assert dialog.changes() == {
        "date": ("2022-11-15", "2022-W46"),
        "countries": ("SYR;TUR", "IRQ;SYR;TUR"),
        "event_type": ("042", "05"),
        "summary": ("Turkish and Syrian officials met in Ankara", "Officials met in Ankara"),
        "verified": ("0", "1"),
    }
    assert dialog.evidence_view.isReadOnly()
    assert dialog.evidence_view.toPlainText() == EVENT["evidence"]


def test_the_event_type_list_names_the_cameo_roots(qtbot, names) -> None:
    dialog = _dialog(qtbot, names, event=dict(EVENT, cameo_code="04"))
    items = [dialog.type_combo.itemText(i) for i in range(dialog.type_combo.count())]
    assert items[0] == "(no type)" and "04  Consult" in items and "20  Use unconventional mass violence" in items
    assert len(items) == 21
    dialog.type_combo.setCurrentIndex(0)
    assert dialog.changes() == {"event_type": ("04", "")}


def test_a_new_event_has_a_note_and_gives_all_its_values(qtbot, names) -> None:
    dialog = _dialog(qtbot, names, event=None, evidence="", default_date=dt.date(2023, 3, 14))
    assert dialog.windowTitle() == "Add event" and dialog.note_edit.isVisibleTo(dialog)
    assert "free-standing" in dialog.evidence_view.toPlainText()
    assert not dialog.ok_button.isEnabled()  # nothing says what the event is yet
    dialog.countries_editor.add("ARM")
    dialog.summary_edit.setPlainText("Yerevan call")
    assert dialog.ok_button.isEnabled()
    dialog.note_edit.setText("  heard on radio ")
    values = dialog.values()
    assert values["date"] == "2023-03-14" and values["countries"] == "ARM" and values["summary"] == "Yerevan call"
    assert dialog.note() == "heard on radio"


def test_screenshot_of_the_edit_dialog(qtbot, names) -> None:
    dialog = _dialog(qtbot, names)
    dialog.date_editor.set_unit("week")
    qtbot.waitExposed(dialog)
    assert not dialog.grab().isNull()
    dialog.grab().save("/tmp/curation_edit_dialog.png")


def _edits() -> pd.DataFrame:
    rows = [
        (1, "2026-11-28T10:00:00.000+00:00", "h:10:16", "date", "2022-11-15", "2022-W46"),
        (2, "2026-11-28T10:00:00.000+00:00", "h:10:16", "countries", "SYR;TUR", "IRQ;SYR;TUR"),
        (3, "2026-11-28T10:05:00.000+00:00", "h:10:16", "verified", "0", "1"),
        (4, "2026-11-28T10:06:00.000+00:00", "g:1:5", "group", "", "h:10:16"),
        (5, "2026-11-28T10:07:00.000+00:00", "h:10:16", "event_type", "042", "05"),
    ]
    return pd.DataFrame(rows, columns=["edit_id", "created_at", "event_key", "field", "old_value", "new_value"])


def test_history_shows_readable_changes_newest_first(qtbot, qtmodeltester, names) -> None:
    view = EditHistoryView()
    qtbot.addWidget(view)
    view.set_country_names(names[0])
    view.show_history("Turkish and Syrian officials met", _edits(), {"h:10:16": "Officials met"})
    qtmodeltester.check(view.model)
    rows = view.model.row_texts()
    assert [r[1] for r in rows] == ["Event type", "Merged", "Verified", "Countries", "Date"]
    assert rows[0][2:] == ("042 Make a visit", "05 Engage in diplomatic cooperation")
    assert rows[1][3] == "with “Officials met”"
    assert rows[2][2:] == ("no", "yes")
    assert "Iraq" in rows[3][3] and "Iraq" not in rows[3][2]
    assert rows[4][2:] == ("2022-11-15", "2022, week 46")
    assert "5 changes" in view.title_label.text()
    local = dt.datetime(2026, 11, 28, 10, 7, tzinfo=dt.timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")
    assert rows[0][0] == local
    view.resize(640, 260)
    view.show()
    qtbot.waitExposed(view)
    view.grab().save("/tmp/curation_history.png")
    view.show_history("Untouched event", _edits().iloc[0:0])
    assert view.model.rowCount() == 0 and "No corrections yet" in view.title_label.text()


def test_an_arabic_summary_leaves_the_history_s_english_lines_left_to_right(qtbot) -> None:
    view = EditHistoryView()
    qtbot.addWidget(view)
    rtl, ltr = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
    view.show_history("التقى الوزيران في القاهرة", _edits(), state="Verified")
    lines = line_directions(view.title_label)
    assert lines.pop("التقى الوزيران في القاهرة") == rtl
    assert set(lines.values()) == {ltr} and len(lines) == 2  # "Verified", "5 changes, newest first (…)."
    # Negative: an English summary is left to right with its lines.
    view.show_history("Ministers met in Cairo", _edits().iloc[0:0])
    assert set(line_directions(view.title_label).values()) == {ltr}


def test_enter_in_the_country_field_adds_the_country_and_keeps_the_dialog_open(qtbot, names) -> None:
    dialog = _dialog(qtbot, names)
    field = dialog.countries_editor.line_edit
    field.setFocus()
    field.setText("Iraq")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert "IRQ" in dialog.countries_editor.codes()
    with qtbot.waitSignal(dialog.accepted):  # with the field empty, Enter is OK again
        qtbot.keyClick(field, Qt.Key.Key_Return)


def test_enter_in_the_summary_saves(qtbot, names) -> None:
    dialog = _dialog(qtbot, names)
    dialog.summary_edit.setFocus()
    dialog.summary_edit.selectAll()
    qtbot.keyClicks(dialog.summary_edit, "Talks in Ankara")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.summary_edit, Qt.Key.Key_Return)
    assert dialog.changes()["summary"][1] == "Talks in Ankara"
