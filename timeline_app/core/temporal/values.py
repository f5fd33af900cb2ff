"""TIMEX3 values: their precision, the days they cover, shifting them by calendar units, and how to show them."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from timeline_app.core.daycount import MONTH_NAMES
from timeline_app.core.models import Precision

SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_SEASON_OF_MONTH = {m: "WI" if m in (12, 1, 2) else "SP" if m <= 5 else "SU" if m <= 8 else "FA" for m in range(1, 13)}
PARTS_OF_DAY = ("MO", "MI", "AF", "EV", "NI", "DT")

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")
_TIME = re.compile(r"^T(?:(\d{2}):(\d{2})|(\d{2})|(MO|MI|AF|EV|NI|DT))$")
_TIME_SUFFIX = re.compile(r"(?<=[0-9a-zX])T(?:\d{2}(?::\d{2})?|MO|MI|AF|EV|NI|DT)$")
_REFS = {"PRESENT_REF": Precision.PRESENT, "PAST_REF": Precision.UNKNOWN, "FUTURE_REF": Precision.UNKNOWN}


def split_time(value: str) -> tuple[str, str]:
    """("2022-12-28", "T15:00") from "2022-12-28T15:00"; the time part is "" for dates."""
    m = _TIME_SUFFIX.search(value)
    if m is None or value.startswith("P"):
        return value, ""
    return value[: m.start()], m.group()


def valid_time(time: str) -> bool:
    m = _TIME.match(time)
    if not m:
        return False
    if m.group(1):
        return int(m.group(1)) <= 24 and int(m.group(2)) < 60
    if m.group(3):
        return int(m.group(3)) <= 24
    return True


@functools.lru_cache(maxsize=8192)  # a few hundred distinct values a corpus, asked for again and again
def describe(value: str) -> tuple[Precision, dt.date | None, dt.date | None] | None:
    """Precision and first/last day of a resolved value; None when the value is not a valid date.

    Durations ("P3Y") and *_REF values are valid but not placeable (no days). A range is the ISO 8601
    interval of its ends ("2024-03-07/2024-03-08"), at the coarser precision of the two.
    """
    first, slash, last = value.partition("/")
    if slash:
        return _describe_range(first, last)
    if value in _REFS:
        return _REFS[value], None, None
    if value.startswith("P") and len(value) > 1:
        return Precision.DURATION, None, None
    date_part, time = split_time(value)
    if time:
        if not valid_time(time):
            return None
        d = describe(date_part)
        if d is None or d[0] is not Precision.DAY:
            return None
        return Precision.TIME, d[1], d[2]
    try:
        return _describe_date(date_part)
    except ValueError:
        return None  # February 30, week 54, month 13


def _describe_range(first: str, last: str) -> tuple[Precision, dt.date, dt.date] | None:
    a, b = describe(first), describe(last)
    if "/" in last or a is None or b is None or a[1] is None or b[2] is None or b[2] < a[1]:
        return None
    return (a[0] if a[0].rank >= b[0].rank else b[0]), a[1], b[2]


def _describe_date(value: str) -> tuple[Precision, dt.date, dt.date] | None:
    if m := _DAY.match(value):
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return Precision.DAY, d, d
    if m := _MONTH.match(value):
        y, mo = int(m.group(1)), int(m.group(2))
        return Precision.MONTH, dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
    if m := _WEEK.match(value):
        y, w = int(m.group(1)), int(m.group(2))
        monday = dt.date.fromisocalendar(y, w, 1)
        if m.group(3):
            return Precision.WEEKEND, monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return Precision.WEEK, monday, monday + dt.timedelta(days=6)
    if m := _QUARTER.match(value):
        y, q = int(m.group(1)), int(m.group(2))
        first = 3 * q - 2
        return Precision.QUARTER, dt.date(y, first, 1), _month_end(y, first + 2)
    if m := _HALF.match(value):
        y, h = int(m.group(1)), int(m.group(2))
        return Precision.HALF, dt.date(y, 6 * h - 5, 1), _month_end(y, 6 * h)
    if m := _SEASON.match(value):
        y = int(m.group(1))
        first, last = SEASONS[m.group(2)]
        end_year = y + 1 if last < first else y
        return Precision.SEASON, dt.date(y, first, 1), _month_end(end_year, last)
    if m := _YEAR.match(value):
        y = int(m.group(1))
        return Precision.YEAR, dt.date(y, 1, 1), dt.date(y, 12, 31)
    if m := _DECADE.match(value):
        y = int(m.group(1)) * 10
        if y == 0:
            return None
        return Precision.DECADE, dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    if m := _CENTURY.match(value):
        y = int(m.group(1)) * 100
        if y == 0:
            return None
        return Precision.CENTURY, dt.date(y, 1, 1), dt.date(y + 99, 12, 31)
    return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def valid_value(value: str) -> str | None:
    """`value` when it is a valid date value ("2023-02-29" is not), else None."""
    return value if describe(value) else None


def is_absolute(value: str) -> bool:
    """True for a value that needs no anchor: it starts with its year ("2022-12", "199X")."""
    return bool(value) and value[0].isdigit()


def precision_of(value: str) -> Precision | None:
    d = describe(value)
    return d[0] if d else None


def format_at(day: dt.date, unit: str) -> str:
    """The value of the period of `unit` that contains `day`."""
    if unit == "day":
        return day.isoformat()
    if unit == "week":
        y, w, _ = day.isocalendar()
        return f"{y}-W{w:02d}"
    if unit == "weekend":
        y, w, _ = day.isocalendar()
        return f"{y}-W{w:02d}-WE"
    if unit == "month":
        return f"{day.year}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if unit == "half":
        return f"{day.year}-H{1 if day.month <= 6 else 2}"
    if unit == "season":
        # Winter runs from December into the next year and is named by the year it starts in.
        year = day.year - 1 if day.month in (1, 2) else day.year
        return f"{year}-{_SEASON_OF_MONTH[day.month]}"
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "decade":
        return f"{day.year // 10:03d}X"
    if unit == "century":
        return f"{day.year // 100:02d}XX"
    raise ValueError(f"unknown unit {unit!r}")


UNIT_OF_PRECISION = {
    Precision.TIME: "day",
    Precision.DAY: "day",
    Precision.WEEK: "week",
    Precision.WEEKEND: "weekend",
    Precision.MONTH: "month",
    Precision.QUARTER: "quarter",
    Precision.SEASON: "season",
    Precision.HALF: "half",
    Precision.YEAR: "year",
    Precision.DECADE: "decade",
    Precision.CENTURY: "century",
}


# ---- values as people write them ------------------------------------------------------------

_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_PART_OF_DAY_NAMES = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_DISPLAYED = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2})(?:T(?P<time>\d{2}:\d{2}|MO|AF|EV|NI|DT))?)?"
    r"|W(?P<week>\d{2})(?P<we>-WE)?|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?$"
)


def display_date(value: str) -> str:
    """A TIMEX3 value as people write it: "May 2023", "1990s", "19th century", "Q4 2022", "2022, week 51"; a range
    as short as it is clear: "7-8 Mar 2024", "March-May 2019", "2011-2014"."""
    first, slash, last = value.partition("/")
    if slash:
        return _display_range(first, last)
    if len(value) == 4 and value[:3].isdigit() and value[3] == "X":
        return f"{value[:3]}0s"
    if len(value) == 4 and value[:2].isdigit() and value[2:] == "XX":
        return _century_name(int(value[:2]) + 1)
    m = _DISPLAYED.match(value)
    if m is None:
        return value
    year = m["year"]
    if m["time"]:
        when = _PART_OF_DAY_NAMES.get(m["time"], m["time"])
        return f"{year}-{m['month']}-{m['day']} {when}"
    if m["day"]:
        return f"{year}-{m['month']}-{m['day']}"
    if m["month"]:
        month = int(m["month"])
        return f"{MONTH_NAMES[month - 1]} {year}" if 1 <= month <= 12 else value
    if m["week"]:
        return f"{year}, {'weekend of ' if m['we'] else ''}week {int(m['week'])}"
    if m["quarter"]:
        return f"Q{m['quarter']} {year}"
    if m["half"]:
        return f"{'first' if m['half'] == '1' else 'second'} half of {year}"
    if m["season"]:
        return f"{_SEASON_NAMES[m['season']]} {year}"
    return year


def _century_name(n: int) -> str:
    """"19th century" for 18XX: "1800s" would also be how the decade 180X is shown."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} century"


