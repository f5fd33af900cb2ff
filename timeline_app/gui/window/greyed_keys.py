"""Keys of greyed-out menu entries: pressed anyway, the status bar says why the entry is greyed and what to do."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QWidget

from timeline_app.gui.window.curation_actions import CurationActions

log = logging.getLogger(__name__)

SHOWN_MS = 12_000
_WHERE_EVENTS = "in the Events table or on the timeline first."


class GreyedKeys(QObject):
    """For each entry given, a shortcut of the same keys that is live only while the entry is greyed:
    Qt passes over a greyed entry's keys, and a user pressing them would see nothing happen."""

    def __init__(self, window: QWidget, show_status: Callable[[str, int], None]) -> None:
        super().__init__(window)
        self._window = window
        self._show_status = show_status
        self.shortcuts: dict[QAction, QShortcut] = {}

    def explain(self, action: QAction, why: Callable[[], str]) -> None:
        """While `action` is greyed, its keys show "<entry> is greyed out: <why()>" in the status bar."""
        if not action.shortcuts():
            return
        shortcut = QShortcut(self._window)
        shortcut.setKeys(action.shortcuts())
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.setEnabled(not action.isEnabled())
        action.enabledChanged.connect(lambda on, s=shortcut: s.setEnabled(not on))
        shortcut.activated.connect(lambda a=action, w=why: self._show_status(self.sentence(a, w()), SHOWN_MS))
        self.shortcuts[action] = shortcut

    @staticmethod
    def sentence(action: QAction, why: str) -> str:
        """"Relations chart as CSV is greyed out: choose a country ..." (the entry as the menu names it,
        without its Alt letter or dots)."""
        name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
        return f"{name} is greyed out: {why}"


def explain_selection_entries(keys: GreyedKeys, curation: CurationActions, articles: Sequence[QAction],
                              zoom_event: QAction) -> None:
    """The entries greyed until the user selects something: what to select, and where. Delete and Copy
    are left out: their keys belong to the panel they act in (Delete also removes articles there)."""
    c = curation
    for action, why in (
            (c.undo_action, "nothing to undo yet. Edits, merges, splits, hides and deletions can be undone."),
            (c.redo_action, "nothing undone to redo."),
            (c.edit_action, f"select one event, and only one, {_WHERE_EVENTS}"),
            (c.verify_action, f"select an event {_WHERE_EVENTS}"),
            (c.hide_action, f"select an event {_WHERE_EVENTS}"),
            (c.merge_action, "select two or more events in the Events table (Ctrl+click adds one) to merge them."),
            (c.split_action, f"select one event that two or more mentions were merged into, {_WHERE_EVENTS}"),
            (c.split_report_action, f"select one event told by two or more reports, {_WHERE_EVENTS}"),
            (zoom_event, f"select an event {_WHERE_EVENTS}"),
            *((a, "select one or more articles in the Articles panel first (View > Articles).") for a in articles)):
        keys.explain(action, lambda w=why: w)
