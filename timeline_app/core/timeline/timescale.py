"""Pure time<->pixel maths for the timeline: viewport, ticks, zoom levels, stacking, clustering, hit tests.

Time is a float number of days since 1970-01-01 (day ``d`` covers ``[d, d + 1)``, see daycount), so
any year works, including years before 1677, after 2262 and before year 1. Nothing here imports Qt
or uses pandas Timestamps; arrays are numpy.
"""

from __future__ import annotations

import heapq
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from timeline_app.core.daycount import (  # the calendar is part of this module's API (see __all__)
    DAYS_PER_YEAR, MISSING_DAY, MONTH_NAMES, WEEKDAY_NAMES, civil_from_days, date_to_days, days_from_civil,
    days_to_date, format_day, format_day_long, format_year, parse_iso_day, parse_iso_days, weekday,
)

__all__ = [
    "Axis",
    "Clusters",
    "DAYS_PER_YEAR",
    "HOUR_TICKS_PX_PER_DAY",
    "MAX_SPAN_DAYS",
    "MIN_SPAN_DAYS",
    "MISSING_DAY",
    "MONTH_NAMES",
    "Stacking",
    "Tick",
    "Viewport",
    "WEEKDAY_NAMES",
    "choose_axis",
    "civil_from_days",
    "block_ids",
    "cluster_bins",
    "date_to_days",
    "days_from_civil",
    "days_to_date",
    "format_day",
    "format_day_long",
    "format_year",
    "hit_test",
    "level_px_per_day",
    "parse_iso_day",
    "parse_iso_days",
    "prefix_max",
    "stack_rows",
    "visible_range",
    "weekday",
    "zoom_level",
]

log = logging.getLogger(__name__)

_GRID = 65536.0  # sub-pixel steps of world pixel positions on the grid (see Viewport.x_of)

# Zoom limits: a visible span between two hours and a thousand years (or the data's whole extent).
MIN_SPAN_DAYS = 2.0 / 24.0
MAX_SPAN_DAYS = 1000.0 * DAYS_PER_YEAR

# ---------------------------------------------------------------------------------------------
# Viewport: time <-> pixel


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


# ---------------------------------------------------------------------------------------------
# Ticks


@dataclass(frozen=True)
class Tick:
    """A tick at time `t` (days) with its label."""

    t: float
    label: str


@dataclass(frozen=True)
class Axis:
    """Minor ticks (the finest labelled unit) and context ticks (the coarser unit above them)."""

    unit: str  # "hour", "day", "week", "month", "quarter", "year"
    step: int
    minor: tuple[Tick, ...]
    context: tuple[Tick, ...]


# (unit, step, label style), finest first; for one unit/step the longest style comes first.
_CANDIDATES: tuple[tuple[str, int, str], ...] = (
    ("hour", 1, "hm"), ("hour", 2, "hm"), ("hour", 3, "hm"), ("hour", 6, "hm"), ("hour", 12, "hm"),
    ("day", 1, "long"), ("day", 1, "short"),
    ("week", 1, "long"),
    ("month", 1, "long"), ("month", 1, "short"), ("month", 1, "letter"),
    ("quarter", 1, "short"),
    ("year", 1, "short"), ("year", 2, "short"), ("year", 5, "short"), ("year", 10, "short"),
    ("year", 20, "short"), ("year", 50, "short"), ("year", 100, "short"), ("year", 200, "short"),
    ("year", 500, "short"), ("year", 1000, "short"), ("year", 2000, "short"), ("year", 5000, "short"),
)
_APPROX_DAYS = {"hour": 1.0 / 24.0, "day": 1.0, "week": 7.0, "month": 30.44, "quarter": 91.31,
                "year": DAYS_PER_YEAR}
_MAX_TICKS = 400  # never generate more ticks than this: ticks are for the visible range only
HOUR_TICKS_PX_PER_DAY = 400.0  # hour ticks only once a day is this wide


