"""What the words right beside a date expression say about its tense: a phrase it ends ("by Friday"), a
past form before it ("announced Monday"), a verb setting a deadline, a "that" clause of a noun after it."""

from __future__ import annotations

import re

# How far before the expression a "by"/"until" may stand, allowing "by the end of".
_BEFORE_REACH = 3
# What may stand between "by"/"until" and the date: "by the end of May", "until early June".
_BEFORE_SKIPPABLE = frozenset(
    ["", "the end of", "the start of", "the beginning of", "the middle of", "early", "late", "mid", "next"]
)
_BE = frozenset(["be", "being"])
_THAT_AFTER = re.compile(r"\s+that\s")


def content_clause_after(noun: re.Pattern[str] | None, text: str, a: int, start: int, end: int) -> bool:
    """Whether "that" after the expression opens what a noun before it says: "the announcement by
    Kenya on Monday that it will lead the mission"."""
    if noun is None or not _THAT_AFTER.match(text, end):
        return False
    return noun.search(text, max(a, start - 60), start) is not None


def past_participle_before(past_before: re.Pattern[str] | None, text: str, a: int, start: int) -> bool:
    """Whether the word before the expression is a past form that dates it ("announced Monday")."""
    if past_before is None:
        return False
    head = text[max(a, start - 30) : start].split()
    while head and head[-1].lower() in ("on", "in", "late", "early", "last"):
        head.pop()
    # "will be signed on Monday", "to be announced Friday": a participle after "be" is no past.
    return bool(head) and past_before.fullmatch(head[-1].strip(",")) is not None and (
        len(head) < 2 or head[-2].lower() not in _BE)


def set_deadline(cue: re.Pattern[str] | None, text: str, a: int, start: int) -> bool:
    """Whether a verb that sets a deadline or extends a term ("потребовало отъезда посла до 7 февраля",
    "prolonga a presença até dezembro"; cues/deadline.txt) stands before offset `start` in its sentence."""
    return cue is not None and cue.search(text, a, start) is not None


def opens(cue: re.Pattern[str] | None, text: str, a: int, start: int, reach: int = _BEFORE_REACH) -> bool:
    """Whether `cue` opens the phrase right before offset `start` ("by Friday", "until the end of
    May"), looking no further back than sentence start `a` and `reach` words."""
    if cue is None:
        return False
    words = text[max(a, start - 40 * reach // _BEFORE_REACH) : start].split()
    tail = " ".join(words[-reach:]) if words else ""
    return any(" ".join(tail[m.end() :].split()).lower() in _BEFORE_SKIPPABLE for m in cue.finditer(tail))
