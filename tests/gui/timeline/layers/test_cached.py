"""The cached event layer: a pan draws strips into it, and the picture is the one a fresh frame draws."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage, QPainter

from tests.core.timeline.generated import varied_events
from tests.gui.timeline.helpers import shown
from timeline_app.core.timeline.layout import AXIS_H, HEADER_W
from timeline_app.gui.timeline import TimelineView


def _bits(img: QImage) -> np.ndarray:
    img = img.convertToFormat(QImage.Format.Format_ARGB32)
    bits = np.frombuffer(img.constBits(), dtype=np.uint32).reshape(img.height(), img.bytesPerLine() // 4)
    return bits[:, :img.width()].copy()


def _pixels(canvas) -> np.ndarray:
    """The canvas as drawn on screen, once every label has been laid out (labels are spread over frames)."""
    for _ in range(30):
        canvas.repaint()
        if not canvas.painter.incomplete:
            break
    assert not canvas.painter.incomplete
    return _bits(canvas.grab().toImage())


def _without_layer(canvas) -> np.ndarray:
    """The same frame drawn in one pass, straight from the data, as a zoom step draws it."""
    img = QImage(canvas.size(), QImage.Format.Format_RGB32)
    painter = QPainter(img)
    canvas.painter.paint(painter, canvas.screen_state(), canvas.theme())
    painter.end()
    return _bits(img)


@pytest.mark.parametrize("first,last", [("1999-01-01", "2002-12-31"), ("2000-01-01", "2000-12-31"),
                                        ("2000-06-05", "2000-06-11")])
def test_panning_a_cached_view_draws_what_a_fresh_frame_draws(qtbot, first: str, last: str) -> None:
    """The event layer is kept while the view pans and only strips are added: the picture must be the
    one a layer drawn afresh gives, and the one a frame drawn in one pass without any layer gives,
    pixel for pixel (labels reaching across strips, fades, grid, cluster shades)."""
    v = shown(qtbot, varied_events(3000), 1200, 700)
    canvas = v.canvas
    v.zoom_to_date_range(dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    _pixels(canvas)
    for dx in (3.0, 3.4, -250.0, 620.0, -37.6, 5000.0, -5000.0, -700.0, 400.0):
        drawn = canvas.painter.cached.areas_drawn
        canvas.set_viewport(canvas.vp.panned(dx))
        cached = _pixels(canvas)
        if abs(dx) < 5:
            assert canvas.painter.cached.areas_drawn - drawn <= 2, "a small pan draws a strip at most, not the view"
        assert (cached == _without_layer(canvas)).all(), f"pan by {dx}: the layer differs from a direct frame"
        canvas.redraw()
        fresh = _pixels(canvas)
        assert (cached == fresh).all(), f"pan by {dx}: {int((cached != fresh).sum())} pixels differ"
    # The view really shows events, labels and all: the comparison is not between two empty frames.
    assert len(canvas._items.x) > 10
    assert len(np.unique(fresh[AXIS_H + 5:, HEADER_W + 5:])) > 20


def test_the_event_layer_is_redrawn_when_the_selection_colours_or_filter_change(qtbot) -> None:
    v = shown(qtbot, varied_events(500), 1200, 700)
    canvas = v.canvas
    v.zoom_to_date_range(dt.date(2000, 1, 1), dt.date(2000, 12, 31))
    before = _pixels(canvas)
    v.set_colour_mode("country")
    coloured = _pixels(canvas)
    assert (before != coloured).any()
    v.set_visible_mask(v._data.event_ids != "nothing-hidden")  # a filter that hides nothing
    assert (_pixels(canvas) == coloured).all()
    v.set_visible_mask(np.arange(len(v._data)) % 2 == 0)
    assert (_pixels(canvas) != coloured).any()
    # Selection rings sit above the cached layer: selecting and clearing gives back the same picture.
    plain = _pixels(canvas)
    canvas.selected = int(v._data.o_event[canvas._items.occ[canvas._items.occ >= 0][0]])
    canvas.update()
    assert (_pixels(canvas) != plain).any()
    canvas.selected = -1
    canvas.update()
    assert (_pixels(canvas) == plain).all()


def test_hover_rings_the_event_in_each_of_its_lanes_over_the_cached_layer(view: TimelineView, qtbot) -> None:
    view.zoom_to_date_range(dt.date(2022, 12, 15), dt.date(2023, 1, 5))
    canvas = view.canvas
    canvas.set_viewport(canvas.vp.panned(2.0))  # panning at one scale: the frames come from the layer
    before = _pixels(canvas)
    assert canvas.painter.cached.key is not None
    assert (before == _without_layer(canvas)).all()  # four lanes and empty space under them
    idx = view._data.index_of("e1")
    items = canvas._items
    on = np.flatnonzero((items.occ >= 0) & (view._data.o_event[np.maximum(items.occ, 0)] == idx))
    assert len(on) == 2, "e1 is in the TUR and the SYR lane"
    first = int(on[0])
    qtbot.mouseMove(canvas, QPoint(int(items.x[first] + items.w[first] / 2), int(items.y[first] + items.h[first] / 2)))
    assert canvas.hovered == idx
    after = _pixels(canvas)
    for i in on.tolist():
        x, y, w, h = (int(v) for v in (items.x[i], items.y[i], items.w[i], items.h[i]))
        ring = (slice(y - 4, y + h + 5), slice(x - 4, x + w + 5))
        assert (before[ring] != after[ring]).any(), "a ring around each drawn occurrence of the hovered event"
    assert (before[AXIS_H:, :HEADER_W] == after[AXIS_H:, :HEADER_W]).all()  # nothing else moved
