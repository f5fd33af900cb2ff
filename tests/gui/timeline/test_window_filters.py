"""The window's filters and the timeline: sync with the view keeps the lanes while panning; a filter fits the view."""

from __future__ import annotations

import datetime as dt

import numpy as np

from tests.gui.timeline.helpers import frame_with_labels
from timeline_app.core.daycount import date_to_days
from timeline_app.core.library.filters import FilterSpec
from timeline_app.core.timeline.navigate import MARGIN_SHARE
from timeline_app.core.timeline.viewport import Viewport


def test_panning_with_sync_keeps_the_lanes_and_the_events_in_view(window, qtbot) -> None:
    timeline = window.timeline
    with qtbot.waitSignal(window.filters.filters_changed, timeout=5000):
        window.filters.sync_check.setChecked(True)
    with qtbot.waitSignal(window.filters.filters_changed, timeout=5000):
        timeline.zoom_to_date_range(dt.date(2023, 1, 1), dt.date(2023, 6, 30))
    lanes, shown = timeline.lane_keys(), timeline.shown_event_count()
    rows = window.event_model.rowCount()
    canvas = timeline.canvas
    seen_rows = {rows}
    for step in range(6):  # pan right half a view at a time, waiting for the table each time
        vp = canvas.vp
        with qtbot.waitSignal(window.filters.filters_changed, timeout=5000):
            canvas.set_viewport(Viewport(vp.t0 + vp.span * (0.5 if step < 3 else -0.5), vp.px_per_day, vp.width))
        assert timeline.lane_keys() == lanes, f"lanes reordered after pan {step + 1}"
        assert timeline.shown_event_count() == shown  # events coming into view are there at once
        seen_rows.add(window.event_model.rowCount())
    assert len(seen_rows) > 1  # while the table followed the view


def test_a_filter_fits_the_timeline_to_its_events_with_their_labels_inside(window, qtbot) -> None:
    """After a filter the window fits the timeline as Ctrl+0 does: it ends a margin past the newest
    filtered event (no empty years), and no label of the newest events is cut by the edge."""
    events = window.snapshot.events_frame()
    country = events["countries"].str.split(";").explode().value_counts().index[0]
    with qtbot.waitSignal(window.filters.filters_changed, timeout=5000):
        window.filters.set_spec(FilterSpec(countries=frozenset({country})))
    timeline = window.timeline
    drawn, items = frame_with_labels(timeline)
    data = timeline._data
    newest = int(np.argmax(np.where(timeline.shown_mask(), data.end, -1)))
    _start, end = timeline.visible_range()
    assert date_to_days(end) >= data.end[newest] - 1  # in view, as an item or in a cluster box
    width = timeline.canvas.time_width()
    right = float((items.x + items.w).max())
    assert timeline.canvas.width() - 20 - 2 * MARGIN_SHARE * width <= right <= timeline.canvas.width() - 20
    labels = [cut for (_rect, occ, _cluster, _text), cut in zip(drawn, timeline.canvas.painter.labels.cut)
              if occ >= 0 and data.o_event[occ] == newest]
    assert not any(labels), "the newest label is cut by the edge"

def test_a_fitted_timeline_fits_again_when_the_window_narrows(window, qtbot) -> None:
    """The first view is a Fit: a narrower window fits again, no cluster box cut at the right edge."""
    canvas = window.timeline.canvas
    for width in range(1400, 900, -20):
        window.resize(width, 880)
        qtbot.wait(20)
        canvas.repaint()
        items = canvas._items
        assert float((items.x + items.w).max()) <= canvas.width(), f"an event cut at a {width} px window"
