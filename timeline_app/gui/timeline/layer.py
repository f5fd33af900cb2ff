"""EventLayer: the events on screen cached as one image over a stretch of time, so a pan draws only strips."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from timeline_app.core.timeline import timescale as ts
from timeline_app.core.timeline.layout import LaneLayout, Placed

if TYPE_CHECKING:
    from timeline_app.core.timeline.data import LevelCache
    from timeline_app.gui.timeline.painter import TimelinePainter
    from timeline_app.gui.timeline.theme import Theme

log = logging.getLogger(__name__)

SPARE_WIDTHS = 0.5  # drawn beyond the view when a pan needs a strip: the next pans then draw nothing
MAX_WIDTHS = 2.5  # the image holds this many view widths: a long pan overwrites the far side


class EventLayer:
    """An image of the lanes on screen (background, shading, grid and events) over world pixels [a, b).

    World pixel X is time * px_per_day, so the image stays valid while the view pans at one scale.
    The image is a ring of MAX_WIDTHS view widths (X sits at column (X - base) mod its width):
    panning on draws the uncovered strip over the far side, with no copy and no new image.
    It is tied to one level cache, lane range and lane layout; any other change (zoom, data, filter,
    colours, theme, lane heights, lanes scrolled into view) draws the view afresh. Areas whose labels
    were not all laid out yet (the per-frame budget) are drawn again by the next frame.
    """

    def __init__(self) -> None:
        self.image: QImage | None = None
        self.capacity = 0  # image width in (logical) pixels
        self.base = 0  # world pixel at image column 0
        self.key: tuple | None = None
        self.a = 0
        self.b = 0
        self.dirty: list[tuple[int, int]] = []
        self.areas_drawn = 0  # strips and whole views drawn, for tests and the benchmark
        self._held: tuple = ()  # what the key names by id(): kept alive so an id is not reused
        self._scale: tuple[float, int] | None = None  # px per day and width of the last frame

    def invalidate(self) -> None:
        """Draw the events afresh (into the image, if the view keeps its scale and layout)."""
        self.key = None

    def expects_blit(self, vp: ts.Viewport) -> bool:
        """Whether a frame of `vp` will most likely come from the image (the view pans at one scale)."""
        return self.key is not None and self._scale == (vp.px_per_day, vp.width) and vp.origin_px is not None

    def draw(self, p: QPainter, painter: TimelinePainter, theme: Theme, vp: ts.Viewport, lc: LevelCache,
             layout: LaneLayout, lane_lo: int, lane_hi: int, lane_top: float, grid: tuple[str, int],
             placed: Placed | None) -> bool:
        """Blit the events of the view, drawing what the image lacks first; False if it cannot help.

        `placed`: the view's items with those within label reach, when the frame collected them.
        """
        dpr = p.device().devicePixelRatioF() if p.device() is not None else 1.0
        if vp.origin_px is None or dpr != round(dpr):
            return False  # off the pixel grid, strips would not meet exactly
        x0, x1 = int(vp.origin_px), int(vp.origin_px) + vp.width
        top0 = int(layout.top[lane_lo])
        height = int(layout.top[lane_hi - 1] + layout.height[lane_hi - 1]) - top0
        lanes = slice(lane_lo, lane_hi)
        key = (vp.px_per_day, vp.width, grid, id(lc), lc.lo, lc.hi, painter.data.version, id(theme), dpr, lane_lo,
               lane_hi, layout.span_row_h, layout.span_rows[lanes].tobytes(), layout.point_rows[lanes].tobytes(),
               layout.height[lanes].tobytes())
        fresh = key != self.key or self.image is None
        scale, self._scale = self._scale, (vp.px_per_day, vp.width)
        if fresh and scale != self._scale:
            # A new scale, as every zoom step gives: drawing it into an image first would only add
            # a blit. The layer is built once a frame keeps the scale (the view pans, a filter changes).
            self.key = None
            return False
        area = _Area(painter, theme, lc, layout, lane_lo, lane_hi, lane_top, top0, height, vp.px_per_day, grid)
        if fresh or x1 <= self.a or x0 >= self.b:
            self.key, self._held = key, (lc, theme)
            self.a, self.b, self.dirty = x0, x1, []
            # The view starts half a view width into the ring: neither it nor the first strips wrap.
            self.base = x0 - int(vp.width * SPARE_WIDTHS)
            self._reserve(vp.width, height, dpr)
            self._render(area, x0, x1, placed)
        else:
            dirty, self.dirty = self.dirty, []
            for a, b in dirty:
                a, b = max(a, self.a), min(b, self.b)
                if b > a:
                    self._render(area, a, b)
            if x0 < self.a or x1 > self.b:
                self._extend(area, x0, x1, vp.width)
        painter.incomplete = painter.incomplete or bool(self.dirty)
        for a, b, col in self._pieces(x0, x1):
            p.drawImage(QRectF(a - x0, lane_top + top0, b - a, height), self.image,
                        QRectF(col * dpr, 0, (b - a) * dpr, height * dpr))
        return True

    def _reserve(self, width: int, height: int, dpr: float) -> None:
        """An image of MAX_WIDTHS view widths, kept while the size allows: a fresh one costs page faults."""
        capacity = int(width * MAX_WIDTHS)
        img = self.image
        if (img is None or self.capacity != capacity or img.devicePixelRatio() != dpr
                or img.height() < int(height * dpr)):
            img = QImage(max(int(capacity * dpr), 1), max(int(height * dpr), 1), QImage.Format.Format_RGB32)
            img.setDevicePixelRatio(dpr)
            self.image, self.capacity = img, capacity

    def _pieces(self, a: int, b: int) -> list[tuple[int, int, int]]:
        """World pixels [a, b) as (start, end, image column) runs: the image is a ring, X at column
        (X - base) mod capacity."""
        out = []
        while a < b:
            col = (a - self.base) % self.capacity
            end = min(b, a + self.capacity - col)
            out.append((a, end, col))
            a = end
        return out

    def _extend(self, area: _Area, x0: int, x1: int, width: int) -> None:
        """Cover [x0, x1) and some spare beyond it, dropping the far side past capacity; draw the new strips."""
        spare = int(width * SPARE_WIDTHS)
        a = min(self.a, x0 - spare) if x0 < self.a else self.a
        b = max(self.b, x1 + spare) if x1 > self.b else self.b
        if b - a > self.capacity:
            if x0 < self.a:
                b = a + self.capacity
            else:
                a = b - self.capacity
        old_a, old_b = max(self.a, a), min(self.b, b)
        self.a, self.b = a, b
        if a < old_a:
            self._render(area, a, old_a)
        if old_b < b:
            self._render(area, old_b, b)

    def _render(self, area: _Area, a: int, b: int, placed: Placed | None = None) -> None:
        """Draw world pixels [a, b) of the image afresh (`placed`: the view's items, when [a, b) is the view)."""
        painter = area.painter
        was_incomplete, painter.incomplete = painter.incomplete, False
        vp = ts.Viewport.on_grid(a, area.px_per_day, b - a)
        frame = placed if placed is not None else painter.area_items(vp, area.lc, area.layout, area.lane_lo,
                                                                        area.lane_hi, area.lane_top)
        ip = QPainter(self.image)
        for start, end, col in self._pieces(a, b):
            ip.save()
            # The painter works in the frame's coordinates (lane_top) with x = 0 at world pixel a;
            # this piece of [a, b) sits at image column `col`, the first lane at image row 0.
            ip.translate(col - (start - a), -(area.lane_top + area.top0))
            ip.setClipRect(QRectF(start - a, area.lane_top + area.top0, end - start, area.height))
            painter._lane_ground(ip, area.theme, vp, area.grid, area.layout, area.lane_lo, area.lane_hi,
                                 area.lane_top)
            painter._draw_events(ip, area.theme, vp, area.lc, area.layout, frame, area.lane_lo, area.lane_hi,
                                 area.lane_top)
            ip.restore()
        ip.end()
        self.areas_drawn += 1
        if painter.incomplete:
            self.dirty.append((a, b))
        painter.incomplete = was_incomplete


class _Area:
    """What drawing any strip of the layer needs besides its extent."""

    __slots__ = ("painter", "theme", "lc", "layout", "lane_lo", "lane_hi", "lane_top", "top0", "height",
                 "px_per_day", "grid")

    def __init__(self, painter: TimelinePainter, theme: Theme, lc: LevelCache, layout: LaneLayout, lane_lo: int,
                 lane_hi: int, lane_top: float, top0: int, height: int, px_per_day: float,
                 grid: tuple[str, int]) -> None:
        self.painter, self.theme, self.lc, self.layout = painter, theme, lc, layout
        self.lane_lo, self.lane_hi, self.lane_top, self.top0 = lane_lo, lane_hi, lane_top, top0
        self.height, self.px_per_day, self.grid = height, px_per_day, grid
