"""One FilterSpec applied to the table, the timeline, the counts and exports; kept with the library."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace

import numpy as np
import pandas as pd
from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel, QToolButton

from timeline_app.core.daycount import MISSING_DAY, days_to_date
from timeline_app.core.library import frames
from timeline_app.core.library.filters import FilterSpec
from timeline_app.core.library.saved_filter import FILTER_SETTING, dump_spec, known_only, load_spec
from timeline_app.core.library.store import Library
from timeline_app.errors import TimelineError
from timeline_app.gui.panels.event_table import EventTableModel
from timeline_app.gui.panels.filter_panel import FilterPanel
from timeline_app.core.library.snapshot import Snapshot
from timeline_app.gui.timeline.view import TimelineView
from timeline_app.gui.window.mixin import WindowMixin

log = logging.getLogger(__name__)


class WindowFiltersMixin(WindowMixin):
    """The filter panel's spec applied with numpy to every view; what exports take. The filters are
    saved in the library when the window closes or switches libraries, and restored when it opens.

    MainWindow provides the views and data declared here.
    """

    library: Library | None
    snapshot: Snapshot | None
    mask: np.ndarray
    spec: FilterSpec
    export_all: bool
    show_hidden: bool
    timeline: TimelineView
    event_model: EventTableModel
    filters: FilterPanel
    filters_dock: QDockWidget
    count_label: QLabel
    filter_label: QLabel
    clear_filters_button: QToolButton
    clear_filters_action: QAction
    _saved_filter: FilterSpec | None  # read from the library just opened, shown once it is read

    def apply_filters(self, spec: FilterSpec, refit: bool = False) -> None:
        """One FilterSpec for the table, the timeline and exports."""
        spec = replace(spec, show_hidden=self.show_hidden)
        self.spec = spec
        if self.snapshot is None:
            return
        index = self.snapshot.index
        shown_at_all = self._not_hidden()
        self.mask = index.mask(spec)
        self.event_model.set_mask(self.mask)
        # In country lanes, an event of several countries shows only in the lanes of the filter.
        self.timeline.set_visible_mask(self.mask, spec.countries or None)
        # Counts next to each country: how many events checking it would show. With "all", that is
        # among the events shown; with "any", among those the other filters keep.
        if spec.countries and spec.match == "any":
            counted = index.mask(replace(spec, countries=frozenset()))
        else:
            counted = self.mask
        self.filters.countries.update_counts(index.country_counts(counted))
        total = int(shown_at_all.sum())
        shown = int(self.mask.sum())
        self.count_label.setText(f"{shown:,} of {total:,} events shown" if total else "No events yet")
        description = spec.describe()
        self.filter_label.setText("" if spec.is_empty() and not spec.show_hidden else f"Filter: {description}")
        self.filter_label.setToolTip(description)
        self.clear_filters_button.setVisible(not spec.is_empty())
        if refit:
            self.fit_timeline()

    def fit_timeline(self) -> None:
        """Show the events in view; a few far older ones (a war "in the nineteenth century") do not
        squeeze all the others into a corner: they stay one Fit (Ctrl+0) or the overview away."""
        index = self.snapshot.index if self.snapshot is not None else None
        if index is None or self.mask.sum() < 10:
            self.timeline.fit_all()
            return
        starts, ends = index.start_day[self.mask], index.end_day[self.mask]
        placed = starts != MISSING_DAY
        if placed.sum() < 10:
            self.timeline.fit_all()
            return
        starts, ends = starts[placed], ends[placed]
        lo, hi = int(np.percentile(starts, 5)), int(ends.max())
        if int(ends.max()) - int(starts.min()) <= 3 * max(hi - lo, 1):
            self.timeline.fit_all()
            return
        pad = max(3, (hi - lo) // 20)
        self.timeline.zoom_to_date_range(days_to_date(lo - pad), days_to_date(hi + pad))

    def _on_filters_filters_changed(self, spec: FilterSpec) -> None:
        # Narrowing the events brings them into view, unless the dates follow the view itself.
        self.apply_filters(spec, refit=not self.filters.sync_check.isChecked())

    def _on_filters_sync_toggled(self, on: bool) -> None:
        if on:  # take the range on screen now, not at the next pan or zoom
            self.filters.set_view_range(*self.timeline.visible_range())

    def _not_hidden(self) -> np.ndarray:
        """True for the events the window shows at all: hidden ones only when asked."""
        hidden = self.snapshot.hidden() if self.snapshot is not None else np.zeros(0, dtype=bool)
        return np.ones(len(hidden), dtype=bool) if self.show_hidden else ~hidden

    def set_show_hidden(self, on: bool) -> None:
        """Show the events the user hid (marked grey), or leave them out again."""
        self.show_hidden = bool(on)
        self.apply_filters(self.spec)

    def filtered_events(self) -> pd.DataFrame:
        if self.snapshot is None:
            return frames.empty_events()
        events = self.snapshot.events
        return events[self._not_hidden()] if self.export_all else events[self.mask]

    def filtered_mentions(self) -> pd.DataFrame:
        if self.snapshot is None:
            return frames.empty_mentions()
        article_ids = frozenset() if self.export_all else self.spec.article_ids
        return self.snapshot.filtered_mentions(self.filtered_events(), article_ids)

    def _on_timeline_view_changed(self, start: dt.date, end: dt.date) -> None:
        self.filters.set_view_range(start, end)

    def _on_library_filter_requested(self, ids: list[int]) -> None:
        self.filters.set_article_ids(ids)
        self.filters_dock.show()

    # -- kept with the library -----------------------------------------------------------------

    def _read_saved_filter(self, library: Library) -> None:
        """Take the filters saved in a library just opened; they are shown once it has been read."""
        try:
            self._saved_filter = load_spec(library.setting(FILTER_SETTING))
        except TimelineError as e:
            log.warning("the saved filters of %s cannot be read: %s", library.path, e)
            self._saved_filter = FilterSpec()
        # The panel held the last library's filters: they must not leak into this one's lists.
        with QSignalBlocker(self.filters):
            self.filters.clear()

    def _restore_saved_filter(self, snapshot: Snapshot) -> None:
        """Show the saved filters in the panel (without what the library no longer has)."""
        saved, self._saved_filter = self._saved_filter, None
        if saved is None or saved.is_empty():
            return
        spec = known_only(saved, snapshot.index.countries, snapshot.type_counts, snapshot.organization_counts,
                          [int(i) for i in snapshot.articles["article_id"]], snapshot.precision_counts)
        if spec.is_empty():
            return
        with QSignalBlocker(self.filters):  # the caller applies the panel's spec once, for everything
            self.filters.set_spec(spec)
        self.filters_dock.raise_()
        for check_list in (self.filters.countries, self.filters.types, self.filters.organizations):
            check_list.scroll_to_checked()
        key = self.clear_filters_action.shortcut().toString()  # the filters themselves are on the right
        self.statusBar().showMessage(f"Filters of your last session restored; {key} clears them.", 15000)

    def _save_filter(self) -> None:
        """Keep the panel's filters in the library, for the next time it is opened."""
        if self.library is None or self._saved_filter is not None:
            return  # closed before the library was read: what it holds was never shown, it stays
        spec = self.filters.spec()
        if self.filters.sync_check.isChecked():
            spec = replace(spec, date_from=None, date_to=None)  # they follow the view: not a choice to keep
        text = dump_spec(spec)
        try:
            if self.library.setting(FILTER_SETTING) != text:  # an unchanged library file stays untouched
                self.library.set_setting(FILTER_SETTING, text)
        except TimelineError as e:
            log.warning("the filters could not be saved in %s: %s", self.library.path, e)
