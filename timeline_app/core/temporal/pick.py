"""A weekday, a holiday or a date written without its year, placed against a base day and the tense around it."""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re

from timeline_app.core.temporal.dateparsing import calendar_date
from timeline_app.core.temporal.holidays import HOLIDAY, holiday_date
from timeline_app.core.temporal.tense import FUTURE, NEAREST, PAST, WEAK_PAST
from timeline_app.core.temporal.values import describe, format_at, valid_value

log = logging.getLogger(__name__)

SAME = "same"  # rel of "DCT=...": in the base's own year (or week)
# rel of a quarter or half told as the time something will happen in ("will pick up in the fourth
# quarter"), not as the period results are for ("fourth-quarter results will be lower").
AHEAD_IN = "ahead_in"
_DOW = re.compile(r"^DOW-([1-7])$")
_PARTIAL = re.compile(r"^XXXX-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|(?P<period>Q[1-4]|H[12]|SP|SU|FA|WI|W(?:0[1-9]|[1-4][0-9]|5[0-3])))$")
# With a weak past cue or none, a day or month up to this far ahead stays ahead (see _nearest).
_AHEAD_DAYS = 62
# A quarter or half whose results are still to come: one that ended this many days ago at most, when
# told as the period results are for (reports come up to a quarter later); when told as the time
# something happens in, the usual reporting weeks after the quarter's end.
_RESULTS_DAYS = 92
_REPORTING_DAYS = 45
# A day written without its year in a future sentence may be a deadline just gone, this far back.
_JUST_GONE_DAYS = 3


def pick(target: str, base: dt.date, rel: str | None, strict: bool) -> str | None:
    """Resolve a weekday or a date without its year against `base`.

    rel PAST/FUTURE: the nearest one before/after (strict: never `base`'s own period); SAME: in
    base's year (or week); NEAREST: the last or the next one, whichever is closer (a future seen
    from the past: "was due to open in March", "had set a deadline of April 1"); None: the same
    period as base if it is, else a weekday back, a day or month back unless less than two months
    ahead, a quarter or season the nearer one.
    """
    window = _RESULTS_DAYS
    if rel == AHEAD_IN:
        rel, window = FUTURE, _REPORTING_DAYS
    if target == "WE":  # "the weekend"
        return _weekend(base, rel, strict)
    if m := _DOW.match(target):
        return _weekday(int(m.group(1)), base, rel, strict)
    closest = rel == NEAREST  # a day or month: the closer reading, either side
    if rel == NEAREST:
        rel = None  # holidays and periods: the nearer one, as with no cue
    if HOLIDAY.match(target):
        return _holiday(target[5:], base, rel, strict)
    if "@" in target:  # "Saturday, April 25": the year in which April 25 is a Saturday
        return _day_on_weekday(target, base, rel, strict)
    m = _PARTIAL.match(target)
    if not m:
        log.debug("cannot resolve %r", target)
        return None
    if m.group("day"):
        return _day(int(m.group("month")), int(m.group("day")), base, rel, strict, closest)
    if m.group("month"):
        return _month(int(m.group("month")), base, rel, strict, closest)
    return _period(m.group("period"), base, rel, strict, window)


def _weekend(base: dt.date, rel: str | None, strict: bool) -> str | None:
    """The last weekend, or the next one in a future sentence; on a Sunday, this one."""
    saturday = _weekday(6, base, rel, strict)
    if saturday is None:
        return None
    day = dt.date.fromisoformat(saturday)
    if rel != FUTURE and base.isoweekday() == 7 and not strict:
        day = base
    return format_at(day, "weekend")


def _weekday(wd: int, base: dt.date, rel: str | None, strict: bool) -> str | None:
    """The day of ISO weekday `wd` (1 = Monday) meant from `base`."""
    if rel == SAME:
        return (base + dt.timedelta(days=wd - base.isoweekday())).isoformat()
    if wd == base.isoweekday() and not strict:
        return base.isoformat()
    if rel == NEAREST:  # the closer of the last and the next such day
        ahead = (wd - base.isoweekday()) % 7
        return (base + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)).isoformat()
    name = calendar.day_name[wd - 1]
    day = calendar_date(name, base, FUTURE if rel == FUTURE else PAST)
    return None if day is None else day.isoformat()


def _holiday(spec: str, base: dt.date, rel: str | None, strict: bool) -> str | None:
    """The holiday `spec` ("11-W4-4") of the year before, of or after `base`'s, as the tense says."""
    days = [d for y in (base.year - 1, base.year, base.year + 1) if (d := holiday_date(y, spec))]
    if rel == SAME:
        days = [d for d in days if d.year == base.year]
        return days[0].isoformat() if days else None
    if not strict and base in days:
        return base.isoformat()
    past = [d for d in days if d < base]
    future = [d for d in days if d > base]
    if rel in (PAST, WEAK_PAST) or (rel is None and future and past and base - past[-1] <= future[0] - base):
        return past[-1].isoformat() if past else None
    if rel is None and not future:
        return past[-1].isoformat() if past else None
    return future[0].isoformat() if future else None


