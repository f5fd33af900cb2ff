"""A picture of the view holds the lanes with an event in the span shown and is named by that span."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from timeline_app.core.daycount import days_from_civil
from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.picture import ImageOptions, ImageSource, default_captions, picture_source
from timeline_app.core.timeline.viewport import Viewport

CODES = [f"C{i:02d}" for i in range(6)]
NAMES = {c: f"Country {c[1:]}" for c in CODES}


def _data() -> TimelineData:
    """Six country lanes with an event each in 2023; C00 and C01 also have one in the week of 3 March 2024."""
    rows = [(f"{c}-old", f"2023-0{1 + i}-10", c) for i, c in enumerate(CODES)]
    rows += [("wk-a", "2024-03-04", "C00"), ("wk-b", "2024-03-07", "C01;C00")]
    data = TimelineData()
    data.set_events(_frame(rows))
    return data


def _week() -> Viewport:
    return Viewport.fit(days_from_civil(2024, 3, 3), days_from_civil(2024, 3, 10), 800, margin=0.0)


def test_a_picture_of_a_week_holds_only_the_lanes_with_events_that_week() -> None:
    data = _data()
    src = ImageSource(data, NAMES, _week(), (0, 6))
    part = picture_source(src, ImageOptions(scope="view", rows="all"))
    assert sorted(part.data.lane_keys[j] for j in part.data.lane_order) == ["C00", "C01"]
    assert len(data.lane_order) == 6  # the window's timeline keeps its lanes
    title, subtitle, _source = default_captions(src, ImageOptions(scope="view", rows="all"))
    assert title == "Diplomatic events, 3–9 March 2024"
    assert subtitle == "All events · 2 of 6 lanes with events in this span"


def test_the_whole_timeline_and_the_lanes_on_screen_keep_their_lanes() -> None:
    data = _data()
    src = ImageSource(data, NAMES, _week(), (0, 6))
    whole = picture_source(src, ImageOptions(scope="all", rows="all"))
    assert whole.data is data and len(whole.data.lane_order) == 6
    title, subtitle, _source = default_captions(src, ImageOptions(scope="all", rows="all"))
    assert (title, subtitle) == ("Diplomatic events, 2023–2024", "All events")
    # The rows the user chose to keep (those on screen) are kept; the title still names the week.
    title, subtitle, _source = default_captions(src, ImageOptions(scope="view", rows="visible"))
    assert (title, subtitle) == ("Diplomatic events, 3–9 March 2024", "All events")


@pytest.mark.parametrize(("first", "last"), [
    ((2023, 1, 1), (2025, 1, 1)),  # two whole years: every lane has an event, none is left out
    ((2020, 6, 1), (2027, 6, 1)),  # named in years: by its events' years, not by the view's margins
])
def test_a_view_of_years_keeps_every_lane_with_an_event_and_names_their_years(
        first: tuple[int, int, int], last: tuple[int, int, int]) -> None:
    view = Viewport.fit(days_from_civil(*first), days_from_civil(*last), 800, margin=0.0)
    title, subtitle, _source = default_captions(ImageSource(_data(), NAMES, view, (0, 6)),
                                                ImageOptions(scope="view", rows="all"))
    assert (title, subtitle) == ("Diplomatic events, 2023–2024", "All events")


def _frame(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=["event_id", "date_start", "countries"])
    df["date_end"] = df["date_start"]
    df["date_precision"] = "day"
    df["open_end"] = False
    df["event_type"] = "Consult"
    df["summary"] = df["event_id"]
    df["article_ids"] = "1"
    return df


def _colour_of(data: TimelineData, event_id: str) -> int:
    i = data.index_of(event_id)
    return int(data.o_colour[data.o_event == i][0])


def test_a_picture_of_the_view_keeps_the_lane_order_of_the_screen() -> None:
    # On screen C00 (four events) is above C01 (two); in the week C01 has more, yet it stays below.
    rows = [(f"old-{k}", f"2023-0{k + 1}-10", "C00") for k in range(3)]
    rows += [("wk-a", "2024-03-04", "C00"), ("wk-b", "2024-03-05", "C01"), ("wk-c", "2024-03-06", "C01")]
    data = TimelineData()
    data.set_events(_frame(rows))
    part = picture_source(ImageSource(data, NAMES, _week(), (0, 2)), ImageOptions(scope="view", rows="all")).data
    screen = [data.lane_keys[j] for j in data.lane_order]
    assert screen == ["C00", "C01"]
    assert [part.lane_keys[j] for j in part.lane_order] == screen
    assert [int(part.lane_pos[part.lane_keys.index(k)]) for k in screen] == [0, 1]


def test_a_picture_of_the_view_keeps_the_colours_of_the_screen() -> None:
    # 33 countries for 32 colours: on screen (filtered to K00 and K32) K32 takes a free colour, not K00's;
    # the week holds K32's event alone, where K00's colour would be free again.
    codes = [f"K{i:02d}" for i in range(33)]
    rows = [(f"ev-{c}", f"2023-{1 + i % 12:02d}-10", c) for i, c in enumerate(codes[:32])]
    rows.append(("ev-K32", "2024-03-05", "K32"))
    data = TimelineData()
    data.set_colour_mode("country")
    data.set_lane_mode("single")
    data.set_events(_frame(rows))
    shown = np.zeros(len(data), dtype=bool)
    shown[[data.index_of("ev-K00"), data.index_of("ev-K32")]] = True
    data.set_filter(shown, None)
    part = picture_source(ImageSource(data, {}, _week(), (0, 1)), ImageOptions(scope="view", rows="all")).data
    assert _colour_of(data, "ev-K32") != _colour_of(data, "ev-K00")
    assert _colour_of(part, "ev-K32") == _colour_of(data, "ev-K32")
