"""Merge cost per article at import, and the time of a rebuild, in libraries of growing size.

Usage: python benchmarks/merge_cost.py [--mentions N ...] [--batches K] [--batch B] [--spread]

The mentions are those of the generated corpus (tests/core/corpus.py: 10 states, one sentence
template), extracted once and cached under the temporary folder: 10,000 mentions are its first
2,000 articles, 100,000 its 20,000 articles, and a million ten copies of them, each copy's dates
moved by a few weeks, so that the library covers the same eight years ten times as densely (with
--spread, by nine years each: ten times the years at the same density). The
rows are written straight into a new library and its events made by a rebuild (timed). Then K
batches of B new articles (another 1,000 of the corpus, moved into the same years) are merged as
the import's writer does, each in a transaction rolled back afterwards: the CPU time of
eventstore.changed divided by B is the merge cost per article (median over the batches), and the
same for one article at a time. Last line: JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.core.corpus import write_corpus  # noqa: E402
from timeline_app.core.batch.articles import ArticleRows, read_and_process  # noqa: E402
from timeline_app.core.library import eventstore  # noqa: E402
from timeline_app.core.library.rows import (  # noqa: E402
    ARTICLE_FIELDS, INSERT_ARTICLE, INSERT_MENTION, MENTION_FIELDS, PUBLISHED,
)
from timeline_app.core.library.store import Library  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "timeline-merge-cost"
SPREAD_WEEKS = 470
_VALUE, _START, _END, _PRECISION = (MENTION_FIELDS.index(f) for f in
                                    ("date_value", "date_start", "date_end", "date_precision"))


def corpus_rows(n: int, seed: int) -> list[tuple[tuple, list[tuple]]]:
    """The article and mention rows of n articles of the generated corpus (extracted once, cached)."""
    # Keyed to the row layout, which grows with the schema (a cache of older rows would not insert).
    layout = hashlib.sha1(repr((ARTICLE_FIELDS, MENTION_FIELDS)).encode()).hexdigest()[:8]
    cached = CACHE / f"corpus-{n}-{seed}-{layout}.pkl"
    if cached.exists():
        return pickle.loads(cached.read_bytes())
    folder = CACHE / f"corpus-{n}-{seed}"
    rows = []
    for path in write_corpus(folder, n, seed=seed):
        rows += [(r.article, r.mentions) for r in read_and_process(str(path), None, frozenset())
                 if isinstance(r, ArticleRows)]
    cached.write_bytes(pickle.dumps(rows))
    return rows


def _moved(value: str, precision: str, start: str, end: str, days: int) -> tuple[str, str, str]:
    """A date value and its first and last day, moved by `days` (whole weeks) at its precision."""
    if not start:
        return value, start, end
    first = dt.date.fromisoformat(start) + dt.timedelta(days)
    if precision == "day":
        return first.isoformat(), first.isoformat(), first.isoformat()
    if precision == "week":
        last = dt.date.fromisoformat(end) + dt.timedelta(days)
        year, week, _ = first.isocalendar()
        return f"{year}-W{week:02d}", first.isoformat(), last.isoformat()
    if precision == "month":
        following = (first.replace(day=28) + dt.timedelta(4)).replace(day=1)
        return f"{first:%Y-%m}", first.replace(day=1).isoformat(), (following - dt.timedelta(1)).isoformat()
    if precision == "year":
        return f"{first.year}", f"{first.year}-01-01", f"{first.year}-12-31"
    return value, start, end


def moved_copy(rows: list[tuple[tuple, list[tuple]]], copy: int, weeks: int = 1) -> list[tuple[tuple, list[tuple]]]:
    """The articles again as other articles (other hashes) whose dates lie `copy` times `weeks` weeks later."""
    if copy == 0:
        return rows
    days = 7 * weeks * copy
    out = []
    for article, mentions in rows:
        article = list(article)
        article[0] = hashlib.sha1(f"{article[0]}:{copy}".encode()).hexdigest()
        if article[PUBLISHED]:
            article[PUBLISHED] = (dt.date.fromisoformat(article[PUBLISHED]) + dt.timedelta(days)).isoformat()
        moved = []
        for m in mentions:
            m = list(m)
            m[_VALUE], m[_START], m[_END] = _moved(m[_VALUE], m[_PRECISION], m[_START], m[_END], days)
            moved.append(tuple(m))
        out.append((tuple(article), moved))
    return out


def _insert(db, rows: list[tuple[tuple, list[tuple]]]) -> list[int]:
    ids = []
    for article, mentions in rows:
        article_id = int(db.execute(INSERT_ARTICLE, (*article, "2026-01-01T00:00:00")).lastrowid)
        db.executemany(INSERT_MENTION, [(article_id, *m) for m in mentions])
        ids.append(article_id)
    return ids


def library_of(mentions: int, base: list, path: Path, weeks: int = 1) -> tuple[int, float]:
    """A library of about `mentions` mentions written straight in, its events made by a rebuild;
    returns its mention count and the rebuild's CPU seconds."""
    per_copy = sum(len(m) for _, m in base)
    copies = max(1, round(mentions / per_copy))
    rows = base if copies > 1 else base[: max(1, round(len(base) * mentions / per_copy))]
    with Library(path) as lib:
        db = lib._db  # noqa: SLF001 - the benchmark writes rows as the writer does, and times its steps
        with db:
            for copy in range(copies):
                _insert(db, moved_copy(rows, copy, weeks))
        started = time.process_time()
        lib.rebuild_events()
        rebuild = time.process_time() - started
        return int(db.execute("SELECT count(*) FROM mentions").fetchone()[0]), rebuild


