"""A picture of the view holds the lanes with an event in the span shown and is named by that span."""

from __future__ import annotations

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
    df = pd.DataFrame(rows, columns=["event_id", "date_start", "countries"])
    df["date_end"] = df["date_start"]
    df["date_precision"] = "day"
    df["open_end"] = False
    df["event_type"] = "Consult"
    df["summary"] = df["event_id"]
    df["article_ids"] = "1"
    data = TimelineData()
    data.set_events(df)
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
