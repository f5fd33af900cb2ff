""""early 2019" on the timeline: a bar over the first third of 2019 with a bracket across the whole year."""

from __future__ import annotations

import datetime as dt

import numpy as np
from PySide6.QtGui import QImage

from tests.gui.timeline.helpers import frame, shown, svg_texts
from timeline_app.core.daycount import date_to_days
from timeline_app.core.timeline.layout import HEADER_W
from timeline_app.core.timeline.picture import ImageOptions
from timeline_app.gui.timeline import render_image

ROWS = [
    ("early", "2019-01-01", "2019-12-31", "year", False, "FRA", "Consult", "Talks early in the year", "early 2019"),
    ("whole", "2019-01-01", "2019-12-31", "year", False, "DEU", "Consult", "Talks all year", "in 2019"),
    ("approx", "2019-01-01", "2019-12-31", "year", False, "ITA", "Consult", "Talks some year", "that year"),
    ("late", "2019-01-01", "2019-12-31", "year", False, "ESP", "Consult", "Talks late in the year", "late 2019"),
]
MODS = {"early": "START", "whole": "", "approx": "APPROX", "late": "END"}


def _view(qtbot):
    df = frame(ROWS)
    df["date_mod"] = df["event_id"].map(MODS)
    view = shown(qtbot, df, 1000, 420)
    view.zoom_to_date_range(dt.date(2018, 10, 1), dt.date(2020, 3, 31))
    view.canvas.repaint()
    return view


def _box(view, event_id: str) -> tuple[int, int, int, int]:
    items = view.canvas._items
    idx = view._data.index_of(event_id)
    hits = np.flatnonzero((items.occ >= 0) & (view._data.o_event[np.maximum(items.occ, 0)] == idx))
    assert len(hits), f"{event_id} is not drawn"
    i = int(hits[0])
    return int(items.x[i]), int(items.y[i]), int(items.w[i]), int(items.h[i])


def _x_of(view, day: dt.date) -> int:
    return int(HEADER_W + view.canvas.vp.x_of(date_to_days(day)))


def test_early_and_late_are_a_third_of_the_year_and_a_whole_year_is_whole(qtbot) -> None:
    view = _view(qtbot)
    whole = _box(view, "whole")[2]
    for event_id in ("early", "late"):
        assert 0.28 < _box(view, event_id)[2] / whole < 0.38, event_id
    assert _box(view, "approx")[2] == whole  # an uncertain year is the whole year, with its dashed outline
    assert _box(view, "early")[0] < _box(view, "late")[0] - whole / 2


def test_a_bracket_spans_the_rest_of_the_year_beside_a_part_but_not_beside_a_whole_year(qtbot) -> None:
    view = _view(qtbot)
    image = view.canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    october = _x_of(view, dt.date(2019, 10, 1))  # outside "early 2019"'s bar, inside its year
    february_next = _x_of(view, dt.date(2020, 2, 1))  # after the year

    def row(event_id: str, x: int) -> np.ndarray:
        _x, y, _w, h = _box(view, event_id)
        return np.asarray([image.pixel(x, yy) for yy in range(y + 1, y + h - 1)])

    early = row("early", october)
    assert len(np.unique(early)) >= 2  # a line through the lane's ground
    assert len(np.unique(row("early", february_next))) == 1  # the bracket ends with the year
    july = _x_of(view, dt.date(2019, 7, 1))
    assert len(np.unique(row("late", july))) >= 2
    whole = row("whole", october)
    assert len(np.unique(whole)) == 1  # one solid bar, no line across it


def test_a_pictures_key_explains_the_bracket_when_a_part_is_drawn(qtbot, tmp_path) -> None:
    view = _view(qtbot)
    render_image(view, tmp_path / "with.svg", ImageOptions(scope="view", width_px=1400))
    assert any("part of a period" in t for t in svg_texts(tmp_path / "with.svg"))
    whole = shown(qtbot, frame(ROWS), 1000, 420)  # no modifiers: every year whole
    whole.zoom_to_date_range(dt.date(2018, 10, 1), dt.date(2020, 3, 31))
    render_image(whole, tmp_path / "without.svg", ImageOptions(scope="view", width_px=1400))
    assert not any("part of a period" in t for t in svg_texts(tmp_path / "without.svg"))
