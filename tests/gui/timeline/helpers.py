"""A small events frame of the project's own, a TimelineView showing a frame offscreen, and what it drew."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QPainter, QWheelEvent
from PySide6.QtWidgets import QApplication

from timeline_app.core.daycount import date_to_days
from timeline_app.core.timeline.scene import FrameItems
from timeline_app.core.timeline.viewport import Viewport
from timeline_app.gui.timeline import TimelineView


ROWS = [
    # event_id, start, end, precision, open_end, countries, type, summary, date_text
    ("e1", "2022-12-28", "2022-12-28", "day", False, "TUR;SYR", "Consult", "Defence ministers met in Moscow", "Wednesday"),
    ("e2", "2022-11-01", "2022-11-30", "month", False, "TUR", "Fight", "Air strikes in northern Syria", "November"),
    ("e3", "2011-01-01", "2011-12-31", "year", True, "SYR", "Fight", "Civil war since 2011", "since 2011"),
    ("e4", "2022-12-20", "2022-12-20", "day", False, "RUS;TUR", "Consult", "Talks announced", "last Tuesday"),
    ("e5", "", "", "day", False, "TUR", "Consult", "Undated remark", "now"),
    ("e6", "0850-06-01", "0850-06-30", "month", False, "GRC", "Appeal", "A very old embassy", "June 850"),
    ("e7", "2022-12-26", "2022-12-26", "day", False, "TUR", "Threaten", "Ankara warned of a ground operation", "Monday"),
]
COLUMNS = ["event_id", "date_start", "date_end", "date_precision", "open_end", "countries", "event_type",
           "summary", "date_text"]


def frame(rows: list[tuple] = ROWS) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["sources"] = 1
    df["article_ids"] = "1"
    df["source_titles"] = "seed.txt"
    df["event_date"] = df["date_start"]
    return df


def shown(qtbot, df: pd.DataFrame, width: int = 1000, height: int = 400,
           names: dict[str, str] | None = None) -> TimelineView:
    """A TimelineView on screen (offscreen) with `df` loaded."""
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(width, height)
    with qtbot.waitExposed(v):
        v.show()
    if names:
        v.set_country_names(names)
    v.set_events(df)
    return v


def centre_of(view: TimelineView, event_id: str) -> QPoint:
    """Where the canvas drew an event (its first drawn occurrence)."""
    view.canvas.repaint()
    items = view.canvas._items
    idx = view._data.index_of(event_id)
    hits = np.flatnonzero((items.occ >= 0) & (view._data.o_event[np.maximum(items.occ, 0)] == idx))
    assert len(hits), f"{event_id} is not drawn"
    i = int(hits[0])
    return QPoint(int(items.x[i] + items.w[i] / 2), int(items.y[i] + items.h[i] / 2))


def drawn_events(view: TimelineView) -> set[str]:
    view.canvas.repaint()
    items = view.canvas._items
    occ = items.occ[items.occ >= 0]
    return {str(view._data.event_ids[e]) for e in view._data.o_event[occ].tolist()}


def wheel(widget, pos: QPointF, dy: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(0, 0), QPoint(0, dy), Qt.MouseButton.NoButton,
                        modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def frame_with_labels(view: TimelineView, first: dt.date | None = None, last: dt.date | None = None
                      ) -> tuple[list, FrameItems]:
    """Paint one frame of [first, last] (default: the view's) in one pass; the labels it drew (rect
    within the view, occurrence, cluster, text; canvas.painter.labels.cut says which the view's edge
    cut) and its boxes."""
    canvas = view.canvas
    state = canvas.paint_state()
    if first is not None and last is not None:
        state.viewport = Viewport.fit(date_to_days(first), date_to_days(last) + 1, canvas.time_width(), margin=0.0)
    image = QImage(canvas.size(), QImage.Format.Format_RGB32)
    painter = QPainter(image)
    labels = canvas.painter.labels
    labels.record = True
    try:
        items = canvas.painter.paint(painter, state, canvas.theme())
    finally:
        labels.record = False
        painter.end()
    return list(labels.drawn), items


def svg_texts(path) -> list[str]:
    """The texts of an SVG file, each element's words joined."""
    root = ET.parse(path).getroot()
    return [" ".join(t.itertext()).strip() for t in root.iter("{http://www.w3.org/2000/svg}text")]
