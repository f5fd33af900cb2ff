"""Dated statements -> event mentions: who takes part, where, what type, the summary and the evidence."""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from dataclasses import dataclass

from timeline_app.core import budget
from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.extract.clauses import clause_patterns, clause_spans, verb_phrase_patterns
from timeline_app.core.extract.datelines import is_dateline, outside_wire_prefixes, wire_prefixes
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.extract.references import GroupMemory, last_person_state, named_before, subject_states, the_group, they_are_unnamed
from timeline_app.core.extract.summaries import summary
from timeline_app.core.models import DateMention, EntityKind, EntityMention, EntityRole, EventMention, Precision
from timeline_app.core.sentences import sentence_at, split_sentences
from timeline_app.errors import BudgetError

log = logging.getLogger(__name__)

# Characters of a clause read for a date: its parties, type and summary. A longer clause is read
# around the date, the words before it most (they say what happened). At most 367 characters were
# read on the evaluation sets.
CLAUSE_MOST = 400
_SKIPPED_PRECISIONS = frozenset({Precision.PRESENT, Precision.DURATION, Precision.SET})
_SKIPPED_KINDS = frozenset({"DURATION", "SET"})
_POSSESSIVE = re.compile(r"^['\u2019]s?\b")
_RELATIVE_PERSON = re.compile(r"(?:who|whom|whose)\b", re.IGNORECASE)
_RELATIVE_THING = re.compile(r"which\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int
    actors: frozenset[str]
    organizations: tuple[str, ...]
    location: str
    org_acts: bool = False  # an organisation (or its officer) is a party: "NATO chief Stoltenberg arrived"


def _describe(
    start: int, end: int, entities: list[EntityMention], starts: list[int], when: DateMention | None = None
) -> _Clause:
    actors: set[str] = set()
    orgs: list[str] = []
    location = ""
    org_acts = False
    for e in entities[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]:
        if e.kind is EntityKind.ORGANIZATION:
            org_acts = org_acts or e.role is EntityRole.ACTOR
            if e.role is not EntityRole.MODIFIER and e.code not in orgs:
                orgs.append(e.code)
        elif e.kind is EntityKind.PERSON and e.code:
            actors.add(_office_at(e, when))
        elif e.role is EntityRole.ACTOR and e.code:
            actors.add(e.code)
        elif e.role is EntityRole.LOCATION and not location and e.kind is EntityKind.COUNTRY:
            location = e.code
    return _Clause(start, end, frozenset(actors), tuple(sorted(orgs)), location, org_acts)


def _office_at(person: EntityMention, when: DateMention | None) -> str:
    """The country a person served on the event's date, when the gazetteer knows; else as tagged."""
    if when is None or when.start_date is None or not person.name:
        return person.code
    gaz = Gazetteer.default()
    return gaz.person_country(person.name, when.start_date) or gaz.person_country(person.name, when.end_date) or person.code


def _placeable_kind(d: DateMention) -> bool:
    return d.granularity not in _SKIPPED_PRECISIONS and d.kind not in _SKIPPED_KINDS and d.value != "PRESENT_REF"


def extract_event_mentions(
    text: str,
    dates: list[DateMention],
    entities: list[EntityMention] | None = None,
    published: dt.date | None = None,
) -> list[EventMention]:
    """One event mention per dated statement of `text`, with its actors, type, summary and evidence.

    `countries` holds the states taking part (actors and the offices of persons), never modifiers
    ("US-backed") or mere locations ("in northeast Syria" -> `location_country`). A clause that
    refers back ("the ministers", "both sides", "Wednesday's meeting") or names no state takes the
    countries of the event it refers to: the earlier one with the same date, else the previous one.
    Unresolved dates are kept (value ""), so that they can be listed; "now", durations and sets are not.
    """
    if entities is None:
        entities = Gazetteer.default().tag(text, published)
    reader = _EventReader(text, dates, entities)
    for d in sorted(dates, key=lambda x: (x.start, x.end)):
        if not _placeable_kind(d):
            continue
        budget.check()
        try:
            reader.read(d)
        except BudgetError:
            raise
        except Exception:  # noqa: BLE001 - a bug on one date must not cost the article its other events
            log.exception("could not read the event of %r at %d: left out", d.text, d.start)
    return reader.out


@dataclass(frozen=True)
class _Place:
    """Where a date stands: its sentence, that sentence's clauses, and the span of the date's clause."""

    sent: tuple[int, int]
    clauses: list[tuple[int, int]]
    idx: int  # the date's clause among `clauses`
    span: tuple[int, int]  # that clause, or the opening clause with the main one after it
    clause: _Clause


class _EventReader:
    """The event mentions of one text, read date by date, each with what the events before it said."""

    def __init__(self, text: str, dates: list[DateMention], entities: list[EntityMention]) -> None:
        self.text = text
        self.prefixes = wire_prefixes(text, dates)
        self.entities = outside_wire_prefixes(self.prefixes, sorted(entities, key=lambda e: e.start))
        self.starts = [e.start for e in self.entities]
        self.table = CameoTable.default()
        _after, _reporting, _attribution, self.group_ref, self.person_ref = clause_patterns()
        self.vp = verb_phrase_patterns()
        self.sentences = split_sentences(text)
        self.clause_cache: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self.dates_by_sentence: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for x in dates:
            if not _placeable_kind(x):
                continue  # "within two months" is no event of its own: it does not split its clause
            where = sentence_at(self.sentences, x.start)
            if where is not None:
                self.dates_by_sentence.setdefault(where, []).append((x.start, x.end))
        self.out: list[EventMention] = []
        # What the events read so far said: parties by date value, the last parties, the last groups.
        self.by_value: dict[str, frozenset[str]] = {}
        self.previous: frozenset[str] = frozenset()
        self.groups = GroupMemory(self.vp.leaders, self.table.words["role_reference"])  # events with 2+ states

    def read(self, d: DateMention) -> None:
        """The event mention of date `d`, unless `d` only dates the article."""
        place = self._place(d)
        if place is None:
            return
        countries = self._parties(d, place)
        self.out.append(self._mention(d, place, countries))
        if countries:
            frozen = frozenset(countries)
            if d.value:
                self.by_value[d.value] = self.by_value.get(d.value, frozenset()) | frozen
            self.previous = frozen
            if len(frozen) >= 2:
                self.groups.add(frozen, self.text[place.sent[0] : place.sent[1]])

    def _describe(self, span: tuple[int, int], d: DateMention) -> _Clause:
        return _describe(*span, self.entities, self.starts, d)

    def _place(self, d: DateMention) -> _Place | None:
        text = self.text
        sent = sentence_at(self.sentences, d.start) or _line_at(text, d.start)
        if is_dateline(text, sent, d):
            return None  # it dates the article (its publication date), not an event
        if sent not in self.clause_cache:
            self.clause_cache[sent] = clause_spans(text, *sent, self.dates_by_sentence.get(sent))
        clauses = self.clause_cache[sent]
        idx = next((k for k, (a, b) in enumerate(clauses) if a <= d.start < b), None)
        if idx is None:  # the date sits in trimmed punctuation: take the nearest clause
            idx = min(range(len(clauses)), key=lambda k: abs(clauses[k][0] - d.start))
        span = clauses[idx]
        clause = self._describe(_around(text, span, d), d)
        if idx == 0 and len(clauses) > 1 and not clause.actors and self.vp.leading.match(text, span[0]):
            # "Since the war in Yemen began in 2015, the two have backed opposing sides": an opening
            # clause naming no party is about the parties of its main clause.
            span = (span[0], clauses[1][1])
            clause = self._describe(_around(text, span, d), d)
        return _Place(sent, clauses, idx, _around(text, span, d), clause)

    def _parties(self, d: DateMention, place: _Place) -> set[str]:
        """The states taking part: those the clause names, then those it refers back to."""
        clause_text = self.text[place.span[0] : place.span[1]]
        countries = set(place.clause.actors)
        group_match, unnamed = self._group_reference(place, clause_text)
        same_date = self.by_value.get(d.value, frozenset()) if d.value else frozenset()
        if len(countries) < 2:
            countries |= self._referred_event(d, place, clause_text, group_match, same_date)
        if _dangling_pronoun(self.person_ref, clause_text, place.span[0], self.entities, self.starts):
            earlier = frozenset().union(*(self._describe(c, d).actors for c in place.clauses[: place.idx]))
            countries |= earlier or last_person_state(self.text, self.entities, self.starts, place.span[0]) or self.previous
        org_acts = place.clause.org_acts
        if place.idx > 0:
            if _RELATIVE_PERSON.match(clause_text):
                # "Erdogan, who met Putin on Friday": the person before the comma takes part.
                countries |= self._describe(place.clauses[place.idx - 1], d).actors
            elif not countries and _RELATIVE_THING.match(clause_text):
                # "The EU, which has deployed monitors since February 2023": what "which" stands for acts.
                before = self._describe(place.clauses[place.idx - 1], d)
                countries |= before.actors
                org_acts = org_acts or before.org_acts
            countries |= self._shared_subject(d, place, clause_text)
        if not countries:
            countries |= self._unnamed(d, place, unnamed, same_date, org_acts)
        return countries

    def _group_reference(self, place: _Place, clause_text: str) -> tuple[re.Match[str] | None, bool]:
        """The clause's reference to a group of parties ("both sides", "they"), and whether a "they"
        opening the sentence stands for people the text never named."""
        match = self.group_ref.search(clause_text)
        if not match or match.group().lower() != "they":
            return match, False
        at = place.span[0] + match.start()
        if named_before(*place.span, at, self.entities, self.starts):
            return None, False  # "Venezuela expelled diplomats after they questioned ...": "they" is not the parties
        if at == place.sent[0] and they_are_unnamed(self.sentences, place.sent, self.text, self.entities,
                                                     self.starts, self.group_ref):
            return None, True  # "Thousands of protesters filled the square. They had gathered ..."
        return match, False

    def _referred_event(self, d: DateMention, place: _Place, clause_text: str,
                        group_match: re.Match[str] | None, same_date: frozenset[str]) -> frozenset[str]:
        """The parties of the event the clause refers back to ("the two", "Wednesday's meeting"), if it does."""
        vp = self.vp
        size = vp.group_size(clause_text) or (2 if group_match and "pair" in group_match.group().lower() else 0)
        if not size and vp.pair_subject.match(clause_text):
            size = 2  # "Relations broke down completely in 2019"
        if not (group_match or size or _POSSESSIVE.match(self.text[d.end : d.end + 3])):
            return frozenset()
        by_role = self.groups.by_role(group_match.group()) if group_match else frozenset()
        antecedent = same_date or by_role or self.groups.last() or self.previous
        if size:
            same_paragraph = bool(self.out) and "\n" not in self.text[self.out[-1].evidence_end : d.start]
            named = self.entities[: bisect.bisect_left(self.starts, d.start)]
            antecedent = the_group(antecedent, size, named, same_paragraph)
        return antecedent

    def _shared_subject(self, d: DateMention, place: _Place, clause_text: str) -> frozenset[str]:
        """The subject's states when the clause goes on with the clause before it: "He met Macron on
        Dec. 7 and spoke to Scholz on Monday", "signed deals with Australia in 2022 and Britain in 2023"."""
        vp = self.vp
        joined = vp.coordination.match(" " + clause_text)
        if not ((joined and joined.group(1) in vp.verbs) or vp.gapped.match(clause_text)):
            return frozenset()
        return frozenset(subject_states(
            self.text, place.clauses[place.idx - 1], vp.verbs, lambda a, b: self._describe((a, b), d).actors,
            self.person_ref, lambda a, _b: last_person_state(self.text, self.entities, self.starts, a),
        ))

    def _unnamed(self, d: DateMention, place: _Place, unnamed: bool, same_date: frozenset[str],
                 org_acts: bool) -> frozenset[str]:
        """The parties of a clause that names none: its sentence's, or the event's with the same date,
        or the previous event's."""
        whole = self._describe(place.sent, d)
        if unnamed:
            return whole.actors
        if same_date:
            return same_date
        # An organisation acting alone ("The European Council will meet", "NATO chief Stoltenberg
        # arrived in Kyiv") takes no other clause's state.
        if org_acts:
            return frozenset()
        # A clause set in a place and naming no party ("Protesters blocked roads in northern Kosovo
        # on Wednesday") is about what happened there, not about the parties of the event before it.
        return whole.actors or (frozenset() if place.clause.location else self.previous)

    def _headline_start(self, place: _Place) -> int:
        """Where the event's sentence starts, after a wire prefix ("ANKARA, July 19 (Reuters) -")."""
        start = place.sent[0]
        for a, b in self.prefixes:
            if a <= start < b or (start <= a and b <= place.span[0] and not self.text[start:a].strip()):
                start = b
        return start

    def _mention(self, d: DateMention, place: _Place, countries: set[str]) -> EventMention:
        text, sent = self.text, place.sent
        blank = " " * (d.end - d.start)
        etype = self.table.classify(_blanked(text, place.span, d, blank)) or self.table.classify(
            _blanked(text, sent, d, blank))
        return EventMention(
            date=d,
            countries=tuple(sorted(countries)),
            organizations=place.clause.organizations,
            location_country=place.clause.location,
            event_type=etype.root_name if etype else "",
            cameo_code=etype.code if etype else "",
            quad_class=etype.quad_class if etype else 0,
            summary=summary(text, self._headline_start(place), place.span[1], d.start, d.end),
            evidence=text[sent[0] : sent[1]],
            evidence_start=sent[0],
            evidence_end=sent[1],
        )


def _blanked(text: str, span: tuple[int, int], d: DateMention, blank: str) -> str:
    """text[span] with the date expression replaced by spaces."""
    a, b = span
    if a <= d.start and d.end <= b:
        return text[a : d.start] + blank + text[d.end : b]
    return text[a:b]


def _around(text: str, span: tuple[int, int], d: DateMention) -> tuple[int, int]:
    """The clause `span` of date `d`, or of a clause longer than CLAUSE_MOST characters the words
    around the date: a run-on clause would otherwise be read whole once for each of its dates."""
    a, b = span
    if b - a <= CLAUSE_MOST:
        return span
    inside = a <= d.start and d.end <= b
    lo, hi = (max(a, d.start - 240), min(b, d.end + 60)) if inside else (a, a + CLAUSE_MOST)
    if lo > a:  # from the start of a word
        space = text.find(" ", lo, d.start)
        lo = space + 1 if space >= 0 else lo
    if hi < b:  # to the end of one
        space = text.rfind(" ", d.end if inside else lo, hi)
        hi = space if space > lo else hi
    return lo, hi


def _dangling_pronoun(
    person_ref: re.Pattern[str], clause_text: str, offset: int, entities: list[EntityMention], starts: list[int]
) -> bool:
    """True when "he", "his counterpart" ... come before any person or state named in the clause."""
    m = person_ref.search(clause_text)
    if not m:
        return False
    lo = bisect.bisect_left(starts, offset)
    hi = bisect.bisect_left(starts, offset + len(clause_text))
    named = [e for e in entities[lo:hi] if e.kind is EntityKind.PERSON or (e.role is EntityRole.ACTOR and e.code)]
    return not named or named[0].start > offset + m.start()


def _line_at(text: str, offset: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, offset) + 1
    b = text.find("\n", offset)
    return a, len(text) if b < 0 else b
