"""The table's columns prepared without Qt: display values, sort keys, flags; and a library's snapshot."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from timeline_app.core.daycount import date_to_days
from timeline_app.core.library.snapshot import list_counts, read_snapshot, value_counts
from timeline_app.core.library.store import Library
from timeline_app.core.library.table import COLUMNS, PRECISION_RANK, prepare_columns
from timeline_app.core.pipeline import import_inputs

ARTICLES = Path(__file__).resolve().parents[2] / "data" / "articles"


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "event_id": ["a", "b", "c"],
        "event_date": ["2022-11", "2022-12-28", "199X"],
        "date_start": ["2022-11-01", "2022-12-28", "1990-01-01"],
        "date_precision": ["month", "day", "decade"],
        "sources": ["2", None, 5],
        "summary": ["x", "y", "z"],
        "hidden": [True, np.nan, False],
        "verified": [False, True, None],
    })


def test_dates_show_as_written_and_sort_by_their_first_day() -> None:
    cols = prepare_columns(_frame())
    assert cols.display["event_date"].tolist() == ["November 2022", "2022-12-28", "1990s"]
    assert cols.raw_dates.tolist() == ["2022-11", "2022-12-28", "199X"]
    assert np.argsort(cols.sort_keys["date_start"], kind="stable").tolist() == [2, 0, 1]
    assert cols.sort_keys["date_start"][1] == date_to_days(dt.date(2022, 12, 28))  # the day numbers of daycount


def test_precision_sorts_finest_first_and_numbers_as_numbers() -> None:
    cols = prepare_columns(_frame())
    assert np.argsort(cols.sort_keys[PRECISION_RANK], kind="stable").tolist() == [1, 0, 2]
    assert cols.display["sources"].tolist() == [2, 0, 5]


def test_missing_columns_are_empty_and_flags_read_nan_as_false() -> None:
    cols = prepare_columns(_frame())
    assert cols.display["countries"].tolist() == ["", "", ""]
    assert cols.hidden.tolist() == [True, False, False]
    assert cols.verified.tolist() == [False, True, False]
    assert cols.row_of_event == {"a": 0, "b": 1, "c": 2}
    assert set(cols.display) == {c.field for c in COLUMNS}


def test_an_empty_frame_gives_empty_columns() -> None:
    cols = prepare_columns(pd.DataFrame())
    assert cols.n == 0 and cols.display["event_date"].size == 0 and cols.ids.size == 0


def test_counts_leave_empty_values_out() -> None:
    df = pd.DataFrame({"event_type": ["Consult", "", None, "Consult"], "organizations": ["EU;NATO", "", None, "EU"]})
    assert value_counts(df, "event_type") == {"Consult": 2}
    assert list_counts(df, "organizations") == {"EU": 2, "NATO": 1}
    assert value_counts(df, "missing") == {} and list_counts(df.iloc[0:0], "organizations") == {}


def test_a_snapshot_indexes_every_event_and_its_mentions(tmp_path) -> None:
    library = tmp_path / "lib.sqlite3"
    import_inputs([ARTICLES / "2023-03-15_border_talks.txt"], library, workers=1)
    snap = read_snapshot(library)
    with Library(library) as lib:
        stored = lib.events_frame()
        curated = lib.curated_mentions()
    assert len(snap.articles) == 1 and len(snap.events) == len(stored) > 0
    assert snap.table.n == len(snap.events)
    events = snap.events_frame()
    for event_id in events["event_id"]:
        mentions = snap.event_mentions(event_id)
        assert set(mentions["event_id"]) == {event_id}
        theirs = curated[(curated["event_id"] == event_id) & (curated["date_start"] != "")]
        assert sorted(mentions["mention_key"]) == sorted(theirs["mention_key"])
        assert snap.mention_count(event_id) == int((curated["event_id"] == event_id).sum())
    assert snap.country_names["ARM"] == "Armenia"
    assert sum(snap.type_counts.values()) == int((events["event_type"] != "").sum())
