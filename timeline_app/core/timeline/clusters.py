"""Clustering: per lane and bin of a zoom level, the items too many to draw one by one become one box."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Clusters:
    """Bins of one zoom level that hold too many items to draw one by one.

    `item_cluster[i]` is the cluster of item i or -1; per cluster: lane, bin, count, first start
    and last end (days) of its items.
    """

    bin_days: float
    item_cluster: np.ndarray
    lane: np.ndarray
    bin: np.ndarray
    count: np.ndarray
    t_start: np.ndarray
    t_end: np.ndarray

    def __len__(self) -> int:
        return len(self.count)


def cluster_bins(lane: np.ndarray, start: np.ndarray, end: np.ndarray, bin_days: float,
                 capacity: int, position: np.ndarray | None = None) -> Clusters:
    """Group items sorted by (lane, position) into bins of `bin_days` by `position` (default: start);
    a bin with more than `capacity` items becomes a cluster spanning its items' first start to last
    end. O(n): the sort order makes (lane, bin) keys already sorted.
    """
    lane = np.asarray(lane, dtype=np.int64)
    start = np.asarray(start, dtype=np.float64)
    end = np.asarray(end, dtype=np.float64)
    position = start if position is None else np.asarray(position, dtype=np.float64)
    n = len(start)
    empty_i = np.zeros(0, dtype=np.int64)
    if n == 0:
        return Clusters(bin_days, np.full(0, -1, dtype=np.int64), empty_i, empty_i, empty_i,
                        np.zeros(0), np.zeros(0))
    bins = np.floor(position / bin_days).astype(np.int64)
    change = np.ones(n, dtype=bool)
    change[1:] = (lane[1:] != lane[:-1]) | (bins[1:] != bins[:-1])
    group = np.cumsum(change) - 1
    firsts = np.flatnonzero(change)
    counts = np.diff(np.append(firsts, n))
    is_cluster = counts > capacity
    cluster_of_group = np.where(is_cluster, np.cumsum(is_cluster) - 1, -1)
    item_cluster = cluster_of_group[group]
    sel = firsts[is_cluster]
    if is_cluster.any():
        t_start = np.minimum.reduceat(start, firsts)[is_cluster]
        t_end = np.maximum.reduceat(end, firsts)[is_cluster]
    else:
        t_start = t_end = np.zeros(0)
    return Clusters(bin_days, item_cluster, lane[sel], bins[sel], counts[is_cluster], t_start, t_end)
