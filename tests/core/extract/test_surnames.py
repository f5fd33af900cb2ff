"""Known office-holders named by surname alone: after an office or honorific, or after their full name."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.extract.surnames import surname_table
from timeline_app.core.models import EntityKind

D = dt.date(2022, 5, 2)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def persons(gaz: Gazetteer, text: str, when: dt.date | None = D) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in gaz.tag(text, when) if m.kind is EntityKind.PERSON]


def test_a_surname_after_an_office_names_its_state(gaz: Gazetteer) -> None:
    assert persons(gaz, "On Monday the visiting President Santokhi opened a new bridge over the river.") == [("Santokhi", "SUR")]
    assert persons(gaz, "On Monday the visiting president, Santokhi, opened a new bridge over the river.") == []
    assert persons(gaz, "On Monday Santokhi opened a new bridge over the river with the mayor.") == []


def test_a_short_given_name_between_office_and_surname_is_part_of_the_name(gaz: Gazetteer) -> None:
    text = "On Monday the visiting President Ram Santokhi opened a new bridge over the river."
    assert persons(gaz, text) == [("Ram Santokhi", "SUR")]
    # Written surname first ("Han Zheng"): the word is not a surname alone, and names no Korean.
    assert persons(gaz, "Earlier this week they met the visiting Vice President Han Zheng in the old palace.") == []


def test_an_honorific_stands_for_an_office(gaz: Gazetteer) -> None:
    assert persons(gaz, "In a speech at the port, Mr. Dissanayake promised new roads.", dt.date(2025, 1, 6)) == [("Dissanayake", "LKA")]
    assert persons(gaz, "In a speech at the port, Dissanayake promised new roads.", dt.date(2025, 1, 6)) == []


def test_a_surname_shared_by_persons_of_two_states_names_none(gaz: Gazetteer) -> None:
    text = "In the capital, President Kim met Prime Minister Singh and later Mr Khan for a working lunch."
    assert persons(gaz, text, dt.date(2010, 1, 4)) == []


def test_a_surname_that_is_a_common_word_names_nobody(gaz: Gazetteer) -> None:
    assert persons(gaz, "Yesterday, in the chamber, Prime Minister May answered questions on trade.", dt.date(2018, 1, 8)) == []


def test_a_surname_names_nobody_before_the_persons_first_office(gaz: Gazetteer) -> None:
    text = "On Monday the visiting President Santokhi opened a new bridge over the river."
    assert persons(gaz, text, dt.date(2001, 3, 5)) == []


def test_a_surname_after_the_full_name_earlier_in_the_text(gaz: Gazetteer) -> None:
    text = "Chandrikapersad Santokhi arrived in the morning. Santokhi said the talks were useful."
    assert persons(gaz, text)[-1] == ("Santokhi", "SUR")
    assert persons(gaz, "The delegation arrived in the morning. Santokhi said the talks were useful.") == []


def test_in_a_headline_only_a_surname_right_after_the_office(gaz: Gazetteer) -> None:
    assert persons(gaz, "Prime Minister Santokhi Opens Bridge\n\nThe bridge was opened.") == []  # "Santokhi Opens": a name run
    assert persons(gaz, "Talks With President Santokhi\n\nThe talks went on.") == [("Santokhi", "SUR")]
    assert persons(gaz, "Talks With President Ram Santokhi\n\nThe talks went on.") == []


P1 = [("USA", dt.date(2001, 1, 1), dt.date(2005, 1, 1))]
P2 = [("GBR", dt.date(2001, 1, 1), dt.date(2005, 1, 1))]


def test_the_surname_table_keeps_one_state_surnames_only() -> None:
    table = surname_table([(("Ann", "Example"), "Ann Example", P1), (("Bob", "Example"), "Bob Example", P1),
                           (("Cy", "Other"), "Cy Other", P1), (("Di", "Other"), "Di Other", P2)], set(), frozenset())
    assert table == {"example": ("Example", "Example", tuple(P1))}  # two persons of one state: the surname itself


def test_the_surname_table_leaves_out_aliases_common_words_and_first_words() -> None:
    rows = [(("Ann", "Paris"), "Ann Paris", P1), (("Bob", "Field"), "Bob Field", P1), (("Cy", "Lee"), "Cy Lee", P1),
            (("Lee", "Wu", "Hong"), "Lee Wu Hong", P2), (("Eve", "Stays"), "Eve Stays", P1), (("Fay", "Jr"), "Fay Jr", P1)]
    table = surname_table(rows, {("paris",)}, frozenset({"field"}))
    assert set(table) == {"stays", "hong"}  # "Lee" begins a British person's name; "Fay Jr" has no surname


def test_a_given_name_the_table_does_not_hold_is_another_person_of_that_state(gaz: Gazetteer) -> None:
    """Not the table's person: named as written, so the table's dated offices do not drop him as a former official."""
    text = "On Monday the visiting President Ram Santokhi opened a new bridge over the river."
    assert [m.name for m in gaz.tag(text, D) if m.kind is EntityKind.PERSON] == ["Ram Santokhi"]
    text = "On Monday the visiting President Santokhi opened a new bridge over the river."
    assert [m.name for m in gaz.tag(text, D) if m.kind is EntityKind.PERSON] == ["Chan Santokhi"]


def test_a_regnal_number_is_no_surname(gaz: Gazetteer) -> None:
    text = "Historians say that King Louis XIV built the palace at great cost to the treasury."
    assert persons(gaz, text, dt.date(2026, 1, 5)) == []
    assert persons(gaz, "In his homily at the basilica, Pope Leo XIV called for a truce.", dt.date(2026, 1, 5)) == [("Pope Leo XIV", "VAT")]
