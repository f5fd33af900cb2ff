"""The timeline view on screen (offscreen) with the small frame and country names."""

from __future__ import annotations

import pytest

from tests.gui.timeline.helpers import frame, shown
from timeline_app.gui.timeline import TimelineView


@pytest.fixture
def view(qtbot) -> TimelineView:
    v = shown(qtbot, frame(), 1200, 600, {"TUR": "Türkiye", "SYR": "Syria", "RUS": "Russia", "GRC": "Greece"})
    v.canvas.repaint()
    return v
