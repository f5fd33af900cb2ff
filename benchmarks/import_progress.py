"""An import of a folder as the window runs one: when its progress says what, and when the first input counts.

Usage: python benchmarks/import_progress.py [--inputs 200] [--workers N] [--repeat 1]

Writes --inputs short articles of its own (two states' ministers meeting, a date or two each) into
a temporary folder and imports them with core.pipeline.import_inputs into a fresh library, as the
window's import worker does (worker processes for 24 inputs or more, one per core unless --workers),
noting the time of every progress call. Prints per run the seconds at which each message said before
the first input came ("starting 2 worker processes ...", "1 of 2 worker processes ready", ...), when
the first input counted, and the end; the last line is JSON (the median run by first count).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATES = ("France", "Germany", "Kenya", "Brazil", "Japan", "India", "Canada", "Chile")


def write_inputs(folder: Path, n: int) -> None:
    for i in range(n):
        a, b = STATES[i % len(STATES)], STATES[(i * 3 + 1) % len(STATES)]
        (folder / f"a{i:04}.txt").write_text(
            f"Talks, round {i}\nPublished: 2024-05-{1 + i % 28:02d}\n\n"
            f"The foreign ministers of {a} and {b} met on Monday in Geneva to discuss trade, round {i}. "
            "They last met in March 2023. A new round is planned for next week.\n", encoding="utf-8")


def one_run(n: int, workers: int | None) -> dict:
    # Imported here, not at the top: each spawned worker runs this file as its main module, and would
    # import the pipeline (about 1 s of CPU) where the app's main.py, guarded, imports nothing.
    sys.path.insert(0, str(ROOT))
    from timeline_app.core import pipeline

    with tempfile.TemporaryDirectory(prefix="timeline-import-progress-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        write_inputs(folder, n)
        said: list[tuple[float, int, str]] = []
        started = time.perf_counter()
        report = pipeline.import_inputs([str(folder)], Path(tmp) / "library.sqlite3", workers=workers,
                                        progress=lambda done, _total, what: said.append(
                                            (time.perf_counter() - started, done, what)))
        end = time.perf_counter() - started
    before = [(round(t, 2), what) for t, done, what in said if done == 0 and what]
    first = next((t for t, done, _what in said if done > 0), end)
    return {"inputs": n, "added": report.added, "said": before, "first_counted_s": round(first, 2),
            "end_s": round(end, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=200)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=1)
    opts = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    runs = []
    for i in range(opts.repeat):
        runs.append(one_run(opts.inputs, opts.workers))
        run = runs[-1]
        print(f"run {i + 1}: " + "; ".join(f"{t:.2f} s {what!r}" for t, what in run["said"])
              + f"; first input counted {run['first_counted_s']:.2f} s; end {run['end_s']:.2f} s")
    median = statistics.median_low([r["first_counted_s"] for r in runs])
    print(json.dumps(next(r for r in runs if r["first_counted_s"] == median)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
