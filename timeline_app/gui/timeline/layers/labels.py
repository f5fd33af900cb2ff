"""Event labels: summaries elided to the room they get, laid out once and kept, a budget of new ones a frame."""

from __future__ import annotations

import logging

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QStaticText

from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.layout import LABEL_BUDGET
from timeline_app.core.timeline.shorten import shorten
from timeline_app.gui.timeline.text import Fonts

log = logging.getLogger(__name__)

_UNLIMITED = 1 << 30
LABEL_STEP_PX = 24  # a label's room is taken in steps of this many pixels, so that widths share a layout


class Labels:
    """The texts of span and point labels. On screen a frame lays out at most LABEL_BUDGET new ones and
    says it is `incomplete`: the next frames lay out the rest, so a view full of new labels stays fast."""

    def __init__(self, data: TimelineData, fonts: Fonts) -> None:
        self._data = data
        self._fonts = fonts
        self._budget = _UNLIMITED
        self.incomplete = False  # labels were skipped (or areas of the cached layer still lack some)
        # Where the frame's labels went (device pixels), the item each belongs to (occurrence or
        # cluster, -1 for none) and its text: what a layout test checks. Kept only when asked.
        self.record = False
        self.drawn: list[tuple[QRectF, int, int, str]] = []
        self.cut: list[bool] = []  # per drawn label: the clip (an edge of the view) cut it

    def start_frame(self, progressive: bool) -> None:
        """A new frame: a budget of new labels on screen (`progressive`), none for export."""
        self._budget = LABEL_BUDGET if progressive else _UNLIMITED
        self.incomplete = False
        self.drawn = []
        self.cut = []

    def draw(self, p: QPainter, x: float, y: float, st: QStaticText, occ: int = -1, cluster: int = -1) -> None:
        """Draw a laid-out label at (x, y), noting where it went when recording."""
        p.drawStaticText(QPointF(x, y), st)
        if self.record:
            size = st.size()
            whole = p.transform().mapRect(QRectF(x, y, size.width(), size.height()))
            box = whole
            clip = p.clipBoundingRect()
            if p.hasClipping() and not clip.isEmpty():
                box = whole.intersected(p.transform().mapRect(clip))
            if not box.isEmpty():
                self.drawn.append((box, occ, cluster, st.text()))
                self.cut.append(box.width() < whole.width() - 0.5)

    def summary(self, event: int, avail: float, small: bool = False, suffix: str = "") -> QStaticText | None:
        """The event's summary in `avail` pixels (in steps of LABEL_STEP_PX), shortened at a word
        boundary; `suffix` (an arrow) always kept; None when not even its first word fits."""
        bucket = int(avail // LABEL_STEP_PX)
        if bucket < 1:
            return None
        key = (event, bucket, small, suffix)
        texts = self._fonts.texts
        st = texts.peek(key)
        if st is None:
            if self._budget <= 0:
                self.incomplete = True  # the next frame lays out the rest
                return None
            self._budget -= 1
            summary = self._data.summary(event)
            if not summary:
                return None
            measure = self._fonts.measure_small if small else self._fonts.measure
            text = shorten(summary, bucket * float(LABEL_STEP_PX) - (measure(suffix) if suffix else 0.0), measure)
            if text is None:
                return None
            st = texts.get(key, text + suffix)
        return st

    def count(self, n: int, avail: float) -> QStaticText | None:
        """'12 events', or '12' where that does not fit, or nothing."""
        text = f"{n} events"
        if self._fonts.measure_small(text) > avail:
            text = str(n)
            if self._fonts.measure_small(text) > avail:
                return None
        return self._fonts.texts.get(("n", text), text)
