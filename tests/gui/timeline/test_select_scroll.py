"""Selecting an event brings it into view: its time and its lane, when both must move."""

from __future__ import annotations

import datetime as dt

import numpy as np

from tests.core.timeline.generated import varied_events
from tests.gui.timeline.helpers import drawn_events, shown
from timeline_app.core.timeline.layout import AXIS_H, LEGEND_H


def test_an_event_selected_in_a_lane_below_the_view_is_drawn_after_the_view_zooms_to_it(qtbot) -> None:
    df = varied_events(600)
    view = shown(qtbot, df, 1000, 260)  # room for two or three of the eight lanes
    view.zoom_to_date_range(dt.date(1998, 1, 1), dt.date(2003, 12, 31))  # years: lanes of many rows
    view.canvas.repaint()
    data = view._data
    last_lane = data.lane_order[-1]
    days = np.flatnonzero((data.o_lane == last_lane) & data.o_day)  # a day: the view zooms in to it
    event_id = str(data.event_ids[data.o_event[days[len(days) // 2]]])
    assert view.select_event(event_id)
    assert event_id in drawn_events(view)
    _assert_lane_in_view(view, event_id)


def _assert_lane_in_view(view, event_id: str) -> None:
    """The event's lane lies whole between the axis and the bottom of the lanes, as the frame drew them."""
    canvas, data = view.canvas, view._data
    canvas.repaint()  # a frame at the new viewport (and the scroll it asks for) ...
    canvas.repaint()  # ... drawn
    items = canvas._items
    pos = int(data.lane_pos[data.o_lane[data.o_event == data.index_of(event_id)]].min())
    top = items.lane_top + float(items.layout.top[pos])
    bottom = top + float(items.layout.height[pos])
    assert top >= AXIS_H and bottom <= canvas.height() - LEGEND_H, (top, bottom, canvas.height())


def test_a_month_selected_from_far_out_brings_its_lane_into_view(qtbot) -> None:
    """Zoomed out over the decades every lane is tall with rows; zoomed in to one month it is a row or
    two: the lane must be found by the heights of the frame at the month, not of the one before."""
    df = varied_events(900)
    view = shown(qtbot, df, 1000, 420)
    view.canvas.repaint()
    data = view._data
    last_lane = data.lane_order[-1]
    months = np.flatnonzero((data.o_lane == last_lane) & (data.precision[data.o_event] == "month"))
    event_id = str(data.event_ids[data.o_event[months[0]]])
    view.canvas.zoom_to_event(data.index_of(event_id))  # first at the month, to learn its lane there
    assert view.select_event(event_id)
    _assert_lane_in_view(view, event_id)
