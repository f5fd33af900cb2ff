"""TimelineCanvas: the timeline's drawing surface, its viewport and every mouse, key and gesture."""

from __future__ import annotations

import datetime as dt
import logging

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor, QContextMenuEvent, QKeyEvent, QMouseEvent, QNativeGestureEvent, QPainter, QPaintEvent, QPen, QPixmap,
    QResizeEvent, QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from timeline_app.core.daycount import date_to_days, format_day
from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.layout import AXIS_H, HEADER_W, PaintState, cluster_capacity
from timeline_app.core.timeline.scene import FrameItems, hit_test
from timeline_app.core.timeline.tooltip import event_tooltip
from timeline_app.core.timeline.viewport import MAX_SPAN_DAYS, MIN_SPAN_DAYS, Viewport, level_px_per_day, zoom_level
from timeline_app.gui.timeline.painter import TimelinePainter
from timeline_app.gui.timeline.theme import Theme

log = logging.getLogger(__name__)

WHEEL_ZOOM = 1.2  # per wheel notch, like Timeline's 20%
_DRAG_THRESHOLD = 4


class TimelineCanvas(QWidget):
    """The drawing surface: viewport state, interaction, cached static layer and hover overlay."""

    event_clicked = Signal(int)  # event index, -1 for empty space
    event_double_clicked = Signal(int)
    viewport_changed = Signal()
    scroll_changed = Signal()
    context_menu_requested = Signal(QPoint)  # global position

    def __init__(self, data: TimelineData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.painter = TimelinePainter(data)
        self.country_names: dict[str, str] = {}
        self.vp = Viewport(date_to_days(dt.date.today()) - 365.0, 1.0, 800)
        self.scroll_y = 0
        self.selected = -1  # event index
        self.hovered = -1  # event index
        self._hover_cluster = -1
        self._items = FrameItems.empty()
        self._static: QPixmap | None = None
        self._rows_scale: tuple[float, int] | None = None  # scale and data of the last frame's lane rows
        self._static_key: tuple | None = None
        self._direct_key: tuple | None = None  # view last drawn straight onto the widget
        self._theme_key: int | None = None
        self._theme: Theme | None = None
        self._press: QPointF | None = None
        self._press_button = Qt.MouseButton.NoButton
        self._press_vp: Viewport | None = None
        self._press_scroll = 0
        self._rubber: QRectF | None = None
        self._moved = False
        self._hit_occ = -1  # occurrence under the mouse at the last hit test
        self.fitted = False
        self.show_legend = True
        self._content_height = 0
        self._prefetch_timer = QTimer(self)
        self._prefetch_timer.setSingleShot(True)
        self._prefetch_timer.setInterval(15)
        self._prefetch_timer.timeout.connect(self._on_prefetch_timer_timeout)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 160)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self.setAccessibleName("Timeline")
        self.setAccessibleDescription(
            "Events by date. Plus and minus zoom, arrows and Page Up/Down move, Home and End go to the first "
            "and last event, 0 fits all, Enter opens the selected event.")

    def sizeHint(self) -> QSize:
        return QSize(1000, 420)

    # -- state ---------------------------------------------------------------------------------

    def time_width(self) -> int:
        return max(self.width() - HEADER_W, 1)

    def max_span(self) -> float:
        """Zooming out stops at a thousand years, or at the whole extent of the events if longer."""
        ext = self.data.extent()
        return max(MAX_SPAN_DAYS, (ext[1] - ext[0]) * 1.2) if ext is not None else MAX_SPAN_DAYS

    def set_viewport(self, vp: Viewport) -> None:
        vp = Viewport(vp.t0, vp.px_per_day, self.time_width()).clamped(self.max_span())
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
        layout = self._items.layout
        if layout is not None and self._rows_scale == (self.vp.px_per_day, self.data.version):
            state.keep_rows = (layout.span_rows, layout.point_rows)
        return state

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
        if self._hover_cluster >= 0:
            hit = np.flatnonzero(items.cluster == self._hover_cluster)
            if len(hit):
                i = int(hit[0])
                p.setPen(QPen(theme.text, 1.5))
                p.drawRect(QRectF(items.x[i] - 1, items.y[i] - 1, items.w[i] + 2, items.h[i] + 2))
        if self._rubber is not None:
            fill = QColor(theme.highlight)
            fill.setAlphaF(0.15)
            p.setPen(QPen(theme.highlight, 1))
            p.setBrush(fill)
            p.drawRect(self._rubber)

    # -- hit testing ---------------------------------------------------------------------------

    def item_at(self, pos: QPointF) -> tuple[int, int]:
        """(event index, cluster id) under a widget position; -1 for none."""
        if pos.x() < HEADER_W or pos.y() < AXIS_H:
            return -1, -1
        it = self._items
        i = hit_test(it.x, it.y, it.w, it.h, pos.x(), pos.y(), tolerance=3.0)
        self._hit_occ = -1
        if i < 0:
            return -1, -1
        if it.cluster[i] >= 0:
            return -1, int(it.cluster[i])
        self._hit_occ = int(it.occ[i])
        return int(self.data.o_event[it.occ[i]]), -1

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

    # -- mouse ---------------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.ShiftModifier:
            steps = (delta.y() or delta.x()) / 120.0
            self.set_scroll_y(self.scroll_y - int(steps * 60))
        elif delta.x() and abs(delta.x()) > abs(delta.y()):
            self.set_viewport(self.vp.panned(delta.x() / 120.0 * 60))
        elif delta.y():
            factor = WHEEL_ZOOM ** (delta.y() / 120.0)
            x = min(max(self.anchor_x(event.position().x()), 0.0), float(self.time_width()))
            self.set_viewport(self.vp.zoomed(factor, x, self.max_span()))
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent):
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                x = self.anchor_x(event.position().x())
                self.set_viewport(self.vp.zoomed(1.0 + event.value(), x, self.max_span()))
                event.accept()
                return True
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                factor = pinch.scaleFactor()
                if factor > 0:
                    centre = self.mapFromGlobal(pinch.centerPoint().toPoint())
                    self.set_viewport(self.vp.zoomed(factor, self.anchor_x(centre.x()), self.max_span()))
                event.accept()
                return True
        if event.type() == QEvent.Type.ToolTip:
            return True  # tooltips are shown on hover by mouseMoveEvent
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        self._press_button = event.button()
        self._press_vp = self.vp
        self._press_scroll = self.scroll_y
        self._moved = False
        rubber = event.button() == Qt.MouseButton.RightButton or (
            event.button() == Qt.MouseButton.LeftButton and event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self._rubber = QRectF(event.position(), event.position()) if rubber else None
        if not rubber and event.button() == Qt.MouseButton.LeftButton:
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._press is not None:
            delta = pos - self._press
            if abs(delta.x()) + abs(delta.y()) >= _DRAG_THRESHOLD:
                self._moved = True
            if self._rubber is not None:
                self._rubber = QRectF(self._press, pos).normalized()
                self.update()
            elif self._press_button == Qt.MouseButton.LeftButton and self._moved and self._press_vp is not None:
                self.set_viewport(self._press_vp.panned(delta.x()))
                self.set_scroll_y(self._press_scroll - int(delta.y()))
            return
        event_idx, cluster = self.item_at(pos)
        if event_idx != self.hovered or cluster != self._hover_cluster:
            self.hovered, self._hover_cluster = event_idx, cluster
            self.update()
            if event_idx >= 0:
                QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_html(event_idx, self._hit_occ), self)
            elif cluster >= 0:
                rng = self.cluster_range(cluster)
                n = int(self._items.lc.clusters.count[cluster])
                text = f"<b>{n:,} events</b>"
                if rng:
                    text += f"<br>{format_day(rng[0])} – {format_day(rng[1] - 1)}<br><i>Click to zoom in</i>"
                QToolTip.showText(event.globalPosition().toPoint(), text, self)
            else:
                QToolTip.hideText()
        self.setCursor(Qt.CursorShape.PointingHandCursor if event_idx >= 0 or cluster >= 0
                       else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        press, moved, rubber = self._press, self._moved, self._rubber
        button = self._press_button
        self._press, self._rubber = None, None
        self.setCursor(Qt.CursorShape.ArrowCursor)
        if press is None:
            return
        if rubber is not None and moved:
            x0 = self.anchor_x(rubber.left())
            x1 = self.anchor_x(rubber.right())
            if x1 - x0 >= 4:
                t0, t1 = self.vp.t_of(max(x0, 0.0)), self.vp.t_of(min(x1, float(self.time_width())))
                self.set_viewport(Viewport.fit(t0, t1, self.time_width(), margin=0.0))
            self.update()
            return
        if button == Qt.MouseButton.RightButton:
            # The menu acts on the event under the cursor: select it first, as a left click would.
            event_idx, _cluster = self.item_at(pos)
            if event_idx >= 0 and event_idx != self.selected:
                self.selected = event_idx
                self.event_clicked.emit(event_idx)
            self.update()
            self._context_menu(event.globalPosition().toPoint())
            return
        if button != Qt.MouseButton.LeftButton or moved:
            return
        event_idx, cluster = self.item_at(pos)
        if cluster >= 0:
            self.zoom_to_cluster(cluster)
            return
        if event_idx != self.selected:
            self.selected = event_idx
            self.update()
        self.event_clicked.emit(event_idx)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        event_idx, cluster = self.item_at(event.position())
        if cluster >= 0:
            self.zoom_to_cluster(cluster)
        elif event_idx >= 0:
            self.selected = event_idx
            self.zoom_to_event(event_idx)
            self.event_double_clicked.emit(event_idx)
        else:
            self.set_viewport(self.vp.zoomed(2.0, self.anchor_x(event.position().x())))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._static_key = self._direct_key = None  # light/dark switch: redraw with the new colours
            self.painter.cached.invalidate()
            self.update()
        super().changeEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self.hovered >= 0 or self._hover_cluster >= 0:
            self.hovered = self._hover_cluster = -1
            self.update()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() != QContextMenuEvent.Reason.Mouse:
            self._context_menu(event.globalPos())

    def _context_menu(self, global_pos: QPoint) -> None:
        self.context_menu_requested.emit(global_pos)

    # -- keys ----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        w = self.time_width()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_viewport(self.vp.zoomed(1.5, w / 2))
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.set_viewport(self.vp.zoomed(1 / 1.5, w / 2, self.max_span()))
        elif key == Qt.Key.Key_Left:
            self.set_viewport(self.vp.panned(w * 0.1))
        elif key == Qt.Key.Key_Right:
            self.set_viewport(self.vp.panned(-w * 0.1))
        elif key == Qt.Key.Key_PageUp:
            self.set_viewport(self.vp.panned(w * 0.9))
        elif key == Qt.Key.Key_PageDown:
            self.set_viewport(self.vp.panned(-w * 0.9))
        elif key == Qt.Key.Key_Up:
            self.set_scroll_y(self.scroll_y - 40)
        elif key == Qt.Key.Key_Down:
            self.set_scroll_y(self.scroll_y + 40)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            ext = self.data.extent()
            if ext is not None:
                t = ext[0] if key == Qt.Key.Key_Home else ext[1]
                x = w * 0.05 if key == Qt.Key.Key_Home else w * 0.95
                self.set_viewport(Viewport(t - x / self.vp.px_per_day, self.vp.px_per_day, w))
        elif key == Qt.Key.Key_0:
            self.fit_all()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected >= 0:
            self.event_double_clicked.emit(self.selected)
        elif key == Qt.Key.Key_Escape:
            self._rubber = None
            if self.selected >= 0:
                self.selected = -1
                self.event_clicked.emit(-1)
            self.update()
        else:
            super().keyPressEvent(event)

    # -- navigation ----------------------------------------------------------------------------

    def fit_all(self) -> None:
        ext = self.data.extent()
        if ext is None:
            return
        self.fitted = True
        self.set_viewport(Viewport.fit(ext[0], ext[1], self.time_width()))

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
        """Bring the event's first shown lane into view vertically."""
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
        if self.fitted and event.oldSize().width() > 0:
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
