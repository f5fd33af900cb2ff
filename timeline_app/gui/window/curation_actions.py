"""CurationActions: the window's editing actions (edit, verify, hide, delete, merge, split, undo ...)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget

from timeline_app.core.library import columns as col
from timeline_app.core import pipeline
from timeline_app.core.library.curation import EDIT_HIDDEN, EDIT_VERIFIED
from timeline_app.core.library.frames import empty_events
from timeline_app.core.library.snapshot import Snapshot
from timeline_app.core.library.store import Library
from timeline_app.core.progress import Cancel, Progress
from timeline_app.errors import TimelineError
from timeline_app.gui.panels.reader import Evidence
from timeline_app.gui.window.curation_dialogs import CurationDialogs
from timeline_app.gui.window.event_history import EventHistory
from timeline_app.gui.window.undo import Curator, EventRef
from timeline_app.gui.window.wording import counted, its_or_their
from timeline_app.gui.workers import TaskWorker

log = logging.getLogger(__name__)


@dataclass
class CurationHost:
    """What the curation actions need from the window, as plain callables."""

    widget: QWidget  # parent of the dialogs
    library: Callable[[], Library | None]
    library_path: Callable[[], Path]
    snapshot: Callable[[], Snapshot | None]  # what was last read of the library (events, mentions)
    selected_ids: Callable[[], list[str]]  # the selected events, the current one first
    select_event: Callable[[str], None]
    reader_evidence: Callable[[], Evidence | None]  # what is selected in the reader, if anything
    shown_mention: Callable[[str], pd.Series | None]  # the event's mention the reader shows (or would)
    reload: Callable[[], None]
    show_message: Callable[[str, str], None]  # title, text: one dialog
    show_status: Callable[[str, int], None]  # text, milliseconds
    run_job: Callable[[TaskWorker, Callable[[Any], None]], None]
    set_show_hidden: Callable[[bool], None]


class CurationActions(QObject):
    """The Edit menu's curation actions, their dialogs (`dialogs`), the undo stack and the history view.

    The window calls `refresh()` after every reload and selection change, and `library_changed()`
    when it opens another library (the undo stack belongs to one library).
    """

    def __init__(self, host: CurationHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.undo_stack = QUndoStack(self)
        self.curator = Curator(self.undo_stack, host.library, host.reload)
        self.history = EventHistory(host.library, host.snapshot)
        self.history_view = self.history.view
        self.dialogs = CurationDialogs(host.widget, self.curator, self.run, host.library, host.reader_evidence,
                                       host.show_message, host.show_status, self)
        self.dialogs.event_added.connect(self._on_dialogs_event_added)
        self._pending_key = ""  # the event to select once the library has been read again
        self._pending_since: Snapshot | None = None  # what was read before that change: too old to look in
        self._build_actions()
        self.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)
        self.refresh()

    # -- actions -------------------------------------------------------------------------------

    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey | None,
                slot: Callable[..., Any], tip: str) -> QAction:
        action = QAction(text, self.host.widget)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.undo_action = a("&Undo", QKeySequence.StandardKey.Undo, self._on_undo_action_triggered,
                             "Take back the last change: a correction, or a removal of articles")
        self.redo_action = a("&Redo", None, self._on_redo_action_triggered, "Make the change again")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.edit_action = a("&Edit event…", "F2", self._on_edit_action_triggered,
                             "Correct the date, countries, organisations, type or summary of the event")
        self.verify_action = a("Mark &verified", "Ctrl+Shift+V", self._on_verify_action_triggered,
                               "Mark the selected events as checked against their sources")
        self.hide_action = a("&Hide event", "Ctrl+H", self._on_hide_action_triggered,
                             "Hide a false event: it stays in the library and can be shown again")
        self.show_hidden_action = a("Sh&ow hidden events", "Ctrl+Shift+H", lambda: None,
                                    "Show the events you hid, marked as hidden")
        self.show_hidden_action.setCheckable(True)
        self.show_hidden_action.toggled.connect(self._on_show_hidden_action_toggled)
        self.delete_action = a("&Delete event", QKeySequence.StandardKey.Delete, self._on_delete_action_triggered,
                               "Delete the selected events (Undo brings them back)")
        # Del also removes articles in the library panel: here it acts on events only.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.merge_action = a("&Merge selected events", "Ctrl+M", self._on_merge_action_triggered,
                              "Make the selected events one event, their sources combined")
        self.split_action = a("S&plit event", "Ctrl+Shift+M", self._on_split_action_triggered,
                              "Undo a merge: every event merged into this one gets its own row again")
        self.split_report_action = a("Split &this report off", "Ctrl+Alt+M", self._on_split_report_action_triggered,
                                     "Make the article shown in the reader an event of its own: it reported "
                                     "another event")
        self.add_action = a("&Add event…", "Ctrl+Shift+N", self._on_add_action_triggered,
                            "Add an event by hand: select its sentence in the reader first to attach it")
        self.deleted_action = a("De&leted events…", "Ctrl+Shift+D", self._on_deleted_action_triggered,
                                "Bring back events you deleted")
        self.reextract_action = a("Re-e&xtract library", "Ctrl+Alt+E", self._on_reextract_action_triggered,
                                  "Run extraction again over every article; your corrections are kept")
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        # Names for the shortcuts list, where the menu texts change with the selection and the stack.
        for action, name in ((self.undo_action, "Undo the last change"),
                             (self.redo_action, "Redo the change undone"),
                             (self.verify_action, "Mark events verified or unverified"),
                             (self.hide_action, "Hide or unhide events")):
            action.setProperty("long_name", name)
        # Shortcuts work, and are listed, window-wide; Delete only where events are (the window adds
        # event_actions() to the table and the timeline), as the articles list has a Delete of its own.
        for action in self.menu_actions():
            if action is not None and action not in self.event_actions():
                self.host.widget.addAction(action)

    def menu_actions(self) -> list[QAction | None]:
        """The Edit menu's curation entries, None for a separator."""
        return [self.undo_action, self.redo_action, None, self.edit_action, self.verify_action,
                self.hide_action, self.delete_action, None, self.merge_action, self.split_action,
                self.split_report_action, self.add_action, None, self.show_hidden_action, self.deleted_action,
                self.reextract_action]

    def show_hidden_hint(self) -> str:
        """Where else hidden events are shown: "Edit > Show hidden events, Ctrl+Shift+H"."""
        return f"Edit > {self.show_hidden_action.text().replace('&', '')}, {_keys(self.show_hidden_action)}"

    def context_actions(self) -> list[QAction | None]:
        """The entries of an event's context menu."""
        return [self.edit_action, self.verify_action, self.hide_action, self.delete_action, None,
                self.merge_action, self.split_action, self.split_report_action]

    def event_actions(self) -> list[QAction]:
        """Actions whose shortcuts act on the selected events (added to the table and timeline)."""
        return [self.delete_action]

    # -- state ---------------------------------------------------------------------------------

    def library_changed(self) -> None:
        """Another library was opened: the undo stack and history belonged to the old one."""
        self.undo_stack.clear()
        self._pending_key = ""
        self.refresh()

    def refresh(self) -> None:
        """Enable the actions for the selection and show its history (after reloads and selection)."""
        if self._pending_key and self.host.snapshot() is not self._pending_since:
            # Once the library has been read again with it, select the event just added or merged.
            event_id = self._event_id_of_key(self._pending_key)
            if event_id:
                self._pending_key, self._pending_since = "", None
                if self.host.selected_ids()[:1] != [event_id]:
                    self.host.select_event(event_id)
        rows = self._selected_rows()
        has_library = self.host.library() is not None
        one, several = len(rows) == 1, len(rows) > 1
        for action in (self.edit_action,):
            action.setEnabled(one)
        for action in (self.verify_action, self.hide_action, self.delete_action):
            action.setEnabled(bool(len(rows)))
        self.merge_action.setEnabled(several)
        self.split_action.setEnabled(one and self._mention_count(rows) > 1)
        self.split_report_action.setEnabled(one and int(rows[col.SOURCES].iloc[0]) > 1)
        self.add_action.setEnabled(has_library)
        self.deleted_action.setEnabled(has_library)
        self.reextract_action.setEnabled(has_library)
        all_verified = bool(len(rows)) and bool(rows[col.VERIFIED].astype(bool).all())
        self.verify_action.setText("Mark un&verified" if all_verified else "Mark &verified")
        all_hidden = bool(len(rows)) and bool(rows[col.HIDDEN].astype(bool).all())
        self.hide_action.setText("Un&hide event" if all_hidden else "&Hide event")
        self.history.show(rows)

    def _selected_rows(self) -> pd.DataFrame:
        """The selected events (events frame rows, the current one first)."""
        snapshot = self.host.snapshot()
        ids = self.host.selected_ids()
        if snapshot is None or not ids:
            return empty_events()
        return snapshot.event_rows(ids)

    def _mention_count(self, rows: pd.DataFrame) -> int:
        snapshot = self.host.snapshot()
        if rows.empty or snapshot is None:
            return 0
        return snapshot.mention_count(str(rows[col.EVENT_ID].iloc[0]))

    def _event_id_of_key(self, key: str) -> str:
        snapshot = self.host.snapshot()
        return snapshot.event_of_key(key) if snapshot is not None else ""

    def _on_undo_stack_index_changed(self, _index: int) -> None:
        stack = self.undo_stack
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self.undo_action.setText(f"&Undo {stack.undoText()}" if stack.canUndo() else "&Undo")
        self.redo_action.setText(f"&Redo {stack.redoText()}" if stack.canRedo() else "&Redo")

    def _refs(self, rows: pd.DataFrame) -> list[EventRef]:
        return [EventRef.from_row(r) for _i, r in rows.iterrows()]

    def run(self, title: str, action: Callable[[], object]) -> bool:
        """Run a curation step; a TimelineError becomes one message titled `title` (and False).
        A step that changed the library says so in the status bar, with the key that undoes it."""
        before = (self.undo_stack.index(), self.undo_stack.count())
        if not self._attempt(title, action):
            return False
        if (self.undo_stack.index(), self.undo_stack.count()) != before:
            self._show_saved()
        return True

    def _attempt(self, title: str, action: Callable[[], object]) -> bool:
        try:
            action()
        except TimelineError as e:
            self.host.show_message(title, str(e))
            return False
        return True

    def _show_saved(self) -> None:
        self.host.show_status(f"Saved: {self.undo_stack.undoText()}. Undo with {_keys(self.undo_action)}.", 10000)

    # -- slots ---------------------------------------------------------------------------------

    def _on_undo_action_triggered(self) -> None:
        what = self.undo_stack.undoText()
        if self._attempt("Cannot undo", self.curator.undo):
            self.host.show_status(f"Undone: {what}. Redo with {_keys(self.redo_action)}.", 10000)

    def _on_redo_action_triggered(self) -> None:
        what = self.undo_stack.redoText()
        if self._attempt("Cannot redo", self.curator.redo):
            self.host.show_status(f"Redone: {what}. Undo with {_keys(self.undo_action)}.", 10000)

    def _on_edit_action_triggered(self) -> None:
        rows = self._selected_rows()
        if len(rows) == 1:
            self.dialogs.edit(rows.iloc[0].to_dict())

    def _on_add_action_triggered(self) -> None:
        rows = self._selected_rows()
        self.dialogs.add(dt.date.fromisoformat(str(rows[col.DATE_START].iloc[0])) if len(rows) else None)

    def _on_dialogs_event_added(self, key: str) -> None:
        self._show_saved()
        self._pending_key = key
        self.refresh()

    def _on_verify_action_triggered(self) -> None:
        self._set_flag(EDIT_VERIFIED, "Cannot mark the events")

    def _on_hide_action_triggered(self) -> None:
        self._set_flag(EDIT_HIDDEN, "Cannot hide the events")

    def _set_flag(self, field: str, title: str) -> None:
        rows = self._selected_rows()
        if rows.empty:
            return
        current = rows[field].astype(bool)
        value = not bool(current.all())  # all set: unset them; otherwise set them all
        events = list(zip(self._refs(rows), current.tolist()))
        done = self.run(title, lambda: self.curator.set_flag(events, field, value))
        if done and field == EDIT_HIDDEN and value and not self.show_hidden_action.isChecked():
            n = int((~current).sum())
            show = self.show_hidden_action.text().replace("&", "")
            self.host.show_status(f"{'Event' if n == 1 else f'{n} events'} hidden. Show {'it' if n == 1 else 'them'} "
                                  f"with {show} ({_keys(self.show_hidden_action)}); undo with "
                                  f"{_keys(self.undo_action)}.", 10000)

    def _on_delete_action_triggered(self) -> None:
        rows = self._selected_rows()
        if rows.empty:
            return
        events = [(ref, False) for ref in self._refs(rows)]
        if not self.run("Cannot delete the events", lambda: self.curator.set_flag(events, "deleted", True)):
            return
        n = len(events)
        self.host.show_status(f"Deleted {'the event' if n == 1 else f'{n} events'}; undo with "
                              f"{_keys(self.undo_action)}.", 10000)

    def _on_merge_action_triggered(self) -> None:
        rows = self._selected_rows()
        if len(rows) < 2:
            return
        refs = self._refs(rows)
        if self.run("Cannot merge the events", lambda: self.curator.merge(refs)):
            # Looked up once the library is read again: the selection that reload restores follows
            # the current row, which need not be one of those merged.
            self._pending_key, self._pending_since = refs[0].event_key, self.host.snapshot()
            self.refresh()

    def _on_split_action_triggered(self) -> None:
        rows = self._selected_rows()
        if len(rows) != 1:
            return
        ref = self._refs(rows)[0]
        reports = self._mention_count(rows)

        def split() -> None:
            if not self.curator.split(ref):  # the extractor merged them: one report at a time is parted
                self.host.show_status(
                    f"This event was not merged by hand. To part one of its {reports} reports from it, show that "
                    f"report in the Reader and use Edit > Split this report off ({_keys(self.split_report_action)}).",
                    15000)

        self.run("Cannot split the event", split)

    def _on_split_report_action_triggered(self) -> None:
        rows = self._selected_rows()
        if len(rows) != 1:
            return
        ref = self._refs(rows)[0]
        mention = self.host.shown_mention(str(rows[col.EVENT_ID].iloc[0]))
        if mention is None:
            self.host.show_status("The event's reports are still being read: try again in a moment.", 6000)
            return
        key, title = str(mention[col.MENTION_KEY]), str(mention[col.ARTICLE_TITLE])

        def split() -> None:
            if self.curator.split_report(ref, key, title):
                # Select the report's own event once the library is read again with it.
                self._pending_key, self._pending_since = key, self.host.snapshot()
            else:
                self.host.show_status("This event has one report only: there is nothing to split off.", 10000)

        self.run("Cannot split the report off", split)

    def _on_deleted_action_triggered(self) -> None:
        self.dialogs.show_deleted()

    def remove_articles(self, ids: list[int]) -> int:
        """Remove articles and their events; Edit > Undo (Ctrl+Z) puts them back as they were.
        Returns how many were removed (0, with a message, when it fails)."""
        if self.host.library() is None or not ids:
            return 0
        try:
            n = self.curator.remove_articles(ids)
        except TimelineError as e:
            self.host.show_message("Cannot remove the articles", str(e))
            return 0
        self.host.show_status(f"Removed {counted(n, 'article')} and {its_or_their(n)} events. Undo with "
                              f"{_keys(self.undo_action)}.", 15000)
        return n

    def _on_show_hidden_action_toggled(self, checked: bool) -> None:
        self.host.set_show_hidden(checked)

    def _on_reextract_action_triggered(self) -> None:
        path = self.host.library_path()

        def job(progress: Progress, cancel: Cancel) -> int:
            return pipeline.reextract(path, progress, cancel)

        worker = TaskWorker(job, "re-extracting the library")
        self.host.run_job(worker, self._on_reextract_done)

    def _on_reextract_done(self, n: int) -> None:
        self.host.reload()
        library = self.host.library()
        total = library.article_count() if library is not None else n
        if n < total:  # cancelled: what was done is kept, the rest keeps its earlier extraction
            self.host.show_status(f"Re-extraction stopped after {n} of {total} articles; your corrections "
                                  "were kept.", 10000)
            return
        self.host.show_status(f"Events extracted again from {counted(n, 'article')}; "
                              "your corrections were kept.", 10000)


def _keys(action: QAction) -> str:
    """The action's first shortcut as the user's keyboard writes it ("Ctrl+Z")."""
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
