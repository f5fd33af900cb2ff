"""Labels: shortened at a word boundary or dropped, and the room each point's label gets."""

from __future__ import annotations

import numpy as np

from timeline_app.core.timeline.label_room import LABEL_GAP_PX, OBSTACLE_GAP_PX, SPAN_INSIDE_MIN_PX, point_label_room, span_label_room
from timeline_app.core.timeline.layout import LABEL_MAX_PX, span_row_height
from timeline_app.core.timeline.shorten import shorten


def _chars(s: str) -> float:
    return 7.0 * len(s)


def test_shorten_at_a_word_boundary_with_an_ellipsis() -> None:
    text = "Talks on a replacement for the treaty"
    assert shorten(text, 7.0 * len(text), _chars) == text
    assert shorten(text, 7.0 * 20, _chars) == "Talks on a…"  # "Talks on a replacem…" would be a typo
    assert shorten("Ministers met, then left", 7.0 * 16, _chars) == "Ministers met…"  # no "met,…"
    assert shorten(text, 7.0 * 8, _chars) is None  # "Talks…" alone says nothing: dropped
    assert shorten(text, 7.0 * 8, _chars, min_words=1) == "Talks…"
    assert shorten("Referendum", 7.0 * 10, _chars) == "Referendum"  # one word that fits is whole
    assert shorten("  ", 100, _chars) is None
    assert shorten("Hotline\n  agreed", 7.0 * 14, _chars) == "Hotline agreed"


def test_label_room_stops_at_the_next_marker_and_cluster() -> None:
    # Lane 0 row 0: points at 100 and 200, a cluster from 150 to 190 covering every row of lane 0.
    # Lane 0 row 1: two points at the same place (300). Lane 1: a point alone at 100.
    x = np.array([100.0, 200.0, 300.0, 300.0, 100.0])
    lane = np.array([0, 0, 0, 0, 1])
    row = np.array([0, 0, 1, 1, 0])
    left, room, before = point_label_room(x, lane, row, np.array([0]), np.array([150.0]), np.array([40.0]))
    assert left[0] == 109.0 and room[0] == 150.0 - 4 - 109  # the cluster stops it
    assert room[1] == LABEL_MAX_PX  # nothing after it in its row
    assert room[2] <= 0 and room[3] == LABEL_MAX_PX  # same place: only the last one has room
    assert room[4] == LABEL_MAX_PX  # the cluster is in another lane
    assert not before.any()  # no end of the data given: every label right of its marker
    # A cluster box that starts under a marker (ends right of it) leaves its label no room.
    _left, room, _before = point_label_room(np.array([148.0]), np.array([0]), np.array([0]), np.array([0]),
                                   np.array([150.0]), np.array([40.0]))
    assert room[0] <= 0


def test_labels_that_would_run_past_the_data_go_left_of_their_marker() -> None:
    # Row 0: points at 100 and 600; the data ends at 610 (px). Row 1: a point at 300 alone.
    x = np.array([100.0, 600.0, 300.0])
    lane, row = np.array([0, 0, 0]), np.array([0, 0, 1])
    none = np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0)
    left, room, before = point_label_room(x, lane, row, *none, stop=610.0)
    # The last point's label ends left of its marker, as wide as LABEL_MAX_PX allows after the first.
    assert before[1] and left[1] + room[1] == 600.0 - 4 - 5 and room[1] == LABEL_MAX_PX
    # The first point's label runs right until the moved label, not to the marker any more.
    assert not before[0] and left[0] + room[0] == left[1] - 4
    # Alone in its row with 300 px before it and 301 px to the end: it keeps the larger side.
    assert not before[2] and left[2] + room[2] <= 610.0
    # Negative: far from the end of the data, labels stay right of their markers.
    _left, room_far, before_far = point_label_room(x, lane, row, *none, stop=5000.0)
    assert not before_far.any() and room_far[1] == LABEL_MAX_PX
    # A text that needs 120 px takes that much before its marker; the first point's label keeps the rest.
    near = np.array([400.0, 600.0, 300.0])
    left, room, before = point_label_room(near, lane, row, *none, stop=610.0, want=lambda p: np.full(len(p), 120.0))
    assert before[1] and room[1] == 120.0 and left[0] + room[0] == 591.0 - 120 - 4
    # Negative: a text short enough to fit before the end of the data stays right of its marker.
    left, room, before = point_label_room(np.array([600.0]), np.array([0]), np.array([0]), *none, stop=680.0,
                                          want=lambda p: np.full(len(p), 60.0))
    assert not before[0] and left[0] + room[0] == 680.0


