"""A Relations figure written as PNG, SVG or PDF by the same drawing the dock shows, light and printable."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRect, QRectF, QSize, QSizeF
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from timeline_app.errors import ExportError
from timeline_app.gui.relations.chart import Figure, paint_figure
from timeline_app.gui.relations.style import ChartStyle

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = (".png", ".svg", ".pdf")
IMAGE_FILTER = "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"
PNG_SCALE = 2  # a PNG at twice the size on screen stays sharp on a slide or a high-density display
_DPI = 96  # the chart is laid out in pixels of a 96 dpi screen; vector files keep that geometry


def export_figure(figure: Figure, path: str | Path, size: QSize, font: QFont) -> None:
    """Write `figure` at `size` (logical pixels) to `path`; the suffix chooses the format."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        raise ExportError(f"Cannot save the chart as '{suffix or path.name}': choose a .png, .svg or .pdf file name.")
    style = ChartStyle.printable(font)
    rect = QRectF(0, 0, size.width(), size.height())
    if suffix == ".png":
        _write_png(figure, path, rect, style)
    elif suffix == ".svg":
        _write_svg(figure, path, rect, style)
    else:
        _write_pdf(figure, path, rect, style)
    log.info("relations chart saved to %s (%dx%d)", path, size.width(), size.height())


def _draw(device: object, figure: Figure, rect: QRectF, style: ChartStyle, path: Path) -> None:
    qp = QPainter()
    if not qp.begin(device):
        raise ExportError(f"Cannot draw the chart into {path}.")
    try:
        qp.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        paint_figure(qp, rect, figure, style)
    finally:
        qp.end()


def _write_png(figure: Figure, path: Path, rect: QRectF, style: ChartStyle) -> None:
    image = QImage(int(rect.width() * PNG_SCALE), int(rect.height() * PNG_SCALE), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(PNG_SCALE)
    image.fill(style.background)
    _draw(image, figure, rect, style, path)
    if not image.save(str(path), "PNG"):
        raise ExportError(f"Cannot write {path}: check that the folder exists and is writable.")


def _write_svg(figure: Figure, path: Path, rect: QRectF, style: ChartStyle) -> None:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buffer)
    gen.setResolution(_DPI)
    gen.setSize(rect.size().toSize())
    gen.setViewBox(QRect(0, 0, int(rect.width()), int(rect.height())))
    gen.setTitle(figure.title)
    gen.setDescription(figure.footer)
    _draw(gen, figure, rect, style, path)
    text = bytes(buffer.data()).decode("utf-8")
    # WORKAROUND: QSvgGenerator writes the size in millimetres; viewers then scale it differently
    # (Qt at 90 dpi, browsers at 96). The pixels laid out are the size to show it at.
    width, height = int(rect.width()), int(rect.height())
    text = re.sub(r'<svg width="[^"]*" height="[^"]*"', f'<svg width="{width}" height="{height}"', text, count=1)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as e:
        raise ExportError(f"Cannot write {path}: {e.strerror or e}. "
                          "Check that the folder exists and is writable.") from e


def _write_pdf(figure: Figure, path: Path, rect: QRectF, style: ChartStyle) -> None:
    writer = QPdfWriter(str(path))
    writer.setResolution(_DPI)
    writer.setTitle(figure.title)
    writer.setCreator("Diplomatic Timeline")
    # One page the size of the chart: 96 layout pixels to the inch, no margins.
    inches = QSizeF(rect.width() / _DPI * 72, rect.height() / _DPI * 72)
    page = QPageSize(inches, QPageSize.Unit.Point, "chart", QPageSize.SizeMatchPolicy.ExactMatch)
    writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    _draw(writer, figure, rect, style, path)
    if not path.exists() or path.stat().st_size == 0:
        raise ExportError(f"Cannot write {path}: check that the folder exists and is writable.")
