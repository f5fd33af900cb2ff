"""Uncertain dates on the timeline: a dashed outline around their points and bars, and why in the tooltip."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtGui import QImage

from tests.gui.timeline.helpers import ROWS, frame, shown, svg_texts
from timeline_app.core.timeline.layout import LEGEND_H
from timeline_app.core.timeline.modes import (
    COLOUR_BY_COUNTRY, COLOUR_BY_EVENT_TYPE, LANES_BY_COUNTRY, LANES_BY_EVENT_TYPE,
)
from timeline_app.core.timeline.picture import ImageOptions
from timeline_app.gui.timeline import TimelineView, render_image
from timeline_app.gui.timeline.layers.uncertain import RING_PX

UNCERTAIN = {"e1", "e2"}  # a day ("Wednesday" read two ways) and a month's bar; e4 and e7 are certain days


def _view(qtbot) -> TimelineView:
    df = frame(ROWS)
    df["date_mod"] = ["APPROX" if e in UNCERTAIN else "" for e in df["event_id"]]
    v = shown(qtbot, df, 1200, 600)
    v.zoom_to_date_range(dt.date(2022, 10, 20), dt.date(2023, 1, 5))
    v.canvas.repaint()
    return v


def _ring(view: TimelineView, event_id: str) -> np.ndarray:
    """The pixels of the top edge of the outline an event would have (RING_PX above its mark)."""
    items = view.canvas._items
    idx = view._data.index_of(event_id)
    hits = np.flatnonzero((items.occ >= 0) & (view._data.o_event[np.maximum(items.occ, 0)] == idx))
    assert len(hits), f"{event_id} is not drawn"
    i = int(hits[0])
    x, y, w = int(items.x[i]), int(items.y[i] - RING_PX), int(items.w[i])
    image = view.canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    bits = np.frombuffer(image.constBits(), dtype=np.uint32).reshape(image.height(), -1)
    return bits[y, x:x + w].copy()  # the image owns the bits: copy them before it goes


def test_an_uncertain_point_and_bar_have_a_dashed_outline_a_certain_one_none(qtbot) -> None:
    v = _view(qtbot)
    for event_id in ("e1", "e2"):
        ring = _ring(v, event_id)
        assert len(np.unique(ring)) >= 2, event_id  # dashes and gaps: two colours at least along the edge
    for event_id in ("e4", "e7"):
        ring = _ring(v, event_id)
        assert len(np.unique(ring)) == 1, event_id  # the lane's ground only


def test_the_tooltip_says_why_the_date_is_uncertain(qtbot) -> None:
    v = _view(qtbot)
    assert "uncertain" in v.canvas.tooltip_html(v._data.index_of("e1"))
    assert "uncertain" not in v.canvas.tooltip_html(v._data.index_of("e4"))


def test_a_pictures_key_explains_the_dashed_outline_when_one_is_drawn(qtbot, tmp_path) -> None:
    v = _view(qtbot)
    render_image(v, tmp_path / "with.svg", ImageOptions(scope="view", width_px=1400))
    assert any("uncertain date" in t for t in svg_texts(tmp_path / "with.svg"))
    certain = shown(qtbot, frame(ROWS), 1200, 600)
    render_image(certain, tmp_path / "without.svg", ImageOptions(scope="view", width_px=1400))
    assert not any("uncertain date" in t for t in svg_texts(tmp_path / "without.svg"))


def _legend_end(view: TimelineView) -> np.ndarray:
    """The right end of the legend row under the lanes, as pixels."""
    image = view.canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    bits = np.frombuffer(image.constBits(), dtype=np.uint32).reshape(image.height(), -1)
    return bits[image.height() - LEGEND_H:, image.width() - 160:].copy()


def test_the_legend_names_the_dashed_outline_while_an_uncertain_event_is_shown(qtbot) -> None:
    v = _view(qtbot)
    with_mark = _legend_end(v)
    certain = shown(qtbot, frame(ROWS), 1200, 600)
    certain.zoom_to_date_range(dt.date(2022, 10, 20), dt.date(2023, 1, 5))
    without = _legend_end(certain)
    assert not np.array_equal(with_mark, without)
    v.set_filter(~v._data.uncertain)  # the uncertain events filtered out: nothing left to explain
    assert np.array_equal(_legend_end(v), without)


@pytest.mark.parametrize("lanes, colours", [(LANES_BY_COUNTRY, COLOUR_BY_COUNTRY),
                                            (LANES_BY_EVENT_TYPE, COLOUR_BY_EVENT_TYPE)])
def test_the_legend_names_the_dashed_outline_when_the_lanes_are_the_colours(qtbot, lanes: str, colours: str) -> None:
    """Lanes coloured by themselves need no colour key, but the dashed outline still needs its words."""
    with_mark, certain = _view(qtbot), shown(qtbot, frame(ROWS), 1200, 600)
    drawn = []
    for v in (with_mark, certain):
        v.set_lane_mode(lanes)
        v.set_colour_mode(colours)
        v.zoom_to_date_range(dt.date(2022, 10, 20), dt.date(2023, 1, 5))
        v.canvas.painter.legend.draw = lambda p, entries, geo, theme, v=v: drawn.append(v)
        v.canvas.repaint()
    assert drawn == [with_mark]  # the row under the lanes, for the dashed outline's key only
    with_mark.set_filter(~with_mark._data.uncertain)  # the uncertain events filtered out: no row
    drawn.clear()
    with_mark.canvas.repaint()
    assert drawn == []
