"""Mentions of one event, within and across articles, given one event id: reports clustered by average link within their blocks.

Each article's mentions of one event become one report (reports.py). Reports of different
articles are scored only when they could tell of one event (pairs.py: dates that meet at their
precision, a shared party), blocks.py puts the reports that could join one event into one block,
and each block is clustered by average link: a report joins the group whose reports it matches
on average, never through a chain of single matches. Everything depends on the set of mentions
only, never on their order, and a block can be clustered again alone (the import relies on it).
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from timeline_app.core.library import blocks as bl
from timeline_app.core.library.matching import LINK, Report, TypeTable
from timeline_app.core.library.pairs import ReportArrays, candidate_pairs, scores
from timeline_app.core.library.reports import Mentions, make_reports


def digest(keys: Sequence[str]) -> str:
    return hashlib.sha1("\x1d".join(sorted(keys)).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Clustering:
    """The event and the block of every report, whether it was crowded, and its best narrow partner
    (index, -1 for none) with their score."""

    events: list[str]
    blocks: list[str]
    crowded: np.ndarray
    best: np.ndarray
    best_score: np.ndarray
    counts: list[tuple[str, str, int]]  # reports per party and period (party, cell, count), when worked out


@dataclass(frozen=True)
class Assignment:
    """The event of every mention, and the block it was clustered in."""

    event_ids: pd.Series
    blocks: pd.Series


def scored_pairs(arr: ReportArrays, live: np.ndarray, among: np.ndarray | None = None,
                 table: TypeTable | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The candidate pairs of the live reports that score above 0, and their scores."""
    a, b = candidate_pairs(arr, live, among)
    s = scores(arr, a, b, table)
    keep = s > 0
    return a[keep], b[keep], s[keep]


def days_of_one_range(x: list[int], y: list[int], reports: Sequence[Report]) -> int:
    """How many pairs of `x` and `y` tell of different days that a range of two or three days among
    them holds ("6-7 March" beside "today" on the 6th and "ended on Tuesday" the 7th): the days of
    one event, which cannot be compared with each other (their dates do not meet), not a disagreement."""
    spans = [(r.start, r.end) for r in (reports[i] for i in x + y)
             if not r.coarse and 0 < r.end - r.start < bl.NARROW_DAYS]
    if not spans:
        return 0
    count = 0
    for i in x:
        a = reports[i]
        for j in y:
            b = reports[j]
            if a.start > b.end or b.start > a.end:
                low, high = min(a.start, b.start), max(a.end, b.end)
                count += any(s <= low and high <= e for s, e in spans)
    return count


def average_link(members: list[int], partners: dict[int, dict[int, float]],
                 reports: Sequence[Report]) -> list[list[int]]:
    """Agglomerate one block's reports: the two groups with the best average score merge while it
    reaches LINK (pairs never scored count 0, but for the days of one range: days_of_one_range);
    two reports of one article never share a group.
    Ties go to the groups of the smaller keys, so the result depends on the set only."""
    order = sorted(members, key=lambda r: reports[r].key)
    rank = {r: x for x, r in enumerate(order)}
    groups: dict[int, list[int]] = {x: [r] for x, r in enumerate(order)}
    articles = {x: {reports[r].article} for x, r in enumerate(order)}
    sums: dict[int, dict[int, float]] = {x: {} for x in groups}
    for a in order:
        for b, value in partners.get(a, {}).items():
            if b in rank:  # a partner may lie in another block
                sums[rank[a]][rank[b]] = value
    version = dict.fromkeys(groups, 0)
    heap: list[tuple[float, int, int, int, int]] = []

    def push(x: int, y: int) -> None:
        x, y = min(x, y), max(x, y)
        if articles[x] & articles[y]:
            return
        compared = len(groups[x]) * len(groups[y]) - days_of_one_range(groups[x], groups[y], reports)
        avg = sums[x][y] / compared if compared > 0 else 0.0
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


