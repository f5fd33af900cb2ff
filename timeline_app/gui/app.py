"""The Qt application: run_gui() starts the window (the CLI calls it), with its icon and crash dialog."""

from __future__ import annotations

import datetime as dt
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QRectF, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication

from timeline_app import paths as app_paths
from timeline_app.gui.dialogs import CrashDialog
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
    """The window icon, drawn rather than shipped: a time axis with three events, one a span."""
    icon = QIcon()
    for size in (16, 32, 64, 128, 256):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = size / 64
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#1f4e79"))
        p.drawRoundedRect(QRectF(2 * s, 2 * s, 60 * s, 60 * s), 12 * s, 12 * s)
        axis = QPen(QColor("#dfe9f3"), max(1.0, 3 * s))
        p.setPen(axis)
        p.drawLine(int(10 * s), int(48 * s), int(54 * s), int(48 * s))
        for x in (16, 32, 48):
            p.drawLine(int(x * s), int(44 * s), int(x * s), int(52 * s))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#ffb74d"))
        p.drawRoundedRect(QRectF(11 * s, 31 * s, 26 * s, 7 * s), 3 * s, 3 * s)
        p.setBrush(QColor("#8fc1ef"))
        p.drawRoundedRect(QRectF(27 * s, 14 * s, 26 * s, 7 * s), 3 * s, 3 * s)
        p.setBrush(QColor("#ffffff"))
        p.drawEllipse(QRectF(42 * s, 29 * s, 10 * s, 10 * s))
        p.end()
        icon.addPixmap(pixmap)
    return icon


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


def run_gui(paths: list[str], library: Path | None, published: dt.date | None) -> int:
    """Start the window; open `paths` (or, on a first start with an empty library, the samples)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(app_paths.APP_NAME)
    app.setOrganizationName(app_paths.APP_NAME)
    app.setApplicationDisplayName("Diplomatic Timeline")
    app.setWindowIcon(app_icon())
    install_excepthook()
    settings = QSettings()
    window = MainWindow(_library_to_open(library, settings), settings)
    window.show()
    if paths:
        QTimer.singleShot(0, lambda: window.open_inputs(list(paths), published))
    else:
        maybe_add_samples(window)
    return int(app.exec())


def maybe_add_samples(window: MainWindow) -> bool:
    """On the first start of a library (empty, samples never added), add the bundled samples."""
    library = window.library
    if library is None or library.article_count() > 0 or library.setting(SAMPLES_SETTING):
        return False
    library.set_setting(SAMPLES_SETTING, "1")
    window.open_samples()
    return True
