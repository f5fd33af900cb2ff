"""Render the README's pictures offscreen, so they show the app as it is: the main window and an exported image.

Usage: python tools/render_screenshots.py   (writes docs/images/main_window.png and docs/images/timeline_export.png)

The bundled sample articles are read into a temporary library (with a fixed publication date for the
one article that has none), the main window is opened on it offscreen at 1400x880, and the timeline
is exported as File > Export would: Fit's view, every row, 1600 px wide. Run it again after changing what the window or the
export shows, look at the two PNGs, and commit them.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from timeline_app.core import pipeline  # noqa: E402
from timeline_app.core.timeline.picture import ImageOptions  # noqa: E402
from timeline_app.gui.timeline import render_image  # noqa: E402
from timeline_app.gui.window.main_window import MainWindow  # noqa: E402
from timeline_app.paths import SAMPLES  # noqa: E402

OUT = ROOT / "docs" / "images"
WINDOW_SIZE = (1400, 880)
EXPORT_WIDTH = 1600
PUBLISHED = dt.date(2021, 10, 28)  # for the one sample without a date of its own: fixed, not today


def wait_for(signal: object, timeout_ms: int = 120_000) -> None:
    """Run the event loop until `signal` fires (the library read on its worker thread)."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def settle(app: QApplication, rounds: int = 30) -> None:
    """Let queued paints (labels are laid out over a few frames) and layouts finish."""
    for _ in range(rounds):
        app.processEvents()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="timeline-screenshots-") as tmp:
        library = Path(tmp) / "library.sqlite3"
        report = pipeline.import_inputs([str(SAMPLES)], library, workers=1)
        pipeline.set_publication_dates(library, {article: PUBLISHED for article in report.needs_date})
        print(report.summary())
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(library, settings)
        window.resize(*WINDOW_SIZE)
        window.show()
        wait_for(window.events_reloaded)
        settle(app)
        window.timeline.fit_all()
        settle(app)
        shot = OUT / "main_window.png"
        window.grab().save(str(shot))
        print(f"wrote {shot}")
        export = OUT / "timeline_export.png"
        # What Fit shows (the war of the 1800s left out, as on screen), every row.
        plan = render_image(window.timeline, export, ImageOptions(scope="view", rows="all", width_px=EXPORT_WIDTH))
        print(f"wrote {export} ({plan.width} x {plan.height} px)")
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
