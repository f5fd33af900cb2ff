"""render_image: the timeline as a PNG, an SVG or a PDF (vector, text as text), for the window and the CLI."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRect, QSize, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from timeline_app.core.library.export import ExportCancelled
from timeline_app.core.progress import Cancel
from timeline_app.core.timeline.captions import APP_NAME
from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.layout import AXIS_H
from timeline_app.core.timeline.picture import ImageOptions, ImageSource
from timeline_app.errors import ExportError
from timeline_app.gui.timeline.image.plan import ImagePlan, Page, plan_image

log = logging.getLogger(__name__)

PDF_DPI = 300  # for what little a PDF holds as pixels; its text and shapes are vectors
_PX_PER_PT = 96.0 / 72.0
_PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


class HasImageSource(Protocol):
    """A widget that can say what a picture of it shows (TimelineView)."""

    def image_source(self) -> ImageSource: ...


def render_image(source: HasImageSource | ImageSource | TimelineData, path: str | Path,
                 options: ImageOptions = ImageOptions(), country_names: dict[str, str] | None = None,
                 today: dt.date | None = None, cancel: Cancel | None = None) -> ImagePlan:
    """Draw the timeline into `path` as `options` ask (format from the suffix unless given).

    `source`: a TimelineView (its view, lanes and names), an ImageSource, or bare TimelineData with
    `country_names`. Returns the plan it drew (size, pages). Raises ExportError with a sentence for
    the user when the options are wrong or the file cannot be written, and ExportCancelled once
    `cancel()` is true (looked at after the layout, after drawing and between a PDF's pages).
    """
    if isinstance(source, TimelineData):
        src = ImageSource(source, dict(country_names or {}))
    elif isinstance(source, ImageSource):
        src = source
    else:
        src = source.image_source()
    fmt = options.resolved_format(path)
    plan = plan_image(src, options, fmt, today)
    heard = cancel or _never
    if heard():  # the plan of a large library takes a while: no drawing after it once cancelled
        raise ExportCancelled
    {"png": _write_png, "svg": _write_svg, "pdf": _write_pdf}[fmt](plan, Path(path), options, heard)
    log.info("timeline image %s: %dx%d, %d page(s)", path, plan.width, plan.height, len(plan.pages))
    return plan


def draw_page(p: QPainter, plan: ImagePlan, page: Page) -> None:
    """One page in logical pixels: the sheet's header, the frame's lanes of the page, the footer."""
    theme, sheet = plan.theme, plan.sheet
    p.fillRect(0, 0, plan.width, plan.height, theme.base)
    y = sheet.header_height if page.header else 24.0
    if page.header:
        sheet.draw_header(p, theme)
    p.save()
    p.translate(0, y)
    plan.painter.paint(p, replace(plan.state, height=AXIS_H + page.lanes_h, scroll_y=page.scroll), theme)
    p.restore()
    if page.footer:
        sheet.draw_footer(p, y + AXIS_H + page.lanes_h, theme)


def _begin(p: QPainter, device: object, path: Path) -> None:
    if not p.begin(device):
        raise ExportError(f"Cannot write {path}: check that the folder exists and is writable.")


def _never() -> bool:
    return False


def _write_png(plan: ImagePlan, path: Path, options: ImageOptions, cancel: Cancel) -> None:
    scale = options.scale
    image = QImage(round(plan.width * scale), round(plan.height * scale), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(plan.theme.base)
    p = QPainter()
    _begin(p, image, path)
    try:
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.scale(scale, scale)
        draw_page(p, plan, plan.pages[0])
    finally:
        p.end()
    if cancel():
        raise ExportCancelled
    if not image.save(str(path), "PNG"):
        raise ExportError(f"Cannot write {path}: check that the folder exists and is writable.")


def _write_svg(plan: ImagePlan, path: Path, options: ImageOptions, cancel: Cancel) -> None:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buffer)
    gen.setSize(QSize(plan.width, plan.height))
    gen.setViewBox(QRect(0, 0, plan.width, plan.height))
    gen.setTitle(plan.sheet.title or APP_NAME)
    gen.setDescription(f"Made with {APP_NAME}")
    p = QPainter()
    _begin(p, gen, path)
    try:
        draw_page(p, plan, plan.pages[0])
    finally:
        p.end()
    if cancel():
        raise ExportCancelled
    text = bytes(buffer.data()).decode("utf-8")
    if plan.page_mm is not None:
        w, h = plan.page_mm[0], plan.page_mm[0] * plan.height / plan.width
        size = f'width="{w:g}mm" height="{h:.1f}mm"'
    else:
        size = f'width="{round(plan.width * options.scale)}" height="{round(plan.height * options.scale)}"'
    # WORKAROUND: QSvgGenerator writes the size in millimetres at its own resolution, which viewers
    # scale differently (Qt at 90 dpi, browsers at 96): write the pixels (or the page) asked for.
    text = re.sub(r'<svg width="[^"]*" height="[^"]*"', f"<svg {size}", text, count=1)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as e:
        raise ExportError(f"Cannot write {path}: {e.strerror or e}. Check that the folder exists and is writable.") from e


def _write_pdf(plan: ImagePlan, path: Path, options: ImageOptions, cancel: Cancel) -> None:
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setTitle(plan.sheet.title or APP_NAME)
    writer.setCreator(APP_NAME)
    if plan.page_mm is not None:
        size = QPageSize(_PAGE_SIZES[options.page or "A4"])
        orientation = QPageLayout.Orientation.Landscape
    else:
        size = QPageSize(QSizeF(plan.width / _PX_PER_PT, plan.height / _PX_PER_PT), QPageSize.Unit.Point,
                         "", QPageSize.SizeMatchPolicy.ExactMatch)
        orientation = QPageLayout.Orientation.Portrait
    writer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))
    p = QPainter()
    _begin(p, writer, path)
    try:
        scale = writer.width() / plan.width
        for i, page in enumerate(plan.pages):
            if cancel():  # between pages: QPdfWriter leaves its file behind, which the caller removes
                raise ExportCancelled
            if i:
                writer.newPage()
            p.save()
            p.scale(scale, scale)
            draw_page(p, plan, page)
            p.restore()
    finally:
        p.end()
