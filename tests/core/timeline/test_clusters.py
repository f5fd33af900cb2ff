"""Clustering per lane and bin of a zoom level."""

from __future__ import annotations

import numpy as np

from timeline_app.core.timeline.clusters import cluster_bins


def test_clusters_count_items_per_lane_and_bin() -> None:
    lane = np.array([0, 0, 0, 0, 0, 1, 1])
    start = np.array([0.5, 1.0, 2.0, 9.0, 25.0, 1.0, 2.0])
    cl = cluster_bins(lane, start, start + 1, bin_days=10.0, capacity=2)
    # Lane 0 bin 0 holds four items: a cluster; lane 0 bin 2 and lane 1 bin 0 stay items.
    assert len(cl) == 1
    assert (cl.lane.tolist(), cl.bin.tolist(), cl.count.tolist()) == ([0], [0], [4])
    assert cl.item_cluster.tolist() == [0, 0, 0, 0, -1, -1, -1]
    assert cl.t_start[0] == 0.5 and cl.t_end[0] == 10.0
    none = cluster_bins(lane, start, start + 1, bin_days=10.0, capacity=4)
    assert len(none) == 0 and (none.item_cluster == -1).all()


def test_clusters_of_many_items() -> None:
    rng = np.random.default_rng(9)
    lane = np.sort(rng.integers(0, 10, 50_000))
    start = np.empty(len(lane))
    for ln in range(10):
        sel = lane == ln
        start[sel] = np.sort(rng.uniform(0, 5000, sel.sum()))
    cl = cluster_bins(lane, start, start, bin_days=50.0, capacity=3)
    assert cl.count.sum() == (cl.item_cluster >= 0).sum()
    assert (cl.count > 3).all()
    # Every clustered item lies in its cluster's bin and lane.
    idx = np.flatnonzero(cl.item_cluster >= 0)
    c = cl.item_cluster[idx]
    assert (cl.lane[c] == lane[idx]).all()
    assert (np.floor(start[idx] / 50.0) == cl.bin[c]).all()
