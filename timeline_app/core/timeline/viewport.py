"""The visible window of the timeline: time <-> pixels, zoom limits and levels, what start-sorted items it can see.

Time is a float number of days since 1970-01-01 (day ``d`` covers ``[d, d + 1)``, see core/daycount), so
any year works, including years before 1677, after 2262 and before year 1. No Qt, no pandas Timestamps.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import numpy as np

from timeline_app.core.daycount import DAYS_PER_YEAR

log = logging.getLogger(__name__)

_GRID = 65536.0  # sub-pixel steps of world pixel positions on the grid (see Viewport.x_of)

# Zoom limits: a visible span between two hours and a thousand years (or the data's whole extent).
MIN_SPAN_DAYS = 2.0 / 24.0
MAX_SPAN_DAYS = 1000.0 * DAYS_PER_YEAR


@dataclass(frozen=True)
class Viewport:
    """The visible window: time at the left edge, pixels per day, width in pixels."""

    t0: float
    px_per_day: float
    width: int
    origin_px: float | None = None  # t0 * px_per_day exactly, for a viewport on the pixel grid

    @staticmethod
    def on_grid(x0: int, px_per_day: float, width: int) -> Viewport:
        """The viewport whose left edge is world pixel `x0` (time * px_per_day): two viewports on the
        grid at the same scale place every time at pixel positions that differ by exactly an integer."""
        return Viewport(x0 / px_per_day, px_per_day, width, float(x0))

    def snapped(self) -> Viewport:
        """The same window moved by less than a pixel so that its left edge is on the pixel grid."""
        return Viewport.on_grid(math.floor(self.t0 * self.px_per_day + 0.5), self.px_per_day, self.width)

    @property
    def span(self) -> float:
        return self.width / self.px_per_day

    @property
    def t1(self) -> float:
        return self.t0 + self.span

    def x_of(self, t: float | np.ndarray) -> float | np.ndarray:
        if self.origin_px is not None:
            # World pixels on a grid of 1/65536 px, minus a whole number: exact below 2**37 px, so an
            # item lands on the same pixel, to the last bit, in every viewport on the grid (strips).
            return np.rint(t * self.px_per_day * _GRID) / _GRID - self.origin_px
        return (t - self.t0) * self.px_per_day

    def t_of(self, x: float) -> float:
        return self.t0 + x / self.px_per_day

    @staticmethod
    def fit(t_start: float, t_end: float, width: int, margin: float = 0.04) -> Viewport:
        """A viewport showing [t_start, t_end) with a small margin each side (any span: data decides)."""
        width = max(int(width), 1)
        span = max(t_end - t_start, MIN_SPAN_DAYS)
        span = span * (1.0 + 2.0 * margin)
        centre = (t_start + t_end) / 2.0
        return Viewport(centre - span / 2.0, width / span, width)

    def clamped(self, max_span: float = MAX_SPAN_DAYS) -> Viewport:
        """The same window with its span kept between MIN_SPAN_DAYS and `max_span` (centre kept)."""
        span = min(max(self.span, MIN_SPAN_DAYS), max_span)
        if span == self.span:
            return self
        centre = self.t0 + self.span / 2.0
        return Viewport(centre - span / 2.0, self.width / span, self.width)

    def zoomed(self, factor: float, anchor_x: float, max_span: float = MAX_SPAN_DAYS) -> Viewport:
        """Zoom in by `factor` (>1 zooms in) keeping the time under pixel `anchor_x` fixed."""
        anchor_t = self.t_of(anchor_x)
        span = min(max(self.span / factor, MIN_SPAN_DAYS), max_span)
        ppd = self.width / span
        return Viewport(anchor_t - anchor_x / ppd, ppd, self.width)

    def panned(self, dx_px: float) -> Viewport:
        """Move the window so the content moves by `dx_px` pixels to the right."""
        return Viewport(self.t0 - dx_px / self.px_per_day, self.px_per_day, self.width)

    def resized(self, width: int) -> Viewport:
        """Same left edge and scale, new width."""
        return Viewport(self.t0, self.px_per_day, max(int(width), 1))

    def centred_on(self, t: float) -> Viewport:
        return Viewport(t - self.span / 2.0, self.px_per_day, self.width)


def zoom_level(px_per_day: float) -> int:
    """Discrete zoom level in half-octaves: caches are kept per level, like vis-timeline's clusters."""
    return int(math.floor(2.0 * math.log2(px_per_day)))


def level_px_per_day(level: int) -> float:
    """The smallest px/day of a level, so spacings computed for the level hold at every zoom in it."""
    return 2.0 ** (level / 2.0)


def prefix_max(values: np.ndarray) -> np.ndarray:
    """Running maximum, used with start-sorted items to find the first one that can still be visible."""
    if len(values) == 0:
        return values.copy()
    return np.maximum.accumulate(values)


def visible_range(sorted_start: np.ndarray, end_prefix_max: np.ndarray, t0: float, t1: float) -> tuple[int, int]:
    """Index range [i0, i1) of start-sorted items that may overlap [t0, t1).

    Items before i0 all end at or before t0 (their running maximum end does); items from i1 on start
    at or after t1. Callers still check `end > t0` inside the range.
    """
    i0 = int(np.searchsorted(end_prefix_max, t0, side="right"))
    i1 = int(np.searchsorted(sorted_start, t1, side="left"))
    return i0, max(i0, i1)
