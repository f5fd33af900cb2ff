"""The tense cues of a sentence, and which of them stand in the clause of a date."""

from __future__ import annotations

import re

from timeline_app.core.temporal.happening import plural_noun

PAST = "past"
FUTURE = "future"
WEAK_PAST = "weak_past"  # only "-ed" forms near: past, unless the date is just ahead
WEAK_FUTURE = "weak_future"  # "deadline", "planned to": forward, or NEAREST in a past sentence
PRESENT_FUTURE = "present_future"  # "arrives", "meet": forward unless the sentence has a past tense
CONDITION = "condition"  # "if", "unless": as PRESENT_FUTURE, for the dates after it only
PROMISE = "promise"  # "vowed to hold": as REPORTED_FUTURE, for the dates after it only
REPORTED_FUTURE = "reported_future"  # "would": forward, from the day it was said when that is told
NEAREST = "nearest"  # "was due to", "had been set to": a future seen from the past, either way

_HAD = re.compile(r"\bhad\s+$", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:be|being|is|are)\s+$", re.IGNORECASE)
# A present form after a past "did" is its infinitive: "did not reopen until March" tells no schedule.
_DID = re.compile(r"\b(?:did|didn't|didn’t)\s+(?:not\s+|never\s+)?$", re.IGNORECASE)
# An "-ed" form right after an article, maybe with an adverb between, modifies a noun: "a still
# unspecified date", "the newly elected president" tell no tense.
_ATTRIBUTIVE = re.compile(r"\b(?:a|an|the)\s+(?:[a-z]+ly\s+|still\s+|yet\s+|as\s+yet\s+)?$", re.IGNORECASE)
# An "-ed" form right after "as" compares with a plan or a report, whatever the clause's tense: "will
# take place on Sunday as planned", "opens on Monday, not Tuesday as previously announced". Only one
# that ends its clause: "let the offensive begin as previously planned Saturday night" tells the plan's day.
_AS_PLANNED = re.compile(r"\bas\s+(?:[a-z]+ly\s+)?[a-z]+ed(?=\s*(?:[,.;:)\"'\u201d\u2019]|$))", re.IGNORECASE)
_STRENGTH = {FUTURE: 0, REPORTED_FUTURE: 0, PROMISE: 0, PAST: 0, NEAREST: 0, WEAK_FUTURE: 1, PRESENT_FUTURE: 1, CONDITION: 1, WEAK_PAST: 1}
AHEAD_CUES = frozenset([FUTURE, REPORTED_FUTURE, PRESENT_FUTURE, CONDITION, WEAK_FUTURE, PROMISE])
MAX_SENTENCE = 2000
# "and"/"but" before a lower-case word opens the next clause ("and would meet"), whereas "and"
# before a date joins dates ("Monday and Tuesday"); after a comma it opens a clause whatever its
# subject ("signed on Thursday, and Prabowo will take office").
NEXT_CLAUSE = re.compile(r"\b(?:and|but)\s+(?=[a-z])|,\s*(?:and|but)\s")
_CLAUSE_END = re.compile(r"[,;:()\u2014]|\s[-\u2013]\s")


