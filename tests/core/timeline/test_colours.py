"""Colours: the palette file, and a slot per key that is stable and distinct for the keys on screen."""

from __future__ import annotations

import numpy as np
import pytest

from timeline_app.core.timeline.colours import ColourKeys
from timeline_app.core.timeline.palette import palette, read_palette
from timeline_app.errors import RulesError


def test_the_palette_file_is_valid_and_distinct() -> None:
    colours = palette()
    assert len(colours) >= 20 and len(set(colours)) == len(colours)
    assert colours[0] == "#4e79a7"  # the commonest key keeps the timeline's blue


@pytest.mark.parametrize("line,reason", [("2\t#4e79a7", "rank '2' should be 1"), ("1\tblue", "not a colour")])
def test_a_bad_palette_line_is_named(tmp_path, line: str, reason: str) -> None:
    path = tmp_path / "palette.tsv"
    path.write_text(f"# Line: rank<TAB>#rrggbb\n{line}\n", encoding="utf-8")
    with pytest.raises(RulesError, match=f"palette.tsv:2: .*{reason}"):
        read_palette(path)


def test_slots_are_stable_per_key_and_distinct_on_screen() -> None:
    keys = ColourKeys(4)
    names = [f"K{i}" for i in range(6)]
    # K0 is commonest, then K1 ... K5: ranks 0-5, slots 0 1 2 3 0 1 by default.
    key_of_occ = np.repeat(np.arange(6), [60, 50, 40, 30, 20, 10])
    keys.set_keys(names, key_of_occ)
    visible = np.ones(len(key_of_occ), dtype=bool)
    keys.set_visible(visible)
    assert keys.names == names and keys.slot.tolist() == [0, 1, 2, 3, 0, 1]  # more keys than colours
    # On screen K0 and K4 only: they would share slot 0, so K4 (the rarer) takes a free one.
    keys.set_visible(np.isin(key_of_occ, [0, 4]))
    assert keys.slot[0] == 0 and keys.slot[4] not in (0,)
    assert keys.shown.tolist() == [0, 4]
    # On screen K1 and K4: no clash, both keep the colours they have with no filter.
    keys.set_visible(np.isin(key_of_occ, [1, 4]))
    assert keys.slot[1] == 1 and keys.slot[4] == 0
