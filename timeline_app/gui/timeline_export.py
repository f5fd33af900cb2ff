"""Writes the timeline as PNG or SVG with the same painter code the widget uses on screen."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from timeline_app.errors import ExportError
from timeline_app.gui.timeline_painter import PaintState, Theme, TimelinePainter

log = logging.getLogger(__name__)

IMAGE_FORMATS = {".png": "PNG", ".svg": "SVG"}


def export_timeline(painter: TimelinePainter, state: PaintState, theme: Theme, path: str) -> None:
    """Render one frame of `painter` at state.width x state.height into `path` (.png or .svg)."""
    suffix = Path(path).suffix.lower()
    if suffix not in IMAGE_FORMATS:
        raise ExportError(f"Cannot export the timeline as '{suffix or path}': choose a .png or .svg file name.")
    if suffix == ".svg":
        gen = QSvgGenerator()
        gen.setFileName(path)
        gen.setSize(QSize(state.width, state.height))
        gen.setViewBox(QRect(0, 0, state.width, state.height))
        gen.setTitle("Diplomatic Timeline")
        qp = QPainter()
        if not qp.begin(gen):
            raise ExportError(f"Cannot write {path}: check that the folder exists and is writable.")
        try:
            painter.paint(qp, state, theme)
        finally:
            qp.end()
        if not Path(path).exists():
            raise ExportError(f"Cannot write {path}: check that the folder exists and is writable.")
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
