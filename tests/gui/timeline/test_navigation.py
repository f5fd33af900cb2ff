"""Fit, zoom limits and Go to date as a user sees them: margins, far outliers, the data kept in view."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from tests.gui.timeline.helpers import frame, frame_with_labels, shown
from timeline_app.core.daycount import date_to_days
from timeline_app.core.timeline.layout import HEADER_W
from timeline_app.core.timeline.ticks import choose_axis
from timeline_app.core.timeline.viewport import Viewport
from timeline_app.gui.timeline.canvas import today_days


def _decade(with_outlier: bool) -> list[tuple]:
    """A day a year from 2011 to 2021 in two lanes, the newest in December 2022 with a long summary;
    maybe one war in 1850."""
    rows = [(f"e{i}", f"{2011 + i}-06-10", f"{2011 + i}-06-10", "day", False, "TUR" if i % 2 else "SYR", "Consult",
             f"Talks {i}", "") for i in range(11)]
    rows.append(("newest", "2022-12-28", "2022-12-28", "day", False, "TUR", "Consult",
                 "Defence ministers met in Moscow", ""))
    if with_outlier:
        rows.append(("war", "1850-01-01", "1850-12-31", "year", False, "TUR", "Fight", "A war in the nineteenth century", ""))
    return rows


def test_fit_ends_at_the_data_with_the_newest_label_inside(qtbot) -> None:
    view = shown(qtbot, frame(_decade(False)), 1000, 400)
    view.fit_all()
    _start, end = view.visible_range()
    assert dt.date(2022, 12, 28) <= end <= dt.date(2023, 6, 30)  # no empty years kept for labels
    drawn, items = frame_with_labels(view)
    newest = [(r, occ) for (r, occ, _c, _t), cut in zip(drawn, view.canvas.painter.labels.cut)
              if occ >= 0 and view._data.event_ids[view._data.o_event[occ]] == "newest" and not cut]
    assert newest, "the newest event's label is not drawn, or cut by the edge"
    rect, occ = newest[0]
    texts = [t for (_r, o, _c, t) in drawn if o == occ]
    assert texts[0].startswith("Defence ministers")  # shortened to the room since the event before
    marker = float(items.x[items.occ == occ].min())
    assert rect.right() <= marker  # left of its point, which is at the end of the view
    first_x = float(items.x[items.occ >= 0].min())
    assert first_x >= HEADER_W + 15  # a margin left of the first event too
    # Negative: an event in the middle keeps its label right of its point.
    middle = [(r, o) for (r, o, _c, t) in drawn if o >= 0 and t == "Talks 5"]
    assert middle and middle[0][0].left() > float(items.x[items.occ == middle[0][1]].min())


def test_fit_leaves_a_far_outlier_out_and_says_so(qtbot) -> None:
    view = shown(qtbot, frame(_decade(True)), 1000, 400)
    view.fit_all()
    start, end = view.visible_range()
    assert dt.date(2010, 6, 1) <= start <= dt.date(2011, 6, 1) and end >= dt.date(2022, 12, 28)
    view.canvas.repaint()
    edges = view.canvas._items.edges
    assert set(edges) == {"before"}  # an arrow at the left end of the axis
    html = view.canvas.edge_tooltip_html("before")
    assert "1 event" in html and "1850" in html
    x, y, w, h = edges["before"]
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(x + w / 2), int(y + h / 2)))
    start, _end = view.visible_range()
    assert start <= dt.date(1850, 1, 1)  # a click shows every event
    view.canvas.repaint()
    assert view.canvas._items.edges == {}


def test_zooming_out_stops_a_little_past_the_data(qtbot) -> None:
    view = shown(qtbot, frame(_decade(False)), 1000, 400)
    first, last = date_to_days(dt.date(2011, 6, 10)), date_to_days(dt.date(2022, 12, 29))
    for _ in range(40):
        view.zoom_by(1 / 1.5)
    vp = view.canvas.vp
    assert vp.span <= (last - first) * 1.8
    assert vp.t0 <= first and vp.t1 >= last  # and the data stays in view, not the 25th century
    view.canvas.set_viewport(vp.panned(-5000))
    assert view.canvas.vp.t1 >= last


@pytest.mark.parametrize("precision,unit", [("year", "month"), ("month", "day"), ("day", "day")])
def test_go_to_date_shows_the_precision_typed(qtbot, precision: str, unit: str) -> None:
    view = shown(qtbot, frame(_decade(False)), 1000, 400)
    view.go_to_date(dt.date(2015, 3, 10) if precision == "day" else dt.date(2015, 3, 1) if precision == "month"
                    else dt.date(2015, 1, 1), precision)
    start, end = view.visible_range()
    if precision == "year":
        assert start.year in (2014, 2015) and end.year in (2015, 2016) and 360 <= (end - start).days <= 380
    elif precision == "month":
        assert start <= dt.date(2015, 3, 1) and end >= dt.date(2015, 3, 31) and (end - start).days < 35
    else:
        assert start < dt.date(2015, 3, 10) < end and (end - start).days <= 22
    axis = choose_axis(view.canvas.vp, view.canvas.painter.fonts.measure)
    assert axis.unit == unit


def test_go_to_date_typed_in_words_shows_that_month(qtbot, monkeypatch) -> None:
    view = shown(qtbot, frame(_decade(False)), 1000, 400)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("March 2015", True))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a))
    view.ask_go_to_date()
    start, end = view.visible_range()
    assert not warned and start <= dt.date(2015, 3, 1) and end >= dt.date(2015, 3, 31) and (end - start).days < 35
    replies = [("last week", True), ("", False)]
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, text="", **k: (asked.append((a[2], text)), replies.pop(0))[1])
    view.ask_go_to_date()
    # Refused: asked again with the text kept and what is wrong said; cancelled, the view stays.
    assert asked[1][1] == "last week" and asked[1][0].startswith("“last week” is not a date")
    assert not warned and view.visible_range() == (start, end)


def _tick_labels_under(view, box: tuple[float, float, float, float]) -> list[str]:
    x, _y, w, _h = box
    return [label for left, right, label in view.canvas.painter.axis.drawn_ticks if left < x + w and right > x]


@pytest.mark.parametrize("day", [dt.date(2016, 6, 10), dt.date(2016, 6, 20)])
def test_no_tick_label_peeks_out_from_under_an_edge_arrow(qtbot, day) -> None:
    view = shown(qtbot, frame(_decade(True)), 1000, 400)
    for d in (day, dt.date(2019, 11, 1)):
        view.go_to_date(d, "month")
        view.canvas.repaint()
        edges = view.canvas._items.edges
        assert edges, "events lie out of view on both sides"
        for side, box in edges.items():
            assert not _tick_labels_under(view, box), f"a tick label half hidden by the {side} arrow"
        assert len(view.canvas.painter.axis.drawn_ticks) >= 10  # the other tick labels are still there


def test_tick_labels_at_the_ends_are_drawn_when_no_arrow_covers_them(qtbot) -> None:
    view = shown(qtbot, frame(_decade(False)), 1000, 400)
    view.fit_all()
    view.canvas.repaint()
    assert view.canvas._items.edges == {}
    start, _end = view.visible_range()
    ticks = sorted(view.canvas.painter.axis.drawn_ticks)
    assert ticks[0][2] == str(start.year + 1)  # the first year that starts in view keeps its label
    assert ticks[0][0] < HEADER_W + 30 + 365 * view.canvas.vp.px_per_day


def _forty_years() -> list[tuple]:
    """A day every five years from 1980, and forty days of 2021: they cluster when zoomed out."""
    rows = [(f"o{i}", f"{1980 + i}-03-01", f"{1980 + i}-03-01", "day", False, "TUR", "Consult", f"Talks {i}", "")
            for i in range(0, 36, 5)]
    rows += [(f"d{i}", f"2021-{1 + i % 12:02d}-{1 + i % 27:02d}", f"2021-{1 + i % 12:02d}-{1 + i % 27:02d}", "day",
              False, "TUR", "Consult", f"Meeting {i}", "") for i in range(40)]
    return rows


def _boxes_right_edge(view) -> float:
    view.canvas.repaint()
    items = view.canvas._items
    boxes = items.cluster >= 0
    assert boxes.any(), "the last years should be drawn as a cluster"
    return float((items.x[boxes] + items.w[boxes]).max())


def test_fit_shows_the_last_cluster_box_whole(qtbot) -> None:
    # Zoomed out to the whole, the last years cluster, and a cluster box is a whole bin of years
    # that may end well past the last event.
    view = shown(qtbot, frame(_forty_years()), 700, 300)
    view.fit_all()
    assert _boxes_right_edge(view) <= view.canvas.width()
    _start, end = view.visible_range()
    assert end <= dt.date(2031, 1, 1)  # whole, but no decade of empty years after it


def test_a_view_the_user_zoomed_keeps_its_span_when_resized(qtbot) -> None:
    view = shown(qtbot, frame(_forty_years()), 1000, 300)
    view.fit_all()
    view.zoom_by(2.0)
    span = view.canvas.vp.span
    view.resize(700, 300)
    assert abs(view.canvas.vp.span - span) < 1e-6 * span  # not fitted again


def test_the_today_label_stays_in_view_at_the_right_edge(qtbot) -> None:
    view = shown(qtbot, frame(_decade(False)), 1000, 400)
    canvas = view.canvas
    today = today_days()
    for before_edge_px in (2.0, 300.0):
        ppd = 2.0
        canvas.set_viewport(Viewport(today - (canvas.time_width() - before_edge_px) / ppd, ppd, canvas.time_width()))
        canvas.repaint()
        left, right = canvas.painter.axis.today_label
        assert HEADER_W <= left and right <= canvas.width(), f"'Today' cut {before_edge_px} px from the edge"
        line = HEADER_W + float(canvas.vp.x_of(today))
        # Right of its line where it fits (negative: it moves only when it must).
        assert (left > line) == (before_edge_px > 60)
