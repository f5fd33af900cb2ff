"""RelationsChart: draws a Relations figure, shows the numbers of the bar under the mouse, reports clicks."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from timeline_app.gui.relations.chrome import paint_message
from timeline_app.gui.relations.figure import (
    BarKey, PartnersFigure, TimeFigure, partner_tooltip, period_tooltip,
)
from timeline_app.gui.relations.partners_chart import PartnersLayout, paint_partners
from timeline_app.gui.relations.style import ChartStyle
from timeline_app.gui.relations.time_chart import TimeLayout, paint_time

log = logging.getLogger(__name__)

Figure = TimeFigure | PartnersFigure


def paint_figure(qp: QPainter, rect: QRectF, figure: Figure, style: ChartStyle, hovered: BarKey | None = None,
                 chosen: BarKey | None = None, pair: str = "") -> TimeLayout | PartnersLayout:
    """One drawing for the screen and for every file format (PNG, SVG, PDF)."""
    if isinstance(figure, TimeFigure):
        return paint_time(qp, rect, figure, style, hovered, chosen)
    return paint_partners(qp, rect, figure, style, hovered, chosen, pair)


class RelationsChart(QWidget):
    """The chart of the Relations dock. Emits `bar_clicked(BarKey | None)` (None: a click beside the bars)
    and `bar_double_clicked(BarKey)`."""

    bar_clicked = Signal(object)
    bar_double_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setMinimumSize(280, 220)
        self.figure: Figure | None = None
        self.message = ""
        self.hovered: BarKey | None = None
        self.chosen: BarKey | None = None
        self.pair = ""  # in the partners chart, the partner the time chart shows
        self.layout_: TimeLayout | PartnersLayout | None = None

    def sizeHint(self) -> QSize:
        return QSize(520, 360)

    def set_figure(self, figure: Figure | None, message: str = "") -> None:
        """Show `figure`, or `message` (why there is nothing to show, and what to do) when it is None."""
        self.figure = figure
        self.message = message
        self.hovered = None
        self.layout_ = None
        self.update()

    def set_chosen(self, key: BarKey | None) -> None:
        self.chosen = key
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        qp = QPainter(self)
        qp.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        style = ChartStyle.from_palette(self.palette(), self.font())
        rect = QRectF(self.rect())
        if self.figure is None:
            paint_message(qp, rect, self.message, style)
            self.layout_ = None
        else:
            self.layout_ = paint_figure(qp, rect, self.figure, style, self.hovered, self.chosen, self.pair)
        qp.end()

    def key_at(self, pos: QPointF) -> BarKey | None:
        return self.layout_.key_at(pos) if self.layout_ is not None else None

    def tooltip(self, key: BarKey) -> str:
        """The numbers of the bar `key` names, as the hover shows them."""
        fig = self.figure
        if isinstance(fig, TimeFigure) and key.period is not None:
            return period_tooltip(fig, key.period - fig.series.first)
        if isinstance(fig, PartnersFigure) and key.partner in fig.partners.codes:
            return partner_tooltip(fig, fig.partners.codes.index(key.partner))
        return ""

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        key = self.key_at(event.position())
        whole = key.whole() if key is not None else None
        if whole != self.hovered:
            self.hovered = whole
            self.update()
        if key is None:
            QToolTip.hideText()
            self.unsetCursor()
        else:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            QToolTip.showText(event.globalPosition().toPoint(), self.tooltip(key), self)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.figure is not None:
            self.bar_clicked.emit(self.key_at(event.position()))
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        key = self.key_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and key is not None:
            self.bar_double_clicked.emit(key)
        super().mouseDoubleClickEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self.hovered is not None:
            self.hovered = None
            self.update()
        super().leaveEvent(event)