def cluster(reports: Sequence[Report], crowded: np.ndarray | None = None, best: np.ndarray | None = None,
            table: TypeTable | None = None, one_side_crowded: np.ndarray | None = None) -> Clustering:
    """The blocks and events of `reports`.

    Given a whole library, `crowded`, `one_side_crowded` and `best` are worked out here; given some
    of its blocks (an import), they come from the library, as they depend on reports that are not among these.
    """
    kinds = np.array([bl.kind(r) for r in reports], np.int64)
    arr = ReportArrays.of(reports, one_side_crowded)
    counts: list[tuple[str, str, int]] = []
    if crowded is None:
        crowded, counts = bl.crowding(arr, kinds)
    if one_side_crowded is None:
        arr.one_side_crowded, days = bl.one_side_crowding(arr, kinds)
        counts = counts + days
    kinds = np.where(crowded, bl.NEVER, kinds)
    a, b, s = scored_pairs(arr, kinds != bl.NEVER, table=table)
    if best is None:
        best, best_score = bl.best_partners(reports, kinds, a, b, s)
    else:
        best_score = np.zeros(len(reports))
    roots = bl.group(reports, kinds, best, a, b, s)
    events = [""] * len(reports)
    block_ids = [""] * len(reports)
    size = np.bincount(roots, minlength=len(reports))
    order = np.argsort(roots, kind="stable")
    bounds = np.flatnonzero(np.diff(roots[order])) + 1
    for group in np.split(order, bounds) if len(order) else []:
        group = group.tolist()
        if len(group) == 1:  # most reports: an event of its own, alone in its block
            name = digest([reports[group[0]].key])
            events[group[0]], block_ids[group[0]] = "ev-" + name, "blk-" + name
            continue
        name = "blk-" + digest([reports[r].key for r in group])
        for r in group:
            block_ids[r] = name
        if len(group) == 2:  # two reports make a block only through a score of LINK or more: one event
            event_id = "ev-" + digest([reports[r].key for r in group])
            for r in group:
                events[r] = event_id
    big = size[roots] > 2
    same = big[a] & (roots[a] == roots[b])
    partners: dict[int, dict[int, float]] = {}
    for x, y, value in zip(a[same].tolist(), b[same].tolist(), s[same].tolist()):
        partners.setdefault(x, {})[y] = value
        partners.setdefault(y, {})[x] = value
    for group in np.split(order, bounds) if len(order) else []:
        if len(group) > 2:
            for event in average_link(group.tolist(), partners, reports):
                event_id = "ev-" + digest([reports[r].key for r in event])
                for r in event:
                    events[r] = event_id
    return Clustering(events, block_ids, crowded, best, best_score, counts)


def own_event(key: str) -> str:
    """The event id of a mention nothing can be matched with: an event of its own."""
    return "ev-" + digest([key])


def assign(rows: pd.DataFrame, table: TypeTable | None = None) -> Assignment:
    """The event and the block of every mention row of a frame (the whole library's, or a test's)."""
    if rows.empty:
        empty = pd.Series([], index=rows.index, dtype=object)
        return Assignment(empty, empty.copy())
    m = Mentions.of_frame(rows)
    reports, report_of = make_reports(m, table)
    result = cluster(reports, table=table)
    ids = [result.events[r] if r >= 0 else own_event(m.key[i]) for i, r in enumerate(report_of)]
    block_ids = [result.blocks[r] if r >= 0 else "blk-" + own_event(m.key[i])[3:] for i, r in enumerate(report_of)]
    return Assignment(pd.Series(ids, index=rows.index, dtype=object),
                      pd.Series(block_ids, index=rows.index, dtype=object))


def assign_event_ids(rows: pd.DataFrame) -> pd.Series:
    """A stable event id per mention row; mentions of one event share it, within and across articles.

    The id is a hash of the event's report keys, so it depends neither on row order nor on the index.
    """
    return assign(rows).event_ids
