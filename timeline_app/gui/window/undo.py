"""Undoable curation: every correction, and every removal of articles, is a QUndoCommand on the library."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication

from timeline_app.core.library import columns as col
from timeline_app.core.library.curation import (EDIT_COUNTRIES, EDIT_DATE, EDIT_DELETED, EDIT_EVENT_TYPE, EDIT_GROUP,
                                                 EDIT_HIDDEN, EDIT_NOTE, EDIT_ORGANIZATIONS, EDIT_SUMMARY,
                                                 EDIT_VERIFIED, TRUE)
from timeline_app.core.library.makeup import event_makeup, other_report
from timeline_app.core.library.removal import RemovedArticles
from timeline_app.core.library.store import Library
from timeline_app.errors import LibraryError, TimelineError

log = logging.getLogger(__name__)

FALSE = "0"
MAX_TEXT = 40  # characters of an event's summary in an undo text ("Undo edit of 'Turkey and…'")
FIELD_LABELS = {
    EDIT_DATE: "date",
    EDIT_COUNTRIES: "countries",
    EDIT_ORGANIZATIONS: "organisations",
    EDIT_EVENT_TYPE: "event type",
    EDIT_SUMMARY: "summary",
    EDIT_VERIFIED: "verified",
    EDIT_HIDDEN: "hidden",
    EDIT_DELETED: "deleted",
    EDIT_GROUP: "merge",
    EDIT_NOTE: "note",
}


@dataclass(frozen=True)
class Edit:
    """One row of the library's edit history: `field` of the event holding `event_key` set to `new_value`."""

    event_key: str
    field: str
    old_value: str
    new_value: str

    def reversed(self) -> Edit:
        return Edit(self.event_key, self.field, self.new_value, self.old_value)


@dataclass(frozen=True)
class Step:
    """The edits of one event within a command: `forward` does it, `backward` takes it back."""

    forward: tuple[Edit, ...]
    backward: tuple[Edit, ...]

    @classmethod
    def of(cls, edits: Iterable[Edit]) -> Step:
        """A step whose undo is each edit reversed (old and new swapped), last first."""
        forward = tuple(edits)
        return cls(forward, tuple(e.reversed() for e in reversed(forward)))


@dataclass(frozen=True)
class EventRef:
    """What a command needs to know of an event shown in the window."""

    event_key: str  # the key of one of its mentions; edits aim at the event through it
    summary: str

    @classmethod
    def from_row(cls, row: Mapping[str, object] | pd.Series) -> EventRef:
        return cls(str(row[col.EVENT_KEY]), str(row.get(col.SUMMARY, "") or ""))

    def label(self) -> str:
        text = " ".join(self.summary.split()) or self.event_key
        return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rstrip() + "…"


class CurationCommand(QUndoCommand):
    """Writes its steps' edits on redo and takes them back on undo, then asks the window to reload.

    A write that fails leaves the library as it was before the attempt (all edits of a change are
    written in one transaction) and makes the command obsolete, so QUndoStack drops it; the error
    goes to `on_failed`.
    """

    def __init__(self, text: str, library: Callable[[], Library], steps: Sequence[Step],
                 on_changed: Callable[[], None], on_failed: Callable[[TimelineError], None]) -> None:
        super().__init__(text)
        self._library = library
        self.steps = list(steps)
        self._on_changed = on_changed
        self._on_failed = on_failed

    def redo(self) -> None:
        self._run([s.forward for s in self.steps])

    def undo(self) -> None:
        self._run([s.backward for s in reversed(self.steps)])

    def _run(self, plan: list[tuple[Edit, ...]]) -> None:
        try:
            # One transaction for the whole change: a failed write leaves nothing half done.
            self._library().add_edits([(e.event_key, e.field, e.old_value, e.new_value)
                                       for edits in plan for e in edits])
        except TimelineError as e:
            self.setObsolete(True)
            self._on_failed(e)
        self._on_changed()


