"""Dated statements -> event mentions: who takes part, where, what type, the summary and the evidence."""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from dataclasses import replace

from timeline_app.core import budget
from timeline_app.core.extract.absent import AbsentParty
from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.extract.carried import CarriedSubject
from timeline_app.core.extract.honorifics import HonorificReference
from timeline_app.core.extract.clause_reading import ClauseReader
from timeline_app.core.extract.clause_grammar import clause_patterns, verb_phrase_patterns
from timeline_app.core.extract.clauses import clause_spans, object_relative_start
from timeline_app.core.extract.datelines import (dates_the_issue, is_dateline, outside_wire_prefixes, place_header,
                                                 statement_prefix, undated_wire_prefixes, wire_prefixes)
from timeline_app.core.extract.earlier import earlier_patterns, without_earlier_events
from timeline_app.core.extract.event_mention import MentionWriter
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.extract.group_references import GroupMemory, JointOwn, the_group
from timeline_app.core.extract.groups import UnnamedMembers
from timeline_app.core.extract.home import HomeWords, home_state, homeland_pattern, returning_home
from timeline_app.core.extract.interview import interview_mentions, only_first_person
from timeline_app.core.extract.issuer_words import IssuerPassive
from timeline_app.core.extract.participle_agent import ParticipleAgent
from timeline_app.core.extract.pairs import paired_states
from timeline_app.core.extract.parties import Place, event_day
from timeline_app.core.extract.pronouns import SentencePronoun
from timeline_app.core.extract.ranges import join_ranges, whole_dates
from timeline_app.core.extract.references import (DecisionReaction, dangling_pronoun, event_antecedent, only_groups, named_before,
                                                   place_referred, possessive_pattern, possessive_state, speaks_of_event,
                                                   they_are_unnamed, titled_state, undated_parties)
from timeline_app.core.extract.scope import (LifeEvent, NegatedPeriod, around, blanked, line_at, market_move, other_dated,
                                             reactions, subject_is_no_state, subordinate_event)
from timeline_app.core.models import DateMention, EntityMention, EventMention, Precision, issuer_codes
from timeline_app.core.sentences import sentence_at, split_sentences
from timeline_app.core.tables import longest_first
from timeline_app.errors import BudgetError

log = logging.getLogger(__name__)

_SKIPPED_PRECISIONS = frozenset({Precision.PRESENT, Precision.DURATION, Precision.SET})
_SKIPPED_KINDS = frozenset({"DURATION", "SET"})
_POSSESSIVE = re.compile(r"^['\u2019]s?\b")
_ACRONYM = re.compile(r"\b[A-Z]{3,}\b")  # "SADC", "CPLP": an organisation the gazetteer may not know


def _placeable_kind(d: DateMention) -> bool:
    return d.granularity not in _SKIPPED_PRECISIONS and d.kind not in _SKIPPED_KINDS and d.value != "PRESENT_REF"


def extract_event_mentions(
    text: str,
    dates: list[DateMention],
    entities: list[EntityMention] | None = None,
    published: dt.date | None = None,
    issuer: str = "",
    language: str = "",
    site: str = "",
) -> list[EventMention]:
    """One event mention per dated statement of `text`, with its actors, type, summary and evidence.

    `countries` holds the states taking part (actors and the offices of persons), never modifiers
    ("US-backed") or mere locations ("in northeast Syria" -> `location_country`). A clause that
    refers back ("the ministers", "both sides", "Wednesday's meeting") or names no state takes the
    countries of the event it refers to: the earlier one with the same date, else the previous one.
    Unresolved dates are kept (value ""), so that they can be listed; "now", durations and sets are not.
    Clauses and event types are read with the words of `language` (English when empty or unknown).
    `site` is the state of the site that published an article without an issuer (a regional paper's
    own state): with no dateline, its unqualified institutions and offices are that state's.
    """
    if entities is None:
        entities = Gazetteer.for_language(language).tag(text, published, issuer)
    spoken = [] if issuer else interview_mentions(text, entities, language)  # "nous": an interviewee's state, as an issuer's
    dates = join_ranges(text, dates)  # "7-8 March" is one trip, not one on the 7th and one on the 8th
    reader = _EventReader(text, dates, entities + spoken, published, language, issuer, site, frozenset(e.start for e in spoken))
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


