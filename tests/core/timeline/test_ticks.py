"""Axis ticks at every scale: calendar units, measured labels, years before 1 and far ahead, bounded counts."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from timeline_app.core.daycount import civil_from_days, date_to_days, days_from_civil
from timeline_app.core.timeline.ticks import choose_axis
from timeline_app.core.timeline.viewport import MAX_SPAN_DAYS, MIN_SPAN_DAYS, Viewport


SCALES = [  # visible span in days -> (expected minor unit, context written above it)
    (1.0, "hour", "Thu 1 June 2000"),
    (30.0, "day", "June 2000"),
    (120.0, "week", "June 2000"),
    (365.0, "month", "2000"),
    (3 * 365.0, "month", "2000"),
    (12 * 365.0, "quarter", "2000"),
    (50 * 365.0, "year", "2000s"),
    (400 * 365.0, "year", "21st century"),
]


@pytest.mark.parametrize(("span", "unit", "context"), SCALES)
def test_ticks_at_each_scale(span: float, unit: str, context: str) -> None:
    t0 = date_to_days(dt.date(2000, 6, 1))
    vp = Viewport(t0, 1600 / span, 1600)
    axis = choose_axis(vp)
    assert axis.unit == unit
    assert axis.context and axis.context[0].label == context
    times = [tk.t for tk in axis.minor]
    # Ticks for the visible range only: one at or before the left edge, none past the right edge.
    assert times[0] <= vp.t0 < times[1]
    assert times[-1] <= vp.t1
    assert times == sorted(times)
    # Labels never overlap: each fits before the next tick.
    for a, b in zip(axis.minor, axis.minor[1:]):
        assert (b.t - a.t) * vp.px_per_day >= 7.0 * len(a.label) + 10.0


def test_ticks_follow_the_calendar() -> None:
    t0 = date_to_days(dt.date(2023, 11, 20))
    axis = choose_axis(Viewport(t0, 1600 / 200.0, 1600))
    starts = [civil_from_days(int(tk.t)) for tk in axis.minor]
    assert axis.unit in ("week", "month")
    if axis.unit == "month":
        assert all(d == 1 for _, _, d in starts)
    labels = [tk.label for tk in choose_axis(Viewport(t0, 1600 / 365.0, 1600)).minor]
    assert labels[:3] == ["November", "December", "January"]
    assert [tk.label for tk in choose_axis(Viewport(t0, 1600 / 365.0, 1600)).context][:2] == ["2023", "2024"]


def test_ticks_use_measured_label_widths() -> None:
    vp = Viewport(date_to_days(dt.date(2000, 1, 1)), 1600 / 365.0, 1600)
    normal = choose_axis(vp)
    assert normal.unit == "month" and normal.minor[0].label == "January"
    wide = choose_axis(vp, measure=lambda s: 20.0 * len(s))  # a big font: shorter labels first
    assert wide.unit == "month" and wide.minor[0].label == "Jan"
    huge = choose_axis(vp, measure=lambda s: 150.0 * len(s))  # then coarser ticks
    assert huge.unit in ("quarter", "year")


def test_ticks_before_year_one_and_far_future() -> None:
    axis = choose_axis(Viewport(days_from_civil(-520, 1, 1), 1600 / (40 * 365.0), 1600))
    assert axis.unit == "year"
    assert any(tk.label == "501 BC" for tk in axis.minor) or any("BC" in tk.label for tk in axis.minor)
    far = choose_axis(Viewport(days_from_civil(2400, 1, 1), 1600 / 365.0, 1600))
    assert far.context[0].label == "2400" and far.minor[0].label == "January"


def test_ticks_never_explode_at_any_zoom() -> None:
    t0 = date_to_days(dt.date(1990, 1, 1))
    for span in np.geomspace(MIN_SPAN_DAYS, MAX_SPAN_DAYS, 40):
        axis = choose_axis(Viewport(t0, 1600 / span, 1600))
        assert 1 <= len(axis.minor) <= 1600 / 12 + 2


@pytest.mark.parametrize("span", [30.0, 400.0, 20 * 365.0, 3000 * 365.0])
def test_no_mark_names_a_day_after_the_year_9999(span: float) -> None:
    last = days_from_civil(9999, 12, 31)
    axis = choose_axis(Viewport(last - span / 2, 1600 / span, 1600))
    labels = [tk.label for tk in (*axis.minor, *axis.context)]
    assert labels and all(tk.t <= last for tk in (*axis.minor, *axis.context))
    assert not any("10000" in label or "11th millennium" in label for label in labels)


def test_marks_after_the_year_2000_are_kept() -> None:
    middle = days_from_civil(2000, 1, 1)
    axis = choose_axis(Viewport(middle - 200, 1600 / 400.0, 1600))
    assert any(tk.t > middle for tk in axis.minor) and "2000" in [tk.label for tk in axis.context]
