"""Import 1,000 generated articles (text and HTML) and print articles per second.

Two runs: the batch pipeline alone, and the same import started from the real main window (offscreen),
with a 10 ms timer on the GUI thread measuring how long the window ever went without processing
events (its responsiveness during the import).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_corpus(folder: Path, n: int) -> None:
    """Half plain text, half saved web pages, all written from our own template sentences."""
    from tests.core.corpus import write_corpus

    paths = write_corpus(folder, n)
    rng = random.Random(3)
    for path in rng.sample(paths, n // 2):
        text = path.read_text(encoding="utf-8")
        title, _, body = text.partition("\n")
        published = path.name[:10]
        paras = "".join(f"<p>{p}</p>\n" for p in body.split("\n\n") if p.strip())
        html = (f"<!doctype html><html><head><title>{title}</title>"
                f'<meta property="article:published_time" content="{published}T08:00:00Z"></head>'
                f"<body><nav><a href='/'>Home</a> <a href='/archive'>Archive 1998</a></nav>"
                f"<article><h1>{title}</h1>{paras}</article>"
                f"<footer>Copyright 2004 Example News</footer></body></html>")
        path.with_suffix(".html").write_text(html, encoding="utf-8")
        path.unlink()


def batch_run(corpus: Path) -> dict:
    from timeline_app.core.pipeline import import_inputs

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        report = import_inputs([corpus], Path(tmp) / "lib.sqlite3")
        seconds = time.perf_counter() - t0
    return {"articles": report.added, "skipped": len(report.skipped), "seconds": round(seconds, 2),
            "articles_per_s": round(report.added / seconds, 1)}


def gui_run(corpus: Path) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from timeline_app.gui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(Path(tmp) / "lib.sqlite3", settings=settings)
        window.resize(1600, 900)
        window.show()
        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.timeout.connect(tick)
        timer.start(10)
        done: list[object] = []
        window.import_finished.connect(done.append)
        t0 = time.perf_counter()
        window.open_inputs([str(corpus)], quiet=True)
        while not done and time.perf_counter() - t0 < 600:
            app.processEvents()
            time.sleep(0.002)
        seconds = time.perf_counter() - t0
        timer.stop()
        report = done[0] if done else None
        window.close()
    gaps.sort()
    return {"articles": getattr(report, "added", 0), "seconds": round(seconds, 2),
            "articles_per_s": round(getattr(report, "added", 0) / seconds, 1),
            "gui_max_gap_ms": round(gaps[-1], 1) if gaps else None,
            "gui_p99_gap_ms": round(gaps[int(len(gaps) * 0.99)], 1) if gaps else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--no-gui", action="store_true", help="only the batch run")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        make_corpus(corpus, args.articles)
        batch = batch_run(corpus)
        print(f"batch: {batch['articles']} articles in {batch['seconds']} s = {batch['articles_per_s']} articles/s")
        result = {"batch": batch}
        if not args.no_gui:
            gui = gui_run(corpus)
            print(f"gui:   {gui['articles']} articles in {gui['seconds']} s = {gui['articles_per_s']} articles/s; "
                  f"longest time the window did not answer: {gui['gui_max_gap_ms']} ms "
                  f"(99th percentile {gui['gui_p99_gap_ms']} ms)")
            result["gui"] = gui
    print(json.dumps(result))


if __name__ == "__main__":
    main()
