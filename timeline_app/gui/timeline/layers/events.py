"""The events of an area, bottom to top: clusters, span bars, points and their labels."""

from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.layout import POINT_ROW_H
from timeline_app.core.timeline.scene import EventArea, Placed, area_items
from timeline_app.gui.timeline.layers.labels import Labels
from timeline_app.gui.timeline.layers.parts import PartLayer
from timeline_app.gui.timeline.layers.points import PointLayer
from timeline_app.gui.timeline.layers.spans import SpanLayer
from timeline_app.gui.timeline.layers.uncertain import UncertainLayer
from timeline_app.gui.timeline.raster import batched_rects, is_raster, premultiplied, row_image
from timeline_app.gui.timeline.text import Fonts
from timeline_app.gui.timeline.theme import Theme

log = logging.getLogger(__name__)


class EventLayers:
    """Draws the events of an area with one layer per kind, given the area and its placed items."""

    def __init__(self, data: TimelineData, fonts: Fonts, labels: Labels) -> None:
        self._data = data
        self.clusters = ClusterLayer(data, fonts, labels)
        self.spans = SpanLayer(data, fonts, labels)
        self.points = PointLayer(data, fonts, labels)
        self.uncertain = UncertainLayer(data)
        self.parts = PartLayer(data)

    def items(self, area: EventArea) -> Placed:
        """The items that draw in `area`, with those near enough to shape its labels."""
        return area_items(self._data, area)

    def draw(self, p: QPainter, area: EventArea, pl: Placed, theme: Theme) -> None:
        """Clusters, span bars (over the brackets of parts of periods), points and point labels of an area (span labels apart:
        they stick to the view's left edge, so the frame draws them)."""
        raster = is_raster(p)
        p.setPen(Qt.PenStyle.NoPen)
        if len(pl.cids):
            self.clusters.draw(p, area, pl, theme, raster)
        if len(pl.spans):
            self.parts.draw(p, area, pl, theme)  # behind its bar: the bar shows which part
            self.spans.draw(p, area, pl, theme, raster)
        if len(pl.pts):
            self.points.draw(p, area, pl, theme, raster)
        self.uncertain.draw(p, area, pl, theme)


class ClusterLayer:
    """A box over each cluster's bin with the number of events in it, stronger the more there are."""

    def __init__(self, data: TimelineData, fonts: Fonts, labels: Labels) -> None:
        self._data = data
        self._fonts = fonts
        self._labels = labels

    def draw(self, p: QPainter, area: EventArea, pl: Placed, theme: Theme, raster: bool) -> None:
        cl = area.lc.clusters
        counts = cl.count[pl.cids]
        # Strength against the level's largest cluster, not the view's: the same at every pan.
        top = max(float(np.log2(cl.count.max())), 1.0)
        strength = np.minimum((np.log2(counts) / top * 4).astype(np.int64), 3)
        colour_key = np.full(len(pl.cids), -1, dtype=np.int64)
        if self._data.colour_is_lane:
            lane_colour = self._data.lane_colours()
            colour_key = np.asarray([lane_colour.get(int(l), 0) for l in cl.lane[pl.cids].tolist()], dtype=np.int64)
        if raster:
            self._draw_image(p, area, pl, theme, strength, colour_key)
        else:  # vector output (SVG) gets real rectangles
            keys = (colour_key + 1) * 4 + strength
            batched_rects(p, keys, pl.cx, pl.cy, pl.cw, pl.ch, lambda k: theme.cluster_brush(k // 4 - 1, k % 4))
        fonts = self._fonts
        p.setFont(fonts.small)
        p.setPen(theme.text)
        fh = fonts.fm_small.height()
        # One label text per distinct count: measure those, then draw where the box is wide enough.
        distinct, which = np.unique(counts, return_inverse=True)
        labels = [str(n) if n < 10000 else f"{n // 1000}k" for n in distinct.tolist()]
        lw = np.asarray([fonts.measure_small(t) for t in labels])[which]
        inside = ((pl.cx >= 0) & (pl.cx + pl.cw <= area.vp.width) if area.labels_in_view
                  else (pl.cx + pl.cw > 0) & (pl.cx < area.vp.width))
        on = np.flatnonzero(inside & (lw + 4 <= pl.cw))
        tx = np.floor(pl.cx + (pl.cw - lw) / 2 + 0.5)
        ty = pl.cy + (pl.ch - fh) / 2
        for x, y, k, cid in zip(tx[on].tolist(), ty[on].tolist(), which[on].tolist(), pl.cids[on].tolist()):
            self._labels.draw(p, x, y, fonts.texts.get(("c", labels[k]), labels[k]), cluster=cid)

    @staticmethod
    def _draw_image(p: QPainter, area: EventArea, pl: Placed, theme: Theme, strength: np.ndarray,
                    colour_key: np.ndarray) -> None:
        """Cluster boxes of each lane as one image row, blitted once per lane instead of a rect each."""
        width, lanes = area.vp.width, area.lanes
        n_rows = lanes.hi - lanes.lo
        row = pl.c_pos - lanes.lo
        x0 = np.clip(pl.cx, 0, width).astype(np.int64)
        x1 = np.clip(pl.cx + pl.cw, 0, width).astype(np.int64)
        a = 0.22 + 0.13 * strength
        edges = np.zeros((n_rows, width + 1))
        np.add.at(edges, (row, x0), a)
        np.add.at(edges, (row, x1), -a)
        alpha = np.clip(np.cumsum(edges, axis=1)[:, :width], 0.0, 1.0)
        rgb = np.empty((n_rows, 3))
        neutral = theme.neutral
        rgb[:] = (neutral.red(), neutral.green(), neutral.blue())
        if (colour_key >= 0).any():
            for r, k in zip(row.tolist(), colour_key.tolist()):
                c = theme.colours[k % len(theme.colours)]
                rgb[r] = (c.red(), c.green(), c.blue())
        img = row_image(premultiplied(alpha, rgb[:, None, :]))
        layout = lanes.layout
        for r in np.unique(row[x1 > x0]).tolist():
            pos = lanes.lo + r
            y = lanes.top + layout.top[pos] + layout.point_top(pos)
            h = layout.point_rows[pos] * POINT_ROW_H - 2
            p.drawImage(QRectF(0, y, width, h), img, QRectF(0, r, width, 1))
