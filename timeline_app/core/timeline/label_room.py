"""The room a label gets: a point's, from its marker to the next item of its row or lane; a bar's, inside it or beside it."""

from __future__ import annotations

import logging
from collections.abc import Callable

import numpy as np

from timeline_app.core.timeline.layout import LABEL_MAX_PX, MARKER_PX

log = logging.getLogger(__name__)

LABEL_GAP_PX = 5.0  # between a marker and its label
OBSTACLE_GAP_PX = 4.0  # between a label and what stops it
SPAN_INSIDE_MIN_PX = 46.0  # a bar this wide holds its label (40 px of text and its padding); a narrower one has it beside


def point_label_room(x: np.ndarray, lane: np.ndarray, row: np.ndarray, c_lane: np.ndarray, c_x: np.ndarray,
                     c_w: np.ndarray, stop: float = np.inf, want: Callable[[np.ndarray], np.ndarray] | None = None
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(left edge, width, before) of the room for the label of each point (centre `x`, shown lane, row).

    A label runs right of its marker until the next marker of the same row (points at the same place
    or overlapping: only the last one in the row gets room) or the next cluster box of the lane that
    ends right of the marker (a cluster covers every row of its lane), and never past LABEL_MAX_PX.
    A label that would run past `stop` (where the shown events end) goes `before` its marker instead
    when it does not fit before `stop` and there is more room there, back to the previous marker or
    cluster of its row at most; `want(points)` gives the widths their texts need (LABEL_MAX_PX when
    not given), and the label of the previous marker keeps the rest: so the view can end where the
    data ends, with its last labels in it.
    The room depends on the neighbours and the data only, not on the edges of the area drawn, so an
    area drawn in strips gets the same labels as one drawn whole. A width <= 0 means no room.
    """
    n = len(x)
    left = x + MARKER_PX / 2 + LABEL_GAP_PX
    end = left + LABEL_MAX_PX
    before = np.zeros(n, dtype=bool)
    if n == 0:
        return left, end - left, before
    group = lane.astype(np.int64) * (int(row.max()) + 1 if len(row) else 1) + row
    order = np.lexsort((np.arange(n), x, group))
    same = group[order[1:]] == group[order[:-1]]
    nxt = order[1:][same]
    here = order[:-1][same]
    end[here] = np.minimum(end[here], x[nxt] - MARKER_PX / 2 - OBSTACLE_GAP_PX)
    # Left of a marker: from the previous marker of its row, or the cluster of its lane before it.
    prev = np.full(n, -1, dtype=np.int64)
    prev[nxt] = here
    start = np.where(prev >= 0, x[np.maximum(prev, 0)] + MARKER_PX / 2 + OBSTACLE_GAP_PX, -np.inf)
    if len(c_lane):
        # Clusters of a lane never overlap (one bin each): sorted by left edge, their right edges
        # are sorted too, so the first that ends right of a marker is found by bisection.
        c_order = np.lexsort((c_x, c_lane))
        c_lane_s, c_left, c_right = c_lane[c_order], c_x[c_order], (c_x + c_w)[c_order]
        span = float(max(np.abs(c_right).max(), np.abs(x).max(), 1.0)) * 4.0 + 1.0
        keys = c_lane_s * span + c_right
        k = np.searchsorted(keys, lane * span + (x - MARKER_PX / 2), side="right")
        hit = k < len(keys)
        hit[hit] = c_lane_s[k[hit]] == lane[hit]
        end[hit] = np.minimum(end[hit], c_left[k[hit]] - OBSTACLE_GAP_PX)
        k = np.searchsorted(c_lane_s * span + c_left, lane * span + (x - MARKER_PX / 2), side="left") - 1
        hit = k >= 0
        hit[hit] = c_lane_s[k[hit]] == lane[hit]
        start[hit] = np.maximum(start[hit], c_right[k[hit]] + OBSTACLE_GAP_PX)
    past = np.flatnonzero(end > stop)
    if len(past):
        need = np.minimum(want(past), LABEL_MAX_PX) if want is not None else np.full(len(past), float(LABEL_MAX_PX))
        right = x[past] - MARKER_PX / 2 - LABEL_GAP_PX
        moved_left = np.maximum(start[past], right - need)
        move = (stop - left[past] < need) & (right - moved_left > stop - left[past])
        end[past] = np.where(move, right, stop)
        left[past] = np.where(move, moved_left, left[past])
        before[past] = move
        # The previous marker's label ends where the moved one begins.
        mover, behind = past[move], prev[past[move]]
        mover, behind = mover[behind >= 0], behind[behind >= 0]
        end[behind] = np.minimum(end[behind], left[mover] - OBSTACLE_GAP_PX)
    return left, end - left, before


def span_label_room(x0: np.ndarray, x1: np.ndarray, lane: np.ndarray, row: np.ndarray, stop: float = np.inf,
                    want: Callable[[np.ndarray], np.ndarray] | None = None,
                    brackets: tuple[np.ndarray, np.ndarray] | None = None
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(left edge, width, inside, before) of the room for the label of each bar (from `x0` to `x1`,
    shown lane, span row).

    A bar at least SPAN_INSIDE_MIN_PX wide holds its label. A narrower one (a year at a zoom of
    years, 18 px) has it beside, right of the bar, until the next bar of its row (bars of a row never
    overlap) and never past LABEL_MAX_PX: years five apart are labelled, years side by side get no
    room (width <= 0) and are named by their tooltip. Bars of other rows lie above or below the label.
    No label runs past `stop` (the view's right edge): one beside its bar that would goes `before`
    it, back to the previous bar of its row and the view's left edge at most, when its text
    (`want(bars)` wide; LABEL_MAX_PX when not given) does not fit before `stop` and there is more
    room before the bar; otherwise it ends at `stop` and its text is shortened. A label inside its
    bar ends at `stop` too.
    `brackets` (from, to) is what a bar holds of its row when more than the bar: the bracket across
    the whole period of a part of one ("early 2019"). A label outside its bar stays off it (beside it
    from its end, before it up to its start), and off the brackets of the bars around.
    """
    n = len(x0)
    a, b = brackets if brackets is not None else (x0, x1)
    inside = (x1 - x0) >= SPAN_INSIDE_MIN_PX
    left = np.where(inside, x0, b + LABEL_GAP_PX)
    end = np.where(inside, x1, left + LABEL_MAX_PX)
    start = np.full(n, 0.0)  # how far left a label moved before its bar may begin
    prev = np.full(n, -1, dtype=np.int64)
    if n > 1:
        group = lane.astype(np.int64) * (int(row.max()) + 1) + row
        order = np.lexsort((np.arange(n), x0, group))
        same = group[order[1:]] == group[order[:-1]]
        here, nxt = order[:-1][same], order[1:][same]
        beside = ~inside[here]
        end[here[beside]] = np.minimum(end[here[beside]], a[nxt[beside]] - OBSTACLE_GAP_PX)
        start[nxt] = np.maximum(start[nxt], b[here] + OBSTACLE_GAP_PX)
        prev[nxt] = here
    before = np.zeros(n, dtype=bool)
    past = np.flatnonzero(end > stop)
    if len(past):
        beside = past[~inside[past]]
        need = (np.minimum(want(beside), LABEL_MAX_PX) if want is not None
                else np.full(len(beside), float(LABEL_MAX_PX)))
        right = a[beside] - LABEL_GAP_PX
        moved_left = np.maximum(start[beside], right - need)
        move = (stop - left[beside] < need) & (right - moved_left > stop - left[beside])
        end[past] = stop
        end[beside[move]] = right[move]
        left[beside[move]] = moved_left[move]
        before[beside[move]] = True
        # The previous bar's label beside it ends where the moved one begins.
        mover, behind = beside[move], prev[beside[move]]
        mover, behind = mover[behind >= 0], behind[behind >= 0]
        beside_behind = ~inside[behind]
        end[behind[beside_behind]] = np.minimum(end[behind[beside_behind]], left[mover[beside_behind]] - OBSTACLE_GAP_PX)
    return left, end - left, inside, before