def _floor_unit(t: float, unit: str, step: int) -> float:
    """Start of the `unit`*`step` period containing t."""
    if unit == "hour":
        return math.floor(t * 24.0 / step) * step / 24.0
    day = math.floor(t)
    if unit == "day":
        return float(day - (day % step))
    if unit == "week":
        return float(day - weekday(day))
    y, m, _ = civil_from_days(day)
    if unit == "month":
        m0 = (m - 1) // step * step
        return float(days_from_civil(y, m0 + 1, 1))
    if unit == "quarter":
        return float(days_from_civil(y, (m - 1) // 3 * 3 + 1, 1))
    if unit == "year":
        return float(days_from_civil(y // step * step, 1, 1))
    raise ValueError(f"unknown unit {unit!r}")


def _next_unit(t: float, unit: str, step: int) -> float:
    """Start of the period after the one starting at t."""
    if unit == "hour":
        return (round(t * 24.0) + step) / 24.0
    day = int(round(t))
    if unit == "day":
        return float(day + step)
    if unit == "week":
        return float(day + 7 * step)
    y, m, _ = civil_from_days(day)
    if unit in ("month", "quarter"):
        months = step * (3 if unit == "quarter" else 1)
        idx = y * 12 + (m - 1) + months
        return float(days_from_civil(idx // 12, idx % 12 + 1, 1))
    if unit == "year":
        return float(days_from_civil(y + step, 1, 1))
    raise ValueError(f"unknown unit {unit!r}")


def _label(t: float, unit: str, step: int, style: str) -> str:
    day = int(math.floor(t + 1e-9))
    if unit == "hour":
        hour = int(round((t - math.floor(t)) * 24.0)) % 24
        return f"{hour:02d}:00"
    y, m, d = civil_from_days(day)
    if unit == "day":
        return f"{WEEKDAY_NAMES[weekday(day)]} {d}" if style == "long" else str(d)
    if unit == "week":
        return f"{d} {MONTH_NAMES[m - 1][:3]}" if style == "long" else str(d)
    if unit == "month":
        name = MONTH_NAMES[m - 1]
        return name if style == "long" else (name[:3] if style == "short" else name[0])
    if unit == "quarter":
        return f"Q{(m - 1) // 3 + 1}"
    return format_year(y)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _context_of(unit: str, step: int) -> tuple[str, int] | None:
    """The coarser period written in the context row above a minor unit."""
    if unit == "hour":
        return ("day", 1)
    if unit in ("day", "week"):
        return ("month", 1)
    if unit in ("month", "quarter"):
        return ("year", 1)
    if unit == "year" and step < 10:
        return ("year", 10)
    if unit == "year" and step < 100:
        return ("year", 100)
    if unit == "year" and step < 1000:
        return ("year", 1000)
    return None


def _context_label(t: float, unit: str, step: int) -> str:
    day = int(math.floor(t + 1e-9))
    y, m, _ = civil_from_days(day)
    if unit == "day":
        return format_day_long(day)
    if unit == "month":
        return f"{MONTH_NAMES[m - 1]} {format_year(y)}"
    if step == 1:
        return format_year(y)
    if step == 10:
        return f"{y}s" if y >= 0 else f"{format_year(y + 9)}–{format_year(y)}"
    if step == 100:
        century = y // 100 + 1
        return f"{_ordinal(century)} century" if century > 0 else f"{_ordinal(1 - century)} century BC"
    millennium = y // 1000 + 1
    return f"{_ordinal(millennium)} millennium" if millennium > 0 else f"{_ordinal(1 - millennium)} millennium BC"


def _ticks(t0: float, t1: float, unit: str, step: int) -> list[float]:
    """Starts of the periods overlapping [t0, t1], the first one starting at or before t0."""
    out = []
    t = _floor_unit(t0, unit, step)
    while t <= t1 and len(out) <= _MAX_TICKS:
        out.append(t)
        t = _next_unit(t, unit, step)
    return out


def choose_axis(viewport: Viewport, measure: Callable[[str], float] | None = None,
                padding_px: float = 10.0) -> Axis:
    """The finest unit whose labels fit between their ticks without overlapping.

    `measure` gives a label's width in pixels (the widget passes its font metrics); without it a
    label is counted as 7 px per character.
    """
    measure = measure or (lambda s: 7.0 * len(s))
    t0, t1, ppd = viewport.t0, viewport.t1, viewport.px_per_day
    chosen: tuple[str, int, str] = _CANDIDATES[-1]
    times: list[float] = []
    for unit, step, style in _CANDIDATES:
        approx_px = _APPROX_DAYS[unit] * step * ppd
        if approx_px < 12.0 or (t1 - t0) / (_APPROX_DAYS[unit] * step) > _MAX_TICKS:
            continue
        if unit == "hour" and ppd < HOUR_TICKS_PX_PER_DAY:
            continue  # events are dated to the day: hours only once a day is wide
        times = _ticks(t0, t1, unit, step)
        if len(times) < 2:
            chosen = (unit, step, style)
            break
        widest = max(measure(_label(t, unit, step, style)) for t in times)
        gaps = np.diff(np.asarray(times)) * ppd
        if float(gaps.min()) >= widest + padding_px:
            chosen = (unit, step, style)
            break
    unit, step, style = chosen
    if not times or _floor_unit(t0, unit, step) != times[0]:
        times = _ticks(t0, t1, unit, step)
    minor = tuple(Tick(t, _label(t, unit, step, style)) for t in times)
    context: tuple[Tick, ...] = ()
    ctx = _context_of(unit, step)
    if ctx is not None:
        cu, cs = ctx
        context = tuple(Tick(t, _context_label(t, cu, cs)) for t in _ticks(t0, t1, cu, cs))
    return Axis(unit, step, minor, context)


def grid_times(t0: float, t1: float, unit: str, step: int) -> tuple[list[float], list[float]]:
    """Times of the minor and of the context ticks of `unit` over [t0, t1]: the grid lines of any
    stretch of a view whose axis chose that unit (strips of the timeline's event layer)."""
    ctx = _context_of(unit, step)
    return _ticks(t0, t1, unit, step), (_ticks(t0, t1, *ctx) if ctx is not None else [])


# ---------------------------------------------------------------------------------------------
# Zoom levels, visible range


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


# ---------------------------------------------------------------------------------------------
# Stacking


def block_ids(lane: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Ids of runs of overlapping items; items must be sorted by (lane, start).

    A new block starts where an item starts at or after every earlier item of its lane has ended:
    greedy stacking inside a block never depends on items outside it.
    """
    n = len(start)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    lane_change = np.ones(n, dtype=bool)
    lane_change[1:] = lane[1:] != lane[:-1]
    # Segmented running maximum of `end`: offset each lane so maxima never leak across lanes.
    seg = np.cumsum(lane_change) - 1
    lo = float(min(start.min(), end.min()))
    span = float(max(start.max(), end.max())) - lo + 1.0
    shifted = (end - lo) + seg * span
    run_max = np.maximum.accumulate(shifted) - seg * span + lo
    new_block = lane_change.copy()
    new_block[1:] |= start[1:] >= run_max[:-1]
    return np.cumsum(new_block) - 1


def _greedy(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Lowest free row for each start-sorted item (interval partitioning with two heaps)."""
    rows = np.empty(len(start), dtype=np.int32)
    busy: list[tuple[float, int]] = []
    free: list[int] = []
    next_row = 0
    for i, (s, e) in enumerate(zip(start.tolist(), end.tolist())):
        while busy and busy[0][0] <= s:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            row = heapq.heappop(free)
        else:
            row = next_row
            next_row += 1
        heapq.heappush(busy, (e, row))
        rows[i] = row
    return rows


class Stacking:
    """Greedy row assignment without overlap, per lane, computed lazily block by block.

    Items are given sorted by (lane, start); `end` is the item's extent (at least start + its
    minimum width). Blocks of 1 or 2 items are stacked with numpy at once; bigger blocks run the
    O(k log k) greedy the first time one of their items is asked for, so a frame only pays for
    what it shows and the result never depends on the view.
    """

    def __init__(self, lane: np.ndarray, start: np.ndarray, end: np.ndarray) -> None:
        self._start = np.asarray(start, dtype=np.float64)
        self._end = np.maximum(np.asarray(end, dtype=np.float64), self._start)
        self._block = block_ids(np.asarray(lane), self._start, self._end)
        n = len(self._start)
        self.rows = np.full(n, -1, dtype=np.int32)
        if n == 0:
            self._block_first = np.zeros(1, dtype=np.int64)
            self._done = np.zeros(0, dtype=bool)
            return
        counts = np.bincount(self._block)
        self._block_first = np.concatenate(([0], np.cumsum(counts)))
        pos = np.arange(n) - self._block_first[self._block]
        small = counts[self._block] <= 2
        self.rows[small] = pos[small]  # in a block of two the second overlaps the first
        self._done = counts <= 2

    def rows_for(self, idx: np.ndarray) -> np.ndarray:
        """Rows of the items at positions `idx` (positions in the sorted order given to __init__)."""
        idx = np.asarray(idx, dtype=np.int64)
        if len(idx) == 0:
            return np.zeros(0, dtype=np.int32)
        blocks = np.unique(self._block[idx])
        for b in blocks[~self._done[blocks]].tolist():
            a, z = self._block_first[b], self._block_first[b + 1]
            self.rows[a:z] = _greedy(self._start[a:z], self._end[a:z])
            self._done[b] = True
        return self.rows[idx]

    def all_rows(self) -> np.ndarray:
        return self.rows_for(np.arange(len(self._start)))


def stack_rows(lane: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Rows for items in any order: no two items of a lane sharing a row overlap; O(n log n)."""
    lane = np.asarray(lane)
    start = np.asarray(start, dtype=np.float64)
    order = np.lexsort((start, lane))
    rows = np.empty(len(start), dtype=np.int32)
    rows[order] = Stacking(lane[order], start[order], np.asarray(end, dtype=np.float64)[order]).all_rows()
    return rows


# ---------------------------------------------------------------------------------------------
# Clustering


@dataclass(frozen=True)
class Clusters:
    """Bins of one zoom level that hold too many items to draw one by one.

    `item_cluster[i]` is the cluster of item i or -1; per cluster: lane, bin, count, first start
    and last end (days) of its items.
    """

    bin_days: float
    item_cluster: np.ndarray
    lane: np.ndarray
    bin: np.ndarray
    count: np.ndarray
    t_start: np.ndarray
    t_end: np.ndarray

    def __len__(self) -> int:
        return len(self.count)


def cluster_bins(lane: np.ndarray, start: np.ndarray, end: np.ndarray, bin_days: float,
                 capacity: int, position: np.ndarray | None = None) -> Clusters:
    """Group items sorted by (lane, position) into bins of `bin_days` by `position` (default: start);
    a bin with more than `capacity` items becomes a cluster spanning its items' first start to last
    end. O(n): the sort order makes (lane, bin) keys already sorted.
    """
    lane = np.asarray(lane, dtype=np.int64)
    start = np.asarray(start, dtype=np.float64)
    end = np.asarray(end, dtype=np.float64)
    position = start if position is None else np.asarray(position, dtype=np.float64)
    n = len(start)
    empty_i = np.zeros(0, dtype=np.int64)
    if n == 0:
        return Clusters(bin_days, np.full(0, -1, dtype=np.int64), empty_i, empty_i, empty_i,
                        np.zeros(0), np.zeros(0))
    bins = np.floor(position / bin_days).astype(np.int64)
    change = np.ones(n, dtype=bool)
    change[1:] = (lane[1:] != lane[:-1]) | (bins[1:] != bins[:-1])
    group = np.cumsum(change) - 1
    firsts = np.flatnonzero(change)
    counts = np.diff(np.append(firsts, n))
    is_cluster = counts > capacity
    cluster_of_group = np.where(is_cluster, np.cumsum(is_cluster) - 1, -1)
    item_cluster = cluster_of_group[group]
    sel = firsts[is_cluster]
    if is_cluster.any():
        t_start = np.minimum.reduceat(start, firsts)[is_cluster]
        t_end = np.maximum.reduceat(end, firsts)[is_cluster]
    else:
        t_start = t_end = np.zeros(0)
    return Clusters(bin_days, item_cluster, lane[sel], bins[sel], counts[is_cluster], t_start, t_end)


# ---------------------------------------------------------------------------------------------
# Hit testing


def hit_test(x: np.ndarray, y: np.ndarray, w: np.ndarray, h: np.ndarray, px: float, py: float,
             tolerance: float = 3.0) -> int:
    """Index of the drawn box (x, y, w, h) under the point, or nearest within `tolerance` px; -1 if none.

    Among boxes containing the point the smallest wins, so a day inside a month span is reachable.
    """
    if len(x) == 0:
        return -1
    dx = np.maximum(np.maximum(x - px, px - (x + w)), 0.0)
    dy = np.maximum(np.maximum(y - py, py - (y + h)), 0.0)
    dist = np.hypot(dx, dy)
    near = dist <= tolerance
    if not near.any():
        return -1
    # Rank: distance first, then area (the most specific box), then the one drawn last (on top).
    area = w * h
    cand = np.flatnonzero(near)
    order = np.lexsort((-cand, area[cand], dist[cand]))
    return int(cand[order[0]])
