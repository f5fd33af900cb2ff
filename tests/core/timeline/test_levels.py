"""Zoom levels: computed around the view, a level equals the whole computation inside the view."""

from __future__ import annotations

import numpy as np

from tests.core.timeline.generated import many_events
from timeline_app.core.daycount import days_from_civil
from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.viewport import zoom_level


def test_a_level_computed_around_the_view_matches_the_whole() -> None:
    """Level caches cover a window of a few view widths; inside the view they equal a full computation."""
    data = TimelineData()
    data.set_events(many_events(20_000, seed=4))
    t0 = float(days_from_civil(1999, 3, 1))
    for span, capacity in ((20.0, 4), (400.0, 3), (3000.0, 2)):
        level = zoom_level(1400 / span)
        whole = data.levels.compute(level, capacity, -np.inf, np.inf)
        part = data.levels.get(level, capacity, t0, t0 + span)
        assert part.lo > -np.inf
        inside = np.flatnonzero((data.o_centre >= t0) & (data.o_centre < t0 + span) & data.o_visible)
        assert ((whole.occ_cluster[inside] >= 0) == (part.occ_cluster[inside] >= 0)).all()
        pts = inside[whole.point_pos[inside] >= 0]
        assert (whole.point_stacking.rows_for(whole.point_pos[pts])
                == part.point_stacking.rows_for(part.point_pos[pts])).all()
        spans = inside[(whole.span_pos[inside] >= 0)]
        assert (whole.span_stacking.rows_for(whole.span_pos[spans])
                == part.span_stacking.rows_for(part.span_pos[spans])).all()
        # Panning far away computes a new window instead of drawing from the old one.
        far = data.levels.get(level, capacity, t0 + 50 * span, t0 + 51 * span)
        assert far.lo > part.hi
