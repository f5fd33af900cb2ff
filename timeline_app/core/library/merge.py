"""Mentions of one event, within and across articles, given one event id: reports linked by their best evidence.

First each article's mentions of one event become one report (the same date, or the two ends of
a range, with nested parties and types that can be one act). Then reports of different articles
are compared only within blocks of nearby dates sharing a party (matching.py scores each pair),
pairs scoring matching.LINK or more join their reports into a component, and each component is
clustered by average link: a report joins the group whose reports it matches on average, never
through a chain of single matches. Both steps depend on the set of mentions only, never on their
order, and a component can be clustered again alone (the incremental import relies on it).
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from timeline_app.core.daycount import MISSING_DAY, date_to_days, parse_iso_days
from timeline_app.core.library import columns as col
from timeline_app.core.library.matching import (
    FINE_SPAN_DAYS, LINK, Report, TypeTable, content_words, fine_precision, score, type_score,
)
from timeline_app.core.temporal.values import describe

# Between the two ends of a range written as two dates: "7-8 March", "23 to 24 October".
_RANGE_JOINER = re.compile(r"\s*(?:-|\u2013|to|through|until)\s*", re.IGNORECASE)
# Two days joined by "and" are one stretch only when they follow each other ("met on 22 and 23 May");
# otherwise a list of days ("met on March 3 and 5"), each its own event ("between 3 and 5 June" is
# read as one range, #23).
_AND_JOINER = re.compile(r"\s*and\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Assignment:
    """The event of every mention, and the component (block) it was clustered in: the mentions a
    new mention can change the event of are those of the blocks it links to."""

    event_ids: pd.Series
    blocks: pd.Series


def _text(rows: pd.DataFrame, name: str) -> list[str]:
    if name not in rows.columns:
        return [""] * len(rows)
    values = rows[name]
    return values.astype(object).where(values.notna(), "").astype(str).tolist()


def _ints(rows: pd.DataFrame, name: str) -> list[int]:
    if name not in rows.columns:
        return [0] * len(rows)
    return pd.to_numeric(rows[name], errors="coerce").fillna(0).astype(np.int64).tolist()


def _flags(rows: pd.DataFrame, name: str) -> list[bool]:
    if name not in rows.columns:
        return [False] * len(rows)
    return [bool(v) and v == v and str(v).lower() not in ("false", "0") for v in rows[name].tolist()]


def _days(values: list[str], starts: list[str], ends: list[str]) -> tuple[list[int], list[int]]:
    """First and last day of every mention; a value given without its days (a frame built by hand)
    is described once per distinct value."""
    first, last = parse_iso_days(starts).tolist(), parse_iso_days(ends).tolist()
    described: dict[str, tuple[int, int]] = {}
    for i, value in enumerate(values):
        if first[i] == MISSING_DAY and value:
            if value not in described:
                d = describe(value)
                described[value] = ((date_to_days(d[1]), date_to_days(d[2])) if d and d[1] and d[2]
                                    else (MISSING_DAY, MISSING_DAY))
            first[i], last[i] = described[value]
    return first, last


def _digest(keys: Sequence[str]) -> str:
    return hashlib.sha1("\x1d".join(sorted(keys)).encode("utf-8")).hexdigest()[:16]


class _Union:
    """Union-find over 0..n-1; the smaller index is the root."""

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

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return list(out.values())


class _Mentions:
    """The columns of a mentions frame that merging reads, as lists."""

    def __init__(self, rows: pd.DataFrame) -> None:
        self.n = len(rows)
        self.value = _text(rows, col.DATE_VALUE)
        self.precision = _text(rows, col.DATE_PRECISION)
        self.start, self.end = _days(self.value, _text(rows, col.DATE_START), _text(rows, col.DATE_END))
        self.open_end = _flags(rows, col.OPEN_END)
        self.countries = [frozenset(col.split_list(c)) for c in _text(rows, col.COUNTRIES)]
        self.organizations = [frozenset(col.split_list(c)) for c in _text(rows, col.ORGANIZATIONS)]
        self.code = _text(rows, col.CAMEO_CODE)
        self.article = _text(rows, col.ARTICLE_ID)
        self.title = _text(rows, col.ARTICLE_TITLE)
        self.evidence = _text(rows, col.EVIDENCE)
        self.evidence_start = _ints(rows, col.EVIDENCE_START)
        self.char_start = _ints(rows, col.CHAR_START)
        self.char_end = _ints(rows, col.CHAR_END)
        keys = _text(rows, col.MENTION_KEY)
        # A frame without keys (built by hand) is keyed by what its rows say, so equal rows are one key.
        self.key = [k or f"{a}:{s}:{v}:{c}:{t}" for k, a, s, v, c, t in zip(
            keys, self.article, self.char_start, self.value, _text(rows, col.COUNTRIES), self.code)]

    def matchable(self, i: int) -> bool:
        """Placed, with a type or parties to match it by (a dateline or an unresolved date is not)."""
        return (self.start[i] != MISSING_DAY and self.end[i] != MISSING_DAY and bool(self.value[i])
                and bool(self.code[i] or self.countries[i] or self.organizations[i]))

    def range_halves(self, i: int, j: int) -> bool:
        """True when mention i ends a sentence's range that mention j closes ("7-8 March")."""
        if self.evidence_start[i] != self.evidence_start[j] or not self.char_end[i] <= self.char_start[j]:
            return False
        a = self.char_end[i] - self.evidence_start[i]
        b = self.char_start[j] - self.evidence_start[j]
        between = self.evidence[i][a:b] if 0 <= a <= b <= len(self.evidence[i]) else "x"
        apart = self.start[j] - self.start[i]
        return (bool(_RANGE_JOINER.fullmatch(between)) and 0 < apart <= FINE_SPAN_DAYS
                or bool(_AND_JOINER.fullmatch(between)) and apart == 1)


