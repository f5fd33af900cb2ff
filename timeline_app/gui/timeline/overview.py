"""TimelineOverview: a strip showing the whole corpus as a histogram with the visible window, draggable."""

from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QPixmap, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.ticks import choose_axis
from timeline_app.core.timeline.viewport import Viewport

log = logging.getLogger(__name__)

_MARGIN = 0.03


class TimelineOverview(QWidget):
    """The whole extent of the (filtered) events in one strip; the visible window as a box.

    Dragging the box, or clicking elsewhere, moves the main view (`window_moved` gives the new
    centre in days); the wheel zooms the main view (`zoom_requested` gives a factor, >1 zooms in).
    """

    window_moved = Signal(float)
    zoom_requested = Signal(float)

    def __init__(self, data: TimelineData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = data
        self._window: tuple[float, float] = (0.0, 1.0)
        self._left = 0  # x where the time area starts, aligned with the main view's lanes
        self._hist_key: tuple | None = None
        self._hist = np.zeros(0)
        self._extent: tuple[float, float] = (0.0, 1.0)
        self._drag_offset: float | None = None
        self._bg: QPixmap | None = None
        self._bg_key: tuple | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(40)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Whole timeline: drag the window or click to move there; wheel to zoom")

    def sizeHint(self) -> QSize:
        return QSize(600, 44)

    def set_left_margin(self, left: int) -> None:
        self._left = left
        self.update()

    def set_window(self, t0: float, t1: float) -> None:
        self._window = (t0, t1)
        self.update()

    def extent(self) -> tuple[float, float]:
        ext = self._data.extent()
        if ext is None:
            return (0.0, 365.0)
        lo, hi = ext
        span = max(hi - lo, 30.0)
        return lo - span * _MARGIN, hi + span * _MARGIN

    def _x_of(self, t: float) -> float:
        lo, hi = self._extent
        return self._left + (t - lo) / (hi - lo) * max(self.width() - self._left, 1)

    def _t_of(self, x: float) -> float:
        lo, hi = self._extent
        return lo + (x - self._left) / max(self.width() - self._left, 1) * (hi - lo)

    def _histogram(self) -> np.ndarray:
        width = max(self.width() - self._left, 1)
        key = (self._data.version, width)
        if key != self._hist_key:
            self._extent = self.extent()
            lo, hi = self._extent
            d = self._data
            centre = d.o_centre[d.o_visible]
            x = ((centre - lo) / (hi - lo) * width).astype(np.int64)
            x = x[(x >= 0) & (x < width)]
            self._hist = np.bincount(x, minlength=width).astype(np.float64)
            self._hist_key = key
        return self._hist

    def year_marks(self) -> list[tuple[float, str]]:
        """Where the strip marks its scale, and the labels. None without events: a scale over nothing
        would show a year the library has nothing in (the placeholder extent starts in 1970)."""
        if self._data.extent() is None:
            return []
        self._histogram()  # sets the extent the marks are placed in
        lo, hi = self._extent
        width = max(self.width() - self._left, 1)
        axis = choose_axis(Viewport(lo, width / (hi - lo), width))
        marks = ((self._x_of(tk.t), tk.label) for tk in axis.context or axis.minor)
        return [(x, label) for x, label in marks if x >= self._left]

    def _background(self) -> QPixmap:
        """Histogram and year marks, redrawn only when the data, size or palette change."""
        hist = self._histogram()
        key = (self._hist_key, self.height(), self.palette().cacheKey(), self.devicePixelRatioF())
        if key == self._bg_key and self._bg is not None:
            return self._bg
        dpr = self.devicePixelRatioF()
        pm = QPixmap(int(self.width() * dpr), int(self.height() * dpr))
        pm.setDevicePixelRatio(dpr)
        pal = self.palette()
        pm.fill(pal.color(QPalette.ColorRole.Window))
        p = QPainter(pm)
        h = self.height()
        text = pal.color(QPalette.ColorRole.Text)
        if hist.size and hist.max() > 0:
            scaled = np.sqrt(hist / hist.max()) * (h - 8)
            bar = QColor(text)
            bar.setAlphaF(0.45)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(bar)
            nz = np.flatnonzero(scaled > 0)
            p.drawRects([QRectF(self._left + float(i), h - 2 - float(scaled[i]), 1.0, float(scaled[i]))
                         for i in nz.tolist()])
        faint = QColor(text)
        faint.setAlphaF(0.5)
        p.setPen(faint)
        font = p.font()
        font.setPointSizeF(max(font.pointSizeF() - 2, 7))
        p.setFont(font)
        for x, label in self.year_marks():
            p.drawLine(QPointF(x, 0), QPointF(x, 5))
            p.drawText(QPointF(x + 2, 11), label)
        p.setPen(QPen(QColor(text.red(), text.green(), text.blue(), 60), 1))
        p.drawLine(QPointF(0, 0.5), QPointF(self.width(), 0.5))
        p.end()
        self._bg, self._bg_key = pm, key
        return pm

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.drawPixmap(0, 0, self._background())
        if self._data.extent() is None:
            p.end()  # no events: no window into them to show
            return
        pal = self.palette()
        h = self.height()
        t0, t1 = self._window
        x0, x1 = self._x_of(t0), self._x_of(t1)
        x0 = max(x0, float(self._left))
        x1 = min(max(x1, x0 + 3.0), float(self.width()))
        hl = pal.color(QPalette.ColorRole.Highlight)
        fill = QColor(hl)
        fill.setAlphaF(0.18)
        p.setBrush(fill)
        p.setPen(QPen(hl, 1.5))
        p.drawRect(QRectF(x0, 1, x1 - x0, h - 2.5))
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        x = event.position().x()
        t0, t1 = self._window
        centre_x = self._x_of((t0 + t1) / 2)
        if self._x_of(t0) - 3 <= x <= self._x_of(t1) + 3:
            self._drag_offset = x - centre_x
        else:
            self._drag_offset = 0.0
            self.window_moved.emit(self._t_of(x))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_offset is not None:
            self.window_moved.emit(self._t_of(event.position().x() - self._drag_offset))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag_offset = None

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_requested.emit(1.25 ** steps)
        event.accept()
