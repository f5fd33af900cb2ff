"""The partners chart: a country's most frequent counterparts, ranked, as bars stacked by QuadClass."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from timeline_app.gui.relations.chrome import PAD, paint_footer, paint_header
from timeline_app.gui.relations.figure import BarKey, PartnersFigure
from timeline_app.gui.relations.scales import format_tick, nice_ticks
from timeline_app.gui.relations.style import STACK_ORDER, ChartStyle

log = logging.getLogger(__name__)

MAX_ROW = 26.0  # a row's height when there is room to spare
LABEL_SHARE = 0.3  # of the width at most for the partners' names


@dataclass(frozen=True)
class PartnersLayout:
    top: float
    row_height: float
    bar_left: float
    right: float
    scale: float
    codes: tuple[str, ...]
    values: np.ndarray

    def key_at(self, pos: QPointF) -> BarKey | None:
        row = int((pos.y() - self.top) // self.row_height) if pos.y() >= self.top else -1
        if not 0 <= row < len(self.codes) or pos.x() > self.right:
            return None
        x = self.bar_left
        for q in STACK_ORDER:
            width = self.values[row, q] * self.scale
            if width > 0 and x <= pos.x() <= x + width:
                return BarKey(partner=self.codes[row], quad=q)
            x += width
        return BarKey(partner=self.codes[row])

    def row_rect(self, code: str) -> QRectF | None:
        if code not in self.codes:
            return None
        row = self.codes.index(code)
        return QRectF(PAD, self.top + row * self.row_height, self.right - PAD, self.row_height)


def paint_partners(qp: QPainter, rect: QRectF, fig: PartnersFigure, style: ChartStyle,
                   hovered: BarKey | None = None, chosen: BarKey | None = None, pair: str = "") -> PartnersLayout:
    """Draw the chart into `rect`; `pair`, the partner charted over time, has its name in bold."""
    qp.fillRect(rect, style.background)
    values = fig.values()
    p = fig.partners
    top = paint_header(qp, rect, fig.title, style, bool(values[:, 0].any()), False)
    bottom = paint_footer(qp, rect, fig.footer, style)
    fm = style.metrics(style.small)
    names = [fig.names.get(c, c) for c in p.codes]
    label_w = min(max((style.metrics(style.font).horizontalAdvance(n) for n in names), default=0) + 8,
                  rect.width() * LABEL_SHARE)
    totals = values.sum(axis=1)
    ticks = nice_ticks(0, float(totals.max()) if len(totals) else 1.0, whole=True)
    count_w = fm.horizontalAdvance(f"{int(ticks[-1]):,}") + 8
    bar_left, right = rect.left() + PAD + label_w, rect.right() - PAD - count_w
    rows_h = bottom - top - fm.height() - 4
    row_h = min(MAX_ROW, rows_h / max(len(p.codes), 1))
    layout = PartnersLayout(top, row_h, bar_left, right, (right - bar_left) / ticks[-1], p.codes, values)
    for t in ticks:  # the scale under the rows
        x = bar_left + t * layout.scale
        axis_y = top + row_h * len(p.codes)
        qp.fillRect(QRectF(x, top, 1, axis_y - top), style.grid)
        qp.setFont(style.small)
        qp.setPen(style.muted)
        qp.drawText(QRectF(x - 30, axis_y + 2, 60, fm.height()), Qt.AlignmentFlag.AlignHCenter, format_tick(t))
    for key, colour in ((hovered, style.grid), (chosen, style.highlight)):
        box = layout.row_rect(key.partner) if key is not None and key.partner else None
        if box is not None:
            tint = QColor(colour)
            tint.setAlphaF(min(tint.alphaF(), 0.15))
            qp.fillRect(box, tint)
    for row, (code, name) in enumerate(zip(p.codes, names)):
        y = top + row * row_h
        bar_h = max(row_h * 0.7, 1.0)
        qp.setFont(style.bold if code == pair else style.font)
        qp.setPen(style.text)
        qp.drawText(QRectF(rect.left() + PAD, y, label_w - 8, row_h),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    style.metrics(style.font).elidedText(name, Qt.TextElideMode.ElideRight, label_w - 8))
        x = bar_left
        for q in STACK_ORDER:
            if values[row, q]:
                w = values[row, q] * layout.scale
                qp.fillRect(QRectF(x, y + (row_h - bar_h) / 2, w, bar_h), style.quad(q))
                x += w
        if chosen is not None and chosen.partner == code:
            qp.setPen(QPen(style.highlight, 2))
            qp.setBrush(Qt.BrushStyle.NoBrush)
            qp.drawRect(QRectF(bar_left - 1, y + (row_h - bar_h) / 2 - 1, x - bar_left + 2, bar_h + 2))
        qp.setFont(style.small)
        qp.setPen(style.muted)
        qp.drawText(QRectF(x + 4, y, count_w, row_h), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    f"{int(totals[row]):,}")
    return layout
