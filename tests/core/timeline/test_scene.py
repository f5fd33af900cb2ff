"""What a frame shows and where: the box under a point (hit test)."""

from __future__ import annotations

import numpy as np

from timeline_app.core.timeline.scene import hit_test


def test_hit_test() -> None:
    x = np.array([0.0, 100.0, 100.0, 300.0])
    y = np.array([0.0, 0.0, 0.0, 50.0])
    w = np.array([10.0, 200.0, 8.0, 8.0])
    h = np.array([10.0, 12.0, 8.0, 8.0])
    assert hit_test(x, y, w, h, 5, 5) == 0
    assert hit_test(x, y, w, h, 104, 4) == 2  # inside a span and a point: the smaller wins
    assert hit_test(x, y, w, h, 250, 6) == 1
    assert hit_test(x, y, w, h, 310, 54, tolerance=3) == 3  # 2 px off: near enough
    assert hit_test(x, y, w, h, 320, 54, tolerance=3) == -1
    assert hit_test(np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0), 1, 1) == -1