def test_a_label_moved_left_stops_at_the_previous_marker_and_cluster() -> None:
    # Row 0: points at 100 and 200, the data ends at 205: the label of 200 has 100 - 8 - 9 px left of it.
    x, lane, row = np.array([100.0, 200.0]), np.array([0, 0]), np.array([0, 0])
    none = np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0)
    left, room, before = point_label_room(x, lane, row, *none, stop=205.0)
    assert before[1] and left[1] == 100.0 + 4 + 4 and left[1] + room[1] == 200.0 - 4 - 5
    assert room[0] <= 0  # the first point's label gave way
    # A cluster of its lane from 120 to 150 stops it sooner; in another lane it does not.
    _l, room_c, _b = point_label_room(x[1:], lane[1:], row[1:], np.array([0]), np.array([120.0]), np.array([30.0]),
                                      stop=205.0)
    assert room_c[0] == 200.0 - 4 - 5 - (150.0 + 4)
    _l, room_o, _b = point_label_room(x[1:], lane[1:], row[1:], np.array([1]), np.array([120.0]), np.array([30.0]),
                                      stop=205.0)
    assert room_o[0] == LABEL_MAX_PX


def test_a_bar_too_narrow_for_its_label_has_it_beside_until_the_next_bar_of_its_row() -> None:
    # Lane 0 row 0: a year at 18 px per year (100-118), the next year bar of the row at 190-208, then
    # a decade bar wide enough for its own label (300-480). Row 1 of lane 0 and lane 1 hold bars at
    # 130, which stop nothing in row 0.
    x0 = np.array([100.0, 190.0, 300.0, 130.0, 130.0])
    x1 = np.array([118.0, 208.0, 480.0, 148.0, 148.0])
    lane, row = np.array([0, 0, 0, 0, 1]), np.array([0, 0, 0, 1, 0])
    left, room, inside, before = span_label_room(x0, x1, lane, row)
    assert not before.any()
    assert inside.tolist() == [False, False, True, False, False]
    assert left[0] == 118.0 + LABEL_GAP_PX and room[0] == 190.0 - OBSTACLE_GAP_PX - left[0]
    assert room[1] == 300.0 - OBSTACLE_GAP_PX - left[1]  # the decade bar stops the label before it
    assert left[2] == 300.0 and room[2] == 180.0  # inside its own bar
    assert room[3] == room[4] == LABEL_MAX_PX  # nothing after them in their rows
    assert SPAN_INSIDE_MIN_PX <= 180.0


def test_a_narrow_bar_right_before_the_next_one_gets_no_room() -> None:
    # Years side by side in one row (each 18 px wide, 1 px apart): no label between them.
    x0 = np.array([100.0, 119.0, 138.0])
    x1 = x0 + 18.0
    _left, room, inside, _before = span_label_room(x0, x1, np.zeros(3, dtype=np.int64), np.zeros(3, dtype=np.int64))
    assert not inside.any()
    assert (room[:2] <= 0).all() and room[2] == LABEL_MAX_PX


def test_span_rows_have_room_for_a_label_down_to_a_zoom_of_years() -> None:
    assert span_row_height(18 / 365.25) == 12  # a year 18 px wide: its label beside it
    assert span_row_height(1.5) == 12
    assert span_row_height(3 / 365.25) == 6  # centuries: a year is 3 px, bars are thin rows


