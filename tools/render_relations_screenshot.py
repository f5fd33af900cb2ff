"""Render the Relations dock on the sample articles, as the README shows it.

Usage: python tools/render_relations_screenshot.py [--out docs/images/relations.png] [--scale 2]

The sample articles (resources/samples) go into a temporary library; the window opens on it
offscreen, Greece and Türkiye are ticked in Filters as a user would, and the dock is grabbed at
`--scale` device pixels a pixel (2: sharp on a high-density display). Run it again when the dock's
look changes, and commit the PNG.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images" / "relations.png")
    parser.add_argument("--scale", type=float, default=2.0)
    parser.add_argument("--countries", nargs="+", default=["GRC", "TUR"], metavar="ISO3")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    with tempfile.TemporaryDirectory(prefix="relations-shot-") as tmp:
        os.environ["TIMELINE_DATA_DIR"] = tmp  # no trace in the user's data folder
        return _render(Path(tmp), args.out, args.countries)


def _render(tmp: Path, out: Path, countries: list[str]) -> int:
    # Qt and the app are imported once the environment above is set: the platform and scale are read then.
    from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from timeline_app.core import pipeline
    from timeline_app.core.ingest import sample_paths
    from timeline_app.gui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    library = tmp / "samples.sqlite3"
    report = pipeline.import_inputs([str(p) for p in sample_paths()], library, workers=1)
    print(report.summary(), file=sys.stderr)
    window = MainWindow(library, QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    loop = QEventLoop()
    window.events_reloaded.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    window.resize(1500, 900)
    window.show()
    loop.exec()
    if window.snapshot is None or not len(window.snapshot.events):
        print("error: the sample articles gave no events", file=sys.stderr)
        return 1
    for code in countries:
        item = window.filters.countries.item_for(code)
        if item is None:
            print(f"error: no event of the samples names {code}", file=sys.stderr)
            return 1
        item.setCheckState(Qt.CheckState.Checked)
    dock = window.docks.relations_dock
    dock.setFloating(True)  # its own size, whatever the window's layout gives it
    dock.show()
    dock.resize(720, 500)
    for _ in range(10):
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.relations.grab().save(str(out)):
        print(f"error: cannot write {out}", file=sys.stderr)
        return 1
    figure = window.relations.figure()
    print(f"{out}: {figure.title if figure is not None else window.relations.chart.message}")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
