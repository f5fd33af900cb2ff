"""Cost of the one-party rule (matching.one_sided): CPU of finding and scoring the pairs of 100,000 reports.

Usage: python benchmarks/one_side_cost.py

Random reports over eight years (2,900 days, 34 a day), none, half or all of them naming one party
of 40; such pairs are found by day, not by a shared party, so their number grows with the square of
the one-party reports a day. The evaluation set of merge.py has 11% of its reports naming one party.
Then the curve: 20,000 one-party reports on ever fewer days, without the cap (every two of a day
compared) and with it (blocks.one_side_crowding: none compared on a day of more than CROWD).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from timeline_app.core.library import blocks, pairs  # noqa: E402
from timeline_app.core.library.matching import Report  # noqa: E402

STATES = [f"S{i:02d}" for i in range(40)]
WORDS = "talks minister visit agreement trade border sanction summit railway corridor port aid loan".split()


def reports(n: int, days: int, single: float, seed: int = 1) -> list[Report]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        d = rng.randrange(days)
        k = 1 if rng.random() < single else 2
        out.append(Report(f"k{i:07d}", f"a{i // 3}", d, d, "", False, frozenset(rng.sample(STATES, k)), frozenset(),
                          frozenset({rng.choice(["040", "042", "057", "036"])}), " ".join(sorted(rng.sample(WORDS, 5)))))
    return out


def cost(rs: list[Report], capped: bool) -> tuple[int, int, float]:
    """Pairs found and scored, of them one-sided, and the CPU seconds it took."""
    started = time.process_time()
    arr = pairs.ReportArrays.of(rs)
    if capped:
        arr.one_side_crowded = blocks.one_side_crowding(arr, np.array([blocks.kind(r) for r in rs], np.int64))[0]
    a, b = pairs.candidate_pairs(arr)
    pairs.scores(arr, a, b)
    cpu = time.process_time() - started
    return len(a), int(pairs.one_sided(arr, a, b).sum()), cpu


def main() -> int:
    for n, days, single in [(100_000, 2900, 0.0), (100_000, 2900, 0.5), (100_000, 2900, 1.0)]:
        found, one, cpu = cost(reports(n, days, single), True)
        print(f"{n} reports over {days} days, {single:.0%} naming one party: {found} pairs ({one} one-sided), "
              f"{cpu:.1f} s CPU")
    print(f"20000 one-party reports, ever more a day (cap: CROWD = {blocks.CROWD}):")
    for days in (2000, 500, 200, 100, 40, 20):
        rs = reports(20_000, days, 1.0)
        line = [f"  {20_000 // days:5d} a day:"]
        for capped in (False, True):
            found, one, cpu = cost(rs, capped)
            line.append(f"{'capped' if capped else 'no cap'} {found:9d} pairs ({one:9d} one-sided) {cpu:5.1f} s CPU")
        print("  ".join(line))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
