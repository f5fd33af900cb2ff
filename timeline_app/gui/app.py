"""The Qt application: run_gui() starts the window (the CLI calls it), with its icon and crash dialog."""

from __future__ import annotations

import datetime as dt
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

# WORKAROUND: importing PySide6 puts shiboken's own __import__ in front of Python's, and every module
# imported after it loads slower: pandas and the core the window needs cost 0.78-0.87 s CPU after
# PySide6, 0.56-0.67 s before it. So they come first (the CLI, which used to import them, no longer does).
from timeline_app.core import pipeline  # noqa: F401, I001 - imported before Qt, see above
from timeline_app.core.library import export, snapshot  # noqa: F401
from timeline_app.core.timeline import picture  # noqa: F401

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from timeline_app import paths as app_paths
from timeline_app.core.batch.pool import WorkerPool
from timeline_app.desktop import APP_ID as DESKTOP_ID
from timeline_app.errors import TimelineError
from timeline_app.gui.dialogs import CrashDialog
from timeline_app.gui.smoke import SmokeTest
from timeline_app.gui.window.main_window import MainWindow

log = logging.getLogger(__name__)

SAMPLES_SETTING = "samples_added"


def _library_to_open(library: Path | None, settings: QSettings) -> Path:
    """The library given on the command line, else the last one used (if it is still there), else the default."""
    if library is not None:
        return Path(library)
    recent = settings.value("recent_libraries", [])
    if isinstance(recent, str):
        recent = [recent]
    for p in recent or []:
        if Path(p).is_file():
            return Path(p)
    return app_paths.default_library_path()


def app_icon() -> QIcon:
    """The window icon: resources/icons' SVG, with the PNGs rendered from it for the usual sizes."""
    # The PNGs also stand in where Qt's SVG icon engine plugin is missing (a trimmed bundle).
    icon = QIcon(str(app_paths.ICONS / f"{DESKTOP_ID}.svg"))
    for png in sorted(app_paths.ICONS.glob(f"{DESKTOP_ID}-*.png")):
        icon.addFile(str(png))
    return icon


def name_application(app: QApplication) -> None:
    """The names Qt gives the app: its settings' place, its window class, its desktop entry, its icon."""
    # The settings stay where every earlier version kept them (~/.config/DiplomaticTimeline/
    # DiplomaticTimeline.conf on Linux); no organisation domain, which would move them on macOS. The
    # application name is also the X11 window class that the .desktop entry's StartupWMClass names.
    app.setApplicationName(app_paths.APP_NAME)
    app.setOrganizationName(app_paths.APP_NAME)
    app.setApplicationDisplayName("Diplomatic Timeline")
    app.setDesktopFileName(DESKTOP_ID)  # Wayland ties the window to the .desktop entry (and its icon) by this
    app.setWindowIcon(app_icon())


def install_excepthook() -> None:
    """Anything that escapes a slot is a bug: log it and show the crash dialog instead of dying."""
    dialogs: list[CrashDialog] = []

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error:\n%s", details)
        if QApplication.instance() is None:
            sys.__excepthook__(kind, value, tb)
            return
        dialog = CrashDialog(f"{kind.__name__}: {value}", details, QApplication.activeWindow())
        dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: dialogs.remove(d))
        dialog.show()

    sys.excepthook = hook


def run_gui(paths: list[str], library: Path | None, published: dt.date | None, smoke_test: bool = False,
            pool: WorkerPool | None = None) -> int:
    """Start the window; open `paths` (or, on a first start with an empty library, the samples).

    With `smoke_test` the window quits once the timeline has drawn events, printing their count.
    `pool`: a worker process started for the samples before Qt loaded; stopped when they are not added.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    name_application(app)
    install_excepthook()
    settings = QSettings()
    window = MainWindow(_library_to_open(library, settings), settings)
    window.show()
    _watcher = SmokeTest(window, report=print) if smoke_test else None  # noqa: F841 - kept alive until exec returns
    if paths:
        QTimer.singleShot(0, lambda: window.open_inputs(list(paths), published))
    if paths or not maybe_add_samples(window, pool):
        if pool is not None:
            pool.stop()
    return int(app.exec())


def maybe_add_samples(window: MainWindow, pool: WorkerPool | None = None) -> bool:
    """On the first start of a library (empty, samples never added), add the bundled samples (with
    `pool`, when one was started for them)."""
    library = window.library
    if library is None or library.article_count() > 0 or library.setting(SAMPLES_SETTING):
        return False
    try:
        library.set_setting(SAMPLES_SETTING, "1")
    except TimelineError as e:  # a read-only library or a full disk: the samples could not be kept either
        window.messages.show_message("Add the sample articles", str(e))
        return False
    window.open_samples(pool)
    return True
