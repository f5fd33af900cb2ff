"""The Relations dock in the real window: its counts, the filters and selection it follows, a click on a bar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QFileDialog

from tests.gui.conftest import check_country, countries_of, open_window, reloaded, table_ids, window_settings
from timeline_app.core import pipeline
from timeline_app.core.library.export import RELATIONS_CSV
from timeline_app.core.library.filters import FilterSpec
from timeline_app.core.library.relations import Dyad
from timeline_app.gui.relations.figure import BarKey, PartnersFigure, TimeFigure


@pytest.fixture()
def window(window):
    """The window with the Relations tab brought forward, as a user who opens it."""
    window.docks.bring_forward(window.docks.relations_dock)
    return window


def chart_pair(window, qtbot, a: str, b: str) -> TimeFigure:
    """Tick two countries in Filters, as a user would: the dock charts them."""
    check_country(window, a)
    check_country(window, b)
    figure = window.relations.figure()
    assert isinstance(figure, TimeFigure), window.relations.chart.message
    return figure


def months_by_hand(events: pd.DataFrame, codes: set[str]) -> dict[tuple[str, int], int]:
    """Events per (month, QuadClass) of those naming every code, by a plain pandas group-by; an event
    is counted in a month only when its dates lie inside that month."""
    df = events[countries_of(events).map(lambda s: codes <= s)]
    start, end = pd.to_datetime(df["date_start"]), pd.to_datetime(df["date_end"])
    inside = start.dt.to_period("M") == end.dt.to_period("M")
    df = df[inside].assign(month=start[inside].dt.strftime("%Y-%m"))
    return {k: int(v) for k, v in df.groupby(["month", "quad_class"]).size().items()}


def painted(window):
    """The chart's layout once it has been drawn: where its bars are."""
    window.relations.chart.repaint()
    return window.relations.chart.layout_


def bar_centre(window, period: int, quad: int | None = None) -> QPoint:
    layout = painted(window)
    column = layout.column(period)
    if quad is None:  # its label under the score: the whole period
        return QPointF(column.center().x(), layout.labels_bottom - 4).toPoint()
    i = period - layout.first
    for y in range(int(layout.plot.bottom()) - 1, int(layout.plot.top()), -1):
        key = layout.key_at(QPointF(column.center().x(), y))
        if key is not None and key.quad == quad:
            return QPointF(column.center().x(), y).toPoint()
    raise AssertionError(f"no segment of QuadClass {quad} in bar {i}")


def test_the_dock_counts_equal_a_pandas_group_by_and_follow_the_country_filter(window, qtbot) -> None:
    assert window.docks.relations_dock.isVisible()
    figure = chart_pair(window, qtbot, "TUR", "SYR")
    window.relations.controls.set_resolution("month")
    figure = window.relations.figure()
    s = figure.series
    assert s.dyad == Dyad("TUR", "SYR") and s.by == "month"
    got = {(f"{p // 12:04d}-{p % 12 + 1:02d}", q): int(s.events[i, q])
           for i, p in enumerate(s.periods) for q in range(5) if s.events[i, q]}
    expected = months_by_hand(window.snapshot.events_frame(), {"TUR", "SYR"})
    assert got == expected and sum(expected.values()) >= 5
    # The year-dated event ("since 2012") is in no month, and the footer says so.
    assert s.too_coarse == 1 and "1 dated more loosely than a month" in figure.footer
    # Narrowing the filters narrows the chart: it counts the events the table shows.
    window.filters.set_spec(FilterSpec(countries=frozenset({"TUR", "SYR"}), match="all", date_from=dt.date(2023, 4, 1)))
    narrowed = window.relations.figure().series
    assert narrowed.too_coarse == 0 and narrowed.total == len(table_ids(window)) < s.total


