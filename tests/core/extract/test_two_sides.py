""""The two sides" after an event of three states: the pair named before its sentence, not the speaker named in it."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.extract.test_events import date_at, extract
from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.models import Precision


@pytest.mark.parametrize(("text", "expected"), [
    # The host of the talks speaks in the sentence of "the two sides": it is named most there, but the pair is the talks' parties.
    ("Ethiopian Prime Minister Abiy and Somali President Hassan met in Ankara on Monday at talks convened by Turkish President "
     "Erdogan. Erdogan told reporters in Ankara that the two sides would meet again in March.", ("ETH", "SOM")),
    # The pair that is the antecedent is kept whoever speaks.
    ("Kenya and Uganda signed a pipeline deal on Monday. Kenya said the two sides would meet again in March.", ("KEN", "UGA")),
])
def test_the_two_sides_are_the_pair_named_before_the_sentence(text: str, expected: tuple[str, ...]) -> None:
    monday = date_at(text, "Monday", "2025-06-02", Precision.DAY)
    march = date_at(text, "March", "2026-03", Precision.MONTH)
    events = extract(text, monday, march, published=dt.date(2025, 6, 6))
    assert events[-1].countries == expected


def test_both_sides_in_a_statement_include_the_issuer_speaking() -> None:
    # No larger event comes before: the issuer's spokesman and the state named in the sentence are the sides.
    sentence = "The Government Spokesman said the trade accord concluded with Peru on Monday will enter into force once both parliaments approve it."
    monday = date_at(sentence, "Monday", "2025-06-02", Precision.DAY)
    [m] = extract_event_mentions(sentence, [monday], None, dt.date(2025, 6, 6), issuer="CHL")
    assert m.countries == ("CHL", "PER")


def test_a_group_owning_the_opening_subject_is_the_parties() -> None:
    text = ("Japan and South Korea restored their talks in March 2023. "
            "The three countries' leaders, including the U.S. President, met at Camp David in August 2023.")
    _first, m = extract(text, date_at(text, "March 2023", "2023-03", Precision.MONTH),
                        date_at(text, "August 2023", "2023-08", Precision.MONTH))
    assert m.countries == ("JPN", "KOR", "USA")


def test_a_state_acting_on_what_a_group_owns_takes_no_members() -> None:
    text = ("Japan and South Korea restored their talks in March 2023. "
            "The U.S. President endorsed the two countries' statement in August 2023.")
    _first, m = extract(text, date_at(text, "March 2023", "2023-03", Precision.MONTH),
                        date_at(text, "August 2023", "2023-08", Precision.MONTH))
    assert m.countries == ("USA",)
