"""The window's message boxes and crash dialogs: one message at a time, none of them blocking."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from timeline_app.gui.dialogs import CrashDialog

log = logging.getLogger(__name__)


class Messages(QObject):
    """Opens message boxes and crash dialogs over `window`; `last_message` is the box still open."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.last_message: QMessageBox | None = None
        self._crash_dialogs: list[CrashDialog] = []

    def show_message(self, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> None:
        self.open_box(QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._window))

    def open_box(self, box: QMessageBox) -> None:
        """Show `box` window-modal and non-blocking: the event loop (and the worker signals) keep running."""
        self.last_message = box
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r, b=box: self._on_box_finished(b))
        box.open()

    def _on_box_finished(self, box: QMessageBox) -> None:
        if self.last_message is box:
            self.last_message = None

    def show_crash(self, details: str) -> None:
        """A bug in a background job: its traceback in a dialog; the window goes on."""
        last = details.strip().splitlines()[-1] if details.strip() else "Unknown error"
        dialog = CrashDialog(last, details, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._crash_dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._crash_dialogs.remove(d))
        dialog.show()