def test_a_click_on_a_bar_filters_the_table_and_moves_the_timeline_a_second_click_undoes_it(window, qtbot) -> None:
    chart_pair(window, qtbot, "TUR", "SYR")
    window.relations.controls.set_resolution("month")
    s = window.relations.figure().series
    busiest = int(s.events.sum(axis=1).argmax())
    period = int(s.periods[busiest])
    month = f"{period // 12:04d}-{period % 12 + 1:02d}"
    events = window.snapshot.events_frame()
    expected = set(events.loc[countries_of(events).map(lambda c: {"TUR", "SYR"} <= c)
                              & events["date_start"].str.startswith(month)
                              & events["date_end"].str.startswith(month), "event_id"])
    assert len(expected) == int(s.events[busiest].sum()) >= 2
    before = table_ids(window)
    with qtbot.waitSignal(window.relations.events_chosen, timeout=2000):
        qtbot.mouseClick(window.relations.chart, Qt.MouseButton.LeftButton, pos=bar_centre(window, period))
    assert table_ids(window) == expected
    assert window.timeline.shown_event_count() == len(expected)
    first, last = window.timeline.visible_range()
    assert first <= dt.date.fromisoformat(f"{month}-01") and last >= dt.date.fromisoformat(f"{month}-28")
    assert (last - first).days < 62  # zoomed to the month
    assert "Relations chart" in window.status_bar.currentMessage()
    # The chart itself keeps every bar: the click does not narrow what it counts.
    assert window.relations.figure().series.total == s.total
    qtbot.mouseClick(window.relations.chart, Qt.MouseButton.LeftButton, pos=bar_centre(window, period))
    assert table_ids(window) == before


def test_a_click_on_one_colour_shows_only_that_quad_class(window, qtbot) -> None:
    chart_pair(window, qtbot, "TUR", "SYR")
    window.relations.controls.set_resolution("month")
    s = window.relations.figure().series
    i = next(i for i, row in enumerate(s.events) if (row > 0).sum() >= 2)  # a bar of two colours
    period, quad = int(s.periods[i]), int(next(q for q in (1, 2) if s.events[i, q]))
    qtbot.mouseClick(window.relations.chart, Qt.MouseButton.LeftButton, pos=bar_centre(window, period, quad))
    shown = window.snapshot.events_frame().set_index("event_id").loc[sorted(table_ids(window))]
    assert len(shown) == s.events[i, quad] and (shown["quad_class"] == quad).all()


def test_hovering_a_bar_gives_its_numbers(window, qtbot) -> None:
    chart_pair(window, qtbot, "TUR", "SYR")
    s = window.relations.figure().series
    i = int(s.events.sum(axis=1).argmax())
    text = window.relations.chart.tooltip(BarKey(int(s.periods[i])))
    assert f"{int(s.events[i].sum())} events" in text and "Net cooperation score" in text
    qtbot.mouseMove(window.relations.chart, bar_centre(window, int(s.periods[i])))
    qtbot.waitUntil(lambda: window.relations.chart.hovered == BarKey(int(s.periods[i])), timeout=2000)


def test_selecting_an_event_charts_its_countries(window, qtbot) -> None:
    events = window.snapshot.events_frame()
    pair = events[countries_of(events).map(len) == 2].iloc[0]
    window.select_event(pair["event_id"])
    assert set(window.relations.controls.dyad().codes()) == set(pair["countries"].split(";"))
    # An event of the same pair with more countries keeps the chart as it is.
    wider = events[countries_of(events).map(lambda c: set(pair["countries"].split(";")) < c)]
    if len(wider):
        dyad = window.relations.controls.dyad()
        window.select_event(wider["event_id"].iloc[0])
        assert window.relations.controls.dyad() == dyad


def test_following_the_timeline_gives_the_chart_its_range(window, qtbot) -> None:
    chart_pair(window, qtbot, "TUR", "SYR")
    window.relations.controls.follow_check.setChecked(True)
    with qtbot.waitSignal(window.timeline.view_changed, timeout=3000):
        window.timeline.zoom_to_date_range(dt.date(2023, 2, 1), dt.date(2023, 7, 31))
    s = window.relations.figure().series
    assert s.by == "month"
    titles = window.relations.figure().title
    assert "February 2023" in titles or "January 2023" in titles
    assert s.periods[0] <= 2023 * 12 + 1 and s.periods[-1] >= 2023 * 12 + 6


