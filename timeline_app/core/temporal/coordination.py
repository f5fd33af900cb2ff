"""Coordinated and ranged dates share what is written once: "March and May 2019", "from 7 a.m. to 8 p.m. Sunday"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from timeline_app.core.models import DateMention
from timeline_app.core.temporal.extract import Candidate
from timeline_app.core.temporal.ranges import Joins
from timeline_app.core.temporal.values import describe, split_time

# What may stand between two dates of one coordination or range is the language's (Joins): "March
# and May 2019", "March 3 to 5, 2019", "Dec. 28-Jan. 3, 2019". Anything more ("In March, talks
# began; in May 2019 they ended") makes two statements, each dated on its own.
# A list goes on with commas before its last "and": "June 1, June 2 and June 3, 2019".
_LIST = re.compile(r"\s*,\s*")
# A date without its year, maybe the week of one: XXXX-03, XXXX-06-01, XXXX-06-01@1, XXXX-SP ...
_YEARLESS = re.compile(r"^(?P<pre>WEEKOF-)?XXXX-(?P<rest>(?:\d{2}(?:-\d{2})?)(?:@[1-7])?|Q[1-4]|H[12]|SP|SU|FA|WI)$")
# A date written with its year, finer than the year: 2019-05, 2019-06-03, 2019-SU, 2019-Q3.
_DATED = re.compile(r"^(?:WEEKOF-)?(?P<year>\d{4})-(?P<rest>\d{2}(?:-\d{2})?|Q[1-4]|H[12]|SP|SU|FA|WI)$")
_MONTH_DAY = re.compile(r"^(\d{2})(?:-(\d{2}))?")
# The parts whose reading order_parts may move: a weekday, a day or a month without its year.
_MOVABLE = re.compile(r"^(?:DOW-(?P<wd>[1-7])|XXXX-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)$")


def share_years(text: str, candidates: list[Candidate], joins: Joins) -> list[Candidate]:
    """The candidates, with the year of a dated part given to the year-less parts joined to it.

    The year written at the end goes back to every part before it ("between March and May 2019",
    "on March 3 and 4, 2019"); a range's start is the year before when its month comes later
    ("from Dec. 28 to Jan. 3, 2019"). The year written first goes forward to a range's end
    ("from March 2019 to May"), the year after when its month comes earlier. A bare time of day
    takes the day written after it ("from 7 a.m. to 8 p.m. on Sunday").
    """
    out = list(candidates)
    # Right to left: a year given to one part goes on to the part before it.
    inherited = [False] * len(out)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        gap = text[a.end : b.start]
        joined = joins.joined(text, a.end, b.start) or (inherited[i + 1] and _LIST.fullmatch(gap))
        if joined and (value := _with_year_of(a, b, later=False) or _with_day_of(a, b)) is not None:
            out[i] = replace(a, value=value)
            inherited[i] = True
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if joins.joined(text, a.end, b.start) and (value := _with_year_of(b, a, later=True)) is not None:
            out[i] = replace(b, value=value)
    return out


def _with_day_of(part: Candidate, dated: Candidate) -> str | None:
    """A bare time of day takes the day written after it: "from 7 a.m. to 8 p.m. on Sunday"."""
    day, time = split_time(part.value)
    their_day, their_time = split_time(dated.value)
    if day != "REF+0day" or not time or not their_time or their_day.startswith("REF"):
        return None
    return their_day + time


def _with_year_of(part: Candidate, dated: Candidate, later: bool) -> str | None:
    """`part`'s value with the year of `dated`, which stands after it (or before it: `later`)."""
    if part.rule.kind not in ("DATE", "TIME") or dated.rule.kind not in ("DATE", "TIME"):
        return None
    p, d = _YEARLESS.match(part.value), _DATED.match(dated.value)
    if p is None or d is None:
        return None
    year = int(d.group("year"))
    rest = p.group("rest").partition("@")[0]  # the weekday was a check of the year: it is written now
    mine, theirs = _MONTH_DAY.match(rest), _MONTH_DAY.match(d.group("rest"))
    if mine and theirs:
        here = (int(mine.group(1)), int(mine.group(2) or 0))
        there = (int(theirs.group(1)), int(theirs.group(2) or 0))
        if later and here < there:
            year += 1  # "from Nov. 2019 to February": the February after
        elif not later and here > there:
            year -= 1  # "from Dec. 28 to Jan. 3, 2019": the December before
    return f"{p.group('pre') or ''}{year:04d}-{rest}"


