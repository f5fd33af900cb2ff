"""Points: an event of a day (or a period too short to show at this zoom) as a marker with its summary."""

from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter

from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.label_room import point_label_room
from timeline_app.core.timeline.layout import MARKER_PX, MAX_LABELS, POINT_ROW_H
from timeline_app.core.timeline.scene import EventArea, Placed, half_up
from timeline_app.gui.timeline.layers.labels import LABEL_STEP_PX, Labels
from timeline_app.gui.timeline.raster import batched_rects, blit_bars
from timeline_app.gui.timeline.text import Fonts
from timeline_app.gui.timeline.theme import Theme

log = logging.getLogger(__name__)


class PointLayer:
    """Square markers in rows per lane, coloured by the colour key, with summaries to their right."""

    def __init__(self, data: TimelineData, fonts: Fonts, labels: Labels) -> None:
        self._data = data
        self._fonts = fonts
        self._labels = labels

    def draw(self, p: QPainter, area: EventArea, pl: Placed, theme: Theme, raster: bool) -> None:
        data, lanes, width = self._data, area.lanes, area.vp.width
        p.setPen(Qt.PenStyle.NoPen)
        if raster:
            argb = theme.argb_table()[data.o_colour[pl.pts] % len(theme.colours) + 1, data.o_alpha[pl.pts]]
            marker_dy = (POINT_ROW_H - MARKER_PX) / 2 - 1
            layout = lanes.layout

            def marker_y(key: int) -> float:
                pos = key // 8
                return lanes.top + layout.top[pos] + layout.point_top(pos) + (key % 8) * POINT_ROW_H + marker_dy

            on = (pl.px + MARKER_PX > 0) & (pl.px < width)  # the others are there for the labels
            blit_bars(p, width, pl.px[on], np.full(int(on.sum()), MARKER_PX), (pl.p_pos * 8 + pl.p_rows)[on],
                      argb[on], np.zeros(int(on.sum()), dtype=bool), marker_y, MARKER_PX)
        else:
            keys = data.o_colour[pl.pts] * 8 + data.o_alpha[pl.pts]
            size = np.full(len(pl.pts), MARKER_PX)
            batched_rects(p, keys, pl.px, pl.py, size, size, lambda k: theme.brush(k // 8, k % 8))
        self._draw_labels(p, area, pl, theme)

    def _draw_labels(self, p: QPainter, area: EventArea, pl: Placed, theme: Theme) -> None:
        """Summaries to the right of points, only where they fit before the next point or cluster
        (core.timeline.label_room), shortened at a word boundary when they do not fit whole; the
        last ones left of their points, where the shown events end."""
        width, fonts = area.vp.width, self._fonts
        extent = self._data.extent()
        stop = float(area.vp.x_of(extent[1])) if extent is not None else np.inf
        data = self._data

        def want(points: np.ndarray) -> np.ndarray:  # the few labels that reach the end of the data
            widths = [fonts.measure(data.summary(int(e))) for e in data.o_event[pl.pts[points]].tolist()]
            return (np.floor(np.asarray(widths, dtype=float) / LABEL_STEP_PX) + 1) * LABEL_STEP_PX

        left, avail, before = point_label_room(pl.p_x, pl.p_pos, pl.p_rows, pl.c_pos, pl.cx, pl.cw, stop, want)
        if area.labels_in_view:  # an image has no view to pan: its edges stop labels, they never cut one
            avail = np.where(left < 0, 0.0, np.minimum(avail, width - 2 - left))
        end = left + avail
        fits = np.flatnonzero((avail >= 48) & (left < width) & (end > 0))
        if (left[fits] < 0).any():
            # Labels of points left of the area: only those whose text is long enough to reach in.
            def reaches_in(i: int) -> bool:
                return left[i] >= 0 or bool(before[i]) or \
                    left[i] + fonts.measure(data.summary(int(data.o_event[pl.pts[i]]))) + 4 > 0

            fits = np.asarray([i for i in fits.tolist() if reaches_in(i)], dtype=np.int64)
        if len(fits) > MAX_LABELS:
            fits = fits[np.argsort(-avail[fits], kind="stable")[:MAX_LABELS]]
        p.setFont(fonts.normal)
        p.setPen(theme.text)
        text_dy = (MARKER_PX - fonts.fm.height()) / 2
        # Whole pixels: Qt moves a laid-out text by truncated 1/64 px steps, which round a text that
        # starts left of the area (negative x) differently from the same text drawn further right.
        left_px = half_up(left)
        for i in fits.tolist():
            st = self._labels.summary(int(self._data.o_event[pl.pts[i]]), float(avail[i]))
            if st is not None:
                # A label before its point ends at the point, however long its text.
                x = float(half_up(end[i] - st.size().width())) if before[i] else float(left_px[i])
                self._labels.draw(p, x, float(pl.py[i]) + text_dy, st, occ=int(pl.pts[i]))