class AddEventCommand(CurationCommand):
    """Creates an event by hand on its first redo; undo deletes it, redo restores it."""

    def __init__(self, library: Callable[[], Library], article_id: int | None, evidence: str,
                 evidence_start: int, evidence_end: int, note: str, values: Mapping[str, str],
                 on_changed: Callable[[], None], on_failed: Callable[[TimelineError], None]) -> None:
        what = values.get(col.SUMMARY) or note or "event"
        super().__init__(f"add event '{EventRef('', what).label()}'", library, [], on_changed, on_failed)
        self._manual = (article_id, evidence, evidence_start, evidence_end, note)
        self._values = dict(values)
        self.event_key = ""

    def redo(self) -> None:
        if self.event_key:  # redone after an undo: bring the event back
            super().redo()
            return
        try:
            library = self._library()
            self.event_key = library.add_manual_event(*self._manual)
        except TimelineError as e:
            self.setObsolete(True)
            self._on_failed(e)
            self._on_changed()
            return
        key = self.event_key
        values = tuple(Edit(key, f, "", v) for f, v in self._values.items() if v)
        delete = (Edit(key, "deleted", FALSE, TRUE),)
        self.steps = [Step((Edit(key, "deleted", TRUE, FALSE),), delete)]
        try:
            library.add_edits([(e.event_key, e.field, e.old_value, e.new_value) for e in values])
        except TimelineError as e:
            try:  # no blank event left behind
                library.add_edits([(e.event_key, e.field, e.old_value, e.new_value) for e in delete])
            except TimelineError as again:
                log.error("could not remove the blank event %s: %s", key, again)
            self.setObsolete(True)
            self._on_failed(e)
        self._on_changed()


class RemoveArticlesCommand(QUndoCommand):
    """Takes articles out of the library on redo; undo puts them back as they were, with their
    mentions (not extracted again), so the user's edits of their events apply again."""

    def __init__(self, text: str, library: Callable[[], Library], article_ids: Sequence[int],
                 on_changed: Callable[[], None], on_failed: Callable[[TimelineError], None]) -> None:
        super().__init__(text)
        self._library = library
        self.article_ids = [int(i) for i in article_ids]
        self._removed: RemovedArticles | None = None
        self._on_changed = on_changed
        self._on_failed = on_failed

    def redo(self) -> None:
        try:
            self._removed = self._library().take_out_articles(self.article_ids)
        except TimelineError as e:
            self.setObsolete(True)
            self._on_failed(e)
        self._on_changed()

    def undo(self) -> None:
        removed = self._removed
        if removed is None:
            return
        try:
            placed = self._library().put_back_articles(removed)
        except TimelineError as e:
            self.setObsolete(True)
            self._on_failed(e)
        else:
            # An article whose id was taken meanwhile came back under another: redo removes that one.
            self.article_ids = [placed.get(i, i) for i in self.article_ids]
            self._removed = None
        self._on_changed()


