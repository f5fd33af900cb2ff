"""One selected event across the table, the timeline and the reader, and the reader's article."""

from __future__ import annotations

import datetime as dt
import logging

import pandas as pd
from PySide6.QtWidgets import QDockWidget, QMenu

from timeline_app.core.library.store import Library
from timeline_app.errors import TimelineError
from timeline_app.gui.panels.reader import ArticleView, Focus
from timeline_app.gui.window.curation_actions import CurationActions, Evidence, evidence_from_reader
from timeline_app.gui.panels.event_table import EventTableModel, EventTableView
from timeline_app.core.library.snapshot import Snapshot
from timeline_app.gui.timeline.view import TimelineView
from timeline_app.gui.window.mixin import WindowMixin

log = logging.getLogger(__name__)


class SelectionSyncMixin(WindowMixin):
    """Selecting an event anywhere selects it everywhere and shows its article and sentence.

    MainWindow provides the views and data declared here.
    """

    library: Library | None
    snapshot: Snapshot | None
    timeline: TimelineView
    event_model: EventTableModel
    table: EventTableView
    reader: ArticleView
    curation: CurationActions
    reader_dock: QDockWidget
    timeline_dock: QDockWidget
    _selected_event: str

    def select_event(self, event_id: str) -> None:
        """Select an event everywhere: table row, timeline item, and its article in the reader."""
        self._select_event(event_id, from_table=False, from_timeline=False)

    def _select_event(self, event_id: str, from_table: bool, from_timeline: bool) -> None:
        self._selected_event = event_id
        if not from_table:
            self.table.select_event(event_id)
        if not from_timeline:
            self.timeline.select_event(event_id)
        self._show_event_article(event_id)

    def selected_event_ids(self) -> list[str]:
        """The events selected in the table, the current one first."""
        ids = [self.event_model.event_id(r) for r in self.table.selected_rows()]
        current = self.table.current_event_id() or self._selected_event
        if current and current in ids:
            ids.remove(current)
            ids.insert(0, current)
        elif current and not ids and self.event_model.row_of(current) >= 0:
            ids = [current]
        return ids

    def table_context_menu(self, event_id: str) -> QMenu:
        """The context menu of an event in the table (the caller shows or deletes it)."""
        return self.table.context_menu(event_id)

    def _on_table_selection_changed(self, *_args: object) -> None:
        self.curation.refresh()

    def _reader_evidence(self) -> Evidence | None:
        article = self.reader.article
        if article is None:
            return None
        return evidence_from_reader(self.reader.text, self.reader.article_id, article.text, article.title)

    def _on_table_current_event_changed(self, event_id: str) -> None:
        if event_id != self._selected_event:
            self._select_event(event_id, from_table=True, from_timeline=False)

    def _on_timeline_event_selected(self, event_id: str) -> None:
        if event_id != self._selected_event:
            self._select_event(event_id, from_table=False, from_timeline=True)

    def _on_timeline_event_activated(self, event_id: str) -> None:
        self._on_timeline_event_selected(event_id)
        self.reader_dock.show()
        self.reader_dock.raise_()

    def _event_mention(self, event_id: str, article_id: int | None = None) -> pd.Series | None:
        """The mention an event is shown by: from `article_id`, else from the reader's article if it
        has one, else the first."""
        if self.snapshot is None:
            return None
        mentions = self.snapshot.event_mentions(event_id)
        if mentions.empty:
            return None
        preferred = article_id if article_id is not None else self.reader.article_id
        if preferred is not None:
            same = mentions[mentions["article_id"] == preferred]
            if len(same):
                return same.iloc[0]
        return mentions.iloc[0]

    def _show_event_article(self, event_id: str, article_id: int | None = None) -> None:
        """Show the article of an event (`article_id`'s report of it, if given) with its sentence."""
        mention = self._event_mention(event_id, article_id)
        if mention is None or self.library is None:
            return
        if int(mention["article_id"]) == 0:  # added by hand without an article: nothing to read
            self.reader.show_placeholder("This event was added by hand; it comes from no article.")
            return
        try:
            article = self.library.article(int(mention["article_id"]))
        except TimelineError as e:
            self.statusBar().showMessage(str(e), 8000)
            return
        focus = Focus(int(mention["evidence_start"]), int(mention["evidence_end"]),
                      int(mention["char_start"]), int(mention["char_end"]))
        self.reader.show_article(int(mention["article_id"]), article, focus)
        others = self.snapshot.event_mentions(event_id).drop_duplicates("article_id")  # type: ignore[union-attr]
        others = others[others["article_id"] != int(mention["article_id"])]
        self.reader.set_other_sources([(int(a), str(t)) for a, t in zip(others["article_id"], others["article_title"])])

    def _on_reader_source_requested(self, article_id: int) -> None:
        if self._selected_event:
            self._show_event_article(self._selected_event, article_id)

    def _on_table_article_requested(self, event_id: str) -> None:
        self._select_event(event_id, from_table=True, from_timeline=False)
        self.reader_dock.show()
        self.reader_dock.raise_()

    def _on_table_zoom_requested(self, event_id: str) -> None:
        self.zoom_to_event(event_id)

    def zoom_to_event(self, event_id: str) -> None:
        if self.snapshot is None or not event_id:
            return
        rows = self.snapshot.events.index[self.snapshot.events["event_id"] == event_id]
        if not len(rows):
            return
        event = self.snapshot.events.loc[rows[0]]
        start, end = iso_date(event["date_start"]), iso_date(event["date_end"])
        if start is None or end is None:
            self.timeline.select_event(event_id)
            return
        pad = max(dt.timedelta(days=3), (end - start) / 4)
        self.timeline.zoom_to_date_range(start - pad, end + pad)
        self.timeline.select_event(event_id)
        self.timeline_dock.show()

    def _on_zoom_event_triggered(self) -> None:
        self.zoom_to_event(self._selected_event)

    def _on_library_article_activated(self, article_id: int) -> None:
        if self.library is None:
            return
        try:
            article = self.library.article(article_id)
        except TimelineError as e:
            self.statusBar().showMessage(str(e), 8000)
            return
        self.reader.show_article(article_id, article, None)

    def _on_reader_date_clicked(self, article_id: int, offset: int) -> None:
        """A date clicked in the reader: select the event it belongs to, if it made one."""
        if self.snapshot is None:
            return
        m = self.snapshot.mentions
        hit = m[(m["article_id"] == article_id) & (m["char_start"] <= offset) & (m["char_end"] > offset)]
        if hit.empty:
            self.statusBar().showMessage("This date is not an event on the timeline (no statement to place, "
                                         "or not a date that can be placed).", 6000)
            return
        event_id = str(hit["event_id"].iloc[0])
        if not self.table.select_event(event_id):
            self.statusBar().showMessage("That event is hidden by the filters.", 6000)
        self._selected_event = event_id
        self.timeline.select_event(event_id)
        self._show_event_article(event_id)


def iso_date(value: object) -> dt.date | None:
    """An ISO date string as a date; None for what Python's date cannot hold (years before 1)."""
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None
