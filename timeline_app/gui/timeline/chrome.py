"""The timeline's chrome: grid, axis with its context row, today's line, lane headers and legend."""

from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from timeline_app.core.timeline import timescale as ts
from timeline_app.core.timeline.layout import AXIS_H, HEADER_W, LEGEND_H, LaneLayout, PaintState
from timeline_app.gui.timeline.theme import Theme

log = logging.getLogger(__name__)


class ChromePainter:
    """Everything around the events. Mixed into TimelinePainter, whose fonts, text cache and data it uses."""

    def _grid(self, p: QPainter, axis: ts.Axis, vp: ts.Viewport, H: int, theme: Theme) -> None:
        self._grid_lines(p, vp, [tk.t for tk in axis.minor], [tk.t for tk in axis.context], HEADER_W, AXIS_H, H,
                         theme)

    @staticmethod
    def _grid_lines(p: QPainter, vp: ts.Viewport, minor: list[float], context: list[float], left: float,
                    top: float, bottom: float, theme: Theme) -> None:
        """Vertical lines at the ticks, on whole pixels rounded half up (the same in every strip)."""
        for times, colour in ((minor, theme.grid), (context, theme.grid_strong)):
            if times:
                p.setPen(QPen(colour, 1))
                xs = np.floor(vp.x_of(np.asarray(times)) + 0.5) + (left + 0.5)
                p.drawLines([a for x in xs.tolist() for a in (QPointF(x, top), QPointF(x, bottom))])

    def _lane_ground(self, p: QPainter, theme: Theme, vp: ts.Viewport, grid: tuple[str, int], layout: LaneLayout,
                     lane_lo: int, lane_hi: int, lane_top: float) -> None:
        """What the events of lanes [lane_lo, lane_hi) lie on in the area `vp`: background, every other
        lane shaded, grid lines of the axis unit `grid` (a strip of the event layer)."""
        top = lane_top + float(layout.top[lane_lo])
        bottom = lane_top + float(layout.top[lane_hi - 1] + layout.height[lane_hi - 1])
        p.fillRect(QRectF(0, top, vp.width, bottom - top), theme.base)
        for pos in range(lane_lo, lane_hi):
            if pos % 2:
                p.fillRect(QRectF(0, lane_top + layout.top[pos], vp.width, layout.height[pos]), theme.alt)
        pad = 1.0 / vp.px_per_day
        minor, context = ts.grid_times(vp.t0 - pad, vp.t1 + pad, *grid)
        self._grid_lines(p, vp, minor, context, 0.0, top, bottom, theme)

    def _today(self, p: QPainter, vp: ts.Viewport, H: int, theme: Theme, today: float | None) -> None:
        if today is None or not (vp.t0 <= today <= vp.t1):
            return
        x = round(float(vp.x_of(today))) + 0.5
        pen = QPen(theme.today, 1.5, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawLine(QPointF(x, AXIS_H), QPointF(x, H))

    def _axis(self, p: QPainter, axis: ts.Axis, vp: ts.Viewport, W: int, theme: Theme, today: float | None) -> None:
        p.fillRect(QRectF(0, 0, W, AXIS_H), theme.window)
        p.fillRect(QRectF(0, AXIS_H - 1, W, 1), theme.grid_strong)
        p.save()
        p.setClipRect(QRectF(HEADER_W, 0, vp.width, AXIS_H))
        row1, row2 = 3.0, 23.0
        # Context row: each label sticks to the left edge while its period is visible.
        p.setFont(self.bold)
        p.setPen(theme.text)
        ctx = list(axis.context)
        lines = []
        for i, tk in enumerate(ctx):
            x = HEADER_W + float(vp.x_of(tk.t))
            lw = self.fm_bold.horizontalAdvance(tk.label)
            lx = max(x + 4, HEADER_W + 4)
            if i + 1 < len(ctx):
                # The sticky label of a period gives way to the next one instead of overlapping it.
                nx = HEADER_W + float(vp.x_of(ctx[i + 1].t))
                lx = min(lx, nx - lw - 8)
            lines += [QPointF(round(x) + 0.5, 0), QPointF(round(x) + 0.5, AXIS_H)]
            if lx < HEADER_W:
                continue
            p.drawStaticText(QPointF(lx, row1), self.texts.get(("b", tk.label), tk.label))
        p.setPen(QPen(theme.grid_strong, 1))
        if lines:
            p.drawLines(lines)
        p.setFont(self.font)
        p.setPen(theme.muted)
        lines = []
        for tk in axis.minor:
            x = HEADER_W + round(float(vp.x_of(tk.t))) + 0.5
            lines += [QPointF(x, AXIS_H - 6), QPointF(x, AXIS_H)]
            if x + 3 >= HEADER_W:
                p.drawStaticText(QPointF(x + 3, row2), self.texts.get(("m", tk.label), tk.label))
        if lines:
            p.drawLines(lines)
        if today is not None and vp.t0 <= today <= vp.t1:
            x = HEADER_W + float(vp.x_of(today))
            p.setPen(theme.today)
            p.setFont(self.small)
            p.drawText(QPointF(x + 3, AXIS_H - 3), "Today")
        p.restore()

    def _headers(self, p: QPainter, state: PaintState, theme: Theme, layout: LaneLayout | None, lane_lo: int,
                 lane_hi: int, lane_top: float, H: int) -> None:
        data = self.data
        p.fillRect(QRectF(0, 0, HEADER_W, AXIS_H), theme.window)
        p.setPen(theme.muted)
        p.setFont(self.small)
        title = {"country": "Country", "event_type": "Event type", "source": "Source", "single": "Lane"}[data.lane_mode]
        p.drawText(QRectF(8, 0, HEADER_W - 16, AXIS_H - 4), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                   title)
        p.drawText(QRectF(8, 0, HEADER_W - 16, AXIS_H - 4), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                   "events")
        p.save()
        p.setClipRect(QRectF(0, AXIS_H, HEADER_W, H - AXIS_H))
        p.fillRect(QRectF(0, AXIS_H, HEADER_W, H - AXIS_H), theme.window)
        lane_colours = self._lane_colour_index() if self._colour_is_lane() else None
        separators = []
        for pos in range(lane_lo, lane_hi) if layout is not None else ():
            lane = data.lane_order[pos]
            y = lane_top + float(layout.top[pos])
            h = float(layout.height[pos])
            if pos % 2:
                p.fillRect(QRectF(0, y, HEADER_W, h), theme.alt)
            x = 8.0
            if lane_colours is not None:
                p.fillRect(QRectF(6, y + 5, 4, h - 10), theme.colours[lane_colours[lane] % len(theme.colours)])
                x = 16.0
            count = f"{int(data.lane_counts[lane]):,}"
            cw = self.measure_small(count)
            name = data.lane_label(data.lane_keys[lane], state.country_names)
            key = ("h", name, int(cw))
            st = self.texts._items.get(key)
            if st is None:
                st = self.texts.get(key, self.fm.elidedText(name, Qt.TextElideMode.ElideRight, HEADER_W - x - cw - 14))
            p.setFont(self.font)
            p.setPen(theme.text)
            p.drawStaticText(QPointF(x, y + 5), st)
            p.setFont(self.small)
            p.setPen(theme.muted)
            p.drawStaticText(QPointF(HEADER_W - 8 - cw, y + 5 + (self.fm.height() - self.fm_small.height()) / 2),
                             self.texts.get(("s", count), count))
            separators += [QPointF(0, y + h - 0.5), QPointF(state.width, y + h - 0.5)]
        p.restore()
        p.save()
        p.setClipRect(QRectF(0, AXIS_H, state.width, H - AXIS_H))
        p.setPen(QPen(theme.grid, 1))
        if separators:
            p.drawLines(separators)
        p.restore()
        p.fillRect(QRectF(HEADER_W - 1, 0, 1, H), theme.grid_strong)

    def _legend_entries(self, country_names: dict[str, str]) -> list[tuple[int, str]]:
        """(colour index, label) of the colour key, unless the lanes already say it (country colours)."""
        data = self.data
        if self._colour_is_lane() or not data.colour_keys:
            return []
        mode = data.effective_colour_mode
        if mode == "event_type" and data.lane_mode == "event_type":
            return []
        if mode == "event_type":
            return [(i, k or "Unclassified") for i, k in enumerate(data.colour_keys)]
        return [(i, country_names.get(k, k) if k else "No country") for i, k in enumerate(data.colour_keys)]

    def _legend(self, p: QPainter, entries: list[tuple[int, str]], W: int, H: int, theme: Theme) -> None:
        """One row under the lanes: swatch and name per colour, commonest first, '+N more' at the end."""
        p.fillRect(QRectF(0, H, W, LEGEND_H), theme.window)
        p.fillRect(QRectF(0, H, W, 1), theme.grid_strong)
        p.setFont(self.small)
        p.setPen(theme.muted)
        title = "Colour: event type" if self.data.effective_colour_mode == "event_type" else "Colour: country"
        p.drawStaticText(QPointF(8, H + (LEGEND_H - self.fm_small.height()) / 2), self.texts.get(("s", title), title))
        x = float(HEADER_W)
        y = H + (LEGEND_H - self.fm_small.height()) / 2
        p.setPen(theme.text)
        for n, (colour, label) in enumerate(entries):
            lw = self.measure_small(label)
            rest = len(entries) - n
            more = f"+{rest - 1} more" if rest > 1 else ""
            if x + 14 + lw + (self.measure_small(more) + 12 if more else 0) > W - 8:
                text = f"+{rest} more"
                p.setPen(theme.muted)
                p.drawStaticText(QPointF(x, y), self.texts.get(("s", text), text))
                break
            p.fillRect(QRectF(x, H + LEGEND_H / 2 - 4, 9, 8), theme.colours[colour % len(theme.colours)])
            p.drawStaticText(QPointF(x + 13, y), self.texts.get(("s", label), label))
            x += 13 + lw + 14