class _EventReader:
    """The event mentions of one text, read date by date, each with what the events before it said."""

    def __init__(self, text: str, dates: list[DateMention], entities: list[EntityMention],
                 published: dt.date | None, language: str = "", issuer: str = "", site: str = "",
                 first_person: frozenset[int] = frozenset()) -> None:
        self.table = CameoTable.for_language(language)
        self.first_person = first_person  # where an interview's first-person words stand (interview.py)
        self.issuers = frozenset(c for c in issuer_codes(issuer) if not Gazetteer.default().is_organization(c))  # its states
        self.text = self.table.triggers.text_fold(text) if self.table.triggers else text
        self.published = published
        self.prefixes = wire_prefixes(text, dates) + undated_wire_prefixes(text, entities)
        self.entities = outside_wire_prefixes(self.prefixes, sorted(entities, key=lambda e: e.start))
        self.starts = [e.start for e in self.entities]
        # "BAMAKO (Wire) -": "the junta" is Mali's; with no dateline, a regional paper's own state (its site's domain)
        self.home = home_state(self.prefixes, entities) if self.prefixes else site
        self.home_words = HomeWords.from_words(self.table.words)
        counts = Gazetteer.default().lexicon.words.counts
        self.unnamed_members, self.joint = UnnamedMembers(self.table.words, counts), JointOwn(self.table.words, counts)
        self.patterns = clause_patterns(self.table)
        self.writer = MentionWriter(text, self.table, self.prefixes, self.patterns.relative)
        self.reporting, self.group_ref, self.person_ref = self.patterns.reporting, self.patterns.group, self.patterns.person
        self.vp = verb_phrase_patterns(self.table)
        self.negated, self.passive = NegatedPeriod(self.table.words), IssuerPassive(self.table.words)
        self.absent = AbsentParty(self.table.words)  # "n'a pas pris part aux discussions de jeudi"
        self.earlier = earlier_patterns(self.table)  # "nach dem Überfall auf die Ukraine": another event's states
        self.sentences = split_sentences(text, [(x.start, x.end) for x in dates])
        self.clause_cache: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self.dates_by_sentence: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for x in dates:
            if not _placeable_kind(x):
                continue  # "within two months" is no event of its own: it does not split its clause
            where = sentence_at(self.sentences, x.start)
            if where is not None:
                self.dates_by_sentence.setdefault(where, []).append((x.start, x.end))
        self.dated = [x for x in dates if _placeable_kind(x)]
        self.reading = ClauseReader(self.text, self.entities, self.starts, published, self.patterns, self.vp, self.dated,
                                    bool(self.table.words.get("relative_unmarked")))
        self.out: list[EventMention] = []
        # What the events read so far said: parties by date value, the last parties, the last groups.
        self.by_value: dict[str, frozenset[str]] = {}
        self.previous: frozenset[str] = frozenset()
        # Events with two or more states, for "the ministers"; a leader is also named by a title ("the president").
        self.non_state = self.table.words.get("non_state_subject", frozenset())
        # ", but" + a word: a clause of its own subject; not a fused conjunction (Arabic "و"), which also joins phrases.
        joins = self.table.words.get("clause_conjunction")
        self.joined = re.compile(r",\s+(?:" + longest_first(joins) + r")\s") if joins else None
        self.org_meeting = self.table.words.get("organisation_meeting", frozenset())
        self.possessive = possessive_pattern(self.table.words)
        self.pronoun = SentencePronoun(self.table.words, self.vp.verbs)  # "Nauru had done the same. It recognised Beijing"
        self.carried = CarriedSubject(self.table.words, self.vp.verbs, self.text, self.sentences, self.dated, self.entities, self.starts)
        self.agent = ParticipleAgent(self.table.words, self.vp.date_prepositions)
        self.homeland = homeland_pattern(self.table.words)  # "أرض الوطن"
        self.honorific = HonorificReference(self.table.words)  # "وكان سموه قد وصل": the person titled "سمو" before
        objects = self.table.words.get("relative_object", ())
        self.relative_object = re.compile(r"(?:" + longest_first(objects) + r")\b", re.IGNORECASE) if objects else None
        self.market = (self.table.words.get("market_noun", frozenset()), self.table.words.get("market_move", frozenset()))
        self.life = LifeEvent(self.table.words)
        self.event_nouns = frozenset(p.split()[-1] for p in self.table.words.get("event_reference", ()))
        self.decision = DecisionReaction.of(self.table)
        self.groups = GroupMemory(self.vp.leaders, self.table.words.get("role_reference", frozenset()),
                                  self.table.words.get("leader_words", frozenset({"leader"})))

    def read(self, d: DateMention) -> None:
        """The event mention of date `d`, unless `d` only dates the article."""
        place = self._place(d)
        if place is None or self.negated.denies(self.text, place.span, d):
            return  # a dateline, or "had not met since 2019": nothing happened then
        # "Seit dem russischen Angriff auf die Ukraine im Februar 2022 ist Norwegen ...": the date is the
        # attack's, but what comes next ("beide Regierungen") refers to the clause's own states.
        self.story: set[str] | None = None
        rel = object_relative_start(self.text, *place.span, d.start, self.table)  # "the meeting that Tonga hosted in August"
        own = place if rel < 0 else replace(place, span=(rel, place.span[1]), clause=self.reading.describe((rel, place.span[1]), d))
        countries = set(self.issuers) if place.issue else self._parties(d, own)
        self.out.append(self.writer.mention(self.text, d, place, countries))
        if countries and d.value:
            self.by_value[d.value] = self.by_value.get(d.value, frozenset()) | frozenset(countries)
        if (told := countries if self.story is None else self.story):
            frozen = frozenset(told)
            self.previous = frozen
            if len(frozen) >= 2:
                self.groups.add(frozen, self.text[place.sent[0] : place.sent[1]])

    def _place(self, d: DateMention) -> Place | None:
        text = self.text
        sent = sentence_at(self.sentences, d.start) or line_at(text, d.start)
        articles = self.table.words.get("header_article")
        issue = is_dateline(text, sent, d, articles)
        if issue and not (self.issuers and dates_the_issue(text, sent, d)):
            return None  # it dates the article (its publication date), not an event
        # "Oslo, 9. April 2025" atop a statement whose issuers are known: its issue, their act, wherever it was
        issue = issue or bool(self.issuers and articles is not None and place_header(text, d, articles))
        # "Basseterre, 23 May 2025 - The Minister returned ...": the header runs into the first sentence
        issue = issue or bool(self.issuers and statement_prefix(text, d))
        if sent not in self.clause_cache:
            dated = self.dates_by_sentence.get(sent)
            self.clause_cache[sent] = whole_dates(clause_spans(text, *sent, dated, self.table), dated)
        clauses = self.clause_cache[sent]
        idx = next((k for k, (a, b) in enumerate(clauses) if a <= d.start < b), None)
        if idx is None:  # the date sits in trimmed punctuation: take the nearest clause
            idx = min(range(len(clauses)), key=lambda k: abs(clauses[k][0] - d.start))
        span = clauses[idx]
        clause = self.reading.describe(around(text, span, d), d)
        if idx == 0 and len(clauses) > 1 and not clause.actors and self.vp.leading.match(text, span[0]):
            # "Since the war in Yemen began in 2015, the two have backed opposing sides": an opening
            # clause naming no party is about the parties of its main clause.
            span = (span[0], clauses[1][1])
            clause = self.reading.describe(around(text, span, d), d)
        sub = subordinate_event(text, span, d, self.vp)
        if sub is not None and (inner := self.reading.describe(around(text, sub, d), d)).actors:
            span, clause = (sub[0], span[1]), inner  # "following events in Syria since the fall of Assad on 8 December"
        return Place(sent, clauses, idx, around(text, span, d), clause, span[1], issue)

    def _parties(self, d: DateMention, place: Place) -> set[str]:
        """The states taking part: those the clause names, then those it refers back to."""
        if market_move(self.text, place.span, d, self.vp.verbs, *self.market):
            return set()  # "Japanese shares fell on Monday": a figure moved, no state acted
        clause_text = self.text[place.span[0] : place.span[1]]
        countries = set(self.reading.after_reaction(place.span, d, place.clause))
        if self.life.tells(self.text, place.span, d):
            return countries  # "Born in Shymkent in 1944, he ...": a person's life, no state's act to borrow
        if self.home and (self.home_words.names_home(self.text, *place.span, self.starts) or self.home_words.names_home_office(
                self.text, place.sent[0], place.sent[0], place.span[1], self.entities, self.starts, self.home)):
            countries.add(self.home)
        elif len(self.issuers) == 1 and (self.passive.acts(self.text, *place.span) or self.home_words.names_home_office(
                self.text, place.sent[0], place.sent[0], place.span[1], self.entities, self.starts, *self.issuers, True)):
            countries |= self.issuers  # "President Wesley W. Simina addressed ...", "X a été convoqué" in its office's statement
        gaz = Gazetteer.default()
        countries |= self.unnamed_members.states(self.text, place.span, self.entities, self.starts, gaz.groups,
                                                 event_day(d, self.published))
        group_match, unnamed = self._group_reference(place, clause_text)
        if group_match is not None and self._organisation_meeting(place, clause_text, group_match):
            group_match = None  # "the summit" of SADC, "the meeting of the CPLP Committee": no earlier pair's
        # "The two sides exchanged views on the visit planned for September": they react, undated.
        reacting = group_match is not None and bool(reactions(self.text, place.span[0] + group_match.end(), d.start, self.vp))
        group_match = None if reacting else group_match
        same_date = self.by_value.get(d.value, frozenset()) if d.value else frozenset()
        # "Iraq and Oman hosted talks between the two rivals": "between" names other parties than the clause's.
        between = group_match is not None and (group_match.group().lower().startswith("between")
                                               or clause_text[: group_match.start()].lower().endswith("between "))
        # "Netanyahu called the agreement a mistake": one state, named before an event's noun, speaks of it.
        spoken_of = (len(countries) == 1 and group_match is not None
                     and self.reading.describe((place.span[0], place.span[0] + group_match.start()), d).actors == countries
                     and speaks_of_event(self.table, blanked(self.text, place.span, d, " " * (d.end - d.start)), group_match))
        # "G7 ministers urged both sides to show restraint": a group's members are not the pair it names.
        pair_beside_group = (group_match is not None and self.vp.group_size(clause_text) > 0
                             and only_groups(self.entities, self.starts, place.span))
        # "Argentina's Milei signed the leaders' declaration": a state acts on what the group owns, not with it. A group
        # that owns the clause's opening subject is its parties: "The three countries' leaders, with the U.S. President, met".
        owned = bool(countries) and group_match is not None and (
            (clause_text[group_match.end() : group_match.end() + 1] in ("'", "\u2019")
             and bool(clause_text[: group_match.start()].strip()))
            # "Canada's parliament ratified the agreement in March": its own act, without the other parties.
            or (len(countries) == 1 and self.vp.unilateral.search(clause_text, 0, group_match.start()) is not None))
        if (len(countries) < 2 or between or pair_beside_group) and not (spoken_of or owned or reacting):
            countries |= self._referred_event(d, place, clause_text, group_match, same_date)
        if self.decision.reacts(clause_text):  # "Kigali a qualifié vendredi la décision": its takers too
            countries |= self.previous if self.previous - countries else self.groups.last()
        if pronoun := dangling_pronoun(self.person_ref, clause_text, place.span[0], self.entities, self.starts):
            earlier = frozenset().union(*(self.reading.describe(c, d).actors for c in place.clauses[: place.idx]))
            countries |= (earlier or titled_state(self.patterns.title, self.text, place.span, self.entities, self.starts)
                          or self.carried.state(place.sent, d) or self.reading.last_person_state(place.span[0]) or self.previous)
        countries |= self.honorific.states(self.text, place.span, self.entities, self.starts)
        # "Kenya said that its army would leave Somalia in June": the army is the subject's state's.
        countries |= possessive_state(self.possessive, self.text, place.sent, place.span, self.entities, self.starts)
        if not (named_before := any(self.reading.describe(c, d).actors for c in place.clauses[: place.idx])):
            countries |= self.pronoun.state(self.text, self.sentences, place.sent, self.entities, self.starts)
        org_acts = place.clause.org_acts
        noun = event_antecedent(self.text[place.clauses[place.idx - 1][0] : place.span[0]], self.event_nouns) if (
            place.idx > 0 and self.patterns.relative.match(clause_text)) else ""
        if noun:  # "no ha participado en las negociaciones, que comenzaron en marzo": the talks' parties
            countries |= self.groups.by_role(noun) or self.groups.last()
        elif place.idx > 0:
            added, org_acts = self.reading.relative_states(d, place.clauses, place.idx, place.span, bool(countries), org_acts)
            countries |= added or (frozenset() if countries else self._group_before(d, place, clause_text, same_date))
            countries |= self.reading.shared_subject(d, place.clauses, place.idx, clause_text)
        countries |= self.reading.what_was_said(place.clauses, place.idx, place.span, d)
        countries |= place_referred(self.text, self.entities, self.starts, place.span, self.vp.there)
        if self.joint.refers(clause_text, self.issuers, bool(countries)):
            countries |= self.issuers  # "The next summit will be held in Kampala": a joint statement's own format
        elif self.joint.next_of_series(clause_text, bool(countries)):
            countries |= self.groups.last()  # "The next round will be held in La Paz": the series' parties
        if not countries:
            countries |= self._unnamed(d, place, unnamed, same_date, org_acts)
        countries |= frozenset() if pronoun or named_before else self.carried.state(place.sent, d)  # "Sie traf dort am Donnerstag"
        if countries and self.first_person and only_first_person(place.sent, self.entities, self.starts, self.first_person):
            countries |= self.previous  # "Wir treffen uns Anfang September": the interviewee and the party before
        dates = [x for x in self.dated if place.sent[0] <= x.start < place.sent[1]]
        pair = paired_states(self.text, d, dates, self.entities, self.starts, self.vp.date_prepositions)
        if pair is not None:  # "Frieden mit Israel geschlossen: Ägypten 1979 und Jordanien 1994": 1979 is Egypt's
            countries = (countries - pair[1]) | {pair[0]}
            if len(countries) == 1 and (colon := self.text.rfind(":", place.sent[0], d.start)) >= 0:
                countries |= self.reading.describe((place.sent[0], colon), d).actors - pair[1]  # the partner, before the colon
        if self.homeland is not None and self.homeland.search(self.text, *place.span):  # "ويعود سموه إلى أرض الوطن غدًا"
            referred = self.honorific.states(self.text, place.span, self.entities, self.starts)
            countries = set(returning_home(self.text, place.span, self.issuers, referred, self.entities, self.starts) or countries)
        if agent := self.agent.states(self.text, place.span, d, self.entities, self.starts):
            countries = set(agent)  # "as tarifas anunciadas pelos Estados Unidos em abril"
        countries -= self.absent.states(self.text, place.sent, d, self.entities, self.starts)
        if self.earlier is not None:
            countries, self.story = without_earlier_events(
                self.text, place.span, d, countries, self.earlier, self.entities, self.starts, self.vp.date_prepositions)
        return countries

    def _group_reference(self, place: Place, clause_text: str) -> tuple[re.Match[str] | None, bool]:
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

    def _group_before(self, d: DateMention, place: Place, clause_text: str, same_date: frozenset[str]) -> frozenset[str]:
        """The parties a group reference of the clause before stands for, when this clause is a relative one of
        that clause's noun and names no party of its own: "Ambos mandatarios crearon un grupo, que se reunirá
        en abril en la capital guatemalteca", "Beide Regierungschefs gründeten eine Arbeitsgruppe, die im April
        tagen soll": the group, as for the clause before. The caller asks only when the clause names no state."""
        if not self.patterns.relative.match(clause_text) or (
                self.relative_object is not None and self.relative_object.match(clause_text)):
            return frozenset()  # "the gas field, from which BP shipped the first cargo in April": its own subject
        before = place.clauses[place.idx - 1]
        before_text = self.text[before[0] : before[1]]
        group_match = self.group_ref.search(before_text)
        if (group_match is None and not self.vp.group_size(before_text)) or self.reading.describe(before, d).actors:
            return frozenset()
        return self._referred_event(d, place, before_text, group_match, same_date)

    def _referred_event(self, d: DateMention, place: Place, clause_text: str,
                        group_match: re.Match[str] | None, same_date: frozenset[str]) -> frozenset[str]:
        """The parties of the event the clause refers back to ("the two", "Wednesday's meeting"), if it does."""
        vp = self.vp
        size = vp.group_size(clause_text) or (2 if group_match and "pair" in group_match.group().lower() else 0)
        if not size and vp.pair_subject.match(clause_text):
            size = 2  # "Relations broke down completely in 2019"
        if not (group_match or size or _POSSESSIVE.match(self.text[d.end : d.end + 3])):
            return frozenset()
        by_role = self.groups.by_role(group_match.group()) if group_match else frozenset()
        # The event of the same date with two or more parties is meant ("during Wednesday's meeting, the
        # ministers"); else a role named ("the leaders") says who better than a one-party event that
        # shares the date ("Beijing said in March ... the leaders' summit, held the same month").
        meant = same_date if len(same_date) >= 2 else by_role or same_date
        antecedent = meant or self.groups.last() or self.previous or undated_parties(self.sentences, place.sent, lambda a, b: self.reading.describe((a, b), d).actors)
        if size >= 3 and len(antecedent) != size and (exact := self.groups.last_of_size(size)):
            return exact
        if size:
            same_paragraph = bool(self.out) and "\n" not in self.text[self.out[-1].evidence_end : d.start]
            named = self.entities[: bisect.bisect_left(self.starts, d.start)]
            antecedent = the_group(antecedent, size, named, bisect.bisect_left(self.starts, place.sent[0]), same_paragraph)
        return antecedent

    def _unnamed(self, d: DateMention, place: Place, unnamed: bool, same_date: frozenset[str],
                 org_acts: bool) -> frozenset[str]:
        """The parties of a clause that names none: its sentence's, or the event's with the same date,
        or the previous event's."""
        # The sentence less the clauses of its other dates: "The deal was signed in July 2015; the United
        # States withdrew in 2018" gives 2015 nothing of 2018's.
        others = other_dated(self.text, place.clauses, place.idx, self.dates_by_sentence.get(place.sent, []), self.joined)
        whole = (frozenset().union(*(self.reading.describe(c, d).actors for c in place.clauses if c not in others)) if others
                 else self.reading.describe(place.sent, d).actors)
        if unnamed:
            return whole
        # An organisation acting alone ("The European Council will meet", "the Houthis' spokesman said
        # on Friday"), states left unnamed ("Western partners"), or a clause whose only state is named as
        # no party ("Unlike Germany in 1990, neither side ..."), take no other clause's state.
        if org_acts or place.clause.no_state or place.clause.aside:
            return frozenset()
        if same_date:
            return same_date
        if subject_is_no_state(self.text, place.span, self.vp.verbs, self.non_state):
            return whole  # "Researchers at Georgia Tech warned in 2023": not the last event's states
        if self.relative_object is not None and self.relative_object.match(self.text, place.span[0]):
            return whole  # "the field, from which BP shipped the first cargo in April": its own subject
        # A clause set in a place and naming no party ("Protesters blocked roads in northern Kosovo
        # on Wednesday") is about what happened there, not about the parties of the event before it.
        if whole or self.previous:
            return whole or (frozenset() if place.clause.location else self.previous)
        # Before any event: the states of the event told without a date, when the place is theirs
        # ("Russia and Armenia agreed ... The document was signed in Moscow on Monday").
        undated = undated_parties(self.sentences, place.sent, lambda a, b: self.reading.describe((a, b), d).actors)
        return undated if not place.clause.location or place.clause.location in undated else frozenset()

    def _organisation_meeting(self, place: Place, clause_text: str, match: re.Match[str]) -> bool:
        """True when a meeting the clause refers to ("the summit", "the meeting") is an organisation's, named
        in the clause as a known organisation or an acronym no state goes by ("at the summit it hosts" after
        "the chair of SADC", "the meeting of the CPLP Committee"), not the meeting of the parties before."""
        if " ".join(match.group().lower().split()) not in self.org_meeting:
            return False
        if place.clause.organizations:
            return True
        named = {(e.start, e.end) for e in self.entities[bisect.bisect_left(self.starts, place.span[0]) :
                                                           bisect.bisect_left(self.starts, place.span[1])]}
        return any((place.span[0] + m.start(), place.span[0] + m.end()) not in named for m in _ACRONYM.finditer(clause_text))
