"""Calendar periods: numbering, names, bounds, and where a dated event is counted."""

import datetime as dt

import numpy as np
import pytest

from timeline_app.core.daycount import MISSING_DAY, date_to_days, days_from_civil
from timeline_app.core.library import periods
from timeline_app.core.library.periods import MONTH, QUARTER, YEAR


def days(*isos: str) -> np.ndarray:
    return np.array([date_to_days(dt.date.fromisoformat(s)) for s in isos], dtype=np.int64)


def test_month_index_counts_months_since_year_zero_and_leaves_missing_days_at_zero():
    got = periods.month_index(np.array([*days("2023-03-31", "1970-01-01"), MISSING_DAY]))
    assert got.tolist() == [2023 * 12 + 2, 1970 * 12, 0]


@pytest.mark.parametrize(("by", "value", "title", "first", "last"), [
    (MONTH, "2024-02", "February 2024", "2024-02-01", "2024-02-29"),
    (QUARTER, "2024-Q1", "Q1 2024", "2024-01-01", "2024-03-31"),
    (YEAR, "2024", "2024", "2024-01-01", "2024-12-31"),
])
def test_a_period_has_a_value_a_title_and_bounds(by, value, title, first, last):
    p = periods.period_of_day(int(days("2024-02-15")[0]), by)
    assert periods.period_value(p, by) == value
    assert periods.period_title(p, by) == title
    assert periods.first_day(p, by) == days(first)[0]
    assert periods.last_day(p, by) == days(last)[0]


def test_years_before_the_common_era_are_named_as_readers_write_them():
    p = periods.period_of_day(days_from_civil(-43, 3, 15), MONTH)
    assert periods.period_title(p, MONTH) == "March 44 BC"
    assert periods.period_value(p, MONTH) == "-0043-03"


def test_an_unknown_resolution_is_refused():
    with pytest.raises(ValueError, match="month, quarter, year"):
        periods.months_per_period("week")


def place(starts, ends, by):
    s, e = days(*starts), days(*ends)
    mid = s + (e - s) // 2
    return periods.place(s, e, periods.month_index(s), periods.month_index(e), periods.month_index(mid), by)


def test_a_month_dated_event_is_counted_in_its_month_and_a_year_dated_one_in_no_month():
    p, fits = place(["2023-03-01", "2023-01-01", "2023-03-14"], ["2023-03-31", "2023-12-31", "2023-03-14"], MONTH)
    assert fits.tolist() == [True, False, True]
    assert [periods.period_value(int(x), MONTH) for x in p[fits]] == ["2023-03", "2023-03"]
    p, fits = place(["2023-01-01"], ["2023-12-31"], YEAR)
    assert fits.tolist() == [True] and periods.period_value(int(p[0]), YEAR) == "2023"


def test_a_week_across_two_months_goes_to_the_month_of_its_middle_day():
    # 2020-W05: Monday 27 January to Sunday 2 February; its middle, the 30th, is in January.
    p, fits = place(["2020-01-27", "2023-03-30"], ["2020-02-02", "2023-04-05"], MONTH)
    assert fits.tolist() == [True, True]
    assert [periods.period_value(int(x), MONTH) for x in p] == ["2020-01", "2023-04"]


def test_a_summer_fits_a_year_but_not_a_quarter():
    p, fits = place(["2022-06-01"], ["2022-08-31"], QUARTER)
    assert fits.tolist() == [False]
    p, fits = place(["2022-06-01"], ["2022-08-31"], YEAR)
    assert fits.tolist() == [True]


def test_auto_resolution_keeps_the_chart_to_a_readable_number_of_bars():
    assert periods.auto_resolution(*days("2020-01-01", "2024-12-31")) == MONTH
    assert periods.auto_resolution(*days("2011-01-01", "2024-12-31")) == QUARTER
    assert periods.auto_resolution(*days("1945-01-01", "2024-12-31")) == YEAR
