"""Colour keys (countries or event types): a palette slot each, stable per key, distinct for the keys on screen."""

from __future__ import annotations

import logging

import numpy as np

log = logging.getLogger(__name__)


class ColourKeys:
    """The keys the events are coloured by and the palette slot of each.

    Keys are ranked by how many occurrences they have in all the data (not the filtered part), so
    the commonest keep the first, most distinct colours and a key keeps its colour when the filter
    changes. A slot is the rank modulo the palette's size, unless two keys on screen would share
    one: then the less common takes the first slot no key on screen uses.
    """

    def __init__(self, n_colours: int) -> None:
        self.n_colours = n_colours
        self.names: list[str] = []  # ranked, commonest first
        self.of_occ = np.zeros(0, dtype=np.int64)  # per occurrence: its key's rank
        self.slot = np.zeros(0, dtype=np.int64)  # per rank: palette slot
        self.shown = np.zeros(0, dtype=np.int64)  # ranks of the keys on screen, commonest on screen first

    def set_keys(self, names: list[str], key_of_occ: np.ndarray) -> None:
        """Key names and, per occurrence, the index of its key in `names`."""
        counts = (np.bincount(key_of_occ, minlength=len(names)) if len(key_of_occ)
                  else np.zeros(len(names), dtype=np.int64))
        used = [j for j in range(len(names)) if counts[j] > 0]
        used.sort(key=lambda j: (-counts[j], names[j]))
        rank = np.zeros(len(names), dtype=np.int64)
        rank[used] = np.arange(len(used))
        self.names = [names[j] for j in used]
        self.of_occ = rank[key_of_occ] if len(key_of_occ) else np.zeros(0, dtype=np.int64)
        self.slot = np.arange(len(used), dtype=np.int64) % self.n_colours
        self.shown = np.zeros(0, dtype=np.int64)

    def set_visible(self, o_visible: np.ndarray) -> bool:
        """Give the keys on screen distinct slots; True when an occurrence's slot changed."""
        n = len(self.names)
        counts = np.bincount(self.of_occ[o_visible], minlength=n) if n else np.zeros(0, dtype=np.int64)
        shown = np.flatnonzero(counts > 0)
        self.shown = shown[np.lexsort((shown, -counts[shown]))]
        slot = np.arange(n, dtype=np.int64) % self.n_colours
        taken = np.zeros(self.n_colours, dtype=bool)
        clashing = []
        for r in np.sort(shown).tolist():  # by rank: the commonest overall keep their own colour
            if taken[slot[r]]:
                clashing.append(r)
            else:
                taken[slot[r]] = True
        free = np.flatnonzero(~taken).tolist()
        for r, s in zip(clashing, free):
            slot[r] = s
        changed = not np.array_equal(slot, self.slot)
        self.slot = slot
        return changed

    def occ_slots(self) -> np.ndarray:
        """Palette slot per occurrence."""
        return self.slot[self.of_occ] if len(self.of_occ) else np.zeros(0, dtype=np.int64)
