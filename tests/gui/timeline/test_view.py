"""TimelineView offscreen: zoom, pan, selection, filter, lanes, clusters, export, and 100,000 events."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QWheelEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from timeline_app.core.daycount import days_from_civil
from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.layout import AXIS_H, HEADER_W
from timeline_app.core.timeline.viewport import zoom_level
from timeline_app.errors import ExportError
from timeline_app.gui.timeline.theme import Theme
from timeline_app.gui.timeline import TimelineView

ROWS = [
    # event_id, start, end, precision, open_end, countries, type, summary, date_text
    ("e1", "2022-12-28", "2022-12-28", "day", False, "TUR;SYR", "Consult", "Defence ministers met in Moscow", "Wednesday"),
    ("e2", "2022-11-01", "2022-11-30", "month", False, "TUR", "Fight", "Air strikes in northern Syria", "November"),
    ("e3", "2011-01-01", "2011-12-31", "year", True, "SYR", "Fight", "Civil war since 2011", "since 2011"),
    ("e4", "2022-12-20", "2022-12-20", "day", False, "RUS;TUR", "Consult", "Talks announced", "last Tuesday"),
    ("e5", "", "", "day", False, "TUR", "Consult", "Undated remark", "now"),
    ("e6", "0850-06-01", "0850-06-30", "month", False, "GRC", "Appeal", "A very old embassy", "June 850"),
    ("e7", "2022-12-26", "2022-12-26", "day", False, "TUR", "Threaten", "Ankara warned of a ground operation", "Monday"),
]
COLUMNS = ["event_id", "date_start", "date_end", "date_precision", "open_end", "countries", "event_type",
           "summary", "date_text"]


def _frame(rows: list[tuple] = ROWS) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["sources"] = "seed.txt"
    df["event_date"] = df["date_start"]
    return df


def _shown(qtbot, df: pd.DataFrame, width: int = 1000, height: int = 400,
           names: dict[str, str] | None = None) -> TimelineView:
    """A TimelineView on screen (offscreen) with `df` loaded."""
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(width, height)
    with qtbot.waitExposed(v):
        v.show()
    if names:
        v.set_country_names(names)
    v.set_events(df)
    return v


@pytest.fixture
def view(qtbot) -> TimelineView:
    v = _shown(qtbot, _frame(), 1200, 600, {"TUR": "Türkiye", "SYR": "Syria", "RUS": "Russia", "GRC": "Greece"})
    v.canvas.repaint()
    return v


def _centre_of(view: TimelineView, event_id: str) -> QPoint:
    """Where the canvas drew an event (its first drawn occurrence)."""
    view.canvas.repaint()
    items = view.canvas._items
    idx = view._data.index_of(event_id)
    hits = np.flatnonzero((items.occ >= 0) & (view._data.o_event[np.maximum(items.occ, 0)] == idx))
    assert len(hits), f"{event_id} is not drawn"
    i = int(hits[0])
    return QPoint(int(items.x[i] + items.w[i] / 2), int(items.y[i] + items.h[i] / 2))


def _drawn_events(view: TimelineView) -> set[str]:
    view.canvas.repaint()
    items = view.canvas._items
    occ = items.occ[items.occ >= 0]
    return {str(view._data.event_ids[e]) for e in view._data.o_event[occ].tolist()}


def _wheel(widget, pos: QPointF, dy: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(0, 0), QPoint(0, dy), Qt.MouseButton.NoButton,
                        modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_events_lanes_and_skipped_rows(view: TimelineView) -> None:
    data = view._data
    assert not data.placed[data.index_of("e5")]  # no date: skipped, not drawn at 1970
    # One lane per country ordered by event count; an event with two countries is in both lanes.
    assert view.lane_keys() == ["TUR", "SYR", "GRC", "RUS"]
    e1 = data.index_of("e1")
    assert sorted(data.lane_keys[k] for k in data.o_lane[data.o_event == e1]) == ["SYR", "TUR"]
    # Fit all covers the year 850 and 2022.
    start, end = view.visible_range()
    assert start <= dt.date(850, 6, 1) and end >= dt.date(2022, 12, 28)


def test_wheel_zoom_keeps_the_date_under_the_cursor(view: TimelineView, qtbot) -> None:
    view.zoom_to_date_range(dt.date(2022, 10, 1), dt.date(2023, 1, 31))
    canvas = view.canvas
    x = HEADER_W + 333.0
    before_span = canvas.vp.span
    t_before = canvas.vp.t_of(x - HEADER_W)
    _wheel(canvas, QPointF(x, 200), 120)
    assert canvas.vp.span < before_span  # zoomed in
    assert canvas.vp.t_of(x - HEADER_W) == pytest.approx(t_before, abs=1e-6)
    _wheel(canvas, QPointF(x, 200), -360)
    assert canvas.vp.span > before_span
    assert canvas.vp.t_of(x - HEADER_W) == pytest.approx(t_before, abs=1e-6)
    with qtbot.waitSignal(view.view_changed, timeout=2000) as blocker:
        _wheel(canvas, QPointF(x, 200), 120)
    start, end = blocker.args
    assert isinstance(start, dt.date) and start < end


def test_click_selects_the_event_under_the_mouse(view: TimelineView, qtbot) -> None:
    view.zoom_to_date_range(dt.date(2022, 12, 15), dt.date(2023, 1, 5))
    for event_id in ("e7", "e1", "e4"):
        pos = _centre_of(view, event_id)
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
    pos = _centre_of(view, "e7")
    span = view.canvas.vp.span
    with qtbot.waitSignal(view.event_activated, timeout=2000) as blocker:
        qtbot.mouseDClick(view.canvas, Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == ["e7"]
    assert view.canvas.vp.span < span


def test_hover_tooltip_text(view: TimelineView) -> None:
    html = view.canvas.tooltip_html(view._data.index_of("e3"))
    assert "since 2011" in html and "2011-01-01 – 2011-12-31" in html and "open-ended" in html
    assert "Syria (SYR)" in html and "Fight" in html and "1 source" in html


def test_open_period_runs_to_the_publication_date(qtbot) -> None:
    df = _frame()
    df["publication_date"] = "2022-12-28"
    v = _shown(qtbot, df, 1000, 400)
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
    assert {"e1", "e4", "e7"} <= _drawn_events(view)
    before = view.canvas.grab().toImage()
    mask = view._data.event_ids != "e7"
    view.set_visible_mask(mask)
    assert "e7" not in _drawn_events(view)
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
    assert view.lane_keys() == ["seed.txt"]
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
    assert "e7" in _drawn_events(view)
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


def test_clusters_when_zoomed_out_and_click_zooms_in(qtbot) -> None:
    rng = np.random.default_rng(2)
    days = rng.integers(0, 60, 400)
    rows = [(f"c{i}", str(dt.date(2020, 3, 1) + dt.timedelta(days=int(d))), str(dt.date(2020, 3, 1) + dt.timedelta(days=int(d))),
             "day", False, "FRA", "Consult", f"event {i}", "") for i, d in enumerate(days)]
    rows.append(("far", "1990-01-01", "1990-01-01", "day", False, "FRA", "Consult", "far away", ""))
    v = _shown(qtbot, _frame(rows), 1000, 400)
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


def test_export_png_and_svg(view: TimelineView, tmp_path) -> None:
    png = tmp_path / "view.png"
    view.export_image(str(png))
    image = QImage(str(png))
    assert image.size() == view.canvas.size()
    # Not blank: the lanes and events put many colours in the picture.
    sample = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(sample) > 10
    svg = tmp_path / "view.svg"
    view.export_image(str(svg))
    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid()
    assert renderer.defaultSize() == view.canvas.size()
    assert "Defence ministers" in svg.read_text(encoding="utf-8") or svg.stat().st_size > 2000
    whole = tmp_path / "whole.png"
    view.export_image(str(whole), whole=True)
    assert QImage(str(whole)).width() == view.canvas.width()
    with pytest.raises(ExportError):
        view.export_image(str(tmp_path / "view.bmp"))


def test_dark_palette_is_followed(view: TimelineView) -> None:
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    pal.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b"))
    pal.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    assert Theme.from_palette(pal).dark
    view.canvas.setPalette(pal)
    image = view.canvas.grab().toImage()
    assert QColor(image.pixel(HEADER_W + 20, AXIS_H + 5)).lightnessF() < 0.3


def _many(n: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    first = np.datetime64("1975-01-01")
    day = first + rng.integers(0, 50 * 365, n).astype("timedelta64[D]")
    codes = np.array(["USA", "RUS", "CHN", "TUR", "SYR", "IRN", "FRA", "DEU", "GBR", "IND"])
    countries = codes[rng.integers(0, len(codes), n)]
    month = rng.random(n) < 0.2
    start = np.where(month, day.astype("datetime64[M]").astype("datetime64[D]"), day)
    end = np.where(month, (day.astype("datetime64[M]") + 1).astype("datetime64[D]") - np.timedelta64(1, "D"), day)
    return pd.DataFrame({
        "event_id": [f"m{i}" for i in range(n)], "date_start": start.astype(str), "date_end": end.astype(str),
        "date_precision": np.where(month, "month", "day"), "open_end": False, "countries": countries,
        "event_type": "Consult", "summary": "generated", "date_text": "", "sources": "gen.txt",
    })


def test_same_period_in_a_lane_is_one_bar_listing_its_events(qtbot) -> None:
    rows = [(f"n{i}", "2021-11-01", "2021-11-30", "month", False, "FIN", "Consult", f"November talk {i}", "November")
            for i in range(5)]
    rows.append(("d1", "2021-11-10", "2021-11-10", "day", False, "FIN", "Consult", "A day inside", "10 November"))
    v = _shown(qtbot, _frame(rows), 1000, 400)
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
    v = _shown(qtbot, pd.DataFrame(columns=COLUMNS), 800, 300)
    v.canvas.repaint()
    assert v.lane_keys() == [] and len(v.canvas._items.x) == 0
    v.set_events(pd.DataFrame({"event_id": ["a", "b"], "date_start": ["2020-01-05", None],
                               "open_end": pd.array([pd.NA, True], dtype="boolean")}))
    v.canvas.repaint()
    assert v.lane_keys() == [""]  # no countries column: one "No country" lane
    assert _drawn_events(v) == {"a"}


def test_lanes_scroll_with_shift_wheel_and_the_scroll_bar(qtbot) -> None:
    rows = [(f"s{i}", "2020-05-01", "2020-05-01", "day", False, f"C{i:02d}", "Consult", f"lane {i}", "")
            for i in range(40)]
    v = _shown(qtbot, _frame(rows), 900, 400)
    v.canvas.repaint()
    assert v.scrollbar.isVisible() and v.scrollbar.maximum() > 0
    _wheel(v.canvas, QPointF(500, 200), -240, Qt.KeyboardModifier.ShiftModifier)
    v.canvas.repaint()
    assert v.canvas.scroll_y > 0 and v.scrollbar.value() == v.canvas.scroll_y
    v.scrollbar.setValue(v.scrollbar.maximum())
    v.canvas.repaint()
    assert v.canvas.scroll_y == v.scrollbar.maximum()
    assert "s39" in _drawn_events(v) and "s0" not in _drawn_events(v)


def test_a_level_computed_around_the_view_matches_the_whole() -> None:
    """Level caches cover a window of a few view widths; inside the view they equal a full computation."""
    data = TimelineData()
    data.set_events(_many(20_000, seed=4))
    t0 = float(days_from_civil(1999, 3, 1))
    for span, capacity in ((20.0, 4), (400.0, 3), (3000.0, 2)):
        level = zoom_level(1400 / span)
        whole = data.levels.compute(level, capacity, -np.inf, np.inf)
        part = data.levels.get(level, capacity, t0, t0 + span)
        assert part.lo > -np.inf
        inside = np.flatnonzero((data.o_centre >= t0) & (data.o_centre < t0 + span) & data.o_visible)
        assert ((whole.occ_cluster[inside] >= 0) == (part.occ_cluster[inside] >= 0)).all()
        pts = inside[whole.point_pos[inside] >= 0]
        assert (whole.point_stacking.rows_for(whole.point_pos[pts])
                == part.point_stacking.rows_for(part.point_pos[pts])).all()
        spans = inside[(whole.span_pos[inside] >= 0)]
        assert (whole.span_stacking.rows_for(whole.span_pos[spans])
                == part.span_stacking.rows_for(part.span_pos[spans])).all()
        # Panning far away computes a new window instead of drawing from the old one.
        far = data.levels.get(level, capacity, t0 + 50 * span, t0 + 51 * span)
        assert far.lo > part.hi


def test_smoke_paints_100000_events(qtbot) -> None:
    v = _shown(qtbot, _many(100_000), 1600, 900)
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


def test_right_click_selects_the_event_and_offers_the_windows_entries(view: TimelineView, qtbot, monkeypatch) -> None:
    from PySide6.QtGui import QAction

    edit = QAction("Edit event…", view)
    view.extra_actions = [edit, None]
    shown: list[list[str]] = []
    monkeypatch.setattr(TimelineView, "_exec_menu", lambda self, menu, pos: shown.append(
        [a.text() for a in menu.actions()]))
    view.zoom_to_date_range(dt.date(2022, 12, 15), dt.date(2023, 1, 5))
    with qtbot.waitSignal(view.event_selected, timeout=2000) as blocker:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.RightButton, pos=_centre_of(view, "e4"))
    assert blocker.args == ["e4"] and view.selected_event() == "e4"
    assert shown and shown[0][0] == "Edit event…" and "Fit all" in shown[0]
    view.canvas.selected = -1  # nothing selected: only the timeline's own entries
    assert "Edit event…" not in [a.text() for a in view.context_menu().actions()]


def _varied(n: int, seed: int = 11) -> pd.DataFrame:
    """Days, months, years and open-ended years in 8 lanes over 6 years, some events in two lanes."""
    rng = np.random.default_rng(seed)
    first = np.datetime64("1998-01-01")
    day = first + rng.integers(0, 6 * 365, n).astype("timedelta64[D]")
    kind = rng.choice(3, n, p=[0.75, 0.18, 0.07])
    months, years = day.astype("datetime64[M]"), day.astype("datetime64[Y]")
    start = np.where(kind == 1, months.astype("datetime64[D]"), np.where(kind == 2, years.astype("datetime64[D]"), day))
    end = np.where(kind == 1, (months + 1).astype("datetime64[D]") - np.timedelta64(1, "D"),
                   np.where(kind == 2, (years + 1).astype("datetime64[D]") - np.timedelta64(1, "D"), day))
    codes = np.array(["USA", "RUS", "CHN", "TUR", "SYR", "IRN", "FRA", "DEU"])
    a, b = codes[rng.integers(0, 8, n)], codes[rng.integers(0, 8, n)]
    countries = np.where(rng.random(n) < 0.3, np.char.add(np.char.add(a, ";"), b), a)
    words = np.array(["met", "warned", "signed an accord with", "held talks with", "sent aid to"])
    summaries = [f"{x} {words[w]} {y} ({i})" for i, (x, y, w) in enumerate(zip(a, b, rng.integers(0, 5, n)))]
    return pd.DataFrame({
        "event_id": [f"v{i}" for i in range(n)], "date_start": start.astype(str), "date_end": end.astype(str),
        "date_precision": np.asarray(["day", "month", "year"])[kind], "open_end": (kind == 2) & (rng.random(n) < 0.3),
        "countries": countries, "event_type": np.asarray(["Consult", "Fight", "Appeal"])[rng.integers(0, 3, n)],
        "summary": summaries, "date_text": "", "sources": "gen.txt",
    })


def _bits(img: QImage) -> np.ndarray:
    img = img.convertToFormat(QImage.Format.Format_ARGB32)
    bits = np.frombuffer(img.constBits(), dtype=np.uint32).reshape(img.height(), img.bytesPerLine() // 4)
    return bits[:, :img.width()].copy()


def _pixels(canvas) -> np.ndarray:
    """The canvas as drawn on screen, once every label has been laid out (labels are spread over frames)."""
    for _ in range(30):
        canvas.repaint()
        if not canvas.painter.incomplete:
            break
    assert not canvas.painter.incomplete
    return _bits(canvas.grab().toImage())


def _without_layer(canvas) -> np.ndarray:
    """The same frame drawn in one pass, straight from the data, as a zoom step draws it."""
    img = QImage(canvas.size(), QImage.Format.Format_RGB32)
    painter = QPainter(img)
    canvas.painter.paint(painter, canvas.screen_state(), canvas.theme())
    painter.end()
    return _bits(img)


@pytest.mark.parametrize("first,last", [("1999-01-01", "2002-12-31"), ("2000-01-01", "2000-12-31"),
                                        ("2000-06-05", "2000-06-11")])
def test_panning_a_cached_view_draws_what_a_fresh_frame_draws(qtbot, first: str, last: str) -> None:
    """The event layer is kept while the view pans and only strips are added: the picture must be the
    one a layer drawn afresh gives, and the one a frame drawn in one pass without any layer gives,
    pixel for pixel (labels reaching across strips, fades, grid, density band, cluster shades)."""
    v = _shown(qtbot, _varied(3000), 1200, 700)
    canvas = v.canvas
    v.zoom_to_date_range(dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    _pixels(canvas)
    for dx in (3.0, 3.4, -250.0, 620.0, -37.6, 5000.0, -5000.0, -700.0, 400.0):
        drawn = canvas.painter.cached.areas_drawn
        canvas.set_viewport(canvas.vp.panned(dx))
        cached = _pixels(canvas)
        if abs(dx) < 5:
            assert canvas.painter.cached.areas_drawn - drawn <= 2, "a small pan draws a strip at most, not the view"
        assert (cached == _without_layer(canvas)).all(), f"pan by {dx}: the layer differs from a direct frame"
        canvas.redraw()
        fresh = _pixels(canvas)
        assert (cached == fresh).all(), f"pan by {dx}: {int((cached != fresh).sum())} pixels differ"
    # The view really shows events, labels and all: the comparison is not between two empty frames.
    assert len(canvas._items.x) > 10
    assert len(np.unique(fresh[AXIS_H + 5:, HEADER_W + 5:])) > 20


def test_the_event_layer_is_redrawn_when_the_selection_colours_or_filter_change(qtbot) -> None:
    v = _shown(qtbot, _varied(500), 1200, 700)
    canvas = v.canvas
    v.zoom_to_date_range(dt.date(2000, 1, 1), dt.date(2000, 12, 31))
    before = _pixels(canvas)
    v.set_colour_mode("country")
    coloured = _pixels(canvas)
    assert (before != coloured).any()
    v.set_visible_mask(v._data.event_ids != "nothing-hidden")  # a filter that hides nothing
    assert (_pixels(canvas) == coloured).all()
    v.set_visible_mask(np.arange(len(v._data)) % 2 == 0)
    assert (_pixels(canvas) != coloured).any()
    # Selection rings sit above the cached layer: selecting and clearing gives back the same picture.
    plain = _pixels(canvas)
    canvas.selected = int(v._data.o_event[canvas._items.occ[canvas._items.occ >= 0][0]])
    canvas.update()
    assert (_pixels(canvas) != plain).any()
    canvas.selected = -1
    canvas.update()
    assert (_pixels(canvas) == plain).all()


def test_pinch_zoom_keeps_the_date_under_the_fingers(view: TimelineView) -> None:
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice

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


def test_hover_rings_the_event_in_each_of_its_lanes_over_the_cached_layer(view: TimelineView, qtbot) -> None:
    view.zoom_to_date_range(dt.date(2022, 12, 15), dt.date(2023, 1, 5))
    canvas = view.canvas
    canvas.set_viewport(canvas.vp.panned(2.0))  # panning at one scale: the frames come from the layer
    before = _pixels(canvas)
    assert canvas.painter.cached.key is not None
    assert (before == _without_layer(canvas)).all()  # four lanes and empty space under them
    idx = view._data.index_of("e1")
    items = canvas._items
    on = np.flatnonzero((items.occ >= 0) & (view._data.o_event[np.maximum(items.occ, 0)] == idx))
    assert len(on) == 2, "e1 is in the TUR and the SYR lane"
    first = int(on[0])
    qtbot.mouseMove(canvas, QPoint(int(items.x[first] + items.w[first] / 2), int(items.y[first] + items.h[first] / 2)))
    assert canvas.hovered == idx
    after = _pixels(canvas)
    for i in on.tolist():
        x, y, w, h = (int(v) for v in (items.x[i], items.y[i], items.w[i], items.h[i]))
        ring = (slice(y - 4, y + h + 5), slice(x - 4, x + w + 5))
        assert (before[ring] != after[ring]).any(), "a ring around each drawn occurrence of the hovered event"
    assert (before[AXIS_H:, :HEADER_W] == after[AXIS_H:, :HEADER_W]).all()  # nothing else moved
