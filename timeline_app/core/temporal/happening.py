"""Nouns next to a date: what a possessive weekday opens ("Saturday's quake"), a plural that is no verb ("regular visits")."""

from __future__ import annotations

import re

# "'s ": what opens the noun of a possessive day.
_POSSESSIVE_HEAD = re.compile(r"(?:'s|\u2019s)\s+")
_WORD = re.compile(r"[a-z][\w-]*", re.IGNORECASE)
# The words that end a noun phrase's head: what follows them is the noun's complement.
_PREPOSITION = re.compile(r"on|of|in|for|at|over|about|against|by|to|with|and|or|will|would|was|is", re.IGNORECASE)


def happening_after(happening: re.Pattern[str] | None, text: str, end: int) -> int | None:
    """Where the noun a possessive day opens, maybe after an adjective or two, starts when it is
    something nobody schedules ("Saturday's deadly quake"): cues/happening.txt; else None."""
    m = _POSSESSIVE_HEAD.match(text, end) if happening is not None else None
    if m is None or happening is None:
        return None
    for w in list(_WORD.finditer(text, m.end(), m.end() + 60))[:3]:
        if _PREPOSITION.fullmatch(w.group()):
            return None  # "Saturday's vote on fire safety": the noun came before
        h = happening.match(text, w.start())
        if h is not None and not text.startswith("-", h.end()):  # "Friday's fire-safety vote" opens a vote
            return w.start()
    return None


def plural_noun(text: str, a: int, m: re.Match[str], noun_before: re.Pattern[str] | None) -> bool:
    """Whether the cue `m`, a word ending in -s, is a plural noun: a determiner or an adjective of
    cues/noun_before.txt stands right before it ("regular visits", "his returns")."""
    if noun_before is None or not m.group().lower().endswith("s"):
        return False
    before = text[max(a, m.start() - 20) : m.start()].split()
    return bool(before) and noun_before.fullmatch(before[-1]) is not None
