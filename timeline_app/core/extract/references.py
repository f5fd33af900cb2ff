"""Words that point back to earlier parties: "he", "its army", "there", a shared subject, a reaction to a decision."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.models import EntityKind, EntityMention, EntityRole
from timeline_app.core.tables import longest_first

# How far back a pronoun looks for the person it stands for: about two sentences of news.
_PRONOUN_REACH = 400

Actors = Callable[[int, int], frozenset[str]]  # the states taking part in text[a:b]
# CAMEO codes of saying, appealing, praising, disapproving and rejecting: a clause of one of them
# speaks of the event its noun names.
_SPEAKING = ("01", "02", "051", "11", "12")
# Sentences read back for the states of an event told without a date.
_UNDATED_BACK = 4
# How far back "there" looks for the place it stands for: about two sentences of news.
_PLACE_REACH = 400


def named_before(offset: int, end: int, at: int, entities: list[EntityMention], starts: list[int]) -> bool:
    """True when text[offset:end] names a person or a state before position `at`."""
    lo = bisect.bisect_left(starts, offset)
    hi = bisect.bisect_left(starts, end)
    named = [e for e in entities[lo:hi] if e.kind is EntityKind.PERSON or (e.role is EntityRole.ACTOR and e.code)]
    return bool(named) and named[0].start < at


# Characters around a title in which its person, adjective or genitive state stands.
_TITLE_NEAR = 30
# Characters between two states of one noun phrase: a space, or a space and a fused "و".
_RUN_GAP = 2


def antecedent_state(entities: list[EntityMention], starts: list[int], end: int, named: bool = False) -> frozenset[str]:
    """The state compared right before a ", which" that ends a clause at `end`: what the relative clause
    tells is that state's own event ("Ukraine, unlike Finland, which joined NATO in 2023": Finland
    joined). Any other name there leaves "which" to the clause ("Russia's invasion of Ukraine, which
    began in February": the invasion began). With `named`, a state in any role right before the
    relative: Arabic writes it without a comma, right after its noun ("للحكومة الصومالية التي انتُخب")."""
    k = bisect.bisect_left(starts, end) - 1
    while k >= 0 and entities[k].end > end:
        k -= 1
    if k < 0 or entities[k].end != end or entities[k].kind is not EntityKind.COUNTRY or not entities[k].code:
        return frozenset()
    if not named:
        return frozenset({entities[k].code}) if entities[k].role is EntityRole.MODIFIER else frozenset()
    # The whole run of states that ends there: "القمة الثلاثية العراقية المصرية الأردنية التي", "بين السعودية وإيران التي".
    found = {entities[k].code}
    while k > 0 and entities[k - 1].kind is EntityKind.COUNTRY and entities[k - 1].code and entities[k].start - entities[k - 1].end <= _RUN_GAP:
        k -= 1
        found.add(entities[k].code)
    return frozenset(found)


def only_groups(entities: list[EntityMention], starts: list[int], span: tuple[int, int]) -> bool:
    """True when the parties named in text[span] are groups only, no state by its own name or a person's."""
    named = entities[bisect.bisect_left(starts, span[0]) : bisect.bisect_left(starts, span[1])]
    parties = [e for e in named if e.role is EntityRole.ACTOR and e.code]
    return bool(parties) and all(e.kind is EntityKind.GROUP for e in parties)


def they_are_unnamed(
    sentences: list[tuple[int, int]], sent: tuple[int, int], text: str, entities: list[EntityMention], starts: list[int], group_ref: re.Pattern[str]
) -> bool:
    """True when "they" opening `sent` stands for the people of the sentence before, who are no state.

    "Thousands of protesters filled the square. They had gathered on Saturday": the protesters, not
    the last pair of states. A sentence before that names a state or a person, or refers to a group
    event itself ("The talks lasted hours. They agreed ..."), leaves "they" to the parties.
    """
    k = bisect.bisect_left(sentences, sent)
    if k == 0 or k >= len(sentences) or sentences[k] != sent:
        return False
    a, b = sentences[k - 1]
    named = entities[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]
    if any(e.kind is EntityKind.PERSON or e.role is EntityRole.ACTOR for e in named):
        return False
    return group_ref.search(text[a:b]) is None


def last_person_state(text: str, entities: list[EntityMention], starts: list[int], offset: int,
                      new_subject: re.Pattern[str]) -> frozenset[str]:
    """The state of the last person named shortly before `offset` ("Orban threatened ... He met"), if any.

    `new_subject` finds a new subject between two names: a sentence end ("... in Paris. France said
    ...") or a coordinated clause ("Orban spoke, and then Austria objected"). Abbreviations such as
    "U.S." before a capital are taken as ends too; the cost is a pronoun left unresolved.

    A state named after that person in their own clause does not stand in the way ("Erdogan said
    Turkey was ready. He visited ..." is Erdogan); one named as a new subject does ("Orban spoke
    to Macron. France said he ...", "Orban spoke, and then Austria objected. He ..." are unclear).
    """
    k = bisect.bisect_left(starts, offset) - 1
    state_at = -1  # start of the state named last before `offset`
    while k >= 0 and entities[k].start >= offset - _PRONOUN_REACH:
        e = entities[k]
        if e.kind is EntityKind.PERSON:
            if state_at >= 0 and new_subject.search(text, e.end, state_at):
                return frozenset()
            return frozenset({e.code}) if e.code else frozenset()
        if e.role is EntityRole.ACTOR and e.kind is EntityKind.COUNTRY and state_at < 0:
            state_at = e.start
        k -= 1
    return frozenset()


def subject_states(
    text: str, span: tuple[int, int], verbs: frozenset[str], actors: Actors, pronoun: re.Pattern[str], pronoun_states: Actors,
    lower_word: re.Pattern[str],
) -> frozenset[str]:
    """The states of a clause's subject: the parties named before its first verb (a `lower_word` of
    `verbs`), or what its opening "he" stands for."""
    a, b = span
    limit = next((m.start() for m in lower_word.finditer(text[a:b]) if m.group() in verbs), b - a)
    found = actors(a, a + limit)
    if not found and pronoun.match(text, a):
        found = pronoun_states(a, b)
    return found


def event_antecedent(before: str, nouns: frozenset[str]) -> str:
    """The event noun that ends the clause before a relative pronoun ("no ha participado en las negociaciones,
    que ...", "war an den Gesprächen, die ..."): a form of a noun of event_reference, else ""."""
    words = before.rstrip(" ,").split()
    last = words[-1].lower() if words else ""
    return last if any(len(n) > 4 and last.startswith(n[:-1]) for n in nouns) else ""


def speaks_of_event(table: CameoTable, clause: str, noun: re.Match[str]) -> bool:
    """True when `noun`, a group reference in `clause` (the date blanked out), names an event rather than
    its parties (event_reference) and the clause, less that noun, says or reacts or has no type:
    "X welcomed the agreement" speaks of it, "X signed the agreement" takes part in it."""
    if " ".join(noun.group().lower().split()) not in table.words.get("event_reference", frozenset()):
        return False
    rest = clause[: noun.start()] + " " * (noun.end() - noun.start()) + clause[noun.end() :]
    etype = table.classify(rest)
    return etype is None or etype.code.startswith(_SPEAKING)


@dataclass(frozen=True)
class DecisionReaction:
    """A clause that reacts to a decision named by its noun alone ("Kigali a qualifié vendredi la décision de
    « regrettable »", "lamentó ayer la decisión", "назвала в четверг это решение провокацией"): a reaction to
    an act is one to the states that took it, so the decision's parties are the reaction's too: those of the
    event told just before when it names a state the clause does not, else of the last event with two or more.
    Disapproval and naming only: the sets' gold gives a welcome ("a salué la décision") to the welcoming state.
    The verbs (decision_reaction, stems) and nouns (decision_reference, with an article or demonstrative:
    "свое решение", the speaker's own, is none) are each language's clause_words; a language without them
    has no such rule (English: "X called the decision a mistake" is X's alone in its gold)."""

    verb: re.Pattern[str] | None
    noun: re.Pattern[str] | None

    @classmethod
    def of(cls, table: CameoTable) -> DecisionReaction:
        verbs, nouns = table.words.get("decision_reaction", ()), table.words.get("decision_reference", ())
        if not (verbs and nouns):
            return cls(None, None)
        return cls(re.compile(r"(?<!\w)(?:" + longest_first(verbs) + r")\w*", re.IGNORECASE),
                   re.compile(r"(?<!\w)(?:" + longest_first(nouns) + r")(?!\w)", re.IGNORECASE))

    def reacts(self, clause: str) -> bool:
        """True when `clause` has a reaction's verb with a decision's noun after it."""
        if self.verb is None or self.noun is None:
            return False
        verb = self.verb.search(clause)
        return verb is not None and self.noun.search(clause, verb.end()) is not None


def undated_parties(sentences: list[tuple[int, int]], sent: tuple[int, int], actors: Actors) -> frozenset[str]:
    """The states of the nearest sentence before `sent` naming two or more: before any dated event, the
    one that tells the event without a date ("Iran and the six powers reached a deal ... The deal was
    announced on Tuesday")."""
    k = bisect.bisect_left(sentences, sent)
    for a, b in reversed(sentences[max(0, k - _UNDATED_BACK) : k]):
        found = actors(a, b)
        if len(found) >= 2:
            return found
    return frozenset()


def place_referred(text: str, entities: list[EntityMention], starts: list[int], span: tuple[int, int],
                   there: re.Pattern[str]) -> frozenset[str]:
    """The state of the place that "there" stands for when a visit or a stay goes there ("Macron visited
    Hanoi in March and returned there in September": Viet Nam); the last place named before it, in the
    last two sentences or so. Nothing for a "there" of no visit ("there were protests")."""
    m = there.search(text, *span)
    if m is None:
        return frozenset()
    # A place named as one ("in Damascus") first; else the last state or city named before the clause and
    # not as a modifier ("Macron visited Hanoi. He returned there"): the clause's own subject is no place.
    named = ""
    k = bisect.bisect_left(starts, m.start()) - 1
    while k >= 0 and entities[k].start >= m.start() - _PLACE_REACH:
        e = entities[k]
        if e.kind is EntityKind.COUNTRY and e.code and e.role is EntityRole.LOCATION:
            return frozenset({e.code})
        if e.kind is EntityKind.COUNTRY and e.code and e.role is EntityRole.ACTOR and e.start < span[0]:
            named = named or e.code
        k -= 1
    return frozenset({named}) if named else frozenset()


def dangling_pronoun(
    person_ref: re.Pattern[str], clause_text: str, offset: int, entities: list[EntityMention], starts: list[int]
) -> bool:
    """True when "he", "his counterpart" ... come before any person or state named in the clause; not when
    the words are the title of the person named right after them ("le président Mohamed Bazoum")."""
    m = person_ref.search(clause_text)
    if not m:
        return False
    lo = bisect.bisect_left(starts, offset)
    hi = bisect.bisect_left(starts, offset + len(clause_text))
    named = [e for e in entities[lo:hi] if e.kind is EntityKind.PERSON or (e.role is EntityRole.ACTOR and e.code)]
    if named and named[0].kind is EntityKind.PERSON and not clause_text[m.end() : named[0].start - offset].strip():
        return False
    return not named or named[0].start > offset + m.start()



def titled_state(title: re.Pattern[str] | None, text: str, clause: tuple[int, int], entities: list[EntityMention],
                 starts: list[int]) -> frozenset[str]:
    """The state of the person "die Ministerin" stands for: the last named with a title that ends in that
    word ("Bundesinnenministerin Nancy Faeser", "die Außenministerin der Bundesrepublik Deutschland"),
    which passes over a minister of the other gender ("Außenminister Musalia Mudavadi")."""
    m = title.search(text, *clause) if title is not None else None
    if m is None:
        return frozenset()
    k = bisect.bisect_left(starts, m.end())
    if k < len(entities) and entities[k].code and not text[m.end() : entities[k].start].strip():
        return frozenset()  # "O primeiro-ministro malaio, Anwar Ibrahim": a title of the person named with it
    for word in reversed(list(re.finditer(r"[^\W\d_]*" + re.escape(m.group(1)) + r"\b", text[: m.start()], re.IGNORECASE))):
        a, b = word.span()
        k = bisect.bisect_left(starts, a - _TITLE_NEAR)
        near = [e for e in entities[k : bisect.bisect_left(starts, b + _TITLE_NEAR)] if e.code and e.kind in (
            EntityKind.PERSON, EntityKind.COUNTRY) and e.role is not EntityRole.LOCATION]
        # The title itself, the person after it, the adjective before it, or the state of its genitive.
        for e in sorted(near, key=lambda e: (not (e.start <= a < e.end), e.start < b, abs(e.start - b))):
            return frozenset({e.code})
    return frozenset()


def possessive_pattern(words: dict[str, frozenset[str]]) -> re.Pattern[str] | None:
    """A possessive before a state's organ (clause_words state_possessive + state_organ: "its army", "son pays",
    "своей страны"), or one of the forms a language writes with the possessive fused to the noun (state_own:
    "بلاده", "حكومتها"); None for a language with neither."""
    organs, owners, fused = words.get("state_organ", ()), words.get("state_possessive", ()), words.get("state_own", ())
    parts = ([r"(?:" + longest_first(owners) + r")\s+(?:" + longest_first(organs) + r")"] if organs and owners else []) + (
        [longest_first(fused)] if fused else [])
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE) if parts else None


def possessive_state(pattern: re.Pattern[str] | None, text: str, sent: tuple[int, int], span: tuple[int, int],
                     entities: list[EntityMention], starts: list[int]) -> frozenset[str]:
    """The state "its" or "their" stands for before one of its organs in the clause text[span] ("Kenya said
    that its army would leave", "Seychelles recalls that its National Assembly declined"): the first state
    named as acting in the sentence before it, its subject as a rule; none when none is named before."""
    m = pattern.search(text, *span) if pattern is not None else None
    if m is None:
        return frozenset()
    named = entities[bisect.bisect_left(starts, sent[0]) : bisect.bisect_left(starts, m.start())]
    first = next((e for e in named if e.kind is EntityKind.COUNTRY and e.role is EntityRole.ACTOR and e.code), None)
    return frozenset({first.code}) if first is not None else frozenset()
