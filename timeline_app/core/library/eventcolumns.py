"""The events as numpy columns, parsed once: what the table, the filters and the timeline all read."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from timeline_app.core.daycount import MISSING_DAY, format_day, parse_iso_days
from timeline_app.core.library import columns as col
from timeline_app.core.library.codelists import CodeLists, factorize

log = logging.getLogger(__name__)

# Text columns whose values the views count or format once per distinct value: equal values are
# made one string object (far less memory, and factorizing them again is quick).
SHARED_TEXT = (col.EVENT_DATE, col.DATE_PRECISION, col.DATE_MOD, col.EVENT_TYPE)
TEXT = (col.EVENT_ID, col.EVENT_DATE, col.DATE_PRECISION, col.DATE_MOD, col.DATE_TEXT, col.LOCATION_COUNTRY, col.EVENT_TYPE,
        col.CAMEO_CODE, col.SUMMARY, col.EVIDENCE, col.SOURCE_TITLES, col.PUBLICATION_DATE, col.EVENT_KEY,
        col.ORIGIN)
FLAGS = (col.OPEN_END, col.VERIFIED, col.HIDDEN)
NUMBERS = (col.QUAD_CLASS, col.SOURCES, col.MENTION_COUNT)
# List cells: countries, organisations and languages split at once, the others when first asked for.
LISTS = (col.COUNTRIES, col.ORGANIZATIONS, col.LANGUAGE)
LAZY_LISTS = (col.ARTICLE_IDS, col.ISSUER)
# Columns neither the table, the filters nor the timeline shows at first: read from the library at
# their first use (or by the background read of the mentions), not before the events are shown.
DEFERRED = (col.EVIDENCE, col.EVENT_KEY, col.ORIGIN, col.ISSUER, col.ARTICLE_IDS, col.LOCATION_COUNTRY)
# Reads the named columns of the events, in the order of their rows.
DeferredReader = Callable[[tuple[str, ...]], dict[str, np.ndarray]]


class TextColumns(dict):
    """Text columns by name; the deferred ones are read, all at once, when one is first asked for."""

    def __init__(self, columns: Mapping[str, np.ndarray], pending: tuple[str, ...] = (),
                 reader: DeferredReader | None = None) -> None:
        super().__init__(columns)
        self._pending = pending if reader is not None else ()
        self._reader = reader
        self._lock = threading.Lock()  # the GUI thread and the reader of the mentions may both ask

    def __missing__(self, name: str) -> np.ndarray:
        if name not in self._pending:
            raise KeyError(name)
        self.read_pending()
        return dict.__getitem__(self, name)

    def __contains__(self, name: object) -> bool:
        return dict.__contains__(self, name) or name in self._pending

    def pop(self, name: str, *default: object) -> object:
        if name in self._pending:
            self.read_pending()
        return super().pop(name, *default)

    def pending(self) -> tuple[str, ...]:
        """The deferred columns not read yet."""
        return self._pending

    def read_pending(self) -> None:
        """Read the deferred columns now (once; later calls return at once)."""
        with self._lock:
            if self._pending and self._reader is not None:
                self.update(self._reader(self._pending))
                self._pending = ()


class RowIndex(Mapping[str, int]):
    """Event id -> row, the dict made at the first look-up (467k events: 0.13 s of CPU), not before
    the events are shown: the background read of the mentions makes it (`make`), or a click first."""

    def __init__(self, ids: np.ndarray) -> None:
        self._ids = ids
        self._rows: dict[str, int] | None = None

    @property
    def made(self) -> bool:
        return self._rows is not None

    def make(self) -> dict[str, int]:
        """The dict (made now, once)."""
        if self._rows is None:  # two threads may both make it: the same dict, made twice at worst
            self._rows = {eid: i for i, eid in enumerate(self._ids.tolist())}
        return self._rows

    def __getitem__(self, event_id: str) -> int:
        return self.make()[event_id]

    def get(self, event_id: str, default: int | None = None) -> int | None:  # type: ignore[override]
        return self.make().get(event_id, default)

    def __contains__(self, event_id: object) -> bool:
        return event_id in self.make()

    def __iter__(self) -> Iterator[str]:
        return iter(self.make())

    def __len__(self) -> int:
        return len(self._ids)


def shared(values: np.ndarray) -> np.ndarray:
    """An object array of strings in which equal values are one object ("" for None and NaN)."""
    codes, uniques = factorize(values)
    table = np.append(np.asarray([str(u) for u in uniques], dtype=object), "")
    return table[np.where(codes < 0, len(table) - 1, codes)] if len(values) else np.empty(0, dtype=object)


def flag(values: np.ndarray) -> np.ndarray:
    """Booleans of a column as stored anywhere: bool, 0/1, "True"/"false", None, NaN."""
    def one(v: object) -> bool:
        if isinstance(v, str):
            return v.strip().lower() in ("true", "1", "yes")
        try:
            return bool(v) and v == v  # NaN != NaN
        except (TypeError, ValueError):  # pandas NA
            return False
    return np.fromiter((one(v) for v in values), dtype=bool, count=len(values))


@dataclass
class EventColumns:
    """One row per event (columns.EVENT_COLUMNS), as numpy arrays and code lists.

    Dates are day numbers of core.daycount (MISSING_DAY where there is none: date_start and
    date_end are not kept as text); countries and organisations are CodeLists, article ids too
    once asked for (`codes`); text columns are object arrays of str.
    """

    text: TextColumns  # TEXT columns, and the list cells not split yet
    start_day: np.ndarray
    end_day: np.ndarray
    flags: dict[str, np.ndarray]
    numbers: dict[str, np.ndarray]
    lists: dict[str, CodeLists]
    _cache: dict[str, object] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, raw: Mapping[str, np.ndarray], start_day: np.ndarray, end_day: np.ndarray,
              deferred: DeferredReader | None = None,
              coded: Mapping[str, tuple[np.ndarray, np.ndarray]] | None = None) -> EventColumns:
        """From clean columns as the library holds them: object arrays of str for the text and list
        cells, integers for flags and numbers; every name of EVENT_COLUMNS but the two dates (and,
        with a `deferred` reader, but the DEFERRED ones: read by it when first used). `coded`: text
        or list columns given as (codes, distinct values) instead, a value of `values[codes[row]]`."""
        later = DEFERRED if deferred is not None else ()
        coded = coded or {}

        def text_of(name: str) -> np.ndarray:
            if name in coded:
                codes, values = coded[name]
                return np.asarray(values, dtype=object)[codes]  # one object a distinct value
            return shared(raw[name]) if name in SHARED_TEXT else raw[name]

        def list_of(name: str) -> CodeLists:
            if name in coded:
                return CodeLists.from_factorized(*coded[name], upper=name == col.COUNTRIES)
            return CodeLists.from_cells(raw[name], upper=name == col.COUNTRIES)
        text = TextColumns({name: text_of(name) for name in (*TEXT, *LAZY_LISTS) if name not in later}, later, deferred)
        flags = {name: np.asarray(raw[name]).astype(bool) for name in FLAGS}
        numbers = {name: np.asarray(raw[name], dtype=np.int64) for name in NUMBERS}
        lists = {name: list_of(name) for name in LISTS}
        return cls(text, np.asarray(start_day, dtype=np.int64), np.asarray(end_day, dtype=np.int64), flags,
                   numbers, lists)

    @classmethod
    def empty(cls) -> EventColumns:
        """No events, as a window shows before its first read: about 1 ms, where pandas' columns of
        an empty frame took from_frame 5-7 ms (three times while the window starts)."""
        raw = {name: np.empty(0, dtype=object) for name in (*TEXT, *LISTS, *LAZY_LISTS)}
        raw |= {name: np.zeros(0, dtype=bool) for name in FLAGS}
        raw |= {name: np.zeros(0, dtype=np.int64) for name in NUMBERS}
        return cls.build(raw, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))

    @classmethod
    def from_frame(cls, df: pd.DataFrame) -> EventColumns:
        """From an events frame (columns.EVENT_COLUMNS; a missing column is empty, None and NaN too)."""
        n = len(df)
        if n == 0:
            return cls.empty()

        def get(name: str) -> np.ndarray:
            return df[name].to_numpy(dtype=object) if name in df.columns else np.full(n, None, dtype=object)

        raw: dict[str, np.ndarray] = {}
        for name in (*TEXT, *LISTS, *LAZY_LISTS):
            raw[name] = np.fromiter((v if isinstance(v, str) else "" if v is None or v != v else str(v)
                                     for v in get(name)), dtype=object, count=n)
        for name in FLAGS:
            raw[name] = flag(get(name))
        for name in NUMBERS:
            raw[name] = pd.to_numeric(pd.Series(get(name)), errors="coerce").fillna(0).astype(np.int64).to_numpy()
        if col.MENTION_COUNT not in df.columns:  # a frame does not say: one mention a source at least
            raw[col.MENTION_COUNT] = np.maximum(raw[col.SOURCES], 1)
        days = [parse_iso_days(get(name)) for name in (col.DATE_START, col.DATE_END)]
        return cls.build(raw, days[0], days[1])

    def __len__(self) -> int:
        return len(self.start_day)

    @property
    def ids(self) -> np.ndarray:
        return self.text[col.EVENT_ID]

    def codes(self, name: str) -> CodeLists:
        """A list column (countries, organisations, article ids) as CodeLists."""
        if name not in self.lists:
            self.lists[name] = CodeLists.from_cells(self.text.pop(name))
        return self.lists[name]

    def row_of(self) -> RowIndex:
        """Event id -> row (made at its first look-up)."""
        if "row_of" not in self._cache:
            self._cache["row_of"] = RowIndex(self.ids)
        return self._cache["row_of"]  # type: ignore[return-value]

    def days(self, name: str, rows: np.ndarray) -> np.ndarray:
        """Day numbers of a date kept as text (publication_date) for the given rows."""
        return parse_iso_days(self.text[name][rows].tolist())

    def iso_dates(self, days: np.ndarray) -> np.ndarray:
        """ISO text of day numbers, each distinct day formatted once ("" for MISSING_DAY)."""
        unique, inverse = np.unique(days, return_inverse=True)
        table = np.asarray(["" if d == MISSING_DAY else format_day(d) for d in unique.tolist()], dtype=object)
        return table[inverse.reshape(-1)] if len(days) else np.empty(0, dtype=object)

    def lowered_text(self) -> np.ndarray:
        """Summary and evidence in lower case, for text search: made at the first search."""
        if "lowered" not in self._cache:
            self._cache["lowered"] = np.fromiter(
                (f"{a}\n{b}".lower() for a, b in zip(self.text[col.SUMMARY].tolist(), self.text[col.EVIDENCE].tolist())),
                dtype=object, count=len(self))
        return self._cache["lowered"]  # type: ignore[return-value]

    def frame(self, rows: np.ndarray | None = None) -> pd.DataFrame:
        """The events frame (columns.EVENT_COLUMNS) of the given rows (indices or a mask; None: all)."""
        pick = np.arange(len(self)) if rows is None else rows
        out: dict[str, object] = {}
        for name in col.EVENT_COLUMNS:
            if name == col.DATE_START:
                out[name] = self.iso_dates(self.start_day[pick])
            elif name == col.DATE_END:
                out[name] = self.iso_dates(self.end_day[pick])
            elif name in self.lists or name in LAZY_LISTS:
                out[name] = self.codes(name).joined(col.LIST_SEPARATOR)[pick]
            elif name in self.text:
                out[name] = self.text[name][pick]
            elif name in self.flags:
                out[name] = self.flags[name][pick]
            else:
                out[name] = self.numbers[name][pick].astype(int)
        return pd.DataFrame(out, columns=list(col.EVENT_COLUMNS))