def test_a_label_beside_a_bar_at_the_views_right_edge_goes_left_of_its_bar() -> None:
    # A month 12 px wide ends 30 px before the view's right edge (1000): its 120 px label goes before it.
    x0, x1 = np.array([950.0]), np.array([962.0])
    one = np.zeros(1, dtype=np.int64)
    left, room, inside, before = span_label_room(x0, x1, one, one, stop=1000.0, want=lambda i: np.full(len(i), 120.0))
    assert not inside[0] and before[0]
    assert left[0] + room[0] == 950.0 - LABEL_GAP_PX and room[0] == 120.0
    assert left[0] + room[0] <= 1000.0


def test_a_label_that_fits_before_the_edge_stays_right_of_its_bar_and_one_without_room_left_is_cut() -> None:
    x0, x1 = np.array([500.0]), np.array([512.0])
    one = np.zeros(1, dtype=np.int64)
    left, room, _inside, before = span_label_room(x0, x1, one, one, stop=1000.0, want=lambda i: np.full(len(i), 120.0))
    assert not before[0] and left[0] == 512.0 + LABEL_GAP_PX  # far from the edge: beside, as before
    # A bar 30 px after the previous one of its row, near the edge: no more room left than right,
    # so the label stays right of it and ends at the edge (its text is shortened).
    x0, x1 = np.array([900.0, 942.0]), np.array([912.0, 954.0])
    two = np.zeros(2, dtype=np.int64)
    left, room, _inside, before = span_label_room(x0, x1, two, two, stop=1000.0, want=lambda i: np.full(len(i), 120.0))
    assert not before[1] and left[1] + room[1] == 1000.0


def test_a_label_inside_a_bar_that_runs_past_the_edge_ends_at_the_edge() -> None:
    one = np.zeros(1, dtype=np.int64)
    left, room, inside, _before = span_label_room(np.array([900.0]), np.array([1400.0]), one, one, stop=1000.0)
    assert inside[0] and left[0] == 900.0 and room[0] == 100.0


def test_a_label_beside_a_part_of_a_period_starts_after_its_bracket() -> None:
    # "early 2019" drawn from 100 to 118 px, its bracket across 2019 to 154: the label beside it would
    # run along the bracket, so it starts past the bracket's end; a bar after it stops it there.
    x0, x1 = np.array([100.0, 400.0]), np.array([118.0, 418.0])
    one = np.zeros(2, dtype=np.int64)
    left, room, inside, _before = span_label_room(x0, x1, one, one, brackets=(np.array([100.0, 400.0]),
                                                                           np.array([154.0, 418.0])))
    assert not inside.any()
    assert left[0] == 154.0 + LABEL_GAP_PX and left[0] + room[0] == 400.0 - OBSTACLE_GAP_PX
    # A bar whose bracket runs before it ("late 2019"): the label of the bar before it ends at the bracket.
    left, room, _inside, _before = span_label_room(x0, x1, one, one, brackets=(np.array([100.0, 346.0]),
                                                                            np.array([118.0, 418.0])))
    assert left[0] == 118.0 + LABEL_GAP_PX and left[0] + room[0] == 346.0 - OBSTACLE_GAP_PX


def test_a_label_moved_left_of_a_late_part_ends_before_its_bracket() -> None:
    # At the view's right edge a label goes left of its bar: of a "late" part, left of the whole bracket.
    x0, x1, one = np.array([950.0]), np.array([962.0]), np.zeros(1, dtype=np.int64)
    want = lambda i: np.full(len(i), 120.0)  # noqa: E731
    left, room, _inside, before = span_label_room(x0, x1, one, one, stop=1000.0, want=want,
                                                  brackets=(np.array([926.0]), np.array([962.0])))
    assert before[0] and left[0] + room[0] == 926.0 - LABEL_GAP_PX
    # Negative: a bar without a bracket keeps its label right by the bar.
    left, room, _inside, before = span_label_room(x0, x1, one, one, stop=1000.0, want=want)
    assert before[0] and left[0] + room[0] == 950.0 - LABEL_GAP_PX
