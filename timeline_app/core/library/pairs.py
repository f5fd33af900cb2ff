"""The pairs of reports that could tell of one event, found and scored as arrays (matching.score, vectorised)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from timeline_app.core.library.matching import (
    COARSE_FACTOR, DATE_FACTOR, ONE_SIDE, ONE_SIDE_DAYS, ONE_SIDE_TEXT, TEXT_CEILING, TEXT_FLOOR,
    DIFFERENT_PARTNER, FINE_SPAN_DAYS, PARTY_WEIGHT, TEXT_WEIGHT, TYPE_WEIGHT, UNTYPED, Report, TypeTable,
    is_aside, type_score, un_act_score,
)
from timeline_app.core.library.unacts import is_un_act, same_un_act
from timeline_app.core.library.words import act_bits

# A range of up to this many days is as narrow as a day (blocks.py). Narrow reports are indexed
# apart from those spanning more (a week, a month): a day's partners then start at most this long before it.
NARROW_DAYS = 3
_NO_CODE, _CODES = -1, -2  # a report without a CAMEO code; one with several (scored one pair at a time)


@dataclass
class ReportArrays:
    """The columns of a list of reports that scoring reads, as numpy arrays (row i: reports[i])."""

    reports: Sequence[Report]
    article: np.ndarray
    start: np.ndarray
    end: np.ndarray
    span: np.ndarray  # a code per coarse span value, -1 for a fine date
    open_end: np.ndarray
    bits: np.ndarray  # (n, words) uint64: the parties (countries and organisations) as bit sets
    size: np.ndarray  # how many parties
    state_bits: np.ndarray  # the same, of the countries alone
    state_size: np.ndarray
    code: np.ndarray  # index into `codes`, _NO_CODE or _CODES
    codes: list[str]
    party_rows: np.ndarray  # (report, party) for every party of every report
    party_ids: np.ndarray
    party_names: list[str]  # of the party ids
    span_values: list[str]  # of the span codes
    aside: np.ndarray  # matching.is_aside of every report
    un_act: np.ndarray  # unacts.is_un_act of every report
    acts: np.ndarray  # words.act_bits of every report
    # Reports left out of the one-party rule, on a day crowded with one-party reports (blocks.py).
    one_side_crowded: np.ndarray

    @classmethod
    def of(cls, reports: Sequence[Report], one_side_crowded: np.ndarray | None = None) -> ReportArrays:
        n = len(reports)
        article = pd.factorize(np.array([r.article for r in reports], dtype=object))[0].astype(np.int64)
        span_codes, spans = pd.factorize(np.array([r.span_value for r in reports], dtype=object))
        fine = np.flatnonzero(spans == "")
        span = np.where(span_codes == (fine[0] if len(fine) else -2), -1, span_codes).astype(np.int64)
        if len(fine):  # codes count the coarse values only
            span = np.where(span > fine[0], span - 1, span)
        single = [next(iter(r.codes)) if len(r.codes) == 1 else "" for r in reports]
        code_codes, codes = pd.factorize(np.array(single, dtype=object))
        blank = np.flatnonzero(codes == "")
        code = code_codes.astype(np.int64)
        if len(blank):
            code = np.where(code == blank[0], _NO_CODE, np.where(code > blank[0], code - 1, code))
        code = np.where(np.array([len(r.codes) > 1 for r in reports], bool), _CODES, code)
        parties: dict[str, int] = {}
        rows: list[int] = []
        ids: list[int] = []
        states: list[bool] = []
        for i, r in enumerate(reports):
            for p in r.countries:
                rows.append(i)
                ids.append(parties.setdefault(p, len(parties)))
                states.append(True)
            for p in r.organizations:
                if p not in r.countries:
                    rows.append(i)
                    ids.append(parties.setdefault(p, len(parties)))
                    states.append(False)
        party_rows, party_ids = np.array(rows, np.int64), np.array(ids, np.int64)
        bits = _bit_sets(n, len(parties), party_rows, party_ids)
        state = np.array(states, bool)
        return cls(reports, article, np.fromiter((r.start for r in reports), np.int64, n),
                   np.fromiter((r.end for r in reports), np.int64, n), span,
                   np.fromiter((r.open_end for r in reports), bool, n), bits,
                   np.bincount(party_rows, minlength=n).astype(np.int64),
                   _bit_sets(n, len(parties), party_rows[state], party_ids[state]),
                   np.bincount(party_rows[state], minlength=n).astype(np.int64), code,
                   [c for c in codes.tolist() if c != ""], party_rows, party_ids, list(parties),
                   [v for v in spans.tolist() if v != ""],
                   np.fromiter((is_aside(r.words) for r in reports), bool, n),
                   np.fromiter((is_un_act(r.words) for r in reports), bool, n),
                   np.fromiter((act_bits(r.words) for r in reports), np.int64, n),
                   np.zeros(n, bool) if one_side_crowded is None else np.asarray(one_side_crowded, bool))

    def __len__(self) -> int:
        return len(self.reports)


def _bit_sets(n: int, width: int, rows: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """(n, words) uint64: bit `ids[k]` set in row `rows[k]`."""
    bits = np.zeros((n, max(1, (width + 63) // 64)), np.uint64)
    np.bitwise_or.at(bits, (rows, ids // 64), np.left_shift(np.uint64(1), (ids % 64).astype(np.uint64)))
    return bits


def _ranges(lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For query rows with index ranges [lo, hi): the query row and the index position of every hit."""
    counts = np.maximum(hi - lo, 0)
    query = np.repeat(np.arange(len(lo)), counts)
    starts = np.repeat(lo - np.concatenate(([0], np.cumsum(counts)[:-1])), counts)
    return query, starts + np.arange(len(query))


