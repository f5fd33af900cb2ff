"""The timeline's colours, taken from the widget's palette, and the brushes and pixel values made of them."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPalette

from timeline_app.core.timeline.data import ALPHA_LEVELS
from timeline_app.core.timeline.palette import palette as categorical_palette
from timeline_app.gui.timeline.raster import premultiplied

log = logging.getLogger(__name__)


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
        colours = [QColor(c) for c in categorical_palette()]
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

    def brush(self, index: int, alpha_level: int = 0) -> QBrush:
        """Cached brushes: one per colour and precision, reused by every batched draw."""
        key = (index % len(self.colours) if index >= 0 else -1, alpha_level)
        b = self._brushes.get(key)
        if b is None:
            b = QBrush(self.colour(index, alpha_level))
            self._brushes[key] = b
        return b

    def fade_brush(self, index: int, alpha_level: int, x0: float, x1: float) -> QBrush:
        """An open period's brush for vector output: its colour until x0, fading out by x1."""
        c = self.colour(index, alpha_level)
        end = QColor(c)
        end.setAlphaF(0.0)
        grad = QLinearGradient(x0, 0, x1, 0)
        grad.setColorAt(0.0, c)
        grad.setColorAt(1.0, end)
        return QBrush(grad)

    def band_brush(self, index: int, strong: bool) -> QBrush:
        """A band's light fill behind its lane, or (`strong`) the line on its row."""
        key = ("band", index, strong)
        b = self._brushes.get(key)
        if b is None:
            c = QColor(self.neutral if index < 0 else self.colours[index % len(self.colours)])
            c.setAlphaF(0.55 if strong else 0.10)
            b = QBrush(c)
            self._brushes[key] = b
        return b

    def cluster_brush(self, colour: int, strength: int) -> QBrush:
        """A cluster box's brush: its colour (-1: neutral) more opaque the stronger (0-3) the cluster."""
        key = ("cluster", colour, strength)
        b = self._brushes.get(key)
        if b is None:
            c = QColor(self.colours[colour % len(self.colours)] if colour >= 0 else self.neutral)
            c.setAlphaF(0.22 + 0.13 * strength)
            b = QBrush(c)
            self._brushes[key] = b
        return b
