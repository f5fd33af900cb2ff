"""The timeline draws a range of days ("7-8 March") as one span from its first day to its last, and the
days of a list as points."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from timeline_app.core.batch.articles import process_article
from timeline_app.core.daycount import days_from_civil
from timeline_app.core.library.store import Library
from timeline_app.core.models import Article, DateSource
from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.viewport import zoom_level

PUBLISHED = dt.date(2024, 3, 13)


def timeline_of(tmp_path: Path, text: str) -> TimelineData:
    article = Article(text=text, title="Ranges", published=PUBLISHED, published_source=DateSource.USER)
    with Library(tmp_path / "lib.sqlite3") as lib:
        lib.add_article(article, process_article(article).mentions)
        events: pd.DataFrame = lib.events_frame()
    data = TimelineData()
    data.set_events(events)
    data.set_lane_mode("single")
    return data


def drawn_as_spans(data: TimelineData, px_per_day: float = 200.0) -> np.ndarray:
    level = data.levels.compute(zoom_level(px_per_day), 4, -np.inf, np.inf)
    return level.span_pos >= 0


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("The foreign minister of Vietnam visited Laos and Cambodia on 7-8 March.", (2024, 3, 7), (2024, 3, 8)),
        ("Leaders of France and Germany will meet from 3 to 5 June.", (2024, 6, 3), (2024, 6, 5)),
        ("Iran and Iraq held talks between Monday and Wednesday.", (2024, 3, 11), (2024, 3, 13)),
    ],
)
def test_a_range_of_days_is_one_span(tmp_path: Path, text: str, first: tuple, last: tuple) -> None:
    data = timeline_of(tmp_path, text)
    assert len(data.o_event) == 1
    assert not data.o_day[0]
    assert (data.o_start[0], data.o_end[0]) == (days_from_civil(*first), days_from_civil(*last) + 1)
    assert drawn_as_spans(data).tolist() == [True]


def test_a_range_of_years_is_one_span(tmp_path: Path) -> None:
    data = timeline_of(tmp_path, "The United States sanctioned Iran between 2011 and 2014.")
    assert (data.o_start.tolist(), data.o_end.tolist()) == ([days_from_civil(2011, 1, 1)], [days_from_civil(2015, 1, 1)])
    assert drawn_as_spans(data, px_per_day=1.0).tolist() == [True]


def test_the_days_of_a_list_are_points(tmp_path: Path) -> None:
    data = timeline_of(tmp_path, "Japan and China met on March 3 and 5.")
    assert len(data.o_event) == 2
    assert data.o_day.all()
    assert not drawn_as_spans(data).any()
