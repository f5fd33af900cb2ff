"""Phase two: resolve underspecified values against the publication date and the last date mentioned."""

from __future__ import annotations

import datetime as dt
import logging
import re

from timeline_app.core.models import Precision
from timeline_app.core.temporal.dateparsing import shift
from timeline_app.core.temporal.holidays import HOLIDAY, holiday_date
from timeline_app.core.temporal.pick import SAME, pick
from timeline_app.core.temporal.tense import FUTURE, PAST
from timeline_app.core.temporal.values import UNIT_OF_PRECISION, describe, format_at, is_absolute, split_time, valid_value

log = logging.getLogger(__name__)

_SHIFT = re.compile(
    r"^(?P<anchor>DCT|REFDAY|REF)(?P<sign>[+-])(?P<n>\d+|X)"
    r"(?P<unit>day|weekend|week|month|quarter|half|season|year|decade|century)"
    r"(?P<within>-\d{2}(?:-\d{2})?|-LD|-Q[1-4]|-H[12]|-SP|-SU|-FA|-WI|-\d{2}-(?:W[1-5L]-[1-7]|E)|-D[1-7])?(?P<keep>~)?$"
)
_AROUND = re.compile(r"^SHIFT(?P<n>[+-]\d+)day:(?P<inner>.+)$")
# "A?B": the value A, which a reader might also take as B ("next Thursday" told on a Wednesday).
_DOUBT = "?"
# "A^B": a day written in numbers that reads either way ("3/4/2025": March 4 in an American text, 3
# April in a British one): the reading the tense allows, else the one nearer the publication date, as
# news tells recent days; doubtful while the tense leaves both.
_EITHER_ORDER = "^"
_PICK = re.compile(r"^(?P<anchor>DCT|REF)(?P<rel>[<>=])(?P<target>.+)$")
_DOM = re.compile(r"^DOM-(\d{2})$")
_TURN_OF = re.compile(r"^TURNOF-(century|millennium)$")
# A date after the last one told is after all of it when that one was a year or longer.
_AFTER_THE_WHOLE = (Precision.YEAR, Precision.DECADE, Precision.CENTURY)
_DOM_ON = re.compile(r"^DOM-(\d{2})@([1-7])$")
# How far from the publication date a weekday with its day of the month ("sábado (15)") is looked for.
_DOM_ON_MONTHS = 3


