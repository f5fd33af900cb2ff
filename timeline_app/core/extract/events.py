"""Dated statements -> event mentions: who takes part, where, what type, the summary and the evidence."""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from dataclasses import dataclass

from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.extract.clauses import clause_patterns, clause_spans, verb_phrase_patterns
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.extract.references import GroupMemory, last_person_state, named_before, subject_states, the_group, they_are_unnamed
from timeline_app.core.models import DateMention, EntityKind, EntityMention, EntityRole, EventMention, Precision
from timeline_app.core.sentences import sentence_at, split_sentences

log = logging.getLogger(__name__)

SUMMARY_MAX = 200  # characters; a longer clause is cut around its date
_SKIPPED_PRECISIONS = frozenset({Precision.PRESENT, Precision.DURATION, Precision.SET})
_SKIPPED_KINDS = frozenset({"DURATION", "SET"})
_POSSESSIVE = re.compile(r"^['\u2019]s?\b")
_LEADING_JOINER = re.compile(
    r"^(?:that|and|but|which|where|while|whereas)\s+(?=\S)", re.IGNORECASE
)
_RELATIVE_PERSON = re.compile(r"(?:who|whom|whose)\b", re.IGNORECASE)
_RELATIVE_THING = re.compile(r"which\b", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]{2,}")
# A wire dateline opening a paragraph: a place in capitals ("ANKARA,", "NEW YORK/GENEVA,", "KYIV, Ukraine,"),
# the date, then an optional year, agency in brackets, and a dash or colon before the story starts.
_WIRE_PLACE = re.compile(r"[ \t]*[A-Z][A-Z.'/ -]{1,40}(?:,[ \t]*[A-Z][A-Za-z. ]{1,30})?,[ \t]*(?:[A-Z][a-z]{2,8}\.?,?[ \t]+)?")
_WIRE_AFTER = re.compile(r",?[ \t]*(?:\d{4}[ \t]*)?(?:\([^()\n]{1,40}\)[ \t]*)?(?:-{1,2}|\u2013|\u2014|:)[ \t]")


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


