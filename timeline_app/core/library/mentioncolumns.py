"""The mentions of the events shown, as numpy columns: where each one is in its article, and its event's row."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from timeline_app.core.library import columns as col

log = logging.getLogger(__name__)

MANUAL_KEY = "manual:"  # the key of an event added by hand: "manual:<id>" (its mention id is -id)


@dataclass
class MentionColumns:
    """One row per dated mention (and per event added by hand), in no particular order.

    `event` is the row of its event in the EventColumns read with it (-1 when that event is not
    shown: deleted). `article` is 0 for an event added by hand without an article; `hashes` gives
    each article's content hash, from which a mention's key ("<hash>:<start>:<end>") is made.
    """

    ids: np.ndarray
    event: np.ndarray
    article: np.ndarray
    char_start: np.ndarray
    char_end: np.ndarray
    evidence_start: np.ndarray
    evidence_end: np.ndarray
    hashes: dict[int, str]
    _by_event: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False)
    _by_hash: dict[str, int] | None = field(default=None, repr=False)

    @classmethod
    def empty(cls) -> MentionColumns:
        z = np.zeros(0, dtype=np.int64)
        return cls(z, z, z, z, z, z, z, {})

    def __len__(self) -> int:
        return len(self.ids)

    def of_event(self, row: int) -> np.ndarray:
        """The mentions of the event in row `row`, in article order then text order."""
        if self._by_event is None:
            order = np.lexsort((self.char_start, self.article, self.event))
            bounds = np.searchsorted(self.event[order], np.arange(int(self.event.max(initial=-1)) + 2))
            self._by_event = (order, bounds)
        order, bounds = self._by_event
        if not 0 <= row < len(bounds) - 1:
            return np.zeros(0, dtype=np.int64)
        return order[bounds[row]:bounds[row + 1]]

    def key(self, i: int) -> str:
        """The key the user's edits aim at the mention by."""
        if self.ids[i] < 0:
            return f"{MANUAL_KEY}{-int(self.ids[i])}"
        return f"{self.hashes.get(int(self.article[i]), '')}:{int(self.char_start[i])}:{int(self.char_end[i])}"

    def find_key(self, key: str) -> int:
        """The mention of a key, or -1."""
        if key.startswith(MANUAL_KEY):
            hits = np.flatnonzero(self.ids == -int(key[len(MANUAL_KEY):])) if key[len(MANUAL_KEY):].isdigit() else []
            return int(hits[0]) if len(hits) else -1
        parts = key.rsplit(":", 2)
        if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit():
            return -1
        if self._by_hash is None:
            self._by_hash = {h: a for a, h in self.hashes.items()}
        article = self._by_hash.get(parts[0])
        if article is None:
            return -1
        hits = np.flatnonzero((self.article == article) & (self.char_start == int(parts[1]))
                              & (self.char_end == int(parts[2])) & (self.ids > 0))
        return int(hits[0]) if len(hits) else -1

    def at(self, article_id: int, offset: int) -> int:
        """The mention of an event shown whose date covers `offset` in the article, or -1."""
        hits = np.flatnonzero((self.article == article_id) & (self.char_start <= offset) & (self.char_end > offset)
                              & (self.event >= 0))
        return int(hits[0]) if len(hits) else -1

    def frame(self, rows: np.ndarray, event_ids: np.ndarray, titles: dict[int, str]) -> pd.DataFrame:
        """The given mentions as a small frame: their event, article, its title, offsets and key."""
        rows = np.asarray(rows, dtype=np.int64)
        return pd.DataFrame({
            col.MENTION_ID: self.ids[rows], col.EVENT_ID: event_ids[self.event[rows]] if len(rows) else [],
            col.ARTICLE_ID: self.article[rows],
            col.ARTICLE_TITLE: [titles.get(int(a), "") for a in self.article[rows].tolist()],
            col.CHAR_START: self.char_start[rows], col.CHAR_END: self.char_end[rows],
            col.EVIDENCE_START: self.evidence_start[rows], col.EVIDENCE_END: self.evidence_end[rows],
            col.MENTION_KEY: [self.key(int(i)) for i in rows.tolist()],
        })
