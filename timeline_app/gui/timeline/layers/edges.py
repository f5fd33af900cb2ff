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

    def draw(self, p: QPainter, geo: FrameGeometry, theme: Theme) -> dict[str, tuple[float, float, float, float]]:
        """Draw the arrows; their boxes (widget coordinates) by side, for hover and click."""
        vp = geo.vp
        before, after = self._data.outside(vp.t0, vp.t1)
        boxes: dict[str, tuple[float, float, float, float]] = {}
        fonts = self._fonts
        p.save()
        p.setFont(fonts.small)
        h = fonts.fm_small.height() + 4
        y = AXIS_H - h - 2
        for side, count in (("before", before), ("after", after)):
            if count <= 0:
                continue
            text = f"◀ {count:,} earlier" if side == "before" else f"{count:,} later ▶"
            w = fonts.measure_small(text) + 2 * _PAD
            x = HEADER_W + 2 if side == "before" else geo.width - w - 2
            box = QRectF(x, y, w, h)
            p.setPen(theme.grid_strong)
            p.setBrush(theme.window)
            p.drawRoundedRect(box, 3, 3)
            p.setPen(theme.highlight)
            p.drawStaticText(QPointF(x + _PAD, y + 2), fonts.texts.get(("s", text), text))
            boxes[side] = (x, y, w, h)
        p.restore()
        return boxes
