"""EventsStack: the events table, or one sentence saying why it is empty and what to do."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtWidgets import QTableView

from timeline_app.gui.window.events_stack import EMPTY_TEXT, NO_DATED_TEXT, EventsStack


def _stack(qtbot) -> EventsStack:
    stack = EventsStack(QTableView())
    qtbot.addWidget(stack)
    stack.clear_filters_keys = "Ctrl+Shift+X"
    stack.show_hidden_hint = "Edit > Show hidden events, Ctrl+Shift+H"
    return stack


def test_why_the_table_is_empty(qtbot) -> None:
    stack = _stack(qtbot)
    library = SimpleNamespace(article_ids=[1, 2], events=[10, 11, 12])
    stack.show_snapshot(SimpleNamespace(article_ids=[], events=[]), 0, False)
    assert stack.label.text() == EMPTY_TEXT
    stack.show_snapshot(SimpleNamespace(article_ids=[1], events=[]), 0, False)
    assert stack.label.text() == NO_DATED_TEXT
    stack.show_snapshot(library, 0, True)
    assert stack.currentWidget() is stack.label
    assert stack.label.text() == "No events match the filter. Clear filters (Ctrl+Shift+X) shows every event."
    stack.show_snapshot(library, 0, False)  # no filter: the user hid every event
    assert stack.label.text() == ("Every event is hidden. Show hidden events (Edit > Show hidden events, "
                                  "Ctrl+Shift+H) shows them.")
    stack.show_snapshot(library, 3, True)
    assert stack.currentWidget() is stack.table
