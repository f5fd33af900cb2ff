"""One FilterSpec applied to the table, the timeline, the counts and exports; kept with the library."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import replace

import numpy as np
import pandas as pd
from PySide6.QtCore import QObject, QSignalBlocker, Signal

from timeline_app.core.extract.countries import organization_names
from timeline_app.core.daycount import MISSING_DAY
from timeline_app.core.library import columns as col
from timeline_app.core.library import frames
from timeline_app.core.library.facets import FacetCounts
from timeline_app.core.library.filters import FilterSpec
from timeline_app.core.library.saved_filter import FILTER_SETTING, dump_spec, known_only, load_spec
from timeline_app.core.library.snapshot import Snapshot
from timeline_app.core.library.store import Library
from timeline_app.errors import TimelineError
from timeline_app.gui.panels.event_table import EventTableModel
from timeline_app.gui.panels.filter_panel import FilterPanel
from timeline_app.gui.timeline import TimelineView
from timeline_app.gui.window.status import WindowStatusBar

log = logging.getLogger(__name__)


class WindowFilters(QObject):
    """The filter panel's spec applied with numpy to the table and the timeline; what exports take.

    The filters are saved in the library when the window closes or switches libraries, and shown
    again once the library has been read (`saved_filter_restored` then tells the window).
    """

    saved_filter_restored = Signal()
    filters_applied = Signal()  # `mask` and `base_mask` hold what the views show now

    def __init__(self, panel: FilterPanel, event_model: EventTableModel, timeline: TimelineView,
                 status_bar: WindowStatusBar, snapshot: Callable[[], Snapshot | None],
                 library: Callable[[], Library | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panel = panel
        self._event_model = event_model
        self._timeline = timeline
        self._status_bar = status_bar
        self._snapshot = snapshot
        self._library = library
        self.spec = FilterSpec()
        self.mask = np.empty(0, dtype=bool)
        self.base_mask = np.empty(0, dtype=bool)  # what the spec keeps, before a chart's bar narrows it
        self._narrowed: np.ndarray | None = None  # rows a Relations bar chose, until the filters change
        self.show_hidden = False  # hidden events are false ones the user put aside
        self._facet_counts: FacetCounts | None = None
        self._saved: FilterSpec | None = None  # read from the library just opened, shown once it is read
        panel.filters_changed.connect(self._on_panel_filters_changed)
        panel.sync_toggled.connect(self._on_panel_sync_toggled)
        timeline.view_changed.connect(self._on_timeline_view_changed)

    def apply(self, spec: FilterSpec, refit: bool = False) -> None:
        """One FilterSpec for the table, the timeline and exports."""
        spec = replace(spec, show_hidden=self.show_hidden)
        self.spec = spec
        snapshot = self._snapshot()
        if snapshot is None:
            return
        index = snapshot.index
        self.base_mask = index.mask(spec)
        self.mask = self.base_mask.copy()
        chosen = None
        if self._narrowed is not None:
            chosen = np.zeros(len(self.mask), dtype=bool)
            chosen[self._narrowed] = True
            self.mask &= chosen
        self._event_model.set_mask(self.mask)
        # In country lanes, an event of several countries shows only in the lanes of the filter.
        # Dates that follow the view are not the timeline's filter: panning would drop the events
        # coming into view and reorder the lanes by what is on screen at every stop.
        timeline_spec = replace(spec, date_from=None, date_to=None) if self._panel.syncs_with_view() else spec
        timeline_mask = self.mask if timeline_spec == spec else index.mask(timeline_spec)
        self._timeline.set_visible_mask(timeline_mask, spec.countries or None)
        # Beside every list, how many events each choice would show: the other filters narrow it.
        counts = self._facets(snapshot).counts(spec, chosen)
        panel = self._panel
        for check_list, values in ((panel.countries, counts.countries), (panel.types, counts.event_types),
                                   (panel.organizations, counts.organizations), (panel.precisions, counts.precisions),
                                   (panel.languages, counts.languages)):
            check_list.update_counts(values)
        shown_at_all = self._not_hidden(snapshot)
        self._status_bar.show_counts(int(self.mask.sum()), int(shown_at_all.sum()),
                                     len(shown_at_all) - int(shown_at_all.sum()))
        self._status_bar.show_filter(spec)
        if refit:
            self.fit_timeline()
        self.filters_applied.emit()

    def _facets(self, snapshot: Snapshot) -> FacetCounts:
        """The counts of the snapshot shown (made again when another one is read)."""
        if self._facet_counts is None or self._facet_counts.index is not snapshot.index:
            self._facet_counts = FacetCounts(snapshot.index)
        return self._facet_counts

    def narrow(self, rows: np.ndarray | None) -> None:
        """Show only these events (rows of the events frame) of those the filters keep, until the
        filters change; None shows them all again. A bar of the Relations chart does this."""
        self._narrowed = rows
        self.apply(self.spec)

    def is_narrowed(self) -> bool:
        return self._narrowed is not None

    def fit_timeline(self) -> None:
        """Show the filtered events: the timeline's Fit ends where they end (the newest labels go left
        of their points) and leaves out a few far outliers (a war "in the nineteenth century"),
        counted by an arrow at the axis."""
        self._timeline.fit_all()

    def show_snapshot(self, snapshot: Snapshot, refit: bool) -> None:
        """Offer what a library just read holds (countries, types …), its saved filters, and apply them."""
        self._panel.set_countries(snapshot.index.country_counts(), snapshot.country_names)
        self._panel.set_event_types(snapshot.type_counts)
        self._panel.set_organizations(snapshot.organization_counts, organization_names())
        self._panel.set_precisions(snapshot.precision_counts)
        self._panel.set_languages(snapshot.index.language_counts())
        events = snapshot.events
        self._narrowed = None  # rows of the snapshot read before
        placed = events.start_day != MISSING_DAY
        if placed.any():
            self._panel.set_date_bounds(int(events.start_day[placed].min()), int(events.end_day[placed].max()))
        else:
            self._panel.clear_date_bounds(dt.date.today())
        self._restore_saved(snapshot)
        self.apply(self._panel.spec(), refit=refit)

    def set_show_hidden(self, on: bool) -> None:
        """Show the events the user hid (marked grey), or leave them out again."""
        self.show_hidden = bool(on)
        self.apply(self.spec)

    def _not_hidden(self, snapshot: Snapshot) -> np.ndarray:
        """True for the events the window shows at all: hidden ones only when asked."""
        hidden = snapshot.hidden()
        return np.ones(len(hidden), dtype=bool) if self.show_hidden else ~hidden

    def filtered_events(self, every: bool = False) -> pd.DataFrame:
        """The events the filters keep (`every`: all the window shows, whatever the filters)."""
        snapshot = self._snapshot()
        if snapshot is None:
            return frames.empty_events()
        return snapshot.events_frame(self._not_hidden(snapshot) if every else self.mask)

    def filtered_mentions(self, every: bool = False) -> pd.DataFrame:
        """The mentions of filtered_events(every), of the articles the filters name if they name some."""
        snapshot, library = self._snapshot(), self._library()
        if snapshot is None or library is None:
            return frames.empty_mentions()
        rows = self._not_hidden(snapshot) if every else self.mask
        # Read when asked for: the window keeps no frame of every mention.
        mentions = library.mentions_of_events(snapshot.events.ids[rows].tolist())
        if not every and self.spec.article_ids:
            mentions = mentions[mentions[col.ARTICLE_ID].isin([int(a) for a in self.spec.article_ids])]
        return mentions.reset_index(drop=True)

    def _on_panel_filters_changed(self, spec: FilterSpec) -> None:
        # Dates that follow the view change with every pan or zoom: that is not a new filter.
        if not (self._panel.syncs_with_view() and _without_dates(spec) == _without_dates(self.spec)):
            self._narrowed = None
        # Narrowing the events brings them into view, unless the dates follow the view itself.
        self.apply(spec, refit=not self._panel.syncs_with_view())

    def _on_panel_sync_toggled(self, on: bool) -> None:
        if on:  # take the range on screen now, not at the next pan or zoom
            self._panel.set_view_range(*self._timeline.visible_range())

    def _on_timeline_view_changed(self, start: dt.date, end: dt.date) -> None:
        self._panel.set_view_range(start, end)

    # -- kept with the library -----------------------------------------------------------------

    def read_saved(self, library: Library) -> None:
        """Take the filters saved in a library just opened; they are shown once it has been read."""
        try:
            self._saved = load_spec(library.setting(FILTER_SETTING))
        except TimelineError as e:
            log.warning("the saved filters of %s cannot be read: %s", library.path, e)
            self._saved = FilterSpec()
        # The panel held the last library's filters: they must not leak into this one's lists.
        with QSignalBlocker(self._panel):
            self._panel.clear()

    def _restore_saved(self, snapshot: Snapshot) -> None:
        """Show the saved filters in the panel (without what the library no longer has)."""
        saved, self._saved = self._saved, None
        if saved is None or saved.is_empty():
            return
        spec = known_only(saved, snapshot.index.countries.names, snapshot.type_counts, snapshot.organization_counts,
                          snapshot.article_ids.tolist(), snapshot.precision_counts,
                          snapshot.index.language_counts())
        if spec.is_empty():
            return
        with QSignalBlocker(self._panel):  # the caller applies the panel's spec once, for everything
            self._panel.set_spec(spec)
        self.saved_filter_restored.emit()  # the window brings the panel forward: then it can scroll
        self._panel.scroll_to_checked()

    def save(self, library: Library) -> None:
        """Keep the panel's filters in the library, for the next time it is opened."""
        if self._saved is not None:
            return  # closed before the library was read: what it holds was never shown, it stays
        spec = self._panel.spec()
        if self._panel.syncs_with_view():
            spec = replace(spec, date_from=None, date_to=None)  # they follow the view: not a choice to keep
        text = dump_spec(spec)
        try:
            if library.setting(FILTER_SETTING) != text:  # an unchanged library file stays untouched
                library.set_setting(FILTER_SETTING, text)
        except TimelineError as e:
            log.warning("the filters could not be saved in %s: %s", library.path, e)


def _without_dates(spec: FilterSpec) -> FilterSpec:
    return replace(spec, date_from=None, date_to=None, show_hidden=False)

