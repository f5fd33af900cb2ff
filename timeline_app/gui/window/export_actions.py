"""File > Export: the filtered events (or all of them) in each format, and the timeline as an image."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from timeline_app.core.library import frames
from timeline_app.errors import TimelineError
from timeline_app.core.library.export import RELATIONS, export_format, write_export
from timeline_app.gui.window.messages import Messages
from timeline_app.gui.window.remembered import Remembered

log = logging.getLogger(__name__)


class ExportActions(QObject):
    """Writes what the filters keep (everything with `export_all`) to a file the user picks.

    Given the window (the dialogs' parent), the library's path (for file names), the filtered events
    and mentions (all of them when asked with True), the Relations chart's numbers, a way to save the
    timeline as an image, ways to tell the user, and the last folder used.
    """

    exported = Signal(str, int)  # path, rows written

    def __init__(self, window: QWidget, library_path: Callable[[], Path],
                 events: Callable[[bool], pd.DataFrame], mentions: Callable[[bool], pd.DataFrame],
                 relations: Callable[[], pd.DataFrame], save_timeline_image: Callable[[str], None],
                 messages: Messages,
                 show_status: Callable[[str, int], None], remembered: Remembered) -> None:
        super().__init__(window)
        self._window = window
        self._library_path = library_path
        self._events = events
        self._mentions = mentions
        self._relations = relations
        self._save_timeline_image = save_timeline_image
        self._messages = messages
        self._show_status = show_status
        self._remembered = remembered
        self.export_all = False

    def set_export_all(self, on: bool) -> None:
        """Export every event the window shows, whatever the filters (File > Export > Export all)."""
        self.export_all = bool(on)

    def export(self, key: str, path: str | None = None) -> int:
        """Export the filtered events (all with "Export all events") in the format `key`; rows written."""
        fmt = export_format(key)
        if path is None:
            name = f"{self._library_path().stem}-{fmt.rows}{fmt.suffix}"
            path, _ = QFileDialog.getSaveFileName(self._window, f"Export {fmt.label.rstrip('…')}",
                                                  str(Path(self._remembered.last_dir()) / name), fmt.file_filter)
            if not path:
                return 0
            if not path.lower().endswith(fmt.suffix):
                path += fmt.suffix
            self._remembered.set_last_dir(Path(path).parent)
        events = self._events(self.export_all)
        mentions = self._mentions(self.export_all) if fmt.rows == "mentions" else frames.empty_mentions()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            relations = self._relations() if fmt.rows == RELATIONS else None
            rows = write_export(key, events, mentions, path, relations)
        except TimelineError as e:
            self._messages.show_message("Export failed", str(e))
            return 0
        finally:
            QApplication.restoreOverrideCursor()
        scope = "all" if self.export_all else "filtered"
        self._show_status(f"Exported {rows:,} {scope} {fmt.rows} to {path}.", 15000)
        self.exported.emit(str(path), rows)
        return rows

    def export_image(self) -> None:
        """Save the timeline as a PNG image."""
        suggested = str(Path(self._remembered.last_dir()) / f"{self._library_path().stem}-timeline.png")
        path, _ = QFileDialog.getSaveFileName(self._window, "Save the timeline as an image", suggested, "PNG (*.png)")
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        try:
            self._save_timeline_image(path)
        except TimelineError as e:
            self._messages.show_message("Cannot save the image", str(e))
            return
        self._show_status(f"Timeline saved to {path}.", 10000)
