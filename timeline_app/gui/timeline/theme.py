"""Colours, cached brushes and texts, batched rectangles and image-row bars for the timeline painter."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QBrush, QColor, QGradient, QImage, QLinearGradient, QPaintEngine, QPainter, QPalette, QStaticText,
)

from timeline_app.core.timeline.data import ALPHA_LEVELS

log = logging.getLogger(__name__)

# Distinct, print-safe categorical colours (Tableau 10, then ten more of similar weight).
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#7f7f7f", "#2f6db5", "#a05195", "#d45087", "#665191", "#ff7c43", "#00a6a6",
    "#8c6d31", "#637939", "#7b4173", "#3182bd",
)


@dataclass
class Theme:
    """Colours taken from the widget's palette, so light and dark desktops both look right."""

    base: QColor
    alt: QColor
    window: QColor
    text: QColor
    muted: QColor
    grid: QColor
    grid_strong: QColor
    highlight: QColor
    today: QColor
    dark: bool
    colours: list[QColor]
    neutral: QColor
    _brushes: dict = field(default_factory=dict)

    @staticmethod
    def from_palette(palette: QPalette) -> Theme:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dark = base.lightnessF() < 0.5
        alt = QColor(base).lighter(112) if dark else QColor(base).darker(104)
        window = palette.color(QPalette.ColorRole.Window)
        muted = QColor(text)
        muted.setAlphaF(0.6)
        grid = QColor(text)
        grid.setAlphaF(0.08)
        grid_strong = QColor(text)
        grid_strong.setAlphaF(0.22)
        colours = [QColor(c) for c in PALETTE]
        if dark:
            colours = [c.lighter(125) for c in colours]
        neutral = QColor("#9fb3cc") if dark else QColor("#7d8da1")
        return Theme(base, alt, window, text, muted, grid, grid_strong,
                     palette.color(QPalette.ColorRole.Highlight), QColor("#d62728"), dark, colours, neutral)

    def colour(self, index: int, alpha_level: int = 0) -> QColor:
        """Palette colour `index` (-1: the neutral colour of mixed groups) at a precision's alpha."""
        c = QColor(self.neutral if index < 0 else self.colours[index % len(self.colours)])
        c.setAlphaF(ALPHA_LEVELS[alpha_level])
        return c

    def argb_table(self) -> np.ndarray:
        """Premultiplied ARGB32 per (colour + 1, alpha level); row 0 is the neutral colour."""
        table = self._brushes.get("argb")
        if table is None:
            rgb = np.asarray([(c.red(), c.green(), c.blue()) for c in [self.neutral] + list(self.colours)])
            alpha = np.zeros(8)
            alpha[:len(ALPHA_LEVELS)] = ALPHA_LEVELS
            table = premultiplied(alpha[None, :], rgb[:, None, :])
            self._brushes["argb"] = table
        return table

    def brush(self, index: int, alpha_level: int = 0, fading: bool = False) -> QBrush:
        """Cached brushes: one per colour, precision and fade, reused by every batched draw."""
        key = (index % len(self.colours) if index >= 0 else -1, alpha_level, fading)
        b = self._brushes.get(key)
        if b is None:
            c = self.colour(index, alpha_level)
            if fading:
                grad = QLinearGradient(0, 0, 1, 0)
                grad.setCoordinateMode(QGradient.CoordinateMode.ObjectBoundingMode)
                grad.setColorAt(0.0, c)
                end = QColor(c)
                end.setAlphaF(0.0)
                grad.setColorAt(1.0, end)
                b = QBrush(grad)
            else:
                b = QBrush(c)
            self._brushes[key] = b
        return b


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

    def clear(self) -> None:
        self._items.clear()


def _rects(x: np.ndarray, y: np.ndarray, w: np.ndarray, h: np.ndarray) -> list[QRectF]:
    return [QRectF(a, b, c, d) for a, b, c, d in zip(x.tolist(), y.tolist(), w.tolist(), h.tolist())]


