"""Tests of the words a date's event is read from: a subordinate event, the sentence less its other dates, undated reactions."""

from __future__ import annotations

import pytest

from tests.core.extract.test_events import PUBLISHED, date_at, extract
from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.models import Precision


def _sunday(sentence: str) -> tuple[str, ...]:
    [m] = extract(sentence, date_at(sentence, "Sunday", "2023-03-12"))
    return m.countries


def _tuesday(first: str, second: str) -> tuple[str, ...]:
    """The countries of `second`'s Tuesday, after `first` (a sentence with a Monday)."""
    text = first + second
    _first, m = extract(text, date_at(text, "Monday", "2023-03-13"), date_at(text, "Tuesday", "2023-03-14"))
    return m.countries


def _issued(sentence: str, issuer: str) -> tuple[str, ...]:
    """The countries of the Sunday of `sentence` in a statement of `issuer`."""
    [m] = extract_event_mentions(sentence, [date_at(sentence, "Sunday", "2023-03-12")], None, PUBLISHED, issuer=issuer)
    return m.countries


@pytest.mark.parametrize("sentence, expected", [
    # A subordinate clause with a named subject and an object: the date is its event's.
    ("Peru's talks with Chile stalled after Bolivia closed its border on Sunday.", ("BOL",)),
    ("Chile blames Peru for the delay, as Bolivia shut the pipeline on Sunday.", ("BOL",)),
    # Its subject a pronoun, no subject at all, or nothing after its verb: the main clause's event.
    ("Chile has patrolled the border since it signed an accord with Peru on Sunday.", ("CHL", "PER")),
    ("Bolivia has not held talks since a dispute with Chile on Sunday.", ("BOL", "CHL")),
    ("Peru's ports have been closed since Chile invaded on Sunday.", ("CHL", "PER")),
])
def test_a_date_in_a_subordinate_clause_dates_that_clauses_event(sentence: str, expected: tuple[str, ...]) -> None:
    assert _sunday(sentence) == expected


def test_as_before_a_title_opens_no_clause() -> None:
    assert _sunday("Peru, as chair of the talks, received Chile's envoy on Sunday.") == ("CHL", "PER")


def test_a_clause_naming_no_state_takes_none_from_the_other_dates_clause() -> None:
    text = "The treaty was signed in March 2015; Chile withdrew in 2019."
    signed, withdrew = extract(text, date_at(text, "March 2015", "2015-03", Precision.MONTH),
                               date_at(text, "2019", "2019", Precision.YEAR))
    assert (signed.countries, withdrew.countries) == ((), ("CHL",))


def test_a_clause_naming_no_state_still_takes_its_own_sentences_states() -> None:
    text = "The treaty was signed in March 2015, and Chile called it a mistake."
    [signed] = extract(text, date_at(text, "March 2015", "2015-03", Precision.MONTH))
    assert signed.countries == ("CHL",)
    # Joined without a semicolon, colon or dash, the other date's clause goes on with the same actors.
    text = "The pact that Chile and Peru signed on Monday ends talks held since September 2021."
    _signed, talks = extract(text, date_at(text, "Monday", "2023-03-13"), date_at(text, "September 2021", "2021-09", Precision.MONTH))
    assert talks.countries == ("CHL", "PER")


@pytest.mark.parametrize("sentence, expected", [
    # A reaction in the present perfect takes no date: the date is the attack's.
    ("Chile has strongly condemned the attack on a Peruvian patrol on Sunday.", ("PER",)),
    # In the past tense the reaction itself is dated.
    ("Chile condemned the attack on a Peruvian patrol on Sunday.", ("CHL", "PER")),
])
def test_a_reaction_in_the_present_perfect_is_not_dated(sentence: str, expected: tuple[str, ...]) -> None:
    assert _sunday(sentence) == expected


def test_we_look_forward_to_is_not_dated_in_a_statement() -> None:
    assert _issued("We look forward to the visit of the Peruvian president on Sunday.", "CHL") == ("PER",)
    assert _issued("We hosted the Peruvian president on Sunday.", "CHL") == ("CHL", "PER")


@pytest.mark.parametrize("sentence, expected", [
    # "which" right after a compared state: the relative clause is that state's own event.
    ("Peru, unlike Chile, which joined the pact on Sunday, has no date for talks.", ("CHL",)),
    ("Bolivia, like Ecuador, which left the bloc on Sunday, wants new terms.", ("ECU",)),
    # After a state that is not compared, "which" stands for the clause's noun, with its states.
    ("Chile signed a pact with Peru, which took effect on Sunday.", ("CHL", "PER")),
])
def test_which_after_a_compared_state_is_that_states_event(sentence: str, expected: tuple[str, ...]) -> None:
    assert _sunday(sentence) == expected


