"""Batch throughput with 1 and 2 workers, and the parent's memory as the corpus grows.

Each measurement runs in a fresh subprocess (so peak memory is its own), on generated articles:
  python benchmarks/scale.py                 # 20,000 articles x {1, 2} workers; memory at 1,000 and 20,000
  python benchmarks/scale.py --repeat 3      # three 1-worker/2-worker pairs, the median speed-up
  python benchmarks/scale.py --articles 3000 --memory-sizes --dask   # also on a local Dask cluster
Besides wall-clock rates it prints the CPU time per article of the parent and of its workers, which
other jobs on the machine disturb far less, and the load average around each run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _one_run(n: int, workers: int, dask: bool) -> dict:
    from tests.core.corpus import write_corpus
    from timeline_app.core.pipeline import import_inputs

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, n)
        load = os.getloadavg()[0]
        parent0, children0 = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        report = import_inputs([corpus], Path(tmp) / "lib.sqlite3", workers=workers,
                               dask="local" if dask else None)
        seconds = time.perf_counter() - t0
        parent, children = _cpu(resource.RUSAGE_SELF) - parent0, _cpu(resource.RUSAGE_CHILDREN) - children0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": n, "workers": workers, "dask": dask, "seconds": round(seconds, 2),
            "articles_per_s": round(report.added / seconds, 1), "parent_peak_rss_mb": round(peak_mb, 1),
            # Worker processes count once they have ended (the pool is shut down inside import_inputs);
            # a Dask cluster's workers are not children of the process that waits for them.
            "parent_cpu_ms_per_article": round(parent * 1000 / n, 2),
            "workers_cpu_ms_per_article": round(children * 1000 / n, 2),
            "cores_used": round((parent + children) / seconds, 2),  # below 2: other jobs took the rest
            "loadavg_before": round(load, 2), "loadavg_after": round(os.getloadavg()[0], 2)}


def _measure(n: int, workers: int, dask: bool = False) -> dict:
    cmd = [sys.executable, __file__, "--child", str(n), str(workers)] + (["--dask"] if dask else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _show(r: dict) -> None:
    print(f"{r['articles']:6d} articles  workers={r['workers']} dask={r['dask']!s:5}  {r['seconds']:7.1f} s  "
          f"{r['articles_per_s']:7.1f} articles/s  parent peak {r['parent_peak_rss_mb']} MB  "
          f"CPU/article: parent {r['parent_cpu_ms_per_article']} ms, workers {r['workers_cpu_ms_per_article']} ms  "
          f"cores used {r['cores_used']}  load {r['loadavg_before']} -> {r['loadavg_after']}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--child", nargs=2, type=int, help=argparse.SUPPRESS)
    ap.add_argument("--articles", type=int, default=20000,
                    help="corpus size for the throughput runs (large enough to amortise the workers' "
                         "start-up of a few seconds)")
    ap.add_argument("--repeat", type=int, default=1, help="1-worker/2-worker pairs to run (default 1)")
    ap.add_argument("--memory-sizes", type=int, nargs="*", default=[1000, 20000])
    ap.add_argument("--dask", action="store_true", help="also run on a local Dask cluster (2 workers)")
    args = ap.parse_args()
    if args.child:
        print(json.dumps(_one_run(args.child[0], args.child[1], args.dask)))
        return
    runs, speedups = [], []
    for _ in range(args.repeat):
        # One worker then two, back to back, so that both see about the same load from other jobs.
        pair = [_measure(args.articles, 1), _measure(args.articles, 2)]
        for r in pair:
            _show(r)
        speedups.append(pair[1]["articles_per_s"] / pair[0]["articles_per_s"])
        print(f"speed-up with 2 workers: {speedups[-1]:.2f}x", flush=True)
        runs += pair
    if args.dask:
        runs.append(_measure(args.articles, 2, dask=True))
        _show(runs[-1])
    if args.repeat > 1:
        print(f"median speed-up over {args.repeat} pairs: {statistics.median(speedups):.2f}x")
    # The parent's memory as the corpus grows (a run of the throughput size is reused).
    memory = [runs[1] if n == args.articles else _measure(n, 2) for n in args.memory_sizes]
    for r in memory:
        print(f"memory: {r['articles']:6d} articles -> parent peak {r['parent_peak_rss_mb']} MB "
              f"({r['articles_per_s']} articles/s)")
    print(json.dumps({"throughput": runs, "speedups_2_workers": [round(s, 2) for s in speedups],
                      "memory": memory}))


if __name__ == "__main__":
    main()