def _batched(painter: QPainter, keys: np.ndarray, x: np.ndarray, y: np.ndarray, w: np.ndarray,
             h: np.ndarray, brush_of: Callable[[int], QBrush]) -> None:
    """One drawRects call per distinct key (colour and alpha): the fast path for many boxes."""
    if len(keys) == 0:
        return
    order = np.argsort(keys, kind="stable")
    k = keys[order]
    cuts = np.flatnonzero(np.diff(k)) + 1
    starts = np.concatenate(([0], cuts))
    ends = np.concatenate((cuts, [len(k)]))
    for a, b in zip(starts.tolist(), ends.tolist()):
        idx = order[a:b]
        painter.setBrush(brush_of(int(k[a])))
        painter.drawRects(_rects(x[idx], y[idx], w[idx], h[idx]))


def premultiplied(alpha: np.ndarray, rgb: np.ndarray) -> np.ndarray:
    """Premultiplied ARGB32 pixels from alpha (0-1) and colours (..., 3) in 0-255, broadcast together."""
    a = np.rint(np.clip(alpha, 0.0, 1.0) * 255).astype(np.uint32)
    rgb = np.asarray(rgb).astype(np.uint32)
    return ((a << 24) | ((a * rgb[..., 0] // 255) << 16) | ((a * rgb[..., 1] // 255) << 8)
            | (a * rgb[..., 2] // 255)).astype(np.uint32)


def row_image(argb: np.ndarray) -> QImage:
    """A QImage (its own copy) of a (rows, width) array of premultiplied ARGB32 pixels."""
    argb = np.ascontiguousarray(argb, dtype=np.uint32)
    h, w = argb.shape
    return QImage(argb.data, w, h, w * 4, QImage.Format.Format_ARGB32_Premultiplied).copy()


def _is_raster(p: QPainter) -> bool:
    """Pixels (screen, PNG) take numpy images; vector output (SVG, PDF) gets real shapes."""
    engine = p.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Raster


def _blit_bars(p: QPainter, width: int, x: np.ndarray, w: np.ndarray, row_key: np.ndarray, argb: np.ndarray,
               fading: np.ndarray, row_y: Callable[[int], float], height: float) -> None:
    """Horizontal bars of one height, filled into a numpy image (one pixel row per bar row) and
    blitted once per row: hundreds of rectangles cost a few image draws instead of Python objects."""
    x0 = np.clip(x, 0, width).astype(np.int64)
    x1 = np.clip(x + w, 0, width).astype(np.int64)
    length = np.maximum(x1 - x0, 0)
    total = int(length.sum())
    if total == 0:
        return
    keys, img_row = np.unique(row_key, return_inverse=True)
    which = np.repeat(np.arange(len(x)), length)
    xs = np.repeat(x0, length) + (np.arange(total) - np.repeat(np.cumsum(length) - length, length))
    values = argb[which]
    fade = fading[which]
    if fade.any():
        # Open periods fade out towards their end: scale the premultiplied pixel.
        f = 1.0 - (xs[fade] - x[which[fade]]) / np.maximum(w[which[fade]], 1.0)
        v = values[fade]
        channels = [((v >> shift) & 255) * f for shift in (24, 16, 8, 0)]
        values[fade] = ((channels[0].astype(np.uint32) << 24) | (channels[1].astype(np.uint32) << 16)
                        | (channels[2].astype(np.uint32) << 8) | channels[3].astype(np.uint32))
    img = np.zeros((len(keys), width), dtype=np.uint32)
    img[img_row[which], xs] = values
    qimg = row_image(img)
    # Blend only the covered stretch of each row: blending transparent pixels is most of the cost.
    row_of_bar = img_row[length > 0]
    lo = np.full(len(keys), width, dtype=np.int64)
    hi = np.zeros(len(keys), dtype=np.int64)
    np.minimum.at(lo, row_of_bar, x0[length > 0])
    np.maximum.at(hi, row_of_bar, x1[length > 0])
    for r, (key, a, b) in enumerate(zip(keys.tolist(), lo.tolist(), hi.tolist())):
        if b > a:
            p.drawImage(QRectF(a, row_y(key), b - a, height), qimg, QRectF(a, r, b - a, 1))
