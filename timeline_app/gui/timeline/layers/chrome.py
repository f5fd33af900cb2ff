"""The timeline's chrome, one layer each: the grid and today's line, the axis, the lane headers, the legend."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.layout import AXIS_H, HEADER_W, LEGEND_H, FrameGeometry
from timeline_app.core.timeline.modes import COLOUR_LEGEND_TITLES, LANE_HEADERS
from timeline_app.core.timeline.scene import EventArea
from timeline_app.core.timeline.ticks import grid_times
from timeline_app.core.timeline.viewport import Viewport
from timeline_app.gui.timeline.layers.uncertain import uncertain_pen
from timeline_app.gui.timeline.text import Fonts
from timeline_app.gui.timeline.theme import Theme

log = logging.getLogger(__name__)

TODAY = "Today"
UNCERTAIN_KEY = "uncertain date"  # what the legend calls the dashed outline (layers/uncertain.py)


def _grid_lines(p: QPainter, vp: Viewport, minor: list[float], context: list[float], left: float, top: float,
                bottom: float, theme: Theme) -> None:
    """Vertical lines at the ticks, on whole pixels rounded half up (the same in every strip)."""
    for times, colour in ((minor, theme.grid), (context, theme.grid_strong)):
        if times:
            p.setPen(QPen(colour, 1))
            xs = np.floor(vp.x_of(np.asarray(times)) + 0.5) + (left + 0.5)
            p.drawLines([a for x in xs.tolist() for a in (QPointF(x, top), QPointF(x, bottom))])


class GridLayer:
    """What the events lie on: every other lane shaded and vertical lines at the axis ticks; today's line."""

    def draw_shading(self, p: QPainter, geo: FrameGeometry, theme: Theme) -> None:
        """Every other lane in view shaded, over the frame's background."""
        lanes = geo.lanes
        for pos in range(lanes.lo, lanes.hi):
            if pos % 2:
                p.fillRect(QRectF(HEADER_W, lanes.top + lanes.layout.top[pos], geo.vp.width, lanes.layout.height[pos]),
                           theme.alt)

    def draw_lines(self, p: QPainter, geo: FrameGeometry, theme: Theme) -> None:
        """Grid lines from the axis down to the bottom of the lanes, at the frame's ticks."""
        _grid_lines(p, geo.vp, [tk.t for tk in geo.axis.minor], [tk.t for tk in geo.axis.context], HEADER_W, AXIS_H,
                    geo.lanes_bottom, theme)

    def draw_area(self, p: QPainter, area: EventArea, theme: Theme) -> None:
        """What the events of an area lie on: background, every other lane shaded, grid lines of its axis
        unit (a strip of the cached event layer, drawn with x = 0 at the area's left edge)."""
        vp, lanes = area.vp, area.lanes
        layout = lanes.layout
        top = lanes.top + float(layout.top[lanes.lo])
        bottom = lanes.bottom
        p.fillRect(QRectF(0, top, vp.width, bottom - top), theme.base)
        for pos in range(lanes.lo, lanes.hi):
            if pos % 2:
                p.fillRect(QRectF(0, lanes.top + layout.top[pos], vp.width, layout.height[pos]), theme.alt)
        pad = 1.0 / vp.px_per_day
        minor, context = grid_times(vp.t0 - pad, vp.t1 + pad, *area.grid)
        _grid_lines(p, vp, minor, context, 0.0, top, bottom, theme)

    def draw_today(self, p: QPainter, geo: FrameGeometry, theme: Theme) -> None:
        """A dashed line at the present, when it is in view."""
        vp, today = geo.vp, geo.today
        if today is None or not (vp.t0 <= today <= vp.t1):
            return
        x = round(float(vp.x_of(today))) + 0.5
        pen = QPen(theme.today, 1.5, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawLine(QPointF(x, AXIS_H), QPointF(x, geo.lanes_bottom))


class AxisLayer:
    """The time axis: a context row whose labels stick to the left edge (months, years...), the minor
    ticks with their labels under it, and 'Today'."""

    def __init__(self, fonts: Fonts) -> None:
        self._fonts = fonts
        self.drawn_ticks: list[tuple[float, float, str]] = []  # the last frame's tick labels: left, right, text
        self.today_label: tuple[float, float] | None = None  # the last frame's "Today": left, right

    def draw(self, p: QPainter, geo: FrameGeometry, theme: Theme, covered: Sequence[QRectF] = ()) -> None:
        """The axis; a tick label that a box of `covered` (the edge arrows) would half hide is left out."""
        axis, vp, W, today = geo.axis, geo.vp, geo.width, geo.today
        fonts = self._fonts
        p.fillRect(QRectF(0, 0, W, AXIS_H), theme.window)
        p.fillRect(QRectF(0, AXIS_H - 1, W, 1), theme.grid_strong)
        p.save()
        p.setClipRect(QRectF(HEADER_W, 0, vp.width, AXIS_H))
        row1, row2 = 3.0, 23.0
        # Context row: each label sticks to the left edge while its period is visible.
        p.setFont(fonts.bold)
        p.setPen(theme.text)
        ctx = list(axis.context)
        lines = []
        for i, tk in enumerate(ctx):
            x = HEADER_W + float(vp.x_of(tk.t))
            lw = fonts.fm_bold.horizontalAdvance(tk.label)
            lx = max(x + 4, HEADER_W + 4)
            if i + 1 < len(ctx):
                # The sticky label of a period gives way to the next one instead of overlapping it.
                nx = HEADER_W + float(vp.x_of(ctx[i + 1].t))
                lx = min(lx, nx - lw - 8)
            lines += [QPointF(round(x) + 0.5, 0), QPointF(round(x) + 0.5, AXIS_H)]
            if lx < HEADER_W or lx + lw > HEADER_W + vp.width:
                continue  # pushed out by the next one, or cut by the right edge: no half a label
            p.drawStaticText(QPointF(lx, row1), fonts.texts.get(("b", tk.label), tk.label))
        p.setPen(QPen(theme.grid_strong, 1))
        if lines:
            p.drawLines(lines)
        p.setFont(fonts.normal)
        p.setPen(theme.muted)
        lines = []
        right = HEADER_W + vp.width
        self.drawn_ticks = []
        for tk in axis.minor:
            x = HEADER_W + round(float(vp.x_of(tk.t))) + 0.5
            lines += [QPointF(x, AXIS_H - 6), QPointF(x, AXIS_H)]
            # A tick label the right edge would cut ("20" for 2040) is left out, and so is one under an arrow.
            left, label_right = x + 3, x + 3 + fonts.measure(tk.label)
            if left >= HEADER_W and label_right <= right and not any(
                    left < box.right() and label_right > box.left() for box in covered):
                p.drawStaticText(QPointF(left, row2), fonts.texts.get(("m", tk.label), tk.label))
                self.drawn_ticks.append((left, label_right, tk.label))
        if lines:
            p.drawLines(lines)
        self.today_label = None
        if today is not None and vp.t0 <= today <= vp.t1:
            x = HEADER_W + float(vp.x_of(today))
            p.setPen(theme.today)
            p.setFont(fonts.small)
            width = fonts.measure_small(TODAY)
            left = x + 3 if x + 3 + width <= right else x - 3 - width  # left of its line at the right edge
            p.drawText(QPointF(left, AXIS_H - 3), TODAY)
            self.today_label = (left, left + width)
        p.restore()


class LaneHeaderLayer:
    """The column left of the lanes: each lane's name, its number of events and, when colours are the
    lanes, its colour; the separators between lanes."""

    def __init__(self, data: TimelineData, fonts: Fonts) -> None:
        self._data = data
        self._fonts = fonts
        self.title = ""  # what the column's heading said in the last frame

    def draw(self, p: QPainter, geo: FrameGeometry, theme: Theme, country_names: dict[str, str]) -> None:
        data, fonts, H = self._data, self._fonts, geo.lanes_bottom
        layout, lane_top = geo.lanes.layout, geo.lanes.top
        p.fillRect(QRectF(0, 0, HEADER_W, AXIS_H), theme.window)
        p.setPen(theme.muted)
        p.setFont(fonts.small)
        self.title = LANE_HEADERS[data.lane_mode]
        p.drawText(QRectF(8, 0, HEADER_W - 16, AXIS_H - 4), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                   self.title)
        p.drawText(QRectF(8, 0, HEADER_W - 16, AXIS_H - 4), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                   "events")
        p.save()
        p.setClipRect(QRectF(0, AXIS_H, HEADER_W, H - AXIS_H))
        p.fillRect(QRectF(0, AXIS_H, HEADER_W, H - AXIS_H), theme.window)
        lane_colours = data.lane_colours() if data.colour_is_lane else None
        separators = []
        for pos in range(geo.lanes.lo, geo.lanes.hi):
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
            cw = fonts.measure_small(count)
            name = data.lane_label(data.lane_keys[lane], country_names)
            key = ("h", name, int(cw))
            st = fonts.texts.peek(key)
            if st is None:
                elided = fonts.fm.elidedText(name, Qt.TextElideMode.ElideRight, HEADER_W - x - cw - 14)
                st = fonts.texts.get(key, elided)
            p.setFont(fonts.normal)
            p.setPen(theme.text)
            p.drawStaticText(QPointF(x, y + 5), st)
            p.setFont(fonts.small)
            p.setPen(theme.muted)
            p.drawStaticText(QPointF(HEADER_W - 8 - cw, y + 5 + (fonts.fm.height() - fonts.fm_small.height()) / 2),
                             fonts.texts.get(("s", count), count))
            separators += [QPointF(0, y + h - 0.5), QPointF(geo.width, y + h - 0.5)]
        p.restore()
        p.save()
        p.setClipRect(QRectF(0, AXIS_H, geo.width, H - AXIS_H))
        p.setPen(QPen(theme.grid, 1))
        if separators:
            p.drawLines(separators)
        p.restore()
        p.fillRect(QRectF(HEADER_W - 1, 0, 1, H), theme.grid_strong)


class LegendLayer:
    """The colour key in a row under the lanes, when the colours do not already say the lanes, and the key
    to the dashed outline of uncertain dates while one is shown."""

    def __init__(self, data: TimelineData, fonts: Fonts) -> None:
        self._data = data
        self._fonts = fonts

    def draw(self, p: QPainter, entries: list[tuple[int, str]], geo: FrameGeometry, theme: Theme) -> None:
        """One row under the lanes: swatch and name per colour, commonest first, '+N more' at the end
        (no colour title when `entries` is empty: the lanes are the colours)."""
        fonts, W, H = self._fonts, geo.width, geo.lanes_bottom
        p.fillRect(QRectF(0, H, W, LEGEND_H), theme.window)
        p.fillRect(QRectF(0, H, W, 1), theme.grid_strong)
        p.setFont(fonts.small)
        p.setPen(theme.muted)
        y = H + (LEGEND_H - fonts.fm_small.height()) / 2
        if entries:
            title = COLOUR_LEGEND_TITLES[self._data.effective_colour_mode]
            p.drawStaticText(QPointF(8, y), fonts.texts.get(("s", title), title))
        x = float(HEADER_W)
        room = W - 8
        if self._data.uncertain_shown():
            room = self._draw_uncertain_key(p, W - 8, H, y, theme) - 12
        p.setPen(theme.text)
        for n, (colour, label) in enumerate(entries):
            lw = fonts.measure_small(label)
            rest = len(entries) - n
            more = f"+{rest - 1} more" if rest > 1 else ""
            if x + 14 + lw + (fonts.measure_small(more) + 12 if more else 0) > room:
                text = f"+{rest} more"
                p.setPen(theme.muted)
                p.drawStaticText(QPointF(x, y), fonts.texts.get(("s", text), text))
                break
            p.fillRect(QRectF(x, H + LEGEND_H / 2 - 4, 9, 8), theme.colours[colour % len(theme.colours)])
            p.drawStaticText(QPointF(x + 13, y), fonts.texts.get(("s", label), label))
            x += 13 + lw + 14

    def _draw_uncertain_key(self, p: QPainter, right: float, top: float, y: float, theme: Theme) -> float:
        """The dashed outline's sample and words, ending at `right`; returns where they start."""
        text = UNCERTAIN_KEY
        x = right - 14 - self._fonts.measure_small(text)
        p.setPen(uncertain_pen(theme))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(x + 0.5, top + LEGEND_H / 2 - 4.5, 9, 9))
        p.setPen(theme.text)
        p.drawStaticText(QPointF(x + 14, y), self._fonts.texts.get(("s", text), text))
        return x
