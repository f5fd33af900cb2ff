"""The Relations chart's numbers: events per period and QuadClass for a dyad, partners, what is left out."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from timeline_app.core.daycount import date_to_days
from timeline_app.core.library.filters import FilterIndex, FilterSpec
from timeline_app.core.library.periods import MONTH, QUARTER, YEAR, period_of_day, period_value
from timeline_app.core.library.relations import (
    Dyad, RelationsIndex, goldstein_weights, partner_rows, partners, series, series_rows, undated_events,
)

WEIGHTS = {"04": 1.0, "042": 1.9, "05": 3.5, "057": 8.0, "19": -10.0, "190": -10.0, "16": -4.0, "163": -8.0}

ROWS = [  # event_id, date_start, date_end, precision, countries, cameo_code, quad_class, sources
    ("e1", "2023-03-02", "2023-03-02", "day", "SYR;TUR", "042", 1, 1),
    ("e2", "2023-03-20", "2023-03-20", "day", "IRN;RUS;SYR;TUR", "057", 2, 3),
    ("e3", "2023-03-01", "2023-03-31", "month", "SYR;TUR", "190", 4, 2),  # a month: counted in March only
    ("e4", "2023-01-30", "2023-02-05", "week", "SYR;TUR", "163", 4, 1),  # middle day 2 February
    ("e5", "2023-01-01", "2023-12-31", "year", "SYR;TUR", "040", 1, 1),  # in no month, in 2023
    ("e6", "2023-05-09", "2023-05-09", "day", "TUR", "040", 1, 1),  # Turkey alone
    ("e7", "2023-05-10", "2023-05-10", "day", "RUS;TUR", "16", 4, 1),  # a root code
    ("e8", "2023-06-01", "2023-06-01", "day", "SYR;TUR", "", 0, 1),  # type unknown
    ("e9", "2024-01-05", "2024-01-05", "day", "SYR;TUR", "042", 1, 2),
    ("e10", "2023-07-01", "2023-07-01", "day", "GRC;TUR", "057", 2, 1),
]


def ten_events() -> pd.DataFrame:
    """ROWS as an events frame: the fixture of the Relations tests, core and GUI."""
    df = pd.DataFrame(ROWS, columns=["event_id", "date_start", "date_end", "date_precision", "countries",
                                     "cameo_code", "quad_class", "sources"])
    df["hidden"] = False
    return df


@pytest.fixture()
def events() -> pd.DataFrame:
    return ten_events()


@pytest.fixture()
def index(events) -> RelationsIndex:
    return RelationsIndex(events, WEIGHTS)


def everything(events: pd.DataFrame) -> np.ndarray:
    return np.ones(len(events), dtype=bool)


def by_hand(events: pd.DataFrame, codes: tuple[str, ...], freq: str) -> pd.Series:
    """Events per (period, quad_class) by a plain pandas group-by: the periods of a date range's first
    and last day must agree, or a range of a week or less goes to the period of its middle day."""
    named = events["countries"].str.split(";").map(set) >= set(codes)
    df = events[named].copy()
    start, end = pd.to_datetime(df["date_start"]), pd.to_datetime(df["date_end"])
    first, last = start.dt.to_period(freq), end.dt.to_period(freq)
    middle = (start + (end - start) / 2).dt.floor("D").dt.to_period(freq)
    short = (end - start).dt.days < 7
    df["period"] = first.where(first == last, middle).astype(str)
    df = df[(first == last) | short]
    return df.groupby(["period", "quad_class"]).size()


def as_groups(s) -> pd.Series:
    rows = [(period_value(int(p), s.by), q, int(s.events[i, q]))
            for i, p in enumerate(s.periods) for q in range(5) if s.events[i, q]]
    frame = pd.DataFrame(rows, columns=["period", "quad_class", "n"])
    return frame.set_index(["period", "quad_class"])["n"]


@pytest.mark.parametrize(("by", "freq"), [(MONTH, "M"), (QUARTER, "Q"), (YEAR, "Y")])
def test_counts_equal_a_pandas_group_by(events, index, by, freq):
    s = series(index, everything(events), Dyad("TUR", "SYR"), by)
    expected = by_hand(events, ("TUR", "SYR"), freq)
    expected.index = expected.index.set_levels(
        [v.replace("Q", "-Q") if by == QUARTER else v for v in expected.index.levels[0]], level=0)
    assert as_groups(s).sort_index().to_dict() == expected.sort_index().to_dict()


def test_each_event_is_counted_once_in_one_month_and_a_year_dated_one_is_said_to_be_left_out(events, index):
    s = series(index, everything(events), Dyad("SYR", "TUR"), MONTH)
    march = int(np.flatnonzero(s.periods == period_of_day(date_to_days(dt.date(2023, 3, 1)), MONTH))[0])
    assert s.events[march].tolist() == [0, 1, 1, 0, 1]  # e1, e2, e3 whatever their reports
    assert s.reports[march].tolist() == [0, 1, 3, 0, 2]
    assert s.too_coarse == 1  # e5
    assert s.total == 6  # e1-e4, e8, e9
    assert s.events.sum() + s.too_coarse == 7
    # Months without events between the first and the last are there, empty.
    assert len(s.periods) == 12 and s.events[2:11].sum() == 1  # February 2023 to January 2024; June: e8


def test_the_net_score_sums_goldstein_weights_and_a_code_missing_from_the_table_takes_its_root(events, index):
    s = series(index, everything(events), Dyad("TUR"), YEAR)
    assert s.net.tolist() == pytest.approx([1.9 + 8.0 - 10.0 - 8.0 + 1.0 + 1.0 - 4.0 + 0 + 8.0, 1.9])
    weights = goldstein_weights()
    assert weights["19"] == -10 and weights["057"] == 8 and "05" in weights


def test_a_span_fixes_the_periods_shown_and_keeps_loose_events_that_overlap_it(events, index):
    span = (date_to_days(dt.date(2023, 2, 15)), date_to_days(dt.date(2023, 4, 10)))
    s = series(index, everything(events), Dyad("SYR", "TUR"), MONTH, span)
    assert [period_value(int(p), MONTH) for p in s.periods] == ["2023-02", "2023-03", "2023-04"]
    assert s.events.sum(axis=1).tolist() == [1, 3, 0]
    assert s.too_coarse == 1


def test_the_filter_mask_is_followed(events, index):
    mask = FilterIndex(events).mask(FilterSpec(date_from=dt.date(2023, 3, 10)))
    s = series(index, mask, Dyad("SYR", "TUR"), YEAR)
    assert s.total == 5 and s.too_coarse == 0  # e2, e3, e5 (the year overlaps), e8, e9


def test_the_rows_behind_a_bar_are_the_events_it_counts(events, index):
    mask = everything(events)
    march = period_of_day(date_to_days(dt.date(2023, 3, 1)), MONTH)
    rows = series_rows(index, mask, Dyad("SYR", "TUR"), MONTH, march)
    assert sorted(events["event_id"].iloc[rows]) == ["e1", "e2", "e3"]
    rows = series_rows(index, mask, Dyad("SYR", "TUR"), MONTH, march, quad=4)
    assert events["event_id"].iloc[rows].tolist() == ["e3"]


def test_partners_are_ranked_by_events_and_split_by_quad_class(events, index):
    p = partners(index, everything(events), "TUR")
    assert p.codes == ("SYR", "RUS", "GRC", "IRN")
    assert p.events[0].tolist() == [1, 3, 1, 0, 2]
    assert p.events[1].tolist() == [0, 0, 1, 0, 1]  # e2 and e7
    assert p.total == 10 and p.alone == 1 and p.more == 0
    assert partners(index, everything(events), "TUR", limit=2).more == 2
    rows = partner_rows(index, everything(events), "TUR", "RUS", quad=4)
    assert events["event_id"].iloc[rows].tolist() == ["e7"]


def test_partners_in_a_span_count_the_events_dated_within_it(events, index):
    span = (date_to_days(dt.date(2023, 5, 1)), date_to_days(dt.date(2023, 7, 31)))
    p = partners(index, everything(events), "TUR", span)
    assert p.codes == ("SYR", "GRC", "RUS")
    # e5 (the whole of 2023) overlaps the span: it counts for Syria with e8.
    assert p.events.sum(axis=1).tolist() == [2, 1, 1] and p.total == 5


def test_undated_events_are_counted_for_the_footer_and_follow_the_other_filters(events):
    mentions = pd.DataFrame({
        "event_id": ["u1", "u1", "u2", "u3", "e1"],
        "article_id": [7, 8, 7, 9, 1],
        "date_start": ["", "", "", "", ""],
        "date_end": ["", "", "", "", ""],
        "countries": ["TUR", "SYR", "SYR;TUR", "GRC", "SYR;TUR"],
        "event_type": ["Consult", "Consult", "Fight", "Consult", "Consult"],
        "cameo_code": ["040", "040", "190", "040", "042"],
        "summary": ["", "", "", "", ""], "evidence": ["", "", "", "", ""],
        "date_precision": ["unknown"] * 5, "hidden": [False] * 5,
    })
    index = RelationsIndex(events, WEIGHTS, undated_events(mentions, events["event_id"]))
    # u1's two reports name Turkey and Syria between them; e1 has a date in another report: it is dated.
    assert index.undated_count(Dyad("SYR", "TUR"), FilterSpec()) == 2
    assert index.undated_count(Dyad("SYR", "TUR"), FilterSpec(event_types=frozenset({"Fight"}))) == 1
    assert index.undated_count(Dyad("TUR"), FilterSpec(date_from=dt.date(2023, 1, 1))) == 2
    assert index.undated_count(Dyad("GRC", "TUR"), FilterSpec()) == 0


def test_an_empty_library_and_an_unknown_country_give_empty_charts():
    empty = RelationsIndex(pd.DataFrame(columns=[c for c in ("event_id", "date_start", "date_end", "countries",
                                                              "cameo_code", "quad_class", "sources")]), WEIGHTS)
    s = series(empty, np.zeros(0, dtype=bool), Dyad("TUR"), MONTH)
    assert s.events.shape == (0, 5) and s.total == 0
    assert partners(empty, np.zeros(0, dtype=bool), "TUR").codes == ()
