"""EventHistory: the Edit history dock's view of the selected event, its merges named by the events they point at."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pandas as pd

from timeline_app.core.library import columns as col
from timeline_app.core.library.snapshot import Snapshot
from timeline_app.core.library.store import Library
from timeline_app.errors import TimelineError
from timeline_app.gui.panels.history import EditHistoryView
from timeline_app.gui.window.curation_dialogs import known_names

log = logging.getLogger(__name__)


class EventHistory:
    """Holds the history view and fills it for the selection."""

    def __init__(self, library: Callable[[], Library | None], snapshot: Callable[[], Snapshot | None]) -> None:
        self._library = library
        self._snapshot = snapshot
        self.view = EditHistoryView()

    def show(self, rows: pd.DataFrame) -> None:
        """The history of the one selected event (`rows`: the selected events' rows), or why there is none."""
        library = self._library()
        if library is None or len(rows) != 1:
            self.view.show_placeholder(
                "Select one event to see what was changed in it." if len(rows) > 1 else
                "Select an event to see what was changed in it.")
            return
        event = rows.iloc[0]
        snapshot = self._snapshot()
        keys = [str(event[col.EVENT_KEY])]
        if snapshot is not None:
            mine = snapshot.event_mentions(str(event[col.EVENT_ID]))
            keys = list(dict.fromkeys(keys + [str(k) for k in mine[col.MENTION_KEY]]))
        try:
            edits = library.edits_frame(keys)
        except TimelineError as e:
            self.view.show_placeholder(str(e))
            return
        # Merges name the event they point at by one of its mentions: label those by its summary.
        groups = edits[edits[col.FIELD] == "group"]
        pointed = set(groups[col.OLD_VALUE]) | set(groups[col.NEW_VALUE])
        labels: dict[str, str] = {}
        if pointed and snapshot is not None:
            # Each named by the summary of the event its mention is part of now.
            found = {str(k): snapshot.event_of_key(str(k)) for k in pointed}
            summaries = snapshot.event_rows([e for e in found.values() if e])
            summary_of = dict(zip(summaries[col.EVENT_ID], summaries[col.SUMMARY].astype(str)))
            labels = {k: summary_of[e] for k, e in found.items() if e in summary_of}
        state = [f for f, on in (("Verified", event[col.VERIFIED]), ("Hidden", event[col.HIDDEN])) if bool(on)]
        origin = str(event[col.ORIGIN])
        state.append({"extracted": "As extracted", "manual": "Added by hand"}.get(
            origin, origin.capitalize().replace("event_type", "event type").replace("organizations", "organisations")))
        self.view.set_country_names(known_names()[0])
        self.view.show_history(str(event[col.SUMMARY]) or str(event[col.EVENT_DATE]), edits, labels, " · ".join(state))
