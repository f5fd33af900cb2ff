"""Functions a rule's value template may call on the text of its groups: {hour24(hour, ampm)}."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable

from hijridate import Hijri


def _hour24(hour: str, ampm: str) -> str:
    h, _, mins = hour.replace(".", ":").partition(":")
    hh = int(h)
    if ampm == "PM" and hh < 12:
        hh += 12
    elif ampm == "AM" and hh == 12:
        hh = 0
    if hh > 23:
        raise ValueError(hour)
    return f"{hh:02d}:{int(mins or 0):02d}"


def _yy(two: str, four: str = "") -> str:
    """A two-digit year: in the century of `four` when given ("1957-58"), else 1930-2029."""
    if four:
        century = int(four[:2])
        if int(two) < int(four[2:]):  # "1998-02" is no range of years
            raise ValueError(two)
        return f"{century:02d}{two}"
    return ("20" if int(two) < 30 else "19") + two


def _next_yy(two: str, four: str) -> str:
    """The second year of a split year ("2024/25", "1999/00"): the year after `four` only."""
    following = int(four) + 1
    if following % 100 != int(two):
        raise ValueError(two)
    return str(following)


def _decade_of(written: str) -> str:
    digits = re.sub(r"\D", "", written)
    if len(digits) == 4 and digits.endswith("00") and digits < "2000":
        # "the 1800s", "the early 1900s" are centuries (the templates append one more X).
        return digits[:2] + "X"
    if len(digits) == 4:
        return digits[:3]
    return ("20" if int(digits) < 30 else "19") + digits[0]


def _century_ord(number: str) -> str:
    n = int(number)
    if not 1 <= n <= 30:
        raise ValueError(number)
    return f"{n - 1:02d}"


_WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_TENS = {"twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7, "eighty": 8, "ninety": 9}


def _spoken_year(century: str, tens: str, units: str) -> str:
    """("nineteen", "ninety", "six") -> "1996"; ("nineteen", "twelve", "") -> "1912"."""
    c = _WORD_NUMBERS[century.lower()]
    t = tens.lower()
    rest = _TENS[t] * 10 + (_WORD_NUMBERS[units.lower()] if units else 0) if t in _TENS else _WORD_NUMBERS[t]
    if units and t not in _TENS:
        raise ValueError(units)
    return f"{c:02d}{rest:02d}"


def _clock_pod(hour: str, part: str) -> str:
    """("4", "morning") -> "04:00"; ("8", "evening") -> "20:00"."""
    h = int(hour) if hour.isdigit() else _WORD_NUMBERS[hour.lower()]
    if not 1 <= h <= 12:
        raise ValueError(hour)
    if part.lower() in ("afternoon", "evening") or (part.lower() == "night" and h >= 6):
        h = h % 12 + 12
    elif h == 12:
        h = 0
    return f"{h:02d}:00"


# Duration units counted in another ISO 8601 letter: a decade is 10 years, a quarter 3 months.
_IN_LETTERS = {"DE": (10, "Y"), "CE": (100, "Y"), "Q": (3, "M"), "WE": (1, "W"), "FN": (2, "W")}


def _duration(count: str, unit: str, half: str = "", half_after: str = "") -> str:
    """ISO 8601 duration from a count and a duration letter: ("3", "Y") -> "P3Y", ("2", "DE") ->
    "P20Y", ("X", "Q") -> "PXM" (X: an unknown count); with "and a half" before or after the unit
    ("two and a half years", "a year and a half") half a unit more: "P2.5Y"."""
    factor, letter = _IN_LETTERS.get(unit, (1, unit))
    if count == "X":
        return f"PX{letter}"
    amount = (int(count) + (0.5 if half or half_after else 0)) * factor
    return f"P{amount:g}{letter}"


def _two_thousand(units: str) -> str:
    return f"{2000 + (_WORD_NUMBERS[units.lower()] if units else 0)}"


def _years_in(count: str, unit: str) -> str:
    """Years in a count of decades or centuries: ("2", "decades") -> "20"; X stays X."""
    if count == "X":
        return count
    return str(int(count) * (100 if unit.lower().startswith("centur") else 10))


def _days_around(count: str, side: str) -> str:
    """The signed day count of "the day before" ("", "before" -> "-1"), "two days after" ("2",
    "after" -> "+2"); an unknown count ("a few days before") cannot be placed."""
    n = int(count) if count else 1
    return f"{'-' if side.lower() == 'before' else '+'}{n}"


def _week_day(ordinal: str, month: str, last: str = "", year: str = "") -> str:
    """A day inside the n-th (or last) week of a month, as two digits: the week of a month is the
    ISO week holding its 4th, 11th, 18th or 25th day (so the first week of January is ISO week 1),
    the last one the week holding its fourth day from the end, which is the week of its last
    Thursday ("WL-4", a holiday's form, when the year is not written: February's length waits for it)."""
    m = int(month)
    if not 1 <= m <= 12:
        raise ValueError(month)
    if last:
        return f"{calendar.monthrange(int(year), m)[1] - 3:02d}" if year else "WL-4"
    n = int(ordinal)
    if not 1 <= n <= 4:  # a "fifth week" may not exist
        raise ValueError(ordinal)
    return f"{7 * n - 3:02d}"


def _nth_week_day(ordinal: str) -> str:
    """The day inside the n-th week of a month not named yet ("the first week of next month")."""
    n = int(ordinal)
    if not 1 <= n <= 4:
        raise ValueError(ordinal)
    return f"{7 * n - 3:02d}"


def _nth_of(ordinal: str, last: str = "") -> str:
    """The week of a weekday in its month, as a holiday value has it: "1"-"5", or "L" for the last."""
    if last:
        return "L"
    if not 1 <= int(ordinal) <= 5:
        raise ValueError(ordinal)
    return ordinal


def _pad2(number: str) -> str:
    """The leading digits of a day or month as two digits ("3" -> "03", "1er" -> "01")."""
    m = re.match(r"[0-9]+", number)
    if m is None:
        raise ValueError(number)
    return f"{int(m.group()):02d}"


def _shift_of(back: str, ahead: str) -> str:
    """The count of a period told with "last" (`back` matched), "next" (`ahead`) or neither ("this")."""
    return "-1" if back else "+1" if ahead else "+0"


def _side(back: str, ahead: str) -> str:
    """The anchor of a date without its year told with "last" (`back` matched) or "next" (`ahead`):
    "DCT<", "DCT>", or nothing (the tense decides)."""
    return "DCT<" if back else "DCT>" if ahead else ""


def _hijri(day: str, month: str, year: str) -> str:
    """A Hijri date as its Gregorian day by the Umm al-Qura calendar ("15", "09", "1444" -> "2023-04-06")."""
    try:
        return Hijri(int(year), int(month), int(re.match(r"[0-9]+", day).group())).to_gregorian().isoformat()
    except (OverflowError, AttributeError) as e:  # a year outside the calendar's table, a day not given
        raise ValueError(f"{day}/{month}/{year}") from e


def _quarter_spanned(first: str, last: str) -> str:
    """The calendar quarter two months bound ("07", "09" -> "3"); no quarter ("08", "10") is no match."""
    a, b = int(first), int(last)
    if (a - 1) % 3 or b != a + 2:
        raise ValueError(f"{first}-{last}")
    return str((a - 1) // 3 + 1)


_SETS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "yearly": "P1Y",
    "annually": "P1Y",
    "hourly": "PT1H",
}

FUNCTIONS: dict[str, Callable[..., str]] = {
    "hour24": _hour24,
    "pad2": _pad2,
    "century_of": lambda y: y[:2],
    "yy": _yy,
    "next_yy": _next_yy,
    "decade_of": _decade_of,
    "century_ord": _century_ord,
    "num": lambda n: n,
    "reldays": lambda r: {"today": "+0", "tonight": "+0", "yesterday": "-1", "tomorrow": "+1"}[r.lower()],
    "noon": lambda n: {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[n.lower()],
    "dunit_of": lambda u: {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "centurie": "CE"}[
        u.lower().rstrip("s")
    ],
    "set_of": lambda s: _SETS[s.lower()],
    "season_of": lambda s: {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}[s.lower()],
    "relyears": lambda r: {"this": "+0", "last": "-1", "next": "+1"}[r.lower()],
    # "a year ago today" matches no "last"/"next": a year back.
    "relyears_or_back": lambda r: {"": "-1", "this": "+0", "last": "-1", "next": "+1"}[r.lower()],
    "spoken_year": _spoken_year,
    "two_thousand": _two_thousand,
    "dur": _duration,
    "years_in": _years_in,
    "days_around": _days_around,
    "per": lambda unit: _duration("1", unit),
    "shift_of": _shift_of,
    # The first or (`last` matched) last day of a month or year as a shifted value's part ("-LD": the month's last).
    "period_day": lambda unit, last: {"month": "-LD" if last else "-01", "year": "-12-31" if last else "-01-01"}[unit.lower()],
    "sign_of": lambda back: "-" if back else "+",
    "ago": lambda count, unit, week: f"WEEKOF-DCT-{count}{unit}~" if week else f"DCT-{count}{unit}",  # "a fortnight ago" (`back` matched) or "in a fortnight"
    "side": _side,
    "hijri": _hijri,
    "clock_pod": _clock_pod,
    "week_day": _week_day,
    "nth_week_day": _nth_week_day,
    "nth_of": _nth_of,
    "half": lambda h: {"first": "1", "second": "2", "last": "2", "final": "2"}[h.lower()],
    # "the June quarter" is the quarter that ends in or holds June.
    "quarter_of": lambda month: str((int(month) - 1) // 3 + 1),
    "quarter_spanned": _quarter_spanned,
}
