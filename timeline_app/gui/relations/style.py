"""The Relations chart's colours and fonts: from the widget's palette on screen, light and printable in files."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette

from timeline_app.core.library.relations import UNKNOWN_QUAD

log = logging.getLogger(__name__)

# ColorBrewer's RdBu ends, safe for the common colour blindnesses and in greyscale print: blues for
# cooperation, reds for conflict, the material (acting) class darker than the verbal one.
QUAD_COLOURS: dict[int, str] = {1: "#92c5de", 2: "#2166ac", 3: "#f4a582", 4: "#b2182b", UNKNOWN_QUAD: "#b4b4b4"}
# Bottom to top: cooperation on the axis, conflict above it, events of unknown type on top.
STACK_ORDER: tuple[int, ...] = (2, 1, 3, 4, UNKNOWN_QUAD)


@dataclass(frozen=True)
class ChartStyle:
    """Colours and fonts of one rendering, on screen or to a file."""

    background: QColor
    text: QColor
    muted: QColor
    grid: QColor
    line: QColor  # the net score's line
    highlight: QColor
    font: QFont
    bold: QFont
    small: QFont

    @staticmethod
    def from_palette(palette: QPalette, font: QFont) -> ChartStyle:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        return ChartStyle._make(base, text, palette.color(QPalette.ColorRole.Highlight), font)

    @staticmethod
    def printable(font: QFont) -> ChartStyle:
        """Black on white whatever the desktop's theme: exported charts go into reports and slides."""
        return ChartStyle._make(QColor("#ffffff"), QColor("#202020"), QColor("#1f6fd1"), font)

    @staticmethod
    def _make(base: QColor, text: QColor, highlight: QColor, font: QFont) -> ChartStyle:
        muted, grid = QColor(text), QColor(text)
        muted.setAlphaF(0.65)
        grid.setAlphaF(0.12)
        normal = QFont(font)
        bold = QFont(font)
        bold.setBold(True)
        bold.setPointSizeF(font.pointSizeF() + 1)
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() - 1, 7.0))
        return ChartStyle(QColor(base), QColor(text), muted, grid, QColor(text), QColor(highlight), normal, bold, small)

    def quad(self, quad: int) -> QColor:
        return QColor(QUAD_COLOURS[quad])

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font)
