"""Tab-separated resource tables: one entry a line, '#' comment lines, errors as `path:line: reason`."""

from __future__ import annotations

import datetime as dt
import gc
import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from timeline_app.errors import RulesError

log = logging.getLogger(__name__)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Build large tables without the cycle collector: their hundreds of thousands of tuples, sets and
    dicts hold no reference cycles, yet each young-generation pass walks them again. Measured on the
    gazetteer's tables: 1.0 s of CPU with the collector running, 0.45 s without (half of a first start's
    worker time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def longest_first(words: Iterable[str]) -> str:
    """A regex alternation of literal words or phrases, longer first, so that a phrase wins over a word
    it begins with ("armed forces" over "armed"); "" for none."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def read_tsv(path: Path, min_cols: int, max_cols: int | None = None) -> list[tuple[list[str], str]]:
    """The rows of a resource table as (stripped columns, "path:line"), comments and blank lines left out."""
    max_cols = min_cols if max_cols is None else max_cols
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise RulesError(f"{path}: cannot read this resource file ({e.strerror}); reinstall the app's resources.") from e
    except UnicodeDecodeError as e:
        line = e.object[: e.start].count(b"\n") + 1
        raise RulesError(f"{path}:{line}: not UTF-8 text (byte 0x{e.object[e.start]:02x}); save the file as UTF-8.") from e
    rows = []
    where = str(path)  # formatted once: the persons' tables have tens of thousands of lines
    for no, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not min_cols <= len(cols) <= max_cols:
            expected = str(min_cols) if min_cols == max_cols else f"{min_cols} to {max_cols}"
            raise RulesError(f"{path}:{no}: expected {expected} tab-separated columns, found {len(cols)}")
        rows.append(([c.strip() for c in cols], f"{where}:{no}"))
    return rows


def date_period(start: str, end: str, where: str) -> tuple[dt.date, dt.date]:
    """A table's period from two YYYY-MM-DD columns, either empty for open (from the start of time, to
    its end); RulesError naming `where` when a date is malformed or the period ends before it starts."""
    try:
        d0 = dt.date.fromisoformat(start) if start else dt.date.min
        d1 = dt.date.fromisoformat(end) if end else dt.date.max
    except ValueError as e:
        raise RulesError(f"{where}: dates must be YYYY-MM-DD or empty ({e})") from e
    if d1 < d0:
        raise RulesError(f"{where}: the period ends before it starts")
    return d0, d1
