"""The Relations chart's numbers as rows (columns.RELATION_COLUMNS), for export.write_relations_csv."""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from timeline_app.core.daycount import MISSING_DAY, format_day
from timeline_app.core.library import columns as col
from timeline_app.core.library.periods import period_value
from timeline_app.core.library.relations import QUAD_CLASSES, UNKNOWN_QUAD, Partners, Series

log = logging.getLogger(__name__)


def series_frame(s: Series) -> pd.DataFrame:
    """One row per period and QuadClass 1-4, zeros included, so that a spreadsheet sees every period;
    QuadClass 0 (type unknown) only where there are such events. `score` sums their Goldstein weights;
    `first_date` and `last_date` are their first and last day, `any_uncertain` whether one's date is uncertain."""
    order = list((*QUAD_CLASSES, UNKNOWN_QUAD))
    periods = np.repeat(s.periods, len(order))
    quads = np.tile(np.array(order), len(s.events))
    events, score, reports = (a[:, order].ravel() for a in (s.events, s.score, s.reports))
    keep = (quads != UNKNOWN_QUAD) | (events > 0)
    first, last, uncertain = _dates(*(a[:, order].ravel()[keep] for a in (s.dates.first, s.dates.last,
                                                                          s.dates.uncertain)))
    return pd.DataFrame({
        col.PERIOD: [period_value(int(p), s.by) for p in periods[keep]],
        col.COUNTRY_A: s.dyad.a,
        col.COUNTRY_B: s.dyad.b,
        col.QUAD_CLASS: quads[keep],
        col.EVENTS: events[keep],
        col.SCORE: np.round(score[keep], 2),
        col.REPORTS: reports[keep],
        col.FIRST_DATE: first,
        col.LAST_DATE: last,
        col.ANY_UNCERTAIN: uncertain,
    }, columns=list(col.RELATION_COLUMNS))


def _dates(first: np.ndarray, last: np.ndarray, uncertain: np.ndarray) -> tuple[list[str], list[str], np.ndarray]:
    """Cells' first and last days as ISO dates ("" for a cell without events), and whether any of
    their events has an uncertain date."""
    return ([format_day(d) if d != MISSING_DAY else "" for d in first.tolist()],
            [format_day(d) if d != MISSING_DAY else "" for d in last.tolist()], uncertain > 0)


def partners_frame(p: Partners, period: str) -> pd.DataFrame:
    """One row per partner and QuadClass with events; `period` names the range counted (2019-01-01/2023-12-31)."""
    records = []
    for i, code in enumerate(p.codes):
        for q in (*QUAD_CLASSES, UNKNOWN_QUAD):
            if p.events[i, q]:
                first, last, uncertain = _dates(p.dates.first[i, q:q + 1], p.dates.last[i, q:q + 1],
                                                p.dates.uncertain[i, q:q + 1])
                records.append((period, p.country, code, q, int(p.events[i, q]), round(float(p.score[i, q]), 2),
                                int(p.reports[i, q]), first[0], last[0], bool(uncertain[0])))
    return pd.DataFrame.from_records(records, columns=list(col.RELATION_COLUMNS))
