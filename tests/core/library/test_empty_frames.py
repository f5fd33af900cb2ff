"""Empty frames and columns, made once and handed out as copies: what the window shows before its first read."""

from __future__ import annotations

import numpy as np
import pandas as pd

from timeline_app.core.library import columns as col
from timeline_app.core.library import frames
from timeline_app.core.library.eventcolumns import EventColumns


def test_each_empty_frame_is_a_copy_its_caller_may_change():
    first = frames.empty_events()
    first.loc[0] = ["x"] * len(col.EVENT_COLUMNS)
    first["extra"] = 1
    again = frames.empty_events()
    assert again.empty and list(again.columns) == list(col.EVENT_COLUMNS)
    assert again is not frames.empty_events()


def test_empty_frames_have_their_columns_as_text():
    for made, names in ((frames.empty_events(), col.EVENT_COLUMNS), (frames.empty_mentions(), col.MENTION_COLUMNS),
                        (frames.empty_articles(), col.ARTICLE_COLUMNS)):
        assert list(made.columns) == list(names) and len(made) == 0
        assert all(dtype == object for dtype in made.dtypes)


def test_no_events_as_columns_are_those_of_an_empty_frame():
    built = EventColumns.empty()
    from_frame = EventColumns.from_frame(pd.DataFrame({"event_id": ["ev-1"], "countries": ["FRA"]}).iloc[:0])
    for columns in (built, from_frame):
        assert len(columns) == 0 and columns.start_day.dtype == np.int64
        assert set(columns.flags) == set(built.flags) and set(columns.numbers) == set(built.numbers)
        assert columns.codes(col.COUNTRIES).names == [] and len(columns.text[col.EVENT_ID]) == 0
    assert len(EventColumns.from_frame(pd.DataFrame({"event_id": ["ev-1"], "countries": ["FRA"]}))) == 1
