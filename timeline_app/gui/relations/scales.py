"""The Relations chart's axes without Qt: round tick values and which period labels fit."""

from __future__ import annotations

import logging
import math

from timeline_app.core.daycount import MONTH_NAMES, format_year
from timeline_app.core.library.periods import MONTH, QUARTER, months_per_period

log = logging.getLogger(__name__)

# Label every k-th period, k from these: calendar steps a reader counts in (3 months, 2 years …).
_LABEL_STEPS = {MONTH: (1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200),
                QUARTER: (1, 2, 4, 8, 20, 40, 80, 200, 400),
                "year": (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)}


def nice_ticks(low: float, high: float, count: int = 4, whole: bool = False) -> list[float]:
    """About `count` round values (1, 2 or 5 times a power of ten apart) covering low to high, 0 included;
    `whole`: steps of 1 at least, for counts."""
    low, high = min(low, 0.0), max(high, 0.0)
    if high - low <= 0:
        return [0.0, 1.0]
    step = _round_step(max((high - low) / max(count, 1), 1.0 if whole else 0.0))
    first, last = math.floor(low / step), math.ceil(high / step)
    return [round(i * step, 10) for i in range(first, last + 1)]


def score_scale(low: float, high: float, count: int) -> tuple[float, float, list[float]]:
    """The net score's axis: the data and 0 with a little room, and about `count` round ticks inside it.

    Unlike the bars' axis it does not run to a whole step past the data: -0.3 beside 11.5 would
    otherwise cost a strip that is a third empty."""
    low, high = min(low, 0.0), max(high, 0.0)
    room = 0.08 * (high - low) or 1.0
    low, high = low - (room if low < 0 else 0), high + (room if high > 0 or low == 0 else 0)
    step = _round_step((high - low) / max(count, 1))
    ticks = [round(i * step, 10) for i in range(math.ceil(low / step), math.floor(high / step) + 1)]
    return low, high, ticks


def _round_step(raw: float) -> float:
    """The smallest of 1, 2, 5 times a power of ten that is at least `raw`."""
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def format_tick(value: float) -> str:
    """12, 2.5, -10: no trailing zeros."""
    return f"{value:g}"


def label_step(by: str, bar_width: float, label_width: float) -> int:
    """Label every k-th period so that labels `label_width` wide do not touch on bars `bar_width` wide."""
    for k in _LABEL_STEPS[by]:
        if k * bar_width >= label_width + 6:
            return k
    return _LABEL_STEPS[by][-1]


def is_labelled(period: int, by: str, step: int) -> bool:
    """Labels fall on calendar multiples (January, July; 2020, 2025), not on whichever bar comes first."""
    return period % step == 0


def period_label(period: int, by: str, step: int = 1, first: bool = False) -> tuple[str, str]:
    """The two lines under a bar: the period ("Mar", "Q1", "2023") and the year at a year's first label
    (and at the chart's first). Labels a year or more apart are the year alone."""
    year, month0 = divmod(period * months_per_period(by), 12)
    if by == "year" or step * months_per_period(by) >= 12:
        return format_year(year), ""
    name = MONTH_NAMES[month0][:3] if by == MONTH else f"Q{month0 // 3 + 1}"
    return name, format_year(year) if month0 == 0 or first else ""
