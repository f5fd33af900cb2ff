"""A return to "the homeland" ("إلى أرض الوطن") is the journey of the one returning: his state's, not his host's."""

from __future__ import annotations

import datetime as dt

from tests.core.extract.test_events import date_at
from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.extract.home import returning_home

DAY = dt.date(2024, 9, 4)
VISIT = "واستقبل الرئيس رجب طيب أردوغان الرئيس عبد الفتاح السيسي في أنقرة اليوم. "


def parties(text: str, surface: str, value: str, issuer: str = "") -> tuple[str, ...]:
    found = extract_event_mentions(text, [date_at(text, surface, value)], None, DAY, issuer, language="ar")
    return found[0].countries


def test_a_statements_president_returning_home_is_its_issuers_journey_alone() -> None:
    text = VISIT + "ويعود السيد الرئيس إلى أرض الوطن غدًا."
    assert parties(text, "غدًا", "2024-09-05", "EGY") == ("EGY",)


def test_a_return_home_after_a_visit_named_in_the_clause_leaves_the_host_out() -> None:
    text = "عاد الرئيس عبد الفتاح السيسي إلى أرض الوطن اليوم بعد زيارة رسمية إلى الجمهورية التركية."
    assert parties(text, "اليوم", "2024-09-04") == ("EGY",)


def test_a_journey_elsewhere_keeps_its_host() -> None:
    # No homeland: the trip to Ankara is a visit, its host a party.
    text = "توجه الرئيس عبد الفتاح السيسي إلى الجمهورية التركية اليوم في زيارة رسمية."
    assert set(parties(text, "اليوم", "2024-09-04")) == {"EGY", "TUR"}


def test_a_return_naming_no_one_returns_no_state() -> None:
    assert returning_home("وعاد إلى أرض الوطن اليوم.", (0, 24), frozenset(), frozenset(), [], []) == frozenset()
