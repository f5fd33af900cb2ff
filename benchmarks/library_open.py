"""Opening a large library in the window: time to the events shown, to the first timeline frame, and memory.

Usage: python benchmarks/library_open.py --mentions N [--repeat R] [--rebuild]

The library of N generated mentions (benchmarks/library_build.py: written straight into SQLite,
events made by the stored-events code) is built once and kept under /tmp/timeline-library-open/.
Each run is a fresh process on the offscreen platform that opens it in MainWindow, as the app does:
  open_ms         from MainWindow(path) (its Library(path) included) to events_shown: the table
                  model, the filters and the timeline hold the events (events_reloaded on a window
                  that has no events_shown: it showed the events only once the mentions were read);
  first_frame_ms  from the same start to the first timeline frame painted (grab() of the canvas);
  complete_ms     to events_reloaded: the mentions read too (an event selected shows its article);
  rss_mb          the process's peak resident memory (ru_maxrss), Qt and the imports included;
  *_cpu_ms        the same spans in CPU time of the whole process (every thread): the machine is
                  shared, and CPU time moves far less with its load than wall time does.
Imports are done before the clock starts. With --repeat the median run is printed. One JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(tempfile.gettempdir()) / "timeline-library-open"
GENERATOR_VERSION = 6  # bump when library_build.py or the schema writes different libraries (6: schema v9)


def library_path(n: int) -> Path:
    return CACHE / f"mentions-{n}-v{GENERATOR_VERSION}.sqlite3"


def ensure_library(n: int, rebuild: bool) -> Path:
    """The cached library of n mentions, built first when missing."""
    path = library_path(n)
    if path.exists() and not rebuild:
        _stamp_current(path)
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    started = time.perf_counter()
    # In a process of its own: a child forked from a parent that built the library in itself reports
    # the parent's peak as its own (Linux keeps ru_maxrss across fork and exec): 4.3 GB for 1.65.
    subprocess.run([sys.executable, __file__, "--build", str(partial), "--mentions", str(n)], check=True, cwd=ROOT)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.rename(path)
    print(f"built {path} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def _stamp_current(path: Path) -> None:
    """Mark the cached library's events as grouped by this checkout's merge rules. The generator
    groups them itself (it writes rows directly), so they stand for any rules; without this, a library
    built before a change of the rules would be grouped again by the window, and timed with it."""
    sys.path.insert(0, str(ROOT))
    from timeline_app.core.library import rulestamp  # the app's modules: not in the parent otherwise

    with closing(sqlite3.connect(path)) as db, db:
        if rulestamp.stored(db) != rulestamp.current():
            rulestamp.mark(db)


def measure(path: Path) -> dict:
    """Open `path` in a MainWindow (this process) and time it; see the module docstring."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    import resource

    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication

    from timeline_app.gui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with sqlite3.connect(path) as db:
        mentions = db.execute("SELECT count(*) FROM mentions").fetchone()[0]
        events = db.execute("SELECT count(*) FROM events").fetchone()[0]
    settings_dir = tempfile.mkdtemp(prefix="library-open-")
    settings = QSettings(str(Path(settings_dir) / "settings.ini"), QSettings.Format.IniFormat)
    loop = QEventLoop()
    done: list[float] = []
    wall0, cpu0 = time.perf_counter(), time.process_time()
    window = MainWindow(path, settings)
    # The window shows the events, then reads their mentions (events_shown, then events_reloaded);
    # before that change it had events_reloaded alone.
    shown = getattr(window, "events_shown", window.events_reloaded)
    shown.connect(loop.quit)
    window.events_reloaded.connect(lambda: done.append((time.perf_counter() - wall0) * 1000))
    window.events_reloaded.connect(loop.quit)
    window.resize(1400, 880)
    window.show()
    shown_ms = (time.perf_counter() - wall0) * 1000
    loop.exec()
    open_ms, open_cpu = (time.perf_counter() - wall0) * 1000, (time.process_time() - cpu0) * 1000
    image = window.timeline.canvas.grab().toImage()
    frame_ms, frame_cpu = (time.perf_counter() - wall0) * 1000, (time.process_time() - cpu0) * 1000
    if image.isNull() or window.timeline.shown_event_count() == 0:
        raise SystemExit("error: the timeline drew no events")
    while not done:
        loop.exec()
    complete_cpu = (time.process_time() - cpu0) * 1000
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    return {"mentions": mentions, "events": events, "open_ms": round(open_ms), "first_frame_ms": round(frame_ms),
            "rss_mb": round(rss_mb), "window_shown_ms": round(shown_ms), "complete_ms": round(done[0]),
            "open_cpu_ms": round(open_cpu), "first_frame_cpu_ms": round(frame_cpu),
            "complete_cpu_ms": round(complete_cpu), "load_average": round(os.getloadavg()[0], 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=100_000, help="mentions in the library (default 100,000)")
    parser.add_argument("--repeat", type=int, default=1, help="runs, each a fresh process; the median is printed")
    parser.add_argument("--rebuild", action="store_true", help="build the cached library again")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child process
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)  # the child that builds a library
    opts = parser.parse_args()
    if opts.measure:
        print(json.dumps(measure(opts.measure)))
        return 0
    if opts.build:
        sys.path.insert(0, str(ROOT))
        from benchmarks.library_build import build  # the app's modules: only in the process that builds

        build(opts.build, opts.mentions)
        return 0
    path = ensure_library(opts.mentions, opts.rebuild)
    runs = []
    for _ in range(opts.repeat):
        out = subprocess.run([sys.executable, __file__, "--measure", str(path)], capture_output=True, text=True,
                             cwd=ROOT)
        if out.returncode != 0:
            print(out.stderr, file=sys.stderr)
            return out.returncode
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(f"run: {runs[-1]}", file=sys.stderr)
    runs.sort(key=lambda r: r["open_cpu_ms"])
    print(json.dumps(runs[len(runs) // 2]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
