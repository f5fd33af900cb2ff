"""Facet counts: each list of the filter panel counts the events that the other filters keep."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from timeline_app.core.library import columns as col
from timeline_app.core.library.codelists import CodeLists
from timeline_app.core.library.filters import MATCH_ALL, FilterIndex, FilterSpec

# The FilterSpec fields shown as lists with counts, each an "any of these" choice.
FACETS = ("countries", "event_types", "organizations", "precisions", "languages")


@dataclass(frozen=True)
class Counts:
    """Events per value of each list (every value of the library, 0 where none is left)."""

    countries: dict[str, int]
    event_types: dict[str, int]
    organizations: dict[str, int]
    precisions: dict[str, int]
    languages: dict[str, int]


class FacetCounts:
    """The usual rule of faceted search: a list's own choice does not narrow its own counts (checking
    one more type shows how many events that adds), every other filter does, so that the counts of
    any list add up to what the table shows. Countries checked with "all" are the exception: one
    more country narrows what is shown, so their counts are among the events shown."""

    def __init__(self, index: FilterIndex) -> None:
        self.index = index
        self._lists: dict[str, CodeLists] = {
            "countries": index.countries, "organizations": index.organizations, "languages": index.languages}

    def _codes(self, facet: str) -> CodeLists:
        # Types and precisions are one text a row: factorized at their first count, not at opening.
        if facet not in self._lists:
            name = col.EVENT_TYPE if facet == "event_types" else col.DATE_PRECISION
            codes, uniques = pd.factorize(self.index.events.text[name])
            names = [str(u) for u in uniques]
            if "" in names:  # no type: not a choice of the list
                blank = names.index("")
                codes = np.where(codes == blank, -1, codes - (codes > blank))
                names.remove("")
            self._lists[facet] = CodeLists.from_codes(codes, names)
        return self._lists[facet]

    def counts(self, spec: FilterSpec, within: np.ndarray | None = None) -> Counts:
        """The counts of every list under `spec`; `within` (a mask), when given, narrows them all,
        as a Relations bar narrows the events shown."""
        cleared = {facet: type(getattr(spec, facet))() for facet in FACETS}
        base = self.index.mask(replace(spec, **cleared))
        if within is not None:
            base &= within
        # Each active list's own mask, once: every other list's counts take it.
        own = {facet: self.index.mask(FilterSpec(show_hidden=True, match=spec.match, **{facet: getattr(spec, facet)}))
               for facet in FACETS if getattr(spec, facet)}
        out = {}
        for facet in FACETS:
            counted = base.copy()
            for other, mask in own.items():
                if other != facet or (facet == "countries" and spec.match == MATCH_ALL):
                    counted &= mask
            out[facet] = self._codes(facet).counts(counted)
        return Counts(**out)
