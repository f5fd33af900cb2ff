"""Paints the timeline with one QPainter pass, shared by the widget, PNG and SVG export."""

from __future__ import annotations

import datetime as dt
import logging

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

from timeline_app.core.timeline import timescale as ts
from timeline_app.core.timeline.data import MARKER_PX, LevelCache, TimelineData
from timeline_app.core.timeline.layout import (  # noqa: F401 (re-exported for the view and tests)
    AXIS_H, HEADER_W, LABEL_BUDGET, LABEL_REACH_PX, LEGEND_H, MAX_SPAN_ROWS, FrameItems, LaneLayout, PaintState,
    Placed, _Frame, cluster_capacity,
)
from timeline_app.gui.timeline.chrome import ChromePainter
from timeline_app.gui.timeline.events import EventsPainter
from timeline_app.gui.timeline.layer import EventLayer
from timeline_app.gui.timeline.theme import TextCache, Theme

log = logging.getLogger(__name__)


class TimelinePainter(ChromePainter, EventsPainter):
    """Draws lanes, density bands, spans, clusters, points, labels, axis, headers and legend."""

    def __init__(self, data: TimelineData) -> None:
        self.data = data
        self.font = QFont()
        self.font.setPointSizeF(max(self.font.pointSizeF() - 1.0, 7.5))
        self.bold = QFont(self.font)
        self.bold.setBold(True)
        self.small = QFont(self.font)
        self.small.setPointSizeF(max(self.font.pointSizeF() - 0.5, 7.0))
        self.fm = QFontMetricsF(self.font)
        self.fm_bold = QFontMetricsF(self.bold)
        self.fm_small = QFontMetricsF(self.small)
        self.texts = TextCache()
        self._measure_cache: dict[str, float] = {}
        self.content_height = AXIS_H  # of the last frame: lanes scroll when it exceeds the height
        self._label_budget = 1 << 30
        self.incomplete = False  # the last frame skipped labels to stay fast

    def measure(self, text: str) -> float:
        w = self._measure_cache.get(text)
        if w is None:
            w = self.fm.horizontalAdvance(text)
            if len(self._measure_cache) > 5000:
                self._measure_cache.clear()
            self._measure_cache[text] = w
        return w

    def measure_small(self, text: str) -> float:
        key = "\x00" + text
        w = self._measure_cache.get(key)
        if w is None:
            w = self.fm_small.horizontalAdvance(text)
            self._measure_cache[key] = w
        return w

    # -- the frame -----------------------------------------------------------------------------

    def paint(self, p: QPainter, state: PaintState, theme: Theme, layer: EventLayer | None = None) -> FrameItems:
        """Draw one frame; with state.progressive, at most LABEL_BUDGET new labels are laid out.

        With a `layer`, the events come from its cached image and only what it lacks is drawn.
        """
        data = self.data
        self._label_budget = LABEL_BUDGET if state.progressive else 1 << 30
        self.incomplete = False
        vp = state.viewport
        W = state.width
        tw = vp.width
        p.fillRect(QRectF(0, 0, W, state.height), theme.base)
        legend = self._legend_entries(state.country_names) if state.show_legend else []
        legend_h = LEGEND_H if legend else 0
        H = state.height - legend_h  # bottom of the lanes
        axis = ts.choose_axis(vp, self.measure)
        # A frame the layer will answer needs only the items in view (layout, hit tests, span
        # labels); the layer draws any strip it lacks from its own collection.
        near_only = layer is not None and layer.expects_blit(vp)
        frame = self._collect(state, H - AXIS_H, reach=not near_only)
        layout = frame.layout
        n_lanes = len(data.lane_order)
        view_h = H - AXIS_H
        self.content_height = AXIS_H + (layout.total if layout is not None else 0) + legend_h
        scroll = int(min(max(state.scroll_y, 0), max(self.content_height - state.height, 0)))
        lane_top = AXIS_H - scroll
        frame.lane_top = lane_top
        lane_lo = lane_hi = 0
        if layout is not None and n_lanes:
            lane_lo = int(np.searchsorted(layout.top + layout.height, scroll, side="right"))
            lane_hi = int(np.searchsorted(layout.top, scroll + view_h, side="left"))

        p.save()
        p.setClipRect(QRectF(HEADER_W, AXIS_H, tw, view_h))
        lanes = layout is not None and lane_hi > lane_lo and frame.lc is not None
        grid = (axis.unit, axis.step)
        if near_only and lanes:
            # The layer's image has the lanes' ground: only the space under the last lane needs one.
            below = lane_top + float(layout.top[lane_hi - 1] + layout.height[lane_hi - 1])
            if below < H:
                p.save()
                p.setClipRect(QRectF(HEADER_W, below, tw, H - below))
                self._grid(p, axis, vp, H, theme)
                p.restore()
        else:
            if layout is not None:
                for pos in range(lane_lo, lane_hi):
                    if pos % 2:
                        p.fillRect(QRectF(HEADER_W, lane_top + layout.top[pos], tw, layout.height[pos]), theme.alt)
            self._grid(p, axis, vp, H, theme)
        p.translate(HEADER_W, 0)
        if lanes:
            placed = self._place(frame, vp, layout, lane_lo, lane_hi, lane_top)
            if layer is None or not layer.draw(p, self, theme, vp, frame.lc, layout, lane_lo, lane_hi, lane_top,
                                               grid, None if near_only else placed):
                if near_only:  # the layer declined after all: draw the ground, and labels need more items
                    self._lane_ground(p, theme, vp, grid, layout, lane_lo, lane_hi, lane_top)
                    placed = self.area_items(vp, frame.lc, layout, lane_lo, lane_hi, lane_top)
                self._draw_events(p, theme, vp, frame.lc, layout, placed, lane_lo, lane_hi, lane_top)
            self._span_labels(p, theme, vp, frame.lc, layout, placed)
            self.frame_items(frame, placed, tw, layout.span_row_h)
        self._today(p, vp, H, theme, state.today)
        p.restore()

        self._axis(p, axis, vp, W, theme, state.today)
        self._headers(p, state, theme, layout, lane_lo, lane_hi, lane_top, H)
        if legend:
            self._legend(p, legend, W, H, theme)
        if not n_lanes:
            p.setPen(theme.muted)
            p.setFont(self.font)
            msg = "No events match the filter" if len(data) else "No events loaded"
            p.drawText(QRectF(HEADER_W, AXIS_H, tw, view_h), Qt.AlignmentFlag.AlignCenter, msg)
        frame.x = frame.x + HEADER_W
        return frame

    def area_items(self, vp: ts.Viewport, lc: LevelCache, layout: LaneLayout, lane_lo: int, lane_hi: int,
                   lane_top: float) -> Placed:
        """The items of lanes [lane_lo, lane_hi) that draw in the area `vp` (a strip of an EventLayer)."""
        return self._place(self._collect_items(vp, lc), vp, layout, lane_lo, lane_hi, lane_top)

    def measure_content_height(self, state: PaintState) -> int:
        """Axis, lanes and legend as a frame of `state` would lay them out (the height of a whole export)."""
        frame = self._collect(state, 0)
        legend_h = LEGEND_H if state.show_legend and self._legend_entries(state.country_names) else 0
        return AXIS_H + (frame.layout.total if frame.layout is not None else 0) + legend_h

    def _collect(self, state: PaintState, lanes_h: int, reach: bool = True) -> _Frame:
        """Clusters, spans and points near the visible time window (all lanes) and the lane layout.

        The layout (rows per lane) follows the items in view; items further out are collected too,
        because their labels reach into the view or cut labels in it short.
        """
        data = self.data
        vp = state.viewport
        n_lanes = len(data.lane_order)
        level = ts.zoom_level(vp.px_per_day)
        capacity = cluster_capacity(vp.px_per_day)
        span_row_h = 12 if vp.px_per_day >= 1.5 else 6
        if not n_lanes or not len(data.o_start):
            frame = _Frame.empty()
            frame.level, frame.capacity = level, capacity
            frame.layout = LaneLayout.build(n_lanes, np.zeros(n_lanes, dtype=np.int64),
                                            np.ones(n_lanes, dtype=np.int64), span_row_h, lanes_h)
            return frame
        frame = self._collect_items(vp, data.level(level, capacity, vp.t0, vp.t1), LABEL_REACH_PX if reach else 0.0)
        frame.level, frame.capacity = level, capacity
        pad = (MARKER_PX + 2) / vp.px_per_day
        t0, t1 = vp.t0 - pad, vp.t1 + pad
        s_in = (data.o_start[frame.spans] < t1) & (data.o_end[frame.spans] > t0)
        p_in = (data.o_start[frame.pts] < t1) & (data.o_end[frame.pts] > t0)
        span_rows = np.zeros(n_lanes, dtype=np.int64)
        point_rows = np.ones(n_lanes, dtype=np.int64)
        np.maximum.at(span_rows, frame.s_pos[s_in], np.minimum(frame.s_rows[s_in], MAX_SPAN_ROWS - 1) + 1)
        np.maximum.at(point_rows, frame.p_pos[p_in], frame.p_rows[p_in] + 1)
        if state.keep_rows is not None and len(state.keep_rows[0]) == n_lanes:
            span_rows = np.maximum(span_rows, state.keep_rows[0])
            point_rows = np.maximum(point_rows, state.keep_rows[1])
        frame.layout = LaneLayout.build(n_lanes, span_rows, point_rows, span_row_h, lanes_h)
        return frame

    def _collect_items(self, vp: ts.Viewport, lc: LevelCache, reach_px: float = LABEL_REACH_PX) -> _Frame:
        """What a level draws in and near the area `vp`: clusters, span groups and points, all lanes,
        and the points and clusters within `reach_px` that still shape its labels."""
        data = self.data
        frame = _Frame.empty()
        frame.lc = lc
        near = (MARKER_PX + 2) / vp.px_per_day
        pad = near + reach_px / vp.px_per_day
        t0, t1 = vp.t0 - pad, vp.t1 + pad
        cl = lc.clusters
        if len(cl):
            j0, j1 = ts.visible_range(lc.cluster_start, lc.cluster_end_max, t0, t1)
            cids = lc.cluster_order[j0:j1]
            frame.cids = cids[(cl.t_end[cids] > t0) & (data.lane_pos[cl.lane[cids]] >= 0)]
            frame.c_pos = data.lane_pos[cl.lane[frame.cids]]
        k0, k1 = ts.visible_range(lc.drawn_start, lc.drawn_end_max, t0, t1)
        occ = lc.drawn[k0:k1]
        occ = occ[data.o_end[occ] > t0]
        pos = data.lane_pos[data.o_lane[occ]]
        point = lc.is_point[occ]
        # Points and clusters further out matter to labels; bars only where they are drawn.
        bar = ~point & (data.o_start[occ] < vp.t1 + near) & (data.o_end[occ] > vp.t0 - near)
        frame.spans, frame.s_pos = occ[bar], pos[bar]
        frame.pts, frame.p_pos = occ[point], pos[point]
        frame.s_rows = lc.span_stacking.rows_for(lc.span_pos[frame.spans])
        frame.p_rows = np.minimum(lc.point_stacking.rows_for(lc.point_pos[frame.pts]), lc.capacity - 1)
        return frame

    def _colour_is_lane(self) -> bool:
        d = self.data
        return d.lane_mode == "country" and d.effective_colour_mode == "country"

    def _lane_colour_index(self) -> dict[int, int]:
        d = self.data
        idx = {k: i for i, k in enumerate(d.colour_keys)}
        return {lane: idx.get(key, 0) for lane, key in enumerate(d.lane_keys)}

def today_days() -> float:
    """Now, in timeline days (local date and time of day)."""
    now = dt.datetime.now()
    return ts.date_to_days(now.date()) + (now.hour + now.minute / 60.0) / 24.0

