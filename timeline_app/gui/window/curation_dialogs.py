"""The curation dialogs: correct an event, add one by hand, bring deleted events back."""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable, Mapping

import pandas as pd
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from timeline_app.core.library import columns as col
from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.library.makeup import deleted_events
from timeline_app.core.library.store import Library
from timeline_app.errors import TimelineError
from timeline_app.gui.panels.edit_dialog import DeletedEventsDialog, EventEditDialog
from timeline_app.gui.panels.reader import Evidence
from timeline_app.gui.window.undo import Curator, EventRef, wait_cursor

log = logging.getLogger(__name__)

Run = Callable[[str, Callable[[], object]], bool]  # run a curation step; an error becomes one message


@functools.cache
def known_names() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The countries, organisations and CAMEO roots a user can pick, by code."""
    gazetteer = Gazetteer.default()
    roots = {c: v.name for c, v in CameoTable.default().codes.items() if len(c) == 2}
    return gazetteer.countries(), gazetteer.organizations(), roots


class CurationDialogs(QObject):
    """Opens one dialog at a time over `window` (window-modal, not blocking) and writes what it gives
    through `curator`; `run` turns a failed write into one message.

    Given the library (to list the deleted events), the sentences selected in the reader, and a way
    to tell the user. `event_added` gives the key of an event added by hand.
    """

    event_added = Signal(str)

    def __init__(self, window: QWidget, curator: Curator, run: Run, library: Callable[[], Library | None],
                 reader_evidence: Callable[[], Evidence | None], show_message: Callable[[str, str], None],
                 show_status: Callable[[str, int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._curator = curator
        self._run = run
        self._library = library
        self._reader_evidence = reader_evidence
        self._show_message = show_message
        self._show_status = show_status
        self.edit_dialog: EventEditDialog | None = None
        self.deleted_dialog: DeletedEventsDialog | None = None
        self._edit_target: EventRef | None = None  # the event the open dialog edits
        self._add_evidence: Evidence | None = None  # the sentence a new event is attached to

    def edit(self, event: Mapping[str, object]) -> None:
        """Correct one event (a row of the events frame)."""
        self._open(EventEditDialog(event, *known_names(), parent=self._window))
        self._edit_target = EventRef.from_row(event)

    def add(self, default_date: dt.date | None) -> None:
        """Add an event by hand, attached to the sentences selected in the reader if there are some."""
        evidence = self._reader_evidence()
        dialog = EventEditDialog(None, *known_names(), parent=self._window,
                                 evidence=evidence.text if evidence else "",
                                 source=evidence.title if evidence else "", default_date=default_date)
        self._open(dialog)
        self._add_evidence = evidence

    def _open(self, dialog: EventEditDialog) -> None:
        if self.edit_dialog is not None:
            self.edit_dialog.close()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self._on_edit_dialog_accepted(d))
        dialog.finished.connect(lambda _r, d=dialog: self._on_edit_dialog_finished(d))
        self.edit_dialog = dialog
        dialog.open()  # window-modal, not blocking: the event loop keeps running

    def _on_edit_dialog_finished(self, dialog: EventEditDialog) -> None:
        if self.edit_dialog is dialog:
            self.edit_dialog = None

    def _on_edit_dialog_accepted(self, dialog: EventEditDialog) -> None:
        if dialog.is_new:
            self._add_event(dialog)
            return
        event = self._edit_target
        if event is not None:
            self._run("Cannot save the changes", lambda: self._curator.edit_event(event, dialog.changes()))

    def _add_event(self, dialog: EventEditDialog) -> None:
        evidence = self._add_evidence
        values = dialog.values()
        if values.get(col.VERIFIED) != "1":
            values.pop(col.VERIFIED, None)
        try:
            key = self._curator.add_event(
                values, evidence.article_id if evidence else None, evidence.text if evidence else "",
                evidence.start if evidence else 0, evidence.end if evidence else 0, dialog.note())
        except TimelineError as e:
            self._show_message("Cannot add the event", str(e))
            return
        self.event_added.emit(key)

    # -- deleted events ------------------------------------------------------------------------

    def show_deleted(self) -> None:
        """List the deleted events; the ones ticked come back (one undoable step)."""
        library = self._library()
        if library is None:
            return
        try:
            with wait_cursor():
                events = deleted_events(library)
        except TimelineError as e:
            self._show_message("Cannot list the deleted events", str(e))
            return
        if self.deleted_dialog is not None:
            self.deleted_dialog.close()
        dialog = DeletedEventsDialog(events, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self._on_deleted_dialog_accepted(d.chosen()))
        dialog.finished.connect(lambda _r, d=dialog: self._on_deleted_dialog_finished(d))
        self.deleted_dialog = dialog
        dialog.open()

    def _on_deleted_dialog_finished(self, dialog: DeletedEventsDialog) -> None:
        if self.deleted_dialog is dialog:
            self.deleted_dialog = None

    def _on_deleted_dialog_accepted(self, chosen: pd.DataFrame) -> None:
        events = [(EventRef.from_row(row), True) for _i, row in chosen.iterrows()]
        if self._run("Cannot restore the events", lambda: self._curator.set_flag(events, "deleted", False)):
            n = len(events)
            self._show_status(f"{'The event is' if n == 1 else f'{n} events are'} back.", 10000)
