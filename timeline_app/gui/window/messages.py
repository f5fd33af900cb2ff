"""The window's message boxes and crash dialogs: one message at a time, none of them blocking."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from timeline_app.gui.dialogs import CrashDialog
from timeline_app.gui.window.wording import stopping_leaves
from timeline_app.gui.workers import JobQueue

log = logging.getLogger(__name__)


class Messages(QObject):
    """Opens message boxes and crash dialogs over `window`; `last_message` is the box still open."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.last_message: QMessageBox | None = None
        self._crash_dialogs: list[CrashDialog] = []
        self._quit_confirmed = False

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

    def may_close(self, jobs: JobQueue, close: Callable[[], object]) -> bool:
        """Whether the window may close now. With a job running it asks first ("Stop and Quit" or
        "Keep Working", the default) and returns False; `close` is called again once the user agrees."""
        if self._quit_confirmed or not jobs.busy():
            return True
        what = jobs.description()
        box = QMessageBox(QMessageBox.Icon.Question, "Quit while working?",
                          f"The app is {what}. Quit anyway?", QMessageBox.StandardButton.NoButton, self._window)
        box.setInformativeText(stopping_leaves(what))
        stop = box.addButton("Stop and Quit", QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton("Keep Working", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def on_finished(_result: int) -> None:
            if box.clickedButton() is stop:
                self._quit_confirmed = True
                self._window.setEnabled(False)  # stopping takes a moment: no clicks meanwhile
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                try:
                    close()
                finally:
                    QApplication.restoreOverrideCursor()

        box.finished.connect(on_finished)
        self.open_box(box)
        return False

    def show_crash(self, details: str) -> None:
        """A bug in a background job: its traceback in a dialog; the window goes on."""
        last = details.strip().splitlines()[-1] if details.strip() else "Unknown error"
        dialog = CrashDialog(last, details, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._crash_dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._crash_dialogs.remove(d))
        dialog.show()
