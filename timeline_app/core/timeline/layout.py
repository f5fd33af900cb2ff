"""Geometry of a timeline frame: its constants, the lane layout, the lanes in view and what a frame depends on."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np

from timeline_app.core.timeline.ticks import Axis
from timeline_app.core.timeline.viewport import Viewport, level_px_per_day, zoom_level

log = logging.getLogger(__name__)

HEADER_W = 168  # lane header column
AXIS_H = 44  # context row + minor row
MIN_LANE_H = 26
MAX_SPAN_ROWS = 3
LEGEND_H = 20
LABEL_BUDGET = 120  # new label layouts per on-screen frame
STRETCH_LANE_H = 72  # a lane grows to fill free height only up to this
POINT_ROW_H = 16
MARKER_PX = 8.0  # width of a point marker
MAX_LABELS = 700  # labels drawn per frame at most: beyond that they would not be readable anyway
LABEL_MAX_PX = 300  # a point's label is cut to this width even when nothing follows it
# How far outside an area items still change what is drawn in it: labels reaching in from the left,
# and the next item that cuts a label short on the right.
LABEL_REACH_PX = LABEL_MAX_PX + 16


BAND_MIN_PX = 600  # a period whose date is known only to a unit this wide on screen is a band, not a bar
BAND_MIN_PRECISION_DAYS = 28.0  # a month or coarser: weeks stay bars


def is_band(precision_days: np.ndarray, px_per_day: float) -> np.ndarray:
    """Which periods are drawn as bands: dated only to a month or coarser and zoomed in so far that
    the unit of that date is wider than BAND_MIN_PX (a year at day zoom), where a solid bar would
    cover the whole row and say nothing. "Since 1978" seen over decades stays a bar."""
    return (precision_days >= BAND_MIN_PRECISION_DAYS) & (precision_days * px_per_day >= BAND_MIN_PX)


SPAN_LABEL_MIN_PX_PER_YEAR = 10.0  # zoomed out further (decades, centuries), bars are thin rows without labels


def span_row_height(px_per_day: float) -> int:
    """A span row's height: tall enough for a label (beside a year bar 18 px wide, inside a wider one)
    down to a zoom of SPAN_LABEL_MIN_PX_PER_YEAR; thin below it, where a year is a few pixels wide."""
    return 12 if px_per_day * 365.25 >= SPAN_LABEL_MIN_PX_PER_YEAR else 6


def cluster_capacity(px_per_day: float) -> int:
    """Points a lane stacks before they merge into a cluster: fewer rows when zoomed out.

    Decided by the zoom level, not the exact scale, so one level has one cache entry.
    """
    px_per_day = level_px_per_day(zoom_level(px_per_day))
    if px_per_day < 0.5:
        return 1
    if px_per_day < 2.0:
        return 2
    if px_per_day < 6.0:
        return 3
    return 4


@dataclass
class LaneLayout:
    """Per shown lane (by position): span rows, point rows, top and height, for one frame. A lane
    stretched to fill free height keeps its rows in its middle (`inset` above them)."""

    span_row_h: int
    span_rows: np.ndarray
    point_rows: np.ndarray
    top: np.ndarray  # relative to the first lane's top
    height: np.ndarray
    inset: np.ndarray | None = None

    @property
    def total(self) -> int:
        return int(self.height.sum())

    def span_top(self, pos: np.ndarray | int) -> np.ndarray:
        """y of the first span row in lane `pos`, from the lane's top."""
        return 3 + (self.inset[pos] if self.inset is not None else 0)

    def point_top(self, pos: np.ndarray | int) -> np.ndarray:
        return self.span_top(pos) + self.span_rows[pos] * (self.span_row_h + 1) + (self.span_rows[pos] > 0) * 2

    @staticmethod
    def build(n_lanes: int, span_rows: np.ndarray, point_rows: np.ndarray, span_row_h: int,
              min_height: int, max_stretch: int = STRETCH_LANE_H) -> LaneLayout:
        natural = 3 + span_rows * (span_row_h + 1) + (span_rows > 0) * 2 + point_rows * POINT_ROW_H + 3
        height = np.maximum(natural, MIN_LANE_H).astype(np.int64)
        # Few lanes share out the free height, so a filtered timeline does not sit in a corner.
        if n_lanes and height.sum() < min_height:
            height = np.maximum(height, np.minimum(height + (min_height - height.sum()) // n_lanes, max_stretch))
        top = np.concatenate(([0], np.cumsum(height)[:-1])) if n_lanes else np.zeros(0, dtype=np.int64)
        inset = np.maximum(height - np.maximum(natural, MIN_LANE_H), 0) // 2
        return LaneLayout(span_row_h, span_rows, point_rows, top, height, inset.astype(np.int64))


@dataclass(frozen=True)
class Lanes:
    """Shown lanes [lo, hi) of a layout as an area draws them: lane `pos` starts at y = top + layout.top[pos]."""

    layout: LaneLayout
    lo: int
    hi: int
    top: float  # y of the first lane's top, the scroll applied

    @staticmethod
    def in_view(layout: LaneLayout, scroll: int, view_h: int) -> Lanes:
        """The lanes a view `view_h` high shows when scrolled down by `scroll`, under the axis."""
        lo = hi = 0
        if len(layout.top):
            lo = int(np.searchsorted(layout.top + layout.height, scroll, side="right"))
            hi = int(np.searchsorted(layout.top, scroll + view_h, side="left"))
        return Lanes(layout, lo, hi, AXIS_H - scroll)

    @property
    def bottom(self) -> float:
        """y of the bottom of the last lane."""
        return self.top + float(self.layout.top[self.hi - 1] + self.layout.height[self.hi - 1])


@dataclass(frozen=True)
class FrameGeometry:
    """Where a frame draws: its time area, the widget's width, the bottom of the lanes (the legend goes
    under it), the axis of the time area, the lanes in view and today's time."""

    vp: Viewport  # the time area only: its x = 0 is the widget's HEADER_W
    width: int
    lanes_bottom: int
    axis: Axis
    lanes: Lanes
    today: float | None
    labels_in_view: bool = False


@dataclass
class PaintState:
    """Everything a frame depends on besides the data."""

    viewport: Viewport  # the time area only: its x = 0 is the widget's HEADER_W
    width: int
    height: int
    scroll_y: int = 0
    country_names: dict[str, str] = field(default_factory=dict)
    today: float | None = None
    show_legend: bool = True
    progressive: bool = False  # on screen: spread the layout of many new labels over a few frames
    edge_arrows: bool = False  # on screen: arrows at the ends of the axis count the events out of view
    labels_in_view: bool = False  # an image: labels shortened at its right edge, none cut by it
    lane_max_h: int = STRETCH_LANE_H  # lanes grow to fill free height up to this (an image: more)
    # On screen while the view pans at one scale: rows per shown lane (span rows, point rows) the
    # lanes keep even when what is in view needs fewer, so lanes do not jump as events pass by.
    keep_rows: tuple[np.ndarray, np.ndarray] | None = None
