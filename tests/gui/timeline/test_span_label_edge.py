"""A label beside a narrow bar at the view's right edge: left of its bar, whole, never cut by the edge."""

from __future__ import annotations

import datetime as dt

from tests.gui.timeline.helpers import frame, frame_with_labels, shown

ROWS = [
    ("y1990", "1990-01-01", "1990-12-31", "year", False, "TUR", "Consult", "Parliament ratified the border treaty", "1990"),
    ("y2019", "2019-01-01", "2019-12-31", "year", False, "SYR", "Consult", "Parliament ratified the border treaty", "2019"),
]


def test_the_label_of_a_year_at_the_right_edge_goes_left_of_its_bar_and_one_elsewhere_stays_right(qtbot) -> None:
    view = shown(qtbot, frame(ROWS), 1000, 300)
    view.zoom_to_date_range(dt.date(1985, 1, 1), dt.date(2020, 3, 31))  # a year 23 px wide; 2019 ends some 6 px from the edge
    drawn, items = frame_with_labels(view)
    labels = {view._data.event_ids[view._data.o_event[occ]]: box for box, occ, _c, _t in drawn if occ >= 0}
    cut = dict(zip([view._data.event_ids[view._data.o_event[occ]] for _b, occ, _c, _t in drawn if occ >= 0],
                   view.canvas.painter.labels.cut))
    assert set(labels) == {"y1990", "y2019"}
    bars = {view._data.event_ids[view._data.o_event[o]]: (x, w) for x, w, o in
            zip(items.x.tolist(), items.w.tolist(), items.occ.tolist()) if o >= 0}
    x, _w = bars["y2019"]
    assert labels["y2019"].right() <= x  # before its bar
    assert not cut["y2019"]
    texts = {view._data.event_ids[view._data.o_event[occ]]: t for _b, occ, _c, t in drawn if occ >= 0}
    assert texts["y2019"] == "Parliament ratified the border treaty"  # room for all of it before the bar
    x, w = bars["y1990"]
    assert labels["y1990"].left() >= x + w  # in the middle of the view: after its bar