def _one_report(m: _Mentions, i: int, j: int, table: TypeTable) -> bool:
    """Whether two mentions of one article tell of one event."""
    if m.open_end[i] or m.open_end[j]:
        return False
    same_date = m.value[i] == m.value[j] and m.start[i] == m.start[j] and m.end[i] == m.end[j]
    if not (same_date or m.range_halves(i, j) or m.range_halves(j, i)):
        return False
    a, b = m.countries[i], m.countries[j]
    if a and b and not (a <= b or b <= a):
        return False  # "Germany summoned ... on Friday. The Czech ministry also summoned ... on Friday"
    if not (a or b) and not (m.code[i] and m.code[j]):
        return False
    a_codes, b_codes = frozenset({m.code[i]} - {""}), frozenset({m.code[j]} - {""})
    return not (a_codes and b_codes) or type_score(a_codes, b_codes, table, reactions=False) >= 0.8


def _reports(m: _Mentions, table: TypeTable) -> tuple[list[Report], list[int]]:
    """Each article's mentions of one event as one report; the report of every mention (-1: none)."""
    by_article: dict[str, list[int]] = {}
    for i in range(m.n):
        if m.matchable(i):
            by_article.setdefault(m.article[i], []).append(i)
    uf = _Union(m.n)
    for members in by_article.values():
        members.sort(key=lambda i: (m.start[i], m.char_start[i], m.key[i]))
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if m.start[j] - m.start[i] > FINE_SPAN_DAYS:
                    break
                if _one_report(m, i, j, table):
                    uf.union(i, j)
    report_of = [-1] * m.n
    reports: list[Report] = []
    for group in sorted(uf.groups(), key=lambda g: min(m.key[i] for i in g)):
        if not m.matchable(group[0]):
            continue
        fine = all(fine_precision(m.precision[i]) for i in group)
        start, end = min(m.start[i] for i in group), max(m.end[i] for i in group)
        if fine and end - start + 1 > FINE_SPAN_DAYS:
            fine = False
        report_of_group = len(reports)
        reports.append(Report(
            key=min(m.key[i] for i in group), article=m.article[group[0]], start=start, end=end,
            span_value="" if fine else f"{m.precision[group[0]]}:{m.value[group[0]]}",
            open_end=any(m.open_end[i] for i in group),
            countries=frozenset().union(*(m.countries[i] for i in group)),
            organizations=frozenset().union(*(m.organizations[i] for i in group)),
            codes=frozenset(m.code[i] for i in group if m.code[i]),
            words=content_words(m.title[group[0]], *dict.fromkeys(m.evidence[i] for i in group)),
        ))
        for i in group:
            report_of[i] = report_of_group
    return reports, report_of


# Reports spanning at most this many days (a day, a range of days) are indexed apart from those
# spanning more (a week, a month): a day's partners then start at most this long before it.
_SHORT_SPAN = 3


def _candidates(reports: list[Report]) -> list[tuple[int, int]]:
    """Pairs of reports of different articles whose dates meet and that share a party: the only pairs scored."""
    short: dict[str, list[tuple[int, int]]] = {}  # party -> (start, report), sorted
    long: dict[str, list[tuple[int, int]]] = {}
    coarse: dict[tuple[str, str], list[int]] = {}  # (span, party) -> reports
    for r, rep in enumerate(reports):
        if rep.open_end:
            continue
        for party in rep.countries | rep.organizations:
            if rep.coarse:
                coarse.setdefault((rep.span_value, party), []).append(r)
            else:
                index = short if rep.end - rep.start < _SHORT_SPAN else long
                index.setdefault(party, []).append((rep.start, r))
    starts = {}
    for index in (short, long):
        for lst in index.values():
            lst.sort()
        starts[id(index)] = {party: [s for s, _ in lst] for party, lst in index.items()}
    pairs: set[tuple[int, int]] = set()
    for r, rep in enumerate(reports):
        if rep.open_end or rep.coarse:
            continue
        for party in rep.countries | rep.organizations:
            for index, reach in ((short, _SHORT_SPAN), (long, FINE_SPAN_DAYS)):
                lst = index.get(party)
                if not lst:
                    continue
                at = starts[id(index)][party]
                lo = bisect.bisect_left(at, rep.start - reach)
                hi = bisect.bisect_right(at, rep.end)
                for _, q in lst[lo:hi]:
                    other = reports[q]
                    if q > r and other.end >= rep.start and other.article != rep.article:
                        pairs.add((r, q))
                    elif q < r and other.end >= rep.start and other.article != rep.article:
                        pairs.add((q, r))
    for members in coarse.values():
        for x, r in enumerate(members):
            for q in members[x + 1:]:
                if reports[q].article != reports[r].article:
                    pairs.add((min(r, q), max(r, q)))
    return sorted(pairs)


