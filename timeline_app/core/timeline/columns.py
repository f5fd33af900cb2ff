"""Columns of the events frame read once for the timeline: ';'-joined lists, ISO dates, flags."""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from timeline_app.core.daycount import MISSING_DAY, parse_iso_days
from timeline_app.core.library.columns import split_list

log = logging.getLogger(__name__)


def truthy(value: object) -> bool:
    """open_end as stored anywhere: bool, 0/1, "True"/"false", None, NaN or pandas NA."""
    if value is None or value is pd.NA:
        return False
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    try:
        return bool(value) and value == value  # NaN != NaN
    except (TypeError, ValueError):
        return False


def factorized_days(df: pd.DataFrame, name: str) -> np.ndarray:
    """Days of an ISO date column, parsing each distinct value once."""
    if name not in df.columns:
        return np.full(len(df), MISSING_DAY, dtype=np.int64)
    codes, uniques = pd.factorize(df[name], use_na_sentinel=True)
    days = np.append(parse_iso_days(list(uniques)), MISSING_DAY)
    return days[np.where(codes < 0, len(days) - 1, codes)]


class ListColumn:
    """A ';'-joined column split once per distinct value: codes per row, a key list per code."""

    def __init__(self, values: list, upper: bool = False) -> None:
        codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
        lists = [[k.upper() if upper else k for k in split_list(u) or [""]] for u in uniques] + [[""]]
        self.codes = np.where(codes < 0, len(lists) - 1, codes).astype(np.int64)
        self.lists = lists

    @staticmethod
    def from_codes(codes: np.ndarray, names: list[str]) -> ListColumn:
        col = ListColumn([])
        col.codes = np.asarray(codes, dtype=np.int64)
        col.lists = [[n] for n in names]
        return col

    def items(self, row: int) -> list[str]:
        return self.lists[self.codes[row]]

    def first(self) -> tuple[list[str], np.ndarray]:
        """Key names and, per row, the id of its first key."""
        names, ids = pd.factorize(pd.Series([lst[0] for lst in self.lists], dtype=object))[::-1]
        return [str(k) for k in names], np.asarray(ids, dtype=np.int64)[self.codes]

    def explode(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """(row index, key id) per (selected row, key) pair and the key names, sorted by name."""
        flat = [k for lst in self.lists for k in lst]
        lens_u = np.asarray([len(lst) for lst in self.lists], dtype=np.int64)
        offs_u = np.concatenate(([0], np.cumsum(lens_u)[:-1]))
        key_codes, key_names = pd.factorize(pd.Series(flat, dtype=object), sort=True)
        key_codes = np.asarray(key_codes, dtype=np.int64)
        sel = np.flatnonzero(rows)
        c = self.codes[sel]
        lens = lens_u[c]
        total = int(lens.sum())
        o_row = np.repeat(sel, lens)
        within = np.arange(total) - np.repeat(np.cumsum(lens) - lens, lens)
        keys = key_codes[np.repeat(offs_u[c], lens) + within] if total else np.zeros(0, dtype=np.int64)
        return o_row, keys, [str(k) for k in key_names]


def column(df: pd.DataFrame, name: str, default: object = "") -> list:
    if name not in df.columns:
        return [default] * len(df)
    return df[name].tolist()
