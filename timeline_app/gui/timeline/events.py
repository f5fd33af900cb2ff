"""The events of a timeline frame: density bands, clusters, spans, points and their labels."""

from __future__ import annotations

import logging
import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QStaticText

from timeline_app.core.timeline import timescale as ts
from timeline_app.core.timeline.data import MARKER_PX, LevelCache
from timeline_app.core.timeline.layout import (
    DENSITY_H, LABEL_MAX_PX, MAX_LABELS, MAX_SPAN_ROWS, POINT_ROW_H, LaneLayout, Placed, _Frame,
)
from timeline_app.gui.timeline.theme import Theme, _batched, _blit_bars, _is_raster, premultiplied, row_image

log = logging.getLogger(__name__)

_EDGE_PX = 8.0  # items this close outside an area still touch it (markers, rings)


def _half_up(x: np.ndarray) -> np.ndarray:
    """Round half up: unlike np.round (half to even), shifting x by an integer shifts the result by it."""
    return np.floor(x + 0.5)


class EventsPainter:
    """Everything drawn per event. Mixed into TimelinePainter, whose fonts, text cache and data it uses."""

    # -- geometry ------------------------------------------------------------------------------

    def _place(self, frame: _Frame, vp: ts.Viewport, layout: LaneLayout, lane_lo: int, lane_hi: int,
               lane_top: float) -> Placed:
        """Pixel geometry of the collected items of lanes [lane_lo, lane_hi) in the area `vp`."""
        data = self.data
        lc = frame.lc
        ok = (frame.c_pos >= lane_lo) & (frame.c_pos < lane_hi)
        cids, cpos = frame.cids[ok], frame.c_pos[ok]
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

        ok = (frame.s_pos >= lane_lo) & (frame.s_pos < lane_hi)
        ok[ok] = np.minimum(frame.s_rows[ok], MAX_SPAN_ROWS - 1) < layout.span_rows[frame.s_pos[ok]]
        spans, s_pos, raw = frame.spans[ok], frame.s_pos[ok], frame.s_rows[ok]
        rows = np.minimum(raw, MAX_SPAN_ROWS - 1)
        sx = _half_up(vp.x_of(data.o_start[spans]))
        sw = np.maximum(_half_up(vp.x_of(data.o_end[spans])) - sx - 1.0, 2.0)
        sy = lane_top + layout.top[s_pos] + 3 + rows * (layout.span_row_h + 1)

        ok = (frame.p_pos >= lane_lo) & (frame.p_pos < lane_hi)
        ok[ok] = frame.p_rows[ok] < layout.point_rows[frame.p_pos[ok]]
        pts, p_pos, p_rows = frame.pts[ok], frame.p_pos[ok], frame.p_rows[ok]
        x = vp.x_of(data.o_centre[pts])
        px = _half_up(x - MARKER_PX / 2)
        py = (lane_top + layout.top[p_pos] + layout.point_top(p_pos) + p_rows * POINT_ROW_H
              + (POINT_ROW_H - MARKER_PX) / 2 - 1)
        return Placed(cids, cpos, cx, cy, cw, ch, spans, s_pos, rows, raw, sx, sw, sy, pts, p_pos, p_rows, x, px,
                      py.astype(np.float64))

    @staticmethod
    def _clipped_spans(pl: Placed, width: float) -> tuple[np.ndarray, np.ndarray]:
        """Span extents cut to a few pixels beyond the area, as vector output and hit testing want them."""
        x0 = np.maximum(pl.sx, -4.0)
        x1 = np.minimum(pl.sx + pl.sw + 1.0, width + 4.0)
        return x0, np.maximum(x1 - x0 - 1.0, 2.0)

    def frame_items(self, frame: _Frame, pl: Placed, width: float, span_row_h: int) -> None:
        """Store in `frame` what the area shows, for hit testing and the selection rings."""
        c_on = (pl.cx + pl.cw > -_EDGE_PX) & (pl.cx < width + _EDGE_PX)
        sx, sw = self._clipped_spans(pl, width)
        s_on = (sx + sw > -_EDGE_PX) & (sx < width + _EDGE_PX)
        p_on = (pl.px + MARKER_PX > -_EDGE_PX) & (pl.px < width + _EDGE_PX)
        n_c, n_s, n_p = int(c_on.sum()), int(s_on.sum()), int(p_on.sum())
        frame.x = np.concatenate((pl.cx[c_on], sx[s_on], pl.px[p_on]))
        frame.y = np.concatenate((pl.cy[c_on], pl.sy[s_on], pl.py[p_on]))
        frame.w = np.concatenate((pl.cw[c_on], sw[s_on], np.full(n_p, MARKER_PX)))
        frame.h = np.concatenate((pl.ch[c_on], np.full(n_s, float(span_row_h)), np.full(n_p, MARKER_PX)))
        none = np.full(n_c, -1, dtype=np.int64)
        frame.occ = np.concatenate((none, pl.spans[s_on], pl.pts[p_on])).astype(np.int64)
        frame.cluster = np.concatenate((pl.cids[c_on], np.full(n_s + n_p, -1, dtype=np.int64))).astype(np.int64)

    # -- drawing -------------------------------------------------------------------------------

    def _draw_events(self, p: QPainter, theme: Theme, vp: ts.Viewport, lc: LevelCache, layout: LaneLayout,
                     pl: Placed, lane_lo: int, lane_hi: int, lane_top: float) -> None:
        """Density bands, clusters, span bars, points and point labels of an area (span labels apart:
        they stick to the view's left edge, so the frame draws them)."""
        data = self.data
        width = vp.width
        if len(lc.clusters) and vp.px_per_day < 8.0:
            self._density(p, vp, theme, layout, lane_lo, lane_hi, lane_top)
        raster = _is_raster(p)
        p.setPen(Qt.PenStyle.NoPen)
        if len(pl.cids):
            self._clusters(p, theme, vp, lc, layout, pl, lane_lo, lane_hi, lane_top, raster)
        if len(pl.spans):
            colour = np.where(lc.span_mixed[lc.span_pos[pl.spans]], -1, data.o_colour[pl.spans])
            opened = data.open_end[data.o_event[pl.spans]]
            alpha = data.o_alpha[pl.spans]
            rh = layout.span_row_h
            p.setPen(Qt.PenStyle.NoPen)
            if raster:
                table = theme.argb_table()  # (colours + neutral) x alpha levels, premultiplied
                argb = table[np.where(colour >= 0, colour % len(theme.colours) + 1, 0), alpha]

                def row_y(key: int) -> float:
                    pos = key // MAX_SPAN_ROWS
                    return lane_top + layout.top[pos] + 3 + (key % MAX_SPAN_ROWS) * (rh + 1)

                _blit_bars(p, width, pl.sx, pl.sw, pl.s_pos * MAX_SPAN_ROWS + pl.s_rows, argb, opened, row_y, rh)
            else:  # vector output (SVG) gets real rectangles and gradients
                sx, sw = self._clipped_spans(pl, width)
                keys = ((colour + 1) * 8 + alpha) * 2 + opened.astype(np.int64)
                _batched(p, keys, sx, pl.sy, sw, np.full(len(sx), float(rh)),
                         lambda k: theme.brush(k // 16 - 1, (k // 2) % 8, bool(k % 2)))
        if len(pl.pts):
            p.setPen(Qt.PenStyle.NoPen)
            if raster:
                argb = theme.argb_table()[data.o_colour[pl.pts] % len(theme.colours) + 1, data.o_alpha[pl.pts]]
                marker_dy = (POINT_ROW_H - MARKER_PX) / 2 - 1

                def marker_y(key: int) -> float:
                    pos = key // 8
                    return (lane_top + layout.top[pos] + layout.point_top(pos) + (key % 8) * POINT_ROW_H
                            + marker_dy)

                on = (pl.px + MARKER_PX > 0) & (pl.px < width)  # the others are there for the labels
                _blit_bars(p, width, pl.px[on], np.full(int(on.sum()), MARKER_PX), (pl.p_pos * 8 + pl.p_rows)[on],
                           argb[on], np.zeros(int(on.sum()), dtype=bool), marker_y, MARKER_PX)
            else:
                keys = data.o_colour[pl.pts] * 8 + data.o_alpha[pl.pts]
                size = np.full(len(pl.pts), MARKER_PX)
                _batched(p, keys, pl.px, pl.py, size, size, lambda k: theme.brush(k // 8, k % 8))
            self._point_labels(p, theme, width, pl, layout)

    def _clusters(self, p: QPainter, theme: Theme, vp: ts.Viewport, lc: LevelCache, layout: LaneLayout,
                  pl: Placed, lane_lo: int, lane_hi: int, lane_top: float, raster: bool) -> None:
        """A box over each cluster's bin with the number of events in it, stronger the more there are."""
        cl = lc.clusters
        counts = cl.count[pl.cids]
        # Strength against the level's largest cluster, not the view's: the same at every pan.
        top = max(float(np.log2(cl.count.max())), 1.0)
        strength = np.minimum((np.log2(counts) / top * 4).astype(np.int64), 3)
        colour_key = np.full(len(pl.cids), -1, dtype=np.int64)
        if self._colour_is_lane():
            lane_colour = self._lane_colour_index()
            colour_key = np.asarray([lane_colour.get(int(l), 0) for l in cl.lane[pl.cids].tolist()], dtype=np.int64)
        if raster:
            self._cluster_image(p, theme, vp.width, layout, lane_lo, lane_hi, lane_top, pl.c_pos, pl.cx, pl.cw,
                                strength, colour_key)
        else:  # vector output (SVG) gets real rectangles
            keys = (colour_key + 1) * 4 + strength
            _batched(p, keys, pl.cx, pl.cy, pl.cw, pl.ch, lambda k: self._cluster_brush(theme, k // 4 - 1, k % 4))
        p.setFont(self.small)
        p.setPen(theme.text)
        fh = self.fm_small.height()
        # One label text per distinct count: measure those, then draw where the box is wide enough.
        distinct, which = np.unique(counts, return_inverse=True)
        labels = [str(n) if n < 10000 else f"{n // 1000}k" for n in distinct.tolist()]
        lw = np.asarray([self.measure_small(t) for t in labels])[which]
        on = np.flatnonzero((pl.cx + pl.cw > 0) & (pl.cx < vp.width) & (lw + 4 <= pl.cw))
        tx = np.floor(pl.cx + (pl.cw - lw) / 2 + 0.5)
        ty = pl.cy + (pl.ch - fh) / 2
        for x, y, k in zip(tx[on].tolist(), ty[on].tolist(), which[on].tolist()):
            p.drawStaticText(QPointF(x, y), self.texts.get(("c", labels[k]), labels[k]))

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
        for r in np.unique(row[x1 > x0]).tolist():
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

    def _span_labels(self, p: QPainter, theme: Theme, vp: ts.Viewport, lc: LevelCache, layout: LaneLayout,
                     pl: Placed) -> None:
        """A bar's summary (or its number of events), kept at the view's left edge while the bar goes on."""
        rh = layout.span_row_h
        if rh < 12 or not len(pl.spans):
            return
        sx, sw = self._clipped_spans(pl, vp.width)
        # Bars pushed into the last row overlap there: no labels in a lane's overflowing row.
        overflow = np.zeros(len(layout.top), dtype=bool)
        overflow[pl.s_pos[pl.s_raw_rows >= MAX_SPAN_ROWS]] = True
        labelled = (pl.s_raw_rows < MAX_SPAN_ROWS - 1) | ~overflow[pl.s_pos]
        group = lc.span_pos[pl.spans]
        size = lc.span_group_first[group + 1] - lc.span_group_first[group]
        p.setFont(self.small)
        p.setPen(theme.text)
        text_dy = (rh - self.fm_small.height()) / 2
        wide = np.flatnonzero((sw >= 40) & labelled & (sx + sw > 40) & (sx < vp.width))[:MAX_LABELS]
        for i in wide.tolist():
            text_x = max(float(sx[i]), 0.0) + 3
            avail = float(sx[i] + sw[i]) - text_x - 3
            if avail < 40:
                continue
            n = int(size[i])
            st = (self._label(int(self.data.o_event[pl.spans[i]]), avail, small=True) if n == 1
                  else self._count_label(n, avail))
            if st is not None:
                p.drawStaticText(QPointF(text_x, float(pl.sy[i]) + text_dy), st)

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

    def _point_labels(self, p: QPainter, theme: Theme, width: float, pl: Placed, layout: LaneLayout) -> None:
        """Summaries to the right of points, only where they fit before the next point or cluster.

        The room a label gets depends on its neighbours only, never on the edges of the area drawn,
        so an area drawn in pieces looks the same as one drawn whole.
        """
        x, lane_pos, rows = pl.p_x, pl.p_pos, pl.p_rows
        # Obstacles: every point's left edge in its row, and every cluster in each row of its lane.
        ob_lane, ob_row, ob_x = [lane_pos], [rows], [x - MARKER_PX / 2]
        if len(pl.c_pos):
            n_rows = layout.point_rows[pl.c_pos]
            rep = np.repeat(np.arange(len(pl.c_pos)), n_rows)
            within = np.arange(len(rep)) - np.repeat(np.cumsum(n_rows) - n_rows, n_rows)
            ob_lane.append(pl.c_pos[rep])
            ob_row.append(within)
            ob_x.append(pl.cx[rep] - 2)
        group_of = lambda lane, row: lane * 8 + row  # noqa: E731
        ob_g = group_of(np.concatenate(ob_lane), np.concatenate(ob_row)).astype(np.float64)
        ob_xx = np.concatenate(ob_x)
        order = np.lexsort((ob_xx, ob_g))
        ob_g, ob_xx = ob_g[order], ob_xx[order]
        g = group_of(lane_pos, rows).astype(np.float64)
        # Next obstacle strictly right of each point's centre, within the same lane and row.
        key_sorted = ob_g * 1e7 + np.clip(ob_xx, -1e6, 1e6)
        idx = np.searchsorted(key_sorted, g * 1e7 + np.clip(x, -1e6, 1e6), side="right")
        left = x + MARKER_PX / 2 + 5
        end = left + LABEL_MAX_PX
        has = idx < len(ob_g)
        same = np.zeros(len(x), dtype=bool)
        same[has] = ob_g[idx[has]] == g[has]
        end[same] = np.minimum(ob_xx[idx[same]] - 4, end[same])
        avail = end - left
        fits = np.flatnonzero((avail >= 48) & (left < width) & (end > 0))
        if (left[fits] < 0).any():
            # Labels of points left of the area: only those whose text is long enough to reach in.
            data = self.data

            def reaches_in(i: int) -> bool:
                return left[i] >= 0 or left[i] + self.measure(data.summary(int(data.o_event[pl.pts[i]]))) + 4 > 0

            fits = np.asarray([i for i in fits.tolist() if reaches_in(i)], dtype=np.int64)
        if len(fits) > MAX_LABELS:
            fits = fits[np.argsort(-avail[fits], kind="stable")[:MAX_LABELS]]
        p.setFont(self.font)
        p.setPen(theme.text)
        text_dy = (MARKER_PX - self.fm.height()) / 2
        # Whole pixels: Qt moves a laid-out text by truncated 1/64 px steps, which round a text that
        # starts left of the area (negative x) differently from the same text drawn further right.
        left_px = _half_up(left)
        for i in fits.tolist():
            st = self._label(int(self.data.o_event[pl.pts[i]]), float(avail[i]))
            if st is not None:
                p.drawStaticText(QPointF(float(left_px[i]), float(pl.py[i]) + text_dy), st)

    def _density(self, p: QPainter, vp: ts.Viewport, theme: Theme, layout: LaneLayout, lane_lo: int,
                 lane_hi: int, lane_top: float) -> None:
        counts = self.data.bands.counts(vp, lane_lo, lane_hi)
        if counts.size == 0 or counts.max() == 0:
            return
        level = np.minimum(np.log1p(counts) / math.log1p(self.data.bands.peak(vp.px_per_day)), 1.0)
        alpha = np.where(counts > 0, 0.2 + 0.8 * level, 0.0) * (2.0 / 3.0)
        c = theme.text
        # One image row per lane: the whole band is one image, blitted per lane.
        img = row_image(premultiplied(alpha, np.asarray([c.red(), c.green(), c.blue()])))
        h, w = counts.shape
        for row in range(h):
            pos = lane_lo + row
            y = lane_top + layout.top[pos] + layout.height[pos] - DENSITY_H - 1
            p.drawImage(QRectF(0, y, w, DENSITY_H), img, QRectF(0, row, w, 1))
