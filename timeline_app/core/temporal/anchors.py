"""What a date told without its own anchor counts from: a day told earlier in its sentence or paragraph."""

from __future__ import annotations

import datetime as dt
import re

from timeline_app.core.models import Precision
from timeline_app.core.temporal.resolve import Resolver
from timeline_app.core.temporal.tense import FUTURE, PAST, WEAK_PAST

_MONTH = re.compile(r"^XXXX-\d{2}$")
_DOW = re.compile(r"^DOW-[1-7]$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")
# A week that frames its sentence: set off by a comma or colon, or the sentence's first words.
_FRAME_AFTER = re.compile(r"\s*[,:]")
_OPENS_WITH_WEEK = re.compile(r"\W*(?:[A-Za-z]+\s+){0,2}week", re.IGNORECASE)


def from_report(value: str, resolver: Resolver, sentence: tuple[int, int] | None) -> str:
    """A weekday or month told as a future from the past is counted from the day it was said, when
    that day, told earlier in the sentence, lies before publication: "said on Thursday that he
    would resign on Friday", published on Saturday, is the first Friday after that Thursday (news
    names a weekday only within a week of its date, so the Thursday must lie in the week before);
    "In November, the minister promised elections in February" is the first February after that
    November. Else it is ahead of publication."""
    last, published = resolver.last, resolver.published
    if (
        sentence is None
        or last is None
        or published is None
        or resolver.last_end is None
        or resolver.last_end <= sentence[0]
    ):
        return value
    if (
        _DOW.match(value)
        and last[1] is Precision.DAY
        and resolver.last_day_end is not None
        and resolver.last_day_end > sentence[0]
        and 0 < (published - last[2]).days < 7
    ):
        return "REF>" + value
    if _MONTH.match(value) and last[1] in (Precision.DAY, Precision.MONTH) and last[2] < published:
        return "REF>" + value
    return value


def in_told_week(
    text: str, value: str, resolver: Resolver, sentence: tuple[int, int] | None, tense: str | None
) -> str:
    """A weekday after a week that frames its sentence is that week's day: "Next week, the minister
    visits Paris on Wednesday" told on a Wednesday is next week's, "Last week, the envoy met rebels
    on Monday" last week's, and so is each day of "Schedule for next week: Monday, ...; Wednesday,
    ...". A week framing the sentence opens it or is set off by a comma or colon; one inside a
    clause is not ("The strike that began last week ended on Monday" is this Monday). Nor when that
    day goes against the weekday's own tense ("Next week's vote follows talks held on Monday")."""
    week, last, published = resolver.last_week, resolver.last, resolver.published
    if (
        not _DOW.match(value)
        or sentence is None
        or week is None
        or last is None
        or published is None
        or week[1] is None
        or not sentence[0] <= week[1] <= sentence[1]
        or not (_FRAME_AFTER.match(text, week[1]) or _OPENS_WITH_WEEK.fullmatch(text, sentence[0], week[1]))
        # the anchor "REF" counts from: the week itself, or a day of it told since
        or not (last[1] is Precision.WEEK or (last[1] is Precision.DAY and 0 <= (last[2] - week[0]).days < 7))
    ):
        return value
    day = week[0] + dt.timedelta(days=int(value[4:]) - 1)
    if (tense in (PAST, WEAK_PAST) and day >= published) or (tense == FUTURE and day <= published):
        return value
    return "REF=" + value


def day_in_reach(text: str, day_end: int | None, start: int) -> bool:
    """Whether a bare time of day ("at 10 p.m.") can take the day of the last day mentioned, which
    ends at `day_end`: only from its own paragraph or the one before. Further back the story has
    moved on ("was shot at 10 p.m." three paragraphs after another event's day): the time's day
    is unknown, and a wrong day is worse than none. With no day mentioned yet it is the story's."""
    return day_end is None or len(_PARAGRAPH_BREAK.findall(text, day_end, start)) <= 1


def period_in_sentence(resolver: Resolver, sentence: tuple[int, int] | None) -> bool:
    """Whether a month, year or other period coarser than a day was told after the last day, in the
    sentence of a time of day: "... aid early next year; Orban blocked it overnight" is not the night
    before a day told paragraphs ago."""
    last, end = resolver.last, resolver.last_end
    return (sentence is not None and last is not None and end is not None and last[1] is not Precision.DAY
            and resolver.last_day_end is not None and sentence[0] <= end <= sentence[1])
