"""The timeline's numpy mirror of the events frame: events, their occurrences per lane, colours and filter."""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from timeline_app.core.daycount import MISSING_DAY
from timeline_app.core.timeline.colours import ColourKeys
from timeline_app.core.timeline.columns import ListColumn, column, factorized_days, split_list, truthy
from timeline_app.core.timeline.levels import Levels
from timeline_app.core.timeline.navigate import DenseRange, dense_range
from timeline_app.core.timeline.palette import palette

log = logging.getLogger(__name__)

LANE_MODES = ("country", "event_type", "source", "single")
COLOUR_MODES = ("auto", "country", "event_type")

# How strongly a precision is drawn: coarser dates are lighter (index into ALPHA_LEVELS).
ALPHA_LEVELS = (1.0, 0.8, 0.62, 0.48, 0.36, 0.26)
_PRECISION_ALPHA = {
    "time": 0, "day": 0, "week": 1, "weekend": 1, "month": 2, "quarter": 3, "season": 3, "half": 3,
    "year": 4, "decade": 5, "century": 5,
}
# How long the unit of a precision is (days): how far apart two readings of such a date can be.
_PRECISION_DAYS = {
    "time": 1.0, "day": 1.0, "week": 7.0, "weekend": 2.0, "month": 30.44, "quarter": 91.3, "season": 91.3,
    "half": 182.6, "year": 365.25, "decade": 3652.5, "century": 36525.0,
}
_EMPTY_LANE_LABELS = {
    "country": "No country", "event_type": "Unclassified", "source": "Unknown source", "single": "All events",
}

