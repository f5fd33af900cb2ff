"""Lane stacking: no overlap, the fewest rows, the same rows whatever is asked first."""

from __future__ import annotations

import numpy as np

from timeline_app.core.timeline.levels import Levels
from timeline_app.core.timeline.stacking import Stacking, lex_order, stack_rows


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


def _whole_days(rng: np.random.Generator, n: int, span: int) -> np.ndarray:
    return rng.integers(-span, span, n).astype(np.float64)


def test_lex_order_is_lexsorts_order_for_whole_numbers_of_any_range() -> None:
    rng = np.random.default_rng(7)
    n = 5000
    lane = rng.integers(0, 12, n)
    for span in (3, 400, 90_000, 2 ** 40):  # the last too wide to pack two keys together
        keys = (_whole_days(rng, n, span), -_whole_days(rng, n, span), _whole_days(rng, n, 5), lane,
                rng.random(n) < 0.5)
        assert (lex_order(keys) == np.lexsort(keys)).all()
        assert (lex_order(keys[:1]) == np.lexsort(keys[:1])).all()


def test_lex_order_keeps_keys_that_are_not_whole_numbers_as_they_are() -> None:
    rng = np.random.default_rng(8)
    n = 3000
    halves = rng.integers(0, 50, n) / 2.0
    with_inf = np.where(rng.random(n) < 0.1, np.inf, _whole_days(rng, n, 30))
    keys = (halves, with_inf, rng.integers(0, 4, n), rng.normal(size=n).round(1))
    assert (lex_order(keys) == np.lexsort(keys)).all()
    assert len(lex_order((np.zeros(0), np.zeros(0, dtype=np.int64)))) == 0


def test_levels_order_the_bars_by_lane_room_and_start_as_their_definition_says() -> None:
    rng = np.random.default_rng(9)
    n = 4000
    start = np.sort(rng.integers(10_000, 40_000, n)).astype(np.float64)
    end = start + rng.choice([0, 0, 6, 30, 2000], n)
    part = rng.random(n) < 0.2  # a part of a period: the whole period is its room
    room_start = np.where(part, start - rng.integers(0, 300, n), start)
    room_end = np.where(part, end + rng.integers(0, 300, n), end)
    lane = rng.integers(0, 9, n)
    levels = Levels()
    levels.set_occurrences(lane, start, end, (start + end) / 2.0, end == start, (room_start, room_end))
    assert (levels._by_start["occ"] == np.lexsort((-end, start, -room_end, room_start, lane))).all()  # noqa: SLF001
    assert (levels._by_centre["occ"] == np.lexsort(((start + end) / 2.0, lane))).all()  # noqa: SLF001
