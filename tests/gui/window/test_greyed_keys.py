"""A greyed-out entry's keys pressed anyway: the status bar says why it is greyed and what to select or set."""

from __future__ import annotations

from PySide6.QtCore import Qt

from timeline_app.core.library.export import RELATIONS_CSV

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _press(qtbot, window, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> str:
    """The status bar's message after `key` is pressed on the timeline (focusing it selects no event)."""
    window.activateWindow()
    window.timeline.canvas.setFocus()
    window.status_bar.clearMessage()
    qtbot.keyClick(window.timeline.canvas, key, modifiers)
    return window.status_bar.currentMessage()


def test_the_relations_numbers_key_says_why_the_entry_is_greyed(window, qtbot) -> None:
    action = window.menus.export_actions[RELATIONS_CSV]
    assert not action.isEnabled()
    message = _press(qtbot, window, Qt.Key.Key_R, CTRL_SHIFT)
    assert message.startswith("Relations chart as CSV is greyed out: choose a country in the Country box")


def test_an_entry_that_is_not_greyed_does_what_it_says_and_explains_nothing(window, qtbot) -> None:
    c = window.curation
    assert not c.merge_action.isEnabled()
    assert "select two or more events" in _press(qtbot, window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    window.table.selectRow(0)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert c.merge_action.isEnabled()
    triggered = []
    c.merge_action.triggered.disconnect()
    c.merge_action.triggered.connect(lambda *_: triggered.append(True))
    window.status_bar.clearMessage()
    qtbot.keyClick(window.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert triggered == [True] and "greyed out" not in window.status_bar.currentMessage()


def test_the_article_entries_say_where_to_select_an_article(window, qtbot) -> None:
    assert not window.library_panel.date_action.isEnabled()
    message = _press(qtbot, window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert message == ("Set publication date is greyed out: select one or more articles in the Articles panel "
                       "first (View > Articles).")
