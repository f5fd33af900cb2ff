"""The Relations chart's numbers as CSV: period, country_a, country_b, quad_class, events, score, reports."""

from __future__ import annotations

import csv
import logging
from pathlib import Path

import numpy as np
import pandas as pd

from timeline_app.core.library.export import atomic_writer
from timeline_app.core.library.periods import period_value
from timeline_app.core.library.relations import QUAD_CLASSES, UNKNOWN_QUAD, Partners, Series

log = logging.getLogger(__name__)

# The columns event-data users chart by hand (a dyad's events per period and QuadClass with a
# Goldstein sum); `reports`, the articles behind those events, comes last as the second measure.
CSV_COLUMNS: tuple[str, ...] = ("period", "country_a", "country_b", "quad_class", "events", "score", "reports")


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
        "period": [period_value(int(p), s.by) for p in periods[keep]],
        "country_a": s.dyad.a,
        "country_b": s.dyad.b,
        "quad_class": quads[keep],
        "events": events[keep],
        "score": np.round(score[keep], 2),
        "reports": reports[keep],
    }, columns=list(CSV_COLUMNS))


def partners_frame(p: Partners, period: str) -> pd.DataFrame:
    """One row per partner and QuadClass with events; `period` names the range counted (2019-01-01/2023-12-31)."""
    records = []
    for i, code in enumerate(p.codes):
        for q in (*QUAD_CLASSES, UNKNOWN_QUAD):
            if p.events[i, q]:
                records.append((period, p.country, code, q, int(p.events[i, q]), round(float(p.score[i, q]), 2),
                                int(p.reports[i, q])))
    return pd.DataFrame.from_records(records, columns=list(CSV_COLUMNS))


def write_relations_csv(frame: pd.DataFrame, path: str | Path, bom: bool = True) -> int:
    """Write a series_frame or partners_frame (codes and numbers only: nothing a spreadsheet could run)."""
    with atomic_writer(path, encoding="utf-8-sig" if bom else "utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\r\n" if bom else "\n")
        writer.writerow(CSV_COLUMNS)
        writer.writerows(frame.loc[:, list(CSV_COLUMNS)].itertuples(index=False, name=None))
    log.info("wrote %d relations rows to %s", len(frame), path)
    return len(frame)
