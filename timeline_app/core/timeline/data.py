"""The timeline's numpy mirror of the events frame: events, their occurrences per lane, colours and filter."""

from __future__ import annotations

import logging
from collections.abc import Mapping

import numpy as np
import pandas as pd

from timeline_app.core.library import columns as col
from timeline_app.core.library.codelists import CodeLists
from timeline_app.core.library.datemod import is_uncertain
from timeline_app.core.library.eventcolumns import EventColumns
from timeline_app.core.timeline.colours import ColourKeys
from timeline_app.core.timeline.columns import ALPHA_LEVELS, Spans, source_lanes, spans
from timeline_app.core.timeline.levels import Levels
from timeline_app.core.timeline.modes import (
    COLOUR_AUTO, COLOUR_BY_COUNTRY, COLOUR_BY_EVENT_TYPE, COLOUR_MODES, DEFAULT_LANE_MODE, EMPTY_LANE_LABELS,
    LANE_MODES, LANES_BY_COUNTRY, LANES_BY_EVENT_TYPE, LANES_BY_SOURCE,
)
from timeline_app.core.timeline.navigate import DenseRange, dense_range
from timeline_app.core.timeline.palette import palette

log = logging.getLogger(__name__)



class TimelineData:
    """Numpy columns of the events and their occurrences (one per event and lane), sorted by start.

    Per event: id, start/end days (end exclusive), precision, open end, colour keys. Per occurrence:
    event index, lane id, start, end, centre, alpha level, colour index. A filter is a boolean event
    mask plus an optional set of countries; it only recomputes masks and lane order. `levels` holds
    what each zoom level draws of the occurrences.
    """

    def __init__(self) -> None:
        self.events = EventColumns.from_frame(pd.DataFrame())
        self.lane_mode = DEFAULT_LANE_MODE
        self.colour_mode = COLOUR_AUTO
        self.version = 0  # bumped whenever anything drawn changes
        self._extent: tuple[float, float] | None = None
        self._extent_version = -1
        self._n = 0
        self.event_ids = np.zeros(0, dtype=object)
        self.uncertain = np.zeros(0, dtype=bool)  # per event: its date is uncertain (datemod.APPROX)
        self._id_index: Mapping[str, int] = {}
        self._set_spans(spans(self.events))
        self._countries = CodeLists.from_cells([])
        self._type_names: list[str] = [""]
        self._type_codes = np.zeros(0, dtype=np.int64)
        self._sources_cache: CodeLists | None = None
        self._source_names: dict[str, str] = {}
        self.event_mask = np.zeros(0, dtype=bool)
        self.country_filter: frozenset[str] | None = None
        self.colours = ColourKeys(len(palette()))
        self._reset_occurrences()

    # -- loading -------------------------------------------------------------------------------

    def set_events(self, df: pd.DataFrame) -> None:
        """Show the events of a frame (columns.EVENT_COLUMNS)."""
        self.set_columns(EventColumns.from_frame(df.reset_index(drop=True)))

    def set_columns(self, events: EventColumns) -> None:
        """Show the events of the shared event columns (the window's, read once from the library)."""
        self.events = events
        n = len(events)
        self._n = n
        self.event_ids = events.ids
        self.uncertain = is_uncertain(events.text[col.DATE_MOD]) if col.DATE_MOD in events.text \
            else np.zeros(n, dtype=bool)
        self._id_index = events.row_of()
        self._set_spans(spans(events))
        self._countries = events.codes(col.COUNTRIES)
        type_codes, type_uniques = pd.factorize(events.text[col.EVENT_TYPE])
        self._type_names = [str(t).strip() for t in type_uniques] + [""]
        self._type_codes = np.where(type_codes < 0, len(self._type_names) - 1, type_codes).astype(np.int64)
        self._sources_cache = None
        self._source_names = {}
        self.event_mask = np.ones(n, dtype=bool)
        self.country_filter = None
        log.debug("timeline: %d events, %d placed", n, int(self.placed.sum()))
        self._build_occurrences()

    def _set_spans(self, s: Spans) -> None:
        self.placed, self.start, self.end_written, self.end = s.placed, s.start, s.end_written, s.end
        self.precision, self.alpha_level, self.precision_days = s.precision, s.alpha_level, s.precision_days
        self.is_day, self.open_end = s.is_day, s.open_end
        self.period_start, self.part = s.period_start, s.part

    def _sources(self) -> CodeLists:
        """Lane keys of the source mode: article ids, named by their titles."""
        if self._sources_cache is None:
            self._sources_cache, self._source_names = source_lanes(self.events)
        return self._sources_cache

    def set_lane_mode(self, mode: str) -> None:
        if mode not in LANE_MODES:
            raise ValueError(f"unknown lane mode {mode!r}; expected one of {', '.join(LANE_MODES)}")
        if mode != self.lane_mode:
            self.lane_mode = mode
            self._build_occurrences()

    def set_colour_mode(self, mode: str) -> None:
        if mode not in COLOUR_MODES:
            raise ValueError(f"unknown colour mode {mode!r}; expected one of {', '.join(COLOUR_MODES)}")
        if mode != self.colour_mode:
            self.colour_mode = mode
            self._build_colours()

    @property
    def effective_colour_mode(self) -> str:
        if self.colour_mode != COLOUR_AUTO:
            return self.colour_mode
        return COLOUR_BY_EVENT_TYPE if self.lane_mode == LANES_BY_COUNTRY else COLOUR_BY_COUNTRY

    @property
    def colour_is_lane(self) -> bool:
        """Country lanes coloured by country: the lane headers carry the colours, no legend is needed."""
        return self.lane_mode == LANES_BY_COUNTRY and self.effective_colour_mode == COLOUR_BY_COUNTRY

    def lane_colours(self) -> dict[int, int]:
        """Palette slot of each lane id, for when the colours are the lanes."""
        slot = {k: int(self.colours.slot[i]) for i, k in enumerate(self.colours.names)}
        return {lane: slot.get(key, 0) for lane, key in enumerate(self.lane_keys)}

    def legend_entries(self, country_names: dict[str, str]) -> list[tuple[int, str]]:
        """(palette slot, label) of the colours on screen, commonest first, unless the lanes already say them."""
        keys = self.colours
        if self.colour_is_lane or not keys.names:
            return []
        mode = self.effective_colour_mode
        if mode == COLOUR_BY_EVENT_TYPE and self.lane_mode == LANES_BY_EVENT_TYPE:
            return []
        if mode == COLOUR_BY_EVENT_TYPE:
            return [(int(keys.slot[r]), keys.names[r] or EMPTY_LANE_LABELS[LANES_BY_EVENT_TYPE]) for r in keys.shown.tolist()]
        return [(int(keys.slot[r]), country_names.get(keys.names[r], keys.names[r]) if keys.names[r] else EMPTY_LANE_LABELS[LANES_BY_COUNTRY])
                for r in keys.shown.tolist()]

    def uncertain_shown(self) -> bool:
        """Some event the filter shows has an uncertain date: the legend explains its dashed outline."""
        return bool((self.uncertain & self.event_mask).any()) if len(self.event_mask) == self._n else False

    def _lane_column(self) -> CodeLists:
        if self.lane_mode == LANES_BY_COUNTRY:
            return self._countries
        if self.lane_mode == LANES_BY_EVENT_TYPE:
            return CodeLists.from_codes(self._type_codes, self._type_names)
        if self.lane_mode == LANES_BY_SOURCE:
            return self._sources()
        return CodeLists.from_codes(np.zeros(self._n, dtype=np.int64), ["*"])

    def lane_label(self, key: str, names: dict[str, str]) -> str:
        if key == "" or key == "*":
            return EMPTY_LANE_LABELS[self.lane_mode]
        if self.lane_mode == LANES_BY_COUNTRY:
            return names.get(key, key)
        if self.lane_mode == LANES_BY_SOURCE:
            return self._source_names.get(key, key)
        return key

    def _reset_occurrences(self) -> None:
        self.lane_keys: list[str] = []
        self.o_event = np.zeros(0, dtype=np.int64)
        self.o_lane = np.zeros(0, dtype=np.int64)
        self.o_start = np.zeros(0, dtype=np.float64)
        self.o_end = np.zeros(0, dtype=np.float64)
        # What a bar holds of its row: the whole period of a part of one ("early 2019"), for its bracket.
        self.o_room_start = np.zeros(0, dtype=np.float64)
        self.o_room_end = np.zeros(0, dtype=np.float64)
        self.o_centre = np.zeros(0, dtype=np.float64)
        self.o_alpha = np.zeros(0, dtype=np.int8)
        self.o_day = np.zeros(0, dtype=bool)
        self.o_colour = np.zeros(0, dtype=np.int64)
        self.o_visible = np.zeros(0, dtype=bool)
        self.lane_pos = np.zeros(0, dtype=np.int64)
        self.lane_order: list[int] = []
        self.lane_counts = np.zeros(0, dtype=np.int64)
        self.levels = Levels()
        # Starts and ends of the events shown, each sorted, made when first asked for after a change.
        self._shown: tuple[int, np.ndarray, np.ndarray] = (-1, np.zeros(0), np.zeros(0))
        self._dense: tuple[int, DenseRange | None] = (-1, None)

    def _build_occurrences(self) -> None:
        self._reset_occurrences()
        o_event, lane, self.lane_keys = lanes_of(self._lane_column(), self.placed)
        start = self.start[o_event].astype(np.float64)
        order = np.argsort(start, kind="stable")
        self.o_event = o_event[order]
        self.o_lane = lane[order]
        self.o_start = start[order]
        self.o_end = self.end[self.o_event].astype(np.float64)
        self.o_day = self.is_day[self.o_event]
        # A day is drawn at noon; a period shown as a point sits at its middle.
        self.o_centre = (self.o_start + self.o_end) / 2.0
        self.o_alpha = self.alpha_level[self.o_event]
        part = self.part[self.o_event]
        self.o_room_start = np.where(part, self.period_start[self.o_event], self.o_start).astype(np.float64)
        self.o_room_end = np.where(part, np.maximum(self.end_written[self.o_event], self.o_end),
                                   self.o_end).astype(np.float64)
        self.levels.set_occurrences(self.o_lane, self.o_start, self.o_end, self.o_centre, self.o_day,
                                    (self.o_room_start, self.o_room_end))
        self._build_colours()
        self._apply_filter()

    def _build_colours(self) -> None:
        mode = self.effective_colour_mode
        if mode == COLOUR_BY_COUNTRY and self.lane_mode == LANES_BY_COUNTRY:
            key_names, key_of_occ = self.lane_keys, self.o_lane
        elif mode == COLOUR_BY_COUNTRY:
            # An event's colour is that of its first country; "" keys the events without one.
            key_names = ["", *self._countries.names]
            key_of_occ = self._countries.first()[self.o_event] + 1
        else:
            key_names, key_of_occ = self._type_names, self._type_codes[self.o_event]
        self.colours.set_keys(key_names, key_of_occ)
        self._colour_visible()

    def _colour_visible(self) -> None:
        """Distinct colours for the keys the filter shows (after a new filter or new keys)."""
        if len(self.o_visible) == len(self.colours.of_occ):
            self.colours.set_visible(self.o_visible)
        self.o_colour = self.colours.occ_slots()
        self.levels.set_colours(self.o_colour)
        self.version += 1

    # -- filter --------------------------------------------------------------------------------

    def set_filter(self, mask: np.ndarray | None, countries: set[str] | frozenset[str] | None) -> None:
        if mask is None:
            self.event_mask = np.ones(self._n, dtype=bool)
        else:
            mask = np.asarray(mask, dtype=bool)
            if mask.shape != (self._n,):
                raise ValueError(f"filter mask has shape {mask.shape}, expected ({self._n},)")
            self.event_mask = mask.copy()
        self.country_filter = None if countries is None else frozenset(c.upper() for c in countries)
        self._apply_filter()

    def _apply_filter(self) -> None:
        n_lanes = len(self.lane_keys)
        lane_ok = np.ones(n_lanes, dtype=bool)
        if self.country_filter is not None and self.lane_mode == LANES_BY_COUNTRY:
            lane_ok = np.asarray([k in self.country_filter for k in self.lane_keys], dtype=bool)
        ev_ok = self.event_mask if len(self.event_mask) == self._n else np.ones(self._n, dtype=bool)
        self.o_visible = ev_ok[self.o_event] & lane_ok[self.o_lane] if len(self.o_event) else np.zeros(0, dtype=bool)
        counts = np.bincount(self.o_lane[self.o_visible], minlength=n_lanes)
        self.lane_counts = counts
        shown = [j for j in range(n_lanes) if counts[j] > 0]
        shown.sort(key=lambda j: (-counts[j], self.lane_keys[j] == "", self.lane_keys[j]))
        self.lane_order = shown
        self.lane_pos = np.full(n_lanes, -1, dtype=np.int64)
        self.lane_pos[shown] = np.arange(len(shown))
        self.levels.set_visible(self.o_visible)
        if self.colours.set_visible(self.o_visible):
            self._colour_visible()
        self.version += 1

    def follow(self, other: TimelineData) -> None:
        """Order the lanes shown as `other` orders them and colour each key as `other` does: a picture of
        part of the timeline (built anew from its events) looks like the timeline it was taken from."""
        rank = {other.lane_keys[j]: i for i, j in enumerate(other.lane_order)}
        self.lane_order.sort(key=lambda j: rank.get(self.lane_keys[j], len(rank)))  # stable: the rest after
        self.lane_pos[self.lane_order] = np.arange(len(self.lane_order))
        theirs = {name: int(other.colours.slot[r]) for r, name in enumerate(other.colours.names)}
        own = self.colours.slot.tolist()
        self.colours.slot = np.asarray([theirs.get(n, s) for n, s in zip(self.colours.names, own)], dtype=np.int64)
        self.o_colour = self.colours.occ_slots()
        self.levels.set_colours(self.o_colour)
        self.version += 1

    # -- queries -------------------------------------------------------------------------------

    def __len__(self) -> int:
        return self._n

    def index_of(self, event_id: str) -> int:
        return self._id_index.get(str(event_id), -1)

    def shown_events(self) -> np.ndarray:
        """Per event: True when it is drawn (placed, passes the filter, in at least one shown lane)."""
        shown = np.zeros(self._n, dtype=bool)
        shown[self.o_event[self.o_visible]] = True
        return shown

    def extent(self) -> tuple[float, float] | None:
        """First start and last end (days) of the visible occurrences, or of all when none is visible."""
        if self._extent_version != self.version:
            vis = self.o_visible if self.o_visible.any() else np.ones(len(self.o_start), dtype=bool)
            self._extent = (float(self.o_start[vis].min()), float(self.o_end[vis].max())) if vis.any() else None
            self._extent_version = self.version
        return self._extent

    def _shown_bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """Starts and ends (days) of the events shown, each sorted."""
        if self._shown[0] != self.version:
            shown = np.zeros(self._n, dtype=bool)
            shown[self.o_event[self.o_visible]] = True
            self._shown = (self.version, np.sort(self.start[shown]).astype(np.float64),
                           np.sort(self.end[shown]).astype(np.float64))
        return self._shown[1], self._shown[2]

    def dense_range(self) -> DenseRange | None:
        """Where the shown events are dense: what Fit shows (far outliers left out and counted)."""
        if self._dense[0] != self.version:
            shown = np.zeros(self._n, dtype=bool)
            shown[self.o_event[self.o_visible]] = True  # each event's start with its own end
            self._dense = (self.version, dense_range(self.start[shown].astype(np.float64),
                                                     self.end[shown].astype(np.float64)))
        return self._dense[1]

    def outside(self, t0: float, t1: float) -> tuple[int, int]:
        """How many shown events end before `t0` and how many start after `t1`."""
        starts, ends = self._shown_bounds()
        before = int(np.searchsorted(ends, t0, side="right"))
        after = len(starts) - int(np.searchsorted(starts, t1, side="left"))
        return before, after

    def summary(self, i: int) -> str:
        """The event's summary on one line ("" when it has none)."""
        v = self.events.text[col.SUMMARY][i]
        return " ".join(v.split()) if isinstance(v, str) else ""

    def event_countries(self, i: int) -> list[str]:
        return self._countries.row(i)


def lanes_of(column: CodeLists, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(event, lane id) of every occurrence of the selected events, and the lane keys sorted by name;
    an event without a key goes to the lane keyed "" (No country, Unclassified ...)."""
    o_event, codes = column.explode(rows)
    empty = np.flatnonzero(rows & (column.sizes[column.combo] == 0))
    if len(empty):
        o_event = np.concatenate((o_event, empty))
        codes = np.concatenate((codes, np.full(len(empty), -1, dtype=np.int64)))
    keys = sorted(set(column.names) | {""})
    position = {key: i for i, key in enumerate(keys)}
    lane_of_code = np.asarray([position[name] for name in column.names] + [0], dtype=np.int64)  # -1: ""
    return o_event, lane_of_code[codes], keys
