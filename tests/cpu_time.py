"""CPU time of a piece of work for the speed tests: the least of a few runs, with the collector paused."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Sized


def best_cpu_seconds(work: Callable[[], Sized], runs: int) -> tuple[float, int]:
    """The least CPU time of `runs` calls of work, and the length of what the last call returned."""
    # The collector is paused: late in a full test run, each of its passes walks every object the earlier
    # tests left in this process, and that time is not the work's. The least of a few runs, because one
    # run's CPU time swings with what else the machine's shared cores are doing.
    elapsed, found = float("inf"), 0
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            start = time.process_time()
            found = len(work())
            elapsed = min(elapsed, time.process_time() - start)
    finally:
        gc.enable()
    return elapsed, found