@pytest.mark.parametrize("text, first, second", [
    # A gapped phrase may open with "a second" and the partner's preposition: each date its own partner.
    ("Chile signed a fishing pact with Peru in March 2021 and a second with Ecuador in May 2022.", ("CHL", "PER"), ("CHL", "ECU")),
    ("Chile sold jets to Peru in March 2021 and then to Ecuador in May 2022.", ("CHL", "PER"), ("CHL", "ECU")),
    # Words that are no lead keep the sentence one event: the second date is when both pacts took effect.
    ("Chile signed pacts with Peru in March 2021 and both with Ecuador in May 2022.", ("CHL", "ECU", "PER"), ("CHL", "ECU", "PER")),
])
def test_a_gapped_phrase_may_open_with_a_lead_word(text: str, first: tuple[str, ...], second: tuple[str, ...]) -> None:
    a, b = extract(text, date_at(text, "March 2021", "2021-03", Precision.MONTH), date_at(text, "May 2022", "2022-05", Precision.MONTH))
    assert (a.countries, b.countries) == (first, second)


@pytest.mark.parametrize("second, expected", [
    # A role in title case still counts the two parties it refers back to.
    ("The two Foreign Ministers last met in Lima in 2019.", ("CHL", "PER")),
    ("The two Presidents last met in Lima in 2019.", ("CHL", "PER")),
    # Another capitalised plural is a name, not the parties.
    ("The two Andean Games opened in Lima in 2019.", ()),
])
def test_the_two_with_a_capitalised_role_refers_back(second: str, expected: tuple[str, ...]) -> None:
    text = "Chile's foreign minister received his Peruvian counterpart on Monday.\n" + second
    _first, m = extract(text, date_at(text, "Monday", "2023-03-13"), date_at(text, "2019", "2019", Precision.YEAR))
    assert m.countries == expected


@pytest.mark.parametrize("second, expected", [
    # A group's members urging "both sides": the pair is named besides the members.
    ("G7 foreign ministers urged both sides to show restraint on Tuesday.",
     ("CAN", "CHL", "DEU", "FRA", "GBR", "ITA", "JPN", "PER", "USA")),
    # A group that only discusses the event takes nothing from it.
    ("G7 foreign ministers discussed the talks on Tuesday.", ("CAN", "DEU", "FRA", "GBR", "ITA", "JPN", "USA")),
])
def test_both_sides_beside_a_group_are_the_pair_before(second: str, expected: tuple[str, ...]) -> None:
    assert _tuesday("Chile and Peru exchanged fire on Monday. ", second) == expected


@pytest.mark.parametrize("second, expected", [
    # A named state acting on what the group owns ("the leaders' declaration") acts alone.
    ("Chile's president signed the leaders' declaration on Tuesday.", ("CHL",)),
    # Without the possessive, "the leaders" still refers back to the summit's states.
    ("Chile's president met the leaders on Tuesday.", ("BOL", "CHL", "ECU", "PER")),
])
def test_a_group_reference_as_possessor_brings_no_parties(second: str, expected: tuple[str, ...]) -> None:
    assert _tuesday("The presidents of Peru, Bolivia and Ecuador opened a summit on Monday. ", second) == expected


@pytest.mark.parametrize("second, expected", [
    # "His Majesty", "Her Excellency": a title, not a pronoun for the person named before.
    ("His Majesty the King received the Bolivian envoy on Tuesday.", ("BOL",)),
    ("Her Excellency the Ambassador received the Bolivian envoy on Tuesday.", ("BOL",)),
    # "He" is that person.
    ("He received the Bolivian envoy on Tuesday.", ("BOL", "PER")),
])
def test_an_honorific_is_no_pronoun(second: str, expected: tuple[str, ...]) -> None:
    assert _tuesday("Peruvian President Dina Boluarte spoke in Lima on Monday. ", second) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A delegation expected in a capital: the host takes part, as with "arrived in".
    ("The Peruvian delegation is expected in Santiago on Sunday.", ("CHL", "PER")),
    # Only after a party: rain or a decision expected in a capital names no state.
    ("Rain is expected in Santiago on Sunday.", ()),
    ("A decision is due in Lima on Sunday.", ()),
    # "-based" belongs to its own name: a later place is only where it happened.
    ("The Peru-based group held a rally in northern Chile on Sunday.", ()),
    # A group based in a place: that place's state is acted upon when sanctions hit it.
    ("Chile sanctioned a group based in Peru on Sunday.", ("CHL", "PER")),
])
def test_a_visit_expected_in_a_capital_and_a_based_compound(sentence: str, expected: tuple[str, ...]) -> None:
    assert _sunday(sentence) == expected


