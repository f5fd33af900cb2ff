"""An exported picture of the timeline: the options the window's dialog and the CLI fill, and what it shows."""

from __future__ import annotations

import datetime as dt
import logging
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from timeline_app.core.library import columns as col
from timeline_app.core.library.filters import FilterSpec
from timeline_app.core.timeline.captions import MONTHS_WORDED, default_subtitle, default_title, source_line, span_words
from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.modes import LANES_BY_COUNTRY
from timeline_app.core.timeline.viewport import Viewport
from timeline_app.errors import ExportError

log = logging.getLogger(__name__)

FORMATS = ("png", "svg", "pdf")
SCOPES = ("view", "all")
ROWS = ("all", "visible")
PAGES_MM = {"A4": (297.0, 210.0), "Letter": (279.4, 215.9)}  # landscape: width, height


@dataclass(frozen=True)
class ImageOptions:
    """How to draw the timeline into a file.

    format: "png", "svg" or "pdf"; None takes it from the file's suffix. scope: "view" (the time
    range on screen) or "all" (the filtered events' whole range). rows: "all" lanes or the
    "visible" ones. Size: `width_px` (and `height_px`, grown to hold every row; None: as tall as
    the rows need), or `page` "A4"/"Letter" landscape, filled without an empty half page. `scale`:
    2 for high-DPI PNGs. title, subtitle, source_line: None for the defaults made from what is
    shown (see captions.py), "" for none.
    """

    format: str | None = None
    scope: str = "all"
    rows: str = "all"
    width_px: int = 1600
    height_px: int | None = None
    page: str | None = None
    scale: float = 1.0
    title: str | None = None
    subtitle: str | None = None
    source_line: str | None = None

    def resolved_format(self, path: str | Path) -> str:
        """The format to write `path` in; raises ExportError for one it cannot write or bad options."""
        fmt = (self.format or Path(path).suffix.lstrip(".")).lower()
        if fmt not in FORMATS:
            raise ExportError(f"Cannot write the timeline as '{fmt or Path(path).name}': "
                              "choose a file name ending in .png, .svg or .pdf.")
        if self.scope not in SCOPES or self.rows not in ROWS:
            raise ExportError(f"Unknown image choice (scope {self.scope!r}, rows {self.rows!r}): "
                              f"scope is one of {', '.join(SCOPES)}, rows one of {', '.join(ROWS)}.")
        if self.page is not None and self.page not in PAGES_MM:
            raise ExportError(f"Unknown page size {self.page!r}: choose {' or '.join(PAGES_MM)}, or a width in pixels.")
        if self.page is None and not 200 <= self.width_px <= 20000:
            raise ExportError(f"An image {self.width_px} px wide cannot hold the timeline: give 200 to 20,000 px.")
        if not 0.25 <= self.scale <= 8:
            raise ExportError(f"Scale {self.scale:g} is out of range: give 1 for normal screens, 2 for high-DPI.")
        return fmt


@dataclass(frozen=True)
class ImageSource:
    """What a picture is taken of: the timeline's data, the country names, the view on screen (for the
    scope "view"), the shown lanes [lo, hi) in view (for the rows "visible") and the filters the
    default title and subtitle say (None: the data's country filter alone)."""

    data: TimelineData
    country_names: dict[str, str]
    viewport: Viewport | None = None
    lanes: tuple[int, int] | None = None
    spec: FilterSpec | None = None
    lanes_before: int | None = None  # lanes on screen when those without an event in the view were left out


def view_days(vp: Viewport) -> tuple[int, int]:
    """The first and last day (inclusive) a view shows: a day counts when half of it is in view."""
    first = math.floor(vp.t0 + 0.5)
    return first, max(math.ceil(vp.t1 - 0.5) - 1, first)


def span_data(data: TimelineData, t0: float, t1: float) -> TimelineData:
    """A timeline of the events `data` shows that overlap [t0, t1): its lanes are those with an event
    there (a week's picture holds no empty lanes), in the timeline's lane order and colours; built anew, so
    the window's timeline is untouched."""
    shown = np.zeros(len(data), dtype=bool)
    shown[events_in(data, t0, t1, 0, len(data.lane_order))] = True
    part = TimelineData()
    part.set_lane_mode(data.lane_mode)
    part.set_colour_mode(data.colour_mode)
    part.set_columns(data.events)
    part.set_filter(shown, data.country_filter)
    part.follow(data)  # counted over the span alone, its lanes and colours would not be the screen's
    return part


