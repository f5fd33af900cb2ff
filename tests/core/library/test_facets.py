"""Facet counts: every list of the filter panel counts the events the other filters keep."""

import pandas as pd
import pytest

from timeline_app.core.library.facets import FacetCounts
from timeline_app.core.library.filters import FilterIndex, FilterSpec


@pytest.fixture()
def facets() -> FacetCounts:
    events = pd.DataFrame({
        "event_id": ["a", "b", "c", "d", "e"],
        "date_start": ["2011-01-01", "2022-12-28", "2022-11-01", "1850-03-01", "2020-05-05"],
        "date_end": ["2011-12-31", "2022-12-28", "2022-11-30", "1850-03-31", "2020-05-05"],
        "date_precision": ["year", "day", "month", "month", "day"],
        "countries": ["SYR;TUR", "RUS;SYR;TUR", "TUR", "", "FRA"],
        "organizations": ["", "UN", "SDF", "UN", "UN"],
        "event_type": ["Consult", "Consult", "Fight", "Make public statement", "Consult"],
        "cameo_code": ["040", "043", "195", "010", "040"],
        "language": ["en", "en;fr", "ar", "fr", "fr"],
        "sources": [1, 3, 2, 1, 1],
        "summary": ["met", "ministers met", "airstrikes", "a treaty", "a visit"],
        "evidence": ["", "", "", "", ""],
        "article_ids": ["1", "1;2", "2", "3", "4"],
        "hidden": [False, False, False, False, True],
    })
    return FacetCounts(FilterIndex(events))


def test_without_a_filter_each_list_counts_the_shown_events(facets) -> None:
    counts = facets.counts(FilterSpec())
    assert counts.countries == {"RUS": 1, "SYR": 2, "TUR": 3, "FRA": 0}  # e is hidden
    assert counts.event_types == {"Consult": 2, "Fight": 1, "Make public statement": 1}
    assert counts.organizations == {"SDF": 1, "UN": 2}
    assert counts.precisions == {"year": 1, "day": 1, "month": 2}
    assert counts.languages == {"en": 2, "fr": 2, "ar": 1}


def test_a_country_narrows_the_other_lists_but_not_its_own(facets) -> None:
    counts = facets.counts(FilterSpec(countries=frozenset({"SYR"})))
    assert counts.event_types == {"Consult": 2, "Fight": 0, "Make public statement": 0}
    assert counts.organizations == {"SDF": 0, "UN": 1}
    assert counts.precisions == {"year": 1, "day": 1, "month": 0}
    assert counts.languages == {"en": 2, "fr": 1, "ar": 0}
    # "any": what checking one more country would show, among the events the other filters keep
    assert counts.countries == {"RUS": 1, "SYR": 2, "TUR": 3, "FRA": 0}


def test_with_all_the_country_counts_are_among_the_events_shown(facets) -> None:
    counts = facets.counts(FilterSpec(countries=frozenset({"SYR", "TUR"}), match="all"))
    assert counts.countries == {"RUS": 1, "SYR": 2, "TUR": 2, "FRA": 0}
    assert counts.event_types["Consult"] == 2


def test_two_facets_narrow_each_other(facets) -> None:
    counts = facets.counts(FilterSpec(event_types=frozenset({"Consult"}), languages=frozenset({"fr"})))
    assert counts.event_types == {"Consult": 1, "Fight": 0, "Make public statement": 1}  # among French
    assert counts.languages == {"en": 2, "fr": 1, "ar": 0}  # among Consult
    assert counts.countries == {"RUS": 1, "SYR": 1, "TUR": 1, "FRA": 0}  # both filters


def test_the_other_filters_narrow_every_list(facets) -> None:
    counts = facets.counts(FilterSpec(min_sources=2, text="i"))  # b ("ministers met"), c ("airstrikes")
    assert counts.event_types == {"Consult": 1, "Fight": 1, "Make public statement": 0}
    assert counts.countries["TUR"] == 2 and counts.countries["SYR"] == 1


def test_hidden_events_are_counted_only_when_shown(facets) -> None:
    assert facets.counts(FilterSpec(show_hidden=True)).countries["FRA"] == 1


def test_rows_narrow_every_list_too(facets) -> None:
    chosen = [True, False, True, False, False]  # a Relations bar's events
    counts = facets.counts(FilterSpec(countries=frozenset({"TUR"})), within=pd.Series(chosen).to_numpy())
    assert counts.countries == {"RUS": 0, "SYR": 1, "TUR": 2, "FRA": 0}
    assert counts.event_types == {"Consult": 1, "Fight": 1, "Make public statement": 0}
