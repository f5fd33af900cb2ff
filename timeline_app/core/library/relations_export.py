"""The Relations chart's numbers as rows (columns.RELATION_COLUMNS), for export.write_relations_csv."""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from timeline_app.core.library import columns as col
from timeline_app.core.library.periods import period_value
from timeline_app.core.library.relations import QUAD_CLASSES, UNKNOWN_QUAD, Partners, Series

log = logging.getLogger(__name__)


def series_frame(s: Series) -> pd.DataFrame:
    """One row per period and QuadClass 1-4, zeros included, so that a spreadsheet sees every period;
    QuadClass 0 (type unknown) only where there are such events. `score` sums their Goldstein weights."""
    periods = np.repeat(s.periods, len(QUAD_CLASSES) + 1)
    quads = np.tile(np.array((*QUAD_CLASSES, UNKNOWN_QUAD)), len(s.events))
    events = s.events[:, list((*QUAD_CLASSES, UNKNOWN_QUAD))].ravel()
    score = s.score[:, list((*QUAD_CLASSES, UNKNOWN_QUAD))].ravel()
    reports = s.reports[:, list((*QUAD_CLASSES, UNKNOWN_QUAD))].ravel()
    keep = (quads != UNKNOWN_QUAD) | (events > 0)
    return pd.DataFrame({
        col.PERIOD: [period_value(int(p), s.by) for p in periods[keep]],
        col.COUNTRY_A: s.dyad.a,
        col.COUNTRY_B: s.dyad.b,
        col.QUAD_CLASS: quads[keep],
        col.EVENTS: events[keep],
        col.SCORE: np.round(score[keep], 2),
        col.REPORTS: reports[keep],
    }, columns=list(col.RELATION_COLUMNS))


def partners_frame(p: Partners, period: str) -> pd.DataFrame:
    """One row per partner and QuadClass with events; `period` names the range counted (2019-01-01/2023-12-31)."""
    records = []
    for i, code in enumerate(p.codes):
        for q in (*QUAD_CLASSES, UNKNOWN_QUAD):
            if p.events[i, q]:
                records.append((period, p.country, code, q, int(p.events[i, q]), round(float(p.score[i, q]), 2),
                                int(p.reports[i, q])))
    return pd.DataFrame.from_records(records, columns=list(col.RELATION_COLUMNS))
