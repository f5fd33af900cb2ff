"""TimelineView offscreen: events and lanes, filter, selection, navigation, overview, export, 100,000 events."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from tests.core.timeline.generated import many_events
from tests.gui.timeline.helpers import COLUMNS, drawn_events, frame, shown
from timeline_app.core.timeline.layout import HEADER_W
from timeline_app.errors import ExportError
from timeline_app.gui.timeline import TimelineView


def test_events_lanes_and_skipped_rows(view: TimelineView) -> None:
    data = view._data
    assert not data.placed[data.index_of("e5")]  # no date: skipped, not drawn at 1970
    # One lane per country ordered by event count; an event with two countries is in both lanes.
    assert view.lane_keys() == ["TUR", "SYR", "GRC", "RUS"]
    e1 = data.index_of("e1")
    assert sorted(data.lane_keys[k] for k in data.o_lane[data.o_event == e1]) == ["SYR", "TUR"]
    # Fit leaves the embassy of 850 out (it would squeeze 2011-2022 into a sliver); Fit everything not.
    start, end = view.visible_range()
    assert dt.date(2010, 1, 1) <= start <= dt.date(2011, 1, 1) and end >= dt.date(2022, 12, 28)
    view.fit_all(everything=True)
    start, end = view.visible_range()
    assert start <= dt.date(850, 6, 1) and end >= dt.date(2022, 12, 28)


def test_hover_tooltip_text(view: TimelineView) -> None:
    html = view.canvas.tooltip_html(view._data.index_of("e3"))
    assert "since 2011" in html and "2011-01-01 – 2011-12-31" in html and "open-ended" in html
    assert "Syria (SYR)" in html and "Fight" in html and "1 source" in html


def test_open_period_runs_to_the_publication_date(qtbot) -> None:
    df = frame()
    df["publication_date"] = "2022-12-28"
    v = shown(qtbot, df, 1000, 400)
    v.zoom_to_date_range(dt.date(2010, 1, 1), dt.date(2023, 12, 31))
    v.canvas.repaint()
    e3 = v._data.index_of("e3")
    items = v.canvas._items
    bar = np.flatnonzero((items.occ >= 0) & (v._data.o_event[np.maximum(items.occ, 0)] == e3))
    assert len(bar) == 1
    # "Since 2011" drawn from 2011 to the end of 2022, not over 2011 alone.
    assert items.w[bar[0]] == pytest.approx(12 / 14 * v.canvas.time_width(), rel=0.03)
    html = v.canvas.tooltip_html(e3)
    assert "2011-01-01 – 2011-12-31" in html and "until 2022-12-28" in html


def test_filter_change_redraws(view: TimelineView) -> None:
    view.zoom_to_date_range(dt.date(2022, 12, 15), dt.date(2023, 1, 5))
    assert {"e1", "e4", "e7"} <= drawn_events(view)
    before = view.canvas.grab().toImage()
    mask = view._data.event_ids != "e7"
    view.set_visible_mask(mask)
    assert "e7" not in drawn_events(view)
    assert view.canvas.grab().toImage() != before
    # The lane set: only Turkey's lane, so e1 (TUR;SYR) is drawn in one lane only.
    view.set_visible_mask(None, countries={"TUR"})
    assert view.lane_keys() == ["TUR"]
    view.canvas.repaint()
    items = view.canvas._items
    e1 = view._data.index_of("e1")
    assert int(((items.occ >= 0) & (view._data.o_event[np.maximum(items.occ, 0)] == e1)).sum()) == 1
    assert view.shown_event_count() == 4  # e1, e2, e4, e7 have Turkey; e5 has no date
    assert view.shown_mask().tolist() == [True, True, False, True, False, False, True]
    view.set_visible_mask(None)
    assert view.lane_keys() == ["TUR", "SYR", "GRC", "RUS"]
    assert view.shown_event_count() == 6
    with pytest.raises(ValueError):
        view.set_visible_mask(np.ones(3, dtype=bool))


def test_lane_modes(view: TimelineView) -> None:
    view.set_lane_mode("event_type")
    assert view.lane_keys() == ["Consult", "Fight", "Appeal", "Threaten"]
    view.set_lane_mode("single")
    assert len(view.lane_keys()) == 1
    view.set_lane_mode("source")
    assert view.lane_keys() == ["1"]  # lanes by article id, named by the article's title
    assert view._data.lane_label("1", {}) == "seed.txt"
    view.set_lane_mode("country")
    with pytest.raises(ValueError):
        view.set_lane_mode("planet")


def test_context_menu_actions(view: TimelineView) -> None:
    menu = view.context_menu()
    actions = {a.text(): a for a in menu.actions()}
    assert {"Fit all", "Go to date…", "Zoom to selection", "Show colour legend", "Export view as image…",
            "Export whole timeline as image…"} <= set(actions)
    assert not actions["Zoom to selection"].isEnabled()  # nothing selected yet
    lanes = {a.text(): a for a in actions["Lanes"].menu().actions()}
    lanes["One per event type"].trigger()
    assert view.lane_mode() == "event_type"
    colours = {a.text(): a for a in actions["Colours"].menu().actions()}
    colours["By country"].trigger()
    assert view._data.effective_colour_mode == "country"
    actions["Show colour legend"].trigger()
    assert not view.canvas.show_legend


def test_select_event_brings_it_into_view(view: TimelineView) -> None:
    view.zoom_to_date_range(dt.date(1990, 1, 1), dt.date(1990, 2, 1))
    assert view.select_event("e7")
    start, end = view.visible_range()
    assert start <= dt.date(2022, 12, 26) <= end
    assert "e7" in drawn_events(view)
    assert not view.select_event("nope")
    assert not view.select_event("e5")  # not placed


def test_go_to_date_and_zoom_to_range(view: TimelineView) -> None:
    view.zoom_to_date_range(dt.date(2021, 3, 1), dt.date(2021, 3, 31))
    assert view.visible_range() == (dt.date(2021, 3, 1), dt.date(2021, 3, 31))
    view.go_to_date(dt.date(1999, 7, 4))
    start, end = view.visible_range()
    assert start < dt.date(1999, 7, 4) < end and (end - start).days == 30
    view.zoom_by(2.0)
    start, end = view.visible_range()
    assert start < dt.date(1999, 7, 4) < end and view.canvas.vp.span == pytest.approx(31 / 2)


def test_overview_strip_moves_the_view(view: TimelineView, qtbot) -> None:
    view.zoom_to_date_range(dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    strip = view.overview
    strip.repaint()
    span = view.canvas.vp.span
    # A click on the strip away from the window centres the view there (the strip spans 850-2022).
    x = HEADER_W + int((strip.width() - HEADER_W) * 0.3)
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(x, strip.height() // 2))
    start, end = view.visible_range()
    assert end < dt.date(2000, 1, 1) and view.canvas.vp.span == pytest.approx(span)
    # Dragging the window box drags the view with it.
    t0 = view.canvas.vp.t0
    qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=QPoint(x, strip.height() // 2))
    qtbot.mouseMove(strip, QPoint(x + 50, strip.height() // 2))
    qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=QPoint(x + 50, strip.height() // 2))
    assert view.canvas.vp.t0 > t0 + 365 * 20


def test_export_image_keeps_working_for_the_window(view: TimelineView, tmp_path) -> None:
    """The window's File > Export calls export_image(path): the view at the canvas's width, as PNG,
    SVG or PDF by the suffix, with a title and the source line; a name it cannot write is an error."""
    png = tmp_path / "view.png"
    view.export_image(str(png))
    image = QImage(str(png))
    assert image.width() == view.canvas.width() and image.height() > 200
    sample = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(sample) > 10  # not blank
    svg = tmp_path / "view.svg"
    view.export_image(str(svg), whole=True)
    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid() and renderer.defaultSize().width() == view.canvas.width()
    assert "generated by Diplomatic Timeline" in svg.read_text(encoding="utf-8")
    with pytest.raises(ExportError):
        view.export_image(str(tmp_path / "view.bmp"))


def test_same_period_in_a_lane_is_one_bar_listing_its_events(qtbot) -> None:
    rows = [(f"n{i}", "2021-11-01", "2021-11-30", "month", False, "FIN", "Consult", f"November talk {i}", "November")
            for i in range(5)]
    rows.append(("d1", "2021-11-10", "2021-11-10", "day", False, "FIN", "Consult", "A day inside", "10 November"))
    v = shown(qtbot, frame(rows), 1000, 400)
    v.zoom_to_date_range(dt.date(2021, 10, 20), dt.date(2021, 12, 10))
    v.canvas.repaint()
    items = v.canvas._items
    drawn = v._data.o_event[items.occ[items.occ >= 0]]
    months = [e for e in drawn.tolist() if str(v._data.event_ids[e]).startswith("n")]
    assert len(months) == 1  # five identical periods, one bar
    bar = int(np.flatnonzero(items.occ >= 0)[drawn.tolist().index(months[0])])
    html = v.canvas.tooltip_html(months[0], int(items.occ[bar]))
    assert "5 events" in html and all(f"November talk {i}" in html for i in range(5))
    assert "d1" in {str(v._data.event_ids[e]) for e in drawn.tolist()}


def test_empty_and_minimal_frames(qtbot) -> None:
    v = shown(qtbot, pd.DataFrame(columns=COLUMNS), 800, 300)
    v.canvas.repaint()
    assert v.lane_keys() == [] and len(v.canvas._items.x) == 0
    v.set_events(pd.DataFrame({"event_id": ["a", "b"], "date_start": ["2020-01-05", None],
                               "open_end": pd.array([pd.NA, True], dtype="boolean")}))
    v.canvas.repaint()
    assert v.lane_keys() == [""]  # no countries column: one "No country" lane
    assert drawn_events(v) == {"a"}


def test_smoke_paints_100000_events(qtbot) -> None:
    v = shown(qtbot, many_events(100_000), 1600, 900)
    for go in (v.fit_all, lambda: v.zoom_to_date_range(dt.date(2000, 1, 1), dt.date(2000, 12, 31)),
               lambda: v.zoom_to_date_range(dt.date(2000, 6, 5), dt.date(2000, 6, 11))):
        go()
        v.canvas.repaint()
        assert len(v.canvas._items.x) > 0
    # The whole 100,000 are accounted for at the overview: drawn one by one or inside clusters.
    v.fit_all()
    v.canvas.repaint()
    assert int(v._data.lane_counts.sum()) == 100_000


def test_smoke_20000_draw_rect_calls(qtbot) -> None:
    """PySide6 6.12.0 crashed the interpreter after a few thousand QPainter calls; 6.11 does not."""
    image = QImage(QSize(400, 300), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setBrush(QColor("#4e79a7"))
    for i in range(20_000):
        painter.drawRect(QRectF(i % 390, (i // 390) % 290, 8, 8))
    painter.end()
    assert QColor(image.pixel(4, 4)) != QColor("white")


def test_the_overview_marks_years_only_when_there_are_events(qtbot) -> None:
    full = shown(qtbot, frame(), 1200, 600, {})
    labels = [label for _, label in full.overview.year_marks()]
    assert "10th century" in labels and "20th century" in labels  # the events span 850-2022
    # Negative: an empty library's strip has no scale (it showed "1970", a year of no event).
    empty = shown(qtbot, frame().iloc[0:0], 1200, 600, {})
    assert empty.overview.year_marks() == []
    # Nor a window box (it sat at the strip's right end, outside the placeholder extent).
    def highlighted(strip) -> int:
        image = strip.grab().toImage()
        colour = strip.palette().color(strip.palette().ColorRole.Highlight).rgb()
        return sum(image.pixel(x, y) == colour for x in range(image.width()) for y in range(image.height()))
    assert highlighted(full.overview) > 0 and highlighted(empty.overview) == 0
