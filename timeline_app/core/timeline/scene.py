"""What a frame shows: the items of a zoom level near the view, the lane layout they need, and their pixels."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np

from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.layout import (
    AXIS_H, LABEL_REACH_PX, MARKER_PX, MAX_SPAN_ROWS, POINT_ROW_H, LaneLayout, Lanes, PaintState, cluster_capacity,
    span_row_height,
)
from timeline_app.core.timeline.levels import LevelCache
from timeline_app.core.timeline.viewport import Viewport, visible_range, zoom_level

log = logging.getLogger(__name__)

_EDGE_PX = 8.0  # items this close outside an area still touch it (markers, rings)


def _ids() -> np.ndarray:
    return np.zeros(0, dtype=np.int64)


def half_up(x: np.ndarray) -> np.ndarray:
    """Round half up: unlike np.round (half to even), shifting x by an integer shifts the result by it."""
    return np.floor(x + 0.5)


@dataclass
class Collected:
    """The items of a level in and near an area, every lane: clusters, span groups and points, with the
    lane position of each and the row of each span and point."""

    lc: LevelCache | None = None
    cids: np.ndarray = field(default_factory=_ids)
    c_pos: np.ndarray = field(default_factory=_ids)
    spans: np.ndarray = field(default_factory=_ids)
    s_pos: np.ndarray = field(default_factory=_ids)
    s_rows: np.ndarray = field(default_factory=_ids)
    pts: np.ndarray = field(default_factory=_ids)
    p_pos: np.ndarray = field(default_factory=_ids)
    p_rows: np.ndarray = field(default_factory=_ids)


@dataclass
class FrameScene:
    """What a frame collected before drawing: its zoom level, the items near the view and their lane layout."""

    level: int
    capacity: int
    items: Collected
    layout: LaneLayout


@dataclass(frozen=True)
class EventArea:
    """An area whose events are drawn together: its time window, the level cache, its lanes and the axis
    unit (unit, step) whose grid lines lie under them."""

    vp: Viewport
    lc: LevelCache
    lanes: Lanes
    grid: tuple[str, int]
    labels_in_view: bool = False  # an image: labels end at its right edge instead of being cut by it


@dataclass
class Placed:
    """Where the items of an area go, in the area's pixels, for the lanes being drawn.

    Items outside the area are included when they can still reach into it (labels) or cut a label
    in it short; items in rows beyond the lane layout are left out: they are drawn once the layout
    has room for them. Spans keep their unclipped extent (`sx`, `sw`) so fades and pixel rounding
    do not depend on where the area starts.
    """

    cids: np.ndarray
    c_pos: np.ndarray
    cx: np.ndarray
    cy: np.ndarray
    cw: np.ndarray
    ch: np.ndarray
    spans: np.ndarray
    s_pos: np.ndarray
    s_rows: np.ndarray  # capped at the last span row
    s_raw_rows: np.ndarray
    sx: np.ndarray
    sw: np.ndarray
    sy: np.ndarray
    pts: np.ndarray
    p_pos: np.ndarray
    p_rows: np.ndarray
    p_x: np.ndarray  # centre
    px: np.ndarray  # marker's left edge
    py: np.ndarray


@dataclass
class FrameItems:
    """What the last frame drew, in widget coordinates, for hit testing and linked highlights."""

    x: np.ndarray
    y: np.ndarray
    w: np.ndarray
    h: np.ndarray
    occ: np.ndarray  # occurrence id, or -1 for a cluster
    cluster: np.ndarray  # cluster id, or -1 for an occurrence
    level: int = 0
    capacity: int = 1
    layout: LaneLayout | None = None
    lane_top: float = AXIS_H  # y of the first lane (scroll applied)
    lc: LevelCache | None = None  # the level cache the frame was drawn from
    # The arrows at the ends of the axis saying that events lie outside the view: "before" and
    # "after", each (x, y, w, h) in widget coordinates.
    edges: dict[str, tuple[float, float, float, float]] = field(default_factory=dict)

    @staticmethod
    def empty() -> FrameItems:
        z = np.zeros(0)
        zi = np.zeros(0, dtype=np.int64)
        return FrameItems(z, z, z, z, zi, zi)


def hit_test(x: np.ndarray, y: np.ndarray, w: np.ndarray, h: np.ndarray, px: float, py: float,
             tolerance: float = 3.0) -> int:
    """Index of the drawn box (x, y, w, h) under the point, or nearest within `tolerance` px; -1 if none.

    Among boxes containing the point the smallest wins, so a day inside a month span is reachable.
    """
    if len(x) == 0:
        return -1
    dx = np.maximum(np.maximum(x - px, px - (x + w)), 0.0)
    dy = np.maximum(np.maximum(y - py, py - (y + h)), 0.0)
    dist = np.hypot(dx, dy)
    near = dist <= tolerance
    if not near.any():
        return -1
    # Rank: distance first, then area (the most specific box), then the one drawn last (on top).
    area = w * h
    cand = np.flatnonzero(near)
    order = np.lexsort((-cand, area[cand], dist[cand]))
    return int(cand[order[0]])


def collect_frame(data: TimelineData, state: PaintState, lanes_h: int, reach: bool = True) -> FrameScene:
    """Clusters, spans and points near the visible time window (all lanes) and the lane layout.

    The layout (rows per lane) follows the items in view; items further out are collected too,
    because their labels reach into the view or cut labels in it short.
    """
    vp = state.viewport
    n_lanes = len(data.lane_order)
    level = zoom_level(vp.px_per_day)
    capacity = cluster_capacity(vp.px_per_day)
    span_row_h = span_row_height(vp.px_per_day)
    if not n_lanes or not len(data.o_start):
        layout = LaneLayout.build(n_lanes, np.zeros(n_lanes, dtype=np.int64), np.ones(n_lanes, dtype=np.int64),
                                  span_row_h, lanes_h, state.lane_max_h)
        return FrameScene(level, capacity, Collected(), layout)
    items = collect_items(data, vp, data.levels.get(level, capacity, vp.t0, vp.t1), LABEL_REACH_PX if reach else 0.0)
    pad = (MARKER_PX + 2) / vp.px_per_day
    t0, t1 = vp.t0 - pad, vp.t1 + pad
    s_in = (data.o_start[items.spans] < t1) & (data.o_end[items.spans] > t0)
    p_in = (data.o_start[items.pts] < t1) & (data.o_end[items.pts] > t0)
    span_rows = np.zeros(n_lanes, dtype=np.int64)
    point_rows = np.ones(n_lanes, dtype=np.int64)
    np.maximum.at(span_rows, items.s_pos[s_in], np.minimum(items.s_rows[s_in], MAX_SPAN_ROWS - 1) + 1)
    np.maximum.at(point_rows, items.p_pos[p_in], items.p_rows[p_in] + 1)
    if state.keep_rows is not None and len(state.keep_rows[0]) == n_lanes:
        span_rows = np.maximum(span_rows, state.keep_rows[0])
        point_rows = np.maximum(point_rows, state.keep_rows[1])
    return FrameScene(level, capacity, items,
                      LaneLayout.build(n_lanes, span_rows, point_rows, span_row_h, lanes_h, state.lane_max_h))


def collect_items(data: TimelineData, vp: Viewport, lc: LevelCache, reach_px: float = LABEL_REACH_PX) -> Collected:
    """What a level draws in and near the area `vp`: clusters, span groups and points, all lanes,
    and the points and clusters within `reach_px` that still shape its labels."""
    out = Collected(lc)
    near = (MARKER_PX + 2) / vp.px_per_day
    pad = near + reach_px / vp.px_per_day
    t0, t1 = vp.t0 - pad, vp.t1 + pad
    cl = lc.clusters
    if len(cl):
        j0, j1 = visible_range(lc.cluster_start, lc.cluster_end_max, t0, t1)
        cids = lc.cluster_order[j0:j1]
        out.cids = cids[(cl.t_end[cids] > t0) & (data.lane_pos[cl.lane[cids]] >= 0)]
        out.c_pos = data.lane_pos[cl.lane[out.cids]]
    k0, k1 = visible_range(lc.drawn_start, lc.drawn_end_max, t0, t1)
    occ = lc.drawn[k0:k1]
    occ = occ[data.o_end[occ] > t0]
    pos = data.lane_pos[data.o_lane[occ]]
    point = lc.is_point[occ]
    # Points and clusters further out matter to labels; bars only where they are drawn.
    bar = ~point & (data.o_start[occ] < vp.t1 + near) & (data.o_end[occ] > vp.t0 - near)
    out.spans, out.s_pos = occ[bar], pos[bar]
    out.pts, out.p_pos = occ[point], pos[point]
    out.s_rows = lc.span_stacking.rows_for(lc.span_pos[out.spans])
    out.p_rows = np.minimum(lc.point_stacking.rows_for(lc.point_pos[out.pts]), lc.capacity - 1)
    return out


def place(data: TimelineData, items: Collected, vp: Viewport, lanes: Lanes) -> Placed:
    """Pixel geometry of the collected items of `lanes` in the area `vp`."""
    lc, layout, lane_lo, lane_hi, lane_top = items.lc, lanes.layout, lanes.lo, lanes.hi, lanes.top
    ok = (items.c_pos >= lane_lo) & (items.c_pos < lane_hi)
    cids, cpos = items.cids[ok], items.c_pos[ok]
    if len(cids):
        cl = lc.clusters
        bx0 = vp.x_of(cl.bin[cids] * cl.bin_days)
        bx1 = vp.x_of((cl.bin[cids] + 1) * cl.bin_days)
        cx = np.floor(bx0) + 1.0
        cw = np.maximum(np.floor(bx1) - cx - 1.0, 3.0)
        cy = lane_top + layout.top[cpos] + layout.point_top(cpos)
        ch = (layout.point_rows[cpos] * POINT_ROW_H - 2).astype(np.float64)
    else:
        cx = cw = cy = ch = np.zeros(0)

    ok = (items.s_pos >= lane_lo) & (items.s_pos < lane_hi)
    ok[ok] = np.minimum(items.s_rows[ok], MAX_SPAN_ROWS - 1) < layout.span_rows[items.s_pos[ok]]
    spans, s_pos, raw = items.spans[ok], items.s_pos[ok], items.s_rows[ok]
    rows = np.minimum(raw, MAX_SPAN_ROWS - 1)
    sx = half_up(vp.x_of(data.o_start[spans]))
    sw = np.maximum(half_up(vp.x_of(data.o_end[spans])) - sx - 1.0, 2.0)
    sy = lane_top + layout.top[s_pos] + layout.span_top(s_pos) + rows * (layout.span_row_h + 1)

    ok = (items.p_pos >= lane_lo) & (items.p_pos < lane_hi)
    ok[ok] = items.p_rows[ok] < layout.point_rows[items.p_pos[ok]]
    pts, p_pos, p_rows = items.pts[ok], items.p_pos[ok], items.p_rows[ok]
    x = vp.x_of(data.o_centre[pts])
    px = half_up(x - MARKER_PX / 2)
    py = (lane_top + layout.top[p_pos] + layout.point_top(p_pos) + p_rows * POINT_ROW_H
          + (POINT_ROW_H - MARKER_PX) / 2 - 1)
    return Placed(cids, cpos, cx, cy, cw, ch, spans, s_pos, rows, raw, sx, sw, sy, pts, p_pos, p_rows, x, px,
                  py.astype(np.float64))


def span_brackets(data: TimelineData, vp: Viewport, pl: Placed) -> tuple[np.ndarray, np.ndarray]:
    """(from, to) in pixels of what each placed bar holds of its row: the bar, or for a part of a period
    the bracket across the whole period (its first and last pixel)."""
    a = np.minimum(pl.sx, half_up(vp.x_of(data.o_room_start[pl.spans])))
    b = np.maximum(pl.sx + pl.sw, half_up(vp.x_of(data.o_room_end[pl.spans])) - 1.0)
    return a, b


def area_items(data: TimelineData, area: EventArea) -> Placed:
    """The items of an area's lanes that draw in it (a strip of the cached event layer)."""
    return place(data, collect_items(data, area.vp, area.lc), area.vp, area.lanes)


