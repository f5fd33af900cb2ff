"""Span bars: an event with a period (a month, a year, 'since 2011') as a bar over it, with its summary."""

from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.label_room import span_label_room
from timeline_app.core.timeline.layout import MAX_LABELS, MAX_SPAN_ROWS, is_band
from timeline_app.core.timeline.scene import EventArea, Placed, clipped_spans, span_brackets
from timeline_app.gui.timeline.layers.labels import LABEL_STEP_PX, Labels
from timeline_app.gui.timeline.raster import batched_rects, blit_bars
from timeline_app.gui.timeline.text import Fonts
from timeline_app.gui.timeline.theme import Theme

log = logging.getLogger(__name__)

_MIN_TEXT_PX = 40.0  # less room than this holds no readable label
FADE_PX = 160.0  # an open-ended bar fades out over its last pixels, solid before: zoomed in it is still a bar


class SpanLayer:
    """Bars coloured by the colour key (neutral for a bar of several colours), lighter the coarser the
    date, fading out at their end when open-ended (the label then ends with an arrow); a period dated
    to a month or a year, zoomed in far past that, is a light band behind the lane. Labels stick to the view's left edge
    while the bar goes on."""

    def __init__(self, data: TimelineData, fonts: Fonts, labels: Labels) -> None:
        self._data = data
        self._fonts = fonts
        self._labels = labels

    def draw(self, p: QPainter, area: EventArea, pl: Placed, theme: Theme, raster: bool) -> None:
        data, lc, lanes = self._data, area.lc, area.lanes
        colour = np.where(lc.span_mixed[lc.span_pos[pl.spans]], -1, data.o_colour[pl.spans])
        opened = data.open_end[data.o_event[pl.spans]]
        alpha = data.o_alpha[pl.spans]
        band = is_band(data.precision_days[data.o_event[pl.spans]], area.vp.px_per_day)
        if band.any():
            self._draw_bands(p, area, pl, np.flatnonzero(band), colour, theme)
        bar = ~band
        rh = lanes.layout.span_row_h
        p.setPen(Qt.PenStyle.NoPen)
        if raster:
            table = theme.argb_table()  # (colours + neutral) x alpha levels, premultiplied
            argb = table[np.where(colour >= 0, colour % len(theme.colours) + 1, 0), alpha]

            def row_y(key: int) -> float:
                pos = key // MAX_SPAN_ROWS
                return lanes.top + lanes.layout.top[pos] + lanes.layout.span_top(pos) + (key % MAX_SPAN_ROWS) * (rh + 1)

            blit_bars(p, area.vp.width, pl.sx[bar], pl.sw[bar], (pl.s_pos * MAX_SPAN_ROWS + pl.s_rows)[bar], argb[bar],
                      opened[bar], row_y, rh, FADE_PX)
            return
        # Vector output (SVG, PDF) gets real rectangles; open periods one by one, each with its fade.
        sx, sw = clipped_spans(pl, area.vp.width)
        solid = bar & ~opened
        keys = (colour + 1) * 8 + alpha
        batched_rects(p, keys[solid], sx[solid], pl.sy[solid], sw[solid], np.full(int(solid.sum()), float(rh)),
                      lambda k: theme.brush(k // 8 - 1, k % 8))
        for i in np.flatnonzero(bar & opened).tolist():
            end = float(pl.sx[i] + pl.sw[i])
            p.setBrush(theme.fade_brush(int(colour[i]), int(alpha[i]), end - min(FADE_PX, float(pl.sw[i])), end))
            p.drawRect(QRectF(float(sx[i]), float(pl.sy[i]), float(sw[i]), float(rh)))

    def _draw_bands(self, p: QPainter, area: EventArea, pl: Placed, which: np.ndarray, colour: np.ndarray,
                    theme: Theme) -> None:
        """Periods far wider than the view's unit (a year at day zoom): a light band from their row to
        the bottom of the lane, behind the points, and a thin line where a bar would be; the label,
        drawn once, stays in the row."""
        lanes = area.lanes
        layout = lanes.layout
        sx, sw = clipped_spans(pl, area.vp.width)
        p.setPen(Qt.PenStyle.NoPen)
        for i in which.tolist():
            pos = int(pl.s_pos[i])
            bottom = lanes.top + float(layout.top[pos] + layout.height[pos]) - 1
            top = float(pl.sy[i])
            p.setBrush(theme.band_brush(int(colour[i]), strong=False))
            p.fillRect(QRectF(float(sx[i]), top, float(sw[i]), bottom - top), p.brush())
            p.fillRect(QRectF(float(sx[i]), top, float(sw[i]), 2.0), theme.band_brush(int(colour[i]), strong=True))

    def draw_labels(self, p: QPainter, area: EventArea, pl: Placed, theme: Theme) -> None:
        """A bar's summary (or its number of events): inside a wide bar, kept at the view's left edge
        while the bar goes on; beside a narrow one, until the next bar of its row, and left of it at the
        view's right edge (span_label_room)."""
        vp, lc, layout = area.vp, area.lc, area.lanes.layout
        rh = layout.span_row_h
        if rh < 12 or not len(pl.spans):
            return
        # Bars pushed into the last row overlap there: no labels in a lane's overflowing row.
        overflow = np.zeros(len(layout.top), dtype=bool)
        overflow[pl.s_pos[pl.s_raw_rows >= MAX_SPAN_ROWS]] = True
        labelled = (pl.s_raw_rows < MAX_SPAN_ROWS - 1) | ~overflow[pl.s_pos]
        group = lc.span_pos[pl.spans]
        size = lc.span_group_first[group + 1] - lc.span_group_first[group]
        p.setFont(self._fonts.small)
        p.setPen(theme.text)
        text_dy = (rh - self._fonts.fm_small.height()) / 2
        events = self._data.o_event[pl.spans]
        opened = self._data.open_end[events]

        def want(bars: np.ndarray) -> np.ndarray:  # the few labels beside a bar at the view's right edge
            widths = np.asarray([self._fonts.measure_small(self._data.summary(int(e)) + (" →" if opened[b] else ""))
                                 for b, e in zip(bars.tolist(), events[bars].tolist())], dtype=float)
            return (np.floor(widths / LABEL_STEP_PX) + 1) * LABEL_STEP_PX  # Labels.summary takes whole steps

        # Labels are drawn over the view each frame (not cached in strips): the view's edge stops them.
        left, room, inside, before = span_label_room(pl.sx, pl.sx + pl.sw, pl.s_pos, pl.s_rows, float(vp.width), want,
                                                     span_brackets(self._data, vp, pl))
        right = left + room
        shown = np.flatnonzero(labelled & (room >= _MIN_TEXT_PX) & (right > _MIN_TEXT_PX) & (left < vp.width))
        for i in shown[:MAX_LABELS].tolist():
            # Inside a bar the text sticks to the view's left edge; beside one it stays by its bar.
            text_x = (max(float(left[i]), 0.0) + 3) if inside[i] else float(left[i])
            avail = float(right[i]) - text_x - (3 if inside[i] else 0)
            if avail < _MIN_TEXT_PX:
                continue
            n = int(size[i])
            # "Since 2011" goes on past its bar: the arrow says so, however far in the view is zoomed.
            st = (self._labels.summary(int(events[i]), avail, small=True, suffix=" →" if opened[i] else "") if n == 1
                  else self._labels.count(n, avail))
            if st is not None:
                if before[i]:  # left of its bar, the text ends by the bar (st.size() is the app font's until drawn)
                    text_x = float(right[i]) - self._fonts.measure_small(st.text())
                self._labels.draw(p, text_x, float(pl.sy[i]) + text_dy, st, occ=int(pl.spans[i]))
