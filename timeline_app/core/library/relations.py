"""How two states' dealings evolved: events of a country or a pair per period by QuadClass, and a country's partners.

Built once per library read from the events frame the window already holds (RelationsIndex), then
every chart is a few numpy calls over the filter's mask: no SQL, no pandas group-by per redraw.
Honest counts: one row of the events frame is one event, however many articles reported it (the
reports are a second measure); an event is counted in one period only (periods.place); events
without a date never reach the events frame, and `undated_count` says how many the chart leaves out.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from timeline_app.core.daycount import MISSING_DAY
from timeline_app.core.extract.cameo import CAMEO_DIR, read_codes
from timeline_app.core.library import columns as col
from timeline_app.core.library.codelists import CodeLists, factorize
from timeline_app.core.library.datemod import is_uncertain
from timeline_app.core.library.eventcolumns import EventColumns
from timeline_app.core.library.filters import FilterIndex, FilterSpec
from timeline_app.core.library.frames import empty_events
from timeline_app.core.library.periods import month_index, period_of_day, place
from timeline_app.paths import resource

log = logging.getLogger(__name__)

UNKNOWN_QUAD = 0  # an event whose type (CAMEO code) is not known
# Column q of every count array holds QuadClass q; column 0 the events of unknown type.
QUAD_CLASSES: tuple[int, ...] = (1, 2, 3, 4)
QUAD_NAMES: dict[int, str] = {
    1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict",
    UNKNOWN_QUAD: "Type unknown",
}
N_QUAD = 5
PARTNER_LIMIT = 15


@dataclass(frozen=True)
class Dyad:
    """One country (b == "") or a pair: the events that name both."""

    a: str
    b: str = ""

    def codes(self) -> tuple[str, ...]:
        return (self.a, self.b) if self.b else (self.a,)

    def label(self, names: Mapping[str, str] | None = None) -> str:
        """'Türkiye – Syria', or 'Türkiye' alone."""
        names = names or {}
        return " – ".join(names.get(c, c) for c in self.codes())


@dataclass(frozen=True)
class CellDates:
    """Per cell of a chart's count arrays (K, N_QUAD): the first and last day of its events (MISSING_DAY
    where it has none) and how many of them have an uncertain date (datemod.APPROX)."""

    first: np.ndarray
    last: np.ndarray
    uncertain: np.ndarray


@dataclass(frozen=True)
class Series:
    """Events per period for a dyad: arrays of shape (periods, N_QUAD) and the score per period."""

    dyad: Dyad
    by: str
    first: int  # the period of row 0 (periods.py numbering)
    events: np.ndarray  # (P, N_QUAD) events per period and QuadClass
    reports: np.ndarray  # (P, N_QUAD) the articles that reported them
    score: np.ndarray  # (P, N_QUAD) the Goldstein weights of those events summed
    too_coarse: int  # events of the dyad dated too loosely for one period at this resolution
    dates: CellDates

    @property
    def periods(self) -> np.ndarray:
        return np.arange(self.first, self.first + len(self.events), dtype=np.int64)

    @property
    def net(self) -> np.ndarray:
        """(P,) the net cooperation score of each period: positive for cooperation, negative for conflict."""
        return self.score.sum(axis=1)

    @property
    def total(self) -> int:
        return int(self.events.sum())


@dataclass(frozen=True)
class Partners:
    """A country's most frequent counterparts: arrays of shape (partners, N_QUAD), most events first."""

    country: str
    codes: tuple[str, ...]
    events: np.ndarray
    reports: np.ndarray
    score: np.ndarray  # (partners, N_QUAD) Goldstein weights summed
    more: int  # partners past the limit
    total: int  # events of the country counted (with a partner or not)
    alone: int  # of those, events that name no other country
    dates: CellDates


def goldstein_weights() -> dict[str, float]:
    """The Goldstein weight of every CAMEO code, from resources/cameo/codes.tsv (its header names the source)."""
    return {code: entry.goldstein for code, entry in read_codes(resource(CAMEO_DIR)).items()}


