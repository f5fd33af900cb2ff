"""The timeline follows the desktop's palette, light or dark."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from timeline_app.core.timeline.layout import AXIS_H, HEADER_W
from timeline_app.gui.timeline import TimelineView
from timeline_app.gui.timeline.theme import Theme


def test_dark_palette_is_followed(view: TimelineView) -> None:
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    pal.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b"))
    pal.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    assert Theme.from_palette(pal).dark
    view.canvas.setPalette(pal)
    image = view.canvas.grab().toImage()
    assert QColor(image.pixel(HEADER_W + 20, AXIS_H + 5)).lightnessF() < 0.3
