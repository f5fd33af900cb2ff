"""Labels: shortened at a word boundary or dropped, and the room each point's label gets."""

from __future__ import annotations

import numpy as np

from timeline_app.core.timeline.label_room import point_label_room
from timeline_app.core.timeline.layout import LABEL_MAX_PX
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
    left, room = point_label_room(x, lane, row, np.array([0]), np.array([150.0]), np.array([40.0]))
    assert left[0] == 109.0 and room[0] == 150.0 - 4 - 109  # the cluster stops it
    assert room[1] == LABEL_MAX_PX  # nothing after it in its row
    assert room[2] <= 0 and room[3] == LABEL_MAX_PX  # same place: only the last one has room
    assert room[4] == LABEL_MAX_PX  # the cluster is in another lane
    # A cluster box that starts under a marker (ends right of it) leaves its label no room.
    _left, room = point_label_room(np.array([148.0]), np.array([0]), np.array([0]), np.array([0]),
                                   np.array([150.0]), np.array([40.0]))
    assert room[0] <= 0
