"""Span bars: an event with a period (a month, a year, 'since 2011') as a bar over it, with its summary."""

from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter

from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.layout import MAX_LABELS, MAX_SPAN_ROWS
from timeline_app.core.timeline.scene import EventArea, Placed, clipped_spans
from timeline_app.gui.timeline.layers.labels import Labels
from timeline_app.gui.timeline.raster import batched_rects, blit_bars
from timeline_app.gui.timeline.text import Fonts
from timeline_app.gui.timeline.theme import Theme

log = logging.getLogger(__name__)


class SpanLayer:
    """Bars coloured by the colour key (neutral for a bar of several colours), lighter the coarser the
    date, fading out when open-ended; their labels stick to the view's left edge while the bar goes on."""

    def __init__(self, data: TimelineData, fonts: Fonts, labels: Labels) -> None:
        self._data = data
        self._fonts = fonts
        self._labels = labels

    def draw(self, p: QPainter, area: EventArea, pl: Placed, theme: Theme, raster: bool) -> None:
        data, lc, lanes = self._data, area.lc, area.lanes
        colour = np.where(lc.span_mixed[lc.span_pos[pl.spans]], -1, data.o_colour[pl.spans])
        opened = data.open_end[data.o_event[pl.spans]]
        alpha = data.o_alpha[pl.spans]
        rh = lanes.layout.span_row_h
        p.setPen(Qt.PenStyle.NoPen)
        if raster:
            table = theme.argb_table()  # (colours + neutral) x alpha levels, premultiplied
            argb = table[np.where(colour >= 0, colour % len(theme.colours) + 1, 0), alpha]

            def row_y(key: int) -> float:
                pos = key // MAX_SPAN_ROWS
                return lanes.top + lanes.layout.top[pos] + 3 + (key % MAX_SPAN_ROWS) * (rh + 1)

            blit_bars(p, area.vp.width, pl.sx, pl.sw, pl.s_pos * MAX_SPAN_ROWS + pl.s_rows, argb, opened, row_y, rh)
        else:  # vector output (SVG) gets real rectangles and gradients
            sx, sw = clipped_spans(pl, area.vp.width)
            keys = ((colour + 1) * 8 + alpha) * 2 + opened.astype(np.int64)
            batched_rects(p, keys, sx, pl.sy, sw, np.full(len(sx), float(rh)),
                          lambda k: theme.brush(k // 16 - 1, (k // 2) % 8, bool(k % 2)))

    def draw_labels(self, p: QPainter, area: EventArea, pl: Placed, theme: Theme) -> None:
        """A bar's summary (or its number of events), kept at the view's left edge while the bar goes on."""
        vp, lc, layout = area.vp, area.lc, area.lanes.layout
        rh = layout.span_row_h
        if rh < 12 or not len(pl.spans):
            return
        sx, sw = clipped_spans(pl, vp.width)
        # Bars pushed into the last row overlap there: no labels in a lane's overflowing row.
        overflow = np.zeros(len(layout.top), dtype=bool)
        overflow[pl.s_pos[pl.s_raw_rows >= MAX_SPAN_ROWS]] = True
        labelled = (pl.s_raw_rows < MAX_SPAN_ROWS - 1) | ~overflow[pl.s_pos]
        group = lc.span_pos[pl.spans]
        size = lc.span_group_first[group + 1] - lc.span_group_first[group]
        p.setFont(self._fonts.small)
        p.setPen(theme.text)
        text_dy = (rh - self._fonts.fm_small.height()) / 2
        wide = np.flatnonzero((sw >= 40) & labelled & (sx + sw > 40) & (sx < vp.width))[:MAX_LABELS]
        for i in wide.tolist():
            text_x = max(float(sx[i]), 0.0) + 3
            avail = float(sx[i] + sw[i]) - text_x - 3
            if avail < 40:
                continue
            n = int(size[i])
            st = (self._labels.summary(int(self._data.o_event[pl.spans[i]]), avail, small=True) if n == 1
                  else self._labels.count(n, avail))
            if st is not None:
                self._labels.draw(p, text_x, float(pl.sy[i]) + text_dy, st, occ=int(pl.spans[i]))
