"""CanvasControls: every mouse, wheel, key and gesture on the timeline canvas, turned into its moves and signals."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent, QNativeGestureEvent, QWheelEvent
from PySide6.QtWidgets import QGestureEvent, QToolTip

from timeline_app.core.timeline.navigate import step_event
from timeline_app.core.timeline.viewport import Viewport
from timeline_app.gui.timeline.canvas import TimelineCanvas

log = logging.getLogger(__name__)

WHEEL_ZOOM = 1.2  # per wheel notch, like Timeline's 20%
_DRAG_THRESHOLD = 4
_MOUSE = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease,
          QEvent.Type.MouseButtonDblClick)


class CanvasControls(QObject):
    """Watches the canvas's input events (an event filter) and drives it through its public methods:
    the wheel zooms around the cursor, Shift+wheel scrolls lanes, a horizontal wheel pans; pinch zooms;
    drag pans; Shift+drag or right-drag zooms to a rectangle; hover shows a tooltip; a click selects,
    a double-click zooms in (and activates an event); keys move, zoom, select and activate."""

    event_clicked = Signal(int)  # event index, -1 for empty space
    event_double_clicked = Signal(int)
    event_stepped = Signal(int)  # event index chosen by the keys for the next or previous event
    context_menu_requested = Signal(QPoint)  # global position

    def __init__(self, canvas: TimelineCanvas) -> None:
        super().__init__(canvas)
        self._canvas = canvas
        self._press: QPointF | None = None
        self._press_button = Qt.MouseButton.NoButton
        self._press_vp: Viewport | None = None
        self._press_scroll = 0
        self._moved = False
        canvas.setMouseTracking(True)
        canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        canvas.grabGesture(Qt.GestureType.PinchGesture)
        canvas.setAccessibleDescription(
            "Events by date. Plus and minus zoom, arrows and Page Up/Down move, Home and End go to the first "
            "and last event, 0 fits all, Ctrl+Right and Ctrl+Left select the next and previous event, "
            "Enter opens the selected event.")
        canvas.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _MOUSE and isinstance(event, QMouseEvent):
            event.accept()
            if kind == QEvent.Type.MouseButtonPress:
                self._mouse_press(event)
            elif kind == QEvent.Type.MouseMove:
                self._mouse_move(event)
            elif kind == QEvent.Type.MouseButtonRelease:
                self._mouse_release(event)
            else:
                self._mouse_double_click(event)
            return True
        if kind == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            self._wheel(event)
            return True
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            handled = self._key(event)
            if handled:
                event.accept()
            return handled  # other keys go on to the canvas (focus moves, the context menu key)
        if kind == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent):
            return self._native_gesture(event)
        if kind == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            return self._gesture(event)
        if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            if event.reason() != QContextMenuEvent.Reason.Mouse:  # a right click asks on release
                self.context_menu_requested.emit(event.globalPos())
            event.accept()
            return True
        if kind == QEvent.Type.ToolTip:
            return True  # tooltips are shown on hover, by _mouse_move
        if kind == QEvent.Type.Leave:
            self._canvas.set_hover(-1, -1)
        return False

    # -- wheel and gestures --------------------------------------------------------------------

    def _wheel(self, event: QWheelEvent) -> None:
        c = self._canvas
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            steps = (delta.y() or delta.x()) / 120.0
            c.set_scroll_y(c.scroll_y - int(steps * 60))
        elif delta.x() and abs(delta.x()) > abs(delta.y()):
            c.set_viewport(c.vp.panned(delta.x() / 120.0 * 60))
        elif delta.y():
            factor = WHEEL_ZOOM ** (delta.y() / 120.0)
            x = min(max(c.anchor_x(event.position().x()), 0.0), float(c.time_width()))
            c.set_viewport(c.vp.zoomed(factor, x, c.max_span()))
        event.accept()

    def _native_gesture(self, event: QNativeGestureEvent) -> bool:
        """A trackpad's pinch (macOS): zoom around the fingers."""
        if event.gestureType() != Qt.NativeGestureType.ZoomNativeGesture:
            return False
        c = self._canvas
        c.set_viewport(c.vp.zoomed(1.0 + event.value(), c.anchor_x(event.position().x()), c.max_span()))
        event.accept()
        return True

    def _gesture(self, event: QGestureEvent) -> bool:
        """A touch screen's pinch: zoom around its centre."""
        pinch = event.gesture(Qt.GestureType.PinchGesture)
        if pinch is None:
            return False
        c = self._canvas
        factor = pinch.scaleFactor()
        if factor > 0:
            centre = c.mapFromGlobal(pinch.centerPoint().toPoint())
            c.set_viewport(c.vp.zoomed(factor, c.anchor_x(centre.x()), c.max_span()))
        event.accept()
        return True

    # -- mouse ---------------------------------------------------------------------------------

    def _mouse_press(self, event: QMouseEvent) -> None:
        c = self._canvas
        self._press = event.position()
        self._press_button = event.button()
        self._press_vp = c.vp
        self._press_scroll = c.scroll_y
        self._moved = False
        rubber = event.button() == Qt.MouseButton.RightButton or (
            event.button() == Qt.MouseButton.LeftButton and event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        c.rubber = QRectF(event.position(), event.position()) if rubber else None
        if not rubber and event.button() == Qt.MouseButton.LeftButton:
            c.setCursor(Qt.CursorShape.ClosedHandCursor)

    def _mouse_move(self, event: QMouseEvent) -> None:
        c = self._canvas
        pos = event.position()
        if self._press is not None:
            delta = pos - self._press
            if abs(delta.x()) + abs(delta.y()) >= _DRAG_THRESHOLD:
                self._moved = True
            if c.rubber is not None:
                c.rubber = QRectF(self._press, pos).normalized()
                c.update()
            elif self._press_button == Qt.MouseButton.LeftButton and self._moved and self._press_vp is not None:
                c.set_viewport(self._press_vp.panned(delta.x()))
                c.set_scroll_y(self._press_scroll - int(delta.y()))
            return
        edge = c.edge_at(pos)
        if edge:
            c.set_hover(-1, -1)
            QToolTip.showText(event.globalPosition().toPoint(), c.edge_tooltip_html(edge), c)
            c.setCursor(Qt.CursorShape.PointingHandCursor)
            return
        event_idx, cluster = c.item_at(pos)
        if c.set_hover(event_idx, cluster):
            if event_idx >= 0:
                QToolTip.showText(event.globalPosition().toPoint(), c.tooltip_html(event_idx, c.hit_occ), c)
            elif cluster >= 0:
                QToolTip.showText(event.globalPosition().toPoint(), c.cluster_tooltip_html(cluster), c)
            else:
                QToolTip.hideText()
        c.setCursor(Qt.CursorShape.PointingHandCursor if event_idx >= 0 or cluster >= 0
                    else Qt.CursorShape.ArrowCursor)

    def _mouse_release(self, event: QMouseEvent) -> None:
        c = self._canvas
        pos = event.position()
        press, moved, rubber = self._press, self._moved, c.rubber
        button = self._press_button
        self._press, c.rubber = None, None
        c.setCursor(Qt.CursorShape.ArrowCursor)
        if press is None:
            return
        if rubber is not None and moved:
            x0 = c.anchor_x(rubber.left())
            x1 = c.anchor_x(rubber.right())
            if x1 - x0 >= 4:
                t0, t1 = c.vp.t_of(max(x0, 0.0)), c.vp.t_of(min(x1, float(c.time_width())))
                c.set_viewport(Viewport.fit(t0, t1, c.time_width(), margin=0.0))
            c.update()
            return
        if button == Qt.MouseButton.RightButton:
            # The menu acts on the event under the cursor: select it first, as a left click would.
            event_idx, _cluster = c.item_at(pos)
            if event_idx >= 0 and event_idx != c.selected:
                c.selected = event_idx
                self.event_clicked.emit(event_idx)
            c.update()
            self.context_menu_requested.emit(event.globalPosition().toPoint())
            return
        if button != Qt.MouseButton.LeftButton or moved:
            return
        if c.edge_at(pos):
            c.fit_all(everything=True)  # the arrow says events lie out of view: show them
            return
        event_idx, cluster = c.item_at(pos)
        if cluster >= 0:
            c.zoom_to_cluster(cluster)
            return
        if event_idx != c.selected:
            c.selected = event_idx
            c.update()
        self.event_clicked.emit(event_idx)

    def _mouse_double_click(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        c = self._canvas
        event_idx, cluster = c.item_at(event.position())
        if cluster >= 0:
            c.zoom_to_cluster(cluster)
        elif event_idx >= 0:
            c.selected = event_idx
            c.zoom_to_event(event_idx)
            self.event_double_clicked.emit(event_idx)
        else:
            c.set_viewport(c.vp.zoomed(2.0, c.anchor_x(event.position().x())))

    # -- keys ----------------------------------------------------------------------------------

    def _key(self, event: QKeyEvent) -> bool:
        """Move, zoom, select or activate; False for a key the timeline has no use for."""
        c = self._canvas
        key = event.key()
        w = c.time_width()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            d = c.data
            idx = step_event(d.start, d.end, d.shown_events(), c.selected, 1 if key == Qt.Key.Key_Right else -1,
                             c.vp.t0, c.vp.t1)
            if idx >= 0:
                c.selected = idx
                self.event_stepped.emit(idx)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            c.set_viewport(c.vp.zoomed(1.5, w / 2))
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            c.set_viewport(c.vp.zoomed(1 / 1.5, w / 2, c.max_span()))
        elif key == Qt.Key.Key_Left:
            c.set_viewport(c.vp.panned(w * 0.1))
        elif key == Qt.Key.Key_Right:
            c.set_viewport(c.vp.panned(-w * 0.1))
        elif key == Qt.Key.Key_PageUp:
            c.set_viewport(c.vp.panned(w * 0.9))
        elif key == Qt.Key.Key_PageDown:
            c.set_viewport(c.vp.panned(-w * 0.9))
        elif key == Qt.Key.Key_Up:
            c.set_scroll_y(c.scroll_y - 40)
        elif key == Qt.Key.Key_Down:
            c.set_scroll_y(c.scroll_y + 40)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            ext = c.data.extent()
            if ext is not None:
                t = ext[0] if key == Qt.Key.Key_Home else ext[1]
                x = w * 0.05 if key == Qt.Key.Key_Home else w * 0.95
                c.set_viewport(Viewport(t - x / c.vp.px_per_day, c.vp.px_per_day, w))
        elif key == Qt.Key.Key_0:
            c.fit_all()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and c.selected >= 0:
            self.event_double_clicked.emit(c.selected)
        elif key == Qt.Key.Key_Escape:
            c.rubber = None
            if c.selected >= 0:
                c.selected = -1
                self.event_clicked.emit(-1)
            c.update()
        else:
            return False
        return True
