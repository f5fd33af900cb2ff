"""Persons a text introduces through a state's possessive or an apposition, then names by surname alone."""

from __future__ import annotations

from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.models import EntityKind


def persons(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in Gazetteer.default().tag(text) if m.kind is EntityKind.PERSON]


def test_a_name_after_a_states_possessive_and_an_office_is_learned() -> None:
    text = "Mongolia's envoy Batmunkh Tsend arrived in Paris. Tsend left for Berlin."
    assert persons(text) == [("Batmunkh Tsend", "MNG"), ("Tsend", "MNG")]


def test_a_name_a_comma_sets_before_a_states_office_is_learned() -> None:
    text = "Piero Galvani, the Holy See's Secretary for Relations with States, arrived. Galvani left for Hue."
    assert ("Galvani", "VAT") in persons(text)
    text = "Abdoulaye Sangare, Mali's foreign minister, arrived. Sangare left."
    assert ("Sangare", "MLI") in persons(text)


def test_words_before_a_comma_that_open_a_sentence_are_no_name() -> None:
    assert persons("On Friday, Mali's foreign minister arrived. Friday was calm.") == []
    assert persons("Yesterday, Mali's foreign minister arrived. Yesterday was calm.") == []
    assert persons("Mali's foreign minister arrived with Sangare. Sangare left.") == []