def _summary(text: str, clause: tuple[int, int], date: DateMention) -> str:
    a, b = clause
    piece = text[a:b]
    piece = _LEADING_JOINER.sub("", piece.strip())
    piece = " ".join(piece.split())
    if len(piece) <= SUMMARY_MAX:
        return piece
    # Cut around the date, at word boundaries.
    rel = max(0, date.start - a)
    lo = max(0, rel - SUMMARY_MAX // 2)
    hi = min(b - a, lo + SUMMARY_MAX)
    raw = " ".join(text[a + lo : a + hi].split())
    if lo > 0:
        raw = "\u2026" + raw.split(" ", 1)[-1]
    if hi < b - a:
        raw = raw.rsplit(" ", 1)[0] + "\u2026"
    return raw


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
    entities = _outside_wire_prefixes(text, dates, sorted(entities, key=lambda e: e.start))
    starts = [e.start for e in entities]
    table = CameoTable.default()
    _after, _reporting, _attribution, group_ref, person_ref = clause_patterns()
    vp = verb_phrase_patterns()
    sentences = split_sentences(text)
    clause_cache: dict[tuple[int, int], list[tuple[int, int]]] = {}
    dates_by_sentence: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for x in dates:
        if not _placeable_kind(x):
            continue  # "within two months" is no event of its own: it does not split its clause
        where = sentence_at(sentences, x.start)
        if where is not None:
            dates_by_sentence.setdefault(where, []).append((x.start, x.end))
    out: list[EventMention] = []
    by_value: dict[str, frozenset[str]] = {}
    previous: frozenset[str] = frozenset()
    groups = GroupMemory(vp.leaders, table.words["role_reference"])  # the last events with two or more states
    for d in sorted(dates, key=lambda x: (x.start, x.end)):
        if not _placeable_kind(d):
            continue
        sent = sentence_at(sentences, d.start) or _line_at(text, d.start)
        if _is_dateline(text, sent, d):
            continue  # it dates the article (its publication date), not an event
        if sent not in clause_cache:
            clause_cache[sent] = clause_spans(text, *sent, dates_by_sentence.get(sent))
        clauses = clause_cache[sent]
        idx = next((k for k, (a, b) in enumerate(clauses) if a <= d.start < b), None)
        if idx is None:  # the date sits in trimmed punctuation: take the nearest clause
            idx = min(range(len(clauses)), key=lambda k: abs(clauses[k][0] - d.start))
        span = clauses[idx]
        clause = _describe(*span, entities, starts, d)
        if idx == 0 and len(clauses) > 1 and not clause.actors and vp.leading.match(text, span[0]):
            # "Since the war in Yemen began in 2015, the two have backed opposing sides": an opening
            # clause naming no party is about the parties of its main clause.
            span = (span[0], clauses[1][1])
            clause = _describe(*span, entities, starts, d)
        clause_text = text[span[0] : span[1]]
        countries = set(clause.actors)
        group_match = group_ref.search(clause_text)
        unnamed = False
        if group_match and group_match.group().lower() == "they":
            if named_before(*span, span[0] + group_match.start(), entities, starts):
                group_match = None  # "Venezuela expelled diplomats after they questioned ...": "they" is not the parties
            elif span[0] + group_match.start() == sent[0] and they_are_unnamed(sentences, sent, text, entities, starts, group_ref):
                group_match, unnamed = None, True  # "Thousands of protesters filled the square. They had gathered ..."
        size = vp.group_size(clause_text) or (2 if group_match and "pair" in group_match.group().lower() else 0)
        if not size and vp.pair_subject.match(clause_text):
            size = 2  # "Relations broke down completely in 2019"
        refers_to_event = bool(group_match or size) or bool(_POSSESSIVE.match(text[d.end : d.end + 3]))
        refers_to_person = _dangling_pronoun(person_ref, clause_text, span[0], entities, starts)
        same_date = by_value.get(d.value, frozenset()) if d.value else frozenset()
        earlier = frozenset().union(*(_describe(*c, entities, starts, d).actors for c in clauses[:idx]))
        if refers_to_event and len(countries) < 2:
            by_role = groups.by_role(group_match.group()) if group_match else frozenset()
            antecedent = same_date or by_role or groups.last() or previous
            if size:
                same_paragraph = bool(out) and "\n" not in text[out[-1].evidence_end : d.start]
                antecedent = the_group(antecedent, size, entities[: bisect.bisect_left(starts, d.start)], same_paragraph)
            countries |= antecedent
        if refers_to_person:
            countries |= earlier or last_person_state(text, entities, starts, span[0]) or previous
        org_acts = clause.org_acts
        if idx > 0 and _RELATIVE_PERSON.match(clause_text):
            # "Erdogan, who met Putin on Friday": the person before the comma takes part.
            countries |= _describe(*clauses[idx - 1], entities, starts, d).actors
        elif idx > 0 and not countries and _RELATIVE_THING.match(clause_text):
            # "The EU, which has deployed monitors since February 2023": what "which" stands for acts.
            antecedent_clause = _describe(*clauses[idx - 1], entities, starts, d)
            countries |= antecedent_clause.actors
            org_acts = org_acts or antecedent_clause.org_acts
        joined = vp.coordination.match(" " + clause_text) if idx > 0 else None
        if (joined and joined.group(1) in vp.verbs) or (idx > 0 and vp.gapped.match(clause_text)):
            # "He met Macron on Dec. 7 and spoke to Scholz on Monday", "signed deals with Australia
            # in 2022 and Britain in 2023": the subject does both.
            countries |= subject_states(
                text, clauses[idx - 1], vp.verbs, lambda a, b, d=d: _describe(a, b, entities, starts, d).actors, person_ref,
                lambda a, _b: last_person_state(text, entities, starts, a),
            )
        if not countries:
            whole = _describe(*sent, entities, starts, d)
            # An organisation acting alone ("The European Council will meet", "NATO chief Stoltenberg
            # arrived in Kyiv") takes no other clause's state.
            # A clause set in a place and naming no party ("Protesters blocked roads in northern Kosovo
            # on Wednesday") is about what happened there, not about the parties of the event before it.
            placed = bool(clause.location)
            countries |= whole.actors if unnamed else same_date or (frozenset() if org_acts else whole.actors or (frozenset() if placed else previous))
        blank = " " * (d.end - d.start)
        etype = table.classify(_blanked(text, span, d, blank)) or table.classify(_blanked(text, sent, d, blank))
        location = clause.location
        orgs = clause.organizations
        mention = EventMention(
            date=d,
            countries=tuple(sorted(countries)),
            organizations=orgs,
            location_country=location,
            event_type=etype.root_name if etype else "",
            cameo_code=etype.code if etype else "",
            quad_class=etype.quad_class if etype else 0,
            summary=_summary(text, span, d),
            evidence=text[sent[0] : sent[1]],
            evidence_start=sent[0],
            evidence_end=sent[1],
        )
        out.append(mention)
        if countries:
            frozen = frozenset(countries)
            if d.value:
                by_value[d.value] = by_value.get(d.value, frozenset()) | frozen
            previous = frozen
            if len(frozen) >= 2:
                groups.add(frozen, text[sent[0] : sent[1]])
    return out


def _blanked(text: str, span: tuple[int, int], d: DateMention, blank: str) -> str:
    """text[span] with the date expression replaced by spaces."""
    a, b = span
    if a <= d.start and d.end <= b:
        return text[a : d.start] + blank + text[d.end : b]
    return text[a:b]


def _is_dateline(text: str, sent: tuple[int, int], d: DateMention) -> bool:
    """True for a line that only dates the article: "Published: 15 March 2023", "BUDAPEST, March 12 (Xinhua)".

    Also the wire prefix of a first paragraph: "ANKARA, July 19 (Reuters) - Turkey said on Wednesday ...".
    """
    if _wire_prefix(text, d):
        return True
    if "\n" in text[sent[0] : sent[1]]:
        return False
    words = _WORDS.findall(text[sent[0] : d.start] + " " + text[d.end : sent[1]])
    return len(words) < 2 or (len(words) <= 3 and not any(w.islower() for w in words))


def _wire_prefix(text: str, d: DateMention) -> tuple[int, int] | None:
    """The span of the wire prefix ("ANKARA, July 19 (Reuters) -") that `d` dates, if it dates one."""
    line_start = text.rfind("\n", 0, d.start) + 1
    if _WIRE_PLACE.fullmatch(text, line_start, d.start):
        after = _WIRE_AFTER.match(text, d.end)
        if after:
            return line_start, after.end()
    return None


def _outside_wire_prefixes(text: str, dates: list[DateMention], entities: list[EntityMention]) -> list[EntityMention]:
    """`entities` less those in wire prefixes: "BEIJING, April 6 (Reuters) -" names where the story was filed."""
    prefixes = [p for p in (_wire_prefix(text, d) for d in dates) if p]
    if not prefixes:
        return entities
    return [e for e in entities if not any(a <= e.start < b for a, b in prefixes)]


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
