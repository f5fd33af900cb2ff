""""early 2019", "mid-March", "late 2020": the timeline draws the third of the period the modifier names."""

from __future__ import annotations

import numpy as np
import pandas as pd

from timeline_app.core.daycount import date_to_days, format_day
from timeline_app.core.timeline.columns import part_of_period
from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.tooltip import event_tooltip
from timeline_app.core.timeline.viewport import zoom_level


def _day(text: str) -> int:
    return int(date_to_days(pd.Timestamp(text).date()))


def _frame(rows: list[tuple[str, str, str, str, str]]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=["event_id", "date_start", "date_end", "date_precision", "date_mod"])
    df["event_date"] = df["date_start"]
    df["open_end"] = False
    df["countries"] = "FRA"
    df["event_type"] = "Consult"
    df["summary"] = df["event_id"]
    df["date_text"] = ""
    df["sources"] = 1
    return df


def test_early_mid_and_late_are_the_first_middle_and_last_third_of_the_period() -> None:
    d = TimelineData()
    d.set_events(_frame([
        ("early", "2019-01-01", "2019-12-31", "year", "START"),
        ("mid", "2021-03-01", "2021-03-31", "month", "MID"),
        ("late", "2020-01-01", "2020-12-31", "year", "END"),
    ]))
    drawn = {str(d.event_ids[i]): (format_day(d.start[i]), format_day(d.end[i] - 1)) for i in range(len(d))}
    assert drawn["early"] == ("2019-01-01", "2019-05-02")  # 122 of 365 days
    assert drawn["mid"] == ("2021-03-11", "2021-03-21")
    assert drawn["late"] == ("2020-09-01", "2020-12-31")
    assert d.part.all()


def test_a_date_without_a_part_modifier_is_drawn_whole() -> None:
    d = TimelineData()
    d.set_events(_frame([
        ("plain", "2019-01-01", "2019-12-31", "year", ""),
        ("approx", "2019-01-01", "2019-12-31", "year", "APPROX"),
        ("before", "2019-03-01", "2019-03-31", "month", "BEFORE"),
        ("day", "2019-03-05", "2019-03-05", "day", "START"),  # a day has no thirds
    ]))
    for i in range(len(d)):
        assert d.start[i] == d.period_start[i], d.event_ids[i]
        assert d.end[i] == d.end_written[i], d.event_ids[i]
    assert not d.part.any()


def test_the_tooltip_still_gives_the_whole_period_as_resolved() -> None:
    d = TimelineData()
    d.set_events(_frame([("early", "2019-01-01", "2019-12-31", "year", "START")]))
    tip = event_tooltip(d, 0, {})
    assert "2019-01-01 – 2019-12-31" in tip
    assert "the start of the period" in tip


def test_part_of_period_cuts_whole_days() -> None:
    start = np.asarray([_day("2019-01-01")] * 3)
    end = start + 30
    first, last, part = part_of_period(start, end, np.asarray(["START", "MID", "END"], dtype=object))
    assert (last - first).tolist() == [10, 10, 10]
    assert first[0] == start[0] and last[2] == end[2] and last[0] == first[1] and last[1] == first[2]
    assert part.all()


def _span_rows(rows: list[tuple[str, str, str, str, str]]) -> dict[str, int]:
    """The span row of each event at a zoom of months (all in one lane)."""
    d = TimelineData()
    d.set_events(_frame(rows))
    lc = d.levels.compute(zoom_level(1000 / 900), 4, -np.inf, np.inf)
    occ = np.flatnonzero(lc.span_pos >= 0)
    got = lc.span_stacking.rows_for(lc.span_pos[occ])
    return {str(d.event_ids[d.o_event[o]]): int(r) for o, r in zip(occ.tolist(), got.tolist())}


def test_a_bar_inside_the_rest_of_a_parts_period_takes_another_row_clear_of_its_bracket() -> None:
    # "early 2019" draws January to April and a bracket to December along its row: June 2019 in
    # that row would sit on the bracket and its label across it.
    rows = _span_rows([("early", "2019-01-01", "2019-12-31", "year", "START"),
                       ("june", "2019-06-01", "2019-06-30", "month", "")])
    assert rows["early"] != rows["june"]
    rows = _span_rows([("late", "2020-01-01", "2020-12-31", "year", "END"),  # the bracket runs before it
                       ("march", "2020-03-01", "2020-03-31", "month", "")])
    assert rows["late"] != rows["march"]


def test_a_bar_after_a_parts_period_shares_its_row() -> None:
    rows = _span_rows([("early", "2019-01-01", "2019-12-31", "year", "START"),
                       ("march", "2020-03-01", "2020-03-31", "month", "")])
    assert rows["early"] == rows["march"]
    rows = _span_rows([("plain", "2019-01-01", "2019-04-30", "month", ""),  # January to April, no bracket
                       ("june", "2019-06-01", "2019-06-30", "month", "")])
    assert rows["plain"] == rows["june"]
