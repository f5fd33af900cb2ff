"""LaneScrollBar: the timeline lanes' vertical scroll bar, painted flat."""

from __future__ import annotations

import logging

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QScrollBar, QStyle, QStyleOptionSlider

log = logging.getLogger(__name__)


class LaneScrollBar(QScrollBar):
    """The lanes' vertical scroll bar, painted flat: the style's scroll bar costs ~2 ms a repaint."""

    def paintEvent(self, event: QPaintEvent) -> None:
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        handle = self.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, opt,
                                             QStyle.SubControl.SC_ScrollBarSlider, self)
        pal = self.palette()
        p = QPainter(self)
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Window))
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(Qt.PenStyle.NoPen)
        colour = QColor(pal.color(QPalette.ColorRole.Text))
        colour.setAlphaF(0.5 if self.underMouse() or self.isSliderDown() else 0.3)
        p.setBrush(colour)
        p.drawRoundedRect(QRectF(handle).adjusted(3, 2, -3, -2), 3, 3)
        p.end()
