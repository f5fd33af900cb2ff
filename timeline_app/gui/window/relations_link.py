"""The Relations dock kept in step with the window: filters, selection and timeline in; a clicked bar out."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from timeline_app.core.library import columns as col
from timeline_app.core.library.relations import RelationsIndex
from timeline_app.core.library.snapshot import Snapshot
from timeline_app.errors import TimelineError
from timeline_app.gui.relations import Choice, RelationsPanel
from timeline_app.gui.relations.controls import IMAGE
from timeline_app.gui.relations.export import IMAGE_FILTER, IMAGE_SUFFIXES
from timeline_app.gui.timeline import TimelineView
from timeline_app.gui.window.filters import WindowFilters
from timeline_app.gui.window.messages import Messages
from timeline_app.gui.window.remembered import Remembered
from timeline_app.gui.window.selection import SelectionSync

log = logging.getLogger(__name__)


class RelationsLink(QObject):
    """Gives the Relations dock what the window shows, and shows the events of the bar the user clicks.

    Given the dock, the window's filters (their mask, and a way to narrow it), the timeline (its range),
    the selection, the library read, and ways to tell the user and remember folders.
    """

    def __init__(self, panel: RelationsPanel, filtering: WindowFilters, timeline: TimelineView,
                 selection: SelectionSync, snapshot: Callable[[], Snapshot | None], messages: Messages,
                 show_status: Callable[[str, int], None], remembered: Remembered,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panel = panel
        self._filtering = filtering
        self._timeline = timeline
        self._snapshot = snapshot
        self._messages = messages
        self._show_status = show_status
        self._remembered = remembered
        self._shown: RelationsIndex | None = None
        self._selected = ""  # the event last selected: selected again after a reload, it changes nothing
        filtering.filters_applied.connect(self._on_filtering_filters_applied)
        timeline.view_changed.connect(panel.set_view_range)
        selection.event_selected.connect(self._on_selection_event_selected)
        panel.events_chosen.connect(self._on_panel_events_chosen)
        panel.controls.export_requested.connect(self._on_controls_export_requested)

    def _on_filtering_filters_applied(self) -> None:
        snapshot = self._snapshot()
        if snapshot is None:
            return
        if snapshot.relations is not self._shown:  # a library read anew: its events before its mask
            self._shown = snapshot.relations
            self._panel.set_index(snapshot.relations, snapshot.country_names)
            self._panel.set_view_range(*self._timeline.visible_range())
        self._panel.set_filter(self._filtering.base_mask, self._filtering.spec,
                               keep_choice=self._filtering.is_narrowed())

    def mentions_read(self) -> None:
        """The library's mentions were read after its events: the chart's count of undated events with them."""
        self._on_filtering_filters_applied()

    def _on_selection_event_selected(self, event_id: str) -> None:
        if event_id == self._selected:
            return
        self._selected = event_id
        snapshot = self._snapshot()
        row = snapshot.table.row_of_event.get(event_id) if snapshot is not None and event_id else None
        if row is not None:
            self._panel.show_event_countries(snapshot.events.codes(col.COUNTRIES).row(row))

    def _on_panel_events_chosen(self, choice: Choice | None) -> None:
        self._filtering.narrow(None if choice is None else choice.rows)
        if choice is None:
            self._show_status("Every filtered event is shown again.", 5000)
            return
        if self._panel.follows_timeline():  # zooming would move the chart's own axis: centre instead
            self._timeline.go_to_date(choice.first + (choice.last - choice.first) / 2)
        else:
            pad = max(dt.timedelta(days=2), (choice.last - choice.first) / 20)
            self._timeline.zoom_to_date_range(choice.first - pad, choice.last + pad)
        shown = int(self._filtering.mask.sum())
        self._show_status(f"Showing the {shown:,} event{'s' if shown != 1 else ''} of {choice.label} from the "
                          "Relations chart. Click the bar again, or clear the filters, to see all.", 15000)

    def _on_controls_export_requested(self, what: str) -> None:
        image = what == IMAGE
        name = self._panel.suggested_name() + (".png" if image else ".csv")
        path, _ = QFileDialog.getSaveFileName(
            self._panel, "Save the chart" if image else "Save the chart's numbers",
            str(Path(self._remembered.last_dir()) / name), IMAGE_FILTER if image else "CSV (*.csv)")
        if not path:
            return
        if image and not path.lower().endswith(IMAGE_SUFFIXES):
            path += ".png"
        elif not image and not path.lower().endswith(".csv"):
            path += ".csv"
        self._remembered.set_last_dir(Path(path).parent)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if image:
                self._panel.export_image(path)
            else:
                rows = self._panel.export_csv(path)
        except TimelineError as e:
            self._messages.show_message("Cannot save the chart" if image else "Cannot save the numbers", str(e))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._show_status(f"Chart saved to {path}." if image else f"{rows:,} rows saved to {path}.", 10000)
