"""A state that a clause says took no part ("n'a pas pris part", "no ha participado", "لم تشارك"): no party of what it missed."""

from __future__ import annotations

import bisect
import re

from timeline_app.core.extract.scope import phrases_pattern
from timeline_app.core.models import DateMention, EntityKind, EntityMention

_SUBJECT_WORDS = 2  # words at most before a sentence's subject: "Le Tchad", "O Ruanda", "Auch Ungarn"

Span = tuple[int, int]


class AbsentParty:
    """The phrases of clause_words.tsv category `absent` (a language without it has none): the state whose
    clause denies that it took part is no party of the event dated after the phrase, in "Le Tchad, riverain
    du lac, n'a pas pris part aux discussions de jeudi" no party of Thursday's talks."""

    def __init__(self, words: dict[str, frozenset[str]]) -> None:
        phrases = words.get("absent", frozenset())
        self.pattern = re.compile(phrases_pattern(phrases), re.IGNORECASE) if phrases else None

    def states(self, text: str, sent: Span, d: DateMention, entities: list[EntityMention],
               starts: list[int]) -> frozenset[str]:
        """The states that sentence `sent` says took no part in what follows the phrase up to date `d`: the
        subject opening the sentence, before the phrase, or the state right after it ("ولم تشارك الإمارات
        في اجتماع الأربعاء", a verb first). A date before the phrase is not what the state missed ("O
        Ruanda, que mantém militares desde julho de 2021, não participou")."""
        if self.pattern is None:
            return frozenset()
        named = [e for e in entities[bisect.bisect_left(starts, sent[0]) : bisect.bisect_left(starts, d.start)]
                 if e.kind is EntityKind.COUNTRY and e.code]
        out: set[str] = set()
        for m in self.pattern.finditer(text, sent[0], d.start):
            after = next((e for e in named if e.start >= m.end()), None)
            if after is not None and not text[m.end() : after.start].strip():
                out.add(after.code)
            first = next((e for e in named if e.start < m.start()), None)
            if first is not None and len(text[sent[0] : first.start].split()) <= _SUBJECT_WORDS:
                out.add(first.code)
        return frozenset(out)