def order_parts(
    text: str, parts: list[tuple[Candidate, DateMention]], published: dt.date | None, joins: Joins,
    told_past: set[int] | None = None,
) -> list[DateMention]:
    """The mentions, with the second of two joined relative parts the first such day or month
    after the first one: "between Monday and Wednesday" is one stretch of days, "met on Sept. 5
    and 6 and will meet again" keeps the 6th in September's year, whatever the nearer cue says.

    When the end read on its own is past and the stretch from the start would run beyond the
    publication date, the start moves back instead ("took place between Monday and Wednesday"
    told on a Tuesday is last week's); not when `told_past` (the starts of the dates read in a past
    tense; None: all) lacks the end: "The season runs from mid-October to late March" told in
    November is the season under way.
    """
    out = [m for _, m in parts]
    for i in range(1, len(parts)):
        (ca, _), (cb, mb) = parts[i - 1], parts[i]
        ma = out[i - 1]
        ka, kb = _MOVABLE.match(ca.value), _MOVABLE.match(cb.value)
        if ka is None or kb is None or _unit(ka) != _unit(kb) or not _ordered(text, ca, cb, ka, kb, joins):
            continue
        if not (ma.relative and mb.relative) or ma.start_date is None or mb.start_date is None:
            continue
        end = _next_on_or_after(kb, ma.start_date)
        if end == mb.start_date:
            continue
        if published is not None and end > published > mb.start_date and (told_past is None or cb.start in told_past):
            out[i - 1] = _moved(ma, _last_on_or_before(ka, mb.start_date), _unit(ka))
        else:
            out[i] = _moved(mb, end, _unit(kb))
    return out


def _ordered(text: str, a: Candidate, b: Candidate, ka: re.Match[str], kb: re.Match[str], joins: Joins) -> bool:
    """Whether `b` is the end of a stretch that starts at `a`: a range ("from Monday to
    Wednesday", "between March and May"), or two days of one month ("Sept. 5 and 6"). Two days
    joined by "and" may come in any order ("statements made Friday and Thursday")."""
    if joins.is_range(text, a.start, a.end, b.start):
        return True
    return bool(joins.joined(text, a.end, b.start) and ka.group("day") and kb.group("day")
                and ka.group("month") == kb.group("month"))


def _unit(m: re.Match[str]) -> str:
    return "weekday" if m.group("wd") else "day" if m.group("day") else "month"


def _next_on_or_after(m: re.Match[str], day: dt.date) -> dt.date:
    if m.group("wd"):
        return day + dt.timedelta(days=(int(m.group("wd")) - day.isoweekday()) % 7)
    month, dom = int(m.group("month")), int(m.group("day") or 1)
    floor = day if m.group("day") else day.replace(day=1)  # a month counts from its first day
    for year in (day.year, day.year + 1, day.year + 2):
        try:
            candidate = dt.date(year, month, dom)
        except ValueError:  # February 29 in a common year
            continue
        if candidate >= floor:
            return candidate
    return day


def _last_on_or_before(m: re.Match[str], day: dt.date) -> dt.date:
    if m.group("wd"):
        return day - dt.timedelta(days=(day.isoweekday() - int(m.group("wd"))) % 7)
    month, dom = int(m.group("month")), int(m.group("day") or 1)
    for year in (day.year, day.year - 1, day.year - 2):
        try:
            candidate = dt.date(year, month, dom)
        except ValueError:
            continue
        if candidate <= day:
            return candidate
    return day


def _moved(mention: DateMention, day: dt.date, unit: str) -> DateMention:
    value = f"{day.year:04d}-{day.month:02d}" if unit == "month" else day.isoformat()
    described = describe(value)
    if described is None:
        return mention
    return replace(mention, value=value, start_date=described[1], end_date=described[2])
