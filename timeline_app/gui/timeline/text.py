"""The timeline's fonts, their metrics, measured widths and the texts laid out once and drawn every frame."""

from __future__ import annotations

import logging
from collections import OrderedDict

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QStaticText

log = logging.getLogger(__name__)


class TextCache:
    """QStaticText objects keyed by content, so a label is laid out once, not every frame."""

    def __init__(self, limit: int = 6000) -> None:
        self._items: OrderedDict[object, QStaticText] = OrderedDict()
        self._limit = limit

    def get(self, key: object, text: str) -> QStaticText:
        st = self._items.get(key)
        if st is None:
            st = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)
            self._items[key] = st
            if len(self._items) > self._limit:
                self._items.popitem(last=False)
        return st

    def peek(self, key: object) -> QStaticText | None:
        """The text laid out under `key`, if it still is: lets a caller skip working out its content."""
        return self._items.get(key)

    def clear(self) -> None:
        self._items.clear()


class Fonts:
    """The three fonts of the timeline (text, bold context labels, small counts), with their metrics.

    On screen they follow the desktop's font in points; an image gives `pixel_size`, so the same
    text takes the same room in a PNG, an SVG and a PDF whatever their resolution.
    """

    def __init__(self, pixel_size: int | None = None) -> None:
        self.normal = QFont()
        if pixel_size is None:
            self.normal.setPointSizeF(max(self.normal.pointSizeF() - 1.0, 7.5))
        else:
            self.normal.setPixelSize(pixel_size)
        self.bold = QFont(self.normal)
        self.bold.setBold(True)
        self.small = QFont(self.normal)
        if pixel_size is None:
            self.small.setPointSizeF(max(self.normal.pointSizeF() - 0.5, 7.0))
        else:
            self.small.setPixelSize(max(pixel_size - 1, 8))
        self.fm = QFontMetricsF(self.normal)
        self.fm_bold = QFontMetricsF(self.bold)
        self.fm_small = QFontMetricsF(self.small)
        self.texts = TextCache()
        self._widths: dict[str, float] = {}

    def measure(self, text: str) -> float:
        w = self._widths.get(text)
        if w is None:
            w = self.fm.horizontalAdvance(text)
            if len(self._widths) > 5000:
                self._widths.clear()
            self._widths[text] = w
        return w

    def measure_small(self, text: str) -> float:
        key = "\x00" + text
        w = self._widths.get(key)
        if w is None:
            w = self.fm_small.horizontalAdvance(text)
            self._widths[key] = w
        return w
