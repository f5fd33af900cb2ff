"""DensityBands: how many events each shown lane has per pixel column, for the band under its lane."""

from __future__ import annotations

import logging

import numpy as np

from timeline_app.core.timeline.viewport import Viewport, level_px_per_day, zoom_level

log = logging.getLogger(__name__)


class DensityBands:
    """Counts per (shown lane, pixel column) of a view, and the count the bands saturate at.

    Built from the visible occurrences' centres sorted by time and their lane positions; rebuilt
    whenever the filter or the lanes change. Columns are floor(vp.x_of(centre)) and the saturation
    count is the data's, not the view's, so any two viewports on the same pixel grid draw a stretch
    of time alike (the event layer joins strips drawn in different viewports).
    """

    def __init__(self, centre: np.ndarray, lane_pos: np.ndarray, n_lanes: int) -> None:
        self._centre = centre
        self._lane_pos = lane_pos
        self._n_lanes = n_lanes
        self._bins: dict[int, tuple[float, float, np.ndarray, int]] = {}
        self._same_centre_peak: int | None = None

    def counts(self, vp: Viewport, lane_lo: int, lane_hi: int) -> np.ndarray:
        """Occurrence counts per (shown lane in [lane_lo, lane_hi), pixel column of `vp`)."""
        width = vp.width
        n_rows = max(lane_hi - lane_lo, 0)
        if n_rows == 0 or width <= 0 or len(self._centre) == 0:
            return np.zeros((n_rows, max(width, 0)), dtype=np.int64)
        level = zoom_level(vp.px_per_day)
        if level_px_per_day(level) <= 1.0:
            return self._from_bins(level, vp, lane_lo, lane_hi)
        slack = 1.0 / vp.px_per_day
        i0, i1 = np.searchsorted(self._centre, (vp.t0 - slack, vp.t1 + slack))
        lp = self._lane_pos[i0:i1]
        x = np.floor(vp.x_of(self._centre[i0:i1])).astype(np.int64)
        ok = (lp >= lane_lo) & (lp < lane_hi) & (x >= 0) & (x < width)
        flat = (lp[ok] - lane_lo) * width + x[ok]
        return np.bincount(flat, minlength=n_rows * width).reshape(n_rows, width)

    def peak(self, px_per_day: float) -> int:
        """The count the bands saturate at for a zoom level: the highest anywhere in the data."""
        level = zoom_level(px_per_day)
        if len(self._centre) == 0:
            return 1
        if level_px_per_day(level) <= 1.0:
            return self._level_bins(level)[3]
        if self._same_centre_peak is None:
            # Zoomed in, a pixel column holds about one centre: the most occurrences a lane has at one.
            group = np.cumsum(np.r_[True, self._centre[1:] != self._centre[:-1]])
            key = np.sort(group * (self._n_lanes + 1) + self._lane_pos, kind="stable")
            cuts = np.flatnonzero(np.r_[True, key[1:] != key[:-1], True])
            self._same_centre_peak = int(np.diff(cuts).max())
        return max(self._same_centre_peak, 1)

    def _level_bins(self, level: int) -> tuple[float, float, np.ndarray, int]:
        """Per-level histogram of centres per shown lane (bins narrower than a pixel at that level):
        origin, bin width in days, counts per lane and bin, and the highest count."""
        cached = self._bins.get(level)
        if cached is None:
            bin_days = 1.0 / level_px_per_day(level)
            origin = float(self._centre[0])
            bins = ((self._centre - origin) / bin_days).astype(np.int64)
            n_bins = int(bins[-1]) + 1
            hist = np.bincount(self._lane_pos * n_bins + bins,
                               minlength=self._n_lanes * n_bins).reshape(self._n_lanes, n_bins)
            cached = (origin, bin_days, hist, max(int(hist.max()), 1))
            self._bins[level] = cached
        return cached

    def _from_bins(self, level: int, vp: Viewport, lane_lo: int, lane_hi: int) -> np.ndarray:
        """Zoomed out, counts come from the level's histogram, resampled to pixel columns."""
        origin, bin_days, hist, _peak = self._level_bins(level)
        width = vp.width
        out = np.zeros((lane_hi - lane_lo, width), dtype=np.int64)
        n_bins = hist.shape[1]
        b0 = max(int((vp.t0 - origin) / bin_days) - 1, 0)
        b1 = min(int((vp.t1 - origin) / bin_days) + 2, n_bins)
        if b1 <= b0:
            return out
        x = np.floor(vp.x_of(origin + (np.arange(b0, b1) + 0.5) * bin_days)).astype(np.int64)
        keep = (x >= 0) & (x < width)
        if not keep.any():
            return out
        cols = np.arange(b0, b1)[keep]
        x = x[keep]
        starts = np.flatnonzero(np.r_[True, x[1:] != x[:-1]])
        out[:, x[starts]] = np.add.reduceat(hist[lane_lo:lane_hi, cols], starts, axis=1)
        return out
