"""Tests of the parties of a clause: hosts and targets named by a place, topics, titles, venues, reactions."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.extract.test_events import date_at, extract


@pytest.mark.parametrize("sentence, expected", [
    ("The Indian foreign minister arrived in Hanoi on Sunday.", ("IND", "VNM")),
    ("Canadian troops have been stationed in Latvia since 2017.", ("CAN", "LVA")),
    ("Jets struck arms depots in eastern Syria on Sunday.", ("SYR",)),
    ("Ghana deployed a police contingent in Haiti on Sunday.", ("GHA", "HTI")),
])
def test_a_visits_host_or_an_attacks_target_takes_part(sentence: str, expected: tuple[str, ...]) -> None:
    surface = "since 2017" if "2017" in sentence else "Sunday"
    value = "2017" if "2017" in sentence else "2023-03-12"
    [m] = extract(sentence, date_at(sentence, surface, value))
    assert m.countries == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The foreign ministers of Peru and Chile met in Quito on Sunday.", ("CHL", "PER")),
    ("Peruvian jets shot down a Chilean drone over Bolivia on Sunday.", ("CHL", "PER")),
    ("Farmers blocked roads in Poland on Sunday.", ()),
])
def test_a_venue_or_a_place_passed_over_does_not_take_part(sentence: str, expected: tuple[str, ...]) -> None:
    [m] = extract(sentence, date_at(sentence, "Sunday", "2023-03-12"))
    assert m.countries == expected
    assert m.location_country == {"Quito": "ECU", "Bolivia": "BOL", "Poland": "POL"}[sentence.split()[-3].strip(".")]


def test_counterparts_in_a_capital_are_its_government() -> None:
    text = "Kenyan officials met their counterparts in Kampala on Sunday."
    [m] = extract(text, date_at(text, "Sunday", "2023-03-12"), published=dt.date(2023, 3, 15))
    assert m.countries == ("KEN", "UGA")