def candidate_pairs(arr: ReportArrays, live: np.ndarray | None = None,
                    among: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (a < b) of reports of different articles sharing a party whose dates meet: fine dates
    that overlap, or the same coarse span. Open-ended spans meet nothing. Only reports where `live`
    is True take part; with `among`, only pairs with at least one report where `among` is True."""
    rows, ids = arr.party_rows, arr.party_ids
    keep = ~arr.open_end[rows] if live is None else (~arr.open_end & live)[rows]
    rows, ids = rows[keep], ids[keep]
    if among is not None:
        wanted = among[rows]
    found_a: list[np.ndarray] = []
    found_b: list[np.ndarray] = []
    coarse = arr.span[rows] >= 0
    fine_rows, fine_ids = rows[~coarse], ids[~coarse]
    if len(fine_rows):
        low = int(arr.start[fine_rows].min()) - FINE_SPAN_DAYS
        width = int(arr.end[fine_rows].max()) - low + 1
        narrow = (arr.end[fine_rows] - arr.start[fine_rows]) < NARROW_DAYS
        queries = np.ones(len(fine_rows), bool) if among is None else wanted[~coarse]
        q_rows, q_ids = fine_rows[queries], fine_ids[queries]
        for members, reach in ((narrow, NARROW_DAYS - 1), (~narrow, FINE_SPAN_DAYS - 1)):
            keys = fine_ids[members] * width + (arr.start[fine_rows[members]] - low)
            order = np.argsort(keys, kind="stable")
            keys, owners = keys[order], fine_rows[members][order]
            base = q_ids * width - low
            lo = np.searchsorted(keys, base + np.maximum(arr.start[q_rows] - reach, low), "left")
            hi = np.searchsorted(keys, base + arr.end[q_rows], "right")
            query, at = _ranges(lo, hi)
            a, b = q_rows[query], owners[at]
            ok = (arr.end[b] >= arr.start[a]) & (a != b)
            found_a.append(a[ok])
            found_b.append(b[ok])
    if coarse.any():
        c_rows, c_ids = rows[coarse], ids[coarse]
        keys = arr.span[c_rows] * (int(ids.max()) + 1) + c_ids
        order = np.argsort(keys, kind="stable")
        keys, owners = keys[order], c_rows[order]
        lo = np.searchsorted(keys, keys, "left")
        hi = np.searchsorted(keys, keys, "right")
        query, at = _ranges(lo, hi)
        a, b = owners[query], owners[at]
        ok = a != b
        if among is not None:
            ok &= among[a] | among[b]
        found_a.append(a[ok])
        found_b.append(b[ok])
    one_a, one_b = _one_sided_pairs(arr, live, among)
    found_a.append(one_a)
    found_b.append(one_b)
    a, b = np.concatenate(found_a), np.concatenate(found_b)
    a, b = np.minimum(a, b), np.maximum(a, b)
    # Two states of two different pairs ("FRA;JPN", "FRA;IND") are never one event: left out here,
    # before the pairs found once for each party they share are made unique.
    # Reports of UN acts sharing a party are scored whatever the other sides (matching.un_pair).
    ok = (arr.article[a] != arr.article[b]) & ((party_scores(arr, a, b) > 0) | one_sided(arr, a, b)
                                                | (arr.un_act[a] & arr.un_act[b]))
    n = len(arr)
    pair = a[ok] * n + b[ok]
    pair.sort()
    pair = pair[np.concatenate(([True], pair[1:] != pair[:-1]))] if len(pair) else pair
    return pair // n, pair % n


def _single(arr: ReportArrays, live: np.ndarray | None) -> np.ndarray:
    """Which reports name one party on narrow fine dates (matching.one_sided), and can take part."""
    single = ((arr.size == 1) & (arr.span < 0) & ~arr.open_end & ((arr.end - arr.start) < ONE_SIDE_DAYS)
              & ~arr.one_side_crowded)
    return single if live is None else single & live


def one_sided(arr: ReportArrays, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """matching.one_sided of every pair."""
    single = _single(arr, None)
    return single[a] & single[b] & (np.bitwise_count(arr.bits[a] & arr.bits[b]).sum(axis=1) == 0)


def _one_sided_pairs(arr: ReportArrays, live: np.ndarray | None,
                     among: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """The pairs of reports naming one party each, not the same one, whose narrow dates meet (no
    shared party finds them: candidate_pairs)."""
    owners = np.flatnonzero(_single(arr, live))
    owners = owners[np.argsort(arr.start[owners], kind="stable")]
    queries = owners if among is None else owners[among[owners]]
    starts = arr.start[owners]
    lo = np.searchsorted(starts, arr.start[queries] - (ONE_SIDE_DAYS - 1), "left")
    hi = np.searchsorted(starts, arr.end[queries], "right")
    query, at = _ranges(lo, hi)
    a, b = queries[query], owners[at]
    ok = (arr.end[b] >= arr.start[a]) & (arr.article[a] != arr.article[b]) & one_sided(arr, a, b)
    return a[ok], b[ok]


def date_factors(arr: ReportArrays, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """matching.date_factor of every pair."""
    coarse = (arr.span[a] >= 0) | (arr.span[b] >= 0)
    span = np.maximum(arr.end[a] - arr.start[a], arr.end[b] - arr.start[b]) + 1
    fine = np.zeros(len(a))
    for most, factor in reversed(DATE_FACTOR):
        fine = np.where(span <= most, factor, fine)
    meet = (arr.start[a] <= arr.end[b]) & (arr.start[b] <= arr.end[a])
    out = np.where(coarse, np.where(arr.span[a] == arr.span[b], COARSE_FACTOR, 0.0), np.where(meet, fine, 0.0))
    return np.where(arr.open_end[a] | arr.open_end[b], 0.0, out)


def party_scores(arr: ReportArrays, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """matching.party_score of every pair."""
    shared = np.bitwise_count(arr.bits[a] & arr.bits[b]).sum(axis=1).astype(np.int64)
    la, lb = arr.size[a], arr.size[b]
    with np.errstate(divide="ignore", invalid="ignore"):
        overlap = shared / np.minimum(la, lb)
        jaccard = shared / (la + lb - shared)
        value = 0.8 * overlap + 0.2 * jaccard
    states = np.bitwise_count(arr.state_bits[a] & arr.state_bits[b]).sum(axis=1).astype(np.int64)
    sa, sb = arr.state_size[a], arr.state_size[b]
    differ = (2 * states <= np.minimum(sa, sb)) & (sa > states) & (sb > states)  # matching.sides_differ
    value = np.where(differ, value * DIFFERENT_PARTNER, value)
    return np.where(shared > 0, value, 0.0)


def _beside(arr: ReportArrays, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """matching.beside of every pair whose reports differ in being set aside."""
    side, other = np.where(arr.aside[a], a, b), np.where(arr.aside[a], b, a)
    inside = ~np.any(arr.bits[side] & ~arr.bits[other], axis=1)
    return inside & (arr.size[side] < arr.size[other])


def type_scores(arr: ReportArrays, a: np.ndarray, b: np.ndarray, table: TypeTable) -> np.ndarray:
    """matching.type_score of every pair (reactions join their act)."""
    ca, cb = arr.code[a], arr.code[b]
    out = np.full(len(a), UNTYPED)
    single = (ca >= 0) & (cb >= 0)
    if single.any():
        k = len(arr.codes)
        pair, at = np.unique(ca[single] * k + cb[single], return_inverse=True)
        known = np.array([table.compatible(arr.codes[p // k], arr.codes[p % k]) for p in pair.tolist()])
        out[single] = known[at]
    several = ((ca == _CODES) & (cb != _NO_CODE)) | ((cb == _CODES) & (ca != _NO_CODE))
    for i in np.flatnonzero(several):
        out[i] = type_score(arr.reports[a[i]].codes, arr.reports[b[i]].codes, table)
    return out


def text_scores(arr: ReportArrays, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """matching.text_score of every pair."""
    if not len(a):
        return np.zeros(0)
    ratio = process.cpdist([arr.reports[i].words for i in a], [arr.reports[i].words for i in b],
                           scorer=fuzz.token_set_ratio, dtype=np.float64, workers=1)
    return np.minimum(1.0, np.maximum(0.0, (ratio - TEXT_FLOOR) / (TEXT_CEILING - TEXT_FLOOR)))


def scores(arr: ReportArrays, a: np.ndarray, b: np.ndarray, table: TypeTable | None = None) -> np.ndarray:
    """matching.score of every pair of reports of different articles (the text only where the rest allows)."""
    table = table or TypeTable.default()
    factor = date_factors(arr, a, b)
    parties = party_scores(arr, a, b)
    kinds = type_scores(arr, a, b, table)
    acts_a, acts_b = arr.acts[a], arr.acts[b]
    for i in np.flatnonzero((kinds == 0) & (parties > 0) & ((acts_a & acts_b) != 0)):  # matching.type_of_one_act
        if not table.set_apart(arr.reports[a[i]].codes, arr.reports[b[i]].codes):
            kinds[i] = UNTYPED
    # matching.score: a side meeting, and one of some of a summit's parties (matching.beside)
    kinds = np.where((arr.aside[a] != arr.aside[b]) & ((kinds < 1.0) | _beside(arr, a, b)), 0.0, kinds)
    kinds = np.where((acts_a != 0) & (acts_b != 0) & ((acts_a & acts_b) == 0), 0.0, kinds)  # matching.two_acts
    out = np.zeros(len(a))
    sides = one_sided(arr, a, b)
    shared = np.bitwise_count(arr.bits[a] & arr.bits[b]).sum(axis=1) > 0
    un = (factor > 0) & arr.un_act[a] & arr.un_act[b] & (shared | sides)  # matching.un_pair
    if un.any():
        text = text_scores(arr, a[un], b[un])
        same = np.array([same_un_act(arr.reports[i].words, arr.reports[j].words, t)
                         for i, j, t in zip(a[un].tolist(), b[un].tolist(), text.tolist())], bool)
        out[un] = np.where(same, un_act_score(factor[un], text), 0.0)
    one = (parties == 0) & sides
    live = (factor > 0) & ((parties > 0) | one) & (kinds > 0) & ~un
    text = text_scores(arr, a[live], b[live])
    f, k = factor[live], kinds[live]
    both = f * (PARTY_WEIGHT * parties[live] + TEXT_WEIGHT * text + TYPE_WEIGHT * k)
    alone = np.where(text >= ONE_SIDE_TEXT,  # matching.one_side_score
                     f * ONE_SIDE * (TEXT_WEIGHT * text + TYPE_WEIGHT * k) / (TEXT_WEIGHT + TYPE_WEIGHT), 0.0)
    out[live] = np.where(one[live], alone, both)
    return out
