"""Writes the timeline as PNG or SVG with the same painter code the widget uses on screen."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QRect, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from timeline_app.core.timeline.layout import PaintState
from timeline_app.errors import ExportError
from timeline_app.gui.timeline.painter import TimelinePainter
from timeline_app.gui.timeline.theme import Theme

log = logging.getLogger(__name__)

IMAGE_FORMATS = {".png": "PNG", ".svg": "SVG"}


def export_timeline(painter: TimelinePainter, state: PaintState, theme: Theme, path: str) -> None:
    """Render one frame of `painter` at state.width x state.height into `path` (.png or .svg)."""
    suffix = Path(path).suffix.lower()
    if suffix not in IMAGE_FORMATS:
        raise ExportError(f"Cannot export the timeline as '{suffix or path}': choose a .png or .svg file name.")
    if suffix == ".svg":
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        gen = QSvgGenerator()
        gen.setOutputDevice(buffer)
        gen.setSize(QSize(state.width, state.height))
        gen.setViewBox(QRect(0, 0, state.width, state.height))
        gen.setTitle("Diplomatic Timeline")
        gen.setDescription("Timeline of dated diplomatic events")
        qp = QPainter()
        if not qp.begin(gen):
            raise ExportError(f"Cannot draw the timeline as SVG for {path}.")
        try:
            painter.paint(qp, state, theme)
        finally:
            qp.end()
        text = bytes(buffer.data()).decode("utf-8")
        # WORKAROUND: QSvgGenerator writes the size in millimetres at its resolution; viewers then
        # scale it differently (Qt at 90 dpi, browsers at 96). Pixels are what the user asked for.
        text = re.sub(r'<svg width="[^"]*" height="[^"]*"', f'<svg width="{state.width}" height="{state.height}"',
                      text, count=1)
        try:
            Path(path).write_text(text, encoding="utf-8")
        except OSError as e:
            raise ExportError(f"Cannot write {path}: {e.strerror or e}. Check that the folder exists and is writable.") from e
    else:
        image = QImage(state.width, state.height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(theme.base)
        qp = QPainter(image)
        qp.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        try:
            painter.paint(qp, state, theme)
        finally:
            qp.end()
        if not image.save(path, "PNG"):
            raise ExportError(f"Cannot write {path}: check that the folder exists and is writable.")
    log.info("timeline exported to %s (%dx%d)", path, state.width, state.height)
