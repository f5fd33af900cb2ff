"""Paints the timeline with one QPainter pass, shared by the widget, PNG and SVG export."""

from __future__ import annotations

import datetime as dt
import logging
import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QStaticText

from timeline_app.core import timescale as ts
from timeline_app.gui.timeline_data import MARKER_PX, LevelCache, TimelineData
from timeline_app.gui.timeline_layout import (  # noqa: F401 (re-exported for the view and tests)
    AXIS_H, DENSITY_H, HEADER_W, LABEL_BUDGET, LEGEND_H, MAX_LABELS, MAX_SPAN_ROWS, POINT_ROW_H, FrameItems,
    LaneLayout, PaintState, _Frame, cluster_capacity,
)
from timeline_app.gui.timeline_chrome import ChromePainter
from timeline_app.gui.timeline_theme import (  # noqa: F401
    TextCache, Theme, _batched, _blit_bars, _is_raster, premultiplied, row_image,
)

log = logging.getLogger(__name__)


class TimelinePainter(ChromePainter):
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

    # -- the frame -----------------------------------------------------------------------------

    def paint(self, p: QPainter, state: PaintState, theme: Theme) -> FrameItems:
        """Draw one frame; with state.progressive, at most LABEL_BUDGET new labels are laid out."""
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
        frame = self._collect(state, H - AXIS_H)
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
        if layout is not None:
            for pos in range(lane_lo, lane_hi):
                if pos % 2:
                    p.fillRect(QRectF(HEADER_W, lane_top + layout.top[pos], tw, layout.height[pos]), theme.alt)
        self._grid(p, axis, vp, H, theme)
        p.translate(HEADER_W, 0)
        if layout is not None and lane_hi > lane_lo:
            self._draw_frame(p, state, theme, frame, lane_lo, lane_hi)
        else:
            frame.x = frame.y = frame.w = frame.h = np.zeros(0)
            frame.occ = frame.cluster = np.zeros(0, dtype=np.int64)
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

    def measure_content_height(self, state: PaintState) -> int:
        """Axis, lanes and legend as a frame of `state` would lay them out (the height of a whole export)."""
        frame = self._collect(state, 0)
        legend_h = LEGEND_H if state.show_legend and self._legend_entries(state.country_names) else 0
        return AXIS_H + (frame.layout.total if frame.layout is not None else 0) + legend_h

    def _collect(self, state: PaintState, lanes_h: int) -> _Frame:
        """Clusters, spans and points in the visible time window (all lanes) and the lane layout."""
        data = self.data
        vp = state.viewport
        n_lanes = len(data.lane_order)
        level = ts.zoom_level(vp.px_per_day)
        capacity = cluster_capacity(vp.px_per_day)
        frame = _Frame.empty()
        frame.level, frame.capacity = level, capacity
        span_row_h = 12 if vp.px_per_day >= 1.5 else 6
        if not n_lanes or not len(data.o_start):
            frame.layout = LaneLayout.build(n_lanes, np.zeros(n_lanes, dtype=np.int64),
                                            np.ones(n_lanes, dtype=np.int64), span_row_h, lanes_h)
            return frame
        lc = data.level(level, capacity, vp.t0, vp.t1)
        frame.lc = lc
        pad = (MARKER_PX + 2) / vp.px_per_day
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
        frame.spans, frame.s_pos = occ[~point], pos[~point]
        frame.pts, frame.p_pos = occ[point], pos[point]
        frame.s_rows = lc.span_stacking.rows_for(lc.span_pos[frame.spans])
        frame.p_rows = np.minimum(lc.point_stacking.rows_for(lc.point_pos[frame.pts]), capacity - 1)
        span_rows = np.zeros(n_lanes, dtype=np.int64)
        point_rows = np.ones(n_lanes, dtype=np.int64)
        np.maximum.at(span_rows, frame.s_pos, np.minimum(frame.s_rows, MAX_SPAN_ROWS - 1) + 1)
        np.maximum.at(point_rows, frame.p_pos, frame.p_rows + 1)
        frame.layout = LaneLayout.build(n_lanes, span_rows, point_rows, span_row_h, lanes_h)
        return frame

    def _draw_frame(self, p: QPainter, state: PaintState, theme: Theme, frame: _Frame, lane_lo: int,
                    lane_hi: int) -> None:
        data = self.data
        vp = state.viewport
        layout = frame.layout
        lane_top = frame.lane_top
        out: list[tuple[np.ndarray, ...]] = []

        if frame.lc is not None and len(frame.lc.clusters) and vp.px_per_day < 8.0:
            self._density(p, vp, theme, layout, lane_lo, lane_hi, lane_top)

        # Clusters: a box over the bin with the number of events in it.
        cids, cpos = frame.cids, frame.c_pos
        ok = (cpos >= lane_lo) & (cpos < lane_hi)
        cids, cpos = cids[ok], cpos[ok]
        if len(cids):
            cl = frame.lc.clusters
            bx0 = vp.x_of(cl.bin[cids] * cl.bin_days)
            bx1 = vp.x_of((cl.bin[cids] + 1) * cl.bin_days)
            cx = np.floor(bx0) + 1.0
            cw = np.maximum(np.floor(bx1) - cx - 1.0, 3.0)
            cy = lane_top + layout.top[cpos] + layout.point_top(cpos)
            ch = (layout.point_rows[cpos] * POINT_ROW_H - 2).astype(np.float64)
            counts = cl.count[cids]
            top = max(float(np.log2(counts.max())), 1.0)
            strength = np.minimum((np.log2(counts) / top * 4).astype(np.int64), 3)
            lane_colour = self._lane_colour_index()
            colour_key = (np.asarray([lane_colour.get(int(l), 0) for l in cl.lane[cids].tolist()], dtype=np.int64)
                          if self._colour_is_lane() else np.full(len(cids), -1, dtype=np.int64))
            p.setPen(Qt.PenStyle.NoPen)
            if _is_raster(p):
                self._cluster_image(p, theme, vp.width, layout, lane_lo, lane_hi, lane_top, cpos, cx, cw,
                                    strength, colour_key)
            else:  # vector output (SVG) gets real rectangles
                keys = (colour_key + 1) * 4 + strength
                _batched(p, keys, cx, cy, cw, ch, lambda k: self._cluster_brush(theme, k // 4 - 1, k % 4))
            p.setFont(self.small)
            p.setPen(theme.text)
            fh = self.fm_small.height()
            for x, y, w, h, n in zip(cx.tolist(), cy.tolist(), cw.tolist(), ch.tolist(), counts.tolist()):
                label = str(n) if n < 10000 else f"{n // 1000}k"
                lw = self.measure_small(label)
                if lw + 4 <= w:
                    st = self.texts.get(("c", label), label)
                    p.drawStaticText(QPointF(x + (w - lw) / 2, y + (h - fh) / 2), st)
            out.append((cx, cy, cw, ch, np.full(len(cids), -1, dtype=np.int64), cids))

        # Spans: periods over their extent, lighter the coarser; open periods fade out.
        ok = (frame.s_pos >= lane_lo) & (frame.s_pos < lane_hi)
        spans, s_pos, s_rows = frame.spans[ok], frame.s_pos[ok], frame.s_rows[ok]
        if len(spans):
            out.append(self._spans(p, theme, vp, frame.lc, layout, spans, s_pos, s_rows, lane_top))

        # Points: one marker per day event (and per period too short to draw at this zoom).
        ok = (frame.p_pos >= lane_lo) & (frame.p_pos < lane_hi)
        pts, p_pos, rows = frame.pts[ok], frame.p_pos[ok], frame.p_rows[ok]
        if len(pts):
            x = vp.x_of(data.o_centre[pts])
            px = np.round(x - MARKER_PX / 2)
            py = (lane_top + layout.top[p_pos] + layout.point_top(p_pos) + rows * POINT_ROW_H
                  + (POINT_ROW_H - MARKER_PX) / 2 - 1)
            size = np.full(len(pts), MARKER_PX)
            p.setPen(Qt.PenStyle.NoPen)
            if _is_raster(p):
                table = theme.argb_table()
                argb = table[data.o_colour[pts] % len(theme.colours) + 1, data.o_alpha[pts]]
                row_key = p_pos * 8 + rows
                marker_dy = (POINT_ROW_H - MARKER_PX) / 2 - 1

                def row_y(key: int) -> float:
                    pos = key // 8
                    return (lane_top + layout.top[pos] + layout.point_top(pos) + (key % 8) * POINT_ROW_H
                            + marker_dy)

                _blit_bars(p, vp.width, px, size, row_key, argb, np.zeros(len(pts), dtype=bool), row_y, MARKER_PX)
            else:
                keys = data.o_colour[pts] * 8 + data.o_alpha[pts]
                _batched(p, keys, px, py, size, size, lambda k: theme.brush(k // 8, k % 8))
            self._point_labels(p, theme, vp.width, pts, x, py, p_pos, rows, out[0] if len(cids) else None,
                               cpos if len(cids) else None, layout)
            out.append((px, py, size, size, pts, np.full(len(pts), -1, dtype=np.int64)))
        if out:
            frame.x, frame.y, frame.w, frame.h, frame.occ, frame.cluster = (np.concatenate(c) for c in zip(*out))

    def _cluster_image(self, p: QPainter, theme: Theme, width: int, layout: LaneLayout, lane_lo: int,
                       lane_hi: int, lane_top: float, cpos: np.ndarray, cx: np.ndarray, cw: np.ndarray,
                       strength: np.ndarray, colour_key: np.ndarray) -> None:
        """Cluster boxes of each lane as one image row, blitted once per lane instead of a rect each."""
        n_rows = lane_hi - lane_lo
        row = cpos - lane_lo
        x0 = np.clip(cx, 0, width).astype(np.int64)
        x1 = np.clip(cx + cw, 0, width).astype(np.int64)
        a = 0.22 + 0.13 * strength
        edges = np.zeros((n_rows, width + 1))
        np.add.at(edges, (row, x0), a)
        np.add.at(edges, (row, x1), -a)
        alpha = np.clip(np.cumsum(edges, axis=1)[:, :width], 0.0, 1.0)
        rgb = np.empty((n_rows, 3))
        neutral = theme.neutral
        rgb[:] = (neutral.red(), neutral.green(), neutral.blue())
        if (colour_key >= 0).any():
            for r, k in zip(row.tolist(), colour_key.tolist()):
                c = theme.colours[k % len(theme.colours)]
                rgb[r] = (c.red(), c.green(), c.blue())
        img = row_image(premultiplied(alpha, rgb[:, None, :]))
        for r in np.unique(row).tolist():
            pos = lane_lo + r
            y = lane_top + layout.top[pos] + layout.point_top(pos)
            h = layout.point_rows[pos] * POINT_ROW_H - 2
            p.drawImage(QRectF(0, y, width, h), img, QRectF(0, r, width, 1))

    def _cluster_brush(self, theme: Theme, colour: int, strength: int) -> QBrush:
        key = ("cluster", colour, strength)
        b = theme._brushes.get(key)
        if b is None:
            c = QColor(theme.colours[colour % len(theme.colours)] if colour >= 0 else theme.neutral)
            c.setAlphaF(0.22 + 0.13 * strength)
            b = QBrush(c)
            theme._brushes[key] = b
        return b

    def measure_small(self, text: str) -> float:
        key = "\x00" + text
        w = self._measure_cache.get(key)
        if w is None:
            w = self.fm_small.horizontalAdvance(text)
            self._measure_cache[key] = w
        return w

    def _spans(self, p: QPainter, theme: Theme, vp: ts.Viewport, lc: LevelCache, layout: LaneLayout, spans: np.ndarray,
               s_pos: np.ndarray, raw_rows: np.ndarray, lane_top: float) -> tuple[np.ndarray, ...]:
        data = self.data
        rows = np.minimum(raw_rows, MAX_SPAN_ROWS - 1)
        x0 = np.maximum(vp.x_of(data.o_start[spans]), -4.0)
        x1 = np.minimum(vp.x_of(data.o_end[spans]), vp.width + 4.0)
        sx = np.round(x0)
        sw = np.maximum(np.round(x1) - sx - 1.0, 2.0)
        rh = layout.span_row_h
        sy = lane_top + layout.top[s_pos] + 3 + rows * (rh + 1)
        sh = np.full(len(spans), float(rh))
        group = lc.span_pos[spans]
        size = lc.span_group_first[group + 1] - lc.span_group_first[group]
        colour = np.where(lc.span_mixed[group], -1, data.o_colour[spans])
        opened = data.open_end[data.o_event[spans]].astype(np.int64)
        keys = ((colour + 1) * 8 + data.o_alpha[spans]) * 2 + opened
        p.setPen(Qt.PenStyle.NoPen)
        if _is_raster(p):
            self._span_image(p, theme, vp.width, sx, sw, rows, s_pos, colour, data.o_alpha[spans], opened,
                             layout, lane_top)
        else:  # vector output (SVG) gets real rectangles and gradients
            _batched(p, keys, sx, sy, sw, sh, lambda k: theme.brush(k // 16 - 1, (k // 2) % 8, bool(k % 2)))
        if rh >= 12:
            # Bars pushed into the last row overlap there: no labels in a lane's overflowing row.
            overflow = np.zeros(len(layout.top), dtype=bool)
            overflow[s_pos[raw_rows >= MAX_SPAN_ROWS]] = True
            labelled = (raw_rows < MAX_SPAN_ROWS - 1) | ~overflow[s_pos]
            p.setFont(self.small)
            p.setPen(theme.text)
            text_dy = (rh - self.fm_small.height()) / 2
            wide = np.flatnonzero((sw >= 40) & labelled)[:MAX_LABELS]
            for i in wide.tolist():
                text_x = max(float(sx[i]), 0.0) + 3
                avail = float(sx[i] + sw[i]) - text_x - 3
                if avail < 40:
                    continue
                n = int(size[i])
                st = (self._label(int(data.o_event[spans[i]]), avail, small=True) if n == 1
                      else self._count_label(n, avail))
                if st is not None:
                    p.drawStaticText(QPointF(text_x, float(sy[i]) + text_dy), st)
        return sx, sy, sw, sh, spans, np.full(len(spans), -1, dtype=np.int64)

    def _span_image(self, p: QPainter, theme: Theme, width: int, sx: np.ndarray, sw: np.ndarray, rows: np.ndarray,
                    s_pos: np.ndarray, colour: np.ndarray, alpha: np.ndarray, opened: np.ndarray,
                    layout: LaneLayout, lane_top: float) -> None:
        """Bars as one image row per (lane, span row), blitted per row: hundreds of periods, a few blits."""
        table = theme.argb_table()  # (colours + neutral) x alpha levels, premultiplied
        argb = table[np.where(colour >= 0, colour % len(theme.colours) + 1, 0), alpha]
        row_key = s_pos * MAX_SPAN_ROWS + rows
        rh = layout.span_row_h

        def row_y(key: int) -> float:
            pos = key // MAX_SPAN_ROWS
            return lane_top + layout.top[pos] + 3 + (key % MAX_SPAN_ROWS) * (rh + 1)

        _blit_bars(p, width, sx, sw, row_key, argb, opened.astype(bool), row_y, rh)

    def _count_label(self, n: int, avail: float) -> QStaticText | None:
        text = f"{n} events"
        if self.measure_small(text) > avail:
            text = str(n)
            if self.measure_small(text) > avail:
                return None
        return self.texts.get(("n", text), text)

    def _label(self, event: int, avail: float, small: bool = False) -> QStaticText | None:
        bucket = int(avail // 24)
        if bucket < 1:
            return None
        key = (event, bucket, small)
        st = self.texts._items.get(key)
        if st is None:
            if self._label_budget <= 0:
                self.incomplete = True  # the next frame lays out the rest
                return None
            self._label_budget -= 1
            summary = self.data.summary(event)
            if not summary:
                return None
            fm = self.fm_small if small else self.fm
            text = fm.elidedText(summary, Qt.TextElideMode.ElideRight, bucket * 24.0)
            if not text or text == "…":
                return None
            st = self.texts.get(key, text)
        return st

    def _point_labels(self, p: QPainter, theme: Theme, tw: float, pts: np.ndarray, x: np.ndarray,
                      py: np.ndarray, lane_pos: np.ndarray, rows: np.ndarray, clusters: tuple | None,
                      c_pos: np.ndarray | None, layout: LaneLayout) -> None:
        """Summaries to the right of points, only where they fit before the next point or cluster."""
        # Obstacles: every point's left edge in its row, and every cluster in each row of its lane.
        ob_lane, ob_row, ob_x = [lane_pos], [rows], [x - MARKER_PX / 2]
        if clusters is not None and c_pos is not None and len(c_pos):
            n_rows = layout.point_rows[c_pos]
            rep = np.repeat(np.arange(len(c_pos)), n_rows)
            within = np.arange(len(rep)) - np.repeat(np.cumsum(n_rows) - n_rows, n_rows)
            ob_lane.append(c_pos[rep])
            ob_row.append(within)
            ob_x.append(clusters[0][rep] - 2)
        group_of = lambda lane, row: lane * 8 + row  # noqa: E731
        ob_g = group_of(np.concatenate(ob_lane), np.concatenate(ob_row)).astype(np.float64)
        ob_xx = np.concatenate(ob_x)
        order = np.lexsort((ob_xx, ob_g))
        ob_g, ob_xx = ob_g[order], ob_xx[order]
        g = group_of(lane_pos, rows).astype(np.float64)
        # Next obstacle strictly right of each point's centre, within the same lane and row.
        key_sorted = ob_g * 1e7 + np.clip(ob_xx, -1e6, 1e6)
        idx = np.searchsorted(key_sorted, g * 1e7 + np.clip(x, -1e6, 1e6), side="right")
        nxt = np.full(len(pts), float(tw))
        has = idx < len(ob_g)
        same = np.zeros(len(pts), dtype=bool)
        same[has] = ob_g[idx[has]] == g[has]
        nxt[same] = np.minimum(ob_xx[idx[same]] - 4, tw)
        avail = nxt - (x + MARKER_PX / 2 + 5)
        fits = np.flatnonzero((avail >= 48) & (x > -MARKER_PX) & (x < tw))
        if len(fits) > MAX_LABELS:
            fits = fits[np.argsort(-avail[fits], kind="stable")[:MAX_LABELS]]
        p.setFont(self.font)
        p.setPen(theme.text)
        text_dy = (MARKER_PX - self.fm.height()) / 2
        for i in fits.tolist():
            st = self._label(int(self.data.o_event[pts[i]]), float(avail[i]))
            if st is not None:
                p.drawStaticText(QPointF(float(x[i]) + MARKER_PX / 2 + 5, float(py[i]) + text_dy), st)

    def _density(self, p: QPainter, vp: ts.Viewport, theme: Theme, layout: LaneLayout, lane_lo: int,
                 lane_hi: int, lane_top: float) -> None:
        counts = self.data.density(vp.t0, vp.px_per_day, vp.width, lane_lo, lane_hi)
        if counts.size == 0 or counts.max() == 0:
            return
        level = np.log1p(counts) / math.log1p(float(counts.max()))
        alpha = np.where(counts > 0, 0.2 + 0.8 * level, 0.0) * (2.0 / 3.0)
        c = theme.text
        # One image row per lane: the whole band is one image, blitted per lane.
        img = row_image(premultiplied(alpha, np.asarray([c.red(), c.green(), c.blue()])))
        h, w = counts.shape
        for row in range(h):
            pos = lane_lo + row
            y = lane_top + layout.top[pos] + layout.height[pos] - DENSITY_H - 1
            p.drawImage(QRectF(0, y, w, DENSITY_H), img, QRectF(0, row, w, 1))

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

