"""Where Fit and Go to date put the view: the dense part of the events, periods typed, the zoom-out limit."""

from __future__ import annotations

import numpy as np
import pytest

from timeline_app.core.daycount import days_from_civil
from timeline_app.core.timeline.navigate import (
    dense_range, fit_viewport, keep_data_in_view, max_span, parse_period, period_days, step_event,
)
from timeline_app.core.timeline.viewport import Viewport


def test_dense_range_leaves_far_outliers_out_and_counts_them() -> None:
    start = np.arange(100, dtype=np.float64) * 30 + 10_000  # eight years of events
    end = start + 1
    whole = dense_range(start, end)
    assert (whole.lo, whole.hi, whole.before, whole.after) == (10_000, start[-1] + 1, 0, 0)
    far = dense_range(np.append(start, -40_000.0), np.append(end, -39_000.0))  # one in 1860
    assert far.lo == 10_000 and far.before == 1 and far.after == 0
    # A long but gradual history is not an outlier: the first events are as far apart as the rest.
    assert dense_range(start[::10], end[::10]).before == 0
    assert dense_range(np.zeros(0), np.zeros(0)) is None


def test_among_a_few_events_none_is_an_outlier() -> None:
    # A month's event, a day in it, and a day eleven months later (a filter kept these three): each
    # is a third of what was asked for, none is left out.
    may, may_18, april = days_from_civil(2022, 5, 1), days_from_civil(2022, 5, 18), days_from_civil(2023, 4, 4)
    three = dense_range(np.array([may, may_18, april], dtype=float), np.array([may + 31, may_18 + 1, april + 1],
                                                                               dtype=float))
    assert (three.lo, three.hi, three.before, three.after) == (may, april + 1, 0, 0)


def test_an_event_kept_is_never_cut_by_the_dense_range() -> None:
    # Eight years of events, one in 1860 (left out), and a twenty-year span that ends among the
    # rest: it is kept, so the range starts where it starts.
    start = np.arange(100, dtype=np.float64) * 30 + 10_000
    end = start + 1
    start = np.append(start, [-40_000.0, 4_000.0])
    end = np.append(end, [-39_000.0, 11_000.0])
    far = dense_range(start, end)
    assert far.before == 1 and far.lo <= 4_000.0


def test_fit_viewport_ends_a_margin_past_the_data() -> None:
    vp = fit_viewport(0.0, 1000.0, 1000)
    # No room kept for labels right of the data: they go left of the last points (label_room).
    assert vp.x_of(0.0) == pytest.approx(30.0) and vp.x_of(1000.0) == pytest.approx(970.0)
    vp = fit_viewport(500.0, 500.0, 1000)  # one day: still a view around it
    assert vp.t0 < 500.0 < vp.t1


def test_zoom_out_limit_and_data_kept_in_view() -> None:
    assert max_span((0.0, 1000.0)) == 1750.0
    assert max_span((0.0, 10.0)) > 365  # a year around a few days' events
    vp = keep_data_in_view(Viewport(5000.0, 0.5, 1000), (0.0, 1000.0))
    assert vp.t0 <= 0.0 and vp.t1 >= 1000.0
    narrow = Viewport(5000.0, 10.0, 1000)
    assert keep_data_in_view(narrow, (0.0, 1000.0)) is narrow  # zoomed in, panning is free
    # Zoomed out all the way: the data in the middle, not 75% of empty time on one side.
    widest = keep_data_in_view(Viewport(400.0, 1000 / 1750.0, 1000), (0.0, 1000.0))
    assert widest.t0 == pytest.approx(-375.0) and widest.t1 == pytest.approx(1375.0)
    # Negative: a view wider than the data but not the widest keeps where it is, data in it.
    wide = Viewport(-300.0, 1000 / 1500.0, 1000)
    assert keep_data_in_view(wide, (0.0, 1000.0)) is wide


def test_periods_typed() -> None:
    assert parse_period("2011") == (days_from_civil(2011, 1, 1), "year")
    assert parse_period(" 2011-03 ") == (days_from_civil(2011, 3, 1), "month")
    assert parse_period("2011-03-15") == (days_from_civil(2011, 3, 15), "day")
    assert parse_period("-0044-03-15") == (days_from_civil(-44, 3, 15), "day")
    assert parse_period("March") is None and parse_period("2011-02-30") is None


def test_go_to_date_reads_a_date_written_in_words_at_the_precision_written():
    assert parse_period("March 2011") == (days_from_civil(2011, 3, 1), "month")
    assert parse_period("15 March 2011") == (days_from_civil(2011, 3, 15), "day")
    assert parse_period("March 15, 2011.") == (days_from_civil(2011, 3, 15), "day")


def test_go_to_date_refuses_what_is_relative_half_read_or_no_calendar_period():
    # No publication date to count from; "Mar 2011" would be read as the year alone; a quarter and a
    # season have no Go to date precision; words around a date are not a date.
    for text in ("last week", "Mar 2011", "Q1 2011", "spring 2011", "the summit", "the summit in March 2011"):
        assert parse_period(text) is None, text
    assert period_days(days_from_civil(2020, 12, 5), "month") == (days_from_civil(2020, 12, 1), days_from_civil(2021, 1, 1))
    lo, hi = period_days(days_from_civil(2020, 12, 5), "day")
    assert lo < days_from_civil(2020, 12, 5) < hi and hi - lo == 21


def test_step_event_goes_through_the_shown_events_in_time_order() -> None:
    start = np.array([30.0, 10.0, 20.0, 10.0, 5.0])
    end = np.array([31.0, 12.0, 21.0, 11.0, 6.0])
    shown = np.array([True, True, True, True, False])  # event 4 is filtered out
    # 3 before 1: same start, earlier end; 4 is skipped.
    assert step_event(start, end, shown, 3, 1, 0.0, 100.0) == 1
    assert step_event(start, end, shown, 1, 1, 0.0, 100.0) == 2
    assert step_event(start, end, shown, 2, -1, 0.0, 100.0) == 1
    # Past the last or before the first: it stays.
    assert step_event(start, end, shown, 0, 1, 0.0, 100.0) == 0
    assert step_event(start, end, shown, 3, -1, 0.0, 100.0) == 3


def test_step_event_from_nothing_starts_in_the_view() -> None:
    start = np.array([10.0, 20.0, 30.0])
    end = start + 1
    shown = np.ones(3, dtype=bool)
    assert step_event(start, end, shown, -1, 1, 15.0, 40.0) == 1  # the first in view, not the first of all
    assert step_event(start, end, shown, -1, -1, 0.0, 25.0) == 1  # back: the last in view
    assert step_event(start, end, shown, -1, 1, 50.0, 60.0) == 2  # none in view ahead: the last
    assert step_event(start, end, np.zeros(3, dtype=bool), -1, 1, 0.0, 60.0) == -1


def test_an_event_a_little_farther_out_than_the_rest_span_is_kept() -> None:
    # Eight articles: an accord of March 2023 (six reports, one event) and four events from May 2024
    # to June 2025. The accord lies 14 months before 13 months of events: Fit left it out of view.
    days = [days_from_civil(2023, 3, 13), days_from_civil(2024, 5, 20), days_from_civil(2024, 7, 1),
            days_from_civil(2025, 2, 4), days_from_civil(2025, 6, 1)]
    start = np.array(days, dtype=float)
    kept = dense_range(start, start + 1)
    assert kept.lo == days[0] and kept.before == 0
    # Negative: the same events with the accord in 2019 (five times the rest's span away) leave it out.
    start[0] = days_from_civil(2019, 3, 13)
    assert dense_range(start, start + 1).before == 1