def _day_on_weekday(target: str, base: dt.date, rel: str | None, strict: bool) -> str | None:
    """"XXXX-04-25@6": the April 25 nearest to `base` that is a Saturday; else as if no weekday were given."""
    date_part, _, weekday = target.partition("@")
    m = _PARTIAL.match(date_part)
    if not m or not m.group("day") or not weekday.isdigit():
        return None
    days = []
    for year in range(base.year - 6, base.year + 7):
        try:
            day = dt.date(year, int(m.group("month")), int(m.group("day")))
        except ValueError:
            continue
        if day.isoweekday() == int(weekday):
            days.append(day)
    if not days:
        return pick(date_part, base, rel, strict)
    return min(days, key=lambda d: abs((d - base).days)).isoformat()


def _day(month: int, day: int, base: dt.date, rel: str | None, strict: bool, closest: bool) -> str | None:
    """A day and month without the year ("Dec. 28")."""
    if not strict and (month, day) == (base.month, base.day):
        return base.isoformat()
    if rel == SAME:
        return valid_value(f"{base.year}-{month:02d}-{day:02d}")
    if not 1 <= month <= 12:
        return None
    if strict and (month, day) == (base.month, base.day) and rel in (PAST, FUTURE):
        # The day strictly before or after base's own: the same day a year back or ahead.
        return valid_value(f"{base.year + (1 if rel == FUTURE else -1)}-{month:02d}-{day:02d}")
    phrase = f"{day} {calendar.month_name[month]}"
    return _nearest(phrase, base, rel, "day", just_gone=not strict, closest=closest)


def _month(month: int, base: dt.date, rel: str | None, strict: bool, closest: bool) -> str | None:
    """A month without the year ("in March", "last September")."""
    if not 1 <= month <= 12:
        return None
    if rel == SAME or (not strict and month == base.month):
        return f"{base.year}-{month:02d}"
    if strict and month == base.month and rel in (PAST, FUTURE):
        # "last September" told in September is a year back, "next September" a year ahead.
        return f"{base.year + (1 if rel == FUTURE else -1)}-{month:02d}"
    return _nearest(calendar.month_name[month], base, rel, "month", closest=closest)


def _period(period: str, base: dt.date, rel: str | None, strict: bool, window: int) -> str | None:
    """A quarter, half or season without the year ("the third quarter", "in the summer"); `window`:
    the days after its end that a quarter or half told in a future is still the one just ended."""
    if rel == SAME:
        # A winter is named by the year it begins in: "this winter" told in January is the one under way.
        year = base.year - 1 if period == "WI" and base.month <= 2 else base.year
        return f"{year}-{period}"
    candidates = []
    for year in (base.year - 2, base.year - 1, base.year, base.year + 1, base.year + 2):
        value = f"{year}-{period}"
        d = describe(value)
        if d:
            candidates.append((value, d[1], d[2]))
    current = [c for c in candidates if c[1] <= base <= c[2]]
    if current and not strict:
        return current[0][0]
    before = [c for c in candidates if c[2] < base or (not strict and c[1] <= base)]
    after = [c for c in candidates if c[1] > base]
    if rel in (PAST, WEAK_PAST):
        return before[-1][0] if before else None
    if rel == FUTURE:
        # "third-quarter earnings will be lower": results of a quarter come after it ends, so a
        # period that ended less than a quarter ago is still the one meant.
        if before and period[0] in "QH" and (base - before[-1][2]).days <= window:
            return before[-1][0]
        return after[0][0] if after else None
    options = [(abs((base - before[-1][2]).days), before[-1][0])] if before else []
    if after:
        options.append((abs((after[0][1] - base).days), after[0][0]))
    return min(options)[1] if options else None


def _nearest(
    phrase: str, base: dt.date, rel: str | None, unit: str, just_gone: bool = False, closest: bool = False
) -> str | None:
    """dateparser's past or future reading of `phrase` for rel PAST or FUTURE; else the past one,
    or with `closest` the closer of the two.

    With only a weak past cue ("-ed") or none, a date less than two months ahead stays ahead: "the
    offer, extended to Nov. 20" in a November article is this Nov. 20, not last year's.
    """
    if rel == FUTURE and just_gone:
        # A day written without its year is near: "by Jan. 14" in a Jan. 15 report is the
        # deadline just gone (or a late report), not one a year away.
        past = calendar_date(phrase, base, PAST)
        if past is not None and (base - past).days <= _JUST_GONE_DAYS:
            return format_at(past, unit)
    if rel in (PAST, FUTURE):
        day = calendar_date(phrase, base, rel)
        return None if day is None else format_at(day, unit)
    past, future = calendar_date(phrase, base, PAST), calendar_date(phrase, base, FUTURE)
    if past is None or future is None:
        return None
    if closest:
        day = future if (future - base).days < (base - past).days else past
        return format_at(day, unit)
    # No cue at all counts as a weak past: news tells what happened ("In March 19 people died").
    day = future if (future - base).days <= _AHEAD_DAYS else past
    return format_at(day, unit)
