"""Phrases that name an earlier event as a clause's background: "nach dem russischen Überfall auf die Ukraine"."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.models import DateMention, EntityKind, EntityMention
from timeline_app.core.tables import longest_first

# Words an adjective or two may put between the article and the event noun ("dem russischen Überfall").
_BEFORE_NOUN = 2
# Characters between the phrase and a date that dates the phrase's event: "auf die Ukraine im Februar 2022".
_DATE_GAP = 6
# The word after a date, a preposition of date_preposition before the place of the event ("à", "im", "en").
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)[ \t]+")


@dataclass(frozen=True)
class EarlierPatterns:
    """The opening of a phrase naming an earlier event (a temporal preposition, maybe an article and
    adjectives, an event noun), and the link to the state that event was done to ("auf die", "de l'")."""

    phrase: re.Pattern[str]
    link: re.Pattern[str]


@lru_cache(maxsize=8)
def earlier_patterns(table: CameoTable) -> EarlierPatterns | None:
    """The patterns of `table`'s clause_words.tsv (earlier_opener, earlier_noun, earlier_link), None
    for a language that lists none (English: its clauses are read as before)."""
    words = table.words
    openers, nouns = words.get("earlier_opener"), words.get("earlier_noun")
    if not openers or not nouns:
        return None

    def alternation(category: str) -> str:
        return longest_first(words.get(category, ())) or "(?!)"

    article = r"(?:(?:" + alternation("article") + r")(?:['\u2019]\s*|\s+))"  # "dem ", "l'"
    phrase = re.compile(r"\b(?:" + alternation("earlier_opener") + r")\s+" + article + r"?(?:[^\W\d_]+\s+){0,"
                        + str(_BEFORE_NOUN) + r"}?(?:" + alternation("earlier_noun") + r")[^\W\d_]*", re.IGNORECASE)
    link = re.compile(r"\s+(?:" + alternation("earlier_link") + r")(?:['\u2019]\s*|\s+)" + article + "?", re.IGNORECASE)
    return EarlierPatterns(phrase, link)


def earlier_phrases(text: str, span: tuple[int, int], patterns: EarlierPatterns, entities: list[EntityMention],
                    starts: list[int]) -> list[tuple[int, int]]:
    """The spans in text[span] of phrases naming an earlier event, each to the end of the states it names
    after its noun: "nach dem russischen Angriffskrieg gegen die Ukraine", "après l'invasion russe de l'Ukraine"."""
    out = []
    for m in patterns.phrase.finditer(text, *span):
        end = m.end()
        after = _entity_at(entities, starts, end + 1) if text[end : end + 1] == " " else None
        if after is not None and after.kind is EntityKind.COUNTRY:  # an adjective after its noun: "l'invasion russe"
            end = after.end
        for _ in range(2):  # the state it was done to, and the one that did it: "de l'Ukraine par la Russie"
            link = patterns.link.match(text, end)
            target = _entity_at(entities, starts, link.end()) if link else None
            if target is None or target.kind is not EntityKind.COUNTRY:
                break
            end = target.end
        out.append((m.start(), min(end, span[1])))
    return out


def _entity_at(entities: list[EntityMention], starts: list[int], offset: int) -> EntityMention | None:
    k = bisect.bisect_left(starts, offset)
    return entities[k] if k < len(entities) and starts[k] == offset else None


def states_in(entities: list[EntityMention], starts: list[int], a: int, b: int) -> frozenset[str]:
    """The states named (as states, adjectives or capitals) in text[a:b]."""
    named = entities[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]
    return frozenset(e.code for e in named if e.kind is EntityKind.COUNTRY and e.code and e.end <= b)


def dated_phrase(text: str, phrases: list[tuple[int, int]], d: DateMention, date_prepositions: frozenset[str],
                 entities: list[EntityMention] | None = None, starts: list[int] | None = None,
                 link: re.Pattern[str] | None = None) -> tuple[int, int] | None:
    """The phrase `d` dates: it follows the phrase, at most a preposition between ("Nach dem Angriff
    auf die Ukraine im Februar 2022 hatte Polen ...": February dates the attack, not Poland's act), or
    a link word ("le coup d'État de septembre 2022"). A place after the date and one of
    `date_prepositions` is the event's too: "après le coup d'État de septembre 2022 à Ouagadougou"."""
    for a, b in phrases:
        gap = text[b : d.start].strip().lower()
        linked = link is not None and gap and link.fullmatch(text, b, d.start) is not None
        if 0 <= d.start - b <= _DATE_GAP and (not gap or gap in date_prepositions or linked):
            at = _WORD_AFTER.match(text, d.end)
            place = (_entity_at(entities, starts, at.end()) if at and at.group(1).lower() in date_prepositions
                     and entities is not None and starts is not None else None)
            return (a, place.end) if place is not None and place.kind is EntityKind.COUNTRY else (a, b)
    return None


def without_earlier_events(text: str, span: tuple[int, int], d: DateMention, countries: set[str], patterns: EarlierPatterns,
                           entities: list[EntityMention], starts: list[int], date_prepositions: frozenset[str]) -> tuple[set[str], set[str] | None]:
    """`countries` of the clause text[span] less the states named only in a phrase naming an earlier event
    ("Im April 2022 hatte Österreich nach dem russischen Angriffskrieg gegen die Ukraine russische Diplomaten
    ausgewiesen": Austria and Russia); the phrase's states alone when `d` dates that phrase's event. Then
    also the clause's other states (the story goes on about them, not about that background), else None."""
    phrases = earlier_phrases(text, span, patterns, entities, starts)
    if not phrases:
        return countries, None
    inside = frozenset().union(*(states_in(entities, starts, a, b) for a, b in phrases))
    cuts = [span[0]] + [x for p in phrases for x in p] + [span[1]]
    outside = frozenset().union(*(states_in(entities, starts, cuts[k], cuts[k + 1]) for k in range(0, len(cuts), 2)))
    dated = dated_phrase(text, phrases, d, date_prepositions, entities, starts, patterns.link)
    if dated is not None:
        found = set(states_in(entities, starts, *dated))
        return (found, countries - (inside - outside)) if found else (countries, None)
    return countries - (inside - outside), None