def _average_link(members: list[int], scores: dict[int, dict[int, float]],
                  reports: list[Report]) -> list[list[int]]:
    """Agglomerate one component's reports: the two groups with the best average score merge while it
    reaches LINK (pairs never scored count 0); two reports of one article never share a group.
    Ties go to the groups of the smaller keys, so the result depends on the set only."""
    order = sorted(members, key=lambda r: reports[r].key)
    rank = {r: x for x, r in enumerate(order)}
    groups: dict[int, list[int]] = {x: [r] for x, r in enumerate(order)}
    articles = {x: {reports[r].article} for x, r in enumerate(order)}
    sums: dict[int, dict[int, float]] = {x: {} for x in groups}
    for a in order:
        for b, value in scores.get(a, {}).items():
            if b in rank:  # a partner scored below LINK may lie in another component
                sums[rank[a]][rank[b]] = value
    version = dict.fromkeys(groups, 0)
    heap: list[tuple[float, int, int, int, int]] = []

    def push(x: int, y: int) -> None:
        x, y = min(x, y), max(x, y)
        if articles[x] & articles[y]:
            return
        avg = sums[x][y] / (len(groups[x]) * len(groups[y]))
        if avg >= LINK:
            heapq.heappush(heap, (-avg, x, y, version[x], version[y]))

    for x in groups:
        for y in sums[x]:
            if x < y:
                push(x, y)
    while heap:
        _, x, y, vx, vy = heapq.heappop(heap)
        if x not in groups or y not in groups or version[x] != vx or version[y] != vy:
            continue
        groups[x] += groups.pop(y)
        articles[x] |= articles.pop(y)
        version[x] += 1
        merged = sums.pop(y)
        merged.pop(x, None)
        for z, value in merged.items():
            sums[z].pop(y, None)
            sums[x][z] = sums[x].get(z, 0.0) + value
            sums[z][x] = sums[x][z]
        sums[x].pop(y, None)
        for z in list(sums[x]):
            push(x, z)
    return list(groups.values())


def assign(rows: pd.DataFrame, table: TypeTable | None = None) -> Assignment:
    """The event and the block of every mention row (see the module's docstring)."""
    table = table or TypeTable.default()
    n = len(rows)
    if n == 0:
        empty = pd.Series([], index=rows.index, dtype=object)
        return Assignment(empty, empty.copy())
    m = _Mentions(rows)
    reports, report_of = _reports(m, table)
    uf = _Union(len(reports))
    scores: dict[int, dict[int, float]] = {}  # report -> its scored partners
    for a, b in _candidates(reports):
        value = score(reports[a], reports[b], table)
        if value > 0:
            scores.setdefault(a, {})[b] = value
            scores.setdefault(b, {})[a] = value
            if value >= LINK:
                uf.union(a, b)
    event_of_report = [0] * len(reports)
    block_of_report = [0] * len(reports)
    events: list[list[int]] = []
    blocks: list[list[int]] = []
    for component in uf.groups():
        block_of = len(blocks)
        blocks.append(component)
        clusters = _average_link(component, scores, reports) if len(component) > 1 else [component]
        for cluster in clusters:
            for r in cluster:
                event_of_report[r] = len(events)
                block_of_report[r] = block_of
            events.append(cluster)
    members_of_report: list[list[str]] = [[] for _ in reports]
    for i, r in enumerate(report_of):
        if r >= 0:
            members_of_report[r].append(m.key[i])
    event_names = [f"ev-{_digest([k for r in e for k in members_of_report[r]])}" for e in events]
    block_names = [f"blk-{_digest([k for r in b for k in members_of_report[r]])}" for b in blocks]
    ids: list[str] = []
    block_ids: list[str] = []
    for i in range(n):
        r = report_of[i]
        if r < 0:  # a mention nothing can be matched by is an event of its own
            own = f"ev-{_digest([m.key[i]])}"
            ids.append(own)
            block_ids.append("blk-" + own[3:])
        else:
            ids.append(event_names[event_of_report[r]])
            block_ids.append(block_names[block_of_report[r]])
    return Assignment(pd.Series(ids, index=rows.index, dtype=object),
                      pd.Series(block_ids, index=rows.index, dtype=object))


def assign_event_ids(rows: pd.DataFrame) -> pd.Series:
    """A stable event id per mention row; mentions of one event share it, within and across articles.

    The id is a hash of the event's mention keys, so it depends neither on row order nor on the index.
    """
    return assign(rows).event_ids
