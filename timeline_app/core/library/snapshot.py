"""What the window shows of a library, read in one pass off the GUI thread: event and mention columns, indexes, counts."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from timeline_app.core.extract.countries import country_names
from timeline_app.core.library import columns as col
from timeline_app.core.library.codelists import CodeLists
from timeline_app.core.library.eventcolumns import EventColumns
from timeline_app.core.library.filters import FilterIndex
from timeline_app.core.library.frames import empty_articles
from timeline_app.core.library.mentioncolumns import MentionColumns
from timeline_app.core.library.reading import counted
from timeline_app.core.library.relations import RelationsIndex, goldstein_weights, undated_events
from timeline_app.core.library.store import Library
from timeline_app.core.library.table import TableColumns, table_columns

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """Everything the window shows, read from the library and prepared off the GUI thread.

    The events are read once into `events` (columns); the table (`table`), the filters (`index`)
    and the timeline all read those same arrays. Frames are made only of the rows asked for. The
    mentions and the articles come in a second read: until then an event has no mentions to show,
    `articles` is empty (`article_ids` holds every article's id from the first read) and
    `complete` is False.
    """

    articles: pd.DataFrame  # columns.ARTICLE_COLUMNS and HIDDEN_EVENT_COUNT; empty until read
    article_ids: np.ndarray
    events: EventColumns
    mentions: MentionColumns | None  # None until read (read_snapshot_mentions): the window shows events first
    index: FilterIndex
    country_names: dict[str, str]
    table: TableColumns
    type_counts: dict[str, int]
    organization_counts: dict[str, int]
    precision_counts: dict[str, int]
    relations: RelationsIndex
    _titles: dict[int, str] = field(default_factory=dict, repr=False)

    @property
    def complete(self) -> bool:
        """True once the mentions and the articles are read (read_snapshot_mentions)."""
        return self.mentions is not None

    def hidden(self) -> np.ndarray:
        """True for the events the user hid (false events kept in the library)."""
        return self.table.hidden

    def events_frame(self, rows: np.ndarray | None = None) -> pd.DataFrame:
        """The events frame (columns.EVENT_COLUMNS) of the given rows (a mask or indices; None: all)."""
        return self.events.frame(rows)

    def event_rows(self, event_ids: Iterable[str]) -> pd.DataFrame:
        """The events frame of the given events (in that order; unknown ids left out)."""
        row_of = self.events.row_of()
        return self.events.frame(np.asarray([row_of[e] for e in event_ids if e in row_of], dtype=np.int64))

    def article_title(self, article_id: int) -> str:
        if not self._titles and len(self.articles):
            self._titles.update(zip(self.articles[col.ARTICLE_ID].tolist(), self.articles[col.TITLE].tolist()))
        return self._titles.get(int(article_id), "")

    def event_mentions(self, event_id: str) -> pd.DataFrame:
        """The mentions of an event (article, title, offsets, key), in article then text order."""
        mentions = self.mentions if self.mentions is not None else MentionColumns.empty()
        row = self.events.row_of().get(event_id, -1)
        rows = mentions.of_event(row) if row >= 0 else np.zeros(0, dtype=np.int64)
        frame = mentions.frame(rows, self.events.ids, {})
        frame[col.ARTICLE_TITLE] = [self.article_title(a) for a in frame[col.ARTICLE_ID].tolist()]
        return frame

    def mention_count(self, event_id: str) -> int:
        """How many mentions the event has (dated or not), as stored with it."""
        row = self.events.row_of().get(event_id, -1)
        return int(self.events.numbers[col.MENTION_COUNT][row]) if row >= 0 else 0

    def event_of_key(self, key: str) -> str:
        """The event a mention key (what edits aim at) is part of now, or ""."""
        i = self.mentions.find_key(key) if self.mentions is not None else -1
        return str(self.events.ids[self.mentions.event[i]]) if i >= 0 and self.mentions.event[i] >= 0 else ""

    def article_event_ids(self, article_id: int) -> list[str]:
        """The events an article reports, in the order its text first dates them (each once)."""
        m = self.mentions
        if m is None:
            return []
        rows = np.flatnonzero((m.article == article_id) & (m.event >= 0))
        rows = rows[np.argsort(m.char_start[rows], kind="stable")]
        return list(dict.fromkeys(str(e) for e in self.events.ids[m.event[rows]]))

    def event_at(self, article_id: int, offset: int) -> str:
        """The event of the date at `offset` in an article, or "" when that date made none."""
        i = self.mentions.at(article_id, offset) if self.mentions is not None else -1
        return str(self.events.ids[self.mentions.event[i]]) if i >= 0 else ""


def read_snapshot(library_path: Path, progress: Callable[[int, int, str], None] | None = None) -> Snapshot:
    """Read articles, events and mentions, and build what the views need."""
    return read_snapshot_mentions(library_path, read_snapshot_events(library_path, progress), progress)


def read_snapshot_events(library_path: Path, progress: Callable[[int, int, str], None] | None = None) -> Snapshot:
    """What the window shows first: the events, the articles' ids, and the indexes of the views (no
    mentions, no other columns of the articles)."""
    with Library(library_path, rebuild_stale=False) as library:
        article_ids, events = library.read_columns(progress, defer=True)
    index = FilterIndex(events)
    known = country_names()
    names = {code: known.get(code, code) for code in index.countries.names}
    codes, uniques = pd.factorize(events.text[col.EVENT_TYPE])
    return Snapshot(
        empty_articles(), article_ids, events, None, index, names, table_columns(events),
        factor_counts(codes, uniques),
        {k: v for k, v in index.organizations.counts().items() if v},
        factor_counts(*pd.factorize(events.text[col.DATE_PRECISION])),
        RelationsIndex(events, goldstein_weights()),  # its undated events come with the mentions
    )


def read_snapshot_mentions(library_path: Path, snapshot: Snapshot,
                           progress: Callable[[int, int, str], None] | None = None) -> Snapshot:
    """The snapshot with the mentions of its events, and its articles with their events counted."""
    if progress:
        progress(0, 1, "reading the articles and mentions")
    with Library(library_path, rebuild_stale=False) as library:
        articles = library.read_articles()
        mentions = library.read_mentions(snapshot.events)
        # A scan of every mention (no index on the date): here, not before the events are shown.
        snapshot.relations.set_undated(undated_events(library.undated_mentions(), snapshot.events.ids))
    # Here, off the GUI thread, rather than at their first use (a tooltip, a search, an export, a click).
    snapshot.events.text.read_pending()
    snapshot.events.row_of().make()
    return replace(snapshot, articles=counted(articles, mentions, snapshot.hidden()), mentions=mentions)


def factor_counts(codes: np.ndarray, uniques: np.ndarray) -> dict[str, int]:
    """Non-empty values of a factorized column and how often each occurs."""
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques)) if len(codes) else np.zeros(0, dtype=np.int64)
    return {str(u): int(c) for u, c in zip(uniques.tolist(), counts.tolist()) if u and c}


def value_counts(df: pd.DataFrame, column: str) -> dict[str, int]:
    """Non-empty values of a frame's column and how often each occurs."""
    if df.empty or column not in df:
        return {}
    counts = df[column].fillna("").astype(str).value_counts()
    return {str(k): int(v) for k, v in counts.items() if k}


def list_counts(df: pd.DataFrame, column: str) -> dict[str, int]:
    """Codes of a frame's list column and in how many rows each occurs."""
    if df.empty or column not in df:
        return {}
    return {k: v for k, v in CodeLists.from_cells(df[column].to_numpy(dtype=object)).counts().items() if v}
