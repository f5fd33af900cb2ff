"""Tests of the parties of a clause: hosts and targets named by a place, topics, titles, venues, reactions."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.extract.test_events import date_at, extract
from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.models import Precision


@pytest.mark.parametrize("sentence, expected", [
    ("The Indian foreign minister arrived in Hanoi on Sunday.", ("IND", "VNM")),
    ("Canadian troops have been stationed in Latvia since 2017.", ("CAN", "LVA")),
    ("Jets struck arms depots in eastern Syria on Sunday.", ("SYR",)),
    ("Ghana deployed a police contingent in Haiti on Sunday.", ("GHA", "HTI")),
    ("Militants fired rockets at the Israeli city of Sderot on Sunday.", ("ISR",)),
    ("The Kenyan foreign minister headed to Kampala on Sunday.", ("KEN", "UGA")),
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
    ("Fans fired flares in the Polish city of Gdansk on Sunday.", ()),
])
def test_a_venue_or_a_place_passed_over_does_not_take_part(sentence: str, expected: tuple[str, ...]) -> None:
    [m] = extract(sentence, date_at(sentence, "Sunday", "2023-03-12"))
    assert m.countries == expected
    assert m.location_country == {"Quito": "ECU", "Bolivia": "BOL", "Poland": "POL", "Gdansk": "POL"}[sentence.split()[-3].strip(".")]


def test_counterparts_in_a_capital_are_its_government() -> None:
    text = "Kenyan officials met their counterparts in Kampala on Sunday."
    [m] = extract(text, date_at(text, "Sunday", "2023-03-12"), published=dt.date(2023, 3, 15))
    assert m.countries == ("KEN", "UGA")


def _one(sentence: str, surface: str = "Sunday", value: str = "2023-03-12") -> tuple[str, ...]:
    [m] = extract(sentence, date_at(sentence, surface, value))
    return m.countries


@pytest.mark.parametrize("sentence, expected", [
    ("On Sunday, Egypt's foreign minister spoke with his Qatari counterpart about the fighting in Sudan.", ("EGY", "QAT")),
    ("Peru's president discussed Bolivia with the Chilean premier on Sunday.", ("CHL", "PER")),
    ("Japan set out its position on the Taiwan question on Sunday.", ("JPN",)),
    ("The UK raised the situation in Darfur with Kenya on Sunday.", ("GBR", "KEN")),
])
def test_a_topic_is_no_party(sentence: str, expected: tuple[str, ...]) -> None:
    assert _one(sentence) == expected


def test_a_state_spoken_to_or_about_as_a_party_still_counts() -> None:
    assert _one("On Sunday, Egypt's foreign minister spoke with Qatar.") == ("EGY", "QAT")
    assert _one("Peru accused Bolivia of stalling on Sunday.") == ("BOL", "PER")


def test_a_state_in_an_envoys_title_is_no_party_but_envoys_sent_to_it_are() -> None:
    assert _one("U.S. Ambassador to Japan Rahm Emanuel criticised China on Sunday.") == ("CHN", "USA")
    assert _one("Egypt recalled its ambassadors to Qatar and Bahrain on Sunday.") == ("BHR", "EGY", "QAT")


def test_a_city_of_a_state_named_by_a_possessive_is_a_venue() -> None:
    assert _one("Armenian and Azerbaijani envoys met in Georgia's capital on Sunday.") == ("ARM", "AZE")
    assert _one("The court ruled in Chile's favour on Sunday.") == ("CHL",)


def test_a_present_reaction_is_not_part_of_the_event_it_reacts_to() -> None:
    assert _one("Norway is appalled by the shelling of Kharkiv on Sunday.") == ("UKR",)
    assert _one("Norway condemned the shelling of Kharkiv on Sunday.") == ("NOR", "UKR")
    text = "We thank the Government of Ghana, which announced on Sunday that it would send police."
    [m] = extract_event_mentions(text, [date_at(text, "Sunday", "2023-03-12")], None, dt.date(2023, 3, 15), "USA")
    assert m.countries == ("GHA",)
    text = "We met the Government of Ghana, which announced on Sunday that it would send police."
    [m] = extract_event_mentions(text, [date_at(text, "Sunday", "2023-03-12")], None, dt.date(2023, 3, 15), "USA")
    assert m.countries == ("GHA", "USA")


def test_the_subject_before_a_relative_aside_acts() -> None:
    text = "Qatar, which had hosted the talks since 2021, withdrew in March."
    _since, march = extract(text, date_at(text, "2021", "2021", Precision.YEAR), date_at(text, "March", "2023-03", Precision.MONTH))
    assert march.countries == ("QAT",)


def test_open_ended_partners_borrow_no_earlier_states() -> None:
    text = "Norway and Sweden signed a pact on Sunday. Western partners have held exercises since 2022."
    pact, since = extract(text, date_at(text, "Sunday", "2023-03-12"), date_at(text, "since 2022", "2022", Precision.YEAR))
    assert pact.countries == ("NOR", "SWE") and since.countries == ()


def test_an_armed_group_acting_alone_takes_no_state_of_the_same_day() -> None:
    text = "U.S. jets struck Houthi targets in Yemen on Friday. A Houthi spokesman said on Friday that fighters died."
    strike, said = extract(text, date_at(text, "Friday", "2024-01-12"), date_at(text, "Friday", "2024-01-12", nth=1))
    assert strike.countries == ("USA", "YEM") and said.countries == () and said.organizations == ("HOUTHIS",)


def test_what_a_state_said_on_a_day_brings_the_states_it_names() -> None:
    assert _one("Peru said on Sunday that Chile would return two border posts to Bolivia.") == ("BOL", "CHL", "PER")
    text = "Peru said on Sunday that Chile had signed the 2015 accord with Bolivia."
    sunday, _year = extract(text, date_at(text, "Sunday", "2023-03-12"), date_at(text, "2015", "2015", Precision.YEAR))
    assert sunday.countries == ("PER",)  # what was said has its own date: its states are that event's


def test_a_former_office_holder_acts_for_no_state() -> None:
    text = "Donald Trump held a rally in Ohio on Sunday."
    [m] = extract(text, date_at(text, "Sunday", "2024-03-17"), published=dt.date(2024, 3, 20))
    assert m.countries == ()
    [m] = extract(text, date_at(text, "Sunday", "2025-03-16"), published=dt.date(2025, 3, 20))
    assert m.countries == ("USA",)


def test_states_listed_after_a_colon_belong_to_the_clause_before() -> None:
    assert _one("Peru promised on Sunday to send aid to three neighbours: Chile, Bolivia and Ecuador.") == (
        "BOL", "CHL", "ECU", "PER")
    text = "AFP: Peru said on Sunday that talks would go on."
    [m] = extract(text, date_at(text, "Sunday", "2023-03-12"))
    assert m.countries == ("PER",)  # a speaker's name before a colon is no list


def test_the_subject_before_an_aside_acts_even_when_the_clause_names_a_state() -> None:
    assert _one("Ghana's president, who chairs the bloc, sent an envoy to Togo on Sunday.") == ("GHA", "TGO")


def test_which_after_a_named_group_brings_its_members() -> None:
    text = "Ministers prepared the AUKUS summit, which Canada will host in May."
    [m] = extract(text, date_at(text, "May", "2023-05", Precision.MONTH), published=dt.date(2023, 3, 15))
    assert m.countries == ("AUS", "CAN", "GBR", "USA")


def test_firms_based_in_a_state_that_are_sanctioned_bring_it() -> None:
    assert _one("On Sunday, Canada sanctioned two firms based in Oman.") == ("CAN", "OMN")


def test_an_ethnic_group_is_not_its_kin_state() -> None:
    assert _one("Karabakh Armenian forces agreed to a ceasefire with Azerbaijan on Sunday.") == ("AZE",)


# ---- what a clause naming no party takes from the events before it (second dev round) ----------------


def _two(text: str, second: str, value: str) -> tuple[str, ...]:
    """The countries of the second of two dated sentences: "Monday" in the first, `second` in the other."""
    _first, m = extract(text, date_at(text, "Monday", "2023-03-13"),
                        date_at(text, second, value, Precision.YEAR if len(value) == 4 else Precision.DAY))
    return m.countries


_PACT = "Chile and Peru signed a fishing pact on Monday. "


@pytest.mark.parametrize("second, surface, value, expected", [
    # A clause whose only state is compared, or whose subject is people or things that are no state.
    ("Unlike Bolivia in 2019, the region stayed calm in 2020.", "2020", "2020", ()),
    ("Copper prices fell on Tuesday.", "Tuesday", "2023-03-14", ()),
    ("Researchers at two universities warned on Tuesday.", "Tuesday", "2023-03-14", ()),
    # The event before still lends its states to a clause that names nobody: "the pact" is theirs.
    ("The pact took effect on Tuesday.", "Tuesday", "2023-03-14", ("CHL", "PER")),
    ("It was ratified on Tuesday.", "Tuesday", "2023-03-14", ("CHL", "PER")),
])
def test_what_a_clause_naming_no_party_takes_from_the_event_before(second: str, surface: str, value: str,
                                                                    expected: tuple[str, ...]) -> None:
    assert _two(_PACT + second, surface, value) == expected


def test_who_after_a_comma_stands_for_the_person_before_it_not_the_whole_clause() -> None:
    text = "Among the Chinese leader's guests was the Brazilian president, who had flown in on Sunday."
    assert _one(text) == ("BRA",)
    text = "The talks were attended by Chile's foreign minister and the Qatari emir, who arrived on Sunday."
    assert _one(text) == ("QAT",)


def test_between_the_three_countries_refers_back_beside_a_named_broker() -> None:
    text = ("Egypt said talks with Ethiopia and Sudan had failed on Monday. "
            "Talks between the three countries brokered by Washington resumed on Tuesday.")
    assert set(_two(text, "Tuesday", "2023-03-14")) == {"EGY", "ETH", "SDN", "USA"}
    text = ("Egypt said talks with Ethiopia and Sudan had failed on Monday. "
            "Talks between Kenya and Somalia brokered by Turkey resumed on Tuesday.")
    assert set(_two(text, "Tuesday", "2023-03-14")) == {"KEN", "SOM", "TUR"}


def test_a_list_of_names_after_a_comma_is_no_new_subject_between_two_dates() -> None:
    text = "Cairo cited the 2015 declaration, which the leaders of Egypt, Ethiopia and Sudan signed in March 2015."
    _first, m = extract(text, date_at(text, "2015", "2015", Precision.YEAR),
                        date_at(text, "March 2015", "2015-03", Precision.MONTH))
    assert set(m.countries) == {"EGY", "ETH", "SDN"}
    text = "Chile's Congress ratified the treaty in May, Peru's Congress ratified it in June."
    _first, m = extract(text, date_at(text, "May", "2023-05", Precision.MONTH), date_at(text, "June", "2023-06", Precision.MONTH))
    assert m.countries == ("PER",)


@pytest.mark.parametrize("sentence, expected", [
    ("The EU sanctioned Rosneft and Sovcomflot on Sunday.", ("RUS",)),
    ("Codelco signed a lithium deal with a private Chilean miner on Sunday.", ("CHL",)),
    ("Reliance Industries signed a supply deal with Shell on Sunday.", ()),
])
def test_a_state_company_stands_for_its_state(sentence: str, expected: tuple[str, ...]) -> None:
    assert _one(sentence) == expected


def test_the_accusations_refer_back_to_the_event_that_made_them() -> None:
    text = "Canada and Australia accused Iran of plotting attacks on Monday. Tehran rejected the accusations on Tuesday."
    assert set(_two(text, "Tuesday", "2023-03-14")) == {"AUS", "CAN", "IRN"}
    text = "Canada and Australia accused Iran of plotting attacks on Monday. Tehran rejected new claims by Iraq on Tuesday."
    assert set(_two(text, "Tuesday", "2023-03-14")) == {"IRN", "IRQ"}


def test_an_institution_named_without_its_state_is_the_state_the_story_was_filed_from() -> None:
    text = "Storm hits coast\n\nNIAMEY (Wire) — The junta ordered French troops out of the country in 2022."
    [m] = extract(text, date_at(text, "2022", "2022", Precision.YEAR))
    assert set(m.countries) == {"NER", "FRA"}
    # No dateline, a dateline of two capitals, or an institution whose state follows it: not the home's.
    for text in ("The junta ordered French troops out of the country in 2022.",
                 "Storm hits coast\n\nPARIS/NIAMEY (Wire) — The junta ordered French troops out of the country in 2022.",
                 "Storm hits coast\n\nNIAMEY (Wire) — The army of Chad ordered French troops out in 2022."):
        [m] = extract(text, date_at(text, "2022", "2022", Precision.YEAR))
        assert "NER" not in m.countries and "FRA" in m.countries, text
