"""--smoke-test: start as usual, wait until the timeline has drawn events, report them and quit.

Packagers run it on a built bundle (packaging/build_bundle.py) and benchmarks/startup.py times it:
it goes through the real start-up, library reading and (on a first start) the samples' import.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from timeline_app.gui.window.main_window import MainWindow

log = logging.getLogger(__name__)

TIMEOUT_S = 120.0
EXIT_NO_EVENTS = 1


class SmokeTest(QObject):
    """Watches `window`: once it shows events it paints the timeline, reports and quits the app."""

    def __init__(self, window: MainWindow, report: Callable[[str], object], timeout_s: float = TIMEOUT_S) -> None:
        super().__init__(window)
        self.window = window
        self.report = report
        self.started = time.perf_counter()
        window.events_reloaded.connect(self._on_window_events_reloaded)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start(int(timeout_s * 1000))

    def _on_window_events_reloaded(self) -> None:
        shown = self.window.timeline.shown_event_count()
        if shown == 0:
            return  # a first start reads the empty library before the samples' import ends
        # grab() paints the timeline now, through the same code as the screen, whatever the platform.
        image = self.window.timeline.canvas.grab().toImage()
        if image.isNull():
            self._quit(f"the timeline could not be drawn ({shown} events to show)", EXIT_NO_EVENTS)
            return
        elapsed = time.perf_counter() - self.started
        self._quit(f"{shown} events drawn {elapsed:.2f} s after the window was shown", 0)

    def _on_timer_timeout(self) -> None:
        self._quit("no events were drawn within the time allowed", EXIT_NO_EVENTS)

    def _quit(self, message: str, code: int) -> None:
        self._timer.stop()
        self.window.events_reloaded.disconnect(self._on_window_events_reloaded)
        self.report(message)
        self.window.close()
        QApplication.exit(code)