def test_what_was_said_names_parties_even_with_a_date_of_its_own() -> None:
    text = "Chile said on Monday that Peruvian troops had crossed the border on Sunday."
    said, crossed = extract(text, date_at(text, "Monday", "2023-03-13"), date_at(text, "Sunday", "2023-03-12"))
    assert (said.countries, crossed.countries) == (("CHL", "PER"), ("PER",))


def test_what_was_said_leaves_the_states_of_a_dated_noun_to_that_noun() -> None:
    text = "Chile said on Monday that it would leave Peru's 2015 pact with Bolivia."
    said, _pact = extract(text, date_at(text, "Monday", "2023-03-13"), date_at(text, "2015", "2015", Precision.YEAR))
    assert said.countries == ("CHL",)


@pytest.mark.parametrize("sentence, expected", [
    # ", and" with a subject and its verb after the last date: a new clause, which that date does not date.
    ("Chile's president met Peru's on Sunday, and we have protested to both.", ("CHL", "PER")),
    ("Chile's president met Peru's on Sunday, and Bolivia has protested.", ("CHL", "PER")),
    # Without a verb of its own the words after ", and" go on with the dated clause.
    ("Chile's president met Peru's on Sunday, and Bolivia's as well.", ("BOL", "CHL", "PER")),
])
def test_a_new_clause_after_the_last_date_is_not_dated(sentence: str, expected: tuple[str, ...]) -> None:
    assert _issued(sentence, "ECU") == expected


@pytest.mark.parametrize("second, expected", [
    # A film, a band, a team: a subject that is no state takes none from the event before.
    ("The musical returned to the stage on Tuesday.", ()),
    ("The band played in Lima on Tuesday.", ()),
    # A subject that names nobody still does.
    ("The pact was published on Tuesday.", ("CHL", "PER")),
])
def test_a_show_or_a_team_takes_no_state_from_the_event_before(second: str, expected: tuple[str, ...]) -> None:
    assert _tuesday("Chile and Peru signed a fishing pact on Monday. ", second) == expected


@pytest.mark.parametrize("sentence, expected", [
    # Soldiers or personnel in a place: a deployment, whose host takes part, as with "troops".
    ("Chilean soldiers patrolled villages in Peru on Sunday.", ("CHL", "PER")),
    ("The last Chilean military personnel in Bolivia left on Sunday.", ("BOL", "CHL")),
    # A state's own thing between them and the place: the place is only where it happened.
    ("Chilean personnel shot down a Peruvian drone over Bolivia on Sunday.", ("CHL", "PER")),
])
def test_soldiers_or_personnel_in_a_place_are_a_deployment(sentence: str, expected: tuple[str, ...]) -> None:
    assert _sunday(sentence) == expected


@pytest.mark.parametrize("second, expected", [
    # A state's own act on an agreement: none of its other parties.
    ("Bolivia ratified the agreement on Tuesday.", ("BOL",)),
    ("Bolivia withdrew from the agreement on Tuesday.", ("BOL",)),
    # Signing it joins its parties.
    ("Bolivia signed the agreement on Tuesday.", ("BOL", "CHL", "PER")),
])
def test_a_unilateral_act_on_an_agreement_takes_none_of_its_parties(second: str, expected: tuple[str, ...]) -> None:
    assert _tuesday("Chile and Peru signed a fishing agreement on Monday. ", second) == expected


# ---- a person's life (clause_words.tsv: life_event) ---------------------------------------------------


@pytest.mark.parametrize("second", [
    "The envoy who drafted it died on Tuesday at the age of 81.",
    "Its chief negotiator, who stepped down in 2019, retired on Tuesday after 40 years.",
    "The former ambassador passed away Tuesday, his family said.",
])
def test_a_life_event_borrows_no_state_from_the_event_before(second: str) -> None:
    assert _tuesday("Namibia and Botswana signed a water accord on Monday. ", second) == ()


@pytest.mark.parametrize("second, codes", [
    ("The two ministers met again on Tuesday.", ("BWA", "NAM")),
    ("Retired general Haufiku said on Tuesday that both sides had agreed.", ("BWA", "NAM")),
    ("Three Namibian soldiers died in a Botswanan border shooting on Tuesday.", ("BWA", "NAM")),
])
def test_a_life_word_that_tells_no_life_keeps_the_parties(second: str, codes: tuple[str, ...]) -> None:
    assert _tuesday("Namibia and Botswana signed a water accord on Monday. ", second) == codes
