"""Axis ticks: the finest calendar unit whose labels fit, its context row above, and the grid lines of any stretch."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from timeline_app.core.daycount import (
    DAYS_PER_YEAR, MONTH_NAMES, WEEKDAY_NAMES, civil_from_days, days_from_civil, format_day_long, format_year,
    weekday,
)
from timeline_app.core.timeline.viewport import Viewport

log = logging.getLogger(__name__)

# The last day a date can hold (dates are datetime.date: years 1-9999 after Christ): later time, in the
# margin beyond an event of 9999, gets no marks ("January 10000", "11th millennium" named no real date).
_LAST_DAY = days_from_civil(9999, 12, 31)


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
    while t <= min(t1, _LAST_DAY) and len(out) <= _MAX_TICKS:
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
