"""One FilterSpec for the GUI, the CLI and exports, applied with numpy over an index of the events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from timeline_app.core.daycount import date_to_days
from timeline_app.core.library import columns as col
from timeline_app.core.library.datemod import is_uncertain
from timeline_app.core.library.eventcolumns import EventColumns

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
    uncertain_only: bool = False  # only the events whose date is uncertain (datemod.APPROX)
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
        if self.uncertain_only:
            parts.append("uncertain dates only")
        if self.show_hidden:
            parts.append("hidden events shown")
        return "; ".join(parts) if parts else "no filter"


class FilterIndex:
    """The columns of the events a FilterSpec is applied to (shared with the table and the timeline):
    any spec is then a few numpy operations."""

    def __init__(self, events: EventColumns | pd.DataFrame) -> None:
        self.events = events if isinstance(events, EventColumns) else EventColumns.from_frame(events)
        ev = self.events
        self.n = len(ev)
        # Days since 1970-01-01 (core.daycount), MISSING_DAY where an event has no date.
        self.start_day = ev.start_day
        self.end_day = ev.end_day
        self.precision = ev.text[col.DATE_PRECISION]
        self.date_mod = ev.text[col.DATE_MOD]
        self.sources = ev.numbers[col.SOURCES]
        self.hidden = ev.flags[col.HIDDEN]
        self.countries = ev.codes(col.COUNTRIES)
        self.organizations = ev.codes(col.ORGANIZATIONS)
        self.languages = ev.codes(col.LANGUAGE)

    def _types(self, wanted: list[str]) -> np.ndarray:
        # Event types may be given as CAMEO root codes ("04") or names ("Consult").
        names = self.events.text[col.EVENT_TYPE]
        mask = np.isin(names, wanted)
        roots = [w for w in wanted if len(w) == 2 and w.isdigit()]
        if roots:
            codes = self.events.text[col.CAMEO_CODE]
            mask |= np.fromiter((c[:2] in roots for c in codes.tolist()), dtype=bool, count=self.n)
        return mask

    def mask(self, spec: FilterSpec) -> np.ndarray:
        """Boolean array: True for the events the spec keeps."""
        mask = np.ones(self.n, dtype=bool) if spec.show_hidden else ~self.hidden
        if spec.countries:
            mask &= self.countries.mask(spec.countries, spec.match == MATCH_ALL)
        if spec.date_from:
            mask &= self.end_day >= date_to_days(spec.date_from)
        if spec.date_to:
            mask &= self.start_day <= date_to_days(spec.date_to)
        if spec.event_types:
            mask &= self._types(list(spec.event_types))
        if spec.organizations:
            mask &= self.organizations.mask(spec.organizations)
        if spec.article_ids:
            mask &= self.events.codes(col.ARTICLE_IDS).mask(str(int(a)) for a in spec.article_ids)
        if spec.precisions:
            mask &= np.isin(self.precision, list(spec.precisions))
        if spec.uncertain_only:
            mask &= is_uncertain(self.date_mod)
        if spec.languages:  # an event reported in several languages is kept for any of them
            mask &= self.languages.mask(spec.languages)
        if spec.min_sources > 1:
            mask &= self.sources >= spec.min_sources
        if spec.text:
            needle = spec.text.lower()
            hay = self.events.lowered_text()
            idx = np.flatnonzero(mask)
            hits = np.fromiter((needle in hay[i] for i in idx.tolist()), dtype=bool, count=len(idx))
            mask[idx[~hits]] = False
        return mask

    def language_counts(self) -> dict[str, int]:
        """Events per language of the articles that report them."""
        return self.languages.counts()

    def country_counts(self, mask: np.ndarray | None = None) -> dict[str, int]:
        """Events per country, among the rows of `mask` (all rows when None)."""
        return self.countries.counts(mask)

    def apply(self, events: pd.DataFrame, spec: FilterSpec) -> pd.DataFrame:
        return events[self.mask(spec)]


def filter_events(events: pd.DataFrame, spec: FilterSpec) -> pd.DataFrame:
    """The rows of `events` that `spec` keeps (builds a throwaway index: use FilterIndex to repeat)."""
    return FilterIndex(events).apply(events, spec)