def _display_range(first: str, last: str) -> str:
    a, b = _DISPLAYED.match(first), _DISPLAYED.match(last)
    if a is None or b is None or a["week"] or b["week"]:
        return f"{display_date(first)} - {display_date(last)}"
    if a["time"] or b["time"]:
        if a["time"] and b["time"] and first.partition("T")[0] == last.partition("T")[0]:
            return f"{display_date(first)}-{_PART_OF_DAY_NAMES.get(b['time'], b['time'])}"
        return f"{display_date(first)} - {display_date(last)}"
    if a["day"] and b["day"]:
        day_a, day_b = _day_month(a), _day_month(b)
        if a["year"] != b["year"]:
            return f"{day_a} {a['year']} - {day_b} {b['year']}"
        if a["month"] == b["month"]:
            return f"{int(a['day'])}-{day_b} {b['year']}"
        return f"{day_a} - {day_b} {b['year']}"
    if _month_only(a) and _month_only(b) and a["year"] == b["year"]:
        return f"{MONTH_NAMES[int(a['month']) - 1]}-{display_date(last)}"
    if first.isdigit() and last.isdigit():
        return f"{first}-{last}"
    return f"{display_date(first)} - {display_date(last)}"


def _day_month(m: re.Match[str]) -> str:
    """ "7 Mar" of a day's value."""
    return f"{int(m['day'])} {MONTH_NAMES[int(m['month']) - 1][:3]}"


def _month_only(m: re.Match[str]) -> bool:
    return bool(m["month"]) and not m["day"] and 1 <= int(m["month"]) <= 12
