"""Lane stacking: rows for items so that no two in a row of a lane overlap, computed lazily block by block."""

from __future__ import annotations

import heapq
import logging
from collections.abc import Sequence

import numpy as np

log = logging.getLogger(__name__)


def block_ids(lane: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Ids of runs of overlapping items; items must be sorted by (lane, start).

    A new block starts where an item starts at or after every earlier item of its lane has ended:
    greedy stacking inside a block never depends on items outside it.
    """
    n = len(start)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    lane_change = np.ones(n, dtype=bool)
    lane_change[1:] = lane[1:] != lane[:-1]
    # Segmented running maximum of `end`: offset each lane so maxima never leak across lanes.
    seg = np.cumsum(lane_change) - 1
    lo = float(min(start.min(), end.min()))
    span = float(max(start.max(), end.max())) - lo + 1.0
    shifted = (end - lo) + seg * span
    run_max = np.maximum.accumulate(shifted) - seg * span + lo
    new_block = lane_change.copy()
    new_block[1:] |= start[1:] >= run_max[:-1]
    return np.cumsum(new_block) - 1


# Packed keys stay below this: an int64 with room to spare.
_PACKED_LIMIT = 1 << 62


def lex_order(keys: Sequence[np.ndarray]) -> np.ndarray:
    """np.lexsort(keys) (the last key primary, ties in their order), with runs of keys of whole
    numbers packed into one int64 key each while their ranges fit: a sort pass per packed key, not
    per key. The occurrences' five keys (lane, then days) sorted 1M bars in 0.20 s of CPU through
    lexsort, 0.09 s packed."""
    if not len(keys) or not len(keys[0]):
        return np.lexsort(tuple(keys))
    groups: list[np.ndarray] = []  # primary first
    packed: np.ndarray | None = None
    room = 1
    for key in reversed(keys):
        whole = key.astype(np.int64) if key.dtype.kind in "biu" else _whole(key)
        if whole is None:
            groups += [g for g in (packed, key) if g is not None]
            packed, room = None, 1
            continue
        lo = int(whole.min())
        width = int(whole.max()) - lo + 1
        if packed is not None and room * width < _PACKED_LIMIT:
            packed, room = packed * width + (whole - lo), room * width
        else:
            if packed is not None:
                groups.append(packed)
            packed, room = whole - lo, width
            if width >= _PACKED_LIMIT:  # too wide to pack with anything: kept as it is
                groups.append(key)
                packed, room = None, 1
    if packed is not None:
        groups.append(packed)
    if len(groups) == 1:
        return np.argsort(groups[0], kind="stable")
    return np.lexsort(tuple(reversed(groups)))


def _whole(key: np.ndarray) -> np.ndarray | None:
    """A float key as int64 when every value is a whole number of at most 2**53 (exact in a float)."""
    if key.dtype.kind != "f" or not np.isfinite(key).all():
        return None
    if np.abs(key).max() > 2.0 ** 53 or not (key == np.floor(key)).all():
        return None
    return key.astype(np.int64)


def _greedy(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Lowest free row for each start-sorted item (interval partitioning with two heaps)."""
    rows = np.empty(len(start), dtype=np.int32)
    busy: list[tuple[float, int]] = []
    free: list[int] = []
    next_row = 0
    for i, (s, e) in enumerate(zip(start.tolist(), end.tolist())):
        while busy and busy[0][0] <= s:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            row = heapq.heappop(free)
        else:
            row = next_row
            next_row += 1
        heapq.heappush(busy, (e, row))
        rows[i] = row
    return rows


class Stacking:
    """Greedy row assignment without overlap, per lane, computed lazily block by block.

    Items are given sorted by (lane, start); `end` is the item's extent (at least start + its
    minimum width). Blocks of 1 or 2 items are stacked with numpy at once; bigger blocks run the
    O(k log k) greedy the first time one of their items is asked for, so a frame only pays for
    what it shows and the result never depends on the view.
    """

    def __init__(self, lane: np.ndarray, start: np.ndarray, end: np.ndarray) -> None:
        self._start = np.asarray(start, dtype=np.float64)
        self._end = np.maximum(np.asarray(end, dtype=np.float64), self._start)
        self._block = block_ids(np.asarray(lane), self._start, self._end)
        n = len(self._start)
        self.rows = np.full(n, -1, dtype=np.int32)
        if n == 0:
            self._block_first = np.zeros(1, dtype=np.int64)
            self._done = np.zeros(0, dtype=bool)
            return
        counts = np.bincount(self._block)
        self._block_first = np.concatenate(([0], np.cumsum(counts)))
        pos = np.arange(n) - self._block_first[self._block]
        small = counts[self._block] <= 2
        self.rows[small] = pos[small]  # in a block of two the second overlaps the first
        self._done = counts <= 2

    def rows_for(self, idx: np.ndarray) -> np.ndarray:
        """Rows of the items at positions `idx` (positions in the sorted order given to __init__)."""
        idx = np.asarray(idx, dtype=np.int64)
        if len(idx) == 0:
            return np.zeros(0, dtype=np.int32)
        blocks = np.unique(self._block[idx])
        for b in blocks[~self._done[blocks]].tolist():
            a, z = self._block_first[b], self._block_first[b + 1]
            self.rows[a:z] = _greedy(self._start[a:z], self._end[a:z])
            self._done[b] = True
        return self.rows[idx]

    def all_rows(self) -> np.ndarray:
        return self.rows_for(np.arange(len(self._start)))


def stack_rows(lane: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Rows for items in any order: no two items of a lane sharing a row overlap; O(n log n)."""
    lane = np.asarray(lane)
    start = np.asarray(start, dtype=np.float64)
    order = np.lexsort((start, lane))
    rows = np.empty(len(start), dtype=np.int32)
    rows[order] = Stacking(lane[order], start[order], np.asarray(end, dtype=np.float64)[order]).all_rows()
    return rows
