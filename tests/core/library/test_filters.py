"""FilterSpec over an events frame: countries any/all, dates, types, precision, sources, text."""

import datetime as dt

import pandas as pd
import pytest

from timeline_app.core.daycount import MISSING_DAY, date_to_days
from timeline_app.core.library.filters import FilterIndex, FilterSpec

D = dt.date


@pytest.fixture()
def events() -> pd.DataFrame:
    return pd.DataFrame({
        "event_id": ["a", "b", "c", "d"],
        "date_start": ["2011-01-01", "2022-12-28", "2022-11-01", "1850-03-01"],
        "date_end": ["2011-12-31", "2022-12-28", "2022-11-30", "1850-03-31"],
        "date_precision": ["year", "day", "month", "month"],
        "countries": ["SYR;TUR", "RUS;SYR;TUR", "TUR", ""],
        "organizations": ["", "", "SDF", "UN"],
        "event_type": ["Consult", "Consult", "Fight", "Make public statement"],
        "cameo_code": ["040", "043", "195", "010"],
        "sources": [1, 3, 2, 1],
        "summary": ["first meeting since 2011", "defense ministers met", "airstrikes", "a treaty"],
        "evidence": ["", "in Moscow", "against the SDF", ""],
        "article_ids": ["1", "1;2", "2", "3"],
    })


def kept(events, **kw):
    return list(events[FilterIndex(events).mask(FilterSpec(**kw))]["event_id"])


def test_empty_spec_keeps_everything(events):
    assert FilterSpec().is_empty()
    assert kept(events) == ["a", "b", "c", "d"]


def test_countries_any_and_all(events):
    assert kept(events, countries=frozenset({"RUS", "SYR"})) == ["a", "b"]
    assert kept(events, countries=frozenset({"RUS", "SYR"}), match="all") == ["b"]
    assert kept(events, countries=frozenset({"TUR", "SYR"}), match="all") == ["a", "b"]
    assert kept(events, countries=frozenset({"XKX"}), match="all") == []


def test_date_range_keeps_overlapping_periods(events):
    # The year 2011 overlaps a range that starts in mid-2011.
    assert kept(events, date_from=D(2011, 6, 1), date_to=D(2022, 11, 15)) == ["a", "c"]
    assert kept(events, date_to=D(1900, 1, 1)) == ["d"]


def test_types_by_name_or_root_code(events):
    assert kept(events, event_types=frozenset({"Fight"})) == ["c"]
    assert kept(events, event_types=frozenset({"04"})) == ["a", "b"]


def test_precision_sources_organisations_articles_text(events):
    assert kept(events, precisions=frozenset({"day", "month"})) == ["b", "c", "d"]
    assert kept(events, min_sources=2) == ["b", "c"]
    assert kept(events, organizations=frozenset({"SDF"})) == ["c"]
    assert kept(events, article_ids=frozenset({2})) == ["b", "c"]
    assert kept(events, text="MOSCOW") == ["b"]


def test_country_counts_follow_the_mask(events):
    index = FilterIndex(events)
    assert index.country_counts() == {"SYR": 2, "TUR": 3, "RUS": 1}
    mask = index.mask(FilterSpec(date_from=D(2022, 1, 1)))
    assert index.country_counts(mask)["TUR"] == 2


def test_describe_names_the_active_filters():
    spec = FilterSpec(countries=frozenset({"TUR", "SYR"}), match="all", date_from=D(2020, 1, 1))
    assert spec.describe() == "countries SYR+TUR (all); 2020-01-01 to ..."
    with pytest.raises(ValueError):
        FilterSpec(match="some")


def test_dates_are_day_numbers_of_the_one_calendar_and_undated_rows_fall_out(events):
    extra = events.iloc[[3]].assign(event_id="e", date_start="", date_end="")
    undated = pd.concat([events, extra], ignore_index=True)
    index = FilterIndex(undated)
    assert index.start_day[:2].tolist() == [date_to_days(D(2011, 1, 1)), date_to_days(D(2022, 12, 28))]
    assert index.start_day[3] < 0 and index.start_day[4] == MISSING_DAY  # 1850 is before 1970
    assert kept(undated, date_from=D(1800, 1, 1)) == ["a", "b", "c", "d"]
    assert kept(undated, date_from=D(1850, 3, 31), date_to=D(1850, 3, 31)) == ["d"]
