"""Fit: the view of the shown events, dense part or all, with room for the newest labels; shared by the widget and images."""

from __future__ import annotations

import logging
from collections.abc import Callable

import numpy as np

from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.clusters import Clusters
from timeline_app.core.timeline.label_room import LABEL_GAP_PX, OBSTACLE_GAP_PX
from timeline_app.core.timeline.layout import LABEL_MAX_PX, MARKER_PX, cluster_capacity
from timeline_app.core.timeline.navigate import fit_viewport, label_reach
from timeline_app.core.timeline.viewport import Viewport, zoom_level

log = logging.getLogger(__name__)

_NEWEST = 64  # points whose labels Fit makes room for, newest first


def fit_data(data: TimelineData, width: int, measure: Callable[[str], float], everything: bool = False
             ) -> Viewport | None:
    """The view Fit shows `width` px wide: where the shown events are dense (`everything`: all of them,
    far outliers too), a margin each side, room right of the newest points for their labels (`measure`
    gives a text's width in pixels). None when nothing is shown."""
    dense, ext = data.dense_range(), data.extent()
    if dense is None or ext is None:
        return None
    lo, hi = ext if everything else (dense.lo, dense.hi)
    return fit_viewport(lo, hi, width, newest_label_reach(data, lo, hi, measure))


def newest_label_reach(data: TimelineData, lo: float, hi: float, measure: Callable[[str], float]
                       ) -> Callable[[float], float]:
    """How far right of `hi` the labels of the last events drawn as points (not in clusters) reach
    at a scale (px per day): what fit_viewport leaves room for."""

    def reach(ppd: float) -> float:
        lc = data.levels.get(zoom_level(ppd), cluster_capacity(ppd), lo, hi)
        near = np.flatnonzero(data.o_visible & lc.is_point & (lc.occ_cluster < 0) & (data.o_centre <= hi)
                              & (data.o_centre >= hi - LABEL_MAX_PX / ppd))
        near = near[np.argsort(-data.o_centre[near], kind="stable")[:_NEWEST]]
        near = near[~_under_a_cluster(lc.clusters, data.o_lane[near], data.o_centre[near], ppd)]
        widths = np.asarray([measure(data.summary(int(e))) for e in data.o_event[near].tolist()])
        return label_reach(data.o_centre[near], widths, hi)(ppd)

    return reach


def _under_a_cluster(clusters: Clusters, lane: np.ndarray, centre: np.ndarray, ppd: float) -> np.ndarray:
    """Points whose label a cluster box of their lane blocks (label_room gives them no room)."""
    blocked = np.zeros(len(centre), dtype=bool)
    if not len(clusters) or not len(centre):
        return blocked
    box_lo, box_hi = clusters.bin * clusters.bin_days, (clusters.bin + 1) * clusters.bin_days
    left = centre - (MARKER_PX / 2) / ppd
    room = (MARKER_PX / 2 + LABEL_GAP_PX + OBSTACLE_GAP_PX) / ppd
    for i in range(len(centre)):
        same = clusters.lane == lane[i]
        blocked[i] = bool((same & (box_hi > left[i]) & (box_lo < centre[i] + room)).any())
    return blocked
