"""Who takes part in one clause: the states that act or are acted upon, its organisations, and where it happens."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from timeline_app.core.extract.clause_grammar import clause_patterns
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.models import DateMention, EntityKind, EntityMention, EntityRole


@dataclass(frozen=True)
class Clause:
    """The parties of text[start:end]: `actors` are every state taking part (acting or acted upon)."""

    start: int
    end: int
    actors: frozenset[str]
    organizations: tuple[str, ...]
    location: str
    org_acts: bool = False  # an organisation (or its officer) is a party: "NATO chief Stoltenberg arrived"
    # Parties that are no state: states left unnamed ("Western partners"), a former office-holder.
    no_state: bool = False
    # A state or group named only as no party: compared with, a modifier, a topic ("Unlike Germany in 1990").
    aside: bool = False


@dataclass(frozen=True)
class Place:
    """Where a date stands: its sentence, that sentence's clauses, and the span of the date's clause."""

    sent: tuple[int, int]
    clauses: list[tuple[int, int]]
    idx: int  # the date's clause among `clauses`
    span: tuple[int, int]  # that clause, or the opening clause with the main one after it (around the date when long)
    clause: Clause
    clause_end: int  # where that clause ends, however long: a headline cut short says so with an ellipsis
    issue: bool = False  # a statement's header dateline: it dates the issue, its issuers' act


def event_day(when: DateMention | None, published: dt.date | None) -> dt.date | None:
    """The day a group's membership is taken at: the last day of the event's date, else the publication day."""
    if when is not None and when.end_date is not None:
        return when.end_date
    return published


def _one_visitor(place: EntityMention, named: list[EntityMention], before: int) -> bool:
    """True when one state besides the place is named in the clause (a person's or a state's) and named
    before `before`: the visitor. None is no visit ("Rain is expected in Cairo"); two or more met there ("US
    and Iranian envoys held talks in Muscat": a venue of others' meeting, no party)."""
    visitors = {e.code for e in named if e.code and e.code != place.code and (e.kind is EntityKind.PERSON or (
        e.kind is EntityKind.COUNTRY and e.role is EntityRole.ACTOR))}
    return len(visitors) == 1 and any(e.start < before and e.code in visitors for e in named)


def _place_takes_part(text: str, start: int, place: EntityMention, named: list[EntityMention],
                      place_party: re.Pattern[str], visit_after: re.Pattern[str] | None = None) -> bool:
    """True when a visit, a deployment or an attack (a match of `place_party`) goes to the place:
    "arrived in Hanoi", "strikes in Syria"; or when the place is followed by a visit ("was in Banjul on a
    working visit", `visit_after`) and one visitor is named before it.

    Not when a state's own people or things stand between the word and the place ("shot down a
    Russian helicopter over Armenia": the target is Russia's helicopter, Armenia only where it flew).
    """
    if visit_after is not None and visit_after.match(text, place.end) and _one_visitor(place, named, place.start):
        return True
    # "the Somali-based group ... in the Lower Juba region": "-based" belongs to its own name, not to a later place.
    last = None
    for m in place_party.finditer(text, start, place.start):
        if text[m.start() - 1 : m.start()] != "-":
            last = m
    if last is None:
        return False
    if last.group("after_party") and not _one_visitor(place, named, last.start()):
        return False  # a visit's words that need their visitor: "Overchuk held talks in Tashkent"
    return not any(last.end() <= e.start < place.start and (e.kind is EntityKind.PERSON or (
        e.kind is EntityKind.COUNTRY and e.role is not EntityRole.LOCATION)) for e in named)


def describe(text: str, start: int, end: int, entities: list[EntityMention], starts: list[int],
             when: DateMention | None = None, published: dt.date | None = None,
             place_party: re.Pattern[str] | None = None, visit_after: re.Pattern[str] | None = None) -> Clause:
    """The parties of text[start:end], from the entities tagged in it (sorted, `starts` their offsets).

    Acting states and states acted upon count; a place counts when it is a visit's host or an
    attack's target; modifiers ("US-backed") and other places do not. Groups count their members
    on the event's day.
    """
    gaz = Gazetteer.default()
    place_party = place_party or clause_patterns().place_party
    actors: set[str] = set()
    orgs: list[str] = []
    location = ""
    org_acts = no_state = aside = False
    day = event_day(when, published)
    named = entities[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
    for k, e in enumerate(named):
        if e.kind is EntityKind.GROUP and not e.code:
            no_state = no_state or e.role is EntityRole.ACTOR
        elif e.kind is EntityKind.GROUP:
            aside = aside or e.role is EntityRole.MODIFIER
            if e.role is EntityRole.ACTOR and not _names_its_members(text, named, k, gaz.lexicon.words.of("member_from")):
                actors |= gaz.groups.members(e.code, day)
            if e.role is not EntityRole.MODIFIER and gaz.is_organization(e.code) and e.code not in orgs:
                orgs.append(e.code)
        elif e.kind is EntityKind.ORGANIZATION:
            org_acts = org_acts or e.role is EntityRole.ACTOR
            governs = gaz.state_of_organization(e.code, day) if e.role is EntityRole.ACTOR else ""
            if governs:
                actors.add(governs)  # a movement in power acts for its state: the Taliban since 2021
            if e.role is not EntityRole.MODIFIER and e.code not in orgs:
                orgs.append(e.code)
        elif e.kind is EntityKind.PERSON and e.code:
            served = _office_at(gaz, e, when)
            if served:
                actors.add(served)
            else:
                no_state = True  # a former office-holder: a party, but no state's
        elif e.role is EntityRole.ACTOR and e.code:
            actors.add(e.code)
        elif e.role is EntityRole.MODIFIER and e.kind is EntityKind.COUNTRY:
            aside = True
        elif e.role is EntityRole.LOCATION and e.kind is EntityKind.COUNTRY and e.code:
            location = location or e.code
            if _place_takes_part(text, start, e, named, place_party, visit_after):
                actors.add(e.code)
    return Clause(start, end, frozenset(actors), tuple(sorted(orgs)), location, org_acts, no_state, aside and not actors)


def _names_its_members(text: str, named: list[EntityMention], k: int, linking: frozenset[str]) -> bool:
    """True when the group phrase named[k] is followed at once by the states it means, in apposition or
    after a linking word: "NATO members Norway, Denmark and Canada", "the alliance's ministers from Norway
    and Poland" are those states, not the alliance."""
    nxt = named[k + 1] if k + 1 < len(named) else None
    gap = text[named[k].end : nxt.start].strip().lower() if nxt is not None else "-"
    return (nxt is not None and nxt.kind is EntityKind.COUNTRY and nxt.role is EntityRole.ACTOR
            and (not gap or gap in linking))


def _office_at(gaz: Gazetteer, person: EntityMention, when: DateMention | None) -> str:
    """The country a person served on the event's date, when the gazetteer knows; else as tagged.

    A known office-holder out of office on that date acts for no state: a former president
    campaigning is a candidate, not the government.
    """
    if when is None or when.start_date is None or not person.name:
        return person.code
    served = gaz.person_country(person.name, when.start_date) or gaz.person_country(person.name, when.end_date)
    return served if gaz.knows_person(person.name) else person.code
