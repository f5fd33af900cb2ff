"""TimelineView: the zoomable, filterable timeline of events, smooth at 100,000 events.

API used by the main window::

    view = TimelineView(parent=None)
    view.set_events(df)                    # events frame (frames.EVENT_COLUMNS); unplaceable rows skipped
    view.set_columns(events)               # the same as EventColumns (the window's, read once)
    view.set_country_names({"TUR": "Türkiye", ...})   # lane headers, tooltips, legend
    view.set_empty_text(text=None)         # what it says without events ("Reading the library…")
    view.set_visible_mask(mask, countries=None)       # numpy bool per event; optional lane set
    view.set_filter(mask=None, countries=None)        # same, both optional
    view.set_lane_mode(mode)                # core.timeline.modes.LANE_MODES: "country", "event_type" …
    view.set_colour_mode(mode); view.set_show_legend(bool)   # core.timeline.modes.COLOUR_MODES
    view.lane_mode() -> str; view.lane_keys() -> list[str]   # lanes shown, top to bottom
    view.shown_mask() -> ndarray[bool]; view.shown_event_count() -> int   # what the timeline shows
    view.fit_all(everything=False); view.zoom_to_date_range(start: date, end: date)
    view.go_to_date(d: date, precision=None | "year" | "month" | "day")  # shows the period typed
    view.zoom_by(factor); view.zoom_to_selection()
    view.select_event(event_id) -> bool    # scrolls to it and highlights it; emits nothing
    view.selected_event() -> str | None; view.visible_range() -> (date, date)
    view.export_image(path, whole=False, options=None)   # .png, .svg or .pdf with title, legend and
                                           # source line (see render_image); raises ExportError
    view.image_source() -> ImageSource     # for render_image(view, path, ImageOptions(...))

Signals: ``event_selected(str)`` (an event clicked, "" when the selection is cleared by a click on
empty space), ``event_activated(str)`` (double-click or Enter), ``view_changed(date, date)``
(visible range, debounced).

Interaction: wheel zooms around the cursor, Shift+wheel scrolls lanes, horizontal wheel pans; pinch
zooms; +/- zoom; drag pans; Shift+drag or right-drag zooms to a rectangle; double-click zooms in
(on an event: zooms to it and activates it); a click on a cluster zooms into it; arrows, PgUp/PgDn,
Home/End move; 0 fits all; the context menu offers the rest.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

import numpy as np
import pandas as pd
from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QFileDialog, QGridLayout, QMenu, QMessageBox, QWidget

from timeline_app.core.daycount import date_to_days, days_to_date, format_day
from timeline_app.core.library.eventcolumns import EventColumns
from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.layout import AXIS_H, HEADER_W, cluster_capacity
from timeline_app.core.timeline.modes import COLOUR_MODES, COLOUR_TITLES, LANE_MODES, LANE_TITLES
from timeline_app.core.timeline.navigate import parse_period, period_days
from timeline_app.core.timeline.picture import ImageOptions, ImageSource
from timeline_app.core.timeline.viewport import Viewport, zoom_level
from timeline_app.errors import TimelineError
from timeline_app.gui.ask_text import ask_text
from timeline_app.gui.timeline.canvas import TimelineCanvas
from timeline_app.gui.timeline.controls import CanvasControls
from timeline_app.gui.timeline.image.render import render_image
from timeline_app.gui.timeline.lane_scrollbar import LaneScrollBar
from timeline_app.gui.timeline.overview import TimelineOverview
from timeline_app.gui.timeline.painter import EMPTY_TEXT

log = logging.getLogger(__name__)

class TimelineView(QWidget):
    """The timeline: canvas and its controls, vertical lane scroll bar and overview strip; the API the window uses."""

    event_selected = Signal(str)
    event_activated = Signal(str)
    view_changed = Signal(object, object)  # datetime.date, datetime.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = TimelineData()
        self.extra_actions: list[QAction | None] = []  # entries for the selected event (None: separator)
        # The window's image export (True: the whole timeline); without one, a plain save dialog.
        self.export_image_handler: Callable[[bool], None] | None = None
        self.canvas = TimelineCanvas(self._data, self)
        self.controls = CanvasControls(self.canvas)
        self.scrollbar = LaneScrollBar(Qt.Orientation.Vertical, self)
        self.overview = TimelineOverview(self._data, self)
        self.overview.set_left_margin(HEADER_W)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.canvas, 0, 0)
        layout.addWidget(self.scrollbar, 0, 1)
        layout.addWidget(self.overview, 1, 0, 1, 2)
        self._view_timer = QTimer(self)
        self._view_timer.setSingleShot(True)
        self._view_timer.setInterval(120)
        self._view_timer.timeout.connect(self._on_view_timer_timeout)
        self.canvas.viewport_changed.connect(self._on_canvas_viewport_changed)
        self.canvas.scroll_changed.connect(self._on_canvas_scroll_changed)
        self.controls.event_clicked.connect(self._on_controls_event_clicked)
        self.controls.event_double_clicked.connect(self._on_controls_event_double_clicked)
        self.controls.event_stepped.connect(self._on_controls_event_stepped)
        self.controls.context_menu_requested.connect(self._on_controls_context_menu_requested)
        self.scrollbar.valueChanged.connect(self._on_scrollbar_value_changed)
        self.overview.window_moved.connect(self._on_overview_window_moved)
        self.overview.zoom_requested.connect(self._on_overview_zoom_requested)
        self.setFocusProxy(self.canvas)

    # -- data and filter -----------------------------------------------------------------------

    def set_events(self, df: pd.DataFrame) -> None:
        """Show the events of `df` (rows without a parseable date_start are skipped) and fit them."""
        self.set_columns(EventColumns.from_frame(df.reset_index(drop=True)))

    def set_columns(self, events: EventColumns) -> None:
        """Show the events of the shared event columns (those the window read) and fit them."""
        selected = self.selected_event()
        self._data.set_columns(events)
        self.canvas.selected = self._data.index_of(selected) if selected else -1
        self.canvas.hovered = -1
        self.canvas.painter.clear_texts()
        self.canvas.set_scroll_y(0)
        self._refresh()
        self.fit_all()

    def set_empty_text(self, text: str | None = None) -> None:
        """What the timeline says when it has no events at all (None: "No events loaded")."""
        self.canvas.painter.empty_text = text or EMPTY_TEXT
        self.canvas.update()

    def set_country_names(self, names: dict[str, str]) -> None:
        self.canvas.country_names = dict(names)
        self.canvas.update()

    def set_visible_mask(self, mask: np.ndarray | None, countries: set[str] | frozenset[str] | None = None) -> None:
        """Show only the events where `mask` is True (one bool per row of the frame given to set_events).

        `countries`, when given in country lane mode, limits the lanes to those countries: an event
        with several countries then appears only in the lanes of the filter.
        """
        d = self._data
        same_countries = (None if countries is None else frozenset(c.upper() for c in countries)) == d.country_filter
        if same_countries and (np.array_equal(mask, d.event_mask) if mask is not None else d.event_mask.all()):
            return  # the same filter again (the window re-applies it): keep every cache
        d.set_filter(mask, countries)
        self._refresh()

    def set_filter(self, mask: np.ndarray | None = None, countries: set[str] | frozenset[str] | None = None) -> None:
        self.set_visible_mask(mask, countries)

    def set_lane_mode(self, mode: str) -> None:
        self._data.set_lane_mode(mode)
        self.canvas.set_scroll_y(0)
        self._refresh()

    def lane_mode(self) -> str:
        return self._data.lane_mode

    def set_colour_mode(self, mode: str) -> None:
        self._data.set_colour_mode(mode)
        self._refresh()

    def shown_mask(self) -> np.ndarray:
        """Per row of the frame: True when the event is on the timeline (placed, passes the filter and
        is in at least one shown lane)."""
        return self._data.shown_events()

    def shown_event_count(self) -> int:
        """How many events the timeline shows after filtering (an event in two lanes counts once)."""
        return int(self.shown_mask().sum())

    def set_show_legend(self, show: bool) -> None:
        """The colour legend row under the lanes (shown when colours are not already the lanes)."""
        self.canvas.show_legend = bool(show)
        self.canvas.update()

    def lane_keys(self) -> list[str]:
        """Keys of the lanes shown, top to bottom (ISO3 codes in country mode)."""
        return [self._data.lane_keys[j] for j in self._data.lane_order]

    def _refresh(self) -> None:
        self.canvas.update()
        self.overview.update()
        self._on_canvas_scroll_changed()

    # -- navigation ----------------------------------------------------------------------------

    def fit_all(self, everything: bool = False) -> None:
        """Show where the filtered events are dense, with a margin each side; far outliers stay out
        (an arrow at the edge counts them) unless `everything`."""
        self.canvas.fit_all(everything)

    def zoom_by(self, factor: float) -> None:
        self.canvas.set_viewport(self.canvas.vp.zoomed(factor, self.canvas.time_width() / 2, self.canvas.max_span()))

    def zoom_to_date_range(self, start: dt.date, end: dt.date) -> None:
        """Show the days from `start` to `end` inclusive."""
        t0, t1 = date_to_days(start), date_to_days(end) + 1
        if t1 < t0:
            t0, t1 = t1 - 1, t0 + 1
        self.canvas.set_viewport(Viewport.fit(t0, t1, self.canvas.time_width(), margin=0.0))

    def go_to_date(self, d: dt.date, precision: str | None = None) -> None:
        """Show a date as precisely as it was written: `precision` "year" shows that year, "month" the
        month, "day" the weeks around the day (the axis then shows days); None centres the view on the
        date and keeps the zoom. navigate.parse_period turns typed text into (days, precision)."""
        self.go_to_days(date_to_days(d), precision)

    def go_to_days(self, days: int, precision: str | None = None) -> None:
        """go_to_date for a day number (core.daycount), which reaches years a datetime.date cannot."""
        canvas = self.canvas
        if precision is None:
            canvas.set_viewport(canvas.vp.centred_on(days + 0.5))
            return
        t0, t1 = period_days(days, precision)
        canvas.set_viewport(Viewport.fit(t0, t1, canvas.time_width(), margin=0.02))

    def zoom_to_selection(self) -> None:
        if self.canvas.selected >= 0:
            self.canvas.zoom_to_event(self.canvas.selected)

    def select_event(self, event_id: str | None) -> bool:
        """Highlight an event and bring it into view (zooming in if it is inside a cluster).

        Does not emit event_selected. Returns False when the event is unknown or not placed.
        """
        idx = self._data.index_of(event_id) if event_id else -1
        self.canvas.selected = idx
        self.canvas.update()
        if idx < 0 or not self._data.placed[idx]:
            return False
        canvas = self.canvas
        start, end = float(self._data.start[idx]), float(self._data.end[idx])
        vp = canvas.vp
        if self._is_clustered(idx) or vp.span < end - start:
            canvas.zoom_to_event(idx)  # zoom in until it is drawn on its own
        elif not (vp.t0 <= start and end <= vp.t1):
            canvas.set_viewport(vp.centred_on((start + end) / 2))
        canvas.scroll_to_event(idx)
        return True

    def _is_clustered(self, idx: int) -> bool:
        vp = self.canvas.vp
        lc = self._data.levels.get(zoom_level(vp.px_per_day), cluster_capacity(vp.px_per_day), vp.t0, vp.t1)
        occ = np.flatnonzero(self._data.o_event == idx)
        return bool(len(occ)) and bool((lc.occ_cluster[occ] >= 0).all())

    def selected_event(self) -> str | None:
        idx = self.canvas.selected
        return str(self._data.event_ids[idx]) if 0 <= idx < len(self._data) else None

    def visible_range(self) -> tuple[dt.date, dt.date]:
        vp = self.canvas.vp
        return days_to_date(vp.t0), days_to_date(vp.t1 - 1e-9)

    # -- export --------------------------------------------------------------------------------

    def image_source(self) -> ImageSource:
        """What a picture of the timeline shows: its data and names, the view, the lanes in view."""
        return ImageSource(self._data, dict(self.canvas.country_names), self.canvas.vp, self.canvas.visible_lanes())

    def export_image(self, path: str, whole: bool = False, options: ImageOptions | None = None) -> None:
        """Save the timeline as an image (format from the suffix: .png, .svg or .pdf): the current view
        and the lanes in view at the canvas's width, or with `whole` every event and every lane; or as
        `options` ask. Raises ExportError when it cannot be written."""
        if options is None:
            options = ImageOptions(scope="all" if whole else "view", rows="all" if whole else "visible",
                                   width_px=max(self.canvas.width(), 600))
        render_image(self, path, options)

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        if self.canvas.selected >= 0 and self.extra_actions:
            for action in self.extra_actions:  # the window's entries for the selected event
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)
            menu.addSeparator()
        menu.addAction("Fit all", self.fit_all)
        menu.addAction("Go to date…", self.ask_go_to_date)
        sel = menu.addAction("Zoom to selection", self.zoom_to_selection)
        sel.setEnabled(self.canvas.selected >= 0)
        menu.addSeparator()
        lanes = menu.addMenu("Lanes")
        group = QActionGroup(lanes)
        for mode in LANE_MODES:
            act = QAction(LANE_TITLES[mode], lanes, checkable=True, checked=self._data.lane_mode == mode)
            act.triggered.connect(lambda _=False, m=mode: self.set_lane_mode(m))
            group.addAction(act)
            lanes.addAction(act)
        colours = menu.addMenu("Colours")
        cgroup = QActionGroup(colours)
        for mode in COLOUR_MODES:
            act = QAction(COLOUR_TITLES[mode], colours, checkable=True, checked=self._data.colour_mode == mode)
            act.triggered.connect(lambda _=False, m=mode: self.set_colour_mode(m))
            cgroup.addAction(act)
            colours.addAction(act)
        legend = menu.addAction("Show colour legend", lambda: self.set_show_legend(not self.canvas.show_legend))
        legend.setCheckable(True)
        legend.setChecked(self.canvas.show_legend)
        menu.addSeparator()
        menu.addAction("Export view as image…", lambda: self._on_export_triggered(False))
        menu.addAction("Export whole timeline as image…", lambda: self._on_export_triggered(True))
        return menu

    def ask_go_to_date(self) -> None:
        """Ask for a date (YYYY, YYYY-MM or YYYY-MM-DD, or in words) and show it at the precision typed."""
        current = format_day(self.canvas.vp.t0 + self.canvas.vp.span / 2)
        text = ask_text(self, "Go to date", "Date (2011-03-15, 2011-03, 2011, or 15 March 2011, March 2011):",
                        lambda typed: "" if parse_period(typed) is not None else
                        f"“{typed}” is not a date: write a day, a month or a year.", current)
        period = None if text is None else parse_period(text)
        if period is None:
            return
        self.go_to_days(*period)

    def _on_export_triggered(self, whole: bool) -> None:
        if self.export_image_handler is not None:  # the window's dialog: its folder, formats and sizes
            self.export_image_handler(whole)
            return
        path, _ = QFileDialog.getSaveFileName(self, "Export timeline", "timeline.png",
                                              "PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)")
        if not path:
            return
        try:
            self.export_image(path, whole)
        except TimelineError as e:
            QMessageBox.warning(self, "Export timeline", str(e))

    # -- slots ---------------------------------------------------------------------------------

    def _on_canvas_viewport_changed(self) -> None:
        vp = self.canvas.vp
        self.overview.set_window(vp.t0, vp.t1)
        self._view_timer.start()

    def _on_view_timer_timeout(self) -> None:
        start, end = self.visible_range()
        self.view_changed.emit(start, end)

    def _on_canvas_scroll_changed(self) -> None:
        c = self.canvas
        self.scrollbar.blockSignals(True)
        self.scrollbar.setRange(0, c.max_scroll())
        self.scrollbar.setPageStep(max(c.height() - AXIS_H, 1))
        self.scrollbar.setSingleStep(20)
        self.scrollbar.setValue(c.scroll_y)
        self.scrollbar.blockSignals(False)
        self.scrollbar.setVisible(c.max_scroll() > 0)

    def _on_scrollbar_value_changed(self, value: int) -> None:
        self.canvas.set_scroll_y(value)

    def _on_controls_event_clicked(self, idx: int) -> None:
        self.event_selected.emit(str(self._data.event_ids[idx]) if idx >= 0 else "")

    def _on_controls_event_stepped(self, idx: int) -> None:
        event_id = str(self._data.event_ids[idx])
        self.select_event(event_id)  # into view, zoomed in if it was inside a cluster
        self.event_selected.emit(event_id)

    def _on_controls_event_double_clicked(self, idx: int) -> None:
        if idx >= 0:
            self.event_activated.emit(str(self._data.event_ids[idx]))

    def _on_overview_window_moved(self, centre: float) -> None:
        self.canvas.set_viewport(self.canvas.vp.centred_on(centre))

    def _on_controls_context_menu_requested(self, global_pos: QPoint) -> None:
        self._exec_menu(self.context_menu(), global_pos)

    def _exec_menu(self, menu: QMenu, global_pos: QPoint) -> None:
        menu.exec(global_pos)  # its own method, so that tests can stand in for the modal menu

    def _on_overview_zoom_requested(self, factor: float) -> None:
        self.zoom_by(factor)
