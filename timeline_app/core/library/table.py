"""What the event table shows of the events: its columns, their display values and sort keys, built without Qt."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from timeline_app.core.library import columns as col
from timeline_app.core.library.codelists import CodeLists
from timeline_app.core.library.datemod import shown_date
from timeline_app.core.library.eventcolumns import EventColumns
from timeline_app.core.models import Precision
from timeline_app.core.temporal.values import display_date

log = logging.getLogger(__name__)

PRECISION_RANK = "precision_rank"  # the sort key of the Precision column: finest first


@dataclass(frozen=True)
class Column:
    """One table column: the frame column it shows, its header, and the frame column it sorts by."""

    field: str
    header: str
    sort_field: str
    numeric: bool = False
    width: int = 100


COLUMNS: tuple[Column, ...] = (
    Column(col.EVENT_DATE, "Date", col.DATE_START, width=118),
    Column(col.COUNTRIES, "Countries", col.COUNTRIES, width=110),
    Column(col.SUMMARY, "Summary", col.SUMMARY, width=380),
    Column(col.EVENT_TYPE, "Type", col.EVENT_TYPE, width=110),
    Column(col.DATE_PRECISION, "Precision", PRECISION_RANK, width=68),
    Column(col.SOURCES, "Sources", col.SOURCES, numeric=True, width=56),
    Column(col.DATE_TEXT, "Written as", col.DATE_TEXT, width=120),
    Column(col.SOURCE_TITLES, "Articles", col.SOURCE_TITLES, width=260),
)


class SortKeys(Mapping[str, np.ndarray]):
    """The sort key of each column, made the first time the table is sorted by it: integer ranks of
    the text (ordered as str compares), day numbers, precision ranks, numbers."""

    def __init__(self, events: EventColumns, display: dict[str, np.ndarray]) -> None:
        self._events = events
        self._display = display
        self._keys: dict[str, np.ndarray] = {}

    def __getitem__(self, name: str) -> np.ndarray:
        if name not in self._keys:
            self._keys[name] = self._make(name)
        return self._keys[name]

    def __iter__(self) -> Iterator[str]:
        return iter(c.sort_field for c in COLUMNS)

    def __len__(self) -> int:
        return len(COLUMNS)

    def _make(self, name: str) -> np.ndarray:
        column = next((c for c in COLUMNS if c.sort_field == name), None)
        if column is None:
            raise KeyError(name)
        if name == col.DATE_START:
            return self._events.start_day  # day numbers (core.daycount), as the filters and the timeline count days
        if name == PRECISION_RANK:
            # Finest first: sorting by precision puts day-level events above year-level ones.
            rank = {p.value: p.rank for p in Precision if p.placeable}
            codes, uniques = pd.factorize(self._events.text[col.DATE_PRECISION])
            table = np.asarray([rank.get(str(u), len(rank)) for u in uniques] + [len(rank)], dtype=np.int64)
            return table[codes]
        values = self._display[column.field]
        if column.numeric:
            return values
        return pd.factorize(values, sort=True)[0].astype(np.int64) if len(values) else np.zeros(0, dtype=np.int64)


@dataclass
class TableColumns:
    """What the table shows of the events, read from their columns without Qt (a worker prepares it)."""

    n: int
    ids: np.ndarray
    text: Mapping[str, np.ndarray]  # the events' text columns: the evidence of a row is read from here when shown
    raw_dates: np.ndarray
    display: dict[str, np.ndarray]
    sort_keys: Mapping[str, np.ndarray]
    row_of_event: Mapping[str, int]  # made at its first look-up (eventcolumns.RowIndex)
    hidden: np.ndarray  # bool per event: hidden by the user (shown only on request)
    verified: np.ndarray  # bool per event: checked by the user against its sources
    countries: CodeLists  # the codes behind the Countries column (its tooltip names them)


def table_columns(events: EventColumns) -> TableColumns:
    """The table's columns: display values as numpy arrays, sort keys made when first sorted by."""
    text = events.text
    raw_dates = text[col.EVENT_DATE]
    # Few distinct dates: each formatted once.
    codes, uniques = pd.factorize(raw_dates)
    shown = np.asarray([display_date(str(v)) for v in uniques], dtype=object)
    dates = shown[codes] if len(codes) else np.empty(0, dtype=object)
    # A date with a modifier says so where it is shown: "≈ 2024-05-17" (uncertain), "early 2019".
    mods = text[col.DATE_MOD] if col.DATE_MOD in text else np.full(len(dates), "", dtype=object)
    for row in np.flatnonzero(mods != "").tolist():
        dates[row] = shown_date(dates[row], str(mods[row]))
    countries = events.codes(col.COUNTRIES)
    display = {
        col.EVENT_DATE: dates,
        col.COUNTRIES: countries.joined(", "),
        col.SOURCES: events.numbers[col.SOURCES],
    }
    for column in COLUMNS:
        if column.field not in display:
            display[column.field] = text[column.field]
    return TableColumns(
        n=len(events), ids=events.ids, text=text, raw_dates=raw_dates, display=display,
        sort_keys=SortKeys(events, display), row_of_event=events.row_of(), hidden=events.flags[col.HIDDEN],
        verified=events.flags[col.VERIFIED], countries=countries,
    )


def prepare_columns(df: pd.DataFrame) -> TableColumns:
    """table_columns of an events frame."""
    return table_columns(EventColumns.from_frame(df))
