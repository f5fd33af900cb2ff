"""The window's status bar, the progress of its background jobs, and its message boxes."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressBar, QPushButton, QStyle, QToolButton

from timeline_app.gui.dialogs import CrashDialog
from timeline_app.gui.window.mixin import WindowMixin
from timeline_app.gui.workers import JobQueue

log = logging.getLogger(__name__)


class WindowStatusMixin(WindowMixin):
    """Counts, filter and library in the status bar; job progress with Cancel; one message at a time.

    MainWindow provides the job queue and the attributes declared here.
    """

    jobs: JobQueue
    last_message: QMessageBox | None
    _crash_dialogs: list[CrashDialog]
    clear_filters_action: QAction

    if TYPE_CHECKING:
        def _on_needs_date_button_clicked(self) -> None: ...

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.count_label = QLabel()
        self.filter_label = QLabel()
        self.filter_label.setMaximumWidth(520)
        self.library_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the import; what has been read so far is kept")
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        for w in (self.progress, self.cancel_button):
            w.hide()
            bar.addPermanentWidget(w)
        self.needs_date_button = QPushButton()
        self.needs_date_button.setFlat(True)
        self.needs_date_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        self.needs_date_button.setToolTip("Give these articles their publication date, so that their "
                                          "relative dates can be placed")
        self.needs_date_button.clicked.connect(self._on_needs_date_button_clicked)
        self.needs_date_button.hide()
        # A filter kept from the last session must be seen, and undone, without finding the panel.
        self.clear_filters_button = QToolButton()
        self.clear_filters_button.setText("Clear filters")
        self.clear_filters_button.setAutoRaise(True)
        self.clear_filters_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogResetButton))
        self.clear_filters_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clear_filters_button.setToolTip("Show every event again")
        self.clear_filters_button.clicked.connect(self._on_clear_filters_button_clicked)
        self.clear_filters_button.hide()
        for w in (self.needs_date_button, self.count_label, self.filter_label, self.clear_filters_button,
                  self.library_label):
            bar.addPermanentWidget(w)

    def _on_clear_filters_button_clicked(self) -> None:
        self.clear_filters_action.trigger()

    # -- jobs ----------------------------------------------------------------------------------

    def _on_jobs_started(self, description: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.setFormat(description[:1].upper() + description[1:] + "…")
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()

    def _on_jobs_progressed(self, done: int, total: int, what: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat("%v of %m")
        if what:
            self.statusBar().showMessage(Path(what).name if "://" not in what else what, 3000)

    def _on_jobs_failed(self, description: str, message: str) -> None:
        self._show_message(f"Error while {description}", message)

    def _on_jobs_idle(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    def _on_cancel_button_clicked(self) -> None:
        self.jobs.cancel_current()
        self.cancel_button.setEnabled(False)
        self.progress.setFormat("Cancelling…")

    # -- messages ------------------------------------------------------------------------------

    def _open_box(self, box: QMessageBox) -> None:
        # Window-modal and non-blocking: the event loop (and the worker signals) keep running.
        self.last_message = box
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r, b=box: self._on_box_finished(b))
        box.open()

    def _on_box_finished(self, box: QMessageBox) -> None:
        if self.last_message is box:
            self.last_message = None

    def _show_message(self, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        self._open_box(box)

    def _show_crash(self, details: str) -> None:
        last = details.strip().splitlines()[-1] if details.strip() else "Unknown error"
        dialog = CrashDialog(last, details, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._crash_dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._crash_dialogs.remove(d))
        dialog.show()
