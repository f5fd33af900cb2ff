"""CodeLists: list cells split once into codes of one table, filtered and counted per combination."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from timeline_app.core.library.codelists import CodeLists, factorize

CELLS = ["TUR;SYR", "", None, "SYR", " tur; ;SYR", float("nan"), "TUR;TUR"]


def test_each_row_holds_its_codes_once_in_the_order_written() -> None:
    lists = CodeLists.from_cells(CELLS, upper=True)
    assert lists.names == ["SYR", "TUR"]
    assert [lists.row(i) for i in range(len(lists))] == [["TUR", "SYR"], [], [], ["SYR"], ["TUR", "SYR"], [], ["TUR"]]
    assert lists.joined(", ").tolist() == ["TUR, SYR", "", "", "SYR", "TUR, SYR", "", "TUR"]
    assert lists.first().tolist() == [1, -1, -1, 0, 1, -1, 1]


def test_any_or_all_of_the_codes() -> None:
    lists = CodeLists.from_cells(CELLS, upper=True)
    assert np.flatnonzero(lists.mask({"TUR"})).tolist() == [0, 4, 6]
    assert np.flatnonzero(lists.mask({"TUR", "SYR"})).tolist() == [0, 3, 4, 6]
    assert np.flatnonzero(lists.mask({"TUR", "SYR"}, match_all=True)).tolist() == [0, 4]
    assert not lists.mask({"TUR", "IRN"}, match_all=True).any()  # no row has a code no row has
    assert not lists.mask(set()).any()


def test_counts_among_a_mask() -> None:
    lists = CodeLists.from_cells(CELLS, upper=True)
    assert lists.counts() == {"SYR": 3, "TUR": 3}
    assert lists.counts(np.array([1, 0, 0, 0, 0, 0, 1], dtype=bool)) == {"SYR": 1, "TUR": 2}


def test_explode_gives_a_pair_per_code_of_the_rows_asked_for() -> None:
    lists = CodeLists.from_cells(CELLS, upper=True)
    rows, codes = lists.explode(np.array([1, 1, 0, 1, 0, 0, 1], dtype=bool))
    assert rows.tolist() == [0, 0, 3, 6] and [lists.names[c] for c in codes.tolist()] == ["TUR", "SYR", "SYR", "TUR"]


def test_one_code_a_row_and_an_empty_column() -> None:
    lists = CodeLists.from_codes(np.array([1, -1, 0]), ["Consult", "Fight"])
    assert [lists.row(i) for i in range(3)] == [["Fight"], [], ["Consult"]]
    empty = CodeLists.from_cells([])
    assert empty.counts() == {} and len(empty.joined(";")) == 0 and len(empty.explode(np.zeros(0, bool))[0]) == 0


@pytest.mark.parametrize("values", [
    ["SYR;TUR", None, "", "SYR;TUR", float("nan"), "Türkiye", ""],  # text, with cells of no value
    ["2011", 2011, None, "2011"],  # not all text: hashed as pandas does
    [],
])
def test_factorize_gives_what_pandas_gives(values) -> None:
    cells = np.asarray(values, dtype=object)
    codes, uniques = factorize(cells)
    expected_codes, expected_uniques = pd.factorize(cells, use_na_sentinel=True)
    assert codes.dtype == np.int64 and codes.tolist() == expected_codes.tolist()
    assert uniques.dtype == object and list(uniques) == list(expected_uniques)
