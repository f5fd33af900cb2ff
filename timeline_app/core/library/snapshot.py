"""What the window shows of a library, read and prepared off the GUI thread: frames, indexes, counts."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.library import columns as col
from timeline_app.core.library import frames
from timeline_app.core.library.filters import FilterIndex
from timeline_app.core.library.relations import RelationsIndex, goldstein_weights
from timeline_app.core.library.store import Library
from timeline_app.core.library.table import TableColumns, prepare_columns

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """Everything the window shows, read from the library and prepared off the GUI thread."""

    articles: pd.DataFrame
    mentions: pd.DataFrame
    events: pd.DataFrame
    index: FilterIndex
    country_names: dict[str, str]
    table: TableColumns
    mention_rows: dict[str, np.ndarray]  # event_id -> row positions in `mentions`
    type_counts: dict[str, int]
    organization_counts: dict[str, int]
    precision_counts: dict[str, int]
    relations: RelationsIndex

    def hidden(self) -> np.ndarray:
        """True for the events the user hid (false events kept in the library)."""
        if col.HIDDEN not in self.events.columns:
            return np.zeros(len(self.events), dtype=bool)
        return self.table.hidden

    def event_mentions(self, event_id: str) -> pd.DataFrame:
        rows = self.mention_rows.get(event_id)
        return self.mentions.iloc[rows] if rows is not None else self.mentions.iloc[0:0]

    def filtered_mentions(self, events: pd.DataFrame, article_ids: frozenset[int] = frozenset()) -> pd.DataFrame:
        """The mentions of `events` (of the given articles only, when some are given)."""
        keep = self.mentions[col.EVENT_ID].isin(set(events[col.EVENT_ID]))
        if article_ids:
            keep &= self.mentions[col.ARTICLE_ID].isin([int(a) for a in article_ids])
        return self.mentions[keep]


def read_snapshot(library_path: Path) -> Snapshot:
    """Read articles, mentions and events, and build the indexes the views need."""
    with Library(library_path) as library:
        articles = library.articles_frame()
        # The user's corrections applied, as Library.events_frame does, so that event ids agree.
        mentions = library.curated_mentions()
    # Hidden events stay in: the window leaves them out unless the user asks to see them.
    events = frames.events_from_mentions(mentions)
    index = FilterIndex(events)
    names: dict[str, str] = {}
    if index.countries:
        gazetteer = Gazetteer.default()
        names = {code: gazetteer.country_name(code) or code for code in index.countries}
    mention_rows: dict[str, np.ndarray] = {}
    if not mentions.empty:
        codes, uniques = pd.factorize(mentions[col.EVENT_ID])
        order = np.argsort(codes, kind="stable")
        bounds = np.searchsorted(codes[order], np.arange(len(uniques) + 1))
        mention_rows = {str(u): order[bounds[i]:bounds[i + 1]] for i, u in enumerate(uniques)}
    return Snapshot(
        articles, mentions, events, index, names, prepare_columns(events), mention_rows,
        value_counts(events, col.EVENT_TYPE), list_counts(events, col.ORGANIZATIONS),
        value_counts(events, col.DATE_PRECISION), RelationsIndex(events, goldstein_weights(), mentions),
    )


def value_counts(df: pd.DataFrame, column: str) -> dict[str, int]:
    """Non-empty values of a column and how often each occurs."""
    if df.empty or column not in df:
        return {}
    counts = df[column].fillna("").astype(str).value_counts()
    return {str(k): int(v) for k, v in counts.items() if k}


def list_counts(df: pd.DataFrame, column: str) -> dict[str, int]:
    """Codes of a ';'-joined column and in how many rows each occurs."""
    if df.empty or column not in df:
        return {}
    exploded = df[column].fillna("").astype(str).str.split(col.LIST_SEPARATOR).explode()
    counts = exploded[exploded != ""].value_counts()
    return {str(k): int(v) for k, v in counts.items()}
