"""The library read off the GUI thread: its events first, then their mentions, and again if asked meanwhile."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from timeline_app.core.library.snapshot import Snapshot, read_snapshot_events, read_snapshot_mentions
from timeline_app.gui.window.messages import Messages
from timeline_app.gui.window.status import WindowStatusBar
from timeline_app.gui.workers import GuiThreadGarbageCollector, JobQueue, TaskWorker

log = logging.getLogger(__name__)

READING = "reading the library"


class LibraryReads(QObject):
    """Reads the library at `path()` in two steps, one worker at a time, telling the status bar.

    A read asked for while one runs is made once that one ends; what the running one reads meanwhile
    is stale (`stale()`), and the window drops it. The mentions are read after the events only when
    the window asks (`read_mentions_next`): the events are shown first, the mentions follow.
    """

    events_read = Signal(object)  # Snapshot of the events (its mentions still to come)
    mentions_read = Signal(object)  # Snapshot with the mentions of the events read before
    all_read = Signal()  # every read asked for has ended

    def __init__(self, path: Callable[[], Path], jobs: JobQueue, status_bar: WindowStatusBar, messages: Messages,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._jobs = jobs
        self._status_bar = status_bar
        self._messages = messages
        self._loader: TaskWorker | None = None
        self._again = False
        self._mentions_of: Snapshot | None = None  # events shown, their mentions to read next

    def busy(self) -> bool:
        """A read runs."""
        return self._loader is not None

    def stale(self) -> bool:
        """Another read follows the one running: what it gives is already old."""
        return self._again

    def read(self) -> None:
        """Read the library's events (then, when asked, their mentions); after the running read if any."""
        if self._loader is not None:
            self._again = True
            return
        path = self._path()
        self._start(TaskWorker(lambda progress, _c: read_snapshot_events(path, progress), READING),
                    self._on_loader_events_read)

    def read_mentions_next(self, snapshot: Snapshot | None) -> None:
        """Read the mentions of `snapshot`'s events once its read ends (None: none to read)."""
        self._mentions_of = snapshot

    def _start(self, loader: TaskWorker, on_success: Callable[[Snapshot], None]) -> None:
        loader.progressed.connect(self._status_bar.show_reading_step)
        loader.succeeded.connect(on_success)
        loader.failed.connect(lambda msg: self._messages.show_message("Cannot read the library", msg))
        loader.crashed.connect(self._messages.show_crash)
        loader.finished.connect(self._on_loader_finished)
        self._loader = loader
        self._jobs.track(loader)
        self._status_bar.start_reading()
        GuiThreadGarbageCollector.pause_while(loader)
        loader.start()

    # Bound methods, not the signals' emit: Qt drops their connections when this object is deleted.
    def _on_loader_events_read(self, snapshot: Snapshot) -> None:
        self.events_read.emit(snapshot)

    def _on_loader_mentions_read(self, snapshot: Snapshot) -> None:
        self.mentions_read.emit(snapshot)

    def _on_loader_finished(self) -> None:
        self._loader = None
        wanted, self._mentions_of = self._mentions_of, None
        if self._again:
            self._again = False
            self.read()
        elif wanted is not None:
            path = self._path()
            self._start(TaskWorker(lambda progress, _c: read_snapshot_mentions(path, wanted, progress), READING),
                        self._on_loader_mentions_read)
        else:
            self._status_bar.stop_reading()
            self.all_read.emit()
