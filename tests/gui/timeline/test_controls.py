"""The canvas's controls offscreen: wheel, pinch, click, double-click, drag, rubber band, keys, right click."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QNativeGestureEvent, QPointingDevice
from PySide6.QtWidgets import QApplication

from tests.gui.timeline.helpers import centre_of, drawn_events, frame, shown, wheel
from timeline_app.core.timeline.layout import HEADER_W
from timeline_app.gui.timeline import TimelineView


def test_wheel_zoom_keeps_the_date_under_the_cursor(view: TimelineView, qtbot) -> None:
    view.zoom_to_date_range(dt.date(2022, 10, 1), dt.date(2023, 1, 31))
    canvas = view.canvas
    x = HEADER_W + 333.0
    before_span = canvas.vp.span
    t_before = canvas.vp.t_of(x - HEADER_W)
    wheel(canvas, QPointF(x, 200), 120)
    assert canvas.vp.span < before_span  # zoomed in
    assert canvas.vp.t_of(x - HEADER_W) == pytest.approx(t_before, abs=1e-6)
    wheel(canvas, QPointF(x, 200), -360)
    assert canvas.vp.span > before_span
    assert canvas.vp.t_of(x - HEADER_W) == pytest.approx(t_before, abs=1e-6)
    with qtbot.waitSignal(view.view_changed, timeout=2000) as blocker:
        wheel(canvas, QPointF(x, 200), 120)
    start, end = blocker.args
    assert isinstance(start, dt.date) and start < end


def test_pinch_zoom_keeps_the_date_under_the_fingers(view: TimelineView) -> None:
    view.zoom_to_date_range(dt.date(2022, 10, 1), dt.date(2023, 1, 31))
    canvas = view.canvas
    pos = QPointF(HEADER_W + 412.0, 150.0)
    t_before = canvas.vp.t_of(pos.x() - HEADER_W)
    span = canvas.vp.span
    for value in (0.25, 0.25, -0.4):
        event = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture, QPointingDevice.primaryPointingDevice(),
                                    2, pos, pos, canvas.mapToGlobal(pos), value, QPointF(0, 0), 0)
        QApplication.sendEvent(canvas, event)
        assert event.isAccepted()
        assert canvas.vp.t_of(pos.x() - HEADER_W) == pytest.approx(t_before, abs=1e-6)
    assert canvas.vp.span == pytest.approx(span / (1.25 * 1.25 * 0.6))


def test_click_selects_the_event_under_the_mouse(view: TimelineView, qtbot) -> None:
    view.zoom_to_date_range(dt.date(2022, 12, 15), dt.date(2023, 1, 5))
    for event_id in ("e7", "e1", "e4"):
        pos = centre_of(view, event_id)
        with qtbot.waitSignal(view.event_selected, timeout=2000) as blocker:
            qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=pos)
        assert blocker.args == [event_id]
        assert view.selected_event() == event_id
    # A click on empty space clears the selection.
    with qtbot.waitSignal(view.event_selected, timeout=2000) as blocker:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(HEADER_W + 5, view.canvas.height() - 8))
    assert blocker.args == [""]
    assert view.selected_event() is None


def test_double_click_activates_and_zooms(view: TimelineView, qtbot) -> None:
    view.zoom_to_date_range(dt.date(2022, 10, 1), dt.date(2023, 1, 31))
    pos = centre_of(view, "e7")
    span = view.canvas.vp.span
    with qtbot.waitSignal(view.event_activated, timeout=2000) as blocker:
        qtbot.mouseDClick(view.canvas, Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == ["e7"]
    assert view.canvas.vp.span < span


def test_clusters_when_zoomed_out_and_click_zooms_in(qtbot) -> None:
    rng = np.random.default_rng(2)
    days = rng.integers(0, 60, 400)
    rows = [(f"c{i}", str(dt.date(2020, 3, 1) + dt.timedelta(days=int(d))), str(dt.date(2020, 3, 1) + dt.timedelta(days=int(d))),
             "day", False, "FRA", "Consult", f"event {i}", "") for i, d in enumerate(days)]
    rows.append(("far", "1990-01-01", "1990-01-01", "day", False, "FRA", "Consult", "far away", ""))
    v = shown(qtbot, frame(rows), 1000, 400)
    v.fit_all(everything=True)  # the far event too: Fit alone leaves it out
    v.canvas.repaint()
    items = v.canvas._items
    clusters = np.flatnonzero(items.cluster >= 0)
    assert len(clusters), "400 events in two months of a 30-year view must cluster"
    counts = items.lc.clusters.count[items.cluster[clusters]]
    assert counts.sum() >= 390
    i = int(clusters[np.argmax(counts)])
    span = v.canvas.vp.span
    qtbot.mouseClick(v.canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(items.x[i] + items.w[i] / 2),
                                                                     int(items.y[i] + items.h[i] / 2)))
    assert v.canvas.vp.span < span / 20
    start, end = v.visible_range()
    assert dt.date(2020, 1, 1) <= start and end <= dt.date(2020, 12, 31)


def test_drag_pans_and_right_drag_zooms_to_the_rectangle(view: TimelineView, qtbot) -> None:
    view.zoom_to_date_range(dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    canvas = view.canvas
    t0 = canvas.vp.t0
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(600, 300))
    qtbot.mouseMove(canvas, QPoint(700, 300))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(700, 300))
    assert canvas.vp.t0 == pytest.approx(t0 - 100 / canvas.vp.px_per_day)
    a, b = HEADER_W + 100, HEADER_W + 300
    ta, tb = canvas.vp.t_of(100), canvas.vp.t_of(300)
    qtbot.mousePress(canvas, Qt.MouseButton.RightButton, pos=QPoint(a, 200))
    qtbot.mouseMove(canvas, QPoint(b, 260))
    qtbot.mouseRelease(canvas, Qt.MouseButton.RightButton, pos=QPoint(b, 260))
    assert canvas.vp.t0 == pytest.approx(ta, abs=0.5) and canvas.vp.t1 == pytest.approx(tb, abs=0.5)


def test_lanes_scroll_with_shift_wheel_and_the_scroll_bar(qtbot) -> None:
    rows = [(f"s{i}", "2020-05-01", "2020-05-01", "day", False, f"C{i:02d}", "Consult", f"lane {i}", "")
            for i in range(40)]
    v = shown(qtbot, frame(rows), 900, 400)
    v.canvas.repaint()
    assert v.scrollbar.isVisible() and v.scrollbar.maximum() > 0
    wheel(v.canvas, QPointF(500, 200), -240, Qt.KeyboardModifier.ShiftModifier)
    v.canvas.repaint()
    assert v.canvas.scroll_y > 0 and v.scrollbar.value() == v.canvas.scroll_y
    v.scrollbar.setValue(v.scrollbar.maximum())
    v.canvas.repaint()
    assert v.canvas.scroll_y == v.scrollbar.maximum()
    assert "s39" in drawn_events(v) and "s0" not in drawn_events(v)


def test_keyboard_navigation(view: TimelineView, qtbot) -> None:
    view.zoom_to_date_range(dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    canvas = view.canvas
    span = canvas.vp.span
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.vp.span < span
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.vp.span == pytest.approx(span)
    t0 = canvas.vp.t0
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.vp.t0 > t0
    qtbot.keyClick(canvas, Qt.Key.Key_PageUp)
    assert canvas.vp.t0 < t0
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    assert view.visible_range()[0] <= dt.date(850, 6, 1) <= view.visible_range()[1]
    qtbot.keyClick(canvas, Qt.Key.Key_End)
    assert view.visible_range()[0] <= dt.date(2022, 12, 28) <= view.visible_range()[1]


def test_enter_activates_and_escape_clears_the_selection(view: TimelineView, qtbot) -> None:
    view.select_event("e7")
    with qtbot.waitSignal(view.event_activated, timeout=2000) as blocker:
        qtbot.keyClick(view.canvas, Qt.Key.Key_Return)
    assert blocker.args == ["e7"]
    with qtbot.waitSignal(view.event_selected, timeout=2000) as blocker:
        qtbot.keyClick(view.canvas, Qt.Key.Key_Escape)
    assert blocker.args == [""] and view.selected_event() is None


def test_right_click_selects_the_event_and_offers_the_windows_entries(view: TimelineView, qtbot, monkeypatch) -> None:
    edit = QAction("Edit event…", view)
    view.extra_actions = [edit, None]
    menus: list[list[str]] = []
    monkeypatch.setattr(TimelineView, "_exec_menu", lambda self, menu, pos: menus.append(
        [a.text() for a in menu.actions()]))
    view.zoom_to_date_range(dt.date(2022, 12, 15), dt.date(2023, 1, 5))
    with qtbot.waitSignal(view.event_selected, timeout=2000) as blocker:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.RightButton, pos=centre_of(view, "e4"))
    assert blocker.args == ["e4"] and view.selected_event() == "e4"
    assert menus and menus[0][0] == "Edit event…" and "Fit all" in menus[0]
    view.canvas.selected = -1  # nothing selected: only the timeline's own entries
    assert "Edit event…" not in [a.text() for a in view.context_menu().actions()]
