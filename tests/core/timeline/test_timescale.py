"""Timeline maths without Qt: calendar, viewport, ticks at every scale, stacking, clustering, hit tests."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from timeline_app.core.timeline import timescale as ts


# -- calendar ----------------------------------------------------------------------------------

@pytest.mark.parametrize("d", [dt.date(1970, 1, 1), dt.date(2022, 12, 28), dt.date(1, 1, 1), dt.date(9999, 12, 31),
                               dt.date(1600, 2, 29), dt.date(1676, 7, 4), dt.date(2263, 3, 1), dt.date(1900, 3, 1)])
def test_days_agree_with_datetime(d: dt.date) -> None:
    days = ts.date_to_days(d)
    assert ts.days_from_civil(d.year, d.month, d.day) == days
    assert ts.civil_from_days(days) == (d.year, d.month, d.day)
    assert ts.days_to_date(days + 0.75) == d


def test_calendar_round_trips_far_outside_pandas_range() -> None:
    for year in range(-4000, 4001, 7):
        for month, day in ((1, 1), (2, 28), (12, 31)):
            assert ts.civil_from_days(ts.days_from_civil(year, month, day)) == (year, month, day)
    # Consecutive days stay consecutive across the year 0 (1 BC) boundary.
    assert ts.days_from_civil(1, 1, 1) - ts.days_from_civil(0, 12, 31) == 1
    assert ts.days_from_civil(0, 3, 1) - ts.days_from_civil(0, 2, 29) == 1  # 1 BC was a leap year


def test_parse_iso_day() -> None:
    assert ts.parse_iso_day("2022-12-28") == ts.date_to_days(dt.date(2022, 12, 28))
    assert ts.parse_iso_day("0850-03-01") == ts.date_to_days(dt.date(850, 3, 1))
    assert ts.parse_iso_day("850-03-01") == ts.parse_iso_day("0850-03-01")
    assert ts.format_day(ts.parse_iso_day("-0043-03-15")) == "-0043-03-15"
    assert ts.parse_iso_day("2011") == ts.date_to_days(dt.date(2011, 1, 1))
    assert ts.parse_iso_day("2022-12-28T15:00") == ts.parse_iso_day("2022-12-28")
    for bad in ("", "  ", "2022-13-01", "yesterday", "2022-00-10", "2022-02-30", "2023-02-29"):
        assert ts.parse_iso_day(bad) == ts.MISSING_DAY
    days = ts.parse_iso_days(["2022-12-28", None, "2022-12-28", dt.date(2000, 1, 1), float("nan")])
    assert days.dtype == np.int64
    assert days.tolist() == [ts.parse_iso_day("2022-12-28"), ts.MISSING_DAY, ts.parse_iso_day("2022-12-28"),
                             ts.date_to_days(dt.date(2000, 1, 1)), ts.MISSING_DAY]


def test_year_labels_before_year_one() -> None:
    assert ts.format_year(2022) == "2022"
    assert ts.format_year(0) == "1 BC"
    assert ts.format_year(-43) == "44 BC"


# -- viewport ----------------------------------------------------------------------------------

def test_zoom_keeps_the_time_under_the_anchor() -> None:
    vp = ts.Viewport(ts.date_to_days(dt.date(2000, 1, 1)), 2.0, 1200)
    for anchor in (0.0, 317.0, 1200.0):
        for factor in (1.2, 1 / 1.2, 7.0):
            z = vp.zoomed(factor, anchor)
            assert z.t_of(anchor) == pytest.approx(vp.t_of(anchor), abs=1e-6)
            assert z.px_per_day == pytest.approx(vp.px_per_day * factor)


def test_zoom_limits_from_hours_to_a_thousand_years() -> None:
    vp = ts.Viewport(0.0, 1.0, 1000)
    tight = vp.zoomed(1e9, 500)
    assert tight.span == pytest.approx(ts.MIN_SPAN_DAYS)
    wide = vp.zoomed(1e-9, 500)
    assert wide.span == pytest.approx(ts.MAX_SPAN_DAYS)
    assert ts.Viewport(0.0, 1e-9, 1000).clamped().span == pytest.approx(ts.MAX_SPAN_DAYS)


def test_viewports_on_the_pixel_grid_place_times_an_exact_whole_number_of_pixels_apart() -> None:
    """Strips of the cached event layer are drawn in different viewports at one scale: an item must
    land on the same pixel in each, to the last bit, or strips would not meet."""
    rng = np.random.default_rng(3)
    day = ts.date_to_days(dt.date(2000, 1, 1))
    for ppd in (1600 / 365.0, 4.5, 1600 / 7.0, 1600 / 0.25, 0.013):
        base = ts.Viewport.on_grid(int(day * ppd), ppd, 1600)
        # Times within a few view widths, at whole and half days (where rounding would show).
        t = base.t0 + np.concatenate((rng.uniform(-3000, 4600, 2000) / ppd, np.arange(-40, 40) * 0.5))
        for shift in (1, 3, -250, 709, 1601):
            other = ts.Viewport.on_grid(int(base.origin_px) + shift, ppd, 777)
            assert (other.x_of(t) + shift == base.x_of(t)).all()
            assert other.t0 == pytest.approx(base.t0 + shift / ppd, rel=1e-12)
    free = ts.Viewport(ts.date_to_days(dt.date(2000, 1, 1)) + 0.123, 4.5, 1200)
    snapped = free.snapped()
    assert snapped.origin_px == round(snapped.origin_px)
    assert abs(snapped.x_of(free.t0)) <= 0.5  # moved by under half a pixel
    assert (snapped.px_per_day, snapped.width) == (free.px_per_day, free.width)


def test_fit_and_pan() -> None:
    vp = ts.Viewport.fit(100.0, 200.0, 1000, margin=0.0)
    assert (vp.t0, vp.t1) == (pytest.approx(100.0), pytest.approx(200.0))
    moved = vp.panned(50)  # content moves right: earlier dates come into view
    assert moved.t0 == pytest.approx(95.0)
    assert vp.x_of(150.0) == pytest.approx(500.0)


# -- ticks -------------------------------------------------------------------------------------

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
    t0 = ts.date_to_days(dt.date(2000, 6, 1))
    vp = ts.Viewport(t0, 1600 / span, 1600)
    axis = ts.choose_axis(vp)
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
    t0 = ts.date_to_days(dt.date(2023, 11, 20))
    axis = ts.choose_axis(ts.Viewport(t0, 1600 / 200.0, 1600))
    starts = [ts.civil_from_days(int(tk.t)) for tk in axis.minor]
    assert axis.unit in ("week", "month")
    if axis.unit == "month":
        assert all(d == 1 for _, _, d in starts)
    labels = [tk.label for tk in ts.choose_axis(ts.Viewport(t0, 1600 / 365.0, 1600)).minor]
    assert labels[:3] == ["November", "December", "January"]
    assert [tk.label for tk in ts.choose_axis(ts.Viewport(t0, 1600 / 365.0, 1600)).context][:2] == ["2023", "2024"]


def test_ticks_use_measured_label_widths() -> None:
    vp = ts.Viewport(ts.date_to_days(dt.date(2000, 1, 1)), 1600 / 365.0, 1600)
    normal = ts.choose_axis(vp)
    assert normal.unit == "month" and normal.minor[0].label == "January"
    wide = ts.choose_axis(vp, measure=lambda s: 20.0 * len(s))  # a big font: shorter labels first
    assert wide.unit == "month" and wide.minor[0].label == "Jan"
    huge = ts.choose_axis(vp, measure=lambda s: 150.0 * len(s))  # then coarser ticks
    assert huge.unit in ("quarter", "year")


def test_ticks_before_year_one_and_far_future() -> None:
    axis = ts.choose_axis(ts.Viewport(ts.days_from_civil(-520, 1, 1), 1600 / (40 * 365.0), 1600))
    assert axis.unit == "year"
    assert any(tk.label == "501 BC" for tk in axis.minor) or any("BC" in tk.label for tk in axis.minor)
    far = ts.choose_axis(ts.Viewport(ts.days_from_civil(2400, 1, 1), 1600 / 365.0, 1600))
    assert far.context[0].label == "2400" and far.minor[0].label == "January"


def test_ticks_never_explode_at_any_zoom() -> None:
    t0 = ts.date_to_days(dt.date(1990, 1, 1))
    for span in np.geomspace(ts.MIN_SPAN_DAYS, ts.MAX_SPAN_DAYS, 40):
        axis = ts.choose_axis(ts.Viewport(t0, 1600 / span, 1600))
        assert 1 <= len(axis.minor) <= 1600 / 12 + 2


def test_zoom_levels_bound_the_scale() -> None:
    for ppd in np.geomspace(1e-3, 1e4, 50):
        level = ts.zoom_level(ppd)
        assert ts.level_px_per_day(level) <= ppd * (1 + 1e-12) < ts.level_px_per_day(level) * math.sqrt(2) + 1e-9


# -- visible range -----------------------------------------------------------------------------

def test_visible_range_matches_a_linear_scan() -> None:
    rng = np.random.default_rng(1)
    start = np.sort(rng.uniform(0, 1000, 2000))
    end = start + rng.exponential(5, 2000) * (rng.random(2000) < 0.9) + rng.random(2000) * (rng.random(2000) < 0.02) * 400
    pmax = ts.prefix_max(end)
    for t0, t1 in ((0, 10), (500, 520), (990, 1200), (-50, -10), (300, 300.5)):
        i0, i1 = ts.visible_range(start, pmax, t0, t1)
        idx = np.arange(i0, i1)
        found = set(idx[end[idx] > t0].tolist())
        expected = set(np.flatnonzero((start < t1) & (end > t0)).tolist())
        assert found == expected


# -- stacking ----------------------------------------------------------------------------------

def _assert_no_overlap(lane: np.ndarray, start: np.ndarray, end: np.ndarray, rows: np.ndarray) -> None:
    for key in set(zip(lane.tolist(), rows.tolist())):
        sel = np.flatnonzero((lane == key[0]) & (rows == key[1]))
        order = sel[np.argsort(start[sel])]
        assert (start[order][1:] >= end[order][:-1]).all()


def _max_depth(start: np.ndarray, end: np.ndarray) -> int:
    events = sorted([(s, 1) for s in start] + [(e, -1) for e in end], key=lambda p: (p[0], p[1]))
    depth = best = 0
    for _, d in events:
        depth += d
        best = max(best, depth)
    return best


def test_stacking_has_no_overlap_and_uses_the_fewest_rows() -> None:
    rng = np.random.default_rng(3)
    n = 3000
    lane = rng.integers(0, 5, n)
    start = rng.uniform(0, 400, n)
    end = start + rng.choice([0.5, 2.0, 30.0], n)
    rows = ts.stack_rows(lane, start, end)
    _assert_no_overlap(lane, start, end, rows)
    for ln in range(5):
        sel = lane == ln
        # Greedy interval partitioning is optimal: rows used == deepest overlap.
        assert rows[sel].max() + 1 == _max_depth(start[sel], end[sel])


def test_stacking_examples() -> None:
    lane = np.zeros(4, dtype=np.int64)
    rows = ts.stack_rows(lane, np.array([0.0, 1.0, 2.0, 5.0]), np.array([3.0, 2.0, 4.0, 6.0]))
    assert rows.tolist() == [0, 1, 1, 0]  # the third reuses row 1 once the second has ended
    two_lanes = ts.stack_rows(np.array([0, 1]), np.array([0.0, 0.0]), np.array([1.0, 1.0]))
    assert two_lanes.tolist() == [0, 0]


def test_lazy_stacking_does_not_depend_on_what_is_asked_first() -> None:
    rng = np.random.default_rng(5)
    n = 2000
    lane = np.sort(rng.integers(0, 3, n))
    start = np.empty(n)
    for ln in range(3):
        sel = lane == ln
        start[sel] = np.sort(rng.uniform(0, 100, sel.sum()))
    end = start + 1.5
    full = ts.Stacking(lane, start, end).all_rows()
    lazy = ts.Stacking(lane, start, end)
    window = np.flatnonzero((start > 40) & (start < 45))
    assert (lazy.rows_for(window) == full[window]).all()
    assert (lazy.all_rows() == full).all()


# -- clustering --------------------------------------------------------------------------------

def test_clusters_count_items_per_lane_and_bin() -> None:
    lane = np.array([0, 0, 0, 0, 0, 1, 1])
    start = np.array([0.5, 1.0, 2.0, 9.0, 25.0, 1.0, 2.0])
    cl = ts.cluster_bins(lane, start, start + 1, bin_days=10.0, capacity=2)
    # Lane 0 bin 0 holds four items: a cluster; lane 0 bin 2 and lane 1 bin 0 stay items.
    assert len(cl) == 1
    assert (cl.lane.tolist(), cl.bin.tolist(), cl.count.tolist()) == ([0], [0], [4])
    assert cl.item_cluster.tolist() == [0, 0, 0, 0, -1, -1, -1]
    assert cl.t_start[0] == 0.5 and cl.t_end[0] == 10.0
    none = ts.cluster_bins(lane, start, start + 1, bin_days=10.0, capacity=4)
    assert len(none) == 0 and (none.item_cluster == -1).all()


def test_clusters_of_many_items() -> None:
    rng = np.random.default_rng(9)
    lane = np.sort(rng.integers(0, 10, 50_000))
    start = np.empty(len(lane))
    for ln in range(10):
        sel = lane == ln
        start[sel] = np.sort(rng.uniform(0, 5000, sel.sum()))
    cl = ts.cluster_bins(lane, start, start, bin_days=50.0, capacity=3)
    assert cl.count.sum() == (cl.item_cluster >= 0).sum()
    assert (cl.count > 3).all()
    # Every clustered item lies in its cluster's bin and lane.
    idx = np.flatnonzero(cl.item_cluster >= 0)
    c = cl.item_cluster[idx]
    assert (cl.lane[c] == lane[idx]).all()
    assert (np.floor(start[idx] / 50.0) == cl.bin[c]).all()


# -- hit testing -------------------------------------------------------------------------------

def test_hit_test() -> None:
    x = np.array([0.0, 100.0, 100.0, 300.0])
    y = np.array([0.0, 0.0, 0.0, 50.0])
    w = np.array([10.0, 200.0, 8.0, 8.0])
    h = np.array([10.0, 12.0, 8.0, 8.0])
    assert ts.hit_test(x, y, w, h, 5, 5) == 0
    assert ts.hit_test(x, y, w, h, 104, 4) == 2  # inside a span and a point: the smaller wins
    assert ts.hit_test(x, y, w, h, 250, 6) == 1
    assert ts.hit_test(x, y, w, h, 310, 54, tolerance=3) == 3  # 2 px off: near enough
    assert ts.hit_test(x, y, w, h, 320, 54, tolerance=3) == -1
    assert ts.hit_test(np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0), 1, 1) == -1
