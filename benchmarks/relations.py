"""Relations chart (issue #20): the time to recompute it after a filter change, on 100,000 events.

Usage: python benchmarks/relations.py [--events N] [--repeat R] [--seed S]

A synthetic events frame (columns.EVENT_COLUMNS) like a large library's: dates from 1990 to 2024
at day, week, month and year precision; one to four countries an event out of 60, Turkey and Syria
among the most frequent; CAMEO codes drawn from codes.tsv; one to five reports an event. Printed:
  build       RelationsIndex and FilterIndex, once per library read (the window does it off the GUI thread)
  recompute   after a filter change: the filter's mask (the window's part), then what the Relations
              dock computes for a redraw: the TUR-SYR series by month, TUR's partners, the undated count
Each figure is the median of R runs after one warm-up (the three filters take turns), with the slowest
run of the recompute. The last line is a JSON object with every figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline_app.core.daycount import date_to_days, format_day  # noqa: E402
from timeline_app.core.extract.cameo import CAMEO_DIR, read_codes  # noqa: E402
from timeline_app.core.library.filters import FilterIndex, FilterSpec  # noqa: E402
from timeline_app.core.library.columns import EVENT_COLUMNS  # noqa: E402
from timeline_app.core.library.periods import MONTH  # noqa: E402
from timeline_app.core.library.relations import Dyad, RelationsIndex, goldstein_weights, partners, series  # noqa: E402
from timeline_app.paths import resource  # noqa: E402

TARGET_MS = 50.0


def synthetic_events(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    codes = sorted(read_codes(resource(CAMEO_DIR)).values(), key=lambda c: c.code)
    pool = ["TUR", "SYR", "RUS", "USA", "IRN", "IRQ", "ISR", "UKR", "CHN", "FRA"] + [
        f"C{i:02d}" for i in range(50)]
    weights = np.r_[np.full(10, 6.0), np.ones(50)]
    weights /= weights.sum()
    first, last = date_to_days(dt.date(1990, 1, 1)), date_to_days(dt.date(2024, 12, 31))
    start = rng.integers(first, last, n)
    precision = rng.choice(["day", "week", "month", "year"], n, p=[0.6, 0.1, 0.2, 0.1])
    length = np.select([precision == "week", precision == "month", precision == "year"], [6, 29, 364], 0)
    days = {d: format_day(d) for d in np.unique(np.r_[start, start + length])}
    picked = [rng.choice(len(pool), size=k, replace=False, p=weights) for k in rng.integers(1, 5, n)]
    code = rng.integers(0, len(codes), n)
    frame = pd.DataFrame({c: "" for c in EVENT_COLUMNS}, index=range(n))
    frame["event_id"] = [f"ev-{i:06d}" for i in range(n)]
    frame["date_start"] = [days[d] for d in start]
    frame["date_end"] = [days[d] for d in start + length]
    frame["date_precision"] = precision
    frame["countries"] = [";".join(sorted(pool[i] for i in p)) for p in picked]
    frame["cameo_code"] = [codes[i].code for i in code]
    frame["quad_class"] = [codes[i].quad_class for i in code]
    frame["event_type"] = [codes[i].name for i in code]
    frame["sources"] = rng.integers(1, 6, n)
    frame["hidden"] = False
    frame["verified"] = False
    return frame


def timed_ms(fn, repeat: int) -> tuple[float, float]:
    """Median and slowest of `repeat` runs after a warm-up, in milliseconds."""
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()

    events = synthetic_events(args.events, args.seed)
    t0 = time.perf_counter()
    filters = FilterIndex(events)
    t1 = time.perf_counter()
    index = RelationsIndex(events, goldstein_weights())
    t2 = time.perf_counter()
    specs = [FilterSpec(date_from=dt.date(2001, 1, 1)), FilterSpec(event_types=frozenset({"04", "05"})),
             FilterSpec(countries=frozenset({"TUR", "SYR"}))]
    state = {"i": 0}

    def mask() -> np.ndarray:
        state["i"] += 1
        return filters.mask(specs[state["i"] % len(specs)])

    def chart() -> None:
        m = mask()
        s = series(index, m, Dyad("TUR", "SYR"), MONTH)
        p = partners(index, m, "TUR")
        index.undated_count(Dyad("TUR", "SYR"), specs[state["i"] % len(specs)])
        assert s.total > 0 and p.codes

    mask_ms, _ = timed_ms(mask, args.repeat)
    total_ms, worst_ms = timed_ms(chart, args.repeat)
    result = {
        "events": args.events,
        "build_filter_index_ms": round((t1 - t0) * 1000, 1),
        "build_relations_index_ms": round((t2 - t1) * 1000, 1),
        "filter_mask_ms": round(mask_ms, 2),
        "recompute_ms": round(total_ms, 2),
        "recompute_worst_ms": round(worst_ms, 2),
        "relations_only_ms": round(total_ms - mask_ms, 2),
        "target_ms": TARGET_MS,
    }
    print(f"{args.events:,} events: build FilterIndex {result['build_filter_index_ms']} ms, "
          f"RelationsIndex {result['build_relations_index_ms']} ms (once per library read)")
    print(f"recompute after a filter change: {result['recompute_ms']} ms median of {args.repeat}, slowest "
          f"{result['recompute_worst_ms']} ms "
          f"(filter mask {result['filter_mask_ms']} ms + series, partners and undated count "
          f"{result['relations_only_ms']} ms); target <= {TARGET_MS:.0f} ms: "
          f"{'met' if worst_ms <= TARGET_MS else 'MISSED'}")
    print(json.dumps(result, separators=(",", ":")))
    return 0 if worst_ms <= TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
