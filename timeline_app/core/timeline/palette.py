"""The timeline's categorical palette, read from resources/timeline/palette.tsv (made by tools/build_palette.py)."""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path

from timeline_app.core.tables import read_tsv
from timeline_app.errors import RulesError
from timeline_app.paths import resource

log = logging.getLogger(__name__)

_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def read_palette(path: Path) -> tuple[str, ...]:
    """The colours of a palette file (rank<TAB>#rrggbb a line, ranks 1, 2, 3 ...), most distinct first."""
    colours = []
    for (rank, colour), where in read_tsv(path, 2):
        if not rank.isdigit() or int(rank) != len(colours) + 1:
            raise RulesError(f"{where}: rank {rank!r} should be {len(colours) + 1}: number the colours 1, 2, 3 ...")
        if not _HEX.fullmatch(colour):
            raise RulesError(f"{where}: {colour!r} is not a colour written as #rrggbb")
        colours.append(colour.lower())
    if len(colours) < 8:
        raise RulesError(f"{path}: {len(colours)} colours; a categorical palette needs at least 8")
    return tuple(colours)


@functools.cache
def palette() -> tuple[str, ...]:
    """The app's palette (read once)."""
    return read_palette(resource("timeline", "palette.tsv"))