def clipped_spans(pl: Placed, width: float) -> tuple[np.ndarray, np.ndarray]:
    """Span extents cut to a few pixels beyond the area, as vector output and hit testing want them."""
    x0 = np.maximum(pl.sx, -4.0)
    x1 = np.minimum(pl.sx + pl.sw + 1.0, width + 4.0)
    return x0, np.maximum(x1 - x0 - 1.0, 2.0)


def drawn_boxes(pl: Placed, width: float, span_row_h: int) -> tuple[np.ndarray, ...]:
    """(x, y, w, h, occurrence, cluster) of what the area shows, for hit testing and the selection rings."""
    c_on = (pl.cx + pl.cw > -_EDGE_PX) & (pl.cx < width + _EDGE_PX)
    sx, sw = clipped_spans(pl, width)
    s_on = (sx + sw > -_EDGE_PX) & (sx < width + _EDGE_PX)
    p_on = (pl.px + MARKER_PX > -_EDGE_PX) & (pl.px < width + _EDGE_PX)
    n_c, n_s, n_p = int(c_on.sum()), int(s_on.sum()), int(p_on.sum())
    x = np.concatenate((pl.cx[c_on], sx[s_on], pl.px[p_on]))
    y = np.concatenate((pl.cy[c_on], pl.sy[s_on], pl.py[p_on]))
    w = np.concatenate((pl.cw[c_on], sw[s_on], np.full(n_p, MARKER_PX)))
    h = np.concatenate((pl.ch[c_on], np.full(n_s, float(span_row_h)), np.full(n_p, MARKER_PX)))
    none = np.full(n_c, -1, dtype=np.int64)
    occ = np.concatenate((none, pl.spans[s_on], pl.pts[p_on])).astype(np.int64)
    cluster = np.concatenate((pl.cids[c_on], np.full(n_s + n_p, -1, dtype=np.int64))).astype(np.int64)
    return x, y, w, h, occ, cluster
