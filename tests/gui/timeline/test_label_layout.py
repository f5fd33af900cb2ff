"""Label layout: no label is painted over another label or over a marker, bar or cluster box, at any zoom."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QRectF

from tests.core.timeline.generated import varied_events
from tests.gui.timeline.helpers import frame, frame_with_labels, shown
from timeline_app.core.timeline.scene import FrameItems


def _overlaps(drawn: list, items: FrameItems) -> list[str]:
    """Every label that meets another label, or a box that is not its own (a bar holds its label)."""
    found = []
    rects = [r.adjusted(0.5, 0.5, -0.5, -0.5) for r, _occ, _cl, _text in drawn]  # touching is not overlapping
    for i, (a, occ, cl, _text) in enumerate(drawn):
        for j in range(i + 1, len(drawn)):
            if rects[i].intersects(rects[j]):
                found.append(f"label {a} meets label {drawn[j][0]}")
        for k in range(len(items.x)):
            if (occ >= 0 and items.occ[k] == occ) or (cl >= 0 and items.cluster[k] == cl):
                continue
            box = QRectF(float(items.x[k]), float(items.y[k]), float(items.w[k]), float(items.h[k]))
            if rects[i].intersects(box):
                what = f"cluster {items.cluster[k]}" if items.cluster[k] >= 0 else f"item {items.occ[k]}"
                found.append(f"label {a} of {occ}/{cl} meets {what} at {box}")
    return found


def _with_weeks(df):
    """One day event in six becomes the week around it: a period drawn as a point near days."""
    days = np.flatnonzero(df["date_precision"].to_numpy() == "day")[::6]
    start = pd.to_datetime(df.loc[days, "date_start"]) - pd.to_timedelta(3, unit="D")
    df.loc[days, "date_start"] = start.dt.strftime("%Y-%m-%d").to_numpy()
    df.loc[days, "date_end"] = (start + pd.to_timedelta(6, unit="D")).dt.strftime("%Y-%m-%d").to_numpy()
    df.loc[days, "date_precision"] = "week"
    return df


def _long_summaries(n: int) -> list[str]:
    rng = np.random.default_rng(5)
    words = ("talks on a replacement for the treaty", "ministers met in", "a ceasefire along the border was",
             "envoys recalled after", "strikes near the capital of", "aid convoy reached")
    return [f"{words[k].capitalize()} {words[(k + 1) % len(words)]} number {i}"
            for i, k in enumerate(rng.integers(0, len(words), n))]


@pytest.mark.parametrize("n,first,days", [
    (300, "1998-03-01", 1000),  # years: a cluster box just right of a point with a label
    (2500, "1998-08-30", 365),  # a year: months
    (150, "1998-01-01", 2500),  # the whole range: clusters and points
    (1000, "2000-05-01", 60),  # weeks
    (2500, "2000-06-05", 7),  # days
])
def test_no_label_meets_another_label_or_a_box(qtbot, n: int, first: str, days: int) -> None:
    df = _with_weeks(varied_events(n))
    df["summary"] = _long_summaries(len(df))
    view = shown(qtbot, df, 1300, 900)
    start = dt.date.fromisoformat(first)
    drawn, items = frame_with_labels(view, start, start + dt.timedelta(days=days))
    assert sum(occ >= 0 for _r, occ, _c, _t in drawn) >= 3, "hardly any event labels: the test would prove nothing"
    assert _overlaps(drawn, items) == []


def test_two_events_of_one_day_in_one_row_share_no_label_space(qtbot) -> None:
    """Two events on the same day in one lane and a week just before it (the seed article's Greece):
    at a zoom of years their markers overlap, and no two labels may be painted over each other."""
    rows = [("a", "2020-02-06", "2020-02-06", "day", False, "GRC", "Consult", "Technical contacts are held", ""),
            ("b", "2020-02-06", "2020-02-06", "day", False, "GRC", "Consult", "The foreign ministers met", ""),
            ("c", "2020-01-27", "2020-02-02", "week", False, "GRC", "Appeal", "Last week, Greek officials said", "")]
    view = shown(qtbot, frame(rows), 1200, 400)
    for first, last in (("2019-01-01", "2021-12-31"), ("2015-01-01", "2025-12-31"), ("2020-02-01", "2020-04-30")):
        drawn, items = frame_with_labels(view, dt.date.fromisoformat(first), dt.date.fromisoformat(last))
        assert _overlaps(drawn, items) == [], (first, last)


def test_events_dated_to_a_year_are_labelled_at_a_zoom_of_years(qtbot) -> None:
    """Years every five years over half a century (about 18 px a year): each bar is too narrow for its
    label, which goes beside it; years side by side leave no room and get none (their tooltip names them)."""
    rows = [(f"y{y}", f"{y}-01-01", f"{y}-12-31", "year", False, "FRA", "Consult", f"Talks of {y} held", str(y))
            for y in range(1975, 2025, 5)]
    rows += [(f"z{y}", f"{y}-01-01", f"{y}-12-31", "year", False, "DEU", "Consult", f"Crisis of {y}", str(y))
             for y in range(1990, 1996)]
    view = shown(qtbot, frame(rows), 1100, 400)
    drawn, items = frame_with_labels(view, dt.date(1975, 1, 1), dt.date(2024, 12, 31))
    assert view.canvas.time_width() / 50 == pytest.approx(18, abs=2)
    labels = {str(view._data.event_ids[view._data.o_event[occ]]): t for _r, occ, _c, t in drawn if occ >= 0}
    # Elided at a word boundary to the room before the next bar: "Talks of…" at the least.
    for y in range(1975, 2025, 5):
        assert f"Talks of {y} held".startswith(labels.get(f"y{y}", "-").rstrip("…")), y
    assert set(labels) & {f"z{y}" for y in range(1990, 1995)} == set()  # side by side: no room
    assert labels.get("z1995") == "Crisis of 1995"  # the last one has the rest of its row
    assert _overlaps(drawn, items) == []