class Resolver:
    """Resolves the values of one document, in order, remembering the last date mentioned."""

    def __init__(self, published: dt.date | None) -> None:
        self.published = published
        self.last: tuple[str, Precision, dt.date] | None = None  # value, precision, first day
        self.last_day: dt.date | None = None  # the last date mentioned to the day
        self.last_day_end: int | None = None  # where that mention ends in the text
        self.last_end: int | None = None  # where the last date mentioned ends
        self.last_period: str | None = None  # the last quarter or half mentioned ("2022-Q3")
        self.last_week: tuple[dt.date, int | None] | None = None  # the last week mentioned: its Monday, its end
        # Values that depend only on the publication date, resolved once a document.
        self._cache: dict[tuple[str, str | None], tuple[str, bool, bool] | None] = {}

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
        if self.last[1] is Precision.WEEK:
            self.last_week = self.last[2], end

    def resolve(self, value: str, tense: str | None) -> tuple[str, bool, bool] | None:
        """(resolved value, relative?, doubtful?) or None when it cannot be resolved (or is impossible).

        A relative value without a publication date resolves to ("", True, False). A value "A?B"
        is A, doubtful when B, the other reading a reader may take, resolves to another date.
        """
        if _EITHER_ORDER in value:
            return self._either_order(value.split(_EITHER_ORDER), tense)
        if _DOUBT in value:
            chosen, _, other = value.partition(_DOUBT)
            result = self._resolve_once(chosen, tense)
            if result is None or not result[0]:
                return result
            alternative = self._resolve_once(other, tense)
            return result[0], result[1], alternative is not None and alternative[0] != result[0]
        return self._resolve_once(value, tense)

    def _either_order(self, readings: list[str], tense: str | None) -> tuple[str, bool, bool] | None:
        if any(not is_absolute(r) for r in readings):  # "by 12/05": each reading placed by the tense first
            if self.published is None:
                return "", True, False
            readings = [r if is_absolute(r) else self._resolve_date(r, tense) or "" for r in readings]
        days = [(d[1], r) for r in readings if r and (d := describe(r)) is not None and d[1] is not None]
        if not days:
            return None
        if self.published is not None:
            base = self.published
            # "was signed on 3/4/2025" told on 20 March is not 3 April
            fits = [d for d in days if not ((tense == PAST and d[0] > base) or (tense == FUTURE and d[0] < base))]
            days = sorted(fits or days, key=lambda d: abs((d[0] - base).days))
        return days[0][1], False, len({d[0] for d in days}) > 1

    def _resolve_once(self, value: str, tense: str | None) -> tuple[str, bool, bool] | None:
        if "REF" in value or value.startswith("DOM"):  # depends on the last date mentioned
            return self._resolve(value, tense)
        key = (value, tense)
        if key not in self._cache:
            self._cache[key] = self._resolve(value, tense)
        return self._cache[key]

    def _resolve(self, value: str, tense: str | None) -> tuple[str, bool, bool] | None:
        if value.startswith(("PRESENT_REF", "PAST_REF", "FUTURE_REF")) or value.startswith("P"):
            return value, False, False
        date_part, time = split_time(value)
        h = HOLIDAY.match(date_part)
        if h and h.group("year"):
            day = holiday_date(int(h.group("year")), date_part[5:])
            return (day.isoformat() + time, False, False) if day else None
        if is_absolute(date_part):
            return (value, False, False) if describe(value) else None
        resolved = self._resolve_date(date_part, tense, bool(time))
        if resolved is None:
            return None
        if resolved == "":
            return "", True, False
        return resolved + time, True, False

    def _anchor(self, name: str, day: bool = False) -> tuple[dt.date, Precision] | None:
        """The publication date or the last date mentioned; for a time of day (`day`) the last
        date mentioned to the day ("10 p.m." after "Oct. 23 ... in 1994" is on Oct. 23), else the
        publication date."""
        if name == "REFDAY":  # the day the story is on: the last day told, whatever came after it
            if self.last is not None and self.last_day is None:
                return None  # "The war began in 2014. Later in the day ...": a day of 2014, unknown
            name, day = "REF", True
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
        """A relative date value resolved: "" when it needs a publication date there is not, None when
        it cannot be resolved."""
        if value.startswith("REFIN-"):  # "the 1988 period": the reporting period in question, in 1988
            year = value[6:]
            return valid_value(year + self.last_period[4:] if self.last_period else year)
        if m := _AROUND.match(value):  # "the day before Tuesday": a day counted from another
            return self._around(m.group("inner"), int(m.group("n")), tense)
        if value.startswith("WEEKOF-"):  # "the week of March 6": the week that day falls in
            return self._week_of(value[7:], tense, time)
        if value.startswith("YEAROF-"):  # "in the new year": the year of the New Year the tense points to
            day = self._resolve_date(value[7:], tense, time)
            d = describe(day) if day else None
            return day if d is None else format_at(d[1], "year")
        if m := _TURN_OF.match(value):  # "the turn of the century": the writer's nearest one
            if self.published is None:
                return ""
            span = 100 if m.group(1) == "century" else 1000
            return f"{(self.published.year + span // 2) // span * span:04d}"
        if "|" in value:
            return self._alternative(value, tense)
        if m := _SHIFT.match(value):
            return self._shifted(m, time)
        if m := _PICK.match(value):
            anchor = self._anchor(m.group("anchor"))
            if anchor is None:
                return ""
            rel = {"<": PAST, ">": FUTURE, "=": SAME}[m.group("rel")]
            day = anchor[0]
            if rel == FUTURE and m.group("anchor") == "REF" and anchor[1] in _AFTER_THE_WHOLE:
                # "began in mid-2019 and lasted until the following spring": after the year, not in it
                d = describe(self.last[0]) if self.last is not None else None
                day = d[2] if d is not None and d[2] is not None else day
            return pick(m.group("target"), day, rel, strict=True)
        if m := _DOM.match(value):
            return self._day_of_month(int(m.group(1)), tense)
        if m := _DOM_ON.match(value):
            return self._day_on_weekday(int(m.group(1)), int(m.group(2)))
        if self.published is None:
            return ""
        return pick(value, self.published, tense, strict=False)

    def _around(self, inner: str, n: int, tense: str | None) -> str | None:
        """The day `n` days from the day `inner` resolves to."""
        resolved = self._resolve(inner, tense)
        if resolved is None or resolved[0] == "":
            return None if resolved is None else ""
        d = describe(resolved[0])
        if d is None or d[0] is not Precision.DAY:
            return None
        return self._shift((d[1], Precision.DAY), n, "day")

    def _week_of(self, inner: str, tense: str | None, time: bool) -> str | None:
        """The week the day `inner` falls in."""
        day = inner if is_absolute(inner) else self._resolve_date(inner, tense, time)
        d = describe(day) if day else None
        if d is None or d[0] is not Precision.DAY:
            return day if day == "" else None
        week = format_at(d[1], "week")
        if self.published is not None and not is_absolute(inner):
            # "as Easter week began": the week under way is meant, whatever the tense.
            current = format_at(self.published, "week")
            near = self._resolve_date(inner, None, time)
            if near and describe(near) and format_at(describe(near)[1], "week") == current:
                return current
        return week

    def _alternative(self, value: str, tense: str | None) -> str | None:
        """"REF+0quarter|DCT-1quarter": the first when the last date mentioned is a reporting period
        (a quarter, a half), else the second. In a results report "a year ago" is the same quarter a
        year back; elsewhere it is the year before publication."""
        first, _, second = value.partition("|")
        last_unit = UNIT_OF_PRECISION.get(self.last[1]) if self.last is not None else None
        # A period still ahead ("losses through the third quarter of 1990") has no results
        # yet to compare with: the comparison is with the last period reported.
        ahead = self.last is not None and self.published is not None and self.last[2] > self.published
        if last_unit in ("quarter", "half") and not ahead:
            return self._resolve_date(first, tense)
        return self._resolve_date(second, tense)

    def _shifted(self, m: re.Match[str], time: bool) -> str | None:
        """"DCT-1week", "REF+2day", "DCT-1year-06" (June last year): a period counted from an anchor."""
        anchor = self._anchor(m.group("anchor"), time)
        if anchor is None:
            return None if m.group("anchor") == "REFDAY" and self.published is not None else ""
        if m.group("n") == "X":
            return "PAST_REF" if m.group("sign") == "-" else "FUTURE_REF"
        n = int(m.group("n")) * (-1 if m.group("sign") == "-" else 1)
        if (m.group("within") or "").startswith("-D"):
            # "Thursday next week": ISO weekday D of the week so counted.
            if m.group("unit") != "week":
                return None
            day = anchor[0] + dt.timedelta(weeks=n, days=int(m.group("within")[2:]) - anchor[0].isoweekday())
            return day.isoformat()
        if m.group("within") == "-LD":  # "the last day of next month": the period's last day
            period = self._shift((anchor[0], Precision.DAY), n, m.group("unit"))
            d = describe(period) if period else None
            return None if d is None or d[2] is None else d[2].isoformat()
        if m.group("within"):  # "June last year", "April 24 and 25": a part of the period
            unit = m.group("unit")
            if unit not in ("year", "month") or (unit == "month" and not _is_day_suffix(m.group("within"))):
                return None
            period = self._shift((anchor[0], Precision.DAY), n, unit)
            return None if period is None else valid_value(period + m.group("within"))
        return self._shift(anchor, n, m.group("unit"), keep=bool(m.group("keep")))

    def _day_of_month(self, day: int, tense: str | None) -> str | None:
        """"on the 20th": in the month of the last date mentioned ("Dec. 15 and again on the
        20th"; the month after in a future sentence when the last day told is later), else in the publication month, or the month before in a past sentence when that
        day is still ahead (the month after in a future one when it has gone)."""
        if self.last is not None and self.last[1] in (Precision.DAY, Precision.MONTH):
            ref = self.last[2]
            year, month = ref.year, ref.month
            if tense == FUTURE and self.last[1] is Precision.DAY and day < ref.day:
                # "closed on the 24th and reopen on the 2nd": a day ahead of an earlier-numbered one is next month's
                year, month = year + month // 12, month % 12 + 1
            return valid_value(f"{year:04d}-{month:02d}-{day:02d}")
        if self.published is None:
            return ""
        base = self.published
        months = [(base.year, base.month)]
        if tense == FUTURE:
            months.append((base.year + base.month // 12, base.month % 12 + 1))
        elif tense == PAST:
            months.append((base.year - (base.month == 1), (base.month - 2) % 12 + 1))
        for year, month in months:
            value = valid_value(f"{year:04d}-{month:02d}-{day:02d}")
            if value is None:
                continue
            d = dt.date(year, month, day)
            if (tense == FUTURE and d < base) or (tense == PAST and d > base):
                continue
            return value
        return None

    def _day_on_weekday(self, day: int, weekday: int) -> str | None:
        """"sábado (15)": the 15th that is a Saturday nearest to the publication date (news names
        its own week's days so), whatever the tense."""
        if self.published is None:
            return ""
        base = self.published
        days = []
        for k in range(-_DOM_ON_MONTHS, _DOM_ON_MONTHS + 1):
            year, month = divmod(base.year * 12 + base.month - 1 + k, 12)
            try:
                d = dt.date(year, month + 1, day)
            except ValueError:
                continue
            if d.isoweekday() == weekday:
                days.append(d)
        return min(days, key=lambda d: abs((d - base).days)).isoformat() if days else None

    def _shift(self, anchor: tuple[dt.date, Precision], n: int, unit: str, keep: bool = False) -> str | None:
        base, precision = anchor
        out_unit = unit
        ref_unit = UNIT_OF_PRECISION.get(precision, "day")
        if keep and ((unit == "year" and ref_unit in ("day", "quarter", "half", "season"))
                     or (unit == "week" and ref_unit == "day")):
            # A counted shift keeps what it counts from: "a year earlier" after "the third quarter"
            # is that quarter a year back, after "Sept. 30" it is Sept. 30 a year back, and "a
            # week later" after March 1 is March 8; but "that year" or "the following year" is a year.
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
            return None if day is None else format_at(day, "season")
        day = shift(base, n, unit if unit != "season" else "quarter")
        if day is None:
            return None
        return format_at(day, out_unit)


_ORDER = ["day", "week", "weekend", "month", "season", "quarter", "half", "year", "decade", "century"]


def _coarser(a: str, b: str) -> bool:
    return _ORDER.index(a) > _ORDER.index(b)


def _is_day_suffix(within: str) -> bool:
    return bool(re.fullmatch(r"-\d{2}", within))
