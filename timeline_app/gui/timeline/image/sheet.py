"""The sheet around an exported timeline: title and subtitle above it, the full legend and the source line below."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QLinearGradient, QPainter, QPen

from timeline_app.gui.timeline.layers.uncertain import uncertain_pen
from timeline_app.gui.timeline.theme import Theme

log = logging.getLogger(__name__)

MARGIN = 24.0
_SWATCH = 10.0
_GLYPH_W = 24.0  # width of a mark's sample in the key
_ENTRY_GAP = 18.0
_LINE_GAP = 6.0


@dataclass(frozen=True)
class KeyEntry:
    """One entry of the legend: a sample (`kind`: "title" for none, "colour", "point", "bar", "open",
    "band", "cluster", "part", "uncertain") and its words; `colour` is a palette slot (-1: the neutral grey-blue)."""

    kind: str
    text: str
    colour: int = -1


class SheetFonts:
    """Fonts of the sheet in pixels, so a PNG, an SVG and a PDF put the same words in the same room."""

    def __init__(self) -> None:
        self.title = QFont()
        self.title.setPixelSize(22)
        self.title.setBold(True)
        self.subtitle = QFont()
        self.subtitle.setPixelSize(14)
        self.key = QFont()
        self.key.setPixelSize(12)
        self.source = QFont()
        self.source.setPixelSize(11)


def wrap(text: str, fm: QFontMetricsF, width: float) -> list[str]:
    """`text` in lines no wider than `width` (a word wider than that gets a line of its own)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and fm.horizontalAdvance(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


class Sheet:
    """Lays out and draws what an image holds besides the timeline frame, for one width."""

    def __init__(self, width: float, title: str, subtitle: str, key: list[KeyEntry], source: str) -> None:
        self.width = width
        self.title = title
        self.fonts = SheetFonts()
        inner = width - 2 * MARGIN
        self._title = wrap(title, QFontMetricsF(self.fonts.title), inner)
        self._subtitle = wrap(subtitle, QFontMetricsF(self.fonts.subtitle), inner)
        self._source = wrap(source, QFontMetricsF(self.fonts.source), inner)
        self._key_fm = QFontMetricsF(self.fonts.key)
        self._key = self._flow(key, inner)

    # -- layout --------------------------------------------------------------------------------

    def _entry_width(self, entry: KeyEntry) -> float:
        text_w = self._key_fm.horizontalAdvance(entry.text)
        if entry.kind == "title":
            return text_w
        return (_SWATCH if entry.kind == "colour" else _GLYPH_W) + 5 + text_w

    def _flow(self, entries: list[KeyEntry], width: float) -> list[list[tuple[float, KeyEntry]]]:
        """Entries placed left to right in lines (x within the line); a title entry starts a new line."""
        lines: list[list[tuple[float, KeyEntry]]] = []
        x = 0.0
        for entry in entries:
            w = self._entry_width(entry)
            if not lines or entry.kind == "title" or (x > 0 and x + w > width):
                lines.append([])
                x = 0.0
            lines[-1].append((x, entry))
            x += w + _ENTRY_GAP
        return lines

    def _line_h(self, font: QFont) -> float:
        return QFontMetricsF(font).height()

    @property
    def header_height(self) -> float:
        h = MARGIN
        if self._title:
            h += len(self._title) * self._line_h(self.fonts.title) + 4
        if self._subtitle:
            h += len(self._subtitle) * self._line_h(self.fonts.subtitle)
        return h + 12

    @property
    def footer_height(self) -> float:
        h = 12.0
        if self._key:
            h += len(self._key) * (self._line_h(self.fonts.key) + _LINE_GAP) + 4
        if self._source:
            h += len(self._source) * self._line_h(self.fonts.source)
        return h + MARGIN

    # -- drawing -------------------------------------------------------------------------------

    def draw_header(self, p: QPainter, theme: Theme) -> None:
        y = MARGIN
        y = self._lines(p, self._title, self.fonts.title, theme.text, y)
        if self._title:
            y += 4
        self._lines(p, self._subtitle, self.fonts.subtitle, theme.muted, y)

    def draw_footer(self, p: QPainter, top: float, theme: Theme) -> None:
        y = top + 12
        line_h = self._line_h(self.fonts.key)
        p.setFont(self.fonts.key)
        for line in self._key:
            for x, entry in line:
                self._entry(p, MARGIN + x, y, line_h, entry, theme)
            y += line_h + _LINE_GAP
        if self._key:
            y += 4
        self._lines(p, self._source, self.fonts.source, theme.muted, y)

    @staticmethod
    def _lines(p: QPainter, lines: list[str], font: QFont, colour: QColor, y: float) -> float:
        p.setFont(font)
        p.setPen(colour)
        fm = QFontMetricsF(font)
        for line in lines:
            p.drawText(QPointF(MARGIN, y + fm.ascent()), line)
            y += fm.height()
        return y

    def _entry(self, p: QPainter, x: float, y: float, line_h: float, entry: KeyEntry, theme: Theme) -> None:
        """A sample of the mark and its words; text is drawn as text (SVG and PDF keep it searchable)."""
        mid = y + line_h / 2
        p.setPen(Qt.PenStyle.NoPen)
        colour = theme.colour(entry.colour) if entry.colour >= 0 else QColor(theme.neutral)
        if entry.kind == "colour":
            p.fillRect(QRectF(x, mid - _SWATCH / 2, _SWATCH, _SWATCH), colour)
            x += _SWATCH + 5
        elif entry.kind != "title":
            self._glyph(p, entry.kind, QRectF(x, mid - 6, _GLYPH_W, 12), colour, theme)
            x += _GLYPH_W + 5
        p.setPen(theme.muted if entry.kind == "title" else theme.text)
        p.drawText(QPointF(x, y + self._key_fm.ascent()), entry.text)

    def _glyph(self, p: QPainter, kind: str, box: QRectF, colour: QColor, theme: Theme) -> None:
        if kind == "point":
            p.fillRect(QRectF(box.center().x() - 4, box.center().y() - 4, 8, 8), colour)
        elif kind in ("bar", "open"):
            bar = QRectF(box.left(), box.center().y() - 4, box.width(), 8)
            if kind == "open":
                end = QColor(colour)
                end.setAlphaF(0.0)
                grad = QLinearGradient(bar.left() + bar.width() / 3, 0, bar.right(), 0)
                grad.setColorAt(0.0, colour)
                grad.setColorAt(1.0, end)
                p.fillRect(bar, grad)
            else:
                light = QColor(colour)
                light.setAlphaF(0.48)
                p.fillRect(QRectF(bar.left(), bar.top(), bar.width() / 2, bar.height()), colour)
                p.fillRect(QRectF(bar.center().x(), bar.top(), bar.width() / 2, bar.height()), light)
        elif kind == "part":  # the first third of a period, and a bracket across the whole of it
            mid = box.center().y()
            p.setPen(QPen(colour, 1.0))
            p.drawLine(QPointF(box.left() + 0.5, mid), QPointF(box.right() - 0.5, mid))
            for x in (box.left() + 0.5, box.right() - 0.5):
                p.drawLine(QPointF(x, mid - 3), QPointF(x, mid + 3))
            p.setPen(Qt.PenStyle.NoPen)
            p.fillRect(QRectF(box.left(), mid - 4, box.width() / 3, 8), colour)
        elif kind == "uncertain":
            p.fillRect(QRectF(box.center().x() - 4, box.center().y() - 4, 8, 8), colour)
            p.setPen(uncertain_pen(theme))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(box.center().x() - 5.5, box.center().y() - 5.5, 11, 11))
            p.setPen(Qt.PenStyle.NoPen)
        elif kind == "band":
            p.fillRect(box, theme.band_brush(-1, strong=False))
            p.fillRect(QRectF(box.left(), box.top(), box.width(), 2), theme.band_brush(-1, strong=True))
        elif kind == "cluster":
            p.fillRect(box, theme.cluster_brush(-1, 2))
            p.setPen(theme.text)
            font = QFont(self.fonts.key)
            font.setPixelSize(9)
            p.setFont(font)
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, "12")
            p.setFont(self.fonts.key)
