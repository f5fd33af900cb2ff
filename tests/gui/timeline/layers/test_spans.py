"""Periods zoomed in: a year at day zoom is a light band with its label once; 'since 2011' reads as open-ended."""

from __future__ import annotations

import datetime as dt

import numpy as np
from PySide6.QtGui import QColor, QImage

from tests.gui.timeline.helpers import frame, frame_with_labels, shown

ROWS = [
    ("year", "2020-01-01", "2020-12-31", "year", False, "TUR", "Consult", "Talks went on all year", "in 2020"),
    ("day", "2020-06-10", "2020-06-10", "day", False, "TUR", "Consult", "Ministers met in Ankara", "on Wednesday"),
    ("war", "2011-01-01", "2011-12-31", "year", True, "SYR", "Fight", "Civil war since 2011", "since 2011"),
    ("pub", "2020-06-12", "2020-06-12", "day", False, "SYR", "Consult", "Envoys met", "Friday"),
]


def _view(qtbot):
    df = frame(ROWS)
    df["publication_date"] = "2020-07-01"  # "since 2011" runs until the article was written
    view = shown(qtbot, df, 1100, 400)
    view.zoom_to_date_range(dt.date(2020, 6, 1), dt.date(2020, 6, 21))
    return view


def _pixels(view) -> QImage:
    view.canvas.repaint()
    return view.canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_a_year_at_day_zoom_is_a_light_band_with_its_label_once(qtbot) -> None:
    view = _view(qtbot)
    drawn, items = frame_with_labels(view)
    texts = [t for _r, _o, _c, t in drawn]
    assert texts.count("Talks went on all year") == 1
    assert "Ministers met in Ankara" in texts  # the day in the same lane is seen and labelled
    # Under the year's label row, across the view, the lane is only lightly tinted: no solid bar.
    data = view._data
    year_occ = int(np.flatnonzero(data.o_event == data.index_of("year"))[0])
    k = int(np.flatnonzero(items.occ == year_occ)[0])
    image = _pixels(view)
    y = int(items.y[k] + items.h[k] / 2)
    for x in (300, 600, 900):
        assert QColor(image.pixel(x, y)).lightnessF() > 0.85, f"a solid bar at x={x}"


def _war(view, items) -> int:
    data = view._data
    war = int(np.flatnonzero(data.o_event == data.index_of("war"))[0])
    return int(np.flatnonzero(items.occ == war)[0])


def test_an_open_period_zoomed_in_keeps_its_bar_and_an_arrow(qtbot) -> None:
    df = frame(ROWS)
    df["publication_date"] = "2020-07-01"
    view = shown(qtbot, df, 1100, 400)
    # Years after 2011 and before its end: a band (far wider than the view) whose label has the arrow.
    view.zoom_to_date_range(dt.date(2015, 1, 1), dt.date(2015, 6, 30))
    drawn, items = frame_with_labels(view)
    assert "Civil war since 2011 →" in [t for _r, _o, _c, t in drawn]
    k = _war(view, items)
    image = _pixels(view)
    ground = QColor(image.pixel(600, int(items.y[k]) - 2)).lightnessF()
    assert ground - QColor(image.pixel(600, int(items.y[k]) + 1)).lightnessF() > 0.15  # its line is there
    # Zoomed out to a bar: solid along its length, fading only near its end (was faded all along).
    view.zoom_to_date_range(dt.date(2009, 1, 1), dt.date(2021, 12, 31))
    _drawn, items = frame_with_labels(view)
    k = _war(view, items)
    image = _pixels(view)
    x0, w, y = float(items.x[k]), float(items.w[k]), int(items.y[k] + items.h[k] - 2)
    assert w > 400
    assert image.pixel(int(x0 + 0.1 * w), y) == image.pixel(int(x0 + 0.6 * w), y)
    assert image.pixel(int(x0 + w - 5), y) != image.pixel(int(x0 + 0.6 * w), y)  # it fades at its end
