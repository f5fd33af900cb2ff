"""The layout of an exported timeline: its width, the frame's view and lanes, the sheet, the pages."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, replace

import numpy as np
from PySide6.QtGui import QColor, QPalette

from timeline_app.core.timeline.fit import fit_data
from timeline_app.core.timeline.layout import AXIS_H, HEADER_W, LaneLayout, PaintState, is_band
from timeline_app.core.timeline.modes import COLOUR_LEGEND_TITLES
from timeline_app.core.timeline.picture import PAGES_MM, ImageOptions, ImageSource, picture_captions, picture_source
from timeline_app.core.timeline.scene import Collected, collect_frame
from timeline_app.core.timeline.viewport import Viewport
from timeline_app.gui.timeline.image.sheet import KeyEntry, Sheet
from timeline_app.gui.timeline.painter import TimelinePainter
from timeline_app.gui.timeline.text import Fonts
from timeline_app.gui.timeline.theme import Theme

log = logging.getLogger(__name__)

FONT_PX = 12  # the timeline's text in an image: 7 pt on an A4 page 1400 px wide
PAGE_WIDTHS = (1000, 1400, 2000)  # logical width of a page: least, first try, most
LANE_MAX_H = 220  # a page with few lanes gives them this much height each, their rows in the middle


@dataclass(frozen=True)
class Page:
    """One page (or the one image): the lanes it holds (scrolled to `scroll`, `lanes_h` high), and
    whether it carries the sheet's header and footer."""

    scroll: int
    lanes_h: int
    header: bool
    footer: bool


@dataclass
class ImagePlan:
    """Everything a device needs to draw the picture: the logical size, the painter and the frame's
    state, the sheet, the pages and the light theme of print."""

    width: int
    height: int  # of each page
    painter: TimelinePainter
    state: PaintState
    sheet: Sheet
    pages: list[Page]
    theme: Theme
    page_mm: tuple[float, float] | None = None


def print_theme() -> Theme:
    """Black on white whatever the desktop's colours: a picture goes into a story or a report."""
    pal = QPalette()
    for role, colour in ((QPalette.ColorRole.Base, "#ffffff"), (QPalette.ColorRole.Window, "#f4f4f4"),
                         (QPalette.ColorRole.Text, "#1a1a1a"), (QPalette.ColorRole.Highlight, "#3874c8")):
        pal.setColor(role, QColor(colour))
    return Theme.from_palette(pal)


def plan_image(src: ImageSource, options: ImageOptions, fmt: str, today: dt.date | None = None) -> ImagePlan:
    """Lay out the picture of `src` as `options` ask: a width (or a page filled), every row asked for;
    a PDF too tall for its page goes on over more pages, a PNG or an SVG grows taller."""
    src = picture_source(src, options)
    painter = TimelinePainter(src.data, Fonts(FONT_PX))
    if options.page is None:
        plan = _build(src, options, painter, options.width_px, today)
        target = options.height_px
        if target is not None and target > plan.height:
            plan = _stretched(src, options, plan, target - plan.height)
            plan.height = max(plan.height, target)
        return plan
    page_w, page_h = PAGES_MM[options.page]
    ratio = page_h / page_w
    width = PAGE_WIDTHS[1]
    for _ in range(6):  # a narrower sheet makes a short timeline fill the page, a wider one a tall one fit
        plan = _build(src, options, painter, width, today)
        # 2% to spare: the height moves a little with the width (the legend wraps differently).
        wanted = int(min(max(plan.height / ratio * 1.02, PAGE_WIDTHS[0]), PAGE_WIDTHS[2]))
        if plan.height <= int(width * ratio) and (wanted >= width or width == PAGE_WIDTHS[0]):
            break
        if wanted == width:
            break
        width = wanted
    page_height = int(width * ratio)
    if plan.height <= page_height:
        plan = _stretched(src, options, plan, page_height - plan.height)
    elif fmt == "pdf":
        plan.pages = _paginate(plan, page_height)
    plan.height = max(page_height, plan.height if len(plan.pages) == 1 else page_height)
    plan.page_mm = (page_w, page_h)
    return plan


