"""One FilterSpec for the GUI, the CLI and exports, applied with numpy over an index of the events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from timeline_app.core.daycount import date_to_days, parse_iso_days
from timeline_app.core.library import columns as col

MATCH_ANY = "any"
MATCH_ALL = "all"


@dataclass(frozen=True)
class FilterSpec:
    """What the user wants to see. Empty fields do not filter."""

    countries: frozenset[str] = field(default_factory=frozenset)
    match: str = MATCH_ANY  # "any" of the countries, or "all" of them (the bilateral view)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    event_types: frozenset[str] = field(default_factory=frozenset)
    organizations: frozenset[str] = field(default_factory=frozenset)
    article_ids: frozenset[int] = field(default_factory=frozenset)
    precisions: frozenset[str] = field(default_factory=frozenset)  # allowed; empty = all
    languages: frozenset[str] = field(default_factory=frozenset)  # of the reporting articles: ISO 639-1 codes
    min_sources: int = 0
    text: str = ""
    show_hidden: bool = False  # events the user hid as false are left out unless asked for

    def __post_init__(self) -> None:
        if self.match not in (MATCH_ANY, MATCH_ALL):
            raise ValueError(f"match must be 'any' or 'all', not {self.match!r}")

    def is_empty(self) -> bool:
        return self == FilterSpec(match=self.match, show_hidden=self.show_hidden)

    def describe(self) -> str:
        """A short description for the status bar: "countries TUR+SYR (all), 2020-01-01 to ..."."""
        parts = []
        if self.countries:
            joiner = "+" if self.match == MATCH_ALL else ", "
            parts.append(f"countries {joiner.join(sorted(self.countries))}"
                         + (" (all)" if self.match == MATCH_ALL and len(self.countries) > 1 else ""))
        if self.date_from or self.date_to:
            a = self.date_from.isoformat() if self.date_from else "..."
            b = self.date_to.isoformat() if self.date_to else "..."
            parts.append(f"{a} to {b}")
        if self.event_types:
            parts.append("types " + ", ".join(sorted(self.event_types)))
        if self.organizations:
            parts.append("organisations " + ", ".join(sorted(self.organizations)))
        if self.article_ids:
            parts.append(f"{len(self.article_ids)} article(s)")
        if self.precisions:
            parts.append("precision " + ", ".join(sorted(self.precisions)))
        if self.languages:
            parts.append("language " + ", ".join(sorted(self.languages)))
        if self.min_sources > 1:
            parts.append(f"at least {self.min_sources} sources")
        if self.text:
            parts.append(f'text "{self.text}"')
        if self.show_hidden:
            parts.append("hidden events shown")
        return "; ".join(parts) if parts else "no filter"


def _membership(cells: np.ndarray) -> dict[str, np.ndarray]:
    """code -> sorted row indices of the rows whose ';'-joined cell contains the code."""
    rows: dict[str, list[int]] = {}
    for i, cell in enumerate(cells):
        if cell:
            for code in str(cell).split(col.LIST_SEPARATOR):
                if code:
                    rows.setdefault(code, []).append(i)
    return {k: np.asarray(v, dtype=np.int64) for k, v in rows.items()}


class FilterIndex:
    """Precomputed columns of an events frame so that any FilterSpec is a few numpy operations."""

    def __init__(self, events: pd.DataFrame) -> None:
        self.n = len(events)

        def column(name: str) -> np.ndarray:
            return events[name].to_numpy() if name in events else np.full(self.n, "", dtype=object)

        # Days since 1970-01-01 (core.daycount), MISSING_DAY where an event has no date.
        self.start_day = parse_iso_days(column(col.DATE_START))
        self.end_day = parse_iso_days(column(col.DATE_END))
        self.event_type = column(col.EVENT_TYPE).astype(str)
        self.cameo_root = np.array([str(c)[:2] for c in column(col.CAMEO_CODE)], dtype=object)
        self.precision = column(col.DATE_PRECISION).astype(str)
        self.sources = (events[col.SOURCES].to_numpy(dtype=np.int64) if col.SOURCES in events
                        else np.ones(self.n, dtype=np.int64))
        self.countries = _membership(column(col.COUNTRIES))
        self.organizations = _membership(column(col.ORGANIZATIONS))
        self.articles = {int(k): v for k, v in _membership(column(col.ARTICLE_IDS)).items()}
        self.languages = _membership(column(col.LANGUAGE))
        self.hidden = (events[col.HIDDEN].to_numpy(dtype=bool) if col.HIDDEN in events
                       else np.zeros(self.n, dtype=bool))
        # Lower-cased summary and evidence, built here (off the GUI thread) so text search is quick.
        self.text = np.array([f"{a}\n{b}".lower() for a, b in zip(column(col.SUMMARY), column(col.EVIDENCE))],
                             dtype=object)

    def _rows_mask(self, index: dict, keys: frozenset, match_all: bool) -> np.ndarray:
        if match_all:
            count = np.zeros(self.n, dtype=np.int32)
            for k in keys:
                rows = index.get(k)
                if rows is None:
                    return np.zeros(self.n, dtype=bool)
                count[rows] += 1
            return count == len(keys)
        mask = np.zeros(self.n, dtype=bool)
        for k in keys:
            rows = index.get(k)
            if rows is not None:
                mask[rows] = True
        return mask

    def mask(self, spec: FilterSpec) -> np.ndarray:
        """Boolean array: True for the events the spec keeps."""
        mask = np.ones(self.n, dtype=bool) if spec.show_hidden else ~self.hidden
        if spec.countries:
            mask &= self._rows_mask(self.countries, spec.countries, spec.match == MATCH_ALL)
        if spec.date_from:
            mask &= self.end_day >= date_to_days(spec.date_from)
        if spec.date_to:
            mask &= self.start_day <= date_to_days(spec.date_to)
        if spec.event_types:
            # Event types may be given as CAMEO root codes ("04") or names ("Consult").
            wanted = list(spec.event_types)
            mask &= np.isin(self.event_type, wanted) | np.isin(self.cameo_root, wanted)
        if spec.organizations:
            mask &= self._rows_mask(self.organizations, spec.organizations, False)
        if spec.article_ids:
            mask &= self._rows_mask(self.articles, frozenset(int(a) for a in spec.article_ids), False)
        if spec.precisions:
            mask &= np.isin(self.precision, list(spec.precisions))
        if spec.languages:  # an event reported in several languages is kept for any of them
            mask &= self._rows_mask(self.languages, spec.languages, False)
        if spec.min_sources > 1:
            mask &= self.sources >= spec.min_sources
        if spec.text:
            needle = spec.text.lower()
            hay = self.text
            idx = np.flatnonzero(mask)
            hits = np.fromiter((needle in hay[i] for i in idx), dtype=bool, count=len(idx))
            mask[idx[~hits]] = False
        return mask

    def language_counts(self) -> dict[str, int]:
        """Events per language of the articles that report them."""
        return {k: int(len(v)) for k, v in self.languages.items()}

    def country_counts(self, mask: np.ndarray | None = None) -> dict[str, int]:
        """Events per country, among the rows of `mask` (all rows when None)."""
        if mask is None:
            return {k: int(len(v)) for k, v in self.countries.items()}
        return {k: int(mask[v].sum()) for k, v in self.countries.items()}

    def apply(self, events: pd.DataFrame, spec: FilterSpec) -> pd.DataFrame:
        return events[self.mask(spec)]


def filter_events(events: pd.DataFrame, spec: FilterSpec) -> pd.DataFrame:
    """The rows of `events` that `spec` keeps (builds a throwaway index: use FilterIndex to repeat)."""
    return FilterIndex(events).apply(events, spec)
