"""Uncertain dates on the timeline: a dashed outline around each point and bar whose date has two readings."""

from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.layout import MARKER_PX, is_band
from timeline_app.core.timeline.scene import EventArea, Placed, clipped_spans
from timeline_app.gui.timeline.theme import Theme

log = logging.getLogger(__name__)

RING_PX = 2.0  # the outline stands this far off its marker or bar, so the colour inside stays whole
DASH = (2.0, 2.0)  # dash and gap, in pen widths: the outline reads as broken even around an 8 px marker


def uncertain_pen(theme: Theme) -> QPen:
    """The dashed pen of an uncertain date's outline (the legend of an image draws its sample with it)."""
    pen = QPen(theme.text, 1.0)
    pen.setDashPattern(list(DASH))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


class UncertainLayer:
    """Dashed outlines over the points and bars of events whose date is uncertain (datemod.APPROX).

    Uncertain dates are few, so each outline is one drawRect; the other events cost one mask lookup."""

    def __init__(self, data: TimelineData) -> None:
        self._data = data

    def draw(self, p: QPainter, area: EventArea, pl: Placed, theme: Theme) -> None:
        uncertain = self._data.uncertain
        if not uncertain.any():
            return
        events = self._data.o_event
        pts = np.flatnonzero(uncertain[events[pl.pts]]) if len(pl.pts) else np.zeros(0, dtype=np.int64)
        spans = np.flatnonzero(uncertain[events[pl.spans]]) if len(pl.spans) else np.zeros(0, dtype=np.int64)
        if not len(pts) and not len(spans):
            return
        p.save()
        p.setPen(uncertain_pen(theme))
        p.setBrush(Qt.BrushStyle.NoBrush)
        size = MARKER_PX + 2 * RING_PX - 1
        for x, y in zip(pl.px[pts].tolist(), pl.py[pts].tolist()):
            p.drawRect(QRectF(x - RING_PX + 0.5, y - RING_PX + 0.5, size, size))
        if len(spans):
            band = is_band(self._data.precision_days[events[pl.spans[spans]]], area.vp.px_per_day)
            spans = spans[~band]  # a band fills its lane: its outline would box the lane, not the date
            sx, sw = clipped_spans(pl, area.vp.width)
            rh = float(area.lanes.layout.span_row_h)
            for i in spans.tolist():
                p.drawRect(QRectF(float(sx[i]) - RING_PX + 0.5, float(pl.sy[i]) - RING_PX + 0.5,
                                  float(sw[i]) + 2 * RING_PX - 1, rh + 2 * RING_PX - 1))
        p.restore()
