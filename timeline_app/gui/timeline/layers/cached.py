"""The cached event layer: the events on screen kept as one image over a stretch of time, so a pan draws only strips."""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.scene import EventArea, Placed
from timeline_app.core.timeline.viewport import Viewport
from timeline_app.gui.timeline.layers.chrome import GridLayer
from timeline_app.gui.timeline.layers.events import EventLayers
from timeline_app.gui.timeline.layers.labels import Labels
from timeline_app.gui.timeline.theme import Theme

log = logging.getLogger(__name__)

SPARE_WIDTHS = 0.5  # drawn beyond the view when a pan needs a strip: the next pans then draw nothing
MAX_WIDTHS = 2.5  # the image holds this many view widths: a long pan overwrites the far side


class CachedEventLayer:
    """An image of the lanes on screen (background, shading, grid and events) over world pixels [a, b).

    World pixel X is time * px_per_day, so the image stays valid while the view pans at one scale.
    The image is a ring of MAX_WIDTHS view widths (X sits at column (X - base) mod its width):
    panning on draws the uncovered strip over the far side, with no copy and no new image.
    It is tied to one level cache, lane range and lane layout; any other change (zoom, data, filter,
    colours, theme, lane heights, lanes scrolled into view) draws the view afresh. Areas whose labels
    were not all laid out yet (the per-frame budget) are drawn again by the next frame.
    """

    def __init__(self, data: TimelineData, events: EventLayers, grid: GridLayer, labels: Labels) -> None:
        self._data = data
        self._events = events  # draws the events of a strip
        self._grid = grid  # draws the ground they lie on
        self._labels = labels  # says when a strip could not lay out all its labels yet
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

    def expects_blit(self, vp: Viewport) -> bool:
        """Whether a frame of `vp` will most likely come from the image (the view pans at one scale)."""
        return self.key is not None and self._scale == (vp.px_per_day, vp.width) and vp.origin_px is not None

    def draw(self, p: QPainter, area: EventArea, theme: Theme, placed: Placed | None) -> bool:
        """Blit the events of the view `area`, drawing what the image lacks first; False if it cannot help.

        `placed`: the view's items with those within label reach, when the frame collected them.
        """
        vp, lc, layout, lane_lo, lane_hi = area.vp, area.lc, area.lanes.layout, area.lanes.lo, area.lanes.hi
        dpr = p.device().devicePixelRatioF() if p.device() is not None else 1.0
        if vp.origin_px is None or dpr != round(dpr):
            return False  # off the pixel grid, strips would not meet exactly
        x0, x1 = int(vp.origin_px), int(vp.origin_px) + vp.width
        top0 = int(layout.top[lane_lo])
        height = int(layout.top[lane_hi - 1] + layout.height[lane_hi - 1]) - top0
        lanes = slice(lane_lo, lane_hi)
        key = (vp.px_per_day, vp.width, area.grid, id(lc), lc.lo, lc.hi, self._data.version, id(theme), dpr, lane_lo,
               lane_hi, layout.span_row_h, layout.span_rows[lanes].tobytes(), layout.point_rows[lanes].tobytes(),
               layout.height[lanes].tobytes(), layout.inset[lanes].tobytes() if layout.inset is not None else b"")
        fresh = key != self.key or self.image is None
        scale, self._scale = self._scale, (vp.px_per_day, vp.width)
        if fresh and scale != self._scale:
            # A new scale, as every zoom step gives: drawing it into an image first would only add
            # a blit. The layer is built once a frame keeps the scale (the view pans, a filter changes).
            self.key = None
            return False
        strip = _Strip(area, theme, top0, height)
        if fresh or x1 <= self.a or x0 >= self.b:
            self.key, self._held = key, (lc, theme)
            self.a, self.b, self.dirty = x0, x1, []
            # The view starts half a view width into the ring: neither it nor the first strips wrap.
            self.base = x0 - int(vp.width * SPARE_WIDTHS)
            self._reserve(vp.width, height, dpr)
            self._render(strip, x0, x1, placed)
        else:
            dirty, self.dirty = self.dirty, []
            for a, b in dirty:
                a, b = max(a, self.a), min(b, self.b)
                if b > a:
                    self._render(strip, a, b)
            if x0 < self.a or x1 > self.b:
                self._extend(strip, x0, x1, vp.width)
        self._labels.incomplete = self._labels.incomplete or bool(self.dirty)
        for a, b, col in self._pieces(x0, x1):
            p.drawImage(QRectF(a - x0, area.lanes.top + top0, b - a, height), self.image,
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

    def _extend(self, strip: _Strip, x0: int, x1: int, width: int) -> None:
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
            self._render(strip, a, old_a)
        if old_b < b:
            self._render(strip, old_b, b)

    def _render(self, strip: _Strip, a: int, b: int, placed: Placed | None = None) -> None:
        """Draw world pixels [a, b) of the image afresh (`placed`: the view's items, when [a, b) is the view)."""
        labels = self._labels
        was_incomplete, labels.incomplete = labels.incomplete, False
        lanes = strip.area.lanes
        area = replace(strip.area, vp=Viewport.on_grid(a, strip.area.vp.px_per_day, b - a))
        frame = placed if placed is not None else self._events.items(area)
        ip = QPainter(self.image)
        for start, end, col in self._pieces(a, b):
            ip.save()
            # The layers work in the frame's coordinates (lanes.top) with x = 0 at world pixel a;
            # this piece of [a, b) sits at image column `col`, the first lane at image row 0.
            ip.translate(col - (start - a), -(lanes.top + strip.top0))
            ip.setClipRect(QRectF(start - a, lanes.top + strip.top0, end - start, strip.height))
            self._grid.draw_area(ip, area, strip.theme)
            self._events.draw(ip, area, frame, strip.theme)
            ip.restore()
        ip.end()
        self.areas_drawn += 1
        if labels.incomplete:
            self.dirty.append((a, b))
        labels.incomplete = was_incomplete


class _Strip:
    """What drawing any strip of the layer needs besides its extent: the view's area (its viewport
    gives the scale), the theme, and the top and height of the lanes in the image."""

    __slots__ = ("area", "theme", "top0", "height")

    def __init__(self, area: EventArea, theme: Theme, top0: int, height: int) -> None:
        self.area, self.theme, self.top0, self.height = area, theme, top0, height