class TimelineData:
    """Numpy columns of the events and their occurrences (one per event and lane), sorted by start.

    Per event: id, start/end days (end exclusive), precision, open end, colour keys. Per occurrence:
    event index, lane id, start, end, centre, alpha level, colour index. A filter is a boolean event
    mask plus an optional set of countries; it only recomputes masks and lane order. `levels` holds
    what each zoom level draws of the occurrences.
    """

    def __init__(self) -> None:
        self.df = pd.DataFrame()
        self.lane_mode = "country"
        self.colour_mode = "auto"
        self.version = 0  # bumped whenever anything drawn changes
        self._extent: tuple[float, float] | None = None
        self._extent_version = -1
        self._n = 0
        self.event_ids = np.zeros(0, dtype=object)
        self._id_index: dict[str, int] = {}
        self.start = np.zeros(0, dtype=np.int64)
        self.end = np.zeros(0, dtype=np.int64)
        self.end_written = np.zeros(0, dtype=np.int64)
        self.placed = np.zeros(0, dtype=bool)
        self.precision = np.zeros(0, dtype=object)
        self.alpha_level = np.zeros(0, dtype=np.int8)
        self.precision_days = np.zeros(0, dtype=np.float64)  # length of the unit of its precision
        self.is_day = np.zeros(0, dtype=bool)
        self.open_end = np.zeros(0, dtype=bool)
        self._countries = ListColumn([])
        self._type_names: list[str] = [""]
        self._type_codes = np.zeros(0, dtype=np.int64)
        self._summaries = np.zeros(0, dtype=object)
        self._sources_cache: ListColumn | None = None
        self._source_names: dict[str, str] = {}
        self.event_mask = np.zeros(0, dtype=bool)
        self.country_filter: frozenset[str] | None = None
        self.colours = ColourKeys(len(palette()))
        self._reset_occurrences()

    # -- loading -------------------------------------------------------------------------------

    def set_events(self, df: pd.DataFrame) -> None:
        self.df = df.reset_index(drop=True)
        n = len(self.df)
        self._n = n
        self.event_ids = np.asarray(column(self.df, "event_id", ""), dtype=object).astype(str).astype(object)
        self._id_index = {eid: i for i, eid in enumerate(self.event_ids.tolist())}
        start = factorized_days(self.df, "date_start")
        end = factorized_days(self.df, "date_end")
        end = np.where(end == MISSING_DAY, start, end)
        self.placed = start != MISSING_DAY
        end = np.maximum(end, start)
        self.start = np.where(self.placed, start, 0)
        self.end_written = np.where(self.placed, end + 1, 1)  # exclusive, as resolved
        self.end = self.end_written.copy()  # exclusive, as drawn
        prec_codes, prec_uniques = pd.factorize(pd.Series(column(self.df, "date_precision", "day"), dtype=object))
        prec_names = [str(p).lower() if isinstance(p, str) else "day" for p in prec_uniques]
        prec_codes = np.asarray(prec_codes, dtype=np.int64)
        missing = prec_codes < 0
        prec_codes[missing] = 0
        names = np.asarray(prec_names or ["day"], dtype=object)
        self.precision = np.where(missing, "day", names[prec_codes]) if n else np.zeros(0, dtype=object)
        alpha_of = np.asarray([_PRECISION_ALPHA.get(p, 2) for p in names.tolist()], dtype=np.int8)
        self.alpha_level = np.where(missing, 0, alpha_of[prec_codes]).astype(np.int8)
        days_of = np.asarray([_PRECISION_DAYS.get(p, 30.44) for p in names.tolist()], dtype=np.float64)
        self.precision_days = np.where(missing, 1.0, days_of[prec_codes])
        # One day is a point; a range of days ("7-8 March", precision day) is drawn as a span.
        self.is_day = missing | (self.end - self.start <= 1)
        self.alpha_level[self.is_day] = 0
        open_raw = pd.Series(column(self.df, "open_end", False), dtype=object)
        self.open_end = open_raw.map(truthy).to_numpy(bool)
        if self.open_end.any() and "publication_date" in self.df.columns:
            # "Since 2011" runs until the article was written: draw it that far, fading out.
            published = factorized_days(self.df, "publication_date")
            longer = self.open_end & self.placed & (published != MISSING_DAY) & (published + 1 > self.end)
            self.end[longer] = published[longer] + 1
        self._countries = ListColumn(column(self.df, "countries", ""), upper=True)
        type_codes, type_uniques = pd.factorize(pd.Series(column(self.df, "event_type", ""), dtype=object))
        self._type_names = [str(t).strip() if isinstance(t, str) else "" for t in type_uniques] + [""]
        self._type_codes = np.where(type_codes < 0, len(self._type_names) - 1, type_codes).astype(np.int64)
        self._sources_cache: ListColumn | None = None
        self._source_names: dict[str, str] = {}
        self._summaries = (self.df["summary"].to_numpy(dtype=object) if "summary" in self.df.columns
                           else np.full(n, "", dtype=object))
        self.event_mask = np.ones(n, dtype=bool)
        self.country_filter = None
        log.debug("timeline: %d events, %d placed", n, int(self.placed.sum()))
        self._build_occurrences()

    def _sources(self) -> ListColumn:
        """Lane keys of the source mode: article ids (named by their titles) when the frame has them."""
        if self._sources_cache is None:
            df = self.df
            self._source_names = {}
            if "article_ids" in df.columns and any(isinstance(v, str) and v.strip() for v in df["article_ids"].tolist()):
                col = ListColumn([str(v) if v is not None else "" for v in df["article_ids"].tolist()])
                if "source_titles" in df.columns:
                    for ids, titles in zip(df["article_ids"].tolist(), df["source_titles"].tolist()):
                        id_list = split_list(str(ids)) if ids is not None else [""]
                        title_list = [t.strip() for t in str(titles).split(" | ")] if isinstance(titles, str) else []
                        if len(id_list) == len(title_list):
                            for i, t in zip(id_list, title_list):
                                self._source_names.setdefault(i, t)
                self._sources_cache = col
            else:
                values = [""] * self._n
                for name in ("source_titles", "sources"):
                    if name in df.columns and any(isinstance(v, str) and v.strip() for v in df[name].tolist()):
                        values = df[name].tolist()
                        break
                self._sources_cache = ListColumn(values)
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
        if self.colour_mode != "auto":
            return self.colour_mode
        return "event_type" if self.lane_mode == "country" else "country"

    @property
    def colour_is_lane(self) -> bool:
        """Country lanes coloured by country: the lane headers carry the colours, no legend is needed."""
        return self.lane_mode == "country" and self.effective_colour_mode == "country"

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
        if mode == "event_type" and self.lane_mode == "event_type":
            return []
        if mode == "event_type":
            return [(int(keys.slot[r]), keys.names[r] or "Unclassified") for r in keys.shown.tolist()]
        return [(int(keys.slot[r]), country_names.get(keys.names[r], keys.names[r]) if keys.names[r] else "No country")
                for r in keys.shown.tolist()]

    def _lane_column(self) -> ListColumn:
        if self.lane_mode == "country":
            return self._countries
        if self.lane_mode == "event_type":
            return ListColumn.from_codes(self._type_codes, self._type_names)
        if self.lane_mode == "source":
            return self._sources()
        return ListColumn.from_codes(np.zeros(self._n, dtype=np.int64), ["*"])

    def lane_label(self, key: str, names: dict[str, str]) -> str:
        if key == "" or key == "*":
            return _EMPTY_LANE_LABELS[self.lane_mode]
        if self.lane_mode == "country":
            return names.get(key, key)
        if self.lane_mode == "source":
            return self._source_names.get(key, key)
        return key

    def _reset_occurrences(self) -> None:
        self.lane_keys: list[str] = []
        self.o_event = np.zeros(0, dtype=np.int64)
        self.o_lane = np.zeros(0, dtype=np.int64)
        self.o_start = np.zeros(0, dtype=np.float64)
        self.o_end = np.zeros(0, dtype=np.float64)
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
        lane_column = self._lane_column()
        o_event, lane, self.lane_keys = lane_column.explode(self.placed)
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
        self.levels.set_occurrences(self.o_lane, self.o_start, self.o_end, self.o_centre, self.o_day)
        self._build_colours()
        self._apply_filter()

    def _build_colours(self) -> None:
        mode = self.effective_colour_mode
        if mode == "country" and self.lane_mode == "country":
            key_names, key_of_occ = self.lane_keys, self.o_lane
        elif mode == "country":
            key_names, first = self._countries.first()
            key_of_occ = first[self.o_event]
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
        if self.country_filter is not None and self.lane_mode == "country":
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

    # -- queries -------------------------------------------------------------------------------

    def __len__(self) -> int:
        return self._n

    def index_of(self, event_id: str) -> int:
        return self._id_index.get(str(event_id), -1)

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
            self._dense = (self.version, dense_range(*self._shown_bounds()))
        return self._dense[1]

    def outside(self, t0: float, t1: float) -> tuple[int, int]:
        """How many shown events end before `t0` and how many start after `t1`."""
        starts, ends = self._shown_bounds()
        before = int(np.searchsorted(ends, t0, side="right"))
        after = len(starts) - int(np.searchsorted(starts, t1, side="left"))
        return before, after

    def summary(self, i: int) -> str:
        """The event's summary on one line ("" when it has none)."""
        v = self._summaries[i]
        return " ".join(v.split()) if isinstance(v, str) else ""

    def event_countries(self, i: int) -> list[str]:
        return [c for c in self._countries.items(i) if c]
