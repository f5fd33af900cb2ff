"""Part of a period ("early 2019", "mid-March"): a thin bracket across the whole period behind the bar of its third."""

from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QPainter, QPen

from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.scene import EventArea, Placed, span_brackets
from timeline_app.gui.timeline.theme import Theme

log = logging.getLogger(__name__)


class PartLayer:
    """A line along the foot of the row across the whole period, with a tick at each end, under the
    bar (or band) of the part that is drawn (core.timeline.columns.PART_OF_PERIOD): "early 2019" reads as the first
    months of 2019, not as a period of its own from January to April, and a full-year bar has no bracket.

    Such dates are few, so each bracket is three lines; the other bars cost one mask lookup."""

    def __init__(self, data: TimelineData) -> None:
        self._data = data

    def draw(self, p: QPainter, area: EventArea, pl: Placed, theme: Theme) -> None:
        data = self._data
        if not len(pl.spans) or not data.part.any():
            return
        events = data.o_event[pl.spans]
        which = np.flatnonzero(data.part[events])
        if not len(which):
            return
        vp = area.vp
        x0, x1 = (x[which] for x in span_brackets(data, vp, pl))
        rh = float(area.lanes.layout.span_row_h)
        p.save()
        for i, a, b in zip(which.tolist(), x0.tolist(), x1.tolist()):
            top = float(pl.sy[i])
            low = top + rh - 1.5  # along the row's foot; labels keep off it (label_room.span_label_room)
            p.setPen(QPen(theme.colour(int(data.o_colour[pl.spans[i]])), 1.0, Qt.PenStyle.SolidLine,
                          Qt.PenCapStyle.FlatCap))
            p.drawLine(QLineF(max(a, -4.0), low, min(b + 1.0, vp.width + 4.0), low))
            for x in (a + 0.5, b + 0.5):  # the period's first and last pixel, off the view when it is cut
                p.drawLine(QLineF(x, top + rh / 2, x, low))
        p.restore()
