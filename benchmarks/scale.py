"""Batch throughput with 1 and 2 workers, and the parent's memory as the corpus grows.

Each measurement runs in a fresh subprocess (so peak memory is its own), on generated articles:
  python benchmarks/scale.py                 # 20,000 articles x {1, 2} workers; memory at 1,000 and 20,000
  python benchmarks/scale.py --sizes 1000 --workers 1 2 --dask   # also on a local Dask cluster
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _one_run(n: int, workers: int, dask: bool) -> dict:
    from tests.core.corpus import write_corpus
    from timeline_app.core.pipeline import import_inputs

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, n)
        t0 = time.perf_counter()
        report = import_inputs([corpus], Path(tmp) / "lib.sqlite3", workers=workers,
                               dask="local" if dask else None)
        seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": n, "workers": workers, "dask": dask, "seconds": round(seconds, 2),
            "articles_per_s": round(report.added / seconds, 1), "parent_peak_rss_mb": round(peak_mb, 1)}


def _measure(n: int, workers: int, dask: bool = False) -> dict:
    cmd = [sys.executable, __file__, "--child", str(n), str(workers)] + (["--dask"] if dask else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--child", nargs=2, type=int, help=argparse.SUPPRESS)
    ap.add_argument("--articles", type=int, default=20000,
                    help="corpus size for the throughput runs (large enough to amortise the workers' "
                         "start-up of a few seconds)")
    ap.add_argument("--memory-sizes", type=int, nargs="*", default=[1000, 20000])
    ap.add_argument("--dask", action="store_true", help="also run on a local Dask cluster (2 workers)")
    args = ap.parse_args()
    if args.child:
        print(json.dumps(_one_run(args.child[0], args.child[1], args.dask)))
        return
    runs = [_measure(args.articles, 1), _measure(args.articles, 2)]
    if args.dask:
        runs.append(_measure(args.articles, 2, dask=True))
    for r in runs:
        print(f"{r['articles']:6d} articles  workers={r['workers']} dask={r['dask']!s:5}  "
              f"{r['seconds']:7.1f} s  {r['articles_per_s']:7.1f} articles/s  parent peak {r['parent_peak_rss_mb']} MB")
    speedup = runs[1]["articles_per_s"] / runs[0]["articles_per_s"]
    print(f"speed-up with 2 workers: {speedup:.2f}x")
    # The parent's memory as the corpus grows (a run of the throughput size is reused).
    memory = [runs[1] if n == args.articles else _measure(n, 2) for n in args.memory_sizes]
    for r in memory:
        print(f"memory: {r['articles']:6d} articles -> parent peak {r['parent_peak_rss_mb']} MB "
              f"({r['articles_per_s']} articles/s)")
    print(json.dumps({"throughput": runs, "speedup_2_workers": round(speedup, 2), "memory": memory}))


if __name__ == "__main__":
    main()
