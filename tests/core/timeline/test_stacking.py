"""Lane stacking: no overlap, the fewest rows, the same rows whatever is asked first."""

from __future__ import annotations

import numpy as np

from timeline_app.core.timeline.stacking import Stacking, stack_rows


def _assert_no_overlap(lane: np.ndarray, start: np.ndarray, end: np.ndarray, rows: np.ndarray) -> None:
    for key in set(zip(lane.tolist(), rows.tolist())):
        sel = np.flatnonzero((lane == key[0]) & (rows == key[1]))
        order = sel[np.argsort(start[sel])]
        assert (start[order][1:] >= end[order][:-1]).all()


def _max_depth(start: np.ndarray, end: np.ndarray) -> int:
    events = sorted([(s, 1) for s in start] + [(e, -1) for e in end], key=lambda p: (p[0], p[1]))
    depth = best = 0
    for _, d in events:
        depth += d
        best = max(best, depth)
    return best


def test_stacking_has_no_overlap_and_uses_the_fewest_rows() -> None:
    rng = np.random.default_rng(3)
    n = 3000
    lane = rng.integers(0, 5, n)
    start = rng.uniform(0, 400, n)
    end = start + rng.choice([0.5, 2.0, 30.0], n)
    rows = stack_rows(lane, start, end)
    _assert_no_overlap(lane, start, end, rows)
    for ln in range(5):
        sel = lane == ln
        # Greedy interval partitioning is optimal: rows used == deepest overlap.
        assert rows[sel].max() + 1 == _max_depth(start[sel], end[sel])


def test_stacking_examples() -> None:
    lane = np.zeros(4, dtype=np.int64)
    rows = stack_rows(lane, np.array([0.0, 1.0, 2.0, 5.0]), np.array([3.0, 2.0, 4.0, 6.0]))
    assert rows.tolist() == [0, 1, 1, 0]  # the third reuses row 1 once the second has ended
    two_lanes = stack_rows(np.array([0, 1]), np.array([0.0, 0.0]), np.array([1.0, 1.0]))
    assert two_lanes.tolist() == [0, 0]


def test_lazy_stacking_does_not_depend_on_what_is_asked_first() -> None:
    rng = np.random.default_rng(5)
    n = 2000
    lane = np.sort(rng.integers(0, 3, n))
    start = np.empty(n)
    for ln in range(3):
        sel = lane == ln
        start[sel] = np.sort(rng.uniform(0, 100, sel.sum()))
    end = start + 1.5
    full = Stacking(lane, start, end).all_rows()
    lazy = Stacking(lane, start, end)
    window = np.flatnonzero((start > 40) & (start < 45))
    assert (lazy.rows_for(window) == full[window]).all()
    assert (lazy.all_rows() == full).all()
