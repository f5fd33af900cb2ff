"""Dates joined by a language's words into a list or a range, and the mentions of one range linked."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from timeline_app.core.models import DateMention, Precision

# A moving verb reaches the dates of its own clause only: "The summit, postponed in January, runs
# from March 3 to 5" is a range.
_CLAUSE_BREAK = re.compile(r"[.,;:!?\n]")
# How far before a range a moving verb ("postponed the meeting of the foreign ministers from ...")
# or an opening word ("between") is looked for.
_MOVED_REACH = 80
_OPENER_REACH = 24
# The longest range of days told without their year ("from December 28 to January 3" is 6 days).
_DAYS_APART = 366


@dataclass(frozen=True)
class Joins:
    """What stands between two dates of one language's text (its cues range_to, range_and,
    range_from and range_moved; a language without them joins no dates)."""

    range_to: re.Pattern[str] | None = None  # "to", "-": the two dates are a range's ends
    range_and: re.Pattern[str] | None = None  # "and", "or": a list, or a range after range_from
    range_from: re.Pattern[str] | None = None  # "between", "from", right before the first date
    range_moved: re.Pattern[str] | None = None  # "postponed": "from X to Y" is an old and a new date

    @classmethod
    def of(cls, cues: dict[str, re.Pattern[str]]) -> Joins:
        return cls(cues.get("range_to"), cues.get("range_and"), cues.get("range_from"), cues.get("range_moved"))

    def joined(self, text: str, a_end: int, b_start: int) -> bool:
        """Whether only a join word stands between two dates: "March and May 2019", "March 3 to 5"."""
        word = _join_word(text, a_end, b_start)
        return word is not None and any(p is not None and p.fullmatch(word) for p in (self.range_and, self.range_to))

    def is_range(self, text: str, a_start: int, a_end: int, b_start: int) -> bool:
        """Whether two dates are the ends of one range: a range word between them ("7-8 March",
        "from 3 to 5 June"), or a list word after an opening word ("between Monday and Wednesday")."""
        word = _join_word(text, a_end, b_start)
        if word is None:
            return False
        if self.range_to is not None and self.range_to.fullmatch(word):
            return True
        return self.range_and is not None and bool(self.range_and.fullmatch(word)) and self.opened(text, a_start)

    def opened(self, text: str, start: int) -> bool:
        """Whether an opening word ("between", "from") stands right before `start`."""
        if self.range_from is None:
            return False
        i = start
        while i > 0 and text[i - 1].isspace():
            i -= 1
        return any(m.end() == i for m in self.range_from.finditer(text, max(0, i - _OPENER_REACH), i))

    def moved(self, text: str, start: int) -> bool:
        """Whether a verb that moves an event to another date stands in the clause before `start`."""
        if self.range_moved is None:
            return False
        lo = max(0, start - _MOVED_REACH)
        return any(not _CLAUSE_BREAK.search(text, m.end(), start) for m in self.range_moved.finditer(text, lo, start))


def _join_word(text: str, a_end: int, b_start: int) -> str | None:
    """What stands between two dates, a comma before it aside ("" when nothing but spaces); None
    when that is more than a few words: two dates far apart are no list nor range."""
    if b_start - a_end > 40:
        return None
    word = text[a_end:b_start].strip()
    if word.startswith(","):
        word = word[1:].strip()
    return " ".join(word.split())


def link_ranges(text: str, mentions: list[DateMention], joins: Joins) -> list[DateMention]:
    """The mentions, each first end of a range with `range_end` set to the end of its last one.

    Two dates side by side are a range when a range word joins them ("7-8 March", "from June 1 to
    June 3", "between Monday and Wednesday"), both are placed days, months, years ... or times of
    day, and the second ends after the first. Not ranges: lists ("on March 3 and 5"), two dates with
    more words between them ("met on Monday and will meet again on Wednesday"), a date moved to
    another ("postponed from March 3 to March 10"). A range has two ends: the end of one starts none.
    """
    out = list(mentions)
    i = 0
    while i + 1 < len(out):
        a, b = out[i], out[i + 1]
        if (
            _ordered(a, b)
            and joins.is_range(text, a.start, a.end, b.start)
            and not (joins.opened(text, a.start) and joins.moved(text, a.start))
        ):
            out[i] = replace(a, range_end=b.end)
            i += 2
        else:
            i += 1
    return out


def _ordered(a: DateMention, b: DateMention) -> bool:
    """Whether `b` can end a range that `a` starts: two placed dates of one kind, `b` the later."""
    if a.kind != b.kind or a.kind not in ("DATE", "TIME"):
        return False
    if a.start_date is None or a.end_date is None or b.start_date is None or b.end_date is None:
        return False
    if not (a.granularity.placeable and b.granularity.placeable):
        return False
    if (a.relative and b.relative and Precision.DAY in (a.granularity, b.granularity)
            and (b.start_date - a.start_date).days > _DAYS_APART):
        return False  # days told without a year read a year apart: one end is misread, not a long range
    return a.start_date <= b.start_date and a.end_date <= b.end_date and a.value != b.value
