"""The viewport without Qt: zoom about an anchor, zoom limits, the pixel grid, fit and pan, levels, visible range."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from timeline_app.core.daycount import date_to_days
from timeline_app.core.timeline.viewport import (
    MAX_SPAN_DAYS, MIN_SPAN_DAYS, Viewport, level_px_per_day, prefix_max, visible_range, zoom_level,
)


def test_zoom_keeps_the_time_under_the_anchor() -> None:
    vp = Viewport(date_to_days(dt.date(2000, 1, 1)), 2.0, 1200)
    for anchor in (0.0, 317.0, 1200.0):
        for factor in (1.2, 1 / 1.2, 7.0):
            z = vp.zoomed(factor, anchor)
            assert z.t_of(anchor) == pytest.approx(vp.t_of(anchor), abs=1e-6)
            assert z.px_per_day == pytest.approx(vp.px_per_day * factor)


def test_zoom_limits_from_hours_to_a_thousand_years() -> None:
    vp = Viewport(0.0, 1.0, 1000)
    tight = vp.zoomed(1e9, 500)
    assert tight.span == pytest.approx(MIN_SPAN_DAYS)
    wide = vp.zoomed(1e-9, 500)
    assert wide.span == pytest.approx(MAX_SPAN_DAYS)
    assert Viewport(0.0, 1e-9, 1000).clamped().span == pytest.approx(MAX_SPAN_DAYS)


def test_viewports_on_the_pixel_grid_place_times_an_exact_whole_number_of_pixels_apart() -> None:
    """Strips of the cached event layer are drawn in different viewports at one scale: an item must
    land on the same pixel in each, to the last bit, or strips would not meet."""
    rng = np.random.default_rng(3)
    day = date_to_days(dt.date(2000, 1, 1))
    for ppd in (1600 / 365.0, 4.5, 1600 / 7.0, 1600 / 0.25, 0.013):
        base = Viewport.on_grid(int(day * ppd), ppd, 1600)
        # Times within a few view widths, at whole and half days (where rounding would show).
        t = base.t0 + np.concatenate((rng.uniform(-3000, 4600, 2000) / ppd, np.arange(-40, 40) * 0.5))
        for shift in (1, 3, -250, 709, 1601):
            other = Viewport.on_grid(int(base.origin_px) + shift, ppd, 777)
            assert (other.x_of(t) + shift == base.x_of(t)).all()
            assert other.t0 == pytest.approx(base.t0 + shift / ppd, rel=1e-12)
    free = Viewport(date_to_days(dt.date(2000, 1, 1)) + 0.123, 4.5, 1200)
    snapped = free.snapped()
    assert snapped.origin_px == round(snapped.origin_px)
    assert abs(snapped.x_of(free.t0)) <= 0.5  # moved by under half a pixel
    assert (snapped.px_per_day, snapped.width) == (free.px_per_day, free.width)


def test_fit_and_pan() -> None:
    vp = Viewport.fit(100.0, 200.0, 1000, margin=0.0)
    assert (vp.t0, vp.t1) == (pytest.approx(100.0), pytest.approx(200.0))
    moved = vp.panned(50)  # content moves right: earlier dates come into view
    assert moved.t0 == pytest.approx(95.0)
    assert vp.x_of(150.0) == pytest.approx(500.0)


def test_zoom_levels_bound_the_scale() -> None:
    for ppd in np.geomspace(1e-3, 1e4, 50):
        level = zoom_level(ppd)
        assert level_px_per_day(level) <= ppd * (1 + 1e-12) < level_px_per_day(level) * math.sqrt(2) + 1e-9


def test_visible_range_matches_a_linear_scan() -> None:
    rng = np.random.default_rng(1)
    start = np.sort(rng.uniform(0, 1000, 2000))
    end = start + rng.exponential(5, 2000) * (rng.random(2000) < 0.9) + rng.random(2000) * (rng.random(2000) < 0.02) * 400
    pmax = prefix_max(end)
    for t0, t1 in ((0, 10), (500, 520), (990, 1200), (-50, -10), (300, 300.5)):
        i0, i1 = visible_range(start, pmax, t0, t1)
        idx = np.arange(i0, i1)
        found = set(idx[end[idx] > t0].tolist())
        expected = set(np.flatnonzero((start < t1) & (end > t0)).tolist())
        assert found == expected
