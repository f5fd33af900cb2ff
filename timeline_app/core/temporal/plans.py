"""What a plan, and its putting off, say of the direction of the date it was set for."""

from __future__ import annotations

import re

AHEAD = "ahead"  # the date lies after the publication date
EITHER = "either"  # the nearer of the last and the next such date

NAMED_DAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")  # an English weekday at a position
# A past before the past ("had been postponed", "had planned"): the putting off is told from a
# time now gone, so its days may be gone too.
_PLUPERFECT = re.compile(r"\bhad\b", re.IGNORECASE)
# What stands between a verb of putting off and the day it moved the event to: "postponed to",
# "pushed the vote back to", "rescheduled Friday's meeting for next", "delayed from Tuesday to".
_TO_AFTER = re.compile(
    r"(?:\s+[\w'\u2019.-]+){0,5}?\s+(?:to|until|till|for)\s+(?:(?:the\s+)?(?:next|coming|following)\s+)?",
    re.IGNORECASE,
)
# ... and the day it was moved from: "delayed the launch from Tuesday".
_FROM_AFTER = re.compile(r"(?:\s+[\w'\u2019.-]+){0,4}?\s+from\s+", re.IGNORECASE)
# The last word of every plan_for.txt line: a cheap test before the pattern runs.
_FOR_ON_BEFORE = re.compile(r"\b(?:for|on|from|beginning|starting|effective)\s+$", re.IGNORECASE)
# What ends the words between a verb of putting off and the date it names (a cheap test first).
_MOVED_TO = re.compile(r"\b(?:to|until|till|for|from)\s+(?:(?:the\s+)?(?:next|coming|following)\s+)?$", re.IGNORECASE)
_FIRST_PLAN = re.compile(r"(?:originally|initially|first)\b", re.IGNORECASE)
_PERIOD_START = re.compile(r"(?:beginning|starting|effective)\b", re.IGNORECASE)
_VERB_REACH = 80  # characters: five words and the verb
_POSSESSIVE = re.compile(r"'s\b|\u2019s\b")
# A clause ends here: the verb before it puts off nothing after it.
_CLAUSE_END = re.compile(r"[,;:()\u2014]")


def plan_reading(
    text: str, sentence: tuple[int, int], start: int, end: int, cues: dict[str, re.Pattern[str]],
    told_past: bool,
) -> str | None:
    """AHEAD, EITHER or None (the plan says nothing) for the date text[start:end].

    A verb of putting off in the sentence (cues/put_off.txt) sends forward the day the event was
    moved to, and a weekday it was set for or moved from; a date a plan's participle sets
    (cues/plan_for.txt) is otherwise the nearer reading when the sentence is told in the past
    (`told_past`); a day of a month a period starts on ("effective June 1") is ahead.
    """
    a, b = sentence
    planned = _plan_right_before(cues.get("plan_for"), text, a, start)
    put_off = cues.get("put_off")
    weekday = NAMED_DAY.match(text, start) is not None
    moved = _MOVED_TO.search(text, max(a, start - 24), start) or (weekday and _POSSESSIVE.match(text, end))
    if put_off is not None and moved:
        # The verb moving the date stands at most a few words before it: look only there.
        for v in put_off.finditer(text, max(a, start - _VERB_REACH), start):
            if _CLAUSE_END.search(text, v.end(), start) or _PLUPERFECT.search(text, a, b):
                continue
            if _TO_AFTER.fullmatch(text, v.end(), start):
                return AHEAD  # "pushed back to September"
            if weekday and (_FROM_AFTER.fullmatch(text, v.end(), start)
                            or (not text[v.end() : start].strip() and _POSSESSIVE.match(text, end))):
                return AHEAD  # "delayed the launch from Tuesday", "rescheduled Friday's meeting"
    if planned and put_off is not None and put_off.search(text, a, b) and not _PLUPERFECT.search(text, a, b):
        return AHEAD if weekday else EITHER  # "The vote, scheduled for Sunday, was postponed"
    if planned and not weekday and _PERIOD_START.match(planned):
        # A rule or term told of before it starts: news says "took effect" of one already running.
        return AHEAD  # "a new labor pact effective June 1", "the fiscal year beginning July 1"
    if planned and (told_past or _FIRST_PLAN.match(planned)):
        # "The talks, first planned for March, finally opened on Monday"; a first plan is one since
        # changed, which may have lain either side whatever the tense ("The conference, originally
        # planned for June, will now take place in October").
        return EITHER
    return None


def _plan_right_before(plan: re.Pattern[str] | None, text: str, a: int, start: int) -> str:
    """The plan's participle that ends right before the date ("planned for Saturday"), or ""."""
    if plan is None or not _FOR_ON_BEFORE.search(text, max(a, start - 11), start):
        return ""
    head = max(a, start - 60)
    return next((m.group() for m in plan.finditer(text, head, start) if not text[m.end() : start].strip()), "")
