"""What the event table shows of an events frame: its columns, their display values and sort keys, built without Qt."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd

from timeline_app.core.daycount import parse_iso_days
from timeline_app.core.library import columns as col
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


@dataclass
class TableColumns:
    """The table's numpy mirror of an events frame: built without Qt, so a worker can prepare it."""

    n: int
    ids: np.ndarray
    evidence: np.ndarray
    raw_dates: np.ndarray
    display: dict[str, np.ndarray]
    sort_keys: dict[str, np.ndarray]
    row_of_event: dict[str, int]
    hidden: np.ndarray  # bool per event: hidden by the user (shown only on request)
    verified: np.ndarray  # bool per event: checked by the user against its sources


def prepare_columns(df: pd.DataFrame) -> TableColumns:
    """Mirror the frame's columns as numpy arrays: display values and sort keys."""
    n = len(df)
    display: dict[str, np.ndarray] = {}
    sort_keys: dict[str, np.ndarray] = {}
    raw_dates = _text_column(df, col.EVENT_DATE)
    for column in COLUMNS:
        if column.numeric:
            display[column.field] = (
                pd.to_numeric(df[column.field], errors="coerce").fillna(0).astype(np.int64).to_numpy()
                if column.field in df.columns else np.zeros(n, dtype=np.int64)
            )
        elif column.field == col.EVENT_DATE:
            # Few distinct values: format each once.
            codes, uniques = pd.factorize(raw_dates)
            shown = np.array([display_date(str(v)) for v in uniques], dtype=object)
            display[column.field] = shown[codes] if n else np.empty(0, dtype=object)
        else:
            display[column.field] = _text_column(df, column.field)
    # Finest first: sorting by precision puts day-level events above year-level ones.
    rank = {p.value: p.rank for p in Precision if p.placeable}
    for column in COLUMNS:
        if column.sort_field == PRECISION_RANK:
            prec = pd.Series(display[col.DATE_PRECISION], dtype=object)
            sort_keys[column.sort_field] = prec.map(rank).fillna(len(rank)).astype(np.int64).to_numpy()
        elif column.numeric:
            sort_keys[column.sort_field] = display[column.field]
        elif column.sort_field == col.DATE_START:
            # Day numbers (core.daycount), as the filters and the timeline count days; undated first.
            sort_keys[column.sort_field] = parse_iso_days(_text_column(df, col.DATE_START))
        else:
            # Fixed-width unicode sorts an order of magnitude faster than object arrays.
            sort_keys[column.sort_field] = _text_column(df, column.sort_field).astype(str)
    ids = _text_column(df, col.EVENT_ID)
    return TableColumns(
        n=n, ids=ids, evidence=_text_column(df, col.EVIDENCE), raw_dates=raw_dates, display=display,
        sort_keys=sort_keys, row_of_event={eid: i for i, eid in enumerate(ids.tolist())},
        hidden=_flag_column(df, col.HIDDEN), verified=_flag_column(df, col.VERIFIED),
    )


def _text_column(df: pd.DataFrame, name: str) -> np.ndarray:
    if name not in df.columns:
        return np.full(len(df), "", dtype=object)
    return df[name].fillna("").astype(str).to_numpy(dtype=object)


def _flag_column(df: pd.DataFrame, name: str) -> np.ndarray:
    if name not in df.columns:
        return np.zeros(len(df), dtype=bool)
    values = df[name].to_numpy(dtype=object)
    return np.fromiter((bool(v) and v == v for v in values), dtype=bool, count=len(values))  # NaN != NaN
