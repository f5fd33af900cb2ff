"""Zoom levels: per level, which occurrences are points, clusters or span bars and in which rows, cached near the view."""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from timeline_app.core.timeline.clusters import Clusters, cluster_bins
from timeline_app.core.timeline.layout import MARKER_PX
from timeline_app.core.timeline.stacking import Stacking, block_ids, lex_order
from timeline_app.core.timeline.viewport import level_px_per_day, prefix_max

log = logging.getLogger(__name__)

SPAN_MIN_PX = 12.0  # a period narrower than this at a zoom level is drawn as a point
CLUSTER_PX = 44.0  # width of a cluster bin at a zoom level
_LEVEL_CACHE_SIZE = 10  # a level holds a few int32 arrays per occurrence: ~2 MB at 100,000 events


@dataclass
class LevelCache:
    """What one zoom level needs: which occurrences are points, clusters, rows of points and spans."""

    level: int
    capacity: int
    lo: float  # the time window computed (days; -inf/inf for everything)
    hi: float
    is_point: np.ndarray  # per occurrence
    clusters: Clusters
    occ_cluster: np.ndarray  # per occurrence: cluster id or -1
    point_pos: np.ndarray  # per occurrence: position in point_stacking or -1
    point_stacking: Stacking
    span_pos: np.ndarray  # per occurrence: its span group (same lane and period) or -1
    span_stacking: Stacking  # over span groups
    span_members: np.ndarray  # occurrences of span groups, group after group
    span_group_first: np.ndarray  # group g is span_members[first[g]:first[g + 1]]
    span_mixed: np.ndarray  # per group: members of several colours
    drawn: np.ndarray  # occurrence ids drawn one by one at this level, sorted by start
    drawn_start: np.ndarray
    drawn_end_max: np.ndarray  # running maximum of their ends
    cluster_order: np.ndarray  # cluster ids sorted by start
    cluster_start: np.ndarray
    cluster_end_max: np.ndarray

    def span_group(self, occ: int) -> np.ndarray:
        """Occurrences drawn as one bar with `occ` (same lane and period) at this level."""
        g = self.span_pos[occ]
        if g < 0:
            return np.asarray([occ], dtype=np.int64)
        return self.span_members[self.span_group_first[g]:self.span_group_first[g + 1]]


