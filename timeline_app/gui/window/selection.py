"""One selected event across the table, the timeline and the reader, and the reader's article."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

import numpy as np
import pandas as pd
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from timeline_app.core.library import columns as col
from timeline_app.core.daycount import MISSING_DAY, date_to_days, days_to_date
from timeline_app.core.library.snapshot import Snapshot
from timeline_app.core.library.store import Library
from timeline_app.errors import TimelineError
from timeline_app.gui.panels.event_table import EventTableModel
from timeline_app.gui.panels.event_table_view import EventTableView
from timeline_app.gui.panels.reader import ArticleView, Focus
from timeline_app.gui.panels.reader_marks import stored_marks
from timeline_app.gui.timeline import TimelineView

log = logging.getLogger(__name__)

_FIRST_DATE = date_to_days(dt.date.min)  # the first day a date (and the view's zoom by dates) can hold


class SelectionSync(QObject):
    """Selecting an event anywhere selects it everywhere and shows its article and sentence.

    Given the views it keeps in step, the library and what was read from it, a way to say something
    in the status bar, and ways to bring the reader and the timeline forward. Emits
    `event_selected(event_id)` whichever view the selection came from, and `event_article_shown`
    with the article the reader then shows (for the Articles panel to mark).
    """

    event_selected = Signal(str)
    event_article_shown = Signal(int)  # the reader shows this article for the selected event

    def __init__(self, table: EventTableView, event_model: EventTableModel, timeline: TimelineView,
                 reader: ArticleView, library: Callable[[], Library | None],
                 snapshot: Callable[[], Snapshot | None], show_status: Callable[[str, int], None],
                 show_reader: Callable[[], None], show_timeline: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self._event_model = event_model
        self._timeline = timeline
        self._reader = reader
        self._library = library
        self._snapshot = snapshot
        self._show_status = show_status
        self._show_reader = show_reader
        self._show_timeline = show_timeline
        self.selected_event = ""
        self._needs_event: list[QAction] = []  # actions that act on the selected event
        table.current_event_changed.connect(self._on_table_current_event_changed)
        table.article_requested.connect(self._on_table_article_requested)
        table.zoom_requested.connect(self.zoom_to_event)
        timeline.event_selected.connect(self._on_timeline_event_selected)
        timeline.event_activated.connect(self._on_timeline_event_activated)
        reader.date_clicked.connect(self._on_reader_date_clicked)
        reader.source_requested.connect(self._on_reader_source_requested)

    def select_event(self, event_id: str) -> None:
        """Select an event everywhere: table row, timeline item, and its article in the reader."""
        self._select(event_id, from_table=False, from_timeline=False)

    def enable_with_selection(self, action: QAction) -> None:
        """Keep `action`, one that acts on the selected event, enabled only while an event is selected."""
        self._needs_event.append(action)
        action.setEnabled(bool(self.selected_event))

    def _set_selected(self, event_id: str) -> None:
        self.selected_event = event_id
        for action in self._needs_event:
            action.setEnabled(bool(event_id))

    def _select(self, event_id: str, from_table: bool, from_timeline: bool) -> None:
        self._set_selected(event_id)
        if not from_table:
            self._table.select_event(event_id)
        if not from_timeline:
            self._timeline.select_event(event_id)
        self._show_event_article(event_id)
        self.event_selected.emit(event_id)

    def reselect(self) -> None:
        """The library was read again: select the same event in the new views if they still show it.

        An event no longer shown (hidden, deleted, filtered out) is no longer selected: the actions on
        the selected event would act on something the user cannot see, and the reader would keep its
        sentence marked. The reader keeps the article, without the mark.
        """
        if not self.selected_event:
            return
        if self._event_model.row_of(self.selected_event) >= 0:
            self.select_event(self.selected_event)
            return
        self._set_selected("")
        self._table.select_event("")
        self._timeline.select_event(None)
        self._reader.set_focus(None)
        self.event_selected.emit("")

    def clear(self) -> None:
        """Another library: nothing selected, nothing in the reader."""
        self._set_selected("")
        self._reader.show_placeholder()

    def selected_event_ids(self) -> list[str]:
        """The events selected in the table, the current one first."""
        ids = [self._event_model.event_id(r) for r in self._table.selected_rows()]
        current = self._table.current_event_id() or self.selected_event
        if current and current in ids:
            ids.remove(current)
            ids.insert(0, current)
        elif current and not ids and self._event_model.row_of(current) >= 0:
            ids = [current]
        return ids

    def _on_table_current_event_changed(self, event_id: str) -> None:
        if event_id != self.selected_event:
            self._select(event_id, from_table=True, from_timeline=False)

    def _on_timeline_event_selected(self, event_id: str) -> None:
        if event_id != self.selected_event:
            self._select(event_id, from_table=False, from_timeline=True)

    def _on_timeline_event_activated(self, event_id: str) -> None:
        self._on_timeline_event_selected(event_id)
        self._show_reader()

    def _on_table_article_requested(self, event_id: str) -> None:
        self._select(event_id, from_table=True, from_timeline=False)
        self._show_reader()

    # -- the reader ----------------------------------------------------------------------------

    def event_mention(self, event_id: str, article_id: int | None = None) -> pd.Series | None:
        """The mention an event is shown by: from `article_id`, else from the reader's article if it
        has one, else the first."""
        snapshot = self._snapshot()
        if snapshot is None:
            return None
        mentions = snapshot.event_mentions(event_id)
        if mentions.empty:
            return None
        # The mention its summary and date come from before the others: the first in the text was
        # emphasised, another sentence than the summary the table shows for a merged event.
        key = snapshot.events.text[col.EVENT_KEY][snapshot.events.row_of()[event_id]]
        mentions = mentions.iloc[np.argsort(mentions[col.MENTION_KEY].to_numpy() != key, kind="stable")]
        preferred = article_id if article_id is not None else self._reader.article_id
        if preferred is not None:
            same = mentions[mentions[col.ARTICLE_ID] == preferred]
            if len(same):
                return same.iloc[0]
        return mentions.iloc[0]

    def _show_event_article(self, event_id: str, article_id: int | None = None) -> None:
        """Show the article of an event (`article_id`'s report of it, if given) with its sentence."""
        mention = self.event_mention(event_id, article_id)
        snapshot = self._snapshot()
        if mention is None or snapshot is None or self._library() is None:
            return
        if int(mention[col.ARTICLE_ID]) == 0:  # added by hand without an article: nothing to read
            self._reader.show_placeholder("This event was added by hand; it comes from no article.")
            return
        focus = Focus(int(mention[col.EVIDENCE_START]), int(mention[col.EVIDENCE_END]),
                      int(mention[col.CHAR_START]), int(mention[col.CHAR_END]))
        if not self.show_article(int(mention[col.ARTICLE_ID]), focus):
            return
        self.event_article_shown.emit(int(mention[col.ARTICLE_ID]))
        others = snapshot.event_mentions(event_id).drop_duplicates("article_id")
        others = others[others[col.ARTICLE_ID] != int(mention[col.ARTICLE_ID])]
        self._reader.set_other_sources([(int(a), str(t)) for a, t in zip(others[col.ARTICLE_ID], others[col.ARTICLE_TITLE])])

    def show_article(self, article_id: int, focus: Focus | None = None) -> bool:
        """Show an article in the reader as the library holds it; False (said in the status bar) if it cannot."""
        library = self._library()
        if library is None:
            return False
        try:
            article, marks = stored_marks(library, article_id)
        except TimelineError as e:
            self._show_status(str(e), 8000)
            return False
        self._reader.show_article(article_id, article, marks, focus)
        return True

    def forget_articles(self, article_ids: list[int]) -> None:
        """These articles were removed: the reader does not keep showing one of them."""
        if self._reader.article_id in article_ids:
            self._reader.show_placeholder()

    def _on_reader_source_requested(self, article_id: int) -> None:
        if self.selected_event:
            self._show_event_article(self.selected_event, article_id)

    def _on_reader_date_clicked(self, article_id: int, offset: int) -> None:
        """A date clicked in the reader: select the event it belongs to, if it made one."""
        snapshot = self._snapshot()
        if snapshot is None:
            return
        if snapshot.mentions is None:
            self._show_status("The library's dates are still being read: click again in a moment.", 6000)
            return
        event_id = snapshot.event_at(article_id, offset)
        if not event_id:
            self._show_status("This date is not an event on the timeline (no statement to place, "
                              "or not a date that can be placed).", 6000)
            return
        if not self._table.select_event(event_id):
            self._show_status("That event is hidden by the filters.", 6000)
        self._select_in_article(event_id, article_id)

    def _select_in_article(self, event_id: str, article_id: int) -> None:
        """Select an event the table already shows, reading it in `article_id` (the article the user chose)."""
        self._set_selected(event_id)
        self._timeline.select_event(event_id)
        self._show_event_article(event_id, article_id)
        self.event_selected.emit(event_id)

    def choose_article(self, article_id: int) -> None:
        """An article chosen in the Articles panel: read it at the selected event's sentence if it
        reports that event, else at its first event the table shows, else from its start."""
        snapshot = self._snapshot()
        events = snapshot.article_event_ids(article_id) if snapshot is not None else []
        shown = [e for e in events if self._event_model.row_of(e) >= 0]
        if self.selected_event in shown:
            self._show_event_article(self.selected_event, article_id)
        elif shown:
            self._table.select_event(shown[0])
            self._select_in_article(shown[0], article_id)
        else:
            self.show_article(article_id)
        if len(events) > len(shown):
            self._show_status(f"{len(events) - len(shown)} of this article's {len(events)} events are "
                              "hidden by the filters.", 6000)

    # -- the timeline --------------------------------------------------------------------------

    def zoom_to_event(self, event_id: str) -> None:
        """Zoom the timeline to an event, with some room on either side, and select it there."""
        snapshot = self._snapshot()
        if snapshot is None or not event_id:
            return
        row = snapshot.events.row_of().get(event_id)
        if row is None:
            return
        start, end = int(snapshot.events.start_day[row]), int(snapshot.events.end_day[row])
        if start < _FIRST_DATE or end == MISSING_DAY:  # before year 1: the view cannot zoom to it by date
            self._timeline.select_event(event_id)
            return
        pad = max(3, (end - start) // 4)
        self._timeline.zoom_to_date_range(days_to_date(start - pad), days_to_date(end + pad))
        self._timeline.select_event(event_id)
        self._show_timeline()

    def zoom_to_selected(self) -> None:
        self.zoom_to_event(self.selected_event)
