"""Colour by country: distinct colours for the countries on screen, the same colour for a country throughout."""

from __future__ import annotations

import numpy as np

from tests.gui.timeline.helpers import frame, shown
from timeline_app.core.timeline.palette import palette


def _many_countries(n_countries: int) -> list[tuple]:
    """Country i has n_countries - i events, so the ranks (and default colours) are known."""
    rows = []
    for i in range(n_countries):
        for k in range(n_countries - i):
            rows.append((f"c{i}-{k}", f"2020-01-{k % 28 + 1:02d}", f"2020-01-{k % 28 + 1:02d}", "day", False,
                         f"C{i:02d}", "Consult", f"Event {k} of C{i:02d}", ""))
    return rows


def test_countries_on_screen_get_distinct_colours(qtbot) -> None:
    n = len(palette()) + 8
    view = shown(qtbot, frame(_many_countries(n)), 1000, 500)
    view.set_lane_mode("single")
    view.set_colour_mode("country")
    data = view._data
    first, clash = "C00", f"C{len(palette()):02d}"  # ranks 0 and len(palette): the same colour unfiltered
    slots = dict(zip(data.colours.names, data.colours.slot.tolist()))
    colour_of_first = slots[first]
    mask = data.events.codes("countries").mask([first, clash])
    view.set_visible_mask(mask)
    legend = dict((label, slot) for slot, label in data.legend_entries({}))
    assert set(legend) == {first, clash}  # the legend names what is on screen, not every country
    assert legend[first] != legend[clash]
    assert legend[first] == colour_of_first  # the commoner country keeps its colour
    view.set_visible_mask(None)
    assert dict(zip(data.colours.names, data.colours.slot.tolist()))[first] == colour_of_first
    # Drawn: the two countries' markers are painted in two different colours.
    view.set_visible_mask(mask)
    view.canvas.repaint()
    items = view.canvas._items
    theme = view.canvas.theme()
    image = view.canvas.grab().toImage()
    seen = set()
    for i in np.flatnonzero(items.occ >= 0).tolist():
        seen.add(image.pixel(int(items.x[i] + 4), int(items.y[i] + 4)))
    assert {theme.colours[legend[first]].rgb(), theme.colours[legend[clash]].rgb()} <= seen
