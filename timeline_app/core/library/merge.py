"""Mentions of one event, within and across articles, given one event id: the merge behind the events frame."""

from __future__ import annotations

import bisect
import hashlib
import re

import pandas as pd

from timeline_app.core.library import columns as col
from timeline_app.core.models import Precision

# Precisions at which one date holds many events: mentions merge only with the same CAMEO code.
_COARSE = frozenset(p.value for p in Precision if p.rank >= Precision.MONTH.rank)


def _column(rows: pd.DataFrame, name: str) -> list[str]:
    if name not in rows.columns:
        return [""] * len(rows)
    values = rows[name]
    return values.astype(object).where(values.notna(), "").astype(str).tolist()


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
    value = _column(rows, col.DATE_VALUE)
    precision = _column(rows, col.DATE_PRECISION)
    countries = _column(rows, col.COUNTRIES)
    etype = _column(rows, col.EVENT_TYPE)
    code = _column(rows, col.CAMEO_CODE)
    article = _column(rows, col.ARTICLE_ID)
    start = _column(rows, col.CHAR_START)
    sig_of_row: list[str] = []
    for i in range(n):
        tkey = code[i][:2] if code[i] else etype[i]
        cset = col.LIST_SEPARATOR.join(sorted(c for c in countries[i].split(col.LIST_SEPARATOR) if c))
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
    sets = [frozenset(p[3].split(col.LIST_SEPARATOR)) - {""} if len(p) > 3 else frozenset() for p in parts]
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
    starts, ends = _column(rows, col.DATE_START), _column(rows, col.DATE_END)
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
