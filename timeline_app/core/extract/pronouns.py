""""It" and "Its" opening a sentence for the state the sentence before opened with: "Nauru had done the same. It recognised Beijing in 2002"."""

from __future__ import annotations

import bisect
import re

from timeline_app.core.models import EntityKind, EntityMention, EntityRole
from timeline_app.core.tables import longest_first

_WORD = re.compile(r"[^\W\d_]+")
_SUBJECT_LEAD = frozenset({"", "the"})  # what may stand before a state opening its sentence ("The Gambia")


class SentencePronoun:
    """The words of clause_words.tsv that say a sentence opens with a pronoun for a state: state_pronoun
    and a verb that is not one of state_pronoun_copula ("It closed", "It has also held talks"; not "It was
    the first time", "It has been years"), or state_possessive and a state_organ ("Its government")."""

    def __init__(self, words: dict[str, frozenset[str]], verbs: frozenset[str]) -> None:
        pronouns, owners, organs = words.get("state_pronoun"), words.get("state_possessive"), words.get("state_organ")
        self._subject = re.compile(r"(?:" + longest_first(pronouns) + r")\s+", re.IGNORECASE) if pronouns else None
        self._owner = (re.compile(r"(?:" + longest_first(owners) + r")\s+(?:" + longest_first(organs) + r")\b", re.IGNORECASE)
                       if owners and organs else None)
        self._copula = words.get("state_pronoun_copula", frozenset())
        self._auxiliary = words.get("auxiliary", frozenset())
        self._verbs = verbs

    def opens(self, text: str, at: int) -> bool:
        """Whether the sentence starting at `at` opens with such a pronoun, capitalised."""
        if not text[at : at + 1].isupper():
            return False
        if self._owner is not None and self._owner.match(text, at):
            return True
        m = self._subject.match(text, at) if self._subject is not None else None
        if m is None:
            return False
        for word in (w.group().lower() for w in _WORD.finditer(text, m.end(), m.end() + 40)):
            if word in self._copula or word not in self._verbs:
                return False
            if word not in self._auxiliary:
                return True  # "It closed", "It has also held": the first verb that is no auxiliary
        return False

    def state(self, text: str, sentences: list[tuple[int, int]], sent: tuple[int, int], entities: list[EntityMention],
              starts: list[int]) -> frozenset[str]:
        """The state the sentence before `sent` opens with as its subject, when `sent` opens with such a pronoun."""
        k = bisect.bisect_left(sentences, sent)
        if k == 0 or not self.opens(text, sent[0]):
            return frozenset()
        before = sentences[k - 1]
        j = bisect.bisect_left(starts, before[0])
        if j >= len(entities) or entities[j].start >= before[1]:
            return frozenset()
        first = entities[j]
        lead = text[before[0] : first.start].strip().lower()
        if first.kind is not EntityKind.COUNTRY or first.role is not EntityRole.ACTOR or lead not in _SUBJECT_LEAD:
            return frozenset()
        return frozenset({first.code})
