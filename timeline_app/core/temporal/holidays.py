"""Holidays as rules of the calendar: Easter and the days that move with it, "the 4th Thursday of November", the Lunar New Year."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from hijridate import Hijri

from timeline_app.core.temporal.lunar import lunar_new_year

# "2024-11-W4-4" (4th Thursday of November), "XXXX-05-WL-1" (last Monday of May), "2024-11-E" (US
# election day), "XXXX-EA-2" (two days before Easter); XXXX when the year is still to be resolved.
# "XXXX-AH10-01": the first of Shawwal (Eid al-Fitr) by the Umm al-Qura calendar, in the Gregorian year given.
# "XXXX-LNY": the Lunar New Year of the Chinese calendar (temporal/lunar.py).
HOLIDAY = re.compile(
    r"^(?:(?P<year>\d{4})|XXXX)-"
    r"(?:(?P<month>\d{2})-(?:W(?P<week>[1-5L])-(?P<wd>[1-7])|(?P<election>E))|EA(?P<easter>[+-]\d{1,2})"
    r"|AH(?P<hmonth>\d{2})-(?P<hday>\d{2})|(?P<lunar>LNY))$"
)


def easter_sunday(year: int) -> dt.date:
    """Western Easter Sunday of `year` (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * lw) // 433
    month = (h + lw - 7 * m + 90) // 25
    return dt.date(year, month, (h + lw - 7 * m + 33 * month + 19) % 32)


def holiday_date(year: int, spec: str) -> dt.date | None:
    """The day of a holiday in `year`: spec "11-W4-4" is the 4th Thursday of November, "05-WL-1"
    the last Monday of May, "11-E" the Tuesday after the first Monday of November."""
    h = HOLIDAY.match(f"{year:04d}-{spec}")
    if h and h.group("lunar"):
        return lunar_new_year(year) if year > 1000 else None
    if h and h.group("hmonth"):
        return _hijri_in(year, int(h.group("hmonth")), int(h.group("hday")))
    if h and h.group("easter"):
        return easter_sunday(year) + dt.timedelta(days=int(h.group("easter")))
    if not h or not 1 <= int(h.group("month")) <= 12:
        return None
    month = int(h.group("month"))
    first = dt.date(year, month, 1)
    if h.group("election"):
        monday = first + dt.timedelta(days=(0 - first.weekday()) % 7)
        return monday + dt.timedelta(days=1)
    wd = int(h.group("wd"))
    if h.group("week") == "L":
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.isoweekday() - wd) % 7)
    day = first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (int(h.group("week")) - 1))
    return day if day.month == month else None


def _hijri_in(year: int, month: int, day: int) -> dt.date | None:
    """The first Gregorian day of `year` that is day/month of a Hijri year (Umm al-Qura); the Hijri
    year is 11 days shorter, so one Gregorian year holds one such day, now and then two."""
    first = round((year - 622) * 33 / 32)  # the Hijri year that starts in Gregorian `year`, about
    for h in range(first - 1, first + 2):
        try:
            d = Hijri(h, month, day).to_gregorian()
        except (OverflowError, ValueError):  # outside the calendar's table (1343-1500 AH), or no such day
            continue
        if d.year == year:
            return dt.date(d.year, d.month, d.day)
    return None
