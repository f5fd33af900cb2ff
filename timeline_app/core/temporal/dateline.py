"""A wire dateline's day, the one a story is told from: "BRUSSELS, June 30 (Reuters) - ... next month"."""

from __future__ import annotations

import datetime as dt
import re

from timeline_app.core.temporal.extract import Candidate

# What opens the dateline's line before its date: a place in capitals and maybe its country or state
# ("KYIV,", "NEW YORK/GENEVA,", "ADDIS ABABA, Ethiopia,").
_PLACE = re.compile(r"[ \t]*[A-Z][A-Z.'/ -]{1,40}(?:,[ \t]*[A-Z][A-Za-z. ]{1,30})?,[ \t]*")
# What follows the date before the story: a year, an agency in brackets, a dash.
_AFTER = re.compile(r",?[ \t]*(?:\d{4}[ \t]*)?(?:\([^()\n]{1,40}\)[ \t]*)?(?:-{1,2}|\u2013|\u2014)[ \t]")
_DAY = re.compile(r"^(?:XXXX|(?P<year>\d{4}))-(?P<month>\d{2})-(?P<day>\d{2})$")
_REACH = 400  # characters: a headline and a byline may stand before the dateline
# A story filed up to a week before the publication date a feed gives it (a weekly digest, a late
# import); a dateline further back is more likely an old story quoted.
_WITHIN = dt.timedelta(days=7)


def told_from(text: str, candidates: list[Candidate], published: dt.date | None) -> dt.date | None:
    """The day of the wire dateline opening one of the text's first lines, when it lies in the week
    before `published`: the story's "Tuesday" and "next month" count from it. None otherwise (no such
    dateline, or its day is the publication day)."""
    if published is None:
        return None
    for cand in candidates:
        if cand.start > _REACH:
            break
        m = _DAY.match(cand.value)
        line = text.rfind("\n", 0, cand.start) + 1
        if m is None or not _PLACE.fullmatch(text, line, cand.start) or not _AFTER.match(text, cand.end):
            continue
        day = _day_on_or_before(published, int(m.group("month")), int(m.group("day")), m.group("year"))
        return day if day is not None and published - _WITHIN <= day < published else None
    return None


def _day_on_or_before(published: dt.date, month: int, day: int, year: str | None) -> dt.date | None:
    """The date so written: in its year, or without one the last such day on or before `published`."""
    try:
        if year is not None:
            return dt.date(int(year), month, day)
        told = dt.date(published.year, month, day)
        return told if told <= published else dt.date(published.year - 1, month, day)
    except ValueError:  # February 30, or February 29 of a year without it
        return None