def merge_cost(path: Path, new: list, batches: int, batch: int, weeks: int = 1) -> float:
    """Median CPU milliseconds per article of merging batches of new articles (each rolled back)."""
    times = []
    with Library(path) as lib:
        db = lib._db  # noqa: SLF001
        for k in range(batches):
            db.execute("BEGIN")
            ids = _insert(db, moved_copy(new[k * batch:(k + 1) * batch], k % 10, weeks))
            started = time.process_time()
            eventstore.changed(db, ids)
            times.append((time.process_time() - started) * 1000 / batch)
            db.rollback()
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mentions", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--batches", type=int, default=5, help="batches merged per library (default 5)")
    ap.add_argument("--batch", type=int, default=100, help="articles a batch (default 100, as the writer)")
    ap.add_argument("--spread", action="store_true",
                    help=f"move each copy by {SPREAD_WEEKS} weeks (about 9 years, past the corpus's 8) instead of one:"
                         " a larger library of the same density, not a denser one")
    args = ap.parse_args()
    CACHE.mkdir(exist_ok=True)
    base = corpus_rows(20_000, 1)
    new = corpus_rows(1_000, 2)
    results = []
    with tempfile.TemporaryDirectory(prefix="merge-cost-") as tmp:
        for n in args.mentions:
            path = Path(tmp) / f"lib{n}.sqlite3"
            weeks = SPREAD_WEEKS if args.spread else 1
            mentions, rebuild = library_of(n, base, path, weeks)
            batched = merge_cost(path, new, args.batches, args.batch, weeks)
            single = merge_cost(path, new[500:], args.batches * 4, 1, weeks)
            r = {"mentions": mentions, "rebuild_s": round(rebuild, 2), "merge_ms_per_article": round(batched, 2),
                 "merge_ms_one_article": round(single, 2)}
            print(f"{mentions:>9,} mentions: rebuild {rebuild:.1f} s CPU; merge {batched:.2f} ms CPU per article "
                  f"in batches of {args.batch}, {single:.2f} ms one at a time", flush=True)
            results.append(r)
            path.unlink()
    print(json.dumps({"benchmark": "merge_cost", "batch": args.batch, "spread": args.spread, "results": results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
