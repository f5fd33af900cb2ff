"""The Events panel: the table, or a sentence saying why there is nothing in it and what to do."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from timeline_app.core.library.snapshot import Snapshot

log = logging.getLogger(__name__)

EMPTY_TEXT = ("No articles yet: open files or a folder (Ctrl+O), drop them on this window, "
              "or add the sample articles from the File menu.")
READING_TEXT = "Reading the library…"  # until the first read of a library has arrived
NO_DATED_TEXT = "These articles contain no dated events."


def why_empty(snapshot: Snapshot) -> str | None:
    """What an empty library's timeline says, as the table does: no articles (and how to add them), or
    no dated events in them; None when there are events."""
    if not len(snapshot.article_ids):
        return EMPTY_TEXT
    return NO_DATED_TEXT if not len(snapshot.events) else None


class EventsStack(QStackedWidget):
    """Shows `table`, or `label` with a sentence: reading, no articles, no dated events, or none the filter keeps."""

    def __init__(self, table: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.label = QLabel(READING_TEXT)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.addWidget(self.label)
        self.addWidget(table)
        self.clear_filters_keys = ""  # "Ctrl+Shift+X", as the window's Clear filters has it
        self.show_hidden_hint = ""  # "Edit > Show hidden events, Ctrl+Shift+H"

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.setCurrentWidget(self.label)

    def show_snapshot(self, snapshot: Snapshot, rows_shown: int, filtered: bool) -> None:
        """The table, or why the library read shows nothing: no articles, no dated events, or none
        that the filter (`filtered`: one is set) or the user's hiding leaves."""
        if why_empty(snapshot) is not None:
            self.show_text(why_empty(snapshot))
        elif rows_shown:
            self.setCurrentWidget(self.table)
        elif filtered:
            keys = f" ({self.clear_filters_keys})" if self.clear_filters_keys else ""
            self.show_text(f"No events match the filter. Clear filters{keys} shows every event.")
        else:
            hint = f" ({self.show_hidden_hint})" if self.show_hidden_hint else ""
            self.show_text(f"Every event is hidden. Show hidden events{hint} shows them.")
