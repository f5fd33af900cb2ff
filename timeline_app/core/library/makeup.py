"""What an event is made of now: the machine groups merged into it, and the events the user deleted."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from timeline_app.core.library import columns as col
from timeline_app.core.library.curation import EDIT_DELETED, EDIT_GROUP, TRUE, apply_edits, regroup, report_of
from timeline_app.core.library.frames import empty_events, events_from_mentions
from timeline_app.core.library.store import Library
from timeline_app.errors import LibraryError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MachineGroup:
    """One event as the extractor grouped it: its id and the key of one of its mentions."""

    group_id: str
    key: str


@dataclass(frozen=True)
class EventMakeup:
    """The machine groups an event is made of now; `anchor` is the group whose id the event carries."""

    anchor: MachineGroup
    others: tuple[MachineGroup, ...]


def event_makeup(library: Library, keys: Sequence[str]) -> dict[str, EventMakeup]:
    """The machine groups of the events holding each key (after every merge and split so far).

    Merges move whole events and splits give one machine group back its own event (see
    curation.regroup), so taking a merge back needs every group the moved event was made of.
    """
    machine = library.mentions_frame()
    edits = library.edits_frame()
    machine["machine_id"] = regroup(machine, edits[edits[col.FIELD] == EDIT_GROUP].sort_values(col.EDIT_ID))[1]
    current = apply_edits(machine, edits)
    out: dict[str, EventMakeup] = {}
    for key in keys:
        rows = current[current[col.MENTION_KEY] == key]
        if rows.empty:
            raise LibraryError("This event is no longer in the library (it may have been deleted or "
                               "re-extracted); reload the library and try again.")
        event_id = str(rows[col.EVENT_ID].iloc[0])
        members = current[current[col.EVENT_ID] == event_id].drop_duplicates("machine_id")
        groups = [MachineGroup(str(m), str(k)) for m, k in zip(members["machine_id"], members[col.MENTION_KEY])]
        anchor = next((g for g in groups if g.group_id == event_id), groups[0])
        out[key] = EventMakeup(anchor, tuple(g for g in groups if g is not anchor))
    return out


def other_report(library: Library, key: str) -> str:
    """A mention key of another report (another article) of the event holding `key`, "" if it has
    none: what a report split off is merged back into on Undo."""
    current = apply_edits(library.mentions_frame(), library.edits_frame())
    rows = current[current[col.MENTION_KEY] == key]
    if rows.empty:
        raise LibraryError("This event is no longer in the library (it may have been deleted or "
                           "re-extracted); reload the library and try again.")
    event = current[current[col.EVENT_ID] == rows[col.EVENT_ID].iloc[0]]
    others = [k for k in event[col.MENTION_KEY].astype(str) if report_of(k) != report_of(key)]
    return others[0] if others else ""


def deleted_events(library: Library) -> pd.DataFrame:
    """The events the user deleted, as they were (events frame columns), newest deletion first."""
    edits = library.edits_frame()
    if not (edits[col.FIELD] == EDIT_DELETED).any():
        return empty_events()
    mentions = library.mentions_frame()
    shown = set(apply_edits(mentions, edits)[col.EVENT_ID])
    everything = apply_edits(mentions, edits[edits[col.FIELD] != EDIT_DELETED])
    gone = everything[~everything[col.EVENT_ID].isin(shown)]
    events = events_from_mentions(gone)
    # Newest deletion first: the order of the last deleted edit among each event's mentions.
    deletions = edits[(edits[col.FIELD] == EDIT_DELETED) & (edits[col.NEW_VALUE] == TRUE)]
    last = dict(zip(deletions[col.EVENT_KEY], deletions[col.EDIT_ID]))
    order = gone.assign(_edit=gone[col.MENTION_KEY].map(last).fillna(0)).groupby(col.EVENT_ID)["_edit"].max()
    events["_edit"] = events[col.EVENT_ID].map(order).fillna(0)
    return events.sort_values("_edit", ascending=False, kind="stable").drop(columns="_edit").reset_index(drop=True)
