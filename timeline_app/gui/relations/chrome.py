"""What both Relations charts draw around their bars: the title, the legend and the footer."""

from __future__ import annotations

import logging

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from timeline_app.core.library.relations import QUAD_CLASSES, QUAD_NAMES, UNKNOWN_QUAD
from timeline_app.gui.relations.style import ChartStyle

log = logging.getLogger(__name__)

PAD = 8.0
SWATCH = 10.0
SCORE_LEGEND = "Net cooperation score"


def paint_header(qp: QPainter, rect: QRectF, title: str, style: ChartStyle, unknown: bool, score_line: bool) -> float:
    """The title (elided to the width) and the legend under it; returns the y where the chart starts."""
    fm = style.metrics(style.bold)
    qp.setFont(style.bold)
    qp.setPen(style.text)
    line = QRectF(rect.left() + PAD, rect.top() + PAD, rect.width() - 2 * PAD, fm.height())
    qp.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(title, Qt.TextElideMode.ElideRight, line.width()))
    shown = (*QUAD_CLASSES, UNKNOWN_QUAD) if unknown else QUAD_CLASSES
    entries: list[tuple[int | None, str]] = [(q, QUAD_NAMES[q]) for q in shown]
    if score_line:
        entries.append((None, SCORE_LEGEND))
    return _paint_legend(qp, line.bottom() + 4, rect, entries, style)


def _paint_legend(qp: QPainter, top: float, rect: QRectF, entries: list[tuple[int | None, str]],
                  style: ChartStyle) -> float:
    """Swatches and names left to right, wrapping to a new line when the width runs out."""
    fm = style.metrics(style.small)
    qp.setFont(style.small)
    height = max(fm.height(), SWATCH)
    x, y = rect.left() + PAD, top
    for quad, name in entries:
        width = SWATCH + 4 + fm.horizontalAdvance(name)
        if x + width > rect.right() - PAD and x > rect.left() + PAD:
            x, y = rect.left() + PAD, y + height + 2
        middle = y + height / 2
        if quad is None:  # the score is a line, drawn as one
            qp.setPen(QPen(style.line, 2))
            qp.drawLine(QPointF(x, middle), QPointF(x + SWATCH, middle))
        else:
            qp.fillRect(QRectF(x, middle - SWATCH / 2, SWATCH, SWATCH), style.quad(quad))
        qp.setPen(style.text)
        qp.drawText(QRectF(x + SWATCH + 4, y, width, height),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        x += width + 12
    return y + height + PAD


def paint_footer(qp: QPainter, rect: QRectF, footer: str, style: ChartStyle) -> float:
    """The footer in small muted text, wrapped at the width; returns the y where it starts."""
    fm = style.metrics(style.small)
    width = rect.width() - 2 * PAD
    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
    bounds = fm.boundingRect(QRectF(0, 0, width, 1000), flags, footer)
    box = QRectF(rect.left() + PAD, rect.bottom() - PAD - bounds.height(), width, bounds.height())
    qp.setFont(style.small)
    qp.setPen(style.muted)
    qp.drawText(box, flags, footer)
    return box.top() - 4


def paint_message(qp: QPainter, rect: QRectF, text: str, style: ChartStyle) -> None:
    """A sentence in the middle of an empty chart: why there is nothing, and what to do."""
    qp.fillRect(rect, style.background)
    qp.setFont(style.font)
    qp.setPen(style.muted)
    qp.drawText(rect.adjusted(3 * PAD, 0, -3 * PAD, 0),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
