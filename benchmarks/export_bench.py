"""What an export of N generated events costs, and how soon Cancel stops it.

Usage: python benchmarks/export_bench.py --events 100000 [--width 8000] [--no-pictures] [--formats xlsx ...]

Prints the seconds each picture takes to draw (PNG at 1600 px, PNG at --width and 2×, SVG at --width,
PDF on A4 pages) and each data file to write: the time the window froze while it ran on the GUI
thread, before window7 moved the pictures to a worker. Then, for the data files, the seconds from
Cancel to the writer's stop when Cancel comes a quarter of the way through. Offscreen; no display needed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.timeline_bench import generate_events  # noqa: E402
from timeline_app.core.library.export import ExportCancelled, write_export  # noqa: E402
from timeline_app.core.timeline.picture import ImageOptions  # noqa: E402
from timeline_app.gui.timeline import TimelineView, render_image  # noqa: E402

DATA_FORMATS = ("events_csv", "jsonl", "timelinejs", "xlsx")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--width", type=int, default=8000)
    parser.add_argument("--no-pictures", action="store_true", help="only the data files")
    parser.add_argument("--formats", nargs="+", default=list(DATA_FORMATS), choices=DATA_FORMATS,
                        help="the data files to write")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    events = generate_events(args.events)
    view = TimelineView()
    view.resize(1600, 900)
    view.set_events(events)
    view.show()
    app.processEvents()
    out = Path(tempfile.mkdtemp(prefix="export-bench-"))
    pictures = {"PNG 1600 px": ImageOptions(format="png"),
                f"PNG {args.width} px 2x": ImageOptions(format="png", width_px=args.width, scale=2.0),
                f"SVG {args.width} px": ImageOptions(format="svg", width_px=args.width),
                "PDF A4": ImageOptions(format="pdf", page="A4")}
    for name, options in ({} if args.no_pictures else pictures).items():
        start = time.perf_counter()
        render_image(view, out / f"picture.{options.format}", options)
        print(f"{args.events} events, picture {name}: {time.perf_counter() - start:.2f} s")
    for key in args.formats:
        start = time.perf_counter()
        write_export(key, events, events.iloc[:0], out / key)
        whole = time.perf_counter() - start
        asked = {}
        timer = threading.Timer(whole / 4, lambda: asked.setdefault("at", time.perf_counter()))
        start = time.perf_counter()
        timer.start()
        try:
            write_export(key, events, events.iloc[:0], out / key, cancel=lambda: "at" in asked)
        except ExportCancelled:
            pass
        stopped = time.perf_counter()
        timer.join()
        print(f"{args.events} events, {key}: {whole:.2f} s to write; stopped {stopped - asked['at']:.3f} s "
              "after Cancel")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