def _build(src: ImageSource, options: ImageOptions, painter: TimelinePainter, width: int,
           today: dt.date | None, lanes_h: int = 0) -> ImagePlan:
    data = src.data
    time_w = max(width - HEADER_W, 1)
    if options.scope == "view" and src.viewport is not None:
        vp = Viewport.fit(src.viewport.t0, src.viewport.t1, time_w, margin=0.0)
    else:
        vp = fit_data(data, time_w, everything=True) or Viewport.fit(0.0, 365.0, time_w)
    n_lanes = len(data.lane_order)
    lo, hi = (0, n_lanes) if options.rows == "all" or src.lanes is None else src.lanes
    hi = max(min(hi, n_lanes), lo)
    state = PaintState(vp, width, AXIS_H + lanes_h, 0, src.country_names, None, show_legend=False,
                       labels_in_view=True, lane_max_h=LANE_MAX_H)
    scene = collect_frame(data, state, lanes_h)
    layout = scene.layout
    top = int(layout.top[lo]) if hi > lo else 0
    lanes_total = int(layout.top[hi - 1] + layout.height[hi - 1]) - top if hi > lo else 0
    lanes_h = max(lanes_h, lanes_total)
    state = replace(state, height=AXIS_H + lanes_h, scroll_y=top)
    title, subtitle, source = picture_captions(src, options, vp.t0, vp.t1, lo, hi, today)
    sheet = Sheet(width, title, subtitle, source=source, key=_key(src, scene.items, vp.px_per_day))
    height = int(np.ceil(sheet.header_height + AXIS_H + lanes_h + sheet.footer_height))
    return ImagePlan(width, height, painter, state, sheet, [Page(top, lanes_h, True, True)], print_theme())


def _stretched(src: ImageSource, options: ImageOptions, plan: ImagePlan, extra: int) -> ImagePlan:
    """The plan with `extra` pixels given to the lanes (each grows up to a limit): no empty half page."""
    if options.rows != "all" or extra <= 0:
        return plan
    lanes_h = plan.pages[0].lanes_h + extra
    stretched = _build(src, options, plan.painter, plan.width, None, lanes_h)
    stretched.sheet = plan.sheet  # same words: keep the first plan's date
    return stretched


def _paginate(plan: ImagePlan, page_height: int) -> list[Page]:
    """Lanes split over pages at lane boundaries: the header on the first, the footer on the last."""
    sheet = plan.sheet
    layout: LaneLayout = collect_frame(plan.painter.data, plan.state, 0).layout
    pages: list[Page] = []
    start = plan.pages[0].scroll
    end = start + plan.pages[0].lanes_h
    tops = layout.top.astype(int).tolist() + [int(layout.total)]
    while start < end:
        room = page_height - AXIS_H - (sheet.header_height if not pages else 24) - sheet.footer_height
        stop = start
        for t in tops:
            if start < t <= min(start + room, end):
                stop = t
        if stop == start:  # a lane taller than a page: give it a page of its own
            stop = next((t for t in tops if t > start), end)
        pages.append(Page(start, stop - start, not pages, stop >= end))
        start = stop
    return pages


def _key(src: ImageSource, items: Collected, px_per_day: float) -> list[KeyEntry]:
    """The full colour legend (no '+4 more') and a key to the marks the frame draws."""
    data = src.data
    entries: list[KeyEntry] = []
    colours = data.legend_entries(src.country_names)
    if colours:
        title = COLOUR_LEGEND_TITLES[data.effective_colour_mode]
        entries.append(KeyEntry("title", title))
        entries += [KeyEntry("colour", label, slot) for slot, label in colours]
    entries.append(KeyEntry("title", "Marks:"))
    entries.append(KeyEntry("point", "an event of one day"))
    spans = items.spans
    if len(spans):
        entries.append(KeyEntry("bar", "a period; lighter when its date is less precise (a month, a year)"))
        if data.open_end[data.o_event[spans]].any():
            entries.append(KeyEntry("open", "open-ended (“since 2011”), drawn to the article's date"))
        wide = is_band(data.precision_days[data.o_event[spans]], px_per_day)
        if wide.any():
            entries.append(KeyEntry("band", "dated to a month or a year: a band behind its lane"))
        if data.part[data.o_event[spans]].any():
            entries.append(KeyEntry("part", "part of a period (“early 2019”): its third, across the whole period"))
    drawn = np.concatenate((items.pts, spans))
    if len(drawn) and data.uncertain[data.o_event[drawn]].any():
        entries.append(KeyEntry("uncertain", "uncertain date: the words can be read as two dates"))
    if len(items.cids):
        entries.append(KeyEntry("cluster", "events too close together to draw apart, and how many"))
    return entries