def test_the_partners_view_ranks_counterparts_and_a_double_click_charts_the_pair(window, qtbot) -> None:
    check_country(window, "TUR")
    window.relations.controls.set_view_partners()
    figure = window.relations.figure()
    assert isinstance(figure, PartnersFigure)
    events = window.snapshot.events_frame()
    sets = countries_of(events)
    by_hand = sets[sets.map(lambda s: "TUR" in s)].map(lambda s: s - {"TUR"}).explode().dropna().value_counts()
    ranked = by_hand.sort_index().sort_values(ascending=False, kind="stable")  # most first, ties by code
    got = dict(zip(figure.partners.codes, figure.partners.events.sum(axis=1).tolist()))
    assert list(got.items()) == list(ranked.iloc[:15].items())
    assert figure.partners.more == len(ranked) - min(len(ranked), 15)
    top = figure.partners.codes[0]
    layout = painted(window)
    y = layout.top + layout.row_height / 2
    with qtbot.waitSignal(window.relations.events_chosen, timeout=2000):  # on its name: all its events
        qtbot.mouseClick(window.relations.chart, Qt.MouseButton.LeftButton,
                         pos=QPoint(int(layout.bar_left) - 20, int(y)))
    assert table_ids(window) == set(events.loc[sets.map(lambda s: {"TUR", top} <= s), "event_id"])
    qtbot.mouseDClick(window.relations.chart, Qt.MouseButton.LeftButton, pos=QPoint(int(layout.bar_left) + 3, int(y)))
    assert isinstance(window.relations.figure(), TimeFigure)
    assert window.relations.controls.dyad() == Dyad("TUR", top)


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_the_chart_is_saved_with_its_title_and_legend(window, qtbot, tmp_path, suffix) -> None:
    chart_pair(window, qtbot, "TUR", "SYR")
    path = tmp_path / f"chart{suffix}"
    window.relations.export_image(path)
    data = path.read_bytes()
    assert len(data) > 1000
    if suffix == ".svg":
        text = data.decode("utf-8")
        assert "Material cooperation" in text and "Türkiye" in text and 'width="960"' in text
    elif suffix == ".pdf":
        assert data.startswith(b"%PDF")


def test_the_numbers_are_saved_as_csv(window, qtbot, tmp_path) -> None:
    chart_pair(window, qtbot, "TUR", "SYR")
    path = tmp_path / "numbers.csv"
    rows = window.relations.export_csv(path)
    frame = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)
    assert list(frame.columns)[:6] == ["period", "country_a", "country_b", "quad_class", "events", "score"]
    assert len(frame) == rows and frame["events"].sum() == window.relations.figure().series.total


def test_undated_events_are_left_out_and_the_footer_says_how_many(qtbot, tmp_path) -> None:
    dated = tmp_path / "2023-03-14_talks.txt"
    dated.write_text("Talks resume\n\nPublished: 14 March 2023\n\nTurkish and Syrian officials met in Ankara "
                     "on Monday to discuss the border.\n", encoding="utf-8")
    undated = tmp_path / "no_date.txt"
    undated.write_text("Turkey and Syria held talks last Tuesday in Ankara, officials said. Turkish troops shelled "
                       "Syrian positions on Friday.\n", encoding="utf-8")
    library = tmp_path / "library.sqlite3"
    pipeline.import_inputs([str(dated), str(undated)], library, workers=1)
    window = open_window(qtbot, library, window_settings(tmp_path))
    window.docks.bring_forward(window.docks.relations_dock)
    figure = chart_pair(window, qtbot, "TUR", "SYR")
    assert figure.series.total == len(window.snapshot.events_frame()) == 1
    assert "left out: 2 undated" in figure.footer
    window.relations.controls.set_view_partners()
    assert "2 undated left out" in window.relations.figure().footer
    window.close()


def test_a_hidden_dock_computes_nothing_until_it_is_shown(window, qtbot) -> None:
    window.docks.relations_dock.hide()
    check_country(window, "TUR")
    assert window.relations.figure() is None  # still the chart of before: nothing was computed
    window.docks.relations_dock.show()
    qtbot.waitUntil(lambda: window.relations.figure() is not None, timeout=2000)
    assert window.relations.figure().series.dyad == Dyad("TUR")


def test_clearing_the_filters_shows_every_event_after_a_click(window, qtbot) -> None:
    chart_pair(window, qtbot, "TUR", "SYR")
    s = window.relations.figure().series
    period = int(s.periods[int(s.events.sum(axis=1).argmax())])
    qtbot.mouseClick(window.relations.chart, Qt.MouseButton.LeftButton, pos=bar_centre(window, period))
    assert len(table_ids(window)) == int(s.events.sum(axis=1).max())
    window.menus.clear_filters_action.trigger()
    assert len(table_ids(window)) == len(window.snapshot.events_frame())
    assert window.relations.chart.chosen is None


