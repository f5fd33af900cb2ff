"""Time a filter change on N generated events: FilterIndex build once, then FilterSpec masks."""

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

from timeline_app.core.library.filters import FilterIndex, FilterSpec  # noqa: E402


def generate(n: int, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    codes = [f"C{i:02d}" for i in range(60)]
    start = dt.date(1975, 1, 1).toordinal() + rng.integers(0, 50 * 365, n)
    span = rng.choice([0, 6, 30, 364], n)
    k = rng.integers(1, 4, n)
    countries = [";".join(sorted(set(rng.choice(codes, kk)))) for kk in k]
    return pd.DataFrame({
        "event_id": [f"E{i}" for i in range(n)],
        "date_start": [dt.date.fromordinal(int(s)).isoformat() for s in start],
        "date_end": [dt.date.fromordinal(int(s + d)).isoformat() for s, d in zip(start, span)],
        "date_precision": rng.choice(["day", "week", "month", "year"], n),
        "countries": countries,
        "organizations": rng.choice(["", "UN", "NATO", "EU"], n),
        "event_type": rng.choice(["Consult", "Fight", "Appeal", "Make public statement"], n),
        "cameo_code": rng.choice(["040", "190", "020", "010"], n),
        "sources": rng.integers(1, 6, n),
        "summary": [f"ministers met in city {i % 997}" for i in range(n)],
        "evidence": ["The ministers met." for _ in range(n)],
        "article_ids": [str(i % 5000) for i in range(n)],
    })


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    df = generate(args.events)
    t0 = time.perf_counter()
    index = FilterIndex(df)
    build_ms = (time.perf_counter() - t0) * 1000
    specs = {
        "one_country": FilterSpec(countries=frozenset({"C07"})),
        "two_countries_all": FilterSpec(countries=frozenset({"C07", "C11"}), match="all"),
        "date_range": FilterSpec(date_from=dt.date(1990, 1, 1), date_to=dt.date(1995, 12, 31)),
        "everything": FilterSpec(countries=frozenset({"C01", "C02", "C03"}), date_from=dt.date(1980, 1, 1),
                                 event_types=frozenset({"04"}), precisions=frozenset({"day", "week"}),
                                 min_sources=2, organizations=frozenset({"UN"})),
        "free_text": FilterSpec(text="city 42"),
    }
    results = {}
    for name, spec in specs.items():
        ms = median_ms(lambda: index.mask(spec), args.repeat)
        kept = int(index.mask(spec).sum())
        results[name] = round(ms, 2)
        print(f"{name:20s} {ms:8.2f} ms  ({kept} of {len(df)} kept)")
    print(f"index build (once per library change): {build_ms:.0f} ms")
    print(json.dumps({"events": len(df), "index_build_ms": round(build_ms, 1), "filter_ms": results}))


if __name__ == "__main__":
    main()
