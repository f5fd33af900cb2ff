"""A quoted statement's "yesterday", "next month", "last week", "on Tuesday" count from the day it was said."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace

from timeline_app.core.models import DateMention, Precision
from timeline_app.core.sentences import sentence_at
from timeline_app.core.temporal.resolve import Resolver
from timeline_app.core.temporal.tense_cues import FUTURE
from timeline_app.core.temporal.values import describe

# A quotation within a paragraph: straight or curly double quotes, or single ones as British papers
# write them, closed by a punctuation mark ("'We met on Tuesday,' she said"); an apostrophe inside
# stands between letters ("don't", "don\u2019t"), and a plural's ("the workers' union") opens nothing.
_QUOTE = re.compile(
    r"\"([^\"\n]{3,600})\"|\u201c([^\u201c\u201d\n]{3,600})\u201d"
    r"|(?<![\w'])'((?:[^'\n]|(?<=\w)'(?=\w)){2,600}?[,.?!])'(?!\w)"
    r"|\u2018((?:[^\u2018\u2019\n]|(?<=\w)\u2019(?=\w)){2,600}?[,.?!])\u2019(?!\w)"
)
_QUOTE_MARKS = ('"', "\u201c", "'", "\u2018")
# A value counted from the publication date: "DCT-1day" (yesterday), "DCT+1month" (next month),
# "DOW-2" (a Tuesday, placed by the tense the engine read: before the day of saying, or after it).
_FROM_TODAY = re.compile(r"^(?:DCT[+-]\d+(?P<unit>day|weekend|week|month|quarter|half|year)|DOW-[1-7](?:T[0-9A-Z:]+)?)$")
# How finely the day of saying must be told for a unit to count from it: "yesterday" needs the day,
# "next year" only the year ("Asked in 2019, he replied: 'It will be finished next year'").
_FINEST = {
    "day": Precision.DAY, "weekend": Precision.DAY, "week": Precision.DAY, "month": Precision.MONTH,
    "quarter": Precision.MONTH, "half": Precision.MONTH, "year": Precision.YEAR,
}
# What may stand between the quote and its attribution before it: "In December, the minister said: ".
_LEADS_IN = re.compile(r"\s*[:,]\s*$")


def from_the_saying(
    text: str, mentions: list[DateMention], values: list[str], sentences: list[tuple[int, int]],
    reporting: re.Pattern[str] | None, published: dt.date | None,
) -> list[DateMention]:
    """The mentions, with each one counted from the publication date (`values`: the values the rules
    wrote, "DCT-1day") inside a quotation re-counted from the day of saying, when the sentence
    attributes the quotation with a verb of saying and tells that day: '"Yesterday was the worst
    day," the governor said on Monday' is the day before that Monday."""
    if reporting is None or published is None or not any(q in text for q in _QUOTE_MARKS):
        return mentions
    out = list(mentions)
    counted = [i for i, v in enumerate(values) if _FROM_TODAY.match(v)]
    if not counted:
        return mentions
    starts = [out[i].start for i in counted]  # in text order, as the mentions are
    all_starts = [m.start for m in out]
    for q in _QUOTE.finditer(text):
        lo = bisect.bisect_right(starts, q.start())
        inside = [i for i in counted[lo : bisect.bisect_left(starts, q.end(), lo)] if out[i].end < q.end()]
        if not inside:
            continue
        said = _day_of_saying(text, q.start(), q.end(), out, all_starts, sentences, reporting, published)
        if said is None:
            continue
        precision, day = said
        resolver = Resolver(day)
        for i in inside:
            unit = _FROM_TODAY.match(values[i]).group("unit") or "day"  # type: ignore[union-attr]
            if precision.rank > _FINEST[unit].rank:
                continue
            # A weekday keeps the side the sentence's tense gave it: "'We will meet on Tuesday,' she
            # said on Friday" is the Tuesday after that Friday, "'We met on Tuesday'" the one before.
            ahead = values[i].startswith("DOW") and out[i].start_date is not None and out[i].start_date > published
            result = resolver.resolve(values[i], FUTURE if ahead else None)
            described = describe(result[0]) if result is not None and result[0] else None
            if described is not None:
                out[i] = replace(out[i], value=result[0], start_date=described[1], end_date=described[2])  # type: ignore[index]
    return out


def _day_of_saying(
    text: str, start: int, end: int, mentions: list[DateMention], starts: list[int],
    sentences: list[tuple[int, int]], reporting: re.Pattern[str], published: dt.date,
) -> tuple[Precision, dt.date] | None:
    """(precision, first day) of the date the quotation at text[start:end] was said on: told after it
    in its sentence with a verb of saying ('," she told the BBC on Oct. 2.'), or before it, leading
    in with a colon or comma ('In December, the minister said: "').  None when none is told, or
    when it is the publication day or later."""
    sentence = sentence_at(sentences, start)
    if sentence is None:
        return None
    after = sentence_at(sentences, end - 1) or sentence
    tail = (end, after[1])
    head = (sentence[0], start)
    for lo, hi in (tail, head):
        if lo == head[0] and not _LEADS_IN.search(text, lo, hi):
            continue
        if reporting.search(text, lo, hi) is None:
            continue
        near = mentions[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
        told = [m for m in near if m.end <= hi and m.start_date is not None
                and m.granularity in (Precision.DAY, Precision.TIME, Precision.WEEK, Precision.MONTH, Precision.YEAR)]
        if len(told) == 1 and told[0].start_date < published:  # type: ignore[operator]
            m = told[0]
            return _told_as(m), m.start_date  # type: ignore[return-value]
    return None


def _told_as(m: DateMention) -> Precision:
    """How finely a date of saying tells the day: a time tells its day, and a week the month or the
    year it lies in ("said last week" moves "next month" when the week is one month's)."""
    if m.granularity is Precision.TIME:
        return Precision.DAY
    if m.granularity is Precision.WEEK:
        first, last = m.start_date, m.end_date
        if first is None or last is None or first.year != last.year:
            return Precision.DURATION  # coarser than any unit: counts nothing from it
        return Precision.MONTH if first.month == last.month else Precision.YEAR
    return m.granularity
