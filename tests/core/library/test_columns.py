"""List cells: one split for the exports, the panels and the timeline; the frames' column names."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from timeline_app.core.library import columns as col
from timeline_app.core.library.frames import empty_events, empty_mentions


@pytest.mark.parametrize("cell, codes", [
    ("TUR;SYR", ["TUR", "SYR"]),
    ("TUR", ["TUR"]),
    (" TUR ; ;SYR ", ["TUR", "SYR"]),
    ("", []),  # no code: the timeline's "no country" lane is its own rule, not a code
    (" ; ", []),
    (None, []),
    (math.nan, []),
    (pd.NA, []),
])
def test_a_list_cell_splits_into_its_codes(cell: object, codes: list[str]) -> None:
    assert col.split_list(cell) == codes


def test_join_and_split_are_inverse() -> None:
    codes = ["ARM", "AZE", "CHE"]
    assert col.split_list(col.join_list(codes)) == codes
    assert col.join_list([]) == ""


def test_every_frame_column_has_one_name() -> None:
    for names in (col.MENTION_COLUMNS, col.EVENT_COLUMNS, col.ARTICLE_COLUMNS, col.EDIT_COLUMNS):
        assert len(set(names)) == len(names)
    assert list(empty_mentions().columns) == list(col.MENTION_COLUMNS)
    assert list(empty_events().columns) == list(col.EVENT_COLUMNS)
