"""The events layers: nothing unexplained under the lanes."""

from __future__ import annotations

import datetime as dt

import numpy as np
from PySide6.QtGui import QImage

from tests.core.timeline.generated import varied_events
from tests.gui.timeline.helpers import shown


def test_nothing_is_drawn_under_a_lanes_rows(qtbot) -> None:
    """Zoomed out, where events cluster, the space under each lane's rows is the lane's ground only:
    no marks that no legend explains (a density band of small ticks was drawn there)."""
    v = shown(qtbot, varied_events(3000), 1200, 700)
    v.zoom_to_date_range(dt.date(1998, 1, 1), dt.date(2003, 12, 31))
    v.canvas.repaint()
    items = v.canvas._items
    assert (items.cluster >= 0).any()  # the zoom where the band was drawn
    image = v.canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    bits = np.frombuffer(image.constBits(), dtype=np.uint32).reshape(image.height(), -1)
    layout, top = items.layout, items.lane_top
    checked = 0
    for pos in range(len(layout.top)):
        first = int(top + layout.top[pos] + layout.point_top(pos) + layout.point_rows[pos] * 16)
        last = int(top + layout.top[pos] + layout.height[pos]) - 1  # the separator line
        if last > image.height() - 30:
            break
        for y in range(first, last):
            colours = np.unique(bits[y, 180:image.width() - 20])
            assert len(colours) <= 3, f"lane {pos}, row {y}: {len(colours)} colours"
            checked += 1
    assert checked > 10
