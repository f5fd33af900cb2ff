"""Which reports are clustered together: blocks as small as the matching rule allows, and crowded vague dates left alone.

A block is the unit the events are clustered in (merge.py), and the unit an import clusters again
when a new report links to it: so it must hold every report that could join one of its events,
and no more. The rule:

- Narrow reports (a day, a range of two or three days) linked by a score of LINK or more make a
  block together: reports of one event are told on its days.
- A vague report (a week, a month, a longer range) joins the block of its best narrow partner (the
  highest score of LINK or more; ties to the smaller key): it never links two blocks, so that a
  month does not chain the events of its thirty days into one block.
- Vague and coarse reports (a year, a quarter) with no narrow partner make blocks with the reports
  of the same dates they link to, and only those.
- A vague or coarse report in a crowded period stays alone: when some party of it is named by more
  than CROWD reports in its week, month or span, "in March" could be any of them. This bounds the
  reports a vague date is compared with, whatever the size of the library.
- A narrow report naming one party is compared with those naming one other party on its days
  (matching.one_sided) only while at most CROWD such reports start on its first day: the pairs
  a day gives that rule grow with the square of its one-party reports, and on a day of thousands
  (a feed of one ministry's daily notices) two of them that name different states say little.
  It keeps the reports that share a party with it. This bounds the comparisons a report makes.
- An open-ended span ("since 2011") is never an event to merge with.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from timeline_app.core.daycount import civil_from_days
from timeline_app.core.library.matching import LINK, Report
from timeline_app.core.library.pairs import NARROW_DAYS, ReportArrays

CROWD = 64
DAY, SHORT, VAGUE, COARSE, NEVER = 0, 1, 2, 3, -1
WEEK_DAYS = 7
# The party the narrow one-party reports of a day are counted under (one_side_cell): no party code
# (ISO 3166 letters, an organisation's name) is a star.
ONE_PARTY = "*"


def kind(report: Report) -> int:
    """DAY, SHORT, VAGUE, COARSE, or NEVER for an open-ended span or a report without parties."""
    if report.open_end or not (report.countries or report.organizations):
        return NEVER
    if report.coarse:
        return COARSE
    days = report.end - report.start + 1
    return DAY if days == 1 else SHORT if days <= NARROW_DAYS else VAGUE


def _week(day: int) -> str:
    return f"W{(day + 3) // 7}"  # weeks from Monday: 1970-01-01, day 0, was a Thursday


def _month(day: int) -> str:
    year, month, _ = civil_from_days(day)
    return f"M{year:04d}-{month:02d}"


def cells(report: Report, k: int | None = None) -> list[str]:
    """The periods a report is counted in (for crowding): the week and month it starts in, or its span.
    `k`: its kind, when known."""
    k = kind(report) if k is None else k
    if k == NEVER:
        return []
    if k == COARSE:
        return [f"S{report.span_value}"]
    return [_week(report.start), _month(report.start)]


def crowd_cell(report: Report, k: int | None = None) -> str:
    """The period whose crowd decides whether a vague or coarse report can be placed ('' for others)."""
    k = kind(report) if k is None else k
    if k == COARSE:
        return f"S{report.span_value}"
    if k == VAGUE:
        return _week(report.start) if report.end - report.start < WEEK_DAYS else _month(report.start)
    return ""


def parties(report: Report) -> frozenset[str]:
    return report.countries | report.organizations


def one_side_cell(report: Report, k: int | None = None) -> str:
    """The day a narrow report naming one party is counted in under ONE_PARTY ('' for other reports)."""
    k = kind(report) if k is None else k
    return f"D{report.start}" if k in (DAY, SHORT) and len(parties(report)) == 1 else ""


def one_side_crowded(report: Report, counts: Mapping[tuple[str, str], int], k: int | None = None) -> bool:
    """True for a one-party report of a day on which more than CROWD such reports start."""
    cell = one_side_cell(report, k)
    return bool(cell) and counts.get((ONE_PARTY, cell), 0) > CROWD


def one_side_crowding(arr: ReportArrays, kinds: np.ndarray) -> tuple[np.ndarray, list[tuple[str, str, int]]]:
    """one_side_crowded of every report (worked out for all at once), and the counts of one-party
    reports per day (ONE_PARTY, cell, count) it is judged by."""
    single = ((kinds == DAY) | (kinds == SHORT)) & (arr.size == 1)
    days, at, counts = np.unique(arr.start[single], return_inverse=True, return_counts=True)
    crowded = np.zeros(len(arr), bool)
    crowded[single] = counts[at] > CROWD
    return crowded, [(ONE_PARTY, f"D{d}", int(n)) for d, n in zip(days.tolist(), counts.tolist())]


def crowding(arr: ReportArrays, kinds: np.ndarray) -> tuple[np.ndarray, list[tuple[str, str, int]]]:
    """Which reports are crowded (`crowded` of each, worked out for all at once), and the counts
    of reports per party and period (party, cell, count) they are judged by."""
    counted = kinds[arr.party_rows] != NEVER
    rows, party = arr.party_rows[counted], arr.party_ids[counted]
    week = (arr.start + 3) // 7
    month = arr.start.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    span = arr.span * 3 + 2
    coarse = kinds[rows] == COARSE
    fine_rows, coarse_rows = rows[~coarse], rows[coarse]
    cell = np.concatenate((week[fine_rows] * 3, month[fine_rows] * 3 + 1, span[coarse_rows]))
    party = np.concatenate((party[~coarse], party[~coarse], party[coarse]))
    cells_u, at = np.unique(cell, return_inverse=True)
    keys, counts = np.unique(party * len(cells_u) + at, return_counts=True)
    judged = np.where(kinds == COARSE, span, np.where(arr.end - arr.start < WEEK_DAYS, week * 3, month * 3 + 1))
    eligible = ((kinds == VAGUE) | (kinds == COARSE))[rows]
    er, ep = rows[eligible], arr.party_ids[counted][eligible]
    found = counts[np.searchsorted(keys, ep * len(cells_u) + np.searchsorted(cells_u, judged[er]))]
    crowded = np.zeros(len(arr), bool)
    np.logical_or.at(crowded, er, found > CROWD)
    names = [_cell_name(int(c), arr.span_values) for c in cells_u.tolist()]
    table = [(arr.party_names[int(k) // len(cells_u)], names[int(k) % len(cells_u)], int(n))
             for k, n in zip(keys.tolist(), counts.tolist())]
    return crowded, table


def _cell_name(code: int, spans: Sequence[str]) -> str:
    """The name (cells) of a period coded as crowding codes it: week * 3, month * 3 + 1, span * 3 + 2."""
    value, sort = divmod(code, 3)
    if sort == 0:
        return f"W{value}"
    if sort == 1:
        return f"M{1970 + value // 12:04d}-{value % 12 + 1:02d}"
    return f"S{spans[value]}"


def crowded(report: Report, counts: Mapping[tuple[str, str], int], k: int | None = None) -> bool:
    """True for a vague or coarse report in a period where one of its parties is named too often."""
    cell = crowd_cell(report, k)
    return bool(cell) and any(counts.get((p, cell), 0) > CROWD for p in parties(report))


def best_partners(reports: Sequence[Report], kinds: np.ndarray, a: np.ndarray, b: np.ndarray,
                  s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For every vague report, its best narrow partner (index, -1 for none) and their score: the
    highest score of LINK or more, ties to the smaller key. `kinds` gives NEVER to crowded reports."""
    best = np.full(len(reports), -1, np.int64)
    best_score = np.zeros(len(reports))
    narrow = (kinds == DAY) | (kinds == SHORT)
    vague_a = (kinds[a] == VAGUE) & narrow[b]
    vague_b = (kinds[b] == VAGUE) & narrow[a]
    ok = s >= LINK
    v = np.concatenate((a[vague_a & ok], b[vague_b & ok]))
    n = np.concatenate((b[vague_a & ok], a[vague_b & ok]))
    value = np.concatenate((s[vague_a & ok], s[vague_b & ok]))
    if len(v):
        rank = np.empty(len(reports), np.int64)
        rank[np.argsort(np.array([r.key for r in reports], dtype=object), kind="stable")] = np.arange(len(reports))
        order = np.lexsort((rank[n], -value, v))
        v, n, value = v[order], n[order], value[order]
        first = np.concatenate(([True], v[1:] != v[:-1]))
        best[v[first]] = n[first]
        best_score[v[first]] = value[first]
    return best, best_score


def group(reports: Sequence[Report], kinds: np.ndarray, best: np.ndarray, a: np.ndarray, b: np.ndarray,
          s: np.ndarray) -> np.ndarray:
    """The block of every report (the index of its smallest member), by the rule of the module."""
    n = len(reports)
    parent = np.arange(n)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = int(parent[i])
        return i

    def union(x: int, y: int) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    narrow = (kinds == DAY) | (kinds == SHORT)
    free = ((kinds == VAGUE) & (best < 0)) | (kinds == COARSE)
    starts = np.array([r.start for r in reports], np.int64)
    ends = np.array([r.end for r in reports], np.int64)
    link = s >= LINK
    together = link & ((narrow[a] & narrow[b]) | (free[a] & free[b] & (starts[a] == starts[b]) & (ends[a] == ends[b])))
    for x, y in zip(a[together].tolist(), b[together].tolist()):
        union(x, y)
    for v in np.flatnonzero(best >= 0).tolist():
        union(v, int(best[v]))
    return np.array([find(i) for i in range(n)], np.int64)
