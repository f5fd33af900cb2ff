"""Calendar periods (month, quarter, year) as integers, and the one rule that puts a dated event in one of them."""

from __future__ import annotations

import logging

import numpy as np

from timeline_app.core.daycount import MISSING_DAY, MONTH_NAMES, civil_from_days, days_from_civil, format_year

log = logging.getLogger(__name__)

MONTH = "month"
QUARTER = "quarter"
YEAR = "year"
RESOLUTIONS: tuple[str, ...] = (MONTH, QUARTER, YEAR)
_MONTHS_IN = {MONTH: 1, QUARTER: 3, YEAR: 12}
# A date range this short that crosses a period boundary (a week from 30 March to 5 April) is counted
# in the period of its middle day, as ACLED dates a week-precision event by its middle.
SHORT_RANGE_DAYS = 7
# "Auto" takes the finest resolution that keeps the chart to this many bars.
AUTO_MAX_BARS = 72
_EPOCH_MONTH = 1970 * 12


def months_per_period(by: str) -> int:
    """1, 3 or 12; ValueError for anything but month, quarter or year."""
    try:
        return _MONTHS_IN[by]
    except KeyError:
        raise ValueError(f"a period is one of {', '.join(RESOLUTIONS)}, not {by!r}") from None


def month_index(days: np.ndarray) -> np.ndarray:
    """year * 12 + month - 1 of each day (days since 1970-01-01); MISSING_DAY gives 0, to be masked out."""
    days = np.asarray(days, dtype=np.int64)
    out = np.zeros(len(days), dtype=np.int64)
    known = days != MISSING_DAY
    # numpy's calendar is core.daycount's (proleptic Gregorian, any year): months since 1970-01 in C.
    out[known] = days[known].astype("datetime64[D]").astype("datetime64[M]").astype(np.int64) + _EPOCH_MONTH
    return out


def _month_of(day: int) -> int:
    year, month, _ = civil_from_days(day)
    return year * 12 + month - 1


def period_of_day(day: int, by: str) -> int:
    """The period holding a day (days since 1970-01-01)."""
    return _month_of(day) // months_per_period(by)


def first_day(period: int, by: str) -> int:
    """Days since 1970-01-01 of the first day of a period."""
    year, month0 = divmod(period * months_per_period(by), 12)
    return days_from_civil(year, month0 + 1, 1)


def last_day(period: int, by: str) -> int:
    return first_day(period + 1, by) - 1


def period_value(period: int, by: str) -> str:
    """The period as the CSV writes it, in the TIMEX3 style of the app's dates: 2023-03, 2023-Q1, 2023."""
    year, month0 = divmod(period * months_per_period(by), 12)
    y = f"{year:04d}" if year >= 0 else f"-{-year:04d}"
    if by == MONTH:
        return f"{y}-{month0 + 1:02d}"
    if by == QUARTER:
        return f"{y}-Q{month0 // 3 + 1}"
    return y


def period_title(period: int, by: str) -> str:
    """The period as a reader names it: March 2023, Q1 2023, 2023 (44 BC before year 1)."""
    year, month0 = divmod(period * months_per_period(by), 12)
    if by == MONTH:
        return f"{MONTH_NAMES[month0]} {format_year(year)}"
    if by == QUARTER:
        return f"Q{month0 // 3 + 1} {format_year(year)}"
    return format_year(year)


def place(start_day: np.ndarray, end_day: np.ndarray, start_month: np.ndarray, end_month: np.ndarray,
          mid_month: np.ndarray, by: str) -> tuple[np.ndarray, np.ndarray]:
    """The period each event is counted in, and whether it has one at this resolution.

    An event is counted once, in the period that holds its whole date range; a range of a week or
    less across a boundary goes to the period of its middle day. A range longer than that across a
    boundary (a year in monthly bars, a summer across two quarters) has no period here: it is never
    spread over the periods it touches, and the chart says how many such events it left out.
    """
    k = months_per_period(by)
    first, last, middle = start_month // k, end_month // k, mid_month // k
    short = (end_day - start_day) < SHORT_RANGE_DAYS
    fits = (first == last) | short
    return np.where(first == last, first, middle), fits


def auto_resolution(first: int, last: int) -> str:
    """The finest resolution that shows the days `first` to `last` in at most AUTO_MAX_BARS bars."""
    for by in RESOLUTIONS:
        if period_of_day(last, by) - period_of_day(first, by) + 1 <= AUTO_MAX_BARS:
            return by
    return YEAR
