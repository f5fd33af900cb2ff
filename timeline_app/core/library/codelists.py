"""A list-typed column: each row's codes (countries, organisations, articles) as indices into one code table."""

from __future__ import annotations

import logging
from collections.abc import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from timeline_app.core.library.columns import split_list

log = logging.getLogger(__name__)


def factorize(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """What pd.factorize gives (int64 codes, -1 for None and NaN; the distinct values in the order
    they first occur), hashed by Arrow when every value is text: the 7 columns of fresh strings
    from SQLite factorized while a 1M-mention library opens (467k events) took 579-646 ms of CPU
    through pandas, 456-506 ms through Arrow."""
    try:
        encoded = pa.array(values, type=pa.string(), from_pandas=True).dictionary_encode()
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # not all text: pandas hashes any object
        encoded = None
    if not isinstance(encoded, pa.DictionaryArray):  # also a chunked one (over 2 GB of text)
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        return codes.astype(np.int64), uniques
    codes = pc.fill_null(encoded.indices, -1).to_numpy().astype(np.int64)
    return codes, encoded.dictionary.to_numpy(zero_copy_only=False)


class CodeLists:
    """Codes per row, split once per distinct cell: rows share their combinations.

    `names` is the sorted code table. Row r holds combination `combo[r]`, and combination c the
    code indices `members[starts[c]:starts[c + 1]]` (no repeats, in the order written). A filter or
    a count works on the few combinations, then on the rows through `combo`.
    """

    def __init__(self, names: list[str], combo: np.ndarray, starts: np.ndarray, members: np.ndarray) -> None:
        self.names = names
        self.combo = combo
        self.starts = starts
        self.members = members
        self.sizes = np.diff(starts)
        self._member_combo = np.repeat(np.arange(len(self.sizes), dtype=np.int64), self.sizes)
        self._index = {name: i for i, name in enumerate(names)}
        self._joined: dict[str, np.ndarray] = {}

    @classmethod
    def from_cells(cls, cells: Iterable[object], upper: bool = False) -> CodeLists:
        """From list cells ("SYR;TUR"; "", None or NaN for none), each distinct cell split once."""
        values = cells if isinstance(cells, np.ndarray) else np.asarray(list(cells), dtype=object)
        return cls.from_factorized(*factorize(values), upper=upper)

    @classmethod
    def from_factorized(cls, combo: np.ndarray, uniques: np.ndarray, upper: bool = False) -> CodeLists:
        """From list cells given as factorize gives them: each row's index into the distinct cells
        `uniques` (-1 for none)."""
        split = [split_list(u.upper() if upper and isinstance(u, str) else u) for u in uniques]
        split = [list(dict.fromkeys(codes)) for codes in split] + [[]]  # the last: no cell at all
        names = sorted({code for codes in split for code in codes})
        return cls._of_split(names, np.where(combo < 0, len(split) - 1, combo), split)

    @classmethod
    def from_codes(cls, codes: np.ndarray, names: list[str]) -> CodeLists:
        """One code per row (an index into `names`), -1 for none."""
        codes = np.asarray(codes, dtype=np.int64)
        split = [[name] for name in names] + [[]]
        return cls._of_split(list(names), np.where(codes < 0, len(names), codes), split)

    @classmethod
    def _of_split(cls, names: list[str], combo: np.ndarray, split: list[list[str]]) -> CodeLists:
        index = {name: i for i, name in enumerate(names)}
        sizes = np.fromiter((len(codes) for codes in split), dtype=np.int64, count=len(split))
        starts = np.concatenate(([0], np.cumsum(sizes))).astype(np.int64)
        members = np.fromiter((index[code] for codes in split for code in codes), dtype=np.int64,
                              count=int(starts[-1]))
        return cls(names, np.asarray(combo, dtype=np.int64), starts, members)

    def __len__(self) -> int:
        return len(self.combo)

    def take(self, rows: np.ndarray) -> CodeLists:
        """The lists of the given rows (indices or a mask), sharing this code table."""
        return CodeLists(self.names, self.combo[rows], self.starts, self.members)

    def row(self, i: int) -> list[str]:
        """The codes of row `i`."""
        c = self.combo[i]
        return [self.names[m] for m in self.members[self.starts[c]:self.starts[c + 1]].tolist()]

    def mask(self, wanted: Iterable[str], match_all: bool = False) -> np.ndarray:
        """True for the rows holding any (or, with match_all, every one) of the wanted codes."""
        wanted = set(wanted)
        ids = [self._index[w] for w in wanted if w in self._index]
        if match_all and len(ids) < len(wanted):
            return np.zeros(len(self.combo), dtype=bool)  # a code no row has: no row has them all
        hit = np.zeros(len(self.names), dtype=bool)
        hit[ids] = True
        per_combo = np.bincount(self._member_combo, weights=hit[self.members], minlength=len(self.sizes))
        ok = per_combo == len(ids) if match_all else per_combo > 0
        return ok[self.combo] if ids else np.zeros(len(self.combo), dtype=bool)

    def counts(self, mask: np.ndarray | None = None) -> dict[str, int]:
        """In how many rows (of `mask`, or all) each code occurs; every code of the table is listed."""
        rows = self.combo if mask is None else self.combo[mask]
        per_combo = np.bincount(rows, minlength=len(self.sizes))
        per_code = np.bincount(self.members, weights=per_combo[self._member_combo], minlength=len(self.names))
        return dict(zip(self.names, per_code.astype(np.int64).tolist()))

    def joined(self, separator: str) -> np.ndarray:
        """Each row's codes joined by `separator` ("" for none), as an object array."""
        if separator not in self._joined:
            names = self.names
            per_combo = np.array([separator.join(names[m] for m in self.members[s:e].tolist())
                                  for s, e in zip(self.starts[:-1].tolist(), self.starts[1:].tolist())], dtype=object)
            self._joined[separator] = per_combo[self.combo]
        return self._joined[separator]

    def first(self) -> np.ndarray:
        """Per row, the index of its first code; -1 for a row without one."""
        first = np.full(len(self.sizes), -1, dtype=np.int64)
        has = self.sizes > 0
        first[has] = self.members[self.starts[:-1][has]]
        return first[self.combo]

    def explode(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(row index, code index) for every code of the selected rows (a mask), rows in order."""
        sel = np.flatnonzero(rows)
        c = self.combo[sel]
        lens = self.sizes[c]
        total = int(lens.sum())
        o_row = np.repeat(sel, lens)
        within = np.arange(total) - np.repeat(np.cumsum(lens) - lens, lens)
        codes = self.members[np.repeat(self.starts[c], lens) + within] if total else np.zeros(0, dtype=np.int64)
        return o_row, codes
