"""What the timeline draws of each event, from the shared event columns: span in days, strength, lanes of sources."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd

from timeline_app.core.daycount import MISSING_DAY
from timeline_app.core.library import columns as col
from timeline_app.core.library.codelists import CodeLists
from timeline_app.core.library.eventcolumns import EventColumns

log = logging.getLogger(__name__)

# How strongly a precision is drawn: coarser dates are lighter (index into ALPHA_LEVELS).
ALPHA_LEVELS = (1.0, 0.8, 0.62, 0.48, 0.36, 0.26)
_PRECISION_ALPHA = {
    "time": 0, "day": 0, "week": 1, "weekend": 1, "month": 2, "quarter": 3, "season": 3, "half": 3,
    "year": 4, "decade": 5, "century": 5,
}
# How long the unit of a precision is (days): how far apart two readings of such a date can be.
_PRECISION_DAYS = {
    "time": 1.0, "day": 1.0, "week": 7.0, "weekend": 2.0, "month": 30.44, "quarter": 91.3, "season": 91.3,
    "half": 182.6, "year": 365.25, "decade": 3652.5, "century": 36525.0,
}
# The part of its period a modifier names ("early 2019", "mid-March", "late 2020"): which third of the
# period's days is drawn, as (first, last) fractions. A reader takes "early" for the first months of a
# year, not for its first day nor for half of it; thirds keep the three parts apart and cover the period.
PART_OF_PERIOD = {"START": (0.0, 1 / 3), "MID": (1 / 3, 2 / 3), "END": (2 / 3, 1.0)}
_PART_MIN_DAYS = 3  # a period shorter than this has no thirds to draw: it stays whole


@dataclass
class Spans:
    """Per event: where it is drawn (days, end exclusive), how strongly, and whether as a point."""

    placed: np.ndarray  # has a start day
    start: np.ndarray  # as drawn: the part of the period a modifier names ("early 2019"), else the period's
    period_start: np.ndarray  # as resolved: the whole period ("2019" of "early 2019")
    end_written: np.ndarray  # exclusive, as resolved
    end: np.ndarray  # exclusive, as drawn: an open end runs to its article's publication
    precision: np.ndarray  # lower-case precision names ("day" when there is none)
    alpha_level: np.ndarray
    precision_days: np.ndarray  # length of the unit of its precision
    is_day: np.ndarray
    open_end: np.ndarray
    part: np.ndarray  # drawn as a part of its period (PART_OF_PERIOD), not the whole of it


def spans(events: EventColumns) -> Spans:
    """The drawn spans of the events (rows without a start day are not placed)."""
    start, end = events.start_day, events.end_day
    end = np.where(end == MISSING_DAY, start, end)
    placed = start != MISSING_DAY
    end = np.maximum(end, start)
    start = np.where(placed, start, 0)
    end_written = np.where(placed, end + 1, 1)
    codes, uniques = pd.factorize(events.text[col.DATE_PRECISION])
    names = [str(p).lower() or "day" for p in uniques] + ["day"]  # the last: no precision given
    codes = np.where(codes < 0, len(names) - 1, codes)
    table = np.asarray(names, dtype=object)
    precision = table[codes] if len(codes) else np.zeros(0, dtype=object)
    alpha_level = np.asarray([_PRECISION_ALPHA.get(p, 2) for p in names], dtype=np.int8)[codes]
    precision_days = np.asarray([_PRECISION_DAYS.get(p, 30.44) for p in names], dtype=np.float64)[codes]
    # One day is a point; a range of days ("7-8 March", precision day) is drawn as a span.
    none_given = np.asarray([not str(p) for p in uniques] + [True], dtype=bool)[codes]
    is_day = none_given | (end_written - start <= 1)
    alpha_level[is_day] = 0
    open_end = events.flags[col.OPEN_END]
    mods = events.text[col.DATE_MOD] if col.DATE_MOD in events.text else np.full(len(start), "", dtype=object)
    drawn_start, drawn_end, part = part_of_period(start, end_written, mods)
    part &= placed
    longer = np.flatnonzero(open_end & placed)
    if len(longer):
        # "Since 2011" runs until the article was written: draw it that far, fading out.
        published = events.days(col.PUBLICATION_DATE, longer)
        later = (published != MISSING_DAY) & (published + 1 > drawn_end[longer])
        drawn_end[longer[later]] = published[later] + 1
    return Spans(placed, drawn_start, start, end_written, drawn_end, precision, alpha_level, precision_days, is_day,
                 open_end, part)


def part_of_period(start: np.ndarray, end: np.ndarray, mods: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(start, end, is part) of what is drawn of each period [start, end) of days given its modifier:
    the third PART_OF_PERIOD names, cut on whole days; the whole period for any other modifier."""
    start = np.asarray(start, dtype=np.int64)
    end = np.asarray(end, dtype=np.int64)
    mods = np.asarray(mods, dtype=object)
    first, last = start.copy(), end.copy()
    length = end - start
    part = np.zeros(len(start), dtype=bool)
    for mod, (a, b) in PART_OF_PERIOD.items():
        rows = np.flatnonzero((mods == mod) & (length >= _PART_MIN_DAYS))
        first[rows] = start[rows] + np.round(length[rows] * a).astype(np.int64)
        last[rows] = start[rows] + np.round(length[rows] * b).astype(np.int64)
        part[rows] = True
    return first, last, part


def source_lanes(events: EventColumns) -> tuple[CodeLists, dict[str, str]]:
    """The articles of each event as lane keys (their ids), and each id's title (made when the
    timeline first shows lanes by source)."""
    lanes = events.codes(col.ARTICLE_IDS)
    names: dict[str, str] = {}
    titles = events.text[col.SOURCE_TITLES]
    combos, rows = np.unique(lanes.combo, return_index=True)
    for combo, row in zip(combos.tolist(), rows.tolist()):
        ids = lanes.members[lanes.starts[combo]:lanes.starts[combo + 1]].tolist()
        if not ids or all(lanes.names[i] in names for i in ids):
            continue
        # An event lists its articles' titles in the order of its ids, when no two titles are the same.
        parts = [t.strip() for t in str(titles[row]).split(col.TITLE_SEPARATOR)]
        if len(parts) == len(ids):
            for i, title in zip(ids, parts):
                names.setdefault(lanes.names[i], title)
    return lanes, names
