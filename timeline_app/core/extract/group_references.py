"""Words that stand for a group of earlier parties: "the two", "both countries", "the ministers", a joint statement's own."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from timeline_app.core.models import EntityKind, EntityMention, EntityRole
from timeline_app.core.tables import longest_first

# Remembered events with two or more parties that a role word ("the ministers") may point back to.
_GROUP_MEMORY = 12


def most_named(codes: frozenset[str], before: list[EntityMention], k: int) -> frozenset[str]:
    """The k codes of `codes` named most often as parties in `before` (ties: the one named first)."""
    count: dict[str, int] = {}
    first: dict[str, int] = {}
    for e in before:
        if e.code in codes and e.role is EntityRole.ACTOR and e.kind is not EntityKind.GROUP:
            count[e.code] = count.get(e.code, 0) + 1
            first.setdefault(e.code, e.start)
    ranked = sorted(codes, key=lambda c: (-count.get(c, 0), first.get(c, 1 << 60), c))
    return frozenset(ranked[:k])


def the_group(antecedent: frozenset[str], size: int, named: list[EntityMention], sentence: int,
              same_paragraph: bool) -> frozenset[str]:
    """The `size` states that "the two", "both countries" or "the three countries" stand for.

    `antecedent` is the event the phrase follows; `named` the entities before the phrase, the first
    `sentence` of them before its sentence. The sides are named before the sentence: a speaker in it is
    no side ("Erdogan told reporters that the two sides ..."), unless only the sentence names enough
    ("the deal concluded with the UK takes effect once both parliaments approve it", said by the other
    side's spokesman).
    """
    group = _group_among(antecedent, size, named[:sentence], same_paragraph)
    return group if len(group) >= size else _group_among(antecedent, size, named, same_paragraph)


def _group_among(antecedent: frozenset[str], size: int, before: list[EntityMention], same_paragraph: bool) -> frozenset[str]:
    """The group from the entities `before` the phrase. An antecedent larger than `size`: its states
    named most. Smaller ("the three countries" after "Egypt said talks with Ethiopia and Sudan failed"): the states the
    article names most. A pair from an earlier paragraph that shares one state with the pair the
    article names most was a side event ("Washington backs Riyadh." then a paragraph "the two have
    backed opposing sides" is Iran and Saudi Arabia): the article's pair. In the same paragraph the
    pair just named is meant ("Vietnam and the Philippines signed a pact. Both have protested").
    """
    if len(antecedent) > size:
        return most_named(antecedent, before, size)
    named = frozenset(e.code for e in before if e.role is EntityRole.ACTOR and e.code and e.kind is EntityKind.COUNTRY)
    top = most_named(named, before, size)
    if len(antecedent) < size and len(top) == size:
        return top
    if size == 2 and not same_paragraph and len(top) == 2 and len(antecedent & top) == 1:
        return top
    return antecedent


@dataclass
class GroupMemory:
    """The last events with two or more parties, with their sentences, for "the ministers will meet again"."""

    leaders: re.Pattern[str]
    roles: frozenset[str]  # heads that name a role: "minister", "leader", "talk"
    leader_words: frozenset[str] = frozenset({"leader"})  # the roles that `leaders` finds in other words
    events: list[tuple[frozenset[str], str]] = field(default_factory=list)

    def add(self, parties: frozenset[str], sentence: str) -> None:
        self.events.append((parties, sentence.lower()))
        del self.events[:-_GROUP_MEMORY]

    def last(self) -> frozenset[str]:
        return self.events[-1][0] if self.events else frozenset()

    def last_of_size(self, size: int) -> frozenset[str]:
        """The parties of the last remembered event with exactly `size` of them: "the three countries" after
        a pair's side event are the three named together before it, not the three the article names most."""
        return next((parties for parties, _s in reversed(self.events) if len(parties) == size), frozenset())

    def by_role(self, phrase: str) -> frozenset[str]:
        """The parties of the last group event whose sentence names what `phrase` refers to.

        "the ministers" -> the last event with ministers, "the leaders" -> with a leader or a
        president, "the talks" -> with talks. Empty when none of the remembered events does.
        """
        head = phrase.lower().split()[-1]
        stem = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
        if stem not in self.roles:
            # Other plurals: the role the word begins with ("министры" -> "министр").
            stem = next((r for r in self.roles if head.startswith(r)), "")
        if not stem:  # "both sides", "the two countries": no role to look for
            return frozenset()
        for parties, sentence in reversed(self.events):
            if stem in sentence or (stem in self.leader_words and self.leaders.search(sentence)):
                return parties
        return frozenset()


class JointOwn:
    """A statement of two or more states speaks of its issuers without naming them: their own format in a
    clause that names no state ("The next summit will be held in Kampala", clause_words issuers_meeting), or
    "the" + their number + one of issuers_group ("The three Heads of State met at Arusha")."""

    def __init__(self, words: dict[str, frozenset[str]], counts: dict[str, int]) -> None:
        meeting, group = words.get("issuers_meeting"), words.get("issuers_group")
        self._meeting = re.compile(r"\b(?:" + longest_first(meeting) + r")\b", re.IGNORECASE) if meeting else None
        self._group = re.compile(r"\bthe\s+(\w+)\s+(?:" + longest_first(group) + r")\b", re.IGNORECASE) if group else None
        self._counts = counts

    def refers(self, clause: str, issuers: frozenset[str], named: bool) -> bool:
        """True when `clause` (naming states when `named`) speaks of `issuers` as above."""
        if len(issuers) < 2:
            return False
        if not named and self._meeting is not None and self._meeting.search(clause):
            return True
        m = self._group.search(clause) if self._group is not None else None
        return m is not None and self._counts.get(m.group(1).lower()) == len(issuers)

    def next_of_series(self, clause: str, named: bool) -> bool:
        """True when `clause` names no state and opens with one of issuers_meeting: the next meeting of a series
        ("The next round will be held in La Paz in November"), whose parties are those of the last event of two
        or more; not "Antigua will host the next meeting", which names its party."""
        return not named and self._meeting is not None and self._meeting.match(clause) is not None