class Curator:
    """Builds curation commands and pushes them on a QUndoStack; errors come back as TimelineError.

    `library` gives the window's open library; `on_changed` is called after every write (the window
    reloads). Undo and redo go through `undo()` and `redo()` so a failed write reaches the caller.
    """

    def __init__(self, stack: QUndoStack, library: Callable[[], Library | None],
                 on_changed: Callable[[], None]) -> None:
        self.stack = stack
        self._get_library = library
        self._on_changed = on_changed
        self._error: TimelineError | None = None

    # -- plumbing ------------------------------------------------------------------------------

    def _library(self) -> Library:
        library = self._get_library()
        if library is None:
            raise LibraryError("No library is open.")
        return library

    def _on_failed(self, error: TimelineError) -> None:
        self._error = error

    def _command(self, text: str, steps: Sequence[Step]) -> CurationCommand:
        return CurationCommand(text, self._library, steps, self._on_changed, self._on_failed)

    def _push(self, command: QUndoCommand) -> None:
        self._library()  # no library: fail before anything is pushed
        self._error = None
        self.stack.push(command)
        self._raise()

    def _raise(self) -> None:
        error, self._error = self._error, None
        if error is not None:
            raise error

    def undo(self) -> None:
        self._error = None
        self.stack.undo()
        self._raise()

    def redo(self) -> None:
        self._error = None
        self.stack.redo()
        self._raise()

    # -- the actions ---------------------------------------------------------------------------

    def edit_event(self, event: EventRef, changes: Mapping[str, tuple[str, str]]) -> bool:
        """Write the changed fields ({field: (old, new)}) as one undoable step; False if none changed."""
        edits = [Edit(event.event_key, f, old, new) for f, (old, new) in changes.items() if old != new]
        if not edits:
            return False
        fields = ", ".join(FIELD_LABELS.get(e.field, e.field) for e in edits)
        self._push(self._command(f"edit {fields} of '{event.label()}'", [Step.of(edits)]))
        return True

    def set_flag(self, events: Sequence[tuple[EventRef, bool]], field: str, value: bool) -> bool:
        """Set verified, hidden or deleted on events given with their current value; False if none change."""
        if field not in (EDIT_VERIFIED, EDIT_HIDDEN, EDIT_DELETED):
            raise ValueError(f"{field!r} is not a flag")
        new, old = (TRUE, FALSE) if value else (FALSE, TRUE)
        steps = [Step.of([Edit(ev.event_key, field, old, new)]) for ev, current in events if current != value]
        if not steps:
            return False
        verb = {(EDIT_VERIFIED, True): "mark verified", (EDIT_VERIFIED, False): "mark unverified",
                (EDIT_HIDDEN, True): "hide", (EDIT_HIDDEN, False): "show",
                (EDIT_DELETED, True): "delete", (EDIT_DELETED, False): "restore"}[(field, value)]
        changed = [ev for ev, current in events if current != value]
        self._push(self._command(f"{verb} {_what(changed)}", steps))
        return True

    def merge(self, events: Sequence[EventRef]) -> bool:
        """Merge events into the first one (their sources combined); False with fewer than two."""
        if len(events) < 2:
            return False
        anchor = events[0]
        with wait_cursor():
            makeup = event_makeup(self._library(), [e.event_key for e in events])
        target = makeup[anchor.event_key].anchor
        steps = []
        seen = {target.group_id}
        for ev in events[1:]:
            parts = makeup[ev.event_key]
            if parts.anchor.group_id in seen:
                continue  # the same event selected twice (two keys of one event)
            seen.add(parts.anchor.group_id)
            merge = Edit(parts.anchor.key, "group", "", target.key)
            # Back: every machine group of the moved event gets its own event again, then they are
            # put together again under the group the event was known by.
            back = [Edit(g.key, "group", target.key, "") for g in (parts.anchor, *parts.others)]
            back += [Edit(g.key, "group", "", parts.anchor.key) for g in parts.others]
            steps.append(Step((merge,), tuple(back)))
        if not steps:
            return False
        self._push(self._command(f"merge {len(steps) + 1} events into '{anchor.label()}'", steps))
        return True

    def can_split(self, event: EventRef) -> bool:
        with wait_cursor():
            return bool(event_makeup(self._library(), [event.event_key])[event.event_key].others)

    def split(self, event: EventRef) -> bool:
        """Give every machine group of a merged event its own event again; False if it is not merged."""
        with wait_cursor():
            parts = event_makeup(self._library(), [event.event_key])[event.event_key]
        if not parts.others:
            return False
        steps = [Step.of([Edit(g.key, "group", parts.anchor.key, "")]) for g in parts.others]
        self._push(self._command(f"split '{event.label()}' into {len(steps) + 1} events", steps))
        return True

    def split_report(self, event: EventRef, key: str, source: str) -> bool:
        """Make the report holding `key` (its article's mentions of the event) an event of its own;
        False when the event has no other report. Undo merges it back."""
        with wait_cursor():
            anchor = other_report(self._library(), key)
        if not anchor:
            return False
        step = Step((Edit(key, "group", anchor, key),), (Edit(key, "group", "", anchor),))
        self._push(self._command(f"split the report of '{EventRef('', source).label()}' off '{event.label()}'",
                                 [step]))
        return True

    def remove_articles(self, article_ids: Sequence[int]) -> int:
        """Remove articles and their events as one undoable step; returns how many."""
        ids = list(dict.fromkeys(int(i) for i in article_ids))
        if not ids:
            return 0
        if len(ids) == 1:  # the title as AddEventCommand shows a summary: shortened
            text = f"remove article '{EventRef('', self._library().article(ids[0]).title).label()}'"
        else:
            text = f"remove {len(ids)} articles"
        self._push(RemoveArticlesCommand(text, self._library, ids, self._on_changed, self._on_failed))
        return len(ids)

    def add_event(self, values: Mapping[str, str], article_id: int | None = None, evidence: str = "",
                  evidence_start: int = 0, evidence_end: int = 0, note: str = "") -> str:
        """Add an event by hand with its values ({field: value}); returns its key."""
        command = AddEventCommand(self._library, article_id, evidence, evidence_start, evidence_end, note,
                                  values, self._on_changed, self._on_failed)
        self._push(command)
        return command.event_key


def _what(events: Sequence[EventRef]) -> str:
    return f"'{events[0].label()}'" if len(events) == 1 else f"{len(events)} events"


@contextmanager
def wait_cursor() -> Iterator[None]:
    """The wait cursor while the library is read on the GUI thread (merge and split read its groups)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
