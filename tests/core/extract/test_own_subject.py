"""Clauses with a subject of their own keep it to their date: "a bloc Mauritania left in 2000", "since Azerbaijan retook"."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.extract.test_events import date_at, extract
from timeline_app.core.extract.clauses import clause_spans
from timeline_app.core.models import Precision

_PRECISION = {4: Precision.YEAR, 7: Precision.MONTH, 10: Precision.DAY}


def two_dates(text: str, first: tuple[str, str], second: tuple[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The countries of the two dated events of `text`, each date given as (surface, value)."""
    dates = [date_at(text, surface, value, _PRECISION[len(value)]) for surface, value in (first, second)]
    a, b = extract(text, *dates, published=dt.date(2025, 10, 1))
    return a.countries, b.countries


@pytest.mark.parametrize(("text", "first", "second", "expected"), [
    # A noun described by its own dated clause without "that": each date its own subject.
    ("Mali and Niger left ECOWAS in January 2024, a bloc Mauritania left in 2000.",
     ("January 2024", "2024-01"), ("2000", "2000"), (("MLI", "NER"), ("MRT",))),
    ("The EU signed a migration deal with Mauritania in March 2024, a deal Spain's Prime Minister helped negotiate that February.",
     ("March 2024", "2024-03"), ("February", "2024-02"), (("MRT",), None)),
    # A subordinate clause after an aside keeps its own subject; a bare verb after it takes the subject before the aside.
    ("Russia, which brokered the ceasefire on November 10, 2020, has watched its role shrink since Azerbaijan "
     "retook Nagorno-Karabakh in September 2023.",
     ("November 10, 2020", "2020-11-10"), ("September 2023", "2023-09"), (("RUS",), ("AZE",))),
    ("Angola, which had mediated since 2022, stepped aside in March 2025.",
     ("2022", "2022"), ("March 2025", "2025-03"), (None, ("AGO",))),
    # A verb coordinated after a relative clause takes the main clause's subject, not its objects.
    ("The representative of Haiti thanked Kenya and Jamaica, whose police have served in the mission since 2024, "
     "and said a plan would be presented next month.",
     ("2024", "2024"), ("next month", "2025-11"), (None, ("HTI",))),
])
def test_a_clause_with_a_subject_of_its_own_keeps_it(text: str, first: tuple[str, str], second: tuple[str, str],
                                                     expected: tuple) -> None:
    got = two_dates(text, first, second)
    for want, have in zip(expected, got):
        assert want is None or have == want


def test_a_name_after_the_noun_without_a_verb_of_its_own_cuts_nothing() -> None:
    # "a first visit to Nigeria" names the place of the same event: no clause of its own.
    text = "Ghana's president met Tinubu in Abuja on Monday, a first visit to Nigeria since he returned to office in January."
    met, _returned = two_dates(text, ("Monday", "2025-09-29"), ("January", "2025-01"))
    assert set(met) == {"GHA", "NGA"}


def test_without_and_the_clause_after_a_relative_one_is_the_main_verb_of_the_subject_before_it() -> None:
    text = "Kenya, whose police have served in Haiti since 2024, will leave next month."
    _served, leave = two_dates(text, ("2024", "2024"), ("next month", "2025-11"))
    assert "KEN" in leave


def test_a_noun_with_a_preposition_after_an_opening_phrase_is_the_main_clause_not_a_description() -> None:
    text = "Today, as a result of checks, a citizen of the French Republic was detained in Baku."
    day = date_at(text, "Today", "2030-07-16")
    assert clause_spans(text, 0, len(text), [(day.start, day.end)]) == [(0, len(text))]
