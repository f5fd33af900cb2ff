"""Clauses with a subject of their own keep it to their date: "a bloc Mauritania left in 2000", "since Azerbaijan retook"."""

from __future__ import annotations

import datetime as dt

from tests.core.extract.test_events import date_at, extract
from timeline_app.core.extract.clauses import clause_spans
from timeline_app.core.models import Precision


def test_a_noun_described_by_its_own_dated_clause_keeps_its_subject_to_that_date() -> None:
    text = "Mali and Niger left ECOWAS in January 2024, a bloc Mauritania left in 2000."
    first, second = extract(text, date_at(text, "January 2024", "2024-01", Precision.MONTH),
                            date_at(text, "2000", "2000", Precision.YEAR), published=dt.date(2025, 2, 7))
    assert first.countries == ("MLI", "NER")
    assert second.countries == ("MRT",)


def test_a_possessive_subject_of_the_described_noun_is_its_own() -> None:
    text = "The EU signed a migration deal with Mauritania in March 2024, a deal Spain's Prime Minister helped negotiate that February."
    first, _second = extract(text, date_at(text, "March 2024", "2024-03", Precision.MONTH),
                             date_at(text, "February", "2024-02", Precision.MONTH), published=dt.date(2025, 2, 7))
    assert first.countries == ("MRT",)


def test_a_name_after_the_noun_without_a_verb_of_its_own_cuts_nothing() -> None:
    # "a first visit to Nigeria" names the place of the same event: no clause of its own.
    text = "Ghana's president met Tinubu in Abuja on Monday, a first visit to Nigeria since he returned to office in January."
    first, _second = extract(text, date_at(text, "Monday", "2025-03-10"),
                             date_at(text, "January", "2025-01", Precision.MONTH), published=dt.date(2025, 3, 14))
    assert set(first.countries) == {"GHA", "NGA"}


def test_a_subordinate_clause_after_an_aside_keeps_its_own_subject() -> None:
    text = ("Russia, which brokered the ceasefire on November 10, 2020, has watched its role shrink since Azerbaijan "
            "retook Nagorno-Karabakh in September 2023.")
    brokered, retook = extract(text, date_at(text, "November 10, 2020", "2020-11-10"),
                               date_at(text, "September 2023", "2023-09", Precision.MONTH), published=dt.date(2025, 8, 8))
    assert brokered.countries == ("RUS",)
    assert retook.countries == ("AZE",)


def test_a_verb_after_an_aside_still_takes_the_subject_before_it() -> None:
    text = "Angola, which had mediated since 2022, stepped aside in March 2025."
    _since, stepped = extract(text, date_at(text, "2022", "2022", Precision.YEAR),
                              date_at(text, "March 2025", "2025-03", Precision.MONTH), published=dt.date(2025, 8, 8))
    assert stepped.countries == ("AGO",)


def test_a_verb_coordinated_after_a_relative_clause_takes_the_main_subject_not_its_objects() -> None:
    text = ("The representative of Haiti thanked Kenya and Jamaica, whose police have served in the mission since 2024, "
            "and said a plan would be presented next month.")
    _served, said = extract(text, date_at(text, "2024", "2024", Precision.YEAR),
                            date_at(text, "next month", "2025-11", Precision.MONTH), published=dt.date(2025, 10, 1))
    assert said.countries == ("HTI",)
    # Without "and", the clause after the relative one is the main verb of the subject before it, as before.
    text = "Kenya, whose police have served in Haiti since 2024, will leave next month."
    _served, leave = extract(text, date_at(text, "2024", "2024", Precision.YEAR),
                             date_at(text, "next month", "2025-11", Precision.MONTH), published=dt.date(2025, 10, 1))
    assert "KEN" in leave.countries


def test_a_noun_with_a_preposition_after_an_opening_phrase_is_the_main_clause_not_a_description() -> None:
    text = "Today, as a result of checks, a citizen of the French Republic was detained in Baku."
    day = date_at(text, "Today", "2030-07-16")
    assert clause_spans(text, 0, len(text), [(day.start, day.end)]) == [(0, len(text))]
