"""Arrows at the ends of the axis that say how many events lie out of view before and after it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter

from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.layout import AXIS_H, HEADER_W, FrameGeometry
from timeline_app.gui.timeline.text import Fonts
from timeline_app.gui.timeline.theme import Theme

log = logging.getLogger(__name__)

_PAD = 5.0


class EdgeLayer:
    """'◀ 3 earlier' at the left end of the axis's lower row, '12 later ▶' at the right end, on a
    tab over the tick labels; only when shown events lie wholly outside the view (Fit leaves far
    outliers out: this is how the user learns they exist)."""

    def __init__(self, data: TimelineData, fonts: Fonts) -> None:
        self._data = data
        self._fonts = fonts

    def boxes(self, geo: FrameGeometry) -> dict[str, tuple[str, QRectF]]:
        """Each arrow's text and box (widget coordinates) by side; none for a side with nothing beyond it."""
        vp = geo.vp
        before, after = self._data.outside(vp.t0, vp.t1)
        h = self._fonts.fm_small.height() + 4
        y = AXIS_H - h - 2
        boxes: dict[str, tuple[str, QRectF]] = {}
        for side, count in (("before", before), ("after", after)):
            if count <= 0:
                continue
            text = f"◀ {count:,} earlier" if side == "before" else f"{count:,} later ▶"
            w = self._fonts.measure_small(text) + 2 * _PAD
            x = HEADER_W + 2 if side == "before" else geo.width - w - 2
            boxes[side] = (text, QRectF(x, y, w, h))
        return boxes

    def draw(self, p: QPainter, boxes: dict[str, tuple[str, QRectF]],
             theme: Theme) -> dict[str, tuple[float, float, float, float]]:
        """Draw the arrows `boxes` gives; their boxes (x, y, w, h) by side, for hover and click."""
        p.save()
        p.setFont(self._fonts.small)
        drawn: dict[str, tuple[float, float, float, float]] = {}
        for side, (text, box) in boxes.items():
            p.setPen(theme.grid_strong)
            p.setBrush(theme.window)
            p.drawRoundedRect(box, 3, 3)
            p.setPen(theme.highlight)
            p.drawStaticText(QPointF(box.x() + _PAD, box.y() + 2), self._fonts.texts.get(("s", text), text))
            drawn[side] = (box.x(), box.y(), box.width(), box.height())
        p.restore()
        return drawn
