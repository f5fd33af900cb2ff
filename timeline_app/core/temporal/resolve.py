"""Phase two: resolve underspecified values against the publication date with dateparser."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import logging
import re

from timeline_app.core.models import Precision
from timeline_app.core.temporal.tense import FUTURE, NEAREST, PAST, WEAK_PAST
from timeline_app.core.temporal.values import UNIT_OF_PRECISION, describe, format_at, split_time

log = logging.getLogger(__name__)

_SHIFT = re.compile(
    r"^(?P<anchor>DCT|REF)(?P<sign>[+-])(?P<n>\d+|X)"
    r"(?P<unit>day|weekend|week|month|quarter|half|season|year|decade|century)"
    r"(?P<within>-\d{2}(?:-\d{2})?|-Q[1-4]|-H[12]|-SP|-SU|-FA|-WI|-\d{2}-(?:W[1-5L]-[1-7]|E))?(?P<keep>~)?$"
)
_AROUND = re.compile(r"^SHIFT(?P<n>[+-]\d+)day:(?P<inner>.+)$")
_PICK = re.compile(r"^(?P<anchor>DCT|REF)(?P<rel>[<>=])(?P<target>.+)$")
_DOW = re.compile(r"^DOW-([1-7])$")
_DOM = re.compile(r"^DOM-(\d{2})$")
_HOLIDAY = re.compile(
    r"^(?:(?P<year>\d{4})|XXXX)-"
    r"(?:(?P<month>\d{2})-(?:W(?P<week>[1-5L])-(?P<wd>[1-7])|(?P<election>E))|EA(?P<easter>[+-]\d{1,2}))$"
)
_PARTIAL = re.compile(r"^XXXX-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|(?P<period>Q[1-4]|H[12]|SP|SU|FA|WI))$")
_ABSOLUTE_PRECISIONS = frozenset(Precision) - {Precision.UNKNOWN}
_MONTHS_PER = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120, "century": 1200}


@functools.lru_cache(maxsize=16)
def _parser(base: dt.date, prefer: str):  # -> dateparser.date.DateDataParser
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


class Resolver:
    """Resolves the values of one document, in order, remembering the last date mentioned."""

    def __init__(self, published: dt.date | None) -> None:
        self.published = published
        self.last: tuple[str, Precision, dt.date] | None = None  # value, precision, first day
        self.last_day: dt.date | None = None  # the last date mentioned to the day
        self.last_day_end: int | None = None  # where that mention ends in the text
        self.last_end: int | None = None  # where the last date mentioned ends
        self.last_period: str | None = None  # the last quarter or half mentioned ("2022-Q3")
        # Values that depend only on the publication date, resolved once a document.
        self._cache: dict[tuple[str, str | None], tuple[str, bool] | None] = {}

    def remember(self, value: str, end: int | None = None) -> None:
        """Make `value`, a mention ending at offset `end`, the last date mentioned."""
        d = describe(value)
        if d is None or d[1] is None:
            return
        if d[0] is Precision.TIME:
            self.last = (split_time(value)[0], Precision.DAY, d[1])
        else:
            self.last = (value, d[0], d[1])
        self.last_end = end
        if self.last[1] is Precision.DAY:
            self.last_day, self.last_day_end = self.last[2], end
        if self.last[1] in (Precision.QUARTER, Precision.HALF):
            self.last_period = self.last[0]

    def resolve(self, value: str, tense: str | None) -> tuple[str, bool] | None:
        """(resolved value, relative?) or None when it cannot be resolved (or is impossible).

        A relative value without a publication date resolves to ("", True).
        """
        if "REF" in value or value.startswith("DOM"):  # depends on the last date mentioned
            return self._resolve(value, tense)
        key = (value, tense)
        if key not in self._cache:
            self._cache[key] = self._resolve(value, tense)
        return self._cache[key]

    def _resolve(self, value: str, tense: str | None) -> tuple[str, bool] | None:
        if value.startswith(("PRESENT_REF", "PAST_REF", "FUTURE_REF")) or value.startswith("P"):
            return value, False
        date_part, time = split_time(value)
        h = _HOLIDAY.match(date_part)
        if h and h.group("year"):
            day = holiday_date(int(h.group("year")), date_part[5:])
            return (day.isoformat() + time, False) if day else None
        if _is_absolute(date_part):
            return (value, False) if describe(value) else None
        resolved = self._resolve_date(date_part, tense, bool(time))
        if resolved is None:
            return None
        if resolved == "":
            return "", True
        return resolved + time, True

    def _anchor(self, name: str, day: bool = False) -> tuple[dt.date, Precision] | None:
        """The publication date or the last date mentioned; for a time of day (`day`) the last
        date mentioned to the day ("10 p.m." after "Oct. 23 ... in 1994" is on Oct. 23), else the
        publication date."""
        if name == "REF" and day:
            if self.last is not None and self.last[1] is Precision.DAY:
                return self.last[2], Precision.DAY
            if self.last_day is not None:
                return self.last_day, Precision.DAY
            name = "DCT"  # no day mentioned yet: the story's own day
        if name == "REF" and self.last is not None:
            return self.last[2], self.last[1]
        if self.published is None:
            return None
        return self.published, Precision.DAY

    def _resolve_date(self, value: str, tense: str | None, time: bool = False) -> str | None:
        if value.startswith("REFIN-"):  # "the 1988 period": the reporting period in question, in 1988
            year = value[6:]
            return _valid(year + self.last_period[4:] if self.last_period else year)
        if m := _AROUND.match(value):  # "the day before Tuesday": a day counted from another
            inner = self._resolve(m.group("inner"), tense)
            if inner is None or inner[0] == "":
                return None if inner is None else ""
            d = describe(inner[0])
            if d is None or d[0] is not Precision.DAY:
                return None
            return self._shift((d[1], Precision.DAY), int(m.group("n")), "day")
        if value.startswith("WEEKOF-"):  # "the week of March 6": the week that day falls in
            inner = value[7:]
            day = inner if _is_absolute(inner) else self._resolve_date(inner, tense, time)
            d = describe(day) if day else None
            if d is None or d[0] is not Precision.DAY:
                return day if day == "" else None
            week = format_at(d[1], "week")
            if self.published is not None and not _is_absolute(inner):
                # "as Easter week began": the week under way is meant, whatever the tense.
                current = format_at(self.published, "week")
                near = self._resolve_date(inner, None, time)
                if near and describe(near) and format_at(describe(near)[1], "week") == current:
                    return current
            return week
        if "|" in value:
            # "REF+0quarter|DCT-1quarter": the first when the last date mentioned is a reporting
            # period (a quarter, a half), else the second. In a results report "a year ago" is the
            # same quarter a year back; elsewhere it is the year before publication.
            first, _, second = value.partition("|")
            last_unit = UNIT_OF_PRECISION.get(self.last[1]) if self.last is not None else None
            # A period still ahead ("losses through the third quarter of 1990") has no results
            # yet to compare with: the comparison is with the last period reported.
            ahead = self.last is not None and self.published is not None and self.last[2] > self.published
            if last_unit in ("quarter", "half") and not ahead:
                return self._resolve_date(first, tense)
            return self._resolve_date(second, tense)
        if m := _SHIFT.match(value):
            anchor = self._anchor(m.group("anchor"), time)
            if anchor is None:
                return ""
            if m.group("n") == "X":
                return "PAST_REF" if m.group("sign") == "-" else "FUTURE_REF"
            n = int(m.group("n")) * (-1 if m.group("sign") == "-" else 1)
            if m.group("within"):  # "June last year", "April 24 and 25": a part of the period
                unit = m.group("unit")
                if unit not in ("year", "month") or (unit == "month" and not _is_day_suffix(m.group("within"))):
                    return None
                period = self._shift((anchor[0], Precision.DAY), n, unit)
                return None if period is None else _valid(period + m.group("within"))
            return self._shift(anchor, n, m.group("unit"), keep=m.group("anchor") == "REF" and bool(m.group("keep")))
        if m := _PICK.match(value):
            anchor = self._anchor(m.group("anchor"))
            if anchor is None:
                return ""
            rel = {"<": PAST, ">": FUTURE, "=": "same"}[m.group("rel")]
            return _pick(m.group("target"), anchor[0], rel, strict=True)
        if m := _DOM.match(value):
            return self._day_of_month(int(m.group(1)), tense)
        if self.published is None:
            return ""
        return _pick(value, self.published, tense, strict=False)

    def _day_of_month(self, day: int, tense: str | None) -> str | None:
        """"on the 20th": in the month of the last date mentioned ("Dec. 15 and again on the
        20th"), else in the publication month, or the month before in a past sentence when that
        day is still ahead (the month after in a future one when it has gone)."""
        if self.last is not None and self.last[1] in (Precision.DAY, Precision.MONTH):
            ref = self.last[2]
            return _valid(f"{ref.year:04d}-{ref.month:02d}-{day:02d}")
        if self.published is None:
            return ""
        base = self.published
        months = [(base.year, base.month)]
        if tense == FUTURE:
            months.append((base.year + base.month // 12, base.month % 12 + 1))
        elif tense == PAST:
            months.append((base.year - (base.month == 1), (base.month - 2) % 12 + 1))
        for year, month in months:
            value = _valid(f"{year:04d}-{month:02d}-{day:02d}")
            if value is None:
                continue
            d = dt.date(year, month, day)
            if (tense == FUTURE and d < base) or (tense == PAST and d > base):
                continue
            return value
        return None

    def _shift(self, anchor: tuple[dt.date, Precision], n: int, unit: str, keep: bool = False) -> str | None:
        base, precision = anchor
        out_unit = unit
        ref_unit = UNIT_OF_PRECISION.get(precision, "day")
        if keep and unit == "year" and ref_unit in ("day", "quarter", "half", "season"):
            # A counted shift keeps what it counts from: "a year earlier" after "the third quarter"
            # is that quarter a year back, after "Sept. 30" it is Sept. 30 a year back; but
            # "that year" or "the following year" is a year.
            out_unit = ref_unit
        elif _coarser(ref_unit, unit):
            if n == 0 and unit == "day" and not keep:
                # "that day" needs a day: the last one mentioned, not the year mentioned since,
                # so long as it lies in that year ("that same day" after "last October" is no day
                # of February); else no date at all.
                period = describe(format_at(base, ref_unit))
                if self.last_day is None or period is None or not period[1] <= self.last_day <= period[2]:
                    return None
                return self.last_day.isoformat()
            out_unit = ref_unit  # "two days later" after "March": March is all we know
        if out_unit == "season":
            day = shift(base, n * (12 if unit == "year" else 3), "month")
            return None if day is None else _season_value(day)
        day = shift(base, n, unit if unit != "season" else "quarter")
        if day is None:
            return None
        return format_at(day, out_unit)


_ORDER = ["day", "week", "weekend", "month", "season", "quarter", "half", "year", "decade", "century"]


def _coarser(a: str, b: str) -> bool:
    return _ORDER.index(a) > _ORDER.index(b)


def _season_value(day: dt.date) -> str:
    m = day.month
    if m in (12, 1, 2):
        return f"{day.year - (1 if m < 12 else 0)}-WI"
    return f"{day.year}-{ {3: 'SP', 4: 'SP', 5: 'SP', 6: 'SU', 7: 'SU', 8: 'SU'}.get(m, 'FA')}"


def _is_day_suffix(within: str) -> bool:
    return bool(re.fullmatch(r"-\d{2}", within))


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
    h = _HOLIDAY.match(f"{year:04d}-{spec}")
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


def _is_absolute(value: str) -> bool:
    return bool(value) and value[0].isdigit()


def _pick(target: str, base: dt.date, rel: str | None, strict: bool) -> str | None:
    """Resolve a weekday or a date without its year against `base`.

    rel PAST/FUTURE: the nearest one before/after (strict: never `base`'s own period); "same": in
    base's year (or week); NEAREST: the last or the next one, whichever is closer (a future seen
    from the past: "was due to open in March", "had set a deadline of April 1"); None: the same
    period as base if it is, else a weekday back, a day or month back unless less than two months
    ahead, a quarter or season the nearer one.
    """
    if target == "WE":  # "the weekend": the last one, or the next one in a future sentence
        saturday = _pick("DOW-6", base, rel, strict)
        if saturday is None:
            return None
        day = dt.date.fromisoformat(saturday)
        if rel != FUTURE and base.isoweekday() == 7 and not strict:
            day = base
        return format_at(day, "weekend")
    if m := _DOW.match(target):
        wd = int(m.group(1))
        if rel == "same":
            return (base + dt.timedelta(days=wd - base.isoweekday())).isoformat()
        if wd == base.isoweekday() and not strict:
            return base.isoformat()
        if rel == NEAREST:  # the closer of the last and the next such day
            ahead = (wd - base.isoweekday()) % 7
            return (base + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)).isoformat()
        name = calendar.day_name[wd - 1]
        day = calendar_date(name, base, FUTURE if rel == FUTURE else PAST)
        return None if day is None else day.isoformat()
    closest = rel == NEAREST  # a day or month: the closer reading, either side
    if rel == NEAREST:
        rel = None  # holidays and periods: the nearer one, as with no cue
    h = _HOLIDAY.match(target)
    if h:
        spec = target[5:]
        days = [d for y in (base.year - 1, base.year, base.year + 1) if (d := holiday_date(y, spec))]
        if rel == "same":
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
    if "@" in target:  # "Saturday, April 25": the year in which April 25 is a Saturday
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
            return _pick(date_part, base, rel, strict)
        return min(days, key=lambda d: abs((d - base).days)).isoformat()
    m = _PARTIAL.match(target)
    if not m:
        log.debug("cannot resolve %r", target)
        return None
    if m.group("day"):
        month, day_ = int(m.group("month")), int(m.group("day"))
        if not strict and (month, day_) == (base.month, base.day):
            return base.isoformat()
        if rel == "same":
            return _valid(f"{base.year}-{month:02d}-{day_:02d}")
        phrase = f"{day_} {calendar.month_name[month]}" if 1 <= month <= 12 else ""
        if not phrase:
            return None
        return _nearest(phrase, base, rel, "day", just_gone=not strict, closest=closest)
    if m.group("month"):
        month = int(m.group("month"))
        if not 1 <= month <= 12:
            return None
        if rel == "same" or (not strict and month == base.month):
            return f"{base.year}-{month:02d}"
        if strict and month == base.month and rel in (PAST, FUTURE):
            # "last September" told in September is a year back, "next September" a year ahead.
            return f"{base.year + (1 if rel == FUTURE else -1)}-{month:02d}"
        return _nearest(calendar.month_name[month], base, rel, "month", closest=closest)
    period = m.group("period")
    candidates = []
    for year in (base.year - 2, base.year - 1, base.year, base.year + 1, base.year + 2):
        value = f"{year}-{period}"
        d = describe(value)
        if d:
            candidates.append((value, d[1], d[2]))
    if rel == "same":
        return f"{base.year}-{period}"
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
        if before and period[0] in "QH" and (base - before[-1][2]).days <= 92:
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


_AHEAD_DAYS = 62
_JUST_GONE_DAYS = 3


def _valid(value: str) -> str | None:
    return value if describe(value) else None