class Levels:
    """The level caches of one set of occurrences, each computed for a window around the view.

    The occurrences are kept in (lane, centre) order for points and clusters and in (lane, start, -end)
    order for spans, so a level costs a few contiguous passes over them rather than random gathers.
    New occurrences, colours or visibility drop every cached level.
    """

    def __init__(self) -> None:
        empty_f, empty_i, empty_b = np.zeros(0), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool)
        self._o_start = self._o_end = self._o_end_max = empty_f
        self._o_day = empty_b
        self._by_centre: dict[str, np.ndarray] = dict(occ=empty_i, lane=empty_i, start=empty_f, end=empty_f,
                                                      centre=empty_f, day=empty_b, visible=empty_b)
        self._by_start: dict[str, np.ndarray] = dict(self._by_centre, colour=empty_i, room_start=empty_f,
                                                     room_end=empty_f)
        self._cache: OrderedDict[tuple[int, int], LevelCache] = OrderedDict()

    def set_occurrences(self, o_lane: np.ndarray, o_start: np.ndarray, o_end: np.ndarray, o_centre: np.ndarray,
                        o_day: np.ndarray, o_room: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        """The occurrences (sorted by start): their lane, start and end days, centre, whether a day,
        and the extent a bar keeps to itself in its row (`o_room`; its own extent when not given):
        the whole period of a part of one ("early 2019"), whose bracket runs along the row."""
        self._o_start, self._o_end, self._o_day = o_start, o_end, o_day
        self._o_end_max = prefix_max(o_end)
        room_start, room_end = o_room if o_room is not None else (o_start, o_end)
        # By lane, then centre (a half day at most: twice it is a whole number, packed by lex_order).
        order_c = lex_order((o_centre * 2.0, o_lane))
        # By lane, room (start, then the longest first), start, then the longest first. Inside one
        # room, a start is told by its distance from the room's and an end by its distance to the
        # room's: the same order (days are whole numbers), in ranges small enough to pack into one key.
        order_s = lex_order((room_end - o_end, o_start - room_start, -room_end, room_start, o_lane))
        self._by_centre = {"occ": order_c}
        self._by_start = {"occ": order_s}
        for perm, order in ((self._by_centre, order_c), (self._by_start, order_s)):
            perm.update(lane=o_lane[order], start=o_start[order], end=o_end[order], centre=o_centre[order],
                        day=o_day[order])
        self._by_start.update(room_start=room_start[order_s], room_end=room_end[order_s])
        self._cache.clear()

    def set_colours(self, o_colour: np.ndarray) -> None:
        """Colour index per occurrence: a span bar whose events differ in colour is drawn neutral."""
        self._by_start["colour"] = o_colour[self._by_start["occ"]]
        self._cache.clear()

    def set_visible(self, o_visible: np.ndarray) -> None:
        """Which occurrences pass the filter."""
        self._by_centre["visible"] = o_visible[self._by_centre["occ"]]
        sp = self._by_start
        sp["visible"] = o_visible[sp["occ"]]
        # Runs of overlapping periods per lane (any zoom level's runs lie inside one of them): a level
        # computed around the view takes whole runs, so its stacking equals the full computation.
        periods = np.flatnonzero(sp["visible"] & ~sp["day"])
        run_lo = np.full(len(sp["occ"]), np.inf)
        run_hi = np.full(len(sp["occ"]), -np.inf)
        if len(periods):
            run = block_ids(sp["lane"][periods], sp["room_start"][periods], sp["room_end"][periods])
            first = np.flatnonzero(np.r_[True, run[1:] != run[:-1]])
            run_lo[periods] = sp["room_start"][periods][first][run]
            run_hi[periods] = np.maximum.reduceat(sp["room_end"][periods], first)[run]
        sp["run_lo"], sp["run_hi"] = run_lo, run_hi
        self._cache.clear()

    def _window(self, t0: float | None, t1: float | None) -> tuple[float, float]:
        """Time range a level is computed for: the view and two view widths each side, or everything."""
        if t0 is None or t1 is None or not len(self._o_start):
            return -np.inf, np.inf
        span = max(t1 - t0, 1.0)
        lo, hi = t0 - 2.0 * span, t1 + 2.0 * span
        if lo <= self._o_start[0] and hi >= self._o_end_max[-1]:
            return -np.inf, np.inf
        return lo, hi

    @staticmethod
    def _covers(cache: LevelCache, t0: float | None, t1: float | None) -> bool:
        if t0 is None or t1 is None:
            return True
        margin = 0.25 * (t1 - t0)
        return cache.lo <= t0 - margin and cache.hi >= t1 + margin

    def has(self, level: int, capacity: int, t0: float | None = None, t1: float | None = None) -> bool:
        """Whether the level is cached for the view [t0, t1]."""
        cached = self._cache.get((level, capacity))
        return cached is not None and self._covers(cached, t0, t1)

    def get(self, level: int, capacity: int, t0: float | None = None, t1: float | None = None) -> LevelCache:
        """Clusters and stacking for a zoom level around the view [t0, t1] (days), cached per level.

        Only a window of a few view widths is computed, so a level costs what is near the view;
        panning out of it computes the next window. Results inside a window do not depend on where
        the window is: bins are absolute, and stacking blocks end where nothing overlaps.
        """
        key = (level, capacity)
        cached = self._cache.get(key)
        if cached is not None and self._covers(cached, t0, t1):
            self._cache.move_to_end(key)
            return cached
        lo, hi = self._window(t0, t1)
        cache = self.compute(level, capacity, lo, hi)
        self._cache[key] = cache
        self._cache.move_to_end(key)
        if len(self._cache) > _LEVEL_CACHE_SIZE:
            self._cache.popitem(last=False)
        return cache

    def compute(self, level: int, capacity: int, lo: float, hi: float) -> LevelCache:
        """A level over the window [lo, hi) (days; -inf, inf for everything), not cached."""
        ppd = level_px_per_day(level)
        n_occ = len(self._o_start)
        whole = lo == -np.inf and hi == np.inf
        clusters, occ_cluster, free, point_pos, point_stacking = self._points(ppd, capacity, lo, hi, whole)
        spans_sel, group_first, reps, mixed, span_pos, span_stacking = self._spans(ppd, lo, hi, whole)
        is_point = self._o_day | ((self._o_end - self._o_start) * ppd < SPAN_MIN_PX)
        shown = np.zeros(n_occ, dtype=bool)
        shown[free] = True
        shown[reps] = True
        drawn = np.flatnonzero(shown)
        c_order = np.argsort(clusters.t_start, kind="stable") if len(clusters) else np.zeros(0, dtype=np.int64)
        return LevelCache(
            level=level, capacity=capacity, lo=lo, hi=hi, is_point=is_point, clusters=clusters, occ_cluster=occ_cluster,
            point_pos=point_pos, point_stacking=point_stacking, span_pos=span_pos, span_stacking=span_stacking,
            span_members=spans_sel, span_group_first=np.append(group_first, len(spans_sel)), span_mixed=mixed,
            drawn=drawn, drawn_start=self._o_start[drawn], drawn_end_max=prefix_max(self._o_end[drawn]),
            cluster_order=c_order,
            cluster_start=clusters.t_start[c_order] if len(clusters) else np.zeros(0),
            cluster_end_max=prefix_max(clusters.t_end[c_order]) if len(clusters) else np.zeros(0),
        )

    def _points(self, ppd: float, capacity: int, lo: float, hi: float,
                whole: bool) -> tuple[Clusters, np.ndarray, np.ndarray, np.ndarray, Stacking]:
        """Occurrences drawn as points at `ppd` px a day: clusters of the crowded bins, and the rows of
        the others (clusters, cluster per occurrence, free points, their stacking positions, stacking)."""
        n_occ = len(self._o_start)
        lc = self._by_centre
        lc_point = lc["day"] | ((lc["end"] - lc["start"]) * ppd < SPAN_MIN_PX)
        m = lc["visible"] & lc_point
        if not whole:
            m &= (lc["centre"] >= lo) & (lc["centre"] < hi)
        lane_p, centre_p = lc["lane"][m], lc["centre"][m]
        clusters = cluster_bins(lane_p, lc["start"][m], lc["end"][m], CLUSTER_PX / ppd, capacity, position=centre_p)
        sel = lc["occ"][m]
        occ_cluster = np.full(n_occ, -1, dtype=np.int32)
        occ_cluster[sel] = clusters.item_cluster
        free_m = clusters.item_cluster < 0
        free = sel[free_m]
        half = (MARKER_PX / 2.0 + 1.5) / ppd
        centre_f = centre_p[free_m]
        point_stacking = Stacking(lane_p[free_m], centre_f - half, centre_f + half)
        point_pos = np.full(n_occ, -1, dtype=np.int32)
        point_pos[free] = np.arange(len(free))
        return clusters, occ_cluster, free, point_pos, point_stacking

    def _spans(self, ppd: float, lo: float, hi: float,
               whole: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, Stacking]:
        """Occurrences drawn as bars at `ppd` px a day, one bar per group of the same lane and period
        (members, first member of each group, one member per group, mixed colours, group per occurrence,
        stacking of the groups)."""
        # Longest first at equal starts: the year above its quarter above its month.
        sp = self._by_start
        ms = sp["visible"] & ~(sp["day"] | ((sp["end"] - sp["start"]) * ppd < SPAN_MIN_PX))
        if not whole:
            ms &= (sp["run_lo"] < hi) & (sp["run_hi"] > lo)
        spans_sel = sp["occ"][ms]
        s_lane, s_start, s_end = sp["lane"][ms], sp["start"][ms], sp["end"][ms]
        r_start, r_end = sp["room_start"][ms], sp["room_end"][ms]
        new_group = np.ones(len(spans_sel), dtype=bool)
        if len(spans_sel) > 1:
            new_group[1:] = ((s_lane[1:] != s_lane[:-1]) | (s_start[1:] != s_start[:-1]) | (s_end[1:] != s_end[:-1])
                             | (r_start[1:] != r_start[:-1]) | (r_end[1:] != r_end[:-1]))
        group = np.cumsum(new_group) - 1
        group_first = np.flatnonzero(new_group)
        reps = spans_sel[new_group]
        colours = sp["colour"][ms]
        mixed = (np.minimum.reduceat(colours, group_first) != np.maximum.reduceat(colours, group_first)
                 if len(group_first) else np.zeros(0, dtype=bool))
        # Periods that touch (December, then January) share a row: bars are drawn a pixel short. A part
        # of a period keeps the rest of it free: no other bar, nor its label, lies on its bracket.
        span_stacking = Stacking(s_lane[new_group], r_start[new_group], r_end[new_group])
        span_pos = np.full(len(self._o_start), -1, dtype=np.int32)
        span_pos[spans_sel] = group
        return spans_sel, group_first, reps, mixed, span_pos, span_stacking
