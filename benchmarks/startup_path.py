"""A first start's critical path from CPU times, which other jobs on the machine disturb less than the clock.

Usage: python benchmarks/startup_path.py [--repeat 3] [--stored]

Runs the app from this checkout in this process (offscreen, a fresh data folder, `--smoke-test`)
and reads CPU times at the moment the window asks for the samples' import and at the end: the
window's part before the import, the samples' worker process (all of it: Python, its imports, the
tables, the 8 articles), and the window's part after (receiving and writing the rows, reading the
library back, drawing). The worker runs beside the window, so on two free cores a first start takes
about max(window before, worker) + window after; that estimate is printed with the wall time seen.

Each run has a cache folder of its own, so the worker processes the samples as a checkout's first
start does; with --stored, their rows are stored there first (as a built wheel carries them,
core/batch/samples.py) and the worker hands them back, and so is the merge rules' code stamp
(core/library/rulestamp.py), which a wheel carries too.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORE = ("import sys, pathlib\nfrom timeline_app.core.batch import samples\n"
         "from timeline_app.core.library import rulestamp\n"
         "samples.build(pathlib.Path(sys.argv[1]) / samples.FILE_NAME)\n"
         "rulestamp.build(pathlib.Path(sys.argv[1]) / rulestamp.CACHE_NAME)")


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def one_start() -> None:
    """The child's part: start the app, note the CPU times, print one line of figures."""
    started = time.perf_counter()
    sys.path.insert(0, str(ROOT))
    import timeline_app.cli as cli
    import timeline_app.gui.app as gui_app

    marks: dict[str, float] = {}
    add_samples = gui_app.maybe_add_samples

    def noted(*args: object, **kwargs: object) -> bool:
        marks["before"] = _cpu(resource.RUSAGE_SELF)
        return add_samples(*args, **kwargs)

    gui_app.maybe_add_samples = noted
    with open(os.devnull, "w") as quiet:  # the smoke test's line
        sys.stdout, out = quiet, sys.stdout
        code = cli.main(["--smoke-test"])
        sys.stdout = out
    wall = time.perf_counter() - started
    before, worker = marks.get("before", 0.0), _cpu(resource.RUSAGE_CHILDREN)
    after = _cpu(resource.RUSAGE_SELF) - before
    print(f"{code} {before:.3f} {worker:.3f} {after:.3f} {wall:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stored", action="store_true", help="with the samples' rows stored beforehand")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.child:
        one_start()
        return 0
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    rows = []
    for i in range(opts.repeat):
        with tempfile.TemporaryDirectory(prefix="timeline-startup-path-") as tmp:
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TIMELINE_DATA_DIR": f"{tmp}/data",
                   "XDG_CONFIG_HOME": f"{tmp}/config", "TIMELINE_CACHE_DIR": f"{tmp}/cache"}
            if opts.stored:
                subprocess.run([sys.executable, "-c", STORE, f"{tmp}/cache"], check=True, env=env, cwd=ROOT)
            out = subprocess.run([sys.executable, __file__, "--child"], capture_output=True, text=True, env=env,
                                 timeout=600)
        code, before, worker, after, wall = out.stdout.split()[-5:] if out.stdout.split() else ("?",) * 5
        if out.returncode != 0 or code != "0":
            raise SystemExit(f"error: the start failed: {out.stdout}{out.stderr}")
        before, worker, after, wall = float(before), float(worker), float(after), float(wall)
        rows.append((before, worker, after, wall, max(before, worker) + after))
        print(f"run {i + 1}: window before the import {before:.2f} s CPU, samples' worker {worker:.2f} s, "
              f"window after {after:.2f} s; wall {wall:.2f} s; on two free cores about {rows[-1][4]:.2f} s")
    medians = [statistics.median(r[k] for r in rows) for k in range(5)]
    print(f"median: before {medians[0]:.2f} s, worker {medians[1]:.2f} s, after {medians[2]:.2f} s CPU; "
          f"wall {medians[3]:.2f} s; two free cores about {medians[4]:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