class RelationsIndex:
    """The columns of an events frame that the Relations chart needs, as numpy arrays."""

    def __init__(self, events: EventColumns | pd.DataFrame, weights: Mapping[str, float],
                 undated: pd.DataFrame | None = None) -> None:
        """`weights`: Goldstein weight per CAMEO code (cameo.read_codes); a code missing falls back to its root.
        `undated`: the events only undated mentions make (undated_events), left out of `events`."""
        ev = events if isinstance(events, EventColumns) else EventColumns.from_frame(events)
        self.n = len(ev)
        self.start_day, self.end_day = ev.start_day, ev.end_day
        self.placed = (self.start_day != MISSING_DAY) & (self.end_day != MISSING_DAY)
        mid = np.where(self.placed, self.start_day + (self.end_day - self.start_day) // 2, MISSING_DAY)
        self._months = (month_index(np.where(self.placed, self.start_day, MISSING_DAY)),
                        month_index(np.where(self.placed, self.end_day, MISSING_DAY)), month_index(mid))
        quad = ev.numbers[col.QUAD_CLASS]
        self.quad = np.where(np.isin(quad, QUAD_CLASSES), quad, UNKNOWN_QUAD)
        self.weight = _weights(ev.text[col.CAMEO_CODE], weights)
        self.reports = ev.numbers[col.SOURCES]
        self.uncertain = is_uncertain(ev.text[col.DATE_MOD]) if col.DATE_MOD in ev.text else np.zeros(self.n, bool)
        self.codes, self.pair_row, self.pair_code = _pairs(ev.codes(col.COUNTRIES))
        self._code_of = {c: i for i, c in enumerate(self.codes)}
        self._bounds = np.searchsorted(self.pair_code, np.arange(len(self.codes) + 1))
        self.set_undated(undated if undated is not None else empty_events())
        self._places: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def code_index(self, code: str) -> int:
        """The position of a country in `codes`, -1 when no event names it."""
        return self._code_of.get(code, -1)

    def rows_of(self, code: str) -> np.ndarray:
        """The rows of the events that name `code`, ascending."""
        i = self._code_of.get(code)
        return self.pair_row[self._bounds[i]:self._bounds[i + 1]] if i is not None else np.empty(0, dtype=np.int64)

    def dyad_rows(self, dyad: Dyad, mask: np.ndarray) -> np.ndarray:
        """The rows of the dated events naming every country of `dyad` that `mask` keeps."""
        rows = self.rows_of(dyad.a)
        if dyad.b:
            rows = np.intersect1d(rows, self.rows_of(dyad.b), assume_unique=True)
        return rows[mask[rows] & self.placed[rows]]

    def extent(self, rows: np.ndarray) -> tuple[int, int] | None:
        """The first and last day of the events at `rows`, None for no rows."""
        if not len(rows):
            return None
        return int(self.start_day[rows].min()), int(self.end_day[rows].max())

    def places(self, by: str) -> tuple[np.ndarray, np.ndarray]:
        """The period of every event at resolution `by`, and whether it has one (cached per resolution)."""
        cached = self._places.get(by)
        if cached is None:
            cached = place(self.start_day, self.end_day, *self._months, by)
            self._places[by] = cached
        return cached

    def set_undated(self, undated: pd.DataFrame) -> None:
        """The events only undated mentions make (undated_events): the window learns them with the
        mentions, after the chart is first drawn. One assignment, for the thread that reads them."""
        self._undated = FilterIndex(undated)

    def undated_count(self, dyad: Dyad, spec: FilterSpec) -> int:
        """Events of the dyad that have no date (so are in no chart) and that the filters would otherwise keep."""
        undated = self._undated
        if not undated.n:
            return 0
        # A date range cannot keep or drop an event without a date.
        keep = undated.mask(replace(spec, date_from=None, date_to=None))
        keep &= undated.countries.mask(dyad.codes(), match_all=True)
        return int(keep.sum())


def series(index: RelationsIndex, mask: np.ndarray, dyad: Dyad, by: str,
           span: tuple[int, int] | None = None) -> Series:
    """Events of `dyad` per period of `by` among those `mask` keeps.

    `span` (first and last day, days since 1970-01-01) fixes the periods shown, from the one holding
    its first day to the one holding its last; without it they run from the dyad's first event to its last.
    """
    rows, periods, fits = _in_periods(index, mask, dyad, by)
    counted = rows[fits]
    p = periods[fits]
    if span is not None:
        lo, hi = period_of_day(span[0], by), period_of_day(span[1], by)
        inside = (p >= lo) & (p <= hi)
        counted, p = counted[inside], p[inside]
        loose = rows[~fits]
        too_coarse = int(((index.start_day[loose] <= span[1]) & (index.end_day[loose] >= span[0])).sum())
    else:
        lo, hi = (int(p.min()), int(p.max())) if len(p) else (0, -1)
        too_coarse = int((~fits).sum())
    size = hi - lo + 1
    cell = (p - lo) * N_QUAD + index.quad[counted]
    events = np.bincount(cell, minlength=size * N_QUAD).reshape(size, N_QUAD)
    reports = np.bincount(cell, weights=index.reports[counted], minlength=size * N_QUAD)
    score = np.bincount(cell, weights=index.weight[counted], minlength=size * N_QUAD)
    return Series(dyad, by, lo, events, reports.astype(np.int64).reshape(size, N_QUAD),
                  score.reshape(size, N_QUAD), too_coarse, _cell_dates(index, cell, counted, size))


def series_rows(index: RelationsIndex, mask: np.ndarray, dyad: Dyad, by: str, period: int,
                quad: int | None = None) -> np.ndarray:
    """The rows of the events one bar counts (one segment of it with `quad`): what a click shows."""
    rows, periods, fits = _in_periods(index, mask, dyad, by)
    chosen = rows[fits & (periods == period)]
    return chosen if quad is None else chosen[index.quad[chosen] == quad]


def _in_periods(index: RelationsIndex, mask: np.ndarray, dyad: Dyad, by: str
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows = index.dyad_rows(dyad, mask)
    periods, fits = index.places(by)
    return rows, periods[rows], fits[rows]


def partners(index: RelationsIndex, mask: np.ndarray, country: str, span: tuple[int, int] | None = None,
             limit: int = PARTNER_LIMIT) -> Partners:
    """The countries named with `country` most often among the events `mask` keeps (dated within `span`)."""
    rows = _overlapping(index, index.dyad_rows(Dyad(country), mask), span)
    chosen = np.zeros(index.n, dtype=bool)
    chosen[rows] = True
    me = index.code_index(country)
    pairs = chosen[index.pair_row] & (index.pair_code != me)
    prow, pcode = index.pair_row[pairs], index.pair_code[pairs]
    k = len(index.codes)
    cell = pcode * N_QUAD + index.quad[prow]
    events = np.bincount(cell, minlength=k * N_QUAD).reshape(k, N_QUAD)
    reports = np.bincount(cell, weights=index.reports[prow], minlength=k * N_QUAD).reshape(k, N_QUAD)
    score = np.bincount(cell, weights=index.weight[prow], minlength=k * N_QUAD).reshape(k, N_QUAD)
    totals = events.sum(axis=1)
    named = np.flatnonzero(totals)
    ranked = named[np.lexsort((named, -totals[named]))]
    top = ranked[:limit]
    with_partner = np.unique(prow)
    dates = _cell_dates(index, cell, prow, k)
    return Partners(country, tuple(index.codes[i] for i in top), events[top], reports[top].astype(np.int64),
                    score[top], len(ranked) - len(top), len(rows), len(rows) - len(with_partner),
                    CellDates(dates.first[top], dates.last[top], dates.uncertain[top]))


def _cell_dates(index: RelationsIndex, cell: np.ndarray, rows: np.ndarray, size: int) -> CellDates:
    """The CellDates of `size` x N_QUAD cells, the event at rows[i] counted in cell[i]."""
    first = np.full(size * N_QUAD, np.iinfo(np.int64).max, dtype=np.int64)
    last = np.full(size * N_QUAD, MISSING_DAY, dtype=np.int64)
    np.minimum.at(first, cell, index.start_day[rows].astype(np.int64))
    np.maximum.at(last, cell, index.end_day[rows].astype(np.int64))
    first[first == np.iinfo(np.int64).max] = MISSING_DAY
    uncertain = np.bincount(cell, weights=index.uncertain[rows], minlength=size * N_QUAD).astype(np.int64)
    return CellDates(first.reshape(size, N_QUAD), last.reshape(size, N_QUAD), uncertain.reshape(size, N_QUAD))


def partner_rows(index: RelationsIndex, mask: np.ndarray, country: str, partner: str,
                 span: tuple[int, int] | None = None, quad: int | None = None) -> np.ndarray:
    """The rows of the events one partner bar counts (one segment of it with `quad`)."""
    rows = _overlapping(index, index.dyad_rows(Dyad(country, partner), mask), span)
    return rows if quad is None else rows[index.quad[rows] == quad]


def _overlapping(index: RelationsIndex, rows: np.ndarray, span: tuple[int, int] | None) -> np.ndarray:
    if span is None:
        return rows
    return rows[(index.start_day[rows] <= span[1]) & (index.end_day[rows] >= span[0])]


def _weights(cameo_codes: np.ndarray, weights: Mapping[str, float]) -> np.ndarray:
    codes, uniques = factorize(cameo_codes)
    table = np.fromiter((weights.get(u, weights.get(u[:2], 0.0)) if u else 0.0 for u in uniques),
                        dtype=np.float64, count=len(uniques))
    return table[codes] if len(codes) else np.empty(0)


def _pairs(countries: CodeLists) -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    """Every (event row, country) of the events, sorted by country then row, and the country codes."""
    count = countries.sizes[countries.combo]
    pair_row = np.repeat(np.arange(len(countries), dtype=np.int64), count)
    within = np.arange(len(pair_row), dtype=np.int64) - np.repeat(np.cumsum(count) - count, count)
    pair_code = countries.members[np.repeat(countries.starts[countries.combo], count) + within]
    by_code = np.lexsort((pair_row, pair_code))
    return tuple(countries.names), pair_row[by_code], pair_code[by_code]


def undated_events(mentions: pd.DataFrame, dated: Iterable[str] = ()) -> pd.DataFrame:
    """One row per event that only undated mentions make (their countries joined), leaving out the
    events of `dated` (ids of the events frame, which holds the dated events only)."""
    if mentions is None or mentions.empty:
        return empty_events()
    undated = mentions[~mentions[col.DATE_START].fillna("").astype(bool)]
    undated = undated[~undated[col.EVENT_ID].isin(set(dated))]
    if undated.empty:
        return empty_events()
    grouped = undated.groupby("event_id", sort=True)
    out = grouped.first().reset_index()
    out[col.COUNTRIES] = grouped[col.COUNTRIES].agg(
        lambda s: col.join_list(sorted({c for v in s for c in col.split_list(v)}))).to_numpy()
    out[col.SOURCES] = grouped[col.ARTICLE_ID].nunique().to_numpy()
    return out
