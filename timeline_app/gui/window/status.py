"""The window's status bar: counts, the filter in force, the library, and background jobs with Cancel."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QStyle, QToolButton, QWidget

from timeline_app.core.library.filters import FilterSpec
from timeline_app.core.shown import shown
from timeline_app.gui.window.wording import counted, stopping_leaves
from timeline_app.gui.workers import JobQueue

log = logging.getLogger(__name__)

READING_DELAY_MS = 500  # a read of the library shorter than this shows no busy bar
EARLIER_MESSAGE_MS = 30_000  # the summaries of several jobs: time to read them all
PROGRESS_MESSAGE_MS = 3000  # the input last read: the next one replaces it soon


class WindowStatusBar(QStatusBar):
    """Shows what the window shows (events, filter, library) and the progress of `jobs`, with Cancel."""

    needs_date_clicked = Signal()  # "3 articles need a publication date"
    clear_filters_clicked = Signal()
    show_hidden_clicked = Signal()  # "3 hidden": the events the user hid, not counted in the events shown

    def __init__(self, jobs: JobQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self.count_label = QLabel()
        self.filter_label = QLabel()
        self.filter_label.setMaximumWidth(520)
        self.library_label = QLabel()
        self._build_reading()
        self._build_job_progress()
        self.needs_date_button = QPushButton()
        self.needs_date_button.setFlat(True)
        self.needs_date_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        self.needs_date_button.setToolTip("Give these articles their publication date, so that their "
                                          "relative dates can be placed")
        self.needs_date_button.clicked.connect(self.needs_date_clicked)
        self.needs_date_button.hide()
        # A filter kept from the last session must be seen, and undone, without finding the panel.
        self.clear_filters_button = QToolButton()
        self.clear_filters_button.setText("Clear filters")
        self.clear_filters_button.setAutoRaise(True)
        self.clear_filters_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogResetButton))
        self.clear_filters_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clear_filters_button.setToolTip("Show every event again")
        self.clear_filters_button.clicked.connect(self.clear_filters_clicked)
        self.clear_filters_button.hide()
        self.hidden_button = QToolButton()
        self.hidden_button.setAutoRaise(True)
        self.hidden_button.clicked.connect(self.show_hidden_clicked)
        self.hidden_button.hide()
        self.show_hidden_hint = ""  # how to show hidden events ("Show hidden events, Ctrl+Shift+H")
        # The filter line on the left, where a message goes: the message hides it while it shows.
        # Beside it, a message would have a few words' room in a 1024 px window.
        for w in (self.filter_label, self.clear_filters_button):
            self.addWidget(w)
        for w in (self.needs_date_button, self.count_label, self.hidden_button, self.library_label):
            self.addPermanentWidget(w)

    def _build_reading(self) -> None:
        # A read of the library shows what it is doing beside a busy bar, only once it has lasted
        # READING_DELAY_MS: a quick one does not flash them.
        self.reading_label = QLabel()
        self.reading_bar = QProgressBar()
        self.reading_bar.setMaximumWidth(120)
        self.reading_bar.setRange(0, 0)
        self.reading_bar.setTextVisible(False)
        self._reading_timer = QTimer(self)
        self._reading_timer.setSingleShot(True)
        self._reading_timer.timeout.connect(self._on_reading_timer_timeout)
        for w in (self.reading_label, self.reading_bar):
            w.hide()
            self.addPermanentWidget(w)

    def start_reading(self) -> None:
        """The library is being read: say so if it takes longer than READING_DELAY_MS."""
        self.reading_label.setText("Reading the library…")
        if not self.reading_bar.isVisible():
            self._reading_timer.start(READING_DELAY_MS)

    def show_reading_step(self, _done: int, _total: int, what: str) -> None:
        """What the read is doing now ("reading the events")."""
        self.reading_label.setText(f"{what[:1].upper()}{what[1:]}…" if what else "Reading the library…")

    def stop_reading(self) -> None:
        self._reading_timer.stop()
        self.reading_label.hide()
        self.reading_bar.hide()

    def _on_reading_timer_timeout(self) -> None:
        self.reading_label.show()
        self.reading_bar.show()

    def _build_job_progress(self) -> None:
        # What runs, in words: a busy bar draws no text (an export, a picture), and Cancel's tooltip is
        # read only by pointing at it.
        self.job_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the import; what has been read so far is kept")
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        for w in (self.job_label, self.progress, self.cancel_button):
            w.hide()
            self.addPermanentWidget(w)
        self._progress_message = ""  # the file a job is reading, as last shown
        self._earlier: list[str] = []  # messages of jobs done that a job queued after them cleared unread
        self._said_again = ""  # the last message that said them (said once again, never twice)
        self._idle = True  # no job runs or waits
        self._jobs.started.connect(self._on_jobs_started)
        self._jobs.progressed.connect(self._on_jobs_progressed)
        self._jobs.idle.connect(self._on_jobs_idle)

    # -- what the window shows -----------------------------------------------------------------

    def show_library(self, path: Path) -> None:
        self.library_label.setText(f"Library: {shown(path.name)}")
        self.library_label.setToolTip(str(path))

    def show_counts(self, shown: int, total: int, hidden: int = 0) -> None:
        """`total`: the events the window shows at all; `hidden`: those the user hid, left out of it."""
        self.count_label.setText(f"{shown:,} of {counted(total, 'event')} shown" if total or hidden
                                 else "No events yet")
        self.hidden_button.setText(f"{hidden:,} hidden")
        self.hidden_button.setToolTip(f"{counted(hidden, 'event')} you hid {'is' if hidden == 1 else 'are'} "
                                      f"not counted. Click to show {'it' if hidden == 1 else 'them'}, marked "
                                      f"grey{f' ({self.show_hidden_hint})' if self.show_hidden_hint else ''}.")
        self.hidden_button.setVisible(hidden > 0)

    def show_filter(self, spec: FilterSpec) -> None:
        description = spec.describe()
        self.filter_label.setText("" if spec.is_empty() and not spec.show_hidden else f"Filter: {description}")
        self.filter_label.setToolTip(description)
        self._show_beside_messages(self.clear_filters_button, not spec.is_empty())

    def _show_beside_messages(self, widget: QWidget, visible: bool) -> None:
        """Show or hide a widget of the message side. While a message shows, QStatusBar keeps those
        widgets hidden and shows them again when it goes, except the ones hidden on purpose: showing
        one now would draw it over the message ("2 articles added." under "Clear filters")."""
        if visible and self.currentMessage():
            widget.hide()
            widget.setAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide, False)  # as the message hid it
        else:
            widget.setVisible(visible)

    def show_needs_date(self, undated: int) -> None:
        self.needs_date_button.setText(
            f"{undated} article{'s need' if undated != 1 else ' needs'} a publication date")
        self.needs_date_button.setVisible(undated > 0)

    # -- jobs ----------------------------------------------------------------------------------

    def _on_jobs_started(self, description: str) -> None:
        # A message of earlier work ("Added 20 articles") beside this job's progress would say it is
        # done; it is said again, after this job's own, once the queue is idle (_on_jobs_idle).
        # A job started from an idle queue: the user started it after the message came, not a queue.
        message = self.currentMessage()
        if message and not self._idle and message not in (self._progress_message, self._said_again):
            self._earlier.append(message)
        self._idle = False
        self.clearMessage()
        self.progress.setRange(0, 0)
        self.progress.setFormat(description[:1].upper() + description[1:] + "…")
        self.job_label.setText(self.progress.format())
        self.job_label.show()
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setToolTip(cancel_tip(description))
        self.cancel_button.show()

    def _on_jobs_progressed(self, done: int, total: int, what: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat("%v of %m")
        if what:
            self._progress_message = shown(Path(what).name if "://" not in what else what)
            # Before the first input is counted, what the job does ("starting 2 worker processes ...")
            # is all that says it moves: it stays until the next step replaces it, however long it takes.
            self.showMessage(self._progress_message, 0 if done == 0 else PROGRESS_MESSAGE_MS)

    def _on_jobs_idle(self) -> None:
        self._idle = True
        self.job_label.hide()
        self.progress.hide()
        self.cancel_button.hide()
        if self._progress_message and self.currentMessage() == self._progress_message:
            self.clearMessage()  # the file last read, beside no progress, would say it is still being read
        if self._earlier:  # what jobs queued one after another did, the last one's first
            last = self.currentMessage()
            parts = [last] if last else []
            self._said_again = " ".join(parts + ["Before that:"] + self._earlier)
            self.showMessage(self._said_again, EARLIER_MESSAGE_MS)
            self._earlier = []

    def _on_cancel_button_clicked(self) -> None:
        self._jobs.cancel_current()
        self.cancel_button.setEnabled(False)
        self.progress.setFormat("Cancelling…")
        self.job_label.setText("Cancelling…")


def cancel_tip(description: str) -> str:
    """What Cancel stops, in the job's own words, and what stopping leaves ("Stop exporting to
    events.xlsx: no file is written, …"); only an import keeps what it has done so far."""
    leaves = stopping_leaves(description)
    return f"Stop {description}: {leaves[:1].lower()}{leaves[1:].rstrip('.')}" if leaves else f"Stop {description}"
