"""Tests of lists of states each with its own date ("Ägypten 1979 und Jordanien 1994")."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.extract.test_events import date_at
from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.models import Precision


def parties(lang: str, text: str, *years: str) -> list[tuple[str, ...]]:
    dates = [date_at(text, y, y[-4:], Precision.YEAR) for y in years]
    return [m.countries for m in extract_event_mentions(text, dates, None, dt.date(2020, 9, 16), language=lang)]


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Erst zwei arabische Staaten haben Frieden mit Israel geschlossen: Ägypten 1979 und Jordanien 1994."),
    ("en", "Only two Arab states made peace with Israel before: Egypt in 1979 and Jordan in 1994."),
])
def test_each_date_of_such_a_list_is_its_own_states_with_the_partner_before_the_colon(lang: str, text: str) -> None:
    assert parties(lang, text, "1979", "1994") == [("EGY", "ISR"), ("ISR", "JOR")]


def test_without_a_colon_each_date_keeps_its_own_state_only_of_the_list() -> None:
    text = "وتصبح الإمارات ثالث دولة عربية تقيم علاقات مع إسرائيل، بعد مصر عام 1979 والأردن عام 1994."
    assert parties("ar", text, "عام 1979", "عام 1994") == [("EGY",), ("JOR",)]


@pytest.mark.parametrize(("lang", "text", "years", "expected"), [
    # One state and one date is no list: the clause's states stay.
    ("de", "Russland hatte die Ukraine 2014 angegriffen.", ("2014",), [("RUS", "UKR")]),
    # Two dates whose states are not each right before them: no list.
    ("de", "Ägypten und Jordanien schlossen 1979 und 1994 Frieden mit Israel.", ("1979", "1994"),
     [("EGY", "ISR", "JOR"), ("EGY", "ISR", "JOR")]),
])
def test_dates_not_in_such_a_list_keep_the_clause_states(lang: str, text: str, years: tuple[str, ...],
                                                         expected: list[tuple[str, ...]]) -> None:
    assert parties(lang, text, *years) == expected
