"""Fit: the view of the shown events, the dense part or all, cluster boxes whole, with a margin; shared by the widget and images."""

from __future__ import annotations

import logging

from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.layout import cluster_capacity
from timeline_app.core.timeline.navigate import fit_viewport
from timeline_app.core.timeline.viewport import Viewport, level_px_per_day, zoom_level

log = logging.getLogger(__name__)


def fit_data(data: TimelineData, width: int, everything: bool = False) -> Viewport | None:
    """The view Fit shows `width` px wide: where the shown events are dense (`everything`: all of them,
    far outliers too), a margin each side; the last labels go left of their points. None when
    nothing is shown."""
    dense, ext = data.dense_range(), data.extent()
    if dense is None or ext is None:
        return None
    lo, hi = ext if everything else (dense.lo, dense.hi)
    vp = fit_viewport(lo, hi, width)
    # A cluster box is a whole bin of its zoom level (years when zoomed out): the last one may end
    # well past the data. Fit shows it whole at the first level, from the data's own, whose boxes
    # fit at that level's scale; a level whose boxes need a wider view is kept, a little zoomed out.
    first = zoom_level(vp.px_per_day)
    for level in range(first, first - 3, -1):
        box_lo, box_hi = _cluster_boxes(data, level, lo, hi)
        if box_lo >= lo and box_hi <= hi and level == first:
            return vp
        fitted = fit_viewport(min(lo, box_lo), max(hi, box_hi), width)
        at = zoom_level(fitted.px_per_day)
        if at == level:
            return fitted
        if at > level:  # the boxes alone give a closer level: zoom out to this one's closest scale
            ppd = level_px_per_day(level + 1) * 0.999
            return Viewport(fitted.t0 + fitted.span / 2 - width / ppd / 2, ppd, width)
    return vp


def _cluster_boxes(data: TimelineData, level: int, lo: float, hi: float) -> tuple[float, float]:
    """First and last day of the cluster boxes at `level` of the shown lanes with events in [lo, hi]."""
    clusters = data.levels.get(level, cluster_capacity(level_px_per_day(level)), lo, hi).clusters
    inside = (clusters.t_end > lo) & (clusters.t_start < hi) & (data.lane_pos[clusters.lane] >= 0)
    if not inside.any():
        return lo, hi
    bins = clusters.bin[inside]
    return float(bins.min() * clusters.bin_days), float((bins.max() + 1) * clusters.bin_days)
