"""Merge cost per article at import: how long eventstore.reassign takes for one new article's mentions.

Usage: python benchmarks/merge_cost.py [--articles N ...] [--sample K]

For each N, builds a library of N generated articles (tests/core/corpus.py, about 5 mentions each)
with the ordinary import, then merges K of its articles again one at a time (each inside a
transaction that is rolled back) and prints the median milliseconds per article; last line JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.core.corpus import write_corpus  # noqa: E402
from timeline_app.core.library import eventstore  # noqa: E402
from timeline_app.core.library.store import Library  # noqa: E402
from timeline_app.core.pipeline import import_inputs  # noqa: E402


def measure(n: int, sample: int, tmp: Path) -> dict:
    corpus = tmp / f"corpus{n}"
    write_corpus(corpus, n, seed=n)
    lib_path = tmp / f"lib{n}.sqlite3"
    import_inputs([corpus], lib_path, workers=1)
    with Library(lib_path) as lib:
        db = lib._db  # noqa: SLF001 - the benchmark times the store's own step
        mentions = int(db.execute("SELECT count(*) FROM mentions").fetchone()[0])
        articles = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
        step = max(1, len(articles) // sample)
        times = []
        for article_id in articles[::step][:sample]:
            ids = [r[0] for r in db.execute("SELECT id FROM mentions WHERE article_id = ?", (article_id,))]
            db.execute("BEGIN")
            started = time.perf_counter()
            eventstore.reassign(db, ids)
            times.append((time.perf_counter() - started) * 1000)
            db.rollback()
    return {"articles": n, "mentions": mentions, "merge_ms_per_article": round(statistics.median(times), 2)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, nargs="+", default=[2000, 20000])
    ap.add_argument("--sample", type=int, default=50)
    args = ap.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="merge-cost-") as tmp:
        for n in args.articles:
            r = measure(n, args.sample, Path(tmp))
            print(f"{r['mentions']:>9,} mentions: {r['merge_ms_per_article']:.2f} ms per article")
            results.append(r)
    print(json.dumps({"benchmark": "merge_cost", "results": results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