def sentence_cues(
    text: str, sentence: tuple[int, int], cues: dict[str, re.Pattern[str]]
) -> list[tuple[int, int, str]]:
    """The tense cues of a sentence as (start, end, label), overlaps resolved longest first.

    Computed once a sentence and shared by its dates; a sentence longer than MAX_SENTENCE
    characters (no punctuation in sight) is cut, which keeps pathological texts linear.
    """
    a, b = sentence[0], min(sentence[1], sentence[0] + MAX_SENTENCE)
    found: list[tuple[int, int, str]] = []  # (start, end, label)
    as_planned = [m.span() for m in _AS_PLANNED.finditer(text, a, b)]
    for name, label in (
        ("future", FUTURE),
        ("future_reported", REPORTED_FUTURE),
        ("future_weak", WEAK_FUTURE),
        ("future_present", PRESENT_FUTURE),
        ("future_condition", CONDITION),
        ("future_promise", PROMISE),
        ("future_in_past", NEAREST),
        ("past", PAST),
        ("past_weak", WEAK_PAST),
    ):
        cue = cues.get(name)
        if cue is None:
            continue
        for m in cue.finditer(text, a, b):
            if label not in (FUTURE, REPORTED_FUTURE, PROMISE) and _PASSIVE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "will be held", "to be signed": a participle, not a past tense
            if label == PRESENT_FUTURE and plural_noun(text, a, m, cues.get("noun_before")):
                continue  # "agreed to restart regular visits": a noun, no present tense
            if label == PRESENT_FUTURE and _DID.search(text, max(0, m.start() - 16), m.start()):
                continue
            if label == WEAK_PAST and m.group().endswith("ed") and _ATTRIBUTIVE.search(
                text, max(0, m.start() - 24), m.start()
            ):
                continue
            if label in (PAST, WEAK_PAST) and any(lo <= m.start() and m.end() <= hi for lo, hi in as_planned):
                continue
            if label == WEAK_PAST and _HAD.search(text, max(0, m.start() - 5), m.start()):
                label = PAST  # "had captured the town by Friday": a pluperfect is no participle
            found.append((m.start(), m.end(), label))
    # Where cues overlap the longest one speaks: "had been due to" (past) over "due to" (future),
    # "scheduled to" (future) over "scheduled" (a weak past).
    found.sort(key=lambda f: (f[0] - f[1], _STRENGTH[f[2]]))
    kept: list[tuple[int, int, str]] = []
    for f in found:
        if not any(f[0] < k[1] and k[0] < f[1] for k in kept):
            kept.append(f)
    return kept


def same_clause(
    text: str, sentence: tuple[int, int], start: int, found: list[tuple[int, int, str]], opener: re.Pattern[str] | None
) -> list[tuple[int, int, str]]:
    """The cues of the clause the expression at `start` stands in, as far as relative clauses go.

    A relative clause has its own tense: in "he said he would speak about the deal, which Moscow
    quit on Monday" the "would" does not reach Monday, and in "the president, who will visit Kyiv
    on Friday, met the premier on Tuesday" the clause's "will" does not reach Tuesday.
    """
    if opener is None or not found:
        return found
    a, b = sentence[0], min(sentence[1], sentence[0] + MAX_SENTENCE)
    spans = []
    for m in opener.finditer(text, a, b):
        stop = _CLAUSE_END.search(text, m.end(), b)
        spans.append((m.start(), stop.start() if stop else b))
    if not spans:
        return found
    inside = [s for s in spans if s[0] <= start < s[1]]
    if inside:
        lo, hi = max(s[0] for s in inside), min(s[1] for s in inside)
        own = [f for f in found if lo <= f[0] and f[1] <= hi]
        # A clause without cues of its own shares the tense of the clause it hangs on, told
        # before it ("will sign the accord, which takes effect Jan. 1"); not what comes after it
        # ("Russia, which quit the deal on Monday, said it would return next week"), nor a future
        # told from the past ("would"), nor the present verb of another event ("would meet
        # Biden, who hit back on Monday").
        return own or [f for f in found if f[1] <= lo and f[2] not in (REPORTED_FUTURE, PRESENT_FUTURE, CONDITION)]
    return [f for f in found if not any(s[0] <= f[0] < s[1] for s in spans)]


def own_conjunct(text: str, a: int, start: int, kept: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The cues from the last "and"/"but" opening a clause before the date on, if that clause has a cue
    before the date: "had its second reading on Tuesday and goes to committee after Easter"."""
    opener = next(reversed(list(NEXT_CLAUSE.finditer(text, a, start))), None)
    if opener is None or not any(opener.end() <= s_ and e_ <= start for s_, e_, _ in kept):
        return kept
    return [f for f in kept if f[0] >= opener.start()]
