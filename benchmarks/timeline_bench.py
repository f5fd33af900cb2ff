"""Frame times of the real TimelineView offscreen at 1600x900 with N generated events over 50 years.

Usage: python benchmarks/timeline_bench.py --events 100000 [--frames 25] [--png-dir /tmp]

Each frame pans the view by a few pixels first, so it is a real redraw (the static-layer pixmap
cache cannot answer it); per-zoom-level caches stay warm, as they do while a user pans, and so does
the event layer (the events on screen cached as an image: a pan draws only the strip it uncovers).
What a frame costs without that layer is printed too: "uncached" frames pan and drop the layer first,
a fast pan (24 px a frame) keeps uncovering strips, and every step of the wheel zoom sweep draws the
view afresh. The last line printed is JSON: {"events": N, "load_ms": ..., "frame_ms": {"overview": ...,
"middle": ..., "close": ...}, "uncached_frame_ms": {...}}.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from timeline_app.gui.timeline import TimelineView  # noqa: E402

COUNTRIES = (
    "USA RUS CHN TUR SYR IRN ISR UKR FRA DEU GBR IND PAK SAU EGY IRQ JPN KOR PRK AFG QAT ARE JOR LBN "
    "GRC CYP ARM AZE GEO BLR POL ITA ESP NLD BEL SWE FIN NOR CAN MEX BRA ARG VEN COL CUB ZAF NGA ETH "
    "SDN LBY TUN DZA MAR KEN IDN VNM PHL AUS"
).split()
EVENT_TYPES = (
    "Make public statement", "Appeal", "Express intent to cooperate", "Consult", "Engage in diplomatic cooperation",
    "Engage in material cooperation", "Provide aid", "Yield", "Investigate", "Demand", "Disapprove", "Reject",
    "Threaten", "Protest", "Exhibit force posture", "Reduce relations", "Coerce", "Assault", "Fight",
)
PRECISIONS = ("day", "week", "month", "quarter", "year")
PRECISION_WEIGHTS = (0.66, 0.08, 0.15, 0.04, 0.07)
VERBS = ("met", "called for talks with", "signed an accord with", "warned", "hosted", "criticised",
         "sent aid to", "recalled its envoy from", "held drills near", "agreed a ceasefire with")


def generate_events(n: int, seed: int = 7, start_year: int = 1975, years: int = 50) -> pd.DataFrame:
    """N events over `years` years in 60 countries: mostly days, some weeks, months, quarters, years."""
    rng = np.random.default_rng(seed)
    first = np.datetime64(f"{start_year}-01-01")
    last = np.datetime64(f"{start_year + years}-01-01")
    span = int((last - first).astype(int))
    day = first + rng.integers(0, span, n).astype("timedelta64[D]")
    prec = rng.choice(len(PRECISIONS), size=n, p=PRECISION_WEIGHTS)
    start = day.copy()
    end = day.copy()
    months = day.astype("datetime64[M]")
    years_ = day.astype("datetime64[Y]")
    wk = prec == 1
    weekday = (day.astype(int) + 3) % 7
    start[wk] = day[wk] - weekday[wk].astype("timedelta64[D]")
    end[wk] = start[wk] + np.timedelta64(6, "D")
    mo = prec == 2
    start[mo] = months[mo].astype("datetime64[D]")
    end[mo] = (months[mo] + 1).astype("datetime64[D]") - np.timedelta64(1, "D")
    qu = prec == 3
    q_first = years_[qu].astype("datetime64[M]") + ((months[qu] - years_[qu].astype("datetime64[M]")).astype(int) // 3 * 3)
    start[qu] = q_first.astype("datetime64[D]")
    end[qu] = (q_first + 3).astype("datetime64[D]") - np.timedelta64(1, "D")
    yr = prec == 4
    start[yr] = years_[yr].astype("datetime64[D]")
    end[yr] = (years_[yr] + 1).astype("datetime64[D]") - np.timedelta64(1, "D")
    # Zipf-like country weights: a few countries dominate the news, as they do.
    weights = 1.0 / np.arange(1, len(COUNTRIES) + 1) ** 0.9
    weights /= weights.sum()
    n_countries = rng.choice([1, 2, 3], size=n, p=[0.6, 0.33, 0.07])
    picks = rng.choice(len(COUNTRIES), size=(n, 3), p=weights)
    countries = [";".join(sorted({COUNTRIES[c] for c in row[:k]})) for row, k in zip(picks.tolist(), n_countries.tolist())]
    verbs = rng.integers(0, len(VERBS), n)
    summaries = [f"{c.split(';')[0]} {VERBS[v]} {c.split(';')[-1]}" for c, v in zip(countries, verbs.tolist())]
    open_end = (prec == 4) & (rng.random(n) < 0.1)
    return pd.DataFrame({
        "event_id": [f"E{i:06d}" for i in range(n)],
        "event_date": start.astype(str),
        "date_start": start.astype(str),
        "date_end": end.astype(str),
        "date_precision": np.asarray(PRECISIONS)[prec],
        "open_end": open_end,
        "date_text": np.asarray(PRECISIONS)[prec],
        "countries": countries,
        "event_type": np.asarray(EVENT_TYPES)[rng.integers(0, len(EVENT_TYPES), n)],
        "summary": summaries,
        "sources": [f"article-{i % 997}.txt" for i in range(n)],
    })


def _frames(app, view, count: int, step_px: float, uncached: bool = False) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of `count` full repaints of the view, each after a small pan
    (`uncached`: with the event layer dropped first, so the frame draws every event afresh)."""
    times, cpu = [], []
    for i in range(count):
        view.canvas.set_viewport(view.canvas.vp.panned(step_px if i % 2 == 0 else -step_px * 0.5))
        if uncached:
            view.canvas.painter.cached.invalidate()
        t, c = time.perf_counter(), time.process_time()
        view.repaint()
        times.append((time.perf_counter() - t) * 1000.0)
        cpu.append((time.process_time() - c) * 1000.0)
    return times, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--frames", type=int, default=25)
    parser.add_argument("--png-dir", default="", help="save one screenshot per zoom level here")
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication([])
    df = generate_events(args.events)
    view = TimelineView()
    view.resize(1600, 900)
    view.show()
    app.processEvents()

    t = time.perf_counter()
    view.set_events(df)
    view.repaint()
    load_ms = (time.perf_counter() - t) * 1000.0

    mid_year = 2000
    levels = {
        "overview": view.fit_all,
        "middle": lambda: view.zoom_to_date_range(dt.date(mid_year, 1, 1), dt.date(mid_year, 12, 31)),
        "close": lambda: view.zoom_to_date_range(dt.date(mid_year, 6, 5), dt.date(mid_year, 6, 11)),
    }
    result, cpu_result, uncached_result = {}, {}, {}
    for name, go in levels.items():
        go()
        t = time.perf_counter()
        view.repaint()  # the first frame at a level fills that level's caches
        first = (time.perf_counter() - t) * 1000.0
        drawn = view.canvas.painter.cached.areas_drawn
        times, cpu = _frames(app, view, args.frames, 3.0)
        strips = view.canvas.painter.cached.areas_drawn - drawn
        result[name] = round(statistics.median(times), 2)
        cpu_result[name] = round(statistics.median(cpu), 2)
        print(f"{name:9s} median {result[name]:.2f} ms (cpu {cpu_result[name]:.2f})  max {max(times):.2f} ms  "
              f"first frame at this level {first:.1f} ms; {strips} strips drawn in {args.frames} frames; "
              f"visible {view.visible_range()[0]} .. {view.visible_range()[1]}")
        times, _ = _frames(app, view, max(args.frames // 2, 5), 3.0, uncached=True)
        uncached_result[name] = round(statistics.median(times), 2)
        fast, _ = _frames(app, view, 60, 24.0)
        print(f"{'':9s} uncached median {uncached_result[name]:.2f} ms  max {max(times):.2f} ms; "
              f"fast pan (24 px a frame) median {statistics.median(fast):.2f} ms, "
              f"90th percentile {sorted(fast)[int(len(fast) * 0.9)]:.2f} ms, max {max(fast):.2f} ms")
        if args.png_dir:
            view.grab().save(str(Path(args.png_dir) / f"timeline_{name}_{args.events}.png"))
    # A wheel sweep from the overview to a week, 20% a notch, anchored mid-view: every frame counts,
    # including those that compute a new zoom level (no idle time for prefetching in this loop).
    view.fit_all()
    view.repaint()
    sweep = []
    while view.canvas.vp.span > 7.0:
        view.canvas.set_viewport(view.canvas.vp.zoomed(1.2, view.canvas.time_width() * 0.55))
        t = time.perf_counter()
        view.repaint()
        sweep.append((time.perf_counter() - t) * 1000.0)
    print(f"zoom sweep: {len(sweep)} frames, median {statistics.median(sweep):.1f} ms, "
          f"90th percentile {sorted(sweep)[int(len(sweep) * 0.9)]:.1f} ms, max {max(sweep):.1f} ms")
    print(f"load avg while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; cpu frame ms {cpu_result}")
    print(json.dumps({"events": args.events, "load_ms": round(load_ms, 1), "frame_ms": result,
                      "uncached_frame_ms": uncached_result}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
