"""The calendar the timeline counts in (core/daycount.py): days since 1970-01-01 in any year, ISO days, year labels."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from timeline_app.core.daycount import (
    MISSING_DAY, civil_from_days, date_to_days, days_from_civil, days_to_date, format_day, format_year,
    parse_iso_day, parse_iso_days,
)


@pytest.mark.parametrize("d", [dt.date(1970, 1, 1), dt.date(2022, 12, 28), dt.date(1, 1, 1), dt.date(9999, 12, 31),
                               dt.date(1600, 2, 29), dt.date(1676, 7, 4), dt.date(2263, 3, 1), dt.date(1900, 3, 1)])
def test_days_agree_with_datetime(d: dt.date) -> None:
    days = date_to_days(d)
    assert days_from_civil(d.year, d.month, d.day) == days
    assert civil_from_days(days) == (d.year, d.month, d.day)
    assert days_to_date(days + 0.75) == d


def test_calendar_round_trips_far_outside_pandas_range() -> None:
    for year in range(-4000, 4001, 7):
        for month, day in ((1, 1), (2, 28), (12, 31)):
            assert civil_from_days(days_from_civil(year, month, day)) == (year, month, day)
    # Consecutive days stay consecutive across the year 0 (1 BC) boundary.
    assert days_from_civil(1, 1, 1) - days_from_civil(0, 12, 31) == 1
    assert days_from_civil(0, 3, 1) - days_from_civil(0, 2, 29) == 1  # 1 BC was a leap year


def test_parse_iso_day() -> None:
    assert parse_iso_day("2022-12-28") == date_to_days(dt.date(2022, 12, 28))
    assert parse_iso_day("0850-03-01") == date_to_days(dt.date(850, 3, 1))
    assert parse_iso_day("850-03-01") == parse_iso_day("0850-03-01")
    assert format_day(parse_iso_day("-0043-03-15")) == "-0043-03-15"
    assert parse_iso_day("2011") == date_to_days(dt.date(2011, 1, 1))
    assert parse_iso_day("2022-12-28T15:00") == parse_iso_day("2022-12-28")
    for bad in ("", "  ", "2022-13-01", "yesterday", "2022-00-10", "2022-02-30", "2023-02-29"):
        assert parse_iso_day(bad) == MISSING_DAY
    days = parse_iso_days(["2022-12-28", None, "2022-12-28", dt.date(2000, 1, 1), float("nan")])
    assert days.dtype == np.int64
    assert days.tolist() == [parse_iso_day("2022-12-28"), MISSING_DAY, parse_iso_day("2022-12-28"),
                             date_to_days(dt.date(2000, 1, 1)), MISSING_DAY]


def test_year_labels_before_year_one() -> None:
    assert format_year(2022) == "2022"
    assert format_year(0) == "1 BC"
    assert format_year(-43) == "44 BC"


def test_the_missing_day_marker_is_the_least_int64() -> None:
    assert MISSING_DAY == np.iinfo(np.int64).min
    assert parse_iso_days(["", "2024-02-30", "1970-01-02"]).tolist() == [MISSING_DAY, MISSING_DAY, 1]
