"""ShownReads: what was last read from the library, and every view filled from it as each read arrives."""

from __future__ import annotations

import logging
from collections.abc import Callable

from timeline_app.core.library import frames
from timeline_app.core.library.snapshot import Snapshot
from timeline_app.gui.panels.articles import LibraryPanel
from timeline_app.gui.panels.event_table import EventTableModel
from timeline_app.gui.timeline import TimelineView
from timeline_app.gui.window.curation_actions import CurationActions
from timeline_app.gui.window.events_stack import READING_TEXT, EventsStack, why_empty
from timeline_app.gui.window.filters import WindowFilters
from timeline_app.gui.window.library_reads import LibraryReads
from timeline_app.gui.window.relations_link import RelationsLink
from timeline_app.gui.window.selection import SelectionSync
from timeline_app.gui.window.status import WindowStatusBar

log = logging.getLogger(__name__)


class ShownReads:
    """Holds `snapshot`, the library as last read, and fills the table, timeline, articles and status
    bar from each read that `reads` delivers: the events first, then their mentions and articles."""

    def __init__(self, reads: LibraryReads, event_model: EventTableModel, table_stack: EventsStack,
                 timeline: TimelineView, library_panel: LibraryPanel, status_bar: WindowStatusBar,
                 filtering: WindowFilters, selection: SelectionSync, curation: CurationActions,
                 relations_link: RelationsLink, events_shown: Callable[[], None]) -> None:
        self.reads = reads
        self.event_model = event_model
        self.table_stack = table_stack
        self.timeline = timeline
        self.library_panel = library_panel
        self.status_bar = status_bar
        self.filtering = filtering
        self.selection = selection
        self.curation = curation
        self.relations_link = relations_link
        self.events_shown = events_shown
        self.snapshot: Snapshot | None = None
        self.refit_on_load = True  # a new library, or its first events, are fitted; later reads keep the zoom
        reads.events_read.connect(self._on_reads_events_read)
        reads.mentions_read.connect(self._on_reads_mentions_read)

    def show_reading(self) -> None:
        """Another library: nothing of the last one is shown while this one is read."""
        self.snapshot = None
        self.refit_on_load = True
        self.reads.read_mentions_next(None)
        self.event_model.set_events(frames.empty_events())
        self.timeline.set_events(frames.empty_events())
        self.timeline.set_empty_text(READING_TEXT)
        self.library_panel.set_articles(frames.empty_articles())
        self.table_stack.label.setText(READING_TEXT)
        self.table_stack.setCurrentIndex(0)

    def show_while_empty(self, text: str | None) -> None:
        """`text` in the table's and the timeline's place while an import fills an empty library (None:
        why it is empty, again); a library with events shows them."""
        if self.snapshot is not None and why_empty(self.snapshot) is None:
            return
        text = text or (why_empty(self.snapshot) if self.snapshot is not None else READING_TEXT)
        self.table_stack.label.setText(text)
        self.timeline.set_empty_text(text)

    def show_table_or_why_not(self) -> None:
        """The table, or a sentence saying why there is nothing to show (after a read or a filter)."""
        if self.snapshot is not None:
            self.table_stack.show_snapshot(self.snapshot, self.event_model.rowCount(),
                                           not self.filtering.spec.is_empty())

    def _on_reads_events_read(self, snapshot: Snapshot) -> None:
        if self.reads.stale():
            return  # stale: another read follows at once
        keep_view = None
        if self.snapshot is not None and len(self.snapshot.events) and not self.refit_on_load:
            keep_view = self.timeline.visible_range()
        self.refit_on_load = False
        self.snapshot = snapshot
        self.event_model.set_country_names(snapshot.country_names)
        self.event_model.set_columns(snapshot.table)
        self.timeline.set_country_names(snapshot.country_names)
        self.timeline.set_columns(snapshot.events)
        self.timeline.set_empty_text(why_empty(snapshot))  # "No events loaded" said nothing of what to do
        if snapshot.complete:
            self._show_articles(snapshot)
        else:  # the articles come with the mentions; until then the last read's stay, or a count
            self.library_panel.show_reading(len(snapshot.article_ids))
        self.show_table_or_why_not()
        self.filtering.show_snapshot(snapshot, refit=keep_view is None)
        if keep_view is not None:
            self.timeline.zoom_to_date_range(*keep_view)
        self.selection.reselect()
        self.curation.refresh()
        self.reads.read_mentions_next(snapshot)
        self.events_shown()

    def _on_reads_mentions_read(self, snapshot: Snapshot) -> None:
        if self.reads.stale() or self.snapshot is None or snapshot.events is not self.snapshot.events:
            return  # stale: the library was read again meanwhile
        self.snapshot = snapshot
        self._show_articles(snapshot)
        self.selection.reselect()  # an event selected meanwhile now shows its article
        self.curation.refresh()
        self.relations_link.mentions_read()

    def _show_articles(self, snapshot: Snapshot) -> None:
        self.library_panel.set_articles(snapshot.articles)
        self.status_bar.show_needs_date(len(self.library_panel.needs_date_ids()))
