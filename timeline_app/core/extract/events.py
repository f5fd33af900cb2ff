"""Dated statements -> event mentions (who, where, what type), and event ids that merge their reports."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass

import pandas as pd

from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.extract.clauses import clause_patterns, clause_spans, verb_phrase_patterns
from timeline_app.core.extract.references import GroupMemory, last_person_state, named_before, subject_states, the_group, they_are_unnamed
from timeline_app.core.library.frames import LIST_SEPARATOR
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
    from timeline_app.core.extract.gazetteer import Gazetteer

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
        from timeline_app.core.extract.gazetteer import Gazetteer

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


# ---- merging mentions into events ------------------------------------------------------------

# Precisions at which one date holds many events: mentions merge only with the same CAMEO code.
_COARSE = frozenset(p.value for p in Precision if p.rank >= Precision.MONTH.rank)


def _column(rows: pd.DataFrame, name: str) -> list[str]:
    if name not in rows.columns:
        return [""] * len(rows)
    col = rows[name]
    return col.astype(object).where(col.notna(), "").astype(str).tolist()


class _Union:
    """Union-find over 0..n-1."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def assign_event_ids(rows: pd.DataFrame) -> pd.Series:
    """A stable event id per mention row; mentions of one event share it, within and across articles.

    Two mentions are one event when they have the same date value, compatible types (the same CAMEO
    root, or no type and the same article) and compatible countries (one set contains the other, or
    no countries and the same article). At month precision and coarser, where one date holds many
    events, mentions from different articles must also share the CAMEO code. Unresolved mentions,
    and mentions with neither type nor countries (a dateline), stay on their own. The id is a
    hash of the group's members' keys, so it depends neither on row order nor on the index.
    """
    n = len(rows)
    if n == 0:
        return pd.Series([], index=rows.index, dtype=object)
    value = _column(rows, "date_value")
    precision = _column(rows, "date_precision")
    countries = _column(rows, "countries")
    etype = _column(rows, "event_type")
    code = _column(rows, "cameo_code")
    article = _column(rows, "article_id")
    start = _column(rows, "char_start")
    sig_of_row: list[str] = []
    for i in range(n):
        tkey = code[i][:2] if code[i] else etype[i]
        cset = LIST_SEPARATOR.join(sorted(c for c in countries[i].split(LIST_SEPARATOR) if c))
        if not value[i] or not (tkey or cset):
            # Unresolved, or with neither type nor parties (a dateline): nothing to match it by.
            sig_of_row.append(f"\x1e{article[i]}\x1f{start[i]}\x1f{value[i]}")
            continue
        coarse = "\x1c" + code[i] if precision[i] in _COARSE else ""
        local = article[i] if not tkey or not cset else ""
        sig_of_row.append("\x1f".join((value[i], coarse, tkey, cset, local)))
    codes, unique_index = pd.factorize(pd.Series(sig_of_row, dtype=object), sort=True)
    uniques: list[str] = unique_index.tolist()
    m = len(uniques)
    articles: list[set[str]] = [set() for _ in range(m)]
    for c, a in zip(codes.tolist(), article):
        articles[c].add(a)
    parts = [u.split("\x1f") for u in uniques]
    sets = [frozenset(p[3].split(LIST_SEPARATOR)) - {""} if len(p) > 3 else frozenset() for p in parts]
    blocks: dict[str, list[int]] = {}
    for k, p in enumerate(parts):
        if not p[0].startswith("\x1e"):
            blocks.setdefault(p[0], []).append(k)
    uf = _Union(m)
    for members in blocks.values():
        if len(members) > 1:
            _merge_block(members, parts, sets, articles, uf)
    _merge_into_days(rows, codes.tolist(), precision, parts, sets, uf)
    component: dict[int, list[str]] = {}
    for k in range(m):
        component.setdefault(uf.find(k), []).append(uniques[k])
    ids = {}
    for root, keys in component.items():
        digest = hashlib.sha1("\x1d".join(sorted(keys)).encode("utf-8")).hexdigest()[:16]
        ids[root] = f"ev-{digest}"
    sig_ids = [ids[uf.find(k)] for k in range(m)]
    return pd.Series([sig_ids[c] for c in codes.tolist()], index=rows.index, dtype=object)


# A week or a month that holds exactly one matching day-level event is that event ("last week's
# talks" in one report, "talks on Wednesday" in another). Years are too coarse for this.
_WITHIN = frozenset({Precision.WEEK.value, Precision.WEEKEND.value, Precision.MONTH.value})
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _merge_into_days(
    rows: pd.DataFrame, row_sig: list[int], precision: list[str], parts: list[list[str]], sets: list[frozenset[str]], uf: _Union
) -> None:
    """Join week- and month-level mentions to the one compatible day-level event inside their period."""
    starts, ends = _column(rows, "date_start"), _column(rows, "date_end")
    period: dict[int, tuple[str, str]] = {}
    for i, k in enumerate(row_sig):
        if precision[i] in _WITHIN and starts[i] and ends[i] and not parts[k][0].startswith("\x1e"):
            period.setdefault(k, (starts[i][:10], ends[i][:10]))
    if not period:
        return
    days: dict[str, list[tuple[str, int]]] = {}
    for k, p in enumerate(parts):
        if _DAY.match(p[0]) and p[2] and p[3]:
            days.setdefault(p[2], []).append((p[0][:10], k))
    for lst in days.values():
        lst.sort()
    joins: list[tuple[int, int]] = []
    for k, (first, last) in sorted(period.items()):
        tkey, mine = parts[k][2], sets[k]
        if not tkey or not mine:
            continue
        lst = days.get(tkey, [])
        found: set[int] = set()
        for idx in range(bisect.bisect_left(lst, (first, -1)), len(lst)):
            day, j = lst[idx]
            if day > last:
                break
            theirs = sets[j]
            if mine <= theirs or theirs <= mine:
                found.add(uf.find(j))
                if len(found) > 1:
                    break  # two candidates: the period does not say which
        if len(found) == 1:
            joins.append((k, found.pop()))
    for k, j in joins:
        uf.union(k, j)


def _merge_block(
    members: list[int], parts: list[list[str]], sets: list[frozenset[str]], articles: list[set[str]], uf: _Union
) -> None:
    """Union the signatures of one date that describe the same event."""
    by_country: dict[str, list[int]] = {}
    by_article: dict[str, list[int]] = {}
    for k in members:
        for c in sets[k]:
            by_country.setdefault(c, []).append(k)
        for a in articles[k]:
            by_article.setdefault(a, []).append(k)

    def types_match(a: int, b: int) -> bool:
        shared = bool(articles[a] & articles[b])
        if parts[a][1] != parts[b][1] and not shared:
            return False  # a month or a year holds many events: across articles, the same code only
        return parts[a][2] == parts[b][2] or ((not parts[a][2] or not parts[b][2]) and shared)

    for k in members:
        mine = sets[k]
        if mine:
            # Supersets of `mine` all hold its rarest country: look there only.
            rare = min(mine, key=lambda c: len(by_country[c]))
            for j in by_country[rare]:
                if j != k and mine <= sets[j] and types_match(k, j):
                    uf.union(k, j)
        if not mine or not parts[k][2]:
            # Untyped or country-less mentions join a compatible event of their own article.
            for a in articles[k]:
                for j in by_article.get(a, ()):
                    if j != k and types_match(k, j) and (not mine or not sets[j] or mine <= sets[j] or sets[j] <= mine):
                        uf.union(k, j)
