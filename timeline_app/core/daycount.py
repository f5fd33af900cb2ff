"""Integer-day proleptic Gregorian calendar: days since 1970-01-01 for any year, ISO parsing, labels.

Year 0 is 1 BC (astronomical numbering); nothing here is limited to the years pandas or datetime hold.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

MISSING_DAY = -(2**63)  # marker for an unparseable or empty date: the least int64
DAYS_PER_YEAR = 365.2425
_UNIX_ORDINAL = dt.date(1970, 1, 1).toordinal()

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

# ---------------------------------------------------------------------------------------------
# Calendar: proleptic Gregorian, days since 1970-01-01 (H. Hinnant's civil algorithms)


def days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date; works for any integer year."""
    y = year - (month <= 2)
    era = y // 400  # Python's floor division already rounds towards -inf (the C++ original needs a fix-up)
    yoe = y - era * 400
    mp = (month + 9) % 12
    doy = (153 * mp + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(days: int) -> tuple[int, int, int]:
    """(year, month, day) of a number of days since 1970-01-01."""
    z = int(days) + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, day


def date_to_days(value: dt.date) -> int:
    """Days since 1970-01-01 of a datetime.date."""
    return value.toordinal() - _UNIX_ORDINAL


def days_to_date(days: float) -> dt.date:
    """The datetime.date containing `days`, clamped to what datetime.date can hold (years 1-9999)."""
    ordinal = int(math.floor(days)) + _UNIX_ORDINAL
    return dt.date.fromordinal(min(max(ordinal, 1), dt.date.max.toordinal()))


def format_year(year: int) -> str:
    """'2022', '850', '44 BC' (astronomical year -43)."""
    return str(year) if year > 0 else f"{1 - year} BC"


def format_day(days: float) -> str:
    """ISO-like 'YYYY-MM-DD' for any year ('-0043-03-15' for 44 BC)."""
    y, m, d = civil_from_days(int(math.floor(days)))
    sign = "-" if y < 0 else ""
    return f"{sign}{abs(y):04d}-{m:02d}-{d:02d}"


def format_day_long(days: float) -> str:
    """'Wed 28 December 2022'."""
    day = int(math.floor(days))
    y, m, d = civil_from_days(day)
    return f"{WEEKDAY_NAMES[weekday(day)]} {d} {MONTH_NAMES[m - 1]} {format_year(y)}"


def weekday(days: int) -> int:
    """0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday)."""
    return (int(days) + 3) % 7


def parse_iso_day(text: str) -> int:
    """Days of an ISO date 'YYYY-MM-DD' (also '-YYYY-MM-DD', 'YYYY-MM', 'YYYY', years of any width).

    Returns MISSING_DAY for an empty or malformed value.
    """
    s = (text or "").strip()
    if not s:
        return MISSING_DAY
    sign = 1
    if s[0] in "+-":
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    s = s.split("T", 1)[0]
    parts = s.split("-")
    try:
        year = sign * int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
    except ValueError:
        return MISSING_DAY
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return MISSING_DAY
    days = days_from_civil(year, month, day)
    if civil_from_days(days)[2] != day:
        return MISSING_DAY  # 30 February
    return days


def parse_iso_days(values: Iterable[object]) -> np.ndarray:
    """Vector of days for ISO date strings; each distinct string is parsed once (corpora repeat dates)."""
    # deferred: the extraction imports this module for its month names, and numpy (0.1-0.2 s, -X
    # importtime) was the one import of its worker processes that nothing of theirs used.
    import numpy as np

    cache: dict[object, int] = {}
    out = []
    for v in values:
        days = cache.get(v)
        if days is None:
            days = parse_iso_day(v) if isinstance(v, str) else (
                date_to_days(v) if isinstance(v, dt.date) else MISSING_DAY)
            cache[v] = days
        out.append(days)
    return np.asarray(out, dtype=np.int64)
