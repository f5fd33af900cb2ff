"""Calendar arithmetic by dateparser: a well-formed phrase ("3 days ago", "28 December") read against a base day."""

from __future__ import annotations

import datetime as dt
import functools
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

log = logging.getLogger(__name__)

_MONTHS_PER = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120, "century": 1200}


@functools.lru_cache(maxsize=16)
def _parser(base: dt.date, prefer: str) -> DateDataParser:
    # deferred: 40 ms at the window's start-up, measured with -X importtime; the first date resolved loads it.
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": prefer,
        "RETURN_TIME_AS_PERIOD": True,
    }
    return DateDataParser(languages=["en"], settings=settings)


@functools.lru_cache(maxsize=8192)
def calendar_date(phrase: str, base: dt.date, prefer: str = "current_period") -> dt.date | None:
    """dateparser's reading of a well-formed phrase ("3 days ago", "28 December") against `base`."""
    try:
        data = _parser(base, prefer).get_date_data(phrase)
    except (ValueError, OverflowError) as e:
        log.debug("dateparser failed on %r: %s", phrase, e)
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date()


def warm_up() -> None:
    """dateparser's first use in a process (its import, the English locale, the patterns of relative
    dates: 0.13-0.19 s CPU) paid now rather than by the first date resolved."""
    # Results do not depend on it: calendar_date is a pure function of its arguments, cached or not.
    shift(dt.date(2000, 1, 1), -1, "day")


def shift(base: dt.date, n: int, unit: str) -> dt.date | None:
    """`base` moved by n units (n < 0: back), with dateparser doing the calendar arithmetic."""
    if n == 0:
        return base
    if unit in ("day", "week", "weekend"):
        count, word = abs(n), "week" if unit == "weekend" else unit
    elif unit == "year":
        count, word = abs(n), "year"
    else:
        count, word = abs(n) * _MONTHS_PER[unit], "month"
        if count % 12 == 0:
            count, word = count // 12, "year"
    phrase = f"{count} {word}{'s' if count != 1 else ''}"
    phrase = f"in {phrase}" if n > 0 else f"{phrase} ago"
    if not -5000 < n * _MONTHS_PER.get(unit, 1) < 5000:
        return None
    return calendar_date(phrase, base)
