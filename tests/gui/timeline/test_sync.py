"""'Sync with timeline view': the table follows the view; the timeline's lanes and events stay put while it pans."""

from __future__ import annotations

import datetime as dt

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
