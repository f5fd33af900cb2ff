"""Paints the timeline with one QPainter pass through its layers, shared by the widget, PNG and SVG export."""

from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.layout import AXIS_H, HEADER_W, LEGEND_H, FrameGeometry, Lanes, PaintState
from timeline_app.core.timeline.scene import EventArea, FrameItems, FrameScene, collect_frame, drawn_boxes, place
from timeline_app.core.timeline.ticks import choose_axis
from timeline_app.gui.timeline.layers.cached import CachedEventLayer
from timeline_app.gui.timeline.layers.chrome import AxisLayer, GridLayer, LaneHeaderLayer, LegendLayer
from timeline_app.gui.timeline.layers.edges import EdgeLayer
from timeline_app.gui.timeline.layers.events import EventLayers
from timeline_app.gui.timeline.layers.labels import Labels
from timeline_app.gui.timeline.text import Fonts
from timeline_app.gui.timeline.theme import Theme

log = logging.getLogger(__name__)


EMPTY_TEXT = "No events loaded"


class TimelinePainter:
    """Draws a frame with the layers it holds: grid, events (from the cached layer on screen), today's
    line, axis, lane headers and legend. Each layer gets the fonts and data it reads when made, and
    the geometry of the frame or area and the theme when it draws."""

    def __init__(self, data: TimelineData, fonts: Fonts | None = None) -> None:
        self.data = data
        self.fonts = fonts or Fonts()
        self.labels = Labels(data, self.fonts)
        self.grid = GridLayer()
        self.axis = AxisLayer(self.fonts)
        self.headers = LaneHeaderLayer(data, self.fonts)
        self.legend = LegendLayer(data, self.fonts)
        self.edges = EdgeLayer(data, self.fonts)
        self.events = EventLayers(data, self.fonts, self.labels)
        self.cached = CachedEventLayer(data, self.events, self.grid, self.labels)  # kept while the view pans
        self.content_height = AXIS_H  # of the last frame: lanes scroll when it exceeds the height
        self.empty_text = EMPTY_TEXT  # said where there are no events at all

    @property
    def incomplete(self) -> bool:
        """The last frame skipped labels to stay fast: the next one draws them."""
        return self.labels.incomplete

    def clear_texts(self) -> None:
        """Forget laid-out texts (new events: a label's key is the event's index)."""
        self.fonts.texts.clear()

    def paint(self, p: QPainter, state: PaintState, theme: Theme, cached: bool = False) -> FrameItems:
        """Draw one frame; with state.progressive, at most LABEL_BUDGET new labels are laid out.

        `cached` (on screen): the events come from the cached layer's image, which draws only what it lacks.
        """
        self.labels.start_frame(state.progressive)
        p.fillRect(QRectF(0, 0, state.width, state.height), theme.base)
        legend = self.data.legend_entries(state.country_names) if state.show_legend else []
        # The row also carries the key to the dashed outline, needed when the lanes say the colours too.
        key_row = bool(legend) or (state.show_legend and self.data.uncertain_shown())
        layer = self.cached if cached else None
        # A frame the layer will answer needs only the items in view (layout, hit tests, span
        # labels); the layer draws any strip it lacks from its own collection.
        near_only = layer is not None and layer.expects_blit(state.viewport)
        lanes_bottom = state.height - (LEGEND_H if key_row else 0)
        scene = collect_frame(self.data, state, lanes_bottom - AXIS_H, reach=not near_only)
        geo = self._geometry(state, scene, lanes_bottom, key_row)
        p.save()
        p.setClipRect(QRectF(HEADER_W, AXIS_H, geo.vp.width, lanes_bottom - AXIS_H))
        self._draw_ground(p, geo, scene, theme, near_only)
        p.translate(HEADER_W, 0)
        items = self._draw_events(p, geo, scene, theme, layer, near_only)
        self.grid.draw_today(p, geo, theme)
        p.restore()
        arrows = self.edges.boxes(geo) if state.edge_arrows and len(self.data.lane_order) else {}
        self._draw_chrome(p, geo, theme, state.country_names, legend if key_row else None,
                          [box for _text, box in arrows.values()])
        if arrows:
            items.edges = self.edges.draw(p, arrows, theme)
        return items

    def _geometry(self, state: PaintState, scene: FrameScene, lanes_bottom: int, legend: bool) -> FrameGeometry:
        """The frame's axis and the lanes in view, its scroll kept within the lanes' height."""
        self.content_height = AXIS_H + scene.layout.total + (LEGEND_H if legend else 0)
        scroll = int(min(max(state.scroll_y, 0), max(self.content_height - state.height, 0)))
        lanes = Lanes.in_view(scene.layout, scroll, lanes_bottom - AXIS_H)
        axis = choose_axis(state.viewport, self.fonts.measure)
        return FrameGeometry(state.viewport, state.width, lanes_bottom, axis, lanes, state.today, state.labels_in_view)

    @staticmethod
    def _has_events(geo: FrameGeometry, scene: FrameScene) -> bool:
        return geo.lanes.hi > geo.lanes.lo and scene.items.lc is not None

    def _draw_ground(self, p: QPainter, geo: FrameGeometry, scene: FrameScene, theme: Theme, near_only: bool) -> None:
        """Shaded lanes and grid lines, in widget coordinates."""
        if near_only and self._has_events(geo, scene):
            # The layer's image has the lanes' ground: only the space under the last lane needs one.
            below = geo.lanes.bottom
            if below < geo.lanes_bottom:
                p.save()
                p.setClipRect(QRectF(HEADER_W, below, geo.vp.width, geo.lanes_bottom - below))
                self.grid.draw_lines(p, geo, theme)
                p.restore()
        else:
            self.grid.draw_shading(p, geo, theme)
            self.grid.draw_lines(p, geo, theme)

    def _draw_events(self, p: QPainter, geo: FrameGeometry, scene: FrameScene, theme: Theme,
                     layer: CachedEventLayer | None, near_only: bool) -> FrameItems:
        """The events in view (x = 0 at the time area) and what the frame drew, for hit testing."""
        lanes = geo.lanes
        x = y = w = h = np.zeros(0)
        occ = cluster = np.zeros(0, dtype=np.int64)
        if self._has_events(geo, scene):
            area = EventArea(geo.vp, scene.items.lc, lanes, (geo.axis.unit, geo.axis.step), geo.labels_in_view)
            placed = place(self.data, scene.items, geo.vp, lanes)
            if layer is None or not layer.draw(p, area, theme, None if near_only else placed):
                if near_only:  # the layer declined after all: draw the ground, and labels need more items
                    self.grid.draw_area(p, area, theme)
                    placed = self.events.items(area)
                self.events.draw(p, area, placed, theme)
            self.events.spans.draw_labels(p, area, placed, theme)
            x, y, w, h, occ, cluster = drawn_boxes(placed, geo.vp.width, lanes.layout.span_row_h)
        return FrameItems(x + HEADER_W, y, w, h, occ, cluster, scene.level, scene.capacity, lanes.layout, lanes.top,
                          scene.items.lc)

    def _draw_chrome(self, p: QPainter, geo: FrameGeometry, theme: Theme, country_names: dict[str, str],
                     legend: list[tuple[int, str]] | None, arrows: list[QRectF]) -> None:
        """Axis, lane headers and legend row (None: no row) around the lanes; a word where there are no lanes."""
        self.axis.draw(p, geo, theme, arrows)
        self.headers.draw(p, geo, theme, country_names)
        if legend is not None:
            self.legend.draw(p, legend, geo, theme)
        if not len(self.data.lane_order):
            p.setPen(theme.muted)
            p.setFont(self.fonts.normal)
            msg = "No events match the filter" if len(self.data) else self.empty_text
            p.drawText(QRectF(HEADER_W + 12, AXIS_H, geo.vp.width - 24, geo.lanes_bottom - AXIS_H),
                       int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap), msg)
