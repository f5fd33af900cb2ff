"""A filter change in the window on a large library: time from the panel's new spec to the table, the
timeline, the facet counts and the status bar updated.

Usage: python benchmarks/filter_change.py --mentions N [--repeat R]

Opens the cached library of benchmarks/library_open.py (built there when missing) in a MainWindow on
the offscreen platform, waits until the events are shown, then applies each spec below R times
(WindowFilters.apply, what a click in the filter panel runs) and prints the median wall and CPU
milliseconds of each, as one JSON line. The spec's country and type are the library's most frequent.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.library_open import ensure_library  # noqa: E402


def measure(path: Path, repeat: int) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication

    from timeline_app.core.library.filters import FilterSpec
    from timeline_app.gui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(Path(tempfile.mkdtemp(prefix="filter-change-")) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(path, settings)
    loop = QEventLoop()
    window.events_reloaded.connect(loop.quit)
    window.resize(1400, 880)
    window.show()
    loop.exec()
    snapshot = window.snapshot
    counts = snapshot.index.country_counts()
    country = max(counts, key=counts.get)
    kind = max(snapshot.type_counts, key=snapshot.type_counts.get)
    one = FilterSpec(countries=frozenset({country}))
    specs = {"none": FilterSpec(), "country": one, "country_type": replace(one, event_types=frozenset({kind})),
             "country_type_text": replace(one, event_types=frozenset({kind}), text="the")}
    out: dict[str, object] = {"events": len(snapshot.events)}
    for name, spec in specs.items():
        wall, cpu = [], []
        for _ in range(repeat):
            w0, c0 = time.perf_counter(), time.process_time()
            window.filtering.apply(spec)
            wall.append((time.perf_counter() - w0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
            app.processEvents()
        out[f"{name}_ms"] = round(statistics.median(wall), 1)
        out[f"{name}_cpu_ms"] = round(statistics.median(cpu), 1)
    out["load_average"] = round(os.getloadavg()[0], 2)
    window.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    opts = parser.parse_args()
    print(json.dumps(measure(ensure_library(opts.mentions, False), opts.repeat)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
