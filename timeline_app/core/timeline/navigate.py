"""Where Fit, Go to date and the zoom limits put the view: the dense part of the events, a period, the data's bounds."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import numpy as np

from timeline_app.core.daycount import DAYS_PER_YEAR, MISSING_DAY, civil_from_days, days_from_civil, parse_iso_day
from timeline_app.core import temporal
from timeline_app.core.timeline.viewport import MIN_SPAN_DAYS, Viewport

log = logging.getLogger(__name__)

TAIL_SHARE = 0.02  # Fit may leave out up to this share of the events at each end (2nd-98th percentile) ...
TAIL_RATIO = 2.0  # ... when they lie farther out than twice the span of the rest
OUTLIERS_AMONG = 5  # ... and only among this many events or more: among three, each is a third of them
MARGIN_SHARE = 0.03  # of the width, left of the first event and right of the last one
ZOOM_OUT_SLACK = 0.75  # zooming out stops when the data plus this share of it fills the view (Fit's widest)
MIN_ZOOM_OUT_DAYS = DAYS_PER_YEAR  # ... but a year can always be seen around a day's events
DAY_VIEW_DAYS = 21  # Go to a day: three weeks around it, so the axis shows days
_CALENDAR_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")  # a year, month or day; not a season, quarter or decade


@dataclass(frozen=True)
class DenseRange:
    """The days Fit shows (`lo` to `hi`) and how many events it leaves out before and after them."""

    lo: float
    hi: float
    before: int
    after: int


def dense_range(start: np.ndarray, end: np.ndarray) -> DenseRange | None:
    """Where the events (each one's start and exclusive end, in days) are dense: all of them, unless
    up to 2% at an end lie so far out that they would squeeze the rest (one war "in the nineteenth
    century" among ten years of news); those are left out and counted. Among fewer than OUTLIERS_AMONG events none
    is left out, and an event kept is kept whole: a span that starts far out but ends among the rest
    moves the range's start."""
    n = len(start)
    if n == 0:
        return None
    starts, ends = np.sort(start), np.sort(end)
    k = max(1, int(n * TAIL_SHARE)) if n >= OUTLIERS_AMONG else 0
    lo, hi = float(starts[0]), float(ends[-1])
    core_lo, core_hi = float(starts[k]), float(ends[n - 1 - k])
    core = max(core_hi - core_lo, 1.0)
    before = after = 0
    reach = TAIL_RATIO * core
    if core_lo - lo > reach:  # only what lies that far out goes; events near the rest stay
        lo = float(starts[np.searchsorted(starts, core_lo - reach, side="left")])
        before = int(np.searchsorted(ends, lo, side="right"))
        lo = float(start[end > lo].min())
    if hi - core_hi > reach:
        hi = float(ends[np.searchsorted(ends, core_hi + reach, side="right") - 1])
        after = n - int(np.searchsorted(starts, hi, side="left"))
        hi = float(end[start < hi].max())
    return DenseRange(lo, hi, before, after)


def step_event(start: np.ndarray, end: np.ndarray, shown: np.ndarray, current: int, step: int,
               t0: float, t1: float) -> int:
    """The event `step` places after `current` (-1 before) in time order (start, then end) among the
    `shown` ones; from none (or one not shown) the first starting in the view [t0, t1), or the last
    when going back; past the first or last, the same event. -1 when none is shown."""
    idx = np.flatnonzero(shown)
    if not len(idx):
        return -1
    order = idx[np.lexsort((idx, end[idx], start[idx]))]
    at = np.flatnonzero(order == current)
    if len(at):
        return int(order[min(max(int(at[0]) + step, 0), len(order) - 1)])
    starts = start[order]
    if step > 0:
        pos = int(np.searchsorted(starts, t0, side="left"))
        return int(order[min(pos, len(order) - 1)])
    pos = int(np.searchsorted(starts, t1, side="left")) - 1
    return int(order[max(pos, 0)])


def fit_viewport(lo: float, hi: float, width: int) -> Viewport:
    """A view of [lo, hi) with a margin each side. The labels of the last events go left of their
    points (core.timeline.label_room): no room is kept for them right of the data."""
    width = max(int(width), 1)
    span = max(hi - lo, MIN_SPAN_DAYS)
    margin = MARGIN_SHARE * width
    ppd = max(width - 2 * margin, 1.0) / span
    return Viewport(lo - margin / ppd, ppd, width)


def max_span(extent: tuple[float, float] | None) -> float:
    """The widest view: the data and a little more (not the 25th century), a year at least."""
    if extent is None:
        return 1000.0 * DAYS_PER_YEAR
    return max((extent[1] - extent[0]) * (1.0 + ZOOM_OUT_SLACK), MIN_ZOOM_OUT_DAYS)


def keep_data_in_view(vp: Viewport, extent: tuple[float, float] | None) -> Viewport:
    """A view wider than the data is moved so that all of it is in view: zoomed out, no empty centuries;
    zoomed out all the way (max_span), the data is in the middle."""
    if extent is None or vp.span < extent[1] - extent[0]:
        return vp
    if vp.span >= max_span(extent) * (1.0 - 1e-9):
        t0 = (extent[0] + extent[1] - vp.span) / 2.0
    else:
        t0 = min(max(vp.t0, extent[1] - vp.span), extent[0])
    return vp if t0 == vp.t0 else Viewport(t0, vp.px_per_day, vp.width)


def parse_period(text: str) -> tuple[int, str] | None:
    """'2011' (a year), '2011-03' (a month) or '2011-03-15' (a day), or the same written in words
    ('March 2011', '15 March 2011', 'March 15, 2011'): its first day and its precision."""
    s = text.strip()
    return _iso_period(s) or _written_period(s)


def _iso_period(s: str) -> tuple[int, str] | None:
    body = s[1:] if s[:1] in "+-" else s
    precision = {1: "year", 2: "month", 3: "day"}.get(len(body.split("-")))
    day = parse_iso_day(s)
    if precision is None or day == MISSING_DAY:
        return None
    return day, precision


def _written_period(s: str) -> tuple[int, str] | None:
    """A date written in words, read by the date engine with no publication date: only a date that
    stands alone, so nothing relative ("last week") and nothing half-read ("Mar 2021" finds only 2021)."""
    # temporal.find_dates, not imported by name: the engine loads with the first date typed (core/temporal/__init__.py)
    found = [m for m in temporal.find_dates(s, None) if m.value]
    if len(found) != 1 or s[: found[0].start].strip(" ,.") or s[found[0].end :].strip(" ,."):
        return None
    value = found[0].value
    return _iso_period(value) if _CALENDAR_VALUE.fullmatch(value) else None


def period_days(day: int, precision: str) -> tuple[float, float]:
    """The days a Go to date shows: the year, the month, or three weeks around the day."""
    y, m, _ = civil_from_days(day)
    if precision == "year":
        return float(days_from_civil(y, 1, 1)), float(days_from_civil(y + 1, 1, 1))
    if precision == "month":
        nxt = (y + 1, 1) if m == 12 else (y, m + 1)
        return float(days_from_civil(y, m, 1)), float(days_from_civil(*nxt, 1))
    half = DAY_VIEW_DAYS // 2
    return float(day - half), float(day + half + 1)
