"""The timeline's lane and colour modes: their keys, and the one set of words every menu and header uses for them."""

from __future__ import annotations

LANES_BY_COUNTRY = "country"
LANES_BY_EVENT_TYPE = "event_type"
LANES_BY_SOURCE = "source"  # one lane per article
SINGLE_LANE = "single"
LANE_MODES = (LANES_BY_COUNTRY, LANES_BY_EVENT_TYPE, LANES_BY_SOURCE, SINGLE_LANE)
DEFAULT_LANE_MODE = LANES_BY_COUNTRY

# What the menus call each mode, what the lane header column says, and the lane of events without one.
LANE_TITLES = {
    LANES_BY_COUNTRY: "One per country", LANES_BY_EVENT_TYPE: "One per event type",
    LANES_BY_SOURCE: "One per article", SINGLE_LANE: "A single lane",
}
LANE_HEADERS = {LANES_BY_COUNTRY: "Country", LANES_BY_EVENT_TYPE: "Event type", LANES_BY_SOURCE: "Article",
                SINGLE_LANE: "Lane"}
EMPTY_LANE_LABELS = {
    LANES_BY_COUNTRY: "No country", LANES_BY_EVENT_TYPE: "Unclassified", LANES_BY_SOURCE: "Unknown source",
    SINGLE_LANE: "All events",
}

COLOUR_AUTO = "auto"  # by event type when the lanes are countries, else by country
COLOUR_BY_COUNTRY = "country"
COLOUR_BY_EVENT_TYPE = "event_type"
COLOUR_MODES = (COLOUR_AUTO, COLOUR_BY_COUNTRY, COLOUR_BY_EVENT_TYPE)
COLOUR_TITLES = {COLOUR_AUTO: "Automatic", COLOUR_BY_COUNTRY: "By country", COLOUR_BY_EVENT_TYPE: "By event type"}
COLOUR_LEGEND_TITLES = {COLOUR_BY_COUNTRY: "Colour: country", COLOUR_BY_EVENT_TYPE: "Colour: event type"}
