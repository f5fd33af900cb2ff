"""A range of days stored in a library is one event: one table row ("7-8 Mar 2024"), date_start and
date_end in the exports, start_date and end_date in TimelineJS; range values read and shown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from timeline_app.core.batch.articles import process_article
from timeline_app.core.library import columns as col
from timeline_app.core.library.export import timelinejs_document
from timeline_app.core.library.store import Library
from timeline_app.core.library.table import prepare_columns
from timeline_app.core.models import Article, DateSource, Precision
from timeline_app.core.temporal.values import describe, display_date

PUBLISHED = dt.date(2024, 3, 13)


def stored_events(tmp_path: Path, text: str) -> pd.DataFrame:
    article = Article(text=text, title="Ranges", published=PUBLISHED, published_source=DateSource.USER)
    with Library(tmp_path / "lib.sqlite3") as lib:
        lib.add_article(article, process_article(article).mentions)
        return lib.events_frame()


def test_a_day_range_is_one_row_of_the_table(tmp_path: Path) -> None:
    events = stored_events(tmp_path, "The foreign minister of Vietnam visited Laos and Cambodia on 7-8 March.")
    table = prepare_columns(events)
    assert table.n == 1
    assert table.display[col.EVENT_DATE].tolist() == ["7-8 Mar 2024"]
    assert table.display[col.DATE_TEXT].tolist() == ["7-8 March"]
    row = events.iloc[0]
    assert (row[col.DATE_START], row[col.DATE_END], row[col.DATE_PRECISION]) == ("2024-03-07", "2024-03-08", "day")


def test_a_list_of_days_stays_two_rows(tmp_path: Path) -> None:
    events = stored_events(tmp_path, "Japan and China met on March 3 and 5.")
    assert prepare_columns(events).display[col.EVENT_DATE].tolist() == ["2024-03-03", "2024-03-05"]


def test_timelinejs_gives_a_range_of_days_its_end(tmp_path: Path) -> None:
    events = stored_events(tmp_path, "Leaders of France and Germany will meet from 3 to 5 June.\n\n"
                                     "Japan and China met on Monday.")
    slides = {s["start_date"]["day"]: s for s in timelinejs_document(events)["events"]}
    assert slides[3]["end_date"] == {"year": 2024, "month": 6, "day": 5}
    assert "end_date" not in slides[11]  # one day has no end


@pytest.mark.parametrize(
    ("value", "shown", "described"),
    [
        ("2024-03-07/2024-03-08", "7-8 Mar 2024", (Precision.DAY, dt.date(2024, 3, 7), dt.date(2024, 3, 8))),
        ("2024-02-28/2024-03-03", "28 Feb - 3 Mar 2024", (Precision.DAY, dt.date(2024, 2, 28), dt.date(2024, 3, 3))),
        ("2018-12-28/2019-01-03", "28 Dec 2018 - 3 Jan 2019", (Precision.DAY, dt.date(2018, 12, 28), dt.date(2019, 1, 3))),
        ("2019-03/2019-05", "March-May 2019", (Precision.MONTH, dt.date(2019, 3, 1), dt.date(2019, 5, 31))),
        ("2019-11/2020-02", "November 2019 - February 2020", (Precision.MONTH, dt.date(2019, 11, 1), dt.date(2020, 2, 29))),
        ("2011/2014", "2011-2014", (Precision.YEAR, dt.date(2011, 1, 1), dt.date(2014, 12, 31))),
        ("2011/2014-03", "2011 - March 2014", (Precision.YEAR, dt.date(2011, 1, 1), dt.date(2014, 3, 31))),
        ("2024-03-10T07:00/2024-03-10T20:00", "2024-03-10 07:00-20:00",
         (Precision.TIME, dt.date(2024, 3, 10), dt.date(2024, 3, 10))),
    ],
)
def test_range_values_are_read_and_shown(value: str, shown: str, described: tuple) -> None:
    assert display_date(value) == shown
    assert describe(value) == described


@pytest.mark.parametrize("value", ["2024-03-08/2024-03-07", "2024-03-07/May", "2011/2012/2013", "2024-02-30/2024-03-01"])
def test_a_range_that_ends_before_it_starts_or_has_a_bad_end_is_no_value(value: str) -> None:
    assert describe(value) is None
