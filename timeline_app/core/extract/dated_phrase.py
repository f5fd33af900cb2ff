"""The phrase a date modifies inside its clause: an event noun, a participle or a relative clause."""

from __future__ import annotations

import re
from collections.abc import Iterator

from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.extract.scope import attributive
from timeline_app.core.models import DateMention

Span = tuple[int, int]
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_AGENT_MOST = 4  # words of a "by ..." agent between a participle and its date ("by Iranian naval forces")
_NOUN_MOST = 3  # words of an event noun ("peace deal", "free trade agreement")


class DatedPhrase:
    """Where the type of a dated mention is read before its whole clause: "the tanker, seized by Iran on
    5 November" is the seizure's date, not that of the sanctions the sentence is about; "Chile, to which it
    lost its coast in a war in 1879" dates the war; "the war of 1879" and "the 2015 deal" date their noun.
    English only (clause_words.tsv: irregular_participle, announcing_participle, auxiliary, relative_*); a
    table read with another language's triggers has none of these and its clauses keep their main verb."""

    def __init__(self, table: CameoTable) -> None:
        words = table.words
        self.on = table.triggers is None
        self.verbs = table.verbs
        self.nouns = table.nouns
        self.irregular = words.get("irregular_participle", frozenset())
        self.announcing = words.get("announcing_participle", frozenset()) | words.get("reporting", frozenset())
        self.auxiliaries = words.get("auxiliary", frozenset()) | words.get("progressive_auxiliary", frozenset())
        self.prepositions = words.get("date_preposition", frozenset()) | frozenset({"of", "during", "since", "until"})
        self.relatives = (words.get("relative_person", frozenset()) | words.get("relative_thing", frozenset())
                          | words.get("complementizer", frozenset()))

    def spans(self, text: str, span: Span, d: DateMention) -> Iterator[Span]:
        """The phrases of clause `span` that date `d` modifies, the closest first: the event noun it is
        attached to, the past participle right before it, the relative clause that holds it. A phrase
        ends with the date: what follows ("... on Tuesday on firms accused of supplying drones") is
        about its objects."""
        if not self.on or not span[0] <= d.start < d.end <= span[1]:
            return
        before = list(_WORD.finditer(text, span[0], d.start))
        after = list(_WORD.finditer(text, d.end, span[1]))
        low = [m.group().lower() for m in before]
        # "the war of 1879": a noun the date belongs to; not "condemned the attack on Monday", where
        # "on Monday" may as well date the condemnation
        if len(low) >= 2 and low[-1] == "of" and (noun := self._noun_before(low, len(low) - 1)) is not None:
            yield before[noun].start(), before[-2].end()
        # "the 2015 deal", "Iran's 2015 nuclear deal": the date stands before its noun
        following = tuple(m.group().lower() for m in after[:_NOUN_MOST])
        for n in range(len(following), 0, -1):
            if following[:n] in self.nouns and attributive(text, d.start) and not text[d.end : after[0].start()].strip():
                yield after[0].start(), after[n - 1].end()
                break
        participle = self._participle(text, before, low)
        if participle is not None:
            # With the event noun it qualifies: "the sanctions imposed on Wednesday" are the sanctions.
            noun = self._noun_before(low, participle)
            yield before[participle if noun is None else noun].start(), d.end
        relative = next((k for k in range(len(low) - 1, -1, -1) if low[k] in self.relatives), None)
        if relative is not None and relative > 0:
            # "the sanctions that the US imposed on Tuesday": the noun the clause qualifies is the event,
            # the clause says who did it; else its own verb ("Chile, which seized its coast in 1879").
            set_off = "," in text[before[relative - 1].end() : before[relative].start()]
            noun = None if set_off else self._noun_before(low, relative)
            yield before[relative if noun is None else noun].start(), d.end

    def _noun_before(self, low: list[str], k: int) -> int | None:
        """Where the event noun ending right before word `k` starts, if one does ("peace deal signed")."""
        return next((k - n for n in range(_NOUN_MOST, 0, -1) if k >= n and tuple(low[k - n : k]) in self.nouns), None)

    def _participle(self, text: str, before: list[re.Match[str]], low: list[str]) -> int | None:
        """The index in `low` (the words before the date) of the past participle the date's phrase follows:
        "the tanker, seized by Iran on", "a ship detained by Iran on", "sanctions imposed on". Not a finite
        verb ("Thailand agreed on Monday to a ceasefire", "has decided today"): it is the clause's own, and
        its object comes after the date. Not one that announces ("the expulsion announced yesterday"): the
        date is the act's, which the clause's noun names."""
        k = len(low) - 1
        if k >= 0 and low[k] in self.prepositions:
            k -= 1
        end = k
        while k >= 0 and end - k <= _AGENT_MOST and low[k] != "by":
            k -= 1
        agent = k >= 1 and low[k] == "by" and end > k
        k = k - 1 if agent else end
        if k < 1 or low[k] not in self.verbs or low[k] in self.announcing or low[k - 1] in self.auxiliaries:
            return None
        if not (low[k].endswith("ed") or low[k] in self.irregular):
            return None
        set_off = "," in text[before[k - 1].end() : before[k].start()]
        return k if agent or set_off or self._noun_before(low, k) is not None else None
