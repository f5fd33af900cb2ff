"""The time chart: events per period as bars stacked by QuadClass, and the net cooperation score under them."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from timeline_app.gui.relations.chrome import PAD, paint_footer, paint_header
from timeline_app.gui.relations.figure import BarKey, TimeFigure
from timeline_app.gui.relations.scales import (
    format_tick, is_labelled, label_step, nice_ticks, period_label, score_scale,
)
from timeline_app.gui.relations.style import STACK_ORDER, ChartStyle

log = logging.getLogger(__name__)

SCORE_SHARE = 0.3  # of the height under the legend: the score's strip; the bars take the rest
GAP = 0.2  # of a slot left between two bars


@dataclass(frozen=True)
class TimeLayout:
    """Where the bars were drawn: enough to tell which bar, and which colour of it, is under a point."""

    plot: QRectF  # the bars
    strip: QRectF  # the score, under them
    labels_bottom: float
    slot: float
    scale: float  # pixels per unit of the measure
    first: int  # the period of the first bar
    values: np.ndarray  # (periods, 5)

    def key_at(self, pos: QPointF) -> BarKey | None:
        x, y = pos.x(), pos.y()
        if not (self.plot.left() <= x < self.plot.right() and self.plot.top() <= y <= self.labels_bottom):
            return None
        i = int((x - self.plot.left()) // self.slot)
        if not 0 <= i < len(self.values):
            return None
        base = self.plot.bottom()
        if y <= base:
            for q in STACK_ORDER:
                height = self.values[i, q] * self.scale
                if height > 0 and base - height <= y <= base:
                    return BarKey(self.first + i, quad=q)
                base -= height
        return BarKey(self.first + i)

    def column(self, period: int) -> QRectF:
        """The slot of a period, from the top of the bars to the bottom of its labels."""
        x = self.plot.left() + (period - self.first) * self.slot
        return QRectF(x, self.plot.top(), self.slot, self.labels_bottom - self.plot.top())


def paint_time(qp: QPainter, rect: QRectF, fig: TimeFigure, style: ChartStyle,
               hovered: BarKey | None = None, chosen: BarKey | None = None) -> TimeLayout:
    """Draw the whole chart into `rect` (screen, image, SVG or PDF alike); returns where its bars are."""
    qp.fillRect(rect, style.background)
    values = fig.values()
    top = paint_header(qp, rect, fig.title, style, bool(values[:, 0].any()), True)
    bottom = paint_footer(qp, rect, fig.footer, style)
    fm = style.metrics(style.small)
    label_h = 2 * fm.height() + 2
    totals = values.sum(axis=1)
    ticks = nice_ticks(0, float(totals.max()) if len(totals) else 1.0, whole=True)
    plot_top = top + fm.height()
    plot_h = (bottom - top - label_h - 2 * fm.height()) * (1 - SCORE_SHARE)
    strip_top = plot_top + plot_h + fm.height() + 6
    strip_h = bottom - label_h - strip_top
    net = fig.series.net
    # As many score ticks as the strip has room for labels: a short strip gets 0 and one more.
    score = score_scale(float(net.min()) if len(net) else 0.0, float(net.max()) if len(net) else 1.0,
                        max(1, int(strip_h // (2 * fm.height()))))
    axis_w = max(fm.horizontalAdvance(format_tick(t)) for t in ticks + score[2]) + 6
    left, right = rect.left() + PAD + axis_w, rect.right() - PAD
    plot = QRectF(left, plot_top, right - left, plot_h)
    strip = QRectF(left, strip_top, plot.width(), strip_h)
    n = max(len(values), 1)
    layout = TimeLayout(plot, strip, strip.bottom() + label_h, plot.width() / n, plot.height() / ticks[-1],
                        fig.series.first, values)
    for key, colour in ((hovered, style.grid), (chosen, style.highlight)):
        if key is not None and key.period is not None:
            tint = QColor(colour)
            tint.setAlphaF(min(tint.alphaF(), 0.15))
            qp.fillRect(layout.column(key.period), tint)
    _paint_axis(qp, plot, ticks, layout.scale, fig.measure.capitalize(), style)
    _paint_bars(qp, layout, style, chosen)
    _paint_score(qp, layout, net, score, style)
    _paint_period_labels(qp, layout, fig.series.by, style)
    return layout


def _paint_axis(qp: QPainter, plot: QRectF, ticks: list[float], scale: float, name: str, style: ChartStyle) -> None:
    fm = style.metrics(style.small)
    qp.setFont(style.small)
    qp.setPen(style.muted)
    qp.drawText(QRectF(plot.left(), plot.top() - fm.height() - 2, plot.width(), fm.height()),
                Qt.AlignmentFlag.AlignLeft, name)
    for t in ticks:
        y = plot.bottom() - t * scale
        qp.fillRect(QRectF(plot.left(), y, plot.width(), 1), style.grid)
        qp.drawText(QRectF(PAD, y - fm.height() / 2, plot.left() - PAD - 4, fm.height()),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, format_tick(t))


def _paint_bars(qp: QPainter, layout: TimeLayout, style: ChartStyle, chosen: BarKey | None) -> None:
    slot = layout.slot
    width = slot * (1 - GAP) if slot >= 4 else slot  # thin bars touch: a gap would eat them
    colours = {q: style.quad(q) for q in STACK_ORDER}
    for i, row in enumerate(layout.values):
        if not row.any():
            continue
        x = layout.plot.left() + i * slot + (slot - width) / 2
        base = layout.plot.bottom()
        for q in STACK_ORDER:
            if row[q]:
                h = row[q] * layout.scale
                qp.fillRect(QRectF(x, base - h, width, h), colours[q])
                base -= h
        if chosen is not None and chosen.period == layout.first + i:
            qp.setPen(QPen(style.highlight, 2))
            qp.setBrush(Qt.BrushStyle.NoBrush)
            qp.drawRect(QRectF(x - 1, base - 1, width + 2, layout.plot.bottom() - base + 2))


def _paint_score(qp: QPainter, layout: TimeLayout, net: np.ndarray, score: tuple[float, float, list[float]],
                 style: ChartStyle) -> None:
    strip = layout.strip
    fm = style.metrics(style.small)
    low, high, ticks = score
    scale = strip.height() / (high - low) if high > low else 1.0

    def y_of(v: float) -> float:
        return strip.bottom() - (v - low) * scale

    qp.setFont(style.small)
    qp.setPen(style.muted)
    qp.drawText(QRectF(strip.left(), strip.top() - fm.height() - 2, strip.width(), fm.height()),
                Qt.AlignmentFlag.AlignLeft, "Net cooperation score (above 0: cooperation; below: conflict)")
    for t in ticks:
        qp.fillRect(QRectF(strip.left(), y_of(t), strip.width(), 1), style.grid)
        qp.drawText(QRectF(PAD, y_of(t) - fm.height() / 2, strip.left() - PAD - 4, fm.height()),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, format_tick(t))
    qp.setPen(QPen(style.muted, 1, Qt.PenStyle.DashLine))
    qp.drawLine(QPointF(strip.left(), y_of(0)), QPointF(strip.right(), y_of(0)))
    if not len(net):
        return
    xs = strip.left() + (np.arange(len(net)) + 0.5) * layout.slot
    points = [QPointF(float(x), y_of(float(v))) for x, v in zip(xs, net)]
    # A period without events has no score, not a score of 0: the line breaks there.
    counted = layout.values.sum(axis=1) > 0
    qp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    qp.setPen(QPen(style.line, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    for run in np.split(np.arange(len(net)), np.flatnonzero(~counted) + 1):
        run = run[counted[run]]
        if len(run) > 1:
            qp.drawPolyline(QPolygonF([points[i] for i in run]))
    qp.setBrush(style.line)
    radius = 1.8 if layout.slot >= 6 else 1.0
    for i in np.flatnonzero(counted):
        qp.drawEllipse(points[i], radius, radius)
    qp.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def _paint_period_labels(qp: QPainter, layout: TimeLayout, by: str, style: ChartStyle) -> None:
    fm = style.metrics(style.small)
    qp.setFont(style.small)
    qp.setPen(style.muted)
    widest = max(fm.horizontalAdvance(w) for w in ("May", "Q4", "2000"))
    step = label_step(by, layout.slot, widest)
    y = layout.strip.bottom() + 2
    first_label = True
    for i in range(len(layout.values)):
        period = layout.first + i
        if not is_labelled(period, by, step):
            continue
        centre = layout.plot.left() + (i + 0.5) * layout.slot
        qp.fillRect(QRectF(centre, layout.strip.bottom(), 1, 3), style.muted)
        lines = period_label(period, by, step, first_label)
        first_label = False
        for k, text in enumerate(lines):
            if text:
                w = fm.horizontalAdvance(text) + 2
                qp.drawText(QRectF(centre - w / 2, y + 2 + k * fm.height(), w, fm.height()),
                            Qt.AlignmentFlag.AlignCenter, text)