def picture_source(src: ImageSource, options: ImageOptions) -> ImageSource:
    """What a picture with `options` is drawn from: a picture of the view with every row holds only
    the lanes with an event in the view; any other picture, the timeline as it is."""
    if options.scope != "view" or options.rows != "all" or src.viewport is None or src.lanes_before is not None:
        return src
    vp = src.viewport
    part = span_data(src.data, vp.t0, vp.t1)
    return ImageSource(part, src.country_names, vp, None, src.spec, len(src.data.lane_order))


def events_in(data: TimelineData, t0: float, t1: float, lane_lo: int, lane_hi: int) -> np.ndarray:
    """Indices of the shown events with an occurrence in lanes [lane_lo, lane_hi) overlapping [t0, t1)."""
    pos = data.lane_pos[data.o_lane] if len(data.o_lane) else np.zeros(0, dtype=np.int64)
    keep = data.o_visible & (pos >= lane_lo) & (pos < lane_hi) & (data.o_start < t1) & (data.o_end > t0)
    return np.unique(data.o_event[keep])


def article_count(data: TimelineData, events: np.ndarray) -> int | None:
    """How many articles the events come from (None when the events do not say)."""
    articles = data.events.codes(col.ARTICLE_IDS)
    if not articles.names:
        return None
    rows = np.zeros(len(data), dtype=bool)
    rows[events] = True
    return len(np.unique(articles.explode(rows)[1]))


def picture_captions(src: ImageSource, options: ImageOptions, t0: float, t1: float, lo: int, hi: int,
                     today: dt.date | None = None) -> tuple[str, str, str]:
    """Title, subtitle and source line of a picture of lanes [lo, hi) over [t0, t1): those the
    options give, else the defaults worded from the filters and the events the picture shows."""
    data = src.data
    spec = src.spec or FilterSpec(countries=data.country_filter or frozenset())
    order = [data.lane_keys[j] for j in data.lane_order] if data.lane_mode == LANES_BY_COUNTRY else []
    events = events_in(data, t0, t1, lo, hi)
    title, subtitle, source = options.title, options.subtitle, options.source_line
    if title is None:
        first = max(float(data.start[events].min()), t0) if len(events) else None
        last = min(float(data.end[events].max()), t1) - 1 if len(events) else None
        # A picture of the view is named by the span it shows, at that span's precision; one named in
        # years by its events' years, not by the margins of the view around them.
        shown_days = view_days(src.viewport) if options.scope == "view" and src.viewport else None
        span = span_words(*shown_days) if shown_days and shown_days[1] - shown_days[0] < MONTHS_WORDED else None
        title = default_title(spec, src.country_names, first, last, order, span)
    if subtitle is None:
        subtitle = default_subtitle(spec, src.country_names, order)
        kept = len(data.lane_order)
        if src.lanes_before is not None and kept < src.lanes_before:
            subtitle += f" · {kept:,} of {src.lanes_before:,} lanes with events in this span"
    if source is None:
        source = source_line(article_count(data, events), len(events), today or dt.date.today())
    return title, subtitle, source


def default_captions(src: ImageSource, options: ImageOptions, today: dt.date | None = None) -> tuple[str, str, str]:
    """The captions a picture drawn with `options` gets (for the window's dialog to show before it is
    drawn): of the view or of every event, of the lanes in view or of all of them."""
    src = picture_source(src, options)
    t0, t1 = (src.viewport.t0, src.viewport.t1) if options.scope == "view" and src.viewport is not None \
        else (-math.inf, math.inf)
    n_lanes = len(src.data.lane_order)
    lo, hi = (0, n_lanes) if options.rows == "all" or src.lanes is None else src.lanes
    return picture_captions(src, options, t0, t1, lo, max(min(hi, n_lanes), lo), today)
