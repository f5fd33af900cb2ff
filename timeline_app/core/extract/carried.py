"""A subject carried over from the sentence before: "Sie traf dort am Donnerstag", "Foi recebido ontem", "Сегодня он"."""

from __future__ import annotations

import bisect
import re

from timeline_app.core.models import DateMention, EntityKind, EntityMention, EntityRole
from timeline_app.core.tables import longest_first

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_DEPTH = 3  # how many sentences a chain of carried subjects reaches back ("Il ... Elle ... Elle ...")
_STEM = 4  # the shortest word an ending makes a verb of ("Aseguró", "Chegou"; not "Seu", "Meu")
_SUBJECT_LEAD = 12  # the most words before the person or state that opens a sentence as its subject

Span = tuple[int, int]


class CarriedSubject:
    """The words of a language's clause_words.tsv that open a sentence without naming its subject: a personal
    pronoun (carried_subject: "il", "sie", "он"), but not one whose verb is plural (carried_subject_plural_ending:
    German "Sie trafen"); or, where the subject may be dropped, a finite verb (a form of the language's verbs or one
    ending in dropped_subject_ending: "Justificó", "Reuniu-se"), after object pronouns (dropped_subject_clitic:
    "Lo había anunciado"). Such a sentence's subject is the one the sentence before opens with. A language
    without those words (English) carries nothing here. One instance reads one text: its sentences, dates and names."""

    def __init__(self, words: dict[str, frozenset[str]], verbs: frozenset[str], text: str, sentences: list[Span],
                 dated: list[DateMention], entities: list[EntityMention], starts: list[int]) -> None:
        self._text, self._sentences, self._dated, self._entities, self._starts = text, sentences, dated, entities, starts
        pronouns = words.get("carried_subject")
        self._pronoun = re.compile(r"(?:" + longest_first(pronouns) + r")(?!\w)", re.IGNORECASE) if pronouns else None
        self._plural = tuple(words.get("carried_subject_plural_ending", ()))
        self._endings = tuple(words.get("dropped_subject_ending", ()))
        self._clitics = words.get("dropped_subject_clitic", frozenset())
        self._verbs = verbs if self._endings else frozenset()
        self._that = words.get("complementizer", frozenset())

    @property
    def active(self) -> bool:
        return self._pronoun is not None or bool(self._endings)

    def opens(self, sent: Span) -> str | None:
        """The pronoun (lower case) or, for a verb, "" that opens the sentence `sent` after a date of its own
        ("Jeudi, elle"); None when it opens otherwise."""
        text, entities, starts = self._text, self._entities, self._starts
        at = sent[0]
        first = next((x for x in self._dated if x.start == at), None)
        if first is not None:
            at = first.end
            while at < sent[1] and text[at] in ", ":
                at += 1
        k = bisect.bisect_left(starts, at)
        if k < len(entities) and entities[k].start == at:
            return None  # "Ele", "Sie" may begin a name the gazetteer knows
        if self._pronoun is not None and (m := self._pronoun.match(text, at)):
            verb = _WORD.search(text, m.end(), sent[1])
            plural = self._plural and verb is not None and verb.group().lower().endswith(self._plural)
            return None if plural else m.group().lower()
        if not self._endings or (first is None and not text[at : at + 1].isupper()):
            return None
        for word in _WORD.finditer(text, at, min(sent[1], at + 60)):
            w = word.group().lower()
            if w in self._clitics:
                continue
            head = w.split("-")[0]  # "reuniu-se"
            verb = head in self._verbs or (len(head) >= _STEM and head.endswith(self._endings))
            return "" if verb else None
        return None

    def state(self, sent: Span, d: DateMention) -> frozenset[str]:
        """The state of the subject `sent` carries over to the date `d`: that of the person or state the sentence
        before opens with, or the one that sentence carries in turn; none when `sent` names its own subject, or
        when `d` stands in a reported clause with a subject of its own ("Il a rappelé que l'Union européenne
        avait adopté le 25 février")."""
        k = bisect.bisect_left(self._sentences, sent)
        if not self.active or k >= len(self._sentences) or self._own_subject(sent[0], d.start):
            return frozenset()
        opener = self.opens(sent)
        for depth in range(1, _DEPTH + 1):
            if opener is None or k - depth < 0:
                return frozenset()
            before = self._sentences[k - depth]
            previous = self.opens(before)
            if previous is None:
                return _opening_subject(self._text, before, self._entities, self._starts)
            if previous != opener:
                return frozenset()  # "Sie traf ... Sikorski. Er hatte ...": another person than hers
            # "Elle a été reçue mercredi ... Jeudi, elle a signé ...": one subject all along
        return frozenset()

    def _own_subject(self, start: int, at: int) -> bool:
        """Whether a person, state or organisation is named between the last complementizer before `at` and `at`."""
        that = [w.end() for w in _WORD.finditer(self._text, start, at) if w.group().lower() in self._that]
        if not that:
            return False
        named = self._entities[bisect.bisect_left(self._starts, that[-1]) : bisect.bisect_left(self._starts, at)]
        return any(e.role is EntityRole.ACTOR for e in named)


def _opening_subject(text: str, sent: Span, entities: list[EntityMention], starts: list[int]) -> frozenset[str]:
    """The state of the first person or acting state of `sent`, when few words stand before it ("O Presidente da
    República, Filipe Nyusi, chegou", "Außenministerin Annalena Baerbock flog")."""
    for e in entities[bisect.bisect_left(starts, sent[0]) : bisect.bisect_left(starts, sent[1])]:
        if e.code and (e.kind is EntityKind.PERSON or (e.kind is EntityKind.COUNTRY and e.role is EntityRole.ACTOR)):
            lead = _WORD.findall(text, sent[0], e.start)
            return frozenset({e.code}) if len(lead) <= _SUBJECT_LEAD else frozenset()
    return frozenset()
