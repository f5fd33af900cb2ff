"""Lists of states each with its own date: "Frieden mit Israel: Ägypten 1979 und Jordanien 1994"."""

from __future__ import annotations

import bisect
import re

from timeline_app.core.models import DateMention, EntityKind, EntityMention

# Between one pair and the next: a comma or a short conjunction ("und", "and", "et", "y", "e", "و").
_PAIR_GAP = re.compile(r"[\s,]*(?:[^\W\d_]{1,3}\s*)?")


def own_state(text: str, d: DateMention, entities: list[EntityMention], starts: list[int],
              date_prepositions: frozenset[str]) -> EntityMention | None:
    """The state named right before date `d`, at most a date preposition between ("Ägypten 1979",
    "Egypt in 1979", "مصر عام 1979")."""
    k = bisect.bisect_left(starts, d.start) - 1
    if k < 0:
        return None
    e = entities[k]
    gap = text[e.end : d.start].strip().lower()
    if e.kind is not EntityKind.COUNTRY or not e.code or e.end > d.start or (gap and gap not in date_prepositions):
        return None
    return e


def paired_states(text: str, d: DateMention, dates: list[DateMention], entities: list[EntityMention], starts: list[int],
                  date_prepositions: frozenset[str]) -> tuple[str, frozenset[str]] | None:
    """(the state of `d`, the states of the other pairs) when `d` stands in a list of states each
    followed by its own date, else None: in "Ägypten 1979 und Jordanien 1994" 1979 is Egypt's, not Jordan's."""
    own = own_state(text, d, entities, starts, date_prepositions)
    if own is None:
        return None
    others = set()
    for x in dates:
        if x is d:
            continue
        theirs = own_state(text, x, entities, starts, date_prepositions)
        if theirs is None or theirs.code == own.code:
            continue
        first, second = (d, theirs) if d.end <= theirs.start else (x, own)
        if _PAIR_GAP.fullmatch(text, first.end, second.start):  # one pair right after the other
            others.add(theirs.code)
    return (own.code, frozenset(others)) if others else None