def test_export_from_the_dock_asks_for_a_file_and_says_where_it_went(window, qtbot, tmp_path, monkeypatch) -> None:
    chart_pair(window, qtbot, "TUR", "SYR")
    asked = []

    def save_as(parent, caption, suggested, filters):
        asked.append(suggested)
        return str(tmp_path / "tur-syr"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window.relations.controls.csv_action.trigger()
    by = window.relations.figure().series.by
    assert Path(asked[-1]).name == f"relations-TUR-SYR-{by}.csv"
    assert (tmp_path / "tur-syr.csv").exists() and "rows saved" in window.status_bar.currentMessage()
    window.relations.controls.image_action.trigger()
    assert (tmp_path / "tur-syr.png").exists() and "Chart saved" in window.status_bar.currentMessage()


def test_a_click_survives_filter_dates_that_follow_the_view(window, qtbot) -> None:
    chart_pair(window, qtbot, "TUR", "SYR")
    window.filters.sync_check.setChecked(True)
    s = window.relations.figure().series
    period = int(s.periods[int(s.events.sum(axis=1).argmax())])
    with qtbot.waitSignal(window.timeline.view_changed, timeout=3000):  # the click zooms the timeline
        qtbot.mouseClick(window.relations.chart, Qt.MouseButton.LeftButton, pos=bar_centre(window, period))
    qtbot.wait(50)
    assert len(table_ids(window)) == int(s.events.sum(axis=1).max())
    assert window.relations.chart.chosen == BarKey(period)
    # Ticking another country is a new filter: every event it keeps is shown again.
    check_country(window, "IRN")
    assert window.filtering.is_narrowed() is False and window.relations.chart.chosen is None


def test_file_export_offers_the_charts_numbers(window, qtbot, tmp_path, monkeypatch) -> None:
    target = tmp_path / "numbers"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    messages = []
    monkeypatch.setattr(window.messages, "show_message", lambda title, text, *a: messages.append(text))
    action = window.menus.export_actions[RELATIONS_CSV]
    assert not action.isEnabled()  # nothing charted yet: greyed out in File > Export
    # Asked all the same (a test, or a script), the message says which control in the dock to set.
    assert window.exports.export(RELATIONS_CSV) == 0 and "no chart to save" in messages[-1]
    assert "Country box at the top of the Relations panel" in messages[-1]
    chart_pair(window, qtbot, "TUR", "SYR")
    assert action.isEnabled()
    with qtbot.waitSignal(window.exported, timeout=10_000) as blocker:
        window.menus.export_actions[RELATIONS_CSV].trigger()
    frame = pd.read_csv(blocker.args[0], encoding="utf-8-sig", keep_default_na=False)
    assert blocker.args[1] == len(frame) and frame["events"].sum() == window.relations.figure().series.total
    assert window.status_bar.currentMessage().startswith(f"Exported {len(frame)} rows of the Relations chart")


def test_the_charts_numbers_are_greyed_out_when_the_filters_leave_the_pair_no_event(window, qtbot, monkeypatch,
                                                                                  tmp_path) -> None:
    action = window.menus.export_actions[RELATIONS_CSV]
    chart_pair(window, qtbot, "TUR", "SYR")
    assert action.isEnabled()
    window.filters.set_spec(FilterSpec(countries=frozenset({"TUR", "SYR"}), date_from=dt.date(2090, 1, 1)))
    assert window.relations.figure() is None and not action.isEnabled()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "numbers"), ""))
    messages = []
    monkeypatch.setattr(window.messages, "show_message", lambda title, text, *a: messages.append(text))
    assert window.exports.export(RELATIONS_CSV) == 0
    assert "has no dated events among those shown: choose another country in the Relations panel's Country box" \
        in messages[-1]
    window.filters.set_spec(FilterSpec(countries=frozenset({"TUR", "SYR"})))
    assert window.relations.figure() is not None and action.isEnabled()


def test_a_reload_keeps_the_pair_chosen_in_the_dock(window, qtbot) -> None:
    events = window.snapshot.events_frame()
    alone = events[countries_of(events).map(lambda s: s == {"KAZ"})].iloc[0]
    window.select_event(alone["event_id"])
    assert window.relations.controls.dyad() == Dyad("KAZ")
    controls = window.relations.controls
    controls.country_a.setCurrentIndex(controls.country_a.findData("TUR"))
    controls.country_b.setCurrentIndex(controls.country_b.findData("SYR"))
    with reloaded(qtbot, window):
        window.reload()
    assert window.selection.selected_event == alone["event_id"]
    assert window.relations.controls.dyad() == Dyad("TUR", "SYR")
    assert window.relations.figure().series.dyad == Dyad("TUR", "SYR")
