"""The direction a relative date points to, read from the tense cues nearest to it in its sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline_app.core.temporal.beside import content_clause_after, opens, past_participle_before, set_deadline
from timeline_app.core.temporal.happening import happening_after
from timeline_app.core.temporal.plans import AHEAD, NAMED_DAY, plan_reading
from timeline_app.core.temporal.tense_cues import (
    AHEAD_CUES, CONDITION, FUTURE, NEAREST, NEXT_CLAUSE, PAST, PRESENT_FUTURE, PROMISE,
    REPORTED_FUTURE, WEAK_FUTURE, WEAK_PAST, own_conjunct, same_clause, sentence_cues,
)

__all__ = ["FUTURE", "NEAREST", "PAST", "REPORTED_FUTURE", "WEAK_PAST", "direction", "sentence_cues"]

_EVENT_REACH = 7  # "antes del traspaso de mando del": an event's noun between the cue and its date
# Characters searched for cues on each side of the expression.
_REACH = 200
# The occasion a promise was made at, between the promise and its date: the date is the occasion's.
_OCCASION = re.compile(
    r"\bat\s+(?:(?:the|a|an|their|its|his|her)\s+)?(?:[a-z]+\s+)?(?:talks|meeting|summit|conference|session|rally|ceremony|briefing)\b",
    re.IGNORECASE,
)
# An anchor told after a promise ("vowed to open the post, two weeks after a call on July 7";
# "vowed to restore flights, halted since March 3"): its date is the earlier event's, not the promise's.
# Other languages write theirs in cues/promise_anchor.txt.
_EARLIER_ANCHOR = re.compile(
    r",\s+(?:[a-z]+\s+){0,2}(?:hours?|days?|weeks?|months?|years?)\s+after\b|\bsince\b", re.IGNORECASE
)
_DEADLINE_AFTER = re.compile(r",?\s+to\s+[a-z]")


def _reported_between(text: str, a: int, b: int, reporting: re.Pattern[str] | None) -> bool:
    """Whether a reporting verb between offsets a and b opens what was said; one set off by commas
    ("the meeting on Friday, officials said, will be crucial") is an aside and opens nothing."""
    if reporting is None:
        return False
    return any(not text.startswith(",", m.end()) for m in reporting.finditer(text, a, b))


def direction(
    text: str,
    sentence: tuple[int, int],
    start: int,
    end: int,
    cues: dict[str, re.Pattern[str]],
    found: list[tuple[int, int, str]] | None = None,
) -> str | None:
    """PAST, WEAK_PAST, FUTURE, REPORTED_FUTURE, NEAREST or None (no cue) for the expression
    text[start:end] in `sentence`.

    The cue nearest to the expression wins: in "he said the talks will resume in June" the "will"
    is nearer to June than the "said". A "by"/"until" right before the expression points forward.
    `found` is sentence_cues() of the sentence, when the caller has it.
    """
    if found is None:
        found = sentence_cues(text, sentence, cues)
    a = sentence[0]
    # Cues inside the expression are its own words; cues far away belong to another clause.
    kept = [f for f in found if not (f[0] < end and start < f[1]) and start - _REACH < f[1] and f[0] < end + _REACH]
    # A plan's participle is a clause of its own, whose date the sentence's past reads ("The talks,
    # first planned for March, finally opened on Monday").
    past_in_sentence = _told(kept, start).any_past
    kept = same_clause(text, sentence, start, kept, cues.get("relative_clause"))
    kept = own_conjunct(text, a, start, kept)
    told = _told(kept, start)
    said = content_clause_after(cues.get("content_noun"), text, a, start, end)
    said = said or _complement_after(cues.get("complementizer"), text, end, told)
    best = _nearest_cue(text, start, end, kept, told, cues.get("reporting"), said,
                        cues.get("promise_anchor", _EARLIER_ANCHOR))
    if (opens(cues.get("ahead_of"), text, a, start)  # "ahead of Sunday's vote", "ahead of Christmas"
            or opens(cues.get("ahead_of_event"), text, a, start, _EVENT_REACH)):  # "antes del traspaso de mando del 1 de marzo"
        # A present perfect tells of the stretch up to now, before the event ("The run-up to Sunday's
        # vote has been marred by violence"): only another past makes the day either side.
        past = any(label in (PAST, WEAK_PAST, NEAREST) and not _PERFECT_BEFORE.search(text, max(a, s_ - 16), s_)
                   and not _PERFECT.fullmatch(text, s_, e_) for s_, e_, label in kept)
        return NEAREST if past else FUTURE
    if opens(cues.get("eve_of"), text, a, start):  # "on the eve of Sunday's election, ... will hold"
        return best[1] if best else None
    if (plan := plan_reading(text, sentence, start, end, cues, past_in_sentence)) is not None:
        return FUTURE if plan == AHEAD else NEAREST  # "The vote, scheduled for Sunday, was postponed"
    if text.startswith(("'s", "\u2019s"), end) and NAMED_DAY.match(text, start):
        noun = happening_after(cues.get("happening"), text, end)
        forecast = cues.get("forecast")
        if noun is not None and (forecast is None or not forecast.match(text, noun)):
            return PAST  # "Saturday's quake will cost billions": nobody schedules a quake
        verb = _future_verb_of(text, kept, start, end) if best is not None and best[1] == FUTURE else None
        if verb is not None:
            # "Sunday's runoff will decide": the day's event is ahead. "will be" says as much of an
            # event ahead as of one done ("Friday's vote will be close", "Monday's attack will be
            # investigated"): the nearer day.
            return NEAREST if _BE_AFTER.match(text, verb) else FUTURE
        return PAST  # "Wednesday's ruling": a day whose event is already known
    if past_participle_before(cues.get("past_before"), text, a, start):
        return PAST
    if opens(cues.get("future_before"), text, a, start):
        # A past tense near the date ("filed reports by Wednesday") or alone in its sentence
        # ("did not reopen until March") keeps it in the past, but not a deadline given ("gave
        # them until Friday to respond").
        alone = not told.ahead and not _DEADLINE_AFTER.match(text, end) and not set_deadline(cues.get("deadline"), text, a, start)
        if best is not None and best[1] == NEAREST and any(label == NEAREST for _, _, label in kept):
            # A deadline seen from the past ("had hoped to agree by March") is either side; a plan
            # read so only for its past tense ("was adjourned until Monday") still looks ahead.
            return NEAREST
        if best is None or best[1] != PAST or (best[0] > 12 and not alone):
            return FUTURE
    if opens(cues.get("future_from"), text, a, start):
        since = _future_told_before(text, start, kept, told)
        if since is not None:
            return since
    if best is None and _said_after(text, end, sentence[1], cues.get("reporting")):
        return PAST  # "The minister, speaking on Thursday, said talks would go on": the day of saying
    if best is not None and best[1] == WEAK_PAST and not told.ahead and _verb_right_after(text, end, kept):
        return PAST  # "Talks in Geneva on April 2 ended without a deal": the verb of the date's own subject
    return best[1] if best else None


def _verb_right_after(text: str, end: int, kept: list[tuple[int, int, str]]) -> bool:
    """Whether an "-ed" form follows the expression with nothing but a space between: the verb of
    the phrase the date ends ("Talks on April 2 ended"), a past tense, not a participle before the
    date ("the offer, extended to Nov. 20")."""
    return any(label == WEAK_PAST and s_ >= end and not text[end:s_].strip() for s_, _, label in kept)


def _said_after(text: str, end: int, b: int, reporting: re.Pattern[str] | None) -> bool:
    """Whether a reporting verb in the past ("said", "announced"; not "says", "will be announced")
    follows the expression in its sentence and opens what was said: a date with no cue of its own
    before it is the day of saying ("The minister, speaking on Thursday, said talks would go on"),
    but not before an attribution that ends the sentence ("The vote on Friday is a test, analysts
    said.") or an aside ("..., officials said, ...")."""
    if reporting is None:
        return False
    m = reporting.search(text, end, min(b, end + _REACH))
    return (m is not None and _PAST_FORM.search(m.group()) is not None
            and not _NOT_PAST_BEFORE.search(text, max(0, m.start() - 12), m.start())
            and _SAID_WHAT.match(text, m.end(), b) is not None)


_PERFECT = re.compile(r"(?:has|have)(?: not|n't)? been", re.IGNORECASE)
_PERFECT_BEFORE = re.compile(r"\b(?:has|have)(?: not|n't)?(?: been)? $", re.IGNORECASE)
_PAST_FORM = re.compile(r"(?:ed|said|told|wrote|spoke)$", re.IGNORECASE)
_SAID_WHAT = re.compile(r"\s+[a-z]")  # a lower-case word follows: what was said, or to whom
_NOT_PAST_BEFORE = re.compile(r"\b(?:be|been|being|is|are|will|to|has|have)\s+$", re.IGNORECASE)


def _future_verb_of(text: str, kept: list[tuple[int, int, str]], start: int, end: int) -> int | None:
    """Where a future ("will", "is expected to"; not "would", told from the past) that is the verb of
    a possessive day's noun starts ("Friday's vote will ..."), in a clause without a past tense
    ("Saturday's quake killed 12 and will cost billions" has none); None when there is none. A future
    told before the day is another event's ("will review Monday's ruling")."""
    if any(label in (PAST, NEAREST) or (label in AHEAD_CUES and e_ <= start) for _, e_, label in kept):
        return None
    return next((s_ for s_, _, label in kept if label == FUTURE and _POSSESSIVE_SUBJECT.fullmatch(text, end, s_)),
                None)


# "'s vote ", "'s final round of ": the noun a possessive day opens, up to its verb.
_POSSESSIVE_SUBJECT = re.compile(r"(?:'s|\u2019s)(?:\s+[\w-]+){1,4}\s+")
_BE_AFTER = re.compile(r"(?:will|shall|'ll)\s+be\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Told:
    """What the cues kept around an expression say, taken together."""

    strong_past: bool  # a past tense, or a future seen from the past
    any_past: bool  # that, or an "-ed" form
    ahead: bool  # a future, a plan, a condition, or a future seen from the past
    past_before: bool  # a past tense (strong or weak) told before the expression
    ahead_before: bool  # a future, a plan or a future seen from the past told before the expression


def _told(kept: list[tuple[int, int, str]], start: int) -> _Told:
    strong_past = any(label in (PAST, NEAREST) for _, _, label in kept)
    return _Told(
        strong_past=strong_past,
        any_past=strong_past or any(label == WEAK_PAST for _, _, label in kept),
        ahead=any(label in AHEAD_CUES or label == NEAREST for _, _, label in kept),
        past_before=any(e_ <= start and label in (PAST, WEAK_PAST) for _, e_, label in kept),
        ahead_before=any(e_ <= start and (label in AHEAD_CUES or label == NEAREST) for _, e_, label in kept),
    )


def _nearest_cue(text: str, start: int, end: int, kept: list[tuple[int, int, str]], told: _Told,
                 reporting: re.Pattern[str] | None, said_after: bool = False,
                 anchor: re.Pattern[str] = _EARLIER_ANCHOR) -> tuple[int, str] | None:
    """(distance, direction) of the cue nearest to the expression that reaches it; a tie goes to PAST.

    `said_after`: what follows the expression is a "that" clause of something said (content_clause_after),
    whose future cues are its own.
    """
    best: tuple[int, str] | None = None
    for s_, e_, label in kept:
        if s_ >= end and (_stops_after(text, end, s_, label, told, reporting) or (said_after and label in AHEAD_CUES)):
            continue
        if s_ >= end and text.endswith(" for", s_, e_):
            continue  # "called an election for March 29" sets the date after it, none told before it
        if e_ <= start and label in AHEAD_CUES and _attribution_between(text, e_, start, reporting):
            continue
        if label == PROMISE and e_ <= start and (_OCCASION.search(text, e_, start) or anchor.search(text, e_, start)):
            continue  # "vowed to hold rallies at a news conference on Monday": the day it was vowed
        reading = _reading(label, s_ >= end, told)
        if reading is None:
            continue
        dist = start - e_ if e_ <= start else s_ - end
        if best is None or dist < best[0] or (dist == best[0] and reading == PAST):
            best = (dist, reading)
    return best


def _stops_after(text: str, end: int, s_: int, label: str, told: _Told, reporting: re.Pattern[str] | None) -> bool:
    """Whether a cue after the expression, at `s_`, belongs to something else than the expression."""
    if told.past_before and label in AHEAD_CUES and NEXT_CLAUSE.search(text, end, s_ + 1):
        # "had met him Tuesday and would meet him again Friday": the future after "and" is
        # the next clause's; the date keeps the past told before it. (Not the other way
        # round: "planned a rally on Saturday and were planning to" needs the cue after.)
        return True
    if told.ahead_before and label in (PAST, WEAK_PAST) and NEXT_CLAUSE.search(text, end, s_ + 1):
        # The other way round: "were expected to approve it on Monday, but the vote was delayed":
        # the past after "but" is the next clause's; the date keeps the plan told before it.
        return True
    if told.past_before and label == WEAK_FUTURE and text.startswith("to ", s_):
        # "travelled to Kinshasa on Sunday to meet officials": an infinitive after the date
        # says what the trip was for; the date is the past verb's told before it.
        return True
    if (told.ahead_before and label in (PAST, WEAK_PAST) and reporting is not None
            and text[end:s_].strip() == "," and reporting.match(text, s_)):
        # "Договор подпишут в марте, сообщил глава ГКНБ": the attribution's past is the saying's,
        # not the plan's told before the date.
        return True
    # "On Friday, officials said talks would resume": what was said is told after the
    # reporting verb; its future does not reach the day of saying before it.
    return label in AHEAD_CUES and _reported_between(text, end, s_, reporting)


def _attribution_between(text: str, a: int, b: int, reporting: re.Pattern[str] | None) -> bool:
    """Whether who said it stands between a cue ending at `a` and a date at `b` ("talks will resume
    Thursday, the minister said after a call on Tuesday"): the future is what was said, the date
    the saying's. Not an aside set off by commas ("will meet, officials said, on Friday")."""
    comma = text.find(",", a, b)
    return comma >= 0 and _reported_between(text, comma, b, reporting)


def _reading(label: str, after: bool, told: _Told) -> str | None:
    """The direction a cue gives the expression (None: it gives none), from where it stands."""
    if label == PROMISE:
        return None if after else REPORTED_FUTURE  # only the dates told after the promise
    if label == CONDITION:
        if after:
            return None  # "if", "unless": only the dates after it
        label = PRESENT_FUTURE
    if label == PRESENT_FUTURE:
        return None if told.strong_past else FUTURE
    if label == WEAK_FUTURE:
        # A plan or deadline told in the past tense was ahead then: now either side. An "-ed"
        # form counts here ("completed ... by the Tuesday deadline"): only "planned to",
        # a longer cue, hides its own "-ed".
        return NEAREST if told.any_past else FUTURE
    return label


def _complement_after(complementizer: re.Pattern[str] | None, text: str, end: int, told: _Told) -> bool:
    """Whether a complementizer right after the expression opens what a verb told in the past before
    it says: "ont averti l'Iran mardi qu'ils pourraient rétablir les sanctions" (Tuesday is past; the
    conditional is the warning's). `complementizer`: cues/complementizer.txt, none in English, whose
    "said on Monday that it will" other rules read."""
    if complementizer is None or not told.past_before:
        return False
    m = complementizer.search(text, end, end + 6)
    return m is not None and not text[end : m.start()].strip(" ,")


def _future_told_before(text: str, start: int, kept: list[tuple[int, int, str]], told: _Told) -> str | None:
    """"will join the bloc from January 1, the commission announced": the start of a period takes
    the future told before it in its clause, whatever is nearer after it."""
    for _, e_, label in kept:
        if e_ <= start and not NEXT_CLAUSE.search(text, e_, start):
            if label in (FUTURE, REPORTED_FUTURE) or (label == PRESENT_FUTURE and not told.strong_past):
                return REPORTED_FUTURE if label == REPORTED_FUTURE else FUTURE
    return None
