"""Geometry of a timeline frame: lane layout, what a frame drew, and the constants they share."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np

from timeline_app.core.timeline import timescale as ts

log = logging.getLogger(__name__)

HEADER_W = 168  # lane header column
AXIS_H = 44  # context row + minor row
MIN_LANE_H = 26
MAX_SPAN_ROWS = 3
LEGEND_H = 20
LABEL_BUDGET = 120  # new label layouts per on-screen frame
STRETCH_LANE_H = 72  # a lane grows to fill free height only up to this
POINT_ROW_H = 16
DENSITY_H = 4
MAX_LABELS = 700  # labels drawn per frame at most: beyond that they would not be readable anyway
LABEL_MAX_PX = 300  # a point's label is cut to this width even when nothing follows it
# How far outside an area items still change what is drawn in it: labels reaching in from the left,
# and the next item that cuts a label short on the right.
LABEL_REACH_PX = LABEL_MAX_PX + 16


def cluster_capacity(px_per_day: float) -> int:
    """Points a lane stacks before they merge into a cluster: fewer rows when zoomed out.

    Decided by the zoom level, not the exact scale, so one level has one cache entry.
    """
    px_per_day = ts.level_px_per_day(ts.zoom_level(px_per_day))
    if px_per_day < 0.5:
        return 1
    if px_per_day < 2.0:
        return 2
    if px_per_day < 6.0:
        return 3
    return 4


@dataclass
class LaneLayout:
    """Per shown lane (by position): span rows, point rows, top and height, for one frame."""

    span_row_h: int
    span_rows: np.ndarray
    point_rows: np.ndarray
    top: np.ndarray  # relative to the first lane's top
    height: np.ndarray

    @property
    def total(self) -> int:
        return int(self.height.sum())

    def point_top(self, pos: np.ndarray | int) -> np.ndarray:
        return 3 + self.span_rows[pos] * (self.span_row_h + 1) + (self.span_rows[pos] > 0) * 2

    @staticmethod
    def build(n_lanes: int, span_rows: np.ndarray, point_rows: np.ndarray, span_row_h: int,
              min_height: int) -> LaneLayout:
        height = 3 + span_rows * (span_row_h + 1) + (span_rows > 0) * 2 + point_rows * POINT_ROW_H + DENSITY_H + 3
        height = np.maximum(height, MIN_LANE_H).astype(np.int64)
        # Few lanes share out the free height, so a filtered timeline does not sit in a corner.
        if n_lanes and height.sum() < min_height:
            height = np.maximum(height, np.minimum(height + (min_height - height.sum()) // n_lanes, STRETCH_LANE_H))
        top = np.concatenate(([0], np.cumsum(height)[:-1])) if n_lanes else np.zeros(0, dtype=np.int64)
        return LaneLayout(span_row_h, span_rows, point_rows, top, height)


@dataclass
class PaintState:
    """Everything a frame depends on besides the data."""

    viewport: ts.Viewport  # the time area only: its x = 0 is the widget's HEADER_W
    width: int
    height: int
    scroll_y: int = 0
    country_names: dict[str, str] = field(default_factory=dict)
    today: float | None = None
    show_legend: bool = True
    progressive: bool = False  # on screen: spread the layout of many new labels over a few frames
    # On screen while the view pans at one scale: rows per shown lane (span rows, point rows) the
    # lanes keep even when what is in view needs fewer, so lanes do not jump as events pass by.
    keep_rows: tuple[np.ndarray, np.ndarray] | None = None


@dataclass
class FrameItems:
    """What the last frame drew, in widget coordinates, for hit testing and linked highlights."""

    x: np.ndarray
    y: np.ndarray
    w: np.ndarray
    h: np.ndarray
    occ: np.ndarray  # occurrence id, or -1 for a cluster
    cluster: np.ndarray  # cluster id, or -1 for an occurrence
    level: int = 0
    capacity: int = 1
    layout: LaneLayout | None = None
    lane_top: float = AXIS_H  # y of the first lane (scroll applied)

    @staticmethod
    def empty() -> FrameItems:
        z = np.zeros(0)
        zi = np.zeros(0, dtype=np.int64)
        return FrameItems(z, z, z, z, zi, zi)


@dataclass
class _Frame(FrameItems):
    """FrameItems plus what the frame collected before drawing."""

    lc: object = None  # the LevelCache of the frame's zoom level
    cids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    c_pos: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    spans: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    s_pos: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    s_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    pts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    p_pos: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    p_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    @staticmethod
    def empty() -> _Frame:
        z = np.zeros(0)
        zi = np.zeros(0, dtype=np.int64)
        return _Frame(z, z, z, z, zi, zi)


@dataclass
class Placed:
    """Where the items of an area go, in the area's pixels, for the lanes being drawn.

    Items outside the area are included when they can still reach into it (labels) or cut a label
    in it short; items in rows beyond the lane layout are left out: they are drawn once the layout
    has room for them. Spans keep their unclipped extent (`sx`, `sw`) so fades and pixel rounding
    do not depend on where the area starts.
    """

    cids: np.ndarray
    c_pos: np.ndarray
    cx: np.ndarray
    cy: np.ndarray
    cw: np.ndarray
    ch: np.ndarray
    spans: np.ndarray
    s_pos: np.ndarray
    s_rows: np.ndarray  # capped at the last span row
    s_raw_rows: np.ndarray
    sx: np.ndarray
    sw: np.ndarray
    sy: np.ndarray
    pts: np.ndarray
    p_pos: np.ndarray
    p_rows: np.ndarray
    p_x: np.ndarray  # centre
    px: np.ndarray  # marker's left edge
    py: np.ndarray


