"""TimelineCanvas: the timeline's drawing surface: its viewport and scroll, its frames, hit tests and moves."""

from __future__ import annotations

import datetime as dt
import logging

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFocusEvent, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from timeline_app.core.daycount import date_to_days
from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.fit import fit_data
from timeline_app.core.timeline.layout import AXIS_H, HEADER_W, Lanes, PaintState, cluster_capacity
from timeline_app.core.timeline.navigate import keep_data_in_view, max_span
from timeline_app.core.timeline.scene import FrameItems, hit_test
from timeline_app.core.timeline.tooltip import cluster_tooltip, event_tooltip, outside_tooltip
from timeline_app.core.timeline.viewport import MIN_SPAN_DAYS, Viewport, level_px_per_day, zoom_level
from timeline_app.gui.timeline.painter import TimelinePainter
from timeline_app.gui.timeline.theme import Theme

log = logging.getLogger(__name__)

_KEYBOARD_REASONS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                     Qt.FocusReason.ShortcutFocusReason)


class TimelineCanvas(QWidget):
    """The drawing surface: viewport, scroll, selection and hover state, frames drawn by the painter with
    a cached static frame and the hover overlay, hit tests, and moves (fit, zoom to an event or cluster).
    CanvasControls turns the user's input into these."""

    viewport_changed = Signal()
    scroll_changed = Signal()

    def __init__(self, data: TimelineData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.painter = TimelinePainter(data)
        self.country_names: dict[str, str] = {}
        self.vp = Viewport(date_to_days(dt.date.today()) - 365.0, 1.0, 800)
        self.scroll_y = 0
        self.selected = -1  # event index
        self.hovered = -1  # event index
        self.hover_cluster = -1
        self._items = FrameItems.empty()
        self._static: QPixmap | None = None
        self._rows_scale: tuple[float, int] | None = None  # scale and data of the last frame's lane rows
        self._static_key: tuple | None = None
        self._direct_key: tuple | None = None  # view last drawn straight onto the widget
        self._theme_key: int | None = None
        self._theme: Theme | None = None
        self.rubber: QRectF | None = None  # the rectangle being dragged out to zoom to
        self.hit_occ = -1  # occurrence under the mouse at the last hit test
        self._scroll_event = -1  # an event whose lane the next frame brings into view (scroll_to_event)
        self.fitted = False
        self._fit_kind: bool | None = None  # the `everything` of the Fit that made the view, None once moved
        self.show_legend = True
        self.keyboard_focus = False  # the focus came by Tab: a frame shows it (a click shows the selection)
        self._content_height = 0
        self._prefetch_timer = QTimer(self)
        self._prefetch_timer.setSingleShot(True)
        self._prefetch_timer.setInterval(15)
        self._prefetch_timer.timeout.connect(self._on_prefetch_timer_timeout)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 160)
        self.setAccessibleName("Timeline")

    def sizeHint(self) -> QSize:
        return QSize(1000, 420)

    # -- state ---------------------------------------------------------------------------------

    def time_width(self) -> int:
        return max(self.width() - HEADER_W, 1)

    def max_span(self) -> float:
        """Zooming out stops a little past the events (all of them, outliers too), not centuries away."""
        return max_span(self.data.extent())

    def set_viewport(self, vp: Viewport) -> None:
        self._fit_kind = None  # moved by the user (or Go to date …): a resize keeps its span
        vp = Viewport(vp.t0, vp.px_per_day, self.time_width()).clamped(self.max_span())
        vp = keep_data_in_view(vp, self.data.extent())
        if vp != self.vp:
            self.vp = vp
            self.update()
            self.viewport_changed.emit()

    def max_scroll(self) -> int:
        """Lanes below the fold, as laid out by the last frame (lane heights follow what is visible)."""
        return max(0, self.painter.content_height - self.height())

    def set_scroll_y(self, y: int) -> None:
        y = int(max(y, 0))  # the frame clamps it to the lanes' height once they are laid out
        if y != self.scroll_y:
            self.scroll_y = y
            self.update()
            self.scroll_changed.emit()

    def theme(self) -> Theme:
        key = self.palette().cacheKey()
        if key != self._theme_key or self._theme is None:
            self._theme = Theme.from_palette(self.palette())
            self._theme_key = key
        return self._theme

    def paint_state(self) -> PaintState:
        return PaintState(self.vp, self.width(), self.height(), self.scroll_y, self.country_names, today_days(),
                          show_legend=self.show_legend)

    def screen_state(self) -> PaintState:
        """On screen the view sits on the pixel grid (moved by under half a pixel), so the cached event
        layer and freshly drawn strips of it line up exactly."""
        state = self.paint_state()
        state.viewport = state.viewport.snapped()
        state.progressive = True
        state.edge_arrows = True
        layout = self._items.layout
        if layout is not None and self._rows_scale == (self.vp.px_per_day, self.data.version):
            state.keep_rows = (layout.span_rows, layout.point_rows)
        return state

    def visible_lanes(self) -> tuple[int, int] | None:
        """The shown lanes [lo, hi) the last frame had in view (None before the first frame)."""
        layout = self._items.layout
        if layout is None or not len(layout.top):
            return None
        lanes = Lanes.in_view(layout, self.scroll_y, max(self.height() - AXIS_H, 1))
        return lanes.lo, lanes.hi

    def anchor_x(self, widget_x: float) -> float:
        """Widget x to time-area x."""
        return widget_x - HEADER_W

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        state = self.screen_state()
        theme = self.theme()
        dpr = self.devicePixelRatioF()
        key = (state.viewport, state.width, state.height, state.scroll_y, self.data.version, self._theme_key,
               dpr, int(state.today * 96) if state.today is not None else None, id(self.country_names),
               state.show_legend)
        if key == self._static_key and self._static is not None:
            p = QPainter(self)  # hover, selection, rubber band: the static layer is still good
            p.drawPixmap(0, 0, self._static)
            self._overlay(p, theme)
            p.end()
            return
        if key != self._direct_key:
            # A new view (pan, zoom, data): draw straight onto the widget, the cheapest path. Only
            # a second paint of the same view (hover, selection) pays for a cached static layer.
            p = QPainter(self)
            self._after_frame(self.painter.paint(p, state, theme, cached=True), key)
            self._overlay(p, theme)
            p.end()
            self._direct_key = key if not self.painter.incomplete else None
            return
        pm = self._static
        size = (int(state.width * dpr), int(state.height * dpr))
        if pm is None or (pm.width(), pm.height()) != size or pm.devicePixelRatio() != dpr:
            pm = QPixmap(*size)
            pm.setDevicePixelRatio(dpr)
        sp = QPainter(pm)
        self._after_frame(self.painter.paint(sp, state, theme, cached=True), key)
        sp.end()
        self._static = pm
        self._static_key = self._direct_key = key if not self.painter.incomplete else None
        p = QPainter(self)
        p.drawPixmap(0, 0, self._static)
        self._overlay(p, theme)
        p.end()

    def _after_frame(self, items: FrameItems, key: tuple) -> None:
        self._items = items
        self._rows_scale = (self.vp.px_per_day, self.data.version)
        if not self._prefetch_timer.isActive():
            self._prefetch_timer.start()
        if self.painter.incomplete:
            QTimer.singleShot(0, self.update)  # labels still to lay out
        scroll = int(AXIS_H - items.lane_top)
        if scroll != self.scroll_y or self.painter.content_height != self._content_height:
            # Lane heights follow the visible events, so the scroll range is known after painting.
            self.scroll_y = scroll
            self._content_height = self.painter.content_height
            self.scroll_changed.emit()
        if self._scroll_event >= 0:
            event, self._scroll_event = self._scroll_event, -1
            self._scroll_to(event)  # by the lanes this frame laid out; a change paints again

    def _on_prefetch_timer_timeout(self) -> None:
        """Compute the zoom levels next to the current one while the user is idle (one per call)."""
        level = zoom_level(self.vp.px_per_day)
        for near in (level + 1, level - 1, level + 2, level - 2):
            ppd = level_px_per_day(near)
            if self.data.levels.has(near, cluster_capacity(ppd), self.vp.t0, self.vp.t1):
                continue
            tw = self.time_width()
            if not tw / self.max_span() / 1.5 <= ppd <= tw / MIN_SPAN_DAYS * 1.5:
                continue  # beyond the zoom limits
            self.data.levels.get(near, cluster_capacity(ppd), self.vp.t0, self.vp.t1)
            self._prefetch_timer.start()
            return

    def _overlay(self, p: QPainter, theme: Theme) -> None:
        """Selection and hover rings on every drawn occurrence of the event (linked across lanes)."""
        items = self._items
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for event, colour, width in ((self.hovered, theme.text, 1.5), (self.selected, theme.highlight, 2.5)):
            if event < 0 or len(items.occ) == 0:
                continue
            on = np.flatnonzero((items.occ >= 0) & (self.data.o_event[np.maximum(items.occ, 0)] == event))
            if len(on) == 0:
                continue
            p.setPen(QPen(colour, width))
            for i in on.tolist():
                p.drawRoundedRect(QRectF(items.x[i] - 2.5, items.y[i] - 2.5, items.w[i] + 5, items.h[i] + 5), 3, 3)
            if len(on) > 1:
                xs = items.x[on] + items.w[on] / 2
                ys = items.y[on] + items.h[on] / 2
                link = QColor(colour)
                link.setAlphaF(0.5)
                p.setPen(QPen(link, 1, Qt.PenStyle.DashLine))
                order = np.argsort(ys)
                pts = [QPointF(float(xs[k]), float(ys[k])) for k in order.tolist()]
                p.drawPolyline(pts)
        if self.hover_cluster >= 0:
            hit = np.flatnonzero(items.cluster == self.hover_cluster)
            if len(hit):
                i = int(hit[0])
                p.setPen(QPen(theme.text, 1.5))
                p.drawRect(QRectF(items.x[i] - 1, items.y[i] - 1, items.w[i] + 2, items.h[i] + 2))
        if self.rubber is not None:
            fill = QColor(theme.highlight)
            fill.setAlphaF(0.15)
            p.setPen(QPen(theme.highlight, 1))
            p.setBrush(fill)
            p.drawRect(self.rubber)
        if self.keyboard_focus and self.hasFocus():
            # Reached by Tab, the canvas shows it has the keys, as a button or a list does.
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(theme.highlight, 2))
            p.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.keyboard_focus = event.reason() in _KEYBOARD_REASONS
        super().focusInEvent(event)  # repaints

    # -- hit testing ---------------------------------------------------------------------------

    def item_at(self, pos: QPointF) -> tuple[int, int]:
        """(event index, cluster id) under a widget position; -1 for none."""
        if pos.x() < HEADER_W or pos.y() < AXIS_H:
            return -1, -1
        it = self._items
        i = hit_test(it.x, it.y, it.w, it.h, pos.x(), pos.y(), tolerance=3.0)
        self.hit_occ = -1
        if i < 0:
            return -1, -1
        if it.cluster[i] >= 0:
            return -1, int(it.cluster[i])
        self.hit_occ = int(it.occ[i])
        return int(self.data.o_event[it.occ[i]]), -1

    def edge_at(self, pos: QPointF) -> str:
        """'before' or 'after' when `pos` is on an arrow at the end of the axis (events out of view), else ''."""
        for side, (x, y, w, h) in self._items.edges.items():
            if x <= pos.x() <= x + w and y <= pos.y() <= y + h:
                return side
        return ""

    def edge_tooltip_html(self, side: str) -> str:
        return outside_tooltip(self.data, side, self.vp.t0, self.vp.t1)

    def cluster_range(self, cluster: int) -> tuple[float, float] | None:
        lc = self._items.lc  # the level cache the frame was drawn from
        if lc is None:
            return None
        cl = lc.clusters
        if not 0 <= cluster < len(cl):
            return None
        return float(cl.t_start[cluster]), float(cl.t_end[cluster])

    def tooltip_html(self, event: int, occ: int = -1) -> str:
        """The hover text of an event (`occ`: the occurrence under the mouse, whose bar may list several)."""
        lc = self._items.lc if self._items.capacity else None
        return event_tooltip(self.data, event, self.country_names, lc, occ)

    def cluster_tooltip_html(self, cluster: int) -> str:
        """The hover text of a cluster of the last frame."""
        return cluster_tooltip(self._items.lc, cluster)

    def set_hover(self, event: int, cluster: int) -> bool:
        """Ring `event` (or frame `cluster`) under the mouse, -1 for none; False if that is hovered already."""
        if event == self.hovered and cluster == self.hover_cluster:
            return False
        self.hovered, self.hover_cluster = event, cluster
        self.update()
        return True

    def redraw(self) -> None:
        """Draw the next frame afresh: neither the static frame nor the cached event layer is reused."""
        self._static_key = self._direct_key = None
        self.painter.cached.invalidate()
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.redraw()  # light/dark switch: redraw with the new colours
        super().changeEvent(event)

    # -- navigation ----------------------------------------------------------------------------

    def fit_all(self, everything: bool = False) -> None:
        """Show where the events are dense (`everything`: every one, far outliers too), with a margin
        each side; the newest events' labels go left of them."""
        vp = fit_data(self.data, self.time_width(), everything)
        if vp is not None:
            self.fitted = True
            self.set_viewport(vp)
            self._fit_kind = everything

    def zoom_to_event(self, event: int) -> None:
        """Show the event with three times its length of context on each side."""
        start, end = float(self.data.start[event]), float(self.data.end[event])
        span = max(end - start, 1.0)
        self.set_viewport(Viewport.fit(start - span * 3, end + span * 3, self.time_width(), margin=0.0))
        self.scroll_to_event(event)

    def zoom_to_cluster(self, cluster: int) -> None:
        """Show all the periods of a cluster's events, so it breaks up into its events."""
        rng = self.cluster_range(cluster)
        if rng:
            self.set_viewport(Viewport.fit(rng[0], rng[1], self.time_width(), margin=0.08))

    def scroll_to_event(self, event: int) -> None:
        """Bring the event's first shown lane into view vertically, now by the last frame's lanes and
        again once the next frame has laid them out: a zoom to the event changes the lanes' heights."""
        self._scroll_event = event
        self._scroll_to(event)
        self.update()

    def _scroll_to(self, event: int) -> None:
        lanes = self.data.o_lane[(self.data.o_event == event) & self.data.o_visible]
        if not len(lanes):
            return
        pos = int(self.data.lane_pos[lanes].min())
        layout = self._items.layout
        if pos < 0 or layout is None or pos >= len(layout.top):
            return
        top, height = int(layout.top[pos]), int(layout.height[pos])
        view_h = self.height() - AXIS_H
        if top < self.scroll_y or top + height > self.scroll_y + view_h:
            self.set_scroll_y(top - view_h // 3)

    def resizeEvent(self, event: QResizeEvent) -> None:
        old_w = max(event.oldSize().width() - HEADER_W, 1)
        refit = fit_data(self.data, self.time_width(), self._fit_kind) if self._fit_kind is not None else None
        if refit is not None:
            # A view Fit made is fitted again: at another scale the clusters (whole bins) are others.
            self.vp = refit.clamped(self.max_span())
        elif self.fitted and event.oldSize().width() > 0:
            # Keep the same time span visible when the widget is resized.
            span = old_w / self.vp.px_per_day
            self.vp = Viewport(self.vp.t0, self.time_width() / span, self.time_width()).clamped(self.max_span())
        else:
            self.vp = self.vp.resized(self.time_width())
        self.scroll_y = min(self.scroll_y, self.max_scroll())
        self.viewport_changed.emit()
        self.scroll_changed.emit()
        super().resizeEvent(event)


def today_days() -> float:
    """Now, in timeline days (local date and time of day)."""
    now = dt.datetime.now()
    return date_to_days(now.date()) + (now.hour + now.minute / 60.0) / 24.0
